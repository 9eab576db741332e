"""Affairs and finance pages from the fixture village: statuses, marks, links, QR codes, deadlines."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

import pytest
from helpers import TODAY
from helpers.affairs import DECISIONS_YML, LEDGER_CSV, PERIODS_YML, write_affairs

from generator.core import generate
from generator.deadlines import disclosure_status
from generator.model import load_site
from generator.settings import Settings, read_settings


def village_of(project, today=TODAY, settings=None, **replaced):
    site, problems = load_site(write_affairs(project, **replaced) / "data", today, project, settings)
    assert problems == []
    return site.villages[0]


@pytest.mark.parametrize(
    "today, status", [(date(2026, 11, 10), "公示中"), (date(2026, 11, 16), "公示中"), (date(2026, 11, 17), "已结束")]
)
def test_notice_status_follows_the_dates(village, today, status):
    notice = village_of(village, today).records["notices"][0]
    assert notice.status(today).text == status


def test_a_notice_shows_until_when_and_where_to_object(village):
    files = generate(write_affairs(village) / "data", TODAY, root=village).files
    page = files["notices/GS-01.md"]
    assert "公示期：2026年11月10日 至 2026年11月16日" in page
    assert "请在 2026年11月16日 前向村务监督委员会提出" in page and "也可以向试验镇纪委反映" in page
    assert "- 第一户\n- 第二户" in page  # the body stays Markdown


def test_missing_and_out_of_order_steps_are_marked(village):
    steps = (
        DECISIONS_YML
        + """\
    - step: 村民(代表)会议决议
      date: 2026-01-06
      members: 30
      present: 25
      agreed: 25
"""
    )
    decision = village_of(village, **{"decisions/2026.yml": steps}).records["decisions"][0]
    assert [(s.name, s.state) for s in decision.stages(TODAY)] == [
        ("党支部提议", "done"),
        ("两委会商议", "done"),
        ("党员大会审议", "missing"),
        ("村民(代表)会议决议", "disorder"),
        ("决议公开", "todo"),
        ("实施结果公开", "todo"),
    ]
    page = generate(village / "data", TODAY, root=village).files["decisions/JC-01.md"]
    assert "缺少这一步的记录" in page and "顺序颠倒" in page and "程序提示" in page


def test_project_spending_is_its_published_ledger_rows(village):
    files = generate(write_affairs(village) / "data", TODAY, root=village).files
    page = files["projects/XM-01.md"]
    assert "| 已支出 | 300.00 元" in page and "| 预算 | 12,000.00 元 |" in page
    assert "[2026-03](../finance/2026-03.md)" in page and '<progress value="40"' in page
    unpublished = village_of(village, **{"ledgers/periods.yml": PERIODS_YML.replace("  公布日期: 2026-04-05\n", "")})
    files = generate(village / "data", TODAY, root=village).files
    assert "已公布的财务明细里还没有这个项目的收支" in files["projects/XM-01.md"]
    assert "finance/2026-03.md" not in files and unpublished.records["ledger"]
    assert files["open-data/ledger.csv"].decode("utf-8-sig").count("\r\n") == 1  # the header only


def test_print_view_carries_a_qr_code_when_site_url_is_set(village):
    settings = Settings(site_url="https://cunwu.example.org/qinghe/")
    files = generate(write_affairs(village) / "data", TODAY, root=village, settings=settings).files
    page = files["print/notices/GS-01.md"]
    assert '<img src="GS-01-qr.svg" alt="二维码：扫码查看网上原文"' in page
    assert "https://cunwu.example.org/qinghe/notices/GS-01.html" in page
    svg = ET.fromstring(files["print/notices/GS-01-qr.svg"])
    assert svg.tag == "{http://www.w3.org/2000/svg}svg" and "print/finance/2026-03-qr.svg" in files
    assert "hide:\n  - navigation" in page


def test_masking_rules_from_the_config_are_applied(village):
    settings, problems = read_settings({"masking": {"id_number": "4+2", "phone": "0+4", "name": "1+0"}})
    assert problems == []
    entries = village_of(village, settings=settings).records["list_entries"]
    assert [(e.name, e.id_number, e.phone) for e in entries] == [
        ("张**", "1101************2X", "*******5678"),
        ("李*", "1101************62", "********0002"),
    ]
    page = generate(village / "data", TODAY, root=village, settings=settings).files["lists/MD-01.md"]
    assert "张&#42;&#42;" in page and "11010519491231002X" not in page


def test_masking_rules_that_keep_too_much_are_refused():
    _, problems = read_settings(
        {"masking": {"id_number": "6+6", "passport": "1+1"}, "deadlines": {"finance": "weekly"}}
    )
    assert [str(p) for p in problems] == [
        "mkdocs.yml，字段「plugins.cunwu.masking.id_number」：脱敏规则不对或保留得太多。应为：“前几位+后几位”，最多 6+4；"
        "实际为：“6+6”。提示：身份证号最多保留前 6 位和后 4 位，如 6+4。",
        "mkdocs.yml，字段「plugins.cunwu.masking.passport」：未知的脱敏项。应为：以下之一：name、id_number、phone、bank_account；"
        "实际为：“passport”。提示：删除这一项，或检查拼写。",
        "mkdocs.yml，字段「plugins.cunwu.deadlines.finance」：公开时限设置不对。应为：finance 或 affairs，取值 monthly（每月）"
        "或 quarterly（每季度）；实际为：“finance: weekly”。提示：如 finance: monthly",
    ]


def test_deadlines_show_overdue_months_and_the_next_due(village):
    today = date(2026, 7, 20)
    status = disclosure_status(village_of(village, today), today)
    assert [(d.kind, d.period, d.due, d.overdue, d.days(today)) for d in status] == [
        ("财务公开", "2026年4月", date(2026, 5, 10), True, 71),
        ("财务公开", "2026年5月", date(2026, 6, 10), True, 40),
        ("财务公开", "2026年6月", date(2026, 7, 10), True, 10),
        ("财务公开", "2026年7月", date(2026, 8, 10), False, -21),
        ("村务公开", "2026年第二季度", date(2026, 7, 10), True, 10),  # the decision of 2026-02-01 covers only Q1
        ("村务公开", "2026年第三季度", date(2026, 10, 10), False, -82),
    ]
    quarterly = Settings(deadlines={"finance": "quarterly"})
    status = disclosure_status(village_of(village, today, quarterly), today)
    assert [(d.period, d.overdue) for d in status] == [("2026年第二季度", True), ("2026年第三季度", False)]


def test_the_home_page_lists_what_is_due(village):
    page = generate(write_affairs(village) / "data", date(2026, 7, 20), root=village).files["index.md"]
    assert (
        '| 财务公开 | 2026年6月 | 2026年7月10日 | <span class="cunwu-status cunwu-status--overdue">已逾期 10 天</span> |'
        in page
    )
    assert "| 财务公开 | 2026年7月 | 2026年8月10日 | 待公布，还有 21 天 |" in page


def test_month_totals_by_account(village):
    files = generate(write_affairs(village) / "data", TODAY, root=village).files
    page = files["finance/2026-03.md"]
    assert "| 补助收入 | 1,000.00 |  |" in page and "| **合计** | **1,000.00** | **500.50** |" in page
    svg = ET.fromstring(files["finance/2026-03-accounts.svg"])
    assert svg.find("{http://www.w3.org/2000/svg}title").text == "2026年3月各科目收支（元）"
    for chart in ("finance/2026-03-accounts.svg", "finance/chart-months.svg"):
        assert b"<script" not in files[chart] and b"http" not in files[chart].replace(
            b"http://www.w3.org/2000/svg", b""
        )


QUARTER_PERIODS = (
    PERIODS_YML
    + """\
- 期间: 2025-11
  期初余额: 50.00
  期末余额: 80.00
  公布日期: 2025-12-05
- 期间: 2026-01
  期初余额: 100.00
  期末余额: 100.00
  公布日期: 2026-02-05
- 期间: 2026-02
  期初余额: 100.00
  期末余额: 500.00
  公布日期: 2026-12-01
"""
)
QUARTER_LEDGER = (
    LEDGER_CSV + "2026-02-10,记-01,其他收入,租金,400.00,,甲一,乙二,\n2025-11-03,记-01,其他收入,租金,30.00,,甲一,乙二,\n"
)


def quarter_files(project, today):
    data = (
        write_affairs(project, **{"ledgers/periods.yml": QUARTER_PERIODS, "ledgers/2026-03.csv": QUARTER_LEDGER})
        / "data"
    )
    generated = generate(data, today, root=project)
    assert generated.problems == []  # 2025-11 → 2026-01 skips a month across quarters: not a quarter's chain
    return generated.files


def test_a_quarter_holds_its_months_up_to_the_first_unpublished_one(village):
    files = quarter_files(village, TODAY)  # 2026-02 is published after TODAY, so 2026-03 waits for it
    page = files["finance/2026-Q1.md"]
    assert "| 100.00 | 0.00 | 0.00 | 100.00 |" in page and "这一季度目前只包括已公布的1月，其余月份公布后计入。" in page
    assert "[2026年1月](2026-01.md)" in page and "2026-03.md" not in page
    assert "本季度：[2026年第一季度](2026-Q1.md)" in files["finance/2026-01.md"]
    assert "本季度" not in files["finance/2026-03.md"]
    assert "finance/2025-Q4.md" in files and "print/finance/2026-Q1.md" in files and "finance/2026-Q2.md" not in files


def test_a_quarter_adds_up_its_months(village):
    files = quarter_files(village, date(2026, 12, 2))
    page = files["finance/2026-Q1.md"]
    key = " {: .cunwu-key }"  # key figures, kept on a phone's screen (generator/page_html.py)
    assert f"| 期初余额{key} | 本季度收入{key} | 本季度支出{key} | 期末余额{key} |" in page
    assert "| 100.00 | 1,400.00 | 500.50 | 999.50 |" in page and "其余月份" not in page
    assert "## 收支明细（4 笔）" in page and "| **合计** | **1,400.00** | **500.50** |" in page
    assert "| [2026年3月](2026-03.md) | 500.00 | 1,000.00 | 500.50 | 999.50 |" in page
    assert "本季度：[2026年第一季度](2026-Q1.md)" in files["finance/2026-03.md"]
    assert "[2026年第一季度](2026-Q1.md) |" in files["finance/index.md"]
    assert "2026年第一季度财务收支公开" in files["print/finance/2026-Q1.md"]
