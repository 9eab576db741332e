"""A minimal valid set of affairs and finance files, written on top of the `village` fixture."""

from __future__ import annotations

from pathlib import Path

LEDGER_CSV = """\
日期,凭证号,科目,摘要,收入,支出,经手人,审批人,项目编号
2026-03-02,记-01,补助收入,村道项目资金,"1,000.00",,甲一,乙二,XM-01
2026-03-05,记-02,管理费用,办公用品,,200.50,甲一,乙二,
2026-03-09,记-03,公益支出,村道材料款,,300.00,甲一,乙二,XM-01
"""

PERIODS_YML = """\
- 期间: 2026-03
  期初余额: 500.00
  期末余额: 999.50
  公布日期: 2026-04-05
"""

NOTICES_YML = """\
- id: GS-01
  title: 低保名单公示
  kind: 公示
  category: 惠民政策
  published: 2026-11-10
  start: 2026-11-10
  end: 2026-11-16
  body: |
    拟确定低保对象 2 户。

    - 第一户
    - 第二户
"""

DECISIONS_YML = """\
- id: JC-01
  title: 村道硬化
  summary: 硬化村道1公里
  published: 2026-02-01
  steps:
    - step: 党支部提议
      date: 2026-01-05
    - step: 两委会商议
      date: 2026-01-08
      members: 7
      present: 7
      agreed: 6
      against: 1
"""

PROJECTS_YML = """\
- id: XM-01
  name: 村道硬化
  budget: 1.2万
  funding: 县级衔接资金
  decision: JC-01
  published: 2026-02-10
  started: 2026-03-01
  progress:
    - date: 2026-03-20
      percent: 40
      text: 路基完成
"""

LISTS_YML = """\
- id: MD-01
  title: 低保对象名单
  basis: 村民代表会议评议
  published: 2026-11-10
  start: 2026-11-10
  end: 2026-11-16
"""

LIST_CSV = """\
名单编号,姓名,身份证号,联系电话,银行账号,金额,备注
MD-01,张三明,11010519491231002X,13812345678,6228480402564890018,580,因病
MD-01,李四,110105194912310062,0794-6000002,,520,
"""

FILES = {
    "ledgers/2026-03.csv": LEDGER_CSV,
    "ledgers/periods.yml": PERIODS_YML,
    "notices/2026.yml": NOTICES_YML,
    "decisions/2026.yml": DECISIONS_YML,
    "projects/2026.yml": PROJECTS_YML,
    "lists/lists.yml": LISTS_YML,
    "lists/MD-01.csv": LIST_CSV,
}


def write_affairs(project: Path, **replaced: str) -> Path:
    """Write every file of FILES (or its replacement, keyed by file stem) under project/data."""
    for name, text in FILES.items():
        path = project / "data" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(replaced.get(name, text), encoding="utf-8")
    return project
