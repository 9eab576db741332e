"""`cunwu new <type>`: blank files generated from the schemas round-trip through `cunwu check`."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

import pytest
from helpers import ROOT, TODAY
from helpers.records import companions, write_records
from openpyxl import load_workbook

from generator.blank import blank, existing_ids, next_id
from generator.cli import main
from generator.datasets import DATASETS
from generator.datasets import named as dataset
from generator.model import load_site
from generator.placeholders import PREFIX


def uncomment(text: str) -> str:
    """Enable every commented-out optional block, as the template's header tells the clerk to."""
    return "\n".join(re.sub(r"^(\s*)# (?=\s*(- )?[a-z_]+:|\s*# )", r"\1", line) for line in text.splitlines()) + "\n"


def fill(text_or_bytes):
    """Every placeholder a template wrote (请填写姓名) replaced by a text, as a clerk fills it in."""
    if isinstance(text_or_bytes, bytes):
        return fill(text_or_bytes.decode("utf-8")).encode("utf-8")
    return text_or_bytes.replace(PREFIX, "示例")


def place(project: Path, name: str, text_or_bytes, file_name: str = "new") -> Path:
    """Put a filled template where its dataset is read: appended to a table, or as a new file
    (a story under its own name, in content/), with the records of other datasets its example
    needs (`Dataset.example`)."""
    d = dataset(name)
    data = project / "data"
    for other, records in companions(name, "示例文字", TODAY).items():
        write_records(data, other, records, project / "content")
    folder = project / "content" if d.in_content else data
    target = folder / d.patterns[0].replace("*", file_name)
    target.parent.mkdir(parents=True, exist_ok=True)
    if d.tabular and target.exists():
        rows = list(csv.reader(io.StringIO(text_or_bytes.decode("utf-8-sig"))))
        with target.open("a", encoding="utf-8", newline="") as f:
            csv.writer(f).writerow(rows[1])
    elif isinstance(text_or_bytes, bytes):
        target.write_bytes(text_or_bytes)
    else:
        target.write_text(text_or_bytes, encoding="utf-8")
    return target


def checked(project: Path):
    site, problems = load_site(project / "data", TODAY, project)
    assert problems == [], "\n".join(map(str, problems))
    return site.villages[0]


def test_next_id_follows_the_highest_id_of_the_same_shape():
    assert next_id(dataset("members"), {"M045", "M046", "X999"}, TODAY) == "M047"
    assert next_id(dataset("pledges"), {"2026-047", "2026-048", "2025-090"}, TODAY) == "2026-049"
    assert next_id(dataset("pledges"), {"2026-048"}, date(2027, 1, 3)) == "2027-001"
    assert next_id(dataset("members"), set(), TODAY) == "M001"
    assert next_id(dataset("village"), set(), TODAY) is None


def test_existing_ids_are_read_from_the_demo_data():
    members = existing_ids(dataset("members"), ROOT / "data")
    assert "M046" in members and len(members) == 46
    assert next_id(dataset("members"), members, TODAY) == "M047"


@pytest.mark.parametrize("name", [d.name for d in DATASETS])
def test_every_template_is_refused_while_it_holds_placeholders_and_accepted_once_filled(village, name):
    made = blank(dataset(name), village / "data", TODAY)
    file_name, content = next((k, v) for k, v in made.files.items() if not k.endswith(".xlsx"))
    target = place(village, name, content, Path(file_name).stem)
    lines = content.decode("utf-8").splitlines()
    left = sum(line.count(PREFIX) for line in lines if not line.lstrip().startswith("#"))  # comments are not read
    problems = load_site(village / "data", TODAY, village)[1]
    assert len([p for p in problems if p.summary == "还是空白模板里的占位文字，没有填写"]) == left
    assert {p.file for p in problems} <= {target.relative_to(village).as_posix()}
    target.write_bytes(fill(target.read_bytes()))
    records = checked(village).records[name]
    assert records, "the filled template is read where the dataset is kept"
    if made.new_id:
        assert made.new_id in {r.id for r in records}


@pytest.mark.parametrize("name", [d.name for d in DATASETS if not d.tabular])
def test_yaml_template_with_every_optional_block_enabled_is_accepted(village, name):
    made = blank(dataset(name), village / "data", TODAY)
    file_name, content = next(iter(made.files.items()))
    text = fill(uncomment(content.decode("utf-8")))
    assert "# reviews:" not in text
    place(village, name, text, Path(file_name).stem)
    if name == "notices":  # an attachment must be a file of the website folder
        (village / "content").mkdir(exist_ok=True)
        (village / "content" / fill("请填写文件")).write_bytes(b"%PDF-1.4\n")
    checked(village)


def test_a_template_says_which_other_records_its_example_needs(village):
    mentoring = next(iter(blank(dataset("mentoring"), village / "data", TODAY).files.values())).decode("utf-8")
    assert (
        "# 这条记录还要求乡土人才（talents.csv 或 talents.xlsx 或 talents.xls 或 talents.ods 或 talents.yml 或 "
        "talents.yaml）里有与它对应的记录。" in mentoring
    )
    book = load_workbook(io.BytesIO(blank(dataset("ledger"), village / "data", TODAY).files["ledger.xlsx"]))
    assert "财务公开期间（ledgers/periods.yml 或 ledgers/periods.yaml）" in list(book["填写说明"].values)[-1][0]
    assert "还要求" not in next(iter(blank(dataset("pledges"), village / "data", TODAY).files.values())).decode("utf-8")


def test_filled_pledge_template_becomes_that_pledge(village):
    made = blank(dataset("pledges"), village / "data", TODAY)
    assert made.new_id == "2026-002"
    text = uncomment(made.files["pledges-2026-002.yml"].decode("utf-8"))
    text = (
        text.replace("请填写承诺内容", "为五组修一座便民桥")
        .replace("member: M001", "member: M002")
        .replace("category: 学习", "category: 为民办实事")
        .replace("请填写进展", "桥基完工")
    )
    text = fill(text)
    place(village, "pledges", text)
    pledge = checked(village).by_id("pledges")["2026-002"]
    assert (pledge.content, pledge.member, pledge.category) == ("为五组修一座便民桥", "M002", "为民办实事")
    assert [r.outcome for r in pledge.reviews] == ["通过"] and pledge.progress[0].text == "桥基完工"
    assert pledge.evaluation.result == "好"


def test_members_csv_and_xlsx_hold_the_same_header_and_example_row(village):
    made = blank(dataset("members"), village / "data", TODAY)
    assert made.new_id == "M003"
    raw = made.files["members-M003.csv"]
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:3] == ["编号", "姓名", "党支部"] and rows[1][0] == "M003"
    book = load_workbook(io.BytesIO(made.files["members-M003.xlsx"]))
    sheet = [[c if c is not None else "" for c in r] for r in book["数据"].iter_rows(values_only=True) if any(r)]
    assert sheet == rows
    notes = list(book["填写说明"].iter_rows(values_only=True))
    assert notes[1][:3] == ("编号", "id", "是")
    rows[1][1] = "丙三"
    place(village, "members", fill(("\ufeff" + "\r\n".join(",".join(r) for r in rows)).encode("utf-8")))
    assert checked(village).by_id("members")["M003"].name == "丙三"


def test_cli_writes_the_files_and_never_overwrites(village, capsys):
    out = village / "templates"
    args = ["new", "pledges", "--data", str(village / "data"), "--out", str(out), "--date", "2026-11-15"]
    assert main(args) == 0
    assert "新记录的编号：2026-002" in capsys.readouterr().out
    assert (out / "pledges-2026-002.yml").read_text(encoding="utf-8").count("id: 2026-002") == 1
    assert main(args) == 1
    assert "已经存在，没有覆盖" in capsys.readouterr().err
    assert main(["new", "账本"]) == 1
    assert "没有“账本”这类数据。可以生成的有：village（村庄概况）" in capsys.readouterr().err
