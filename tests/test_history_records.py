"""Change history on every record page: one temporary repository with dated commits per record family."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import TODAY, VILLAGE_YML
from helpers.affairs import (
    DECISIONS_YML,
    LEDGER_CSV,
    LIST_CSV,
    NOTICES_YML,
    PERIODS_YML,
    PROJECTS_YML,
    write_affairs,
)
from helpers.repository import commit, git

from generator import history
from generator.core import generate
from generator.history import collect

TALENTS_CSV = """\
编号,姓名,村民小组,人才类型,专长
T001,丙三,第一组,能工巧匠,木工
"""

MENTORING_YML = """\
- id: JD-01
  kind: "1+1"
  members: M002
  talent: T001
  start: 2026-01-05
  end: 2026-12-31
  goals: 学会木工
  entries:
    - date: 2026-02-01
      text: 第一次上门
"""

WISHES_YML = """\
- id: W-01
  kind: 微心愿
  content: 修好路灯
  asker: 第一组住户
  asked: 2026-03-01
  assigned: 2026-03-02
  member: M001
  taken: 2026-03-03
  done: 2026-03-10
  outcome: 换了灯泡
"""

FIVE_GOODS_YML = """\
- year: 2025
  date: 2026-02-01
  by: 试验镇党委
  ratings:
    - criterion: 领导班子好
      rating: 较好
      basis: 班子团结
    - criterion: 党员干部队伍好
      rating: 好
      basis: 队伍稳定
    - criterion: 工作机制好
      rating: 好
      basis: 制度健全
    - criterion: 小康建设业绩好
      rating: 好
      basis: 收入增长
    - criterion: 农民群众反映好
      rating: 好
      basis: 满意度高
"""


def build(project: Path) -> dict[str, str]:
    result = generate(project / "data", TODAY, None, project, history=collect(project / "data", TODAY))
    assert result.problems == []
    return result.files


def history_of(page: str) -> str:
    """The page from its change history on."""
    assert "## 修改记录" in page
    return page[page.index("## 修改记录") :]


@pytest.fixture
def affairs(village: Path) -> Path:
    """The minimal village with notices, decisions, projects, a ledger month and a name list, committed
    on 2026-04-01 (before the month's and the list's publication)."""
    write_affairs(village)
    git(village, "init", "-q", "-b", "main")
    commit(village, "2026-04-01", {})
    return village


def test_a_notice_changed_after_its_period_began_is_marked_with_what_changed(affairs):
    commit(
        affairs, "2026-11-12", {"notices/2026.yml": NOTICES_YML.replace("2 户", "3 户").replace("- 第二户", "- 第三户")}
    )
    page = build(affairs)["notices/GS-01.md"]
    assert "<strong>公示期开始后修改过</strong>" in page
    assert (
        '<li><time datetime="2026-11-12">2026年11月12日</time> 修改：'
        "正文第1段 由 拟确定低保对象 2 户。 改为 拟确定低保对象 3 户。；"
        "正文第2段 由 - 第一户 - 第二户 改为 - 第一户 - 第三户</li>"
    ) in history_of(page)
    assert '<li><time datetime="2026-11-10">2026年11月10日</time> 首次在本站公开</li>' in page


def test_a_notice_edited_before_its_publication_day_has_no_change(affairs):
    commit(affairs, "2026-11-05", {"notices/2026.yml": NOTICES_YML.replace("2 户", "4 户")})
    page = build(affairs)["notices/GS-01.md"]
    assert "修改：" not in page and "修改过" not in page and "2 户" not in page


LEDGER_EDITED = """\
日期,凭证号,科目,摘要,收入,支出,经手人,审批人,项目编号
2026-03-02,记-01,补助收入,村道项目资金,"1,000.00",,甲一,乙二,XM-01
2026-03-05,记-02,管理费用,办公用品,,250.50,甲一,乙二,
2026-03-20,记-04,管理费用,电费,,50.00,甲一,乙二,
"""


def test_a_ledger_row_changed_after_the_month_was_published_is_shown_row_by_row(affairs):
    draft = LEDGER_CSV.replace("办公用品,,200.50", "办公用品,,200.50").replace("村道材料款", "村道材料款（草稿）")
    commit(affairs, "2026-04-03", {"ledgers/2026-03.csv": draft})  # before the month's 公布日期 2026-04-05
    commit(affairs, "2026-04-04", {"ledgers/2026-03.csv": LEDGER_CSV})
    commit(
        affairs,
        "2026-05-10",
        {
            "ledgers/2026-03.csv": LEDGER_EDITED,
            "ledgers/periods.yml": PERIODS_YML.replace("期末余额: 999.50", "期末余额: 1199.50"),
        },
    )
    page = build(affairs)["finance/2026-03.md"]
    assert "<strong>公开后修改过</strong>" in page
    shown = history_of(page)
    assert '<li><time datetime="2026-04-05">2026年4月5日</time> 首次在本站公开</li>' in shown
    assert (
        '<li><time datetime="2026-05-10">2026年5月10日</time> 修改：期末余额 由 999.50 改为 1,199.50<ul>'
        "<li>凭证号 记-02 这一行改动：支出 由 200.50 改为 250.50</li>"
        "<li>收支明细 删除一行（原为 日期 2026年3月9日，凭证号 记-03，科目 公益支出，摘要 村道材料款，支出 300.00，"
        "经手人 甲一，审批人 乙二，项目编号 XM-01）</li>"
        "<li>收支明细 新增一行：日期 2026年3月20日，凭证号 记-04，科目 管理费用，摘要 电费，支出 50.00，"
        "经手人 甲一，审批人 乙二</li></ul></li>"
    ) in shown
    assert "明细行按凭证号对应" in shown
    assert "草稿" not in page
    assert "修改记录" not in build(affairs)["finance/2026-Q1.md"]


def test_ledger_rows_moved_between_files_unchanged_are_no_change(affairs):
    rows = LEDGER_CSV.splitlines(keepends=True)
    commit(
        affairs,
        "2026-05-10",
        {"ledgers/2026-03.csv": "".join(rows[:3]), "ledgers/2026-03b.csv": rows[0] + rows[3]},
    )
    page = build(affairs)["finance/2026-03.md"]
    assert "修改：" not in history_of(page)


def test_a_list_entry_added_after_publication_is_shown_masked(affairs):
    with_address = LIST_CSV.replace("银行账号,金额,备注", "银行账号,住址,金额,备注").replace(",580,", ",东头一号,580,")
    with_address = with_address.replace(",520,", ",西头二号,520,")
    commit(affairs, "2026-11-10", {"lists/MD-01.csv": with_address})
    later = with_address.replace("东头一号", "东头三号") + "MD-01,王五六,,13912345678,,南头四号,500,新增\n"
    commit(affairs, "2026-11-12", {"lists/MD-01.csv": later})
    files = build(affairs)
    shown = history_of(files["lists/MD-01.md"])
    assert (
        '<li><time datetime="2026-11-12">2026年11月12日</time> 修改：<ul>'
        "<li>名单 新增一行：姓名 王&#42;六，联系电话 139&#42;&#42;&#42;&#42;5678，金额 500.00，备注 新增</li></ul></li>"
    ) in shown
    assert "名单各行按公开的内容（脱敏后）对应" in shown
    assert "公开后修改过" not in files["lists/MD-01.md"]  # only an addition
    published = "".join(c for c in files.values() if isinstance(c, str))
    for hidden in ("王五六", "13912345678", "东头", "南头", "张三明"):
        assert hidden not in published


def test_a_list_entry_removed_after_publication_is_shown_masked_and_marks_the_list(affairs):
    commit(affairs, "2026-11-12", {"lists/MD-01.csv": LIST_CSV.replace(LIST_CSV.splitlines()[2] + "\n", "")})
    page = build(affairs)["lists/MD-01.md"]
    assert "<li>名单 删除一行（原为 姓名 李&#42;，身份证号 110105&#42;&#42;&#42;&#42;&#42;&#42;&#42;&#42;0062" in page
    assert "110105194912310062" not in page and "<strong>公示期开始后修改过</strong>" in page


def test_a_decisions_votes_and_steps_changed_after_publication(affairs):
    edited = DECISIONS_YML.replace("agreed: 6", "agreed: 5").replace("against: 1", "against: 2")
    edited += (
        "    - step: 党员大会审议\n      date: 2026-02-10\n    - step: 村民(代表)会议决议\n      date: 2026-12-01\n"
    )
    commit(affairs, "2026-05-01", {"decisions/2026.yml": edited})
    page = build(affairs)["decisions/JC-01.md"]
    assert (
        '<li><time datetime="2026-05-01">2026年5月1日</time> 修改：'
        "步骤第2条的赞成 由 6 改为 5；步骤第2条的反对 由 1 改为 2；"
        "步骤 新增：党员大会审议，2026年2月10日</li>"
    ) in page
    assert "2026年12月1日" not in page  # a step dated after the build date
    assert "<strong>公开后修改过</strong>" in page


def test_a_projects_budget_contractor_and_progress(affairs):
    edited = PROJECTS_YML.replace("budget: 1.2万", "budget: 1.5万").replace(
        "  published:", "  contractor: 试验建筑队\n  published:"
    )
    edited += "    - date: 2026-05-20\n      percent: 80\n      text: 路面浇筑\n"
    commit(affairs, "2026-06-01", {"projects/2026.yml": edited})
    page = build(affairs)["projects/XM-01.md"]
    assert (
        '<li><time datetime="2026-06-01">2026年6月1日</time> 修改：预算 由 12,000.00 改为 15,000.00；'
        "施工单位 新增：试验建筑队；进度 新增：2026年5月20日，80，路面浇筑</li>"
    ) in page


@pytest.fixture
def people(village: Path) -> Path:
    """The minimal village with a talent, a mentoring pair, a wish and a 五个好 assessment."""
    git(village, "init", "-q", "-b", "main")
    files = {
        "talents.csv": TALENTS_CSV,
        "mentoring.yml": MENTORING_YML,
        "wishes.yml": WISHES_YML,
        "five_goods.yml": FIVE_GOODS_YML,
    }
    commit(village, "2026-03-15", files)
    return village


def test_a_mentoring_pairs_end_date_change_is_shown_on_its_card(people):
    later = (
        MENTORING_YML.replace("end: 2026-12-31", "end: 2026-11-30")
        + "    - date: 2026-11-20\n      text: 计划中的回访\n"
    )
    commit(people, "2026-04-02", {"mentoring.yml": later})
    page = build(people)["mentoring/JD-01.md"]
    assert (
        '<li><time datetime="2026-04-02">2026年4月2日</time> 修改：结束日期 由 2026年12月31日 改为 2026年11月30日</li>'
    ) in page
    assert "计划中的回访" not in page
    assert "<strong>公开后修改过</strong>" in page


def test_a_wishs_outcome_changed_and_a_later_step_left_out(people):
    edited = WISHES_YML.replace("换了灯泡", "换了灯泡和灯罩") + WISHES_YML.replace("W-01", "W-02").replace(
        "done: 2026-03-10", "done: 2026-12-10"
    ).replace("换了灯泡", "计划换灯")
    commit(people, "2026-04-02", {"wishes.yml": edited})
    files = build(people)
    assert "修改：办理结果 由 换了灯泡 改为 换了灯泡和灯罩</li>" in files["wishes/W-01.md"]
    assert "计划换灯" not in files["wishes/W-02.md"]
    assert "2026年4月2日</time> 首次在本站公开" in files["wishes/W-02.md"]


def test_a_talents_skills(people):
    commit(people, "2026-04-02", {"talents.csv": TALENTS_CSV.replace("木工", "木工；竹编")})
    page = build(people)["talents/T001.md"]
    assert "修改：专长 由 木工 改为 木工；竹编</li>" in page


def test_a_five_goods_rating_changed_after_it_was_announced(people):
    commit(people, "2026-04-02", {"five_goods.yml": FIVE_GOODS_YML.replace("rating: 较好", "rating: 好")})
    page = build(people)["five-goods/2025.md"]
    assert "修改：评定第1条的等次 由 较好 改为 好</li>" in page
    assert "<strong>公开后修改过</strong>" in page


RULES_YML = """\
- year: 2026
  base: 36
  daily_weight: 80
  evaluation_weight: 20
  items:
    - {code: A1, name: 参加“三会一课”, part: 日常, points: 2, cap: 16}
"""


def test_a_years_points_rules_changed_after_rows_were_scored(people):
    rows = "党员编号,日期,事项编号,说明\nM001,2026-03-05,A1,3月党员大会\n"
    commit(people, "2026-04-02", {"points/rules.yml": RULES_YML, "points/2026.csv": rows})
    commit(people, "2026-05-02", {"points/rules.yml": RULES_YML.replace("points: 2, cap: 16", "points: 3, cap: 16")})
    page = build(people)["points/2026.md"]
    assert "修改：积分事项第1条的每次分值 由 2 改为 3</li>" in page


def test_the_village_profile_on_the_home_page_hides_a_replaced_phone(village):
    git(village, "init", "-q", "-b", "main")
    commit(village, "2026-01-05", {})
    edited = VILLAGE_YML.replace("周一至周五", "周一至周六").replace("0794-6000001", "0794-6000009")
    commit(village, "2026-02-01", {"village.yml": edited})
    page = build(village)["index.md"]
    assert (
        '<li><time datetime="2026-02-01">2026年2月1日</time> 修改：办公时间 由 周一至周五 改为 周一至周六；'
        "咨询联系的电话 由 （已隐去） 改为 0794-6000009</li>"
    ) in page
    assert "6000001" not in page


def test_every_record_family_costs_one_git_log_and_one_cat_file(affairs, monkeypatch):
    commit(affairs, "2026-11-12", {"notices/2026.yml": NOTICES_YML.replace("2 户", "3 户")})
    calls = []
    real = history._git

    def counted(cwd, *args, stdin=None):
        calls.append(args[0])
        return real(cwd, *args, stdin=stdin)

    monkeypatch.setattr(history, "_git", counted)
    history._VERSIONS.clear()
    found = collect(affairs / "data", TODAY)
    assert calls == ["rev-parse", "rev-parse", "log", "cat-file"]
    families = {key[1] for key in found.records}
    assert families == {"village", "members", "pledges", "notices", "decisions", "projects", "periods", "namelists"}


@pytest.mark.site
def test_mkdocs_build_shows_a_months_rows_as_a_list_inside_its_change(affairs, tmp_path):
    import shutil

    from helpers import ROOT, mkdocs_build, soup

    commit(
        affairs,
        "2026-05-10",
        {
            "ledgers/2026-03.csv": LEDGER_EDITED,
            "ledgers/periods.yml": PERIODS_YML.replace("期末余额: 999.50", "期末余额: 1199.50"),
        },
    )
    for name in ("mkdocs.yml", "content", "site_overrides"):
        source = ROOT / name
        if source.is_dir():  # the demo's stories and wish photos name the demo's people, not this repo's
            shutil.copytree(source, affairs / name, ignore=shutil.ignore_patterns("cases", "wishes"))
        else:
            shutil.copy(source, affairs / name)
    result = mkdocs_build(affairs, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = soup(tmp_path / "site" / "finance" / "2026-03.html")
    change = page.find("ul", class_="cunwu-history").find_all("li", recursive=False)[1]
    rows = [li.get_text().strip() for li in change.find("ul").find_all("li")]
    assert rows[0] == "凭证号 记-02 这一行改动：支出 由 200.50 改为 250.50"
    assert rows[1] == (
        "收支明细 删除一行（原为 日期 2026年3月9日，凭证号 记-03，科目 公益支出，摘要 村道材料款，支出 300.00，"
        "经手人 甲一，审批人 乙二，项目编号 XM-01）"
    )
    assert rows[2].startswith("收支明细 新增一行：日期 2026年3月20日，凭证号 记-04") and len(rows) == 3
