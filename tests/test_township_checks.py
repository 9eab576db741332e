"""Checks of a township as a whole, by the exact text a clerk reads."""

from __future__ import annotations

import shutil

from helpers.portal_township import BUILD_DATE, make_township

from generator.model import load_site
from generator.township import is_township, load_township


def problems_of(project) -> list[str]:
    township, problems = load_township(project / "data", BUILD_DATE, project)
    assert township is None
    return [str(p) for p in problems]


def test_the_township_loads_with_its_villages_in_display_order(tmp_path):
    project = make_township(tmp_path)
    township, problems = load_township(project / "data", BUILD_DATE, project)
    assert problems == []
    assert [v.slug for v in township.villages] == ["liutang", "shiyan", "zhuping"]
    assert township.profile.name == "云溪镇"


def test_a_single_village_repository_is_not_a_township(village):
    assert not is_township(village / "data")
    site, problems = load_site(village / "data", BUILD_DATE, village)
    assert problems == [] and [v.slug for v in site.villages] == [""]


def test_a_village_folder_missing_from_township_yml(tmp_path):
    project = make_township(tmp_path)
    yml = project / "data" / "township.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("  - folder: shiyan\n", ""), encoding="utf-8")
    assert problems_of(project) == [
        "data/township.yml 第 9 行，字段「villages（各村）」：有村文件夹没有列在乡镇概况里。"
        "应为：data/ 下的每个村文件夹都列在这里；实际为：“shiyan”。"
        "提示：在这里加一项“- folder: shiyan”（放在这个村要显示的位置），或者删除不用的文件夹 data/shiyan/。"
    ]


def test_a_listed_village_without_a_folder(tmp_path):
    project = make_township(tmp_path)
    yml = project / "data" / "township.yml"
    yml.write_text(yml.read_text(encoding="utf-8") + "  - folder: liutan\n  - folder: dongling\n", encoding="utf-8")
    assert problems_of(project) == [
        "data/township.yml 第 13 行，字段「folder（文件夹）」：列出的村没有数据文件夹。"
        "应为：data/ 下已有的村文件夹名（liutang、shiyan、zhuping）；实际为：“liutan”。提示：是不是“liutang”？",
        "data/township.yml 第 14 行，字段「folder（文件夹）」：列出的村没有数据文件夹。"
        "应为：data/ 下已有的村文件夹名（liutang、shiyan、zhuping）；实际为：“dongling”。"
        "提示：先建立 data/dongling/ 并放入这个村的 village.yml 等数据，或从列表里删除这一项。",
    ]


def test_a_village_listed_twice(tmp_path):
    project = make_township(tmp_path)
    yml = project / "data" / "township.yml"
    yml.write_text(yml.read_text(encoding="utf-8") + "  - folder: liutang\n", encoding="utf-8")
    assert problems_of(project) == [
        "data/township.yml 第 13 行，字段「folder（文件夹）」：同一个村列了两次。"
        "应为：每个村只列一次；实际为：“liutang”。提示：第 10 行已经列了这个村；请删除其中一行。"
    ]


def test_no_township_yml_beside_village_folders(tmp_path):
    project = make_township(tmp_path)
    (project / "data" / "township.yml").unlink()
    assert problems_of(project) == [
        "data/township.yml：找不到乡镇概况文件。"
        "应为：data/ 下每个村一个文件夹时，data/township.yml 写明乡镇名、受理机构和各村的顺序。"
        "提示：运行 cunwu new township 生成空白模板，填好后放在 data/township.yml。"
    ]


def test_two_villages_with_the_same_name(tmp_path):
    project = make_township(tmp_path)
    profile = project / "data" / "zhuping" / "village.yml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("name: 竹坪村", "name: 柳塘村"), encoding="utf-8")
    assert problems_of(project) == [
        "data/zhuping/village.yml 第 1 行，字段「name（村名）」：两个村的村名相同。"
        "应为：本镇每个村的村名都不同；实际为：“柳塘村”。"
        "提示：data/liutang/village.yml 第 1 行也是这个村名，在乡镇首页上分不清；"
        "请写村的全称，或加上区分（如 上青禾村、下青禾村）。"
    ]


def test_a_reference_to_another_villages_id_says_references_never_cross_villages(tmp_path):
    project = make_township(tmp_path)
    pledges = project / "data" / "zhuping" / "pledges" / "2026.yml"
    pledges.write_text(pledges.read_text(encoding="utf-8").replace("member: M004", "member: M012"), encoding="utf-8")
    assert problems_of(project) == [
        "data/zhuping/pledges/2026.yml 第 17 行，字段「member（党员编号）」：引用了其他村的党员。"
        "应为：本村党员名册里已有的编号；实际为：“M012”。"
        "提示：编号只在本村内有效，引用不能跨村：“M012”是柳塘村（data/liutang/）的编号。"
        "请改用本村的党员编号；如果确属本村，先在本村的数据里添加这条记录。"
    ]


def test_an_unknown_id_known_in_no_village_keeps_its_message(tmp_path):
    project = make_township(tmp_path)
    pledges = project / "data" / "zhuping" / "pledges" / "2026.yml"
    pledges.write_text(pledges.read_text(encoding="utf-8").replace("member: M004", "member: M099"), encoding="utf-8")
    [message] = problems_of(project)
    assert message.startswith(
        "data/zhuping/pledges/2026.yml 第 17 行，字段「member（党员编号）」：引用了不存在的党员。"
    )


def test_village_problems_and_township_problems_are_reported_together(tmp_path):
    project = make_township(tmp_path)
    (project / "data" / "shiyan" / "members.csv").write_text("编号,姓名\n", encoding="utf-8")
    yml = project / "data" / "township.yml"
    yml.write_text(yml.read_text(encoding="utf-8") + "  - folder: xishan\n", encoding="utf-8")
    files = {p.split("：")[0].split(" ")[0] for p in problems_of(project)}
    assert files == {"data/shiyan/members.csv", "data/township.yml"}


def test_the_demo_township_passes_its_checks():
    from helpers.portal_township import DEMO

    township, problems = load_township(DEMO / "data", BUILD_DATE, DEMO)
    assert [str(p) for p in problems] == []
    assert [v.profile.name for v in township.villages] == ["青禾村", "柳塘村", "竹坪村"]


def test_a_copied_township_is_independent_of_the_demo(tmp_path):
    project = make_township(tmp_path)
    shutil.rmtree(project / "content")
    township, problems = load_township(project / "data", BUILD_DATE, project)
    assert problems == [] and len(township.villages) == 3
