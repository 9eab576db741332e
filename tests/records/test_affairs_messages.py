"""The exact Chinese text of every new data error of issue 4 (finance, affairs, name lists),
including each thing Excel does to a clerk's data (../shared/DOMAIN.md, "What Excel does")."""

from __future__ import annotations

import pytest
from helpers import TODAY
from helpers.affairs import (
    NOTICES_YML,
    write_affairs,
)
from helpers.messages_affairs import CASES

from generator.cli import main
from generator.core import generate
from generator.model import load_site


@pytest.mark.parametrize("case", sorted(CASES))
def test_message_text(village, case):
    name, text, expected = CASES[case]
    write_affairs(village, **{name: text})
    site, problems = load_site(village / "data", TODAY, village)
    assert site is None
    assert [str(p) for p in problems] == expected


def test_valid_affairs_fixture_has_no_problems(village):
    site, problems = load_site(write_affairs(village) / "data", TODAY, village)
    assert problems == []
    records = site.villages[0].records
    assert [
        len(records[name])
        for name in ("notices", "decisions", "projects", "periods", "ledger", "namelists", "list_entries")
    ] == [1, 1, 1, 1, 3, 1, 2]


def test_a_missing_attachment_is_named(village):
    notices = NOTICES_YML + "  attachments:\n    - file: attachments/低保名单.pdf\n      title: 名单原件\n"
    write_affairs(village, **{"notices/2026.yml": notices})
    (village / "content").mkdir()
    result = generate(village / "data", TODAY, root=village, docs_dir=village / "content")
    assert [str(p) for p in result.problems] == [
        "data/notices/2026.yml 第 14 行，字段「file（文件）」：附件文件不存在。应为：content/attachments/低保名单.pdf 这个文件；"
        "实际为：“attachments/低保名单.pdf”。提示：把附件放进这个文件夹，或改正路径（区分大小写）。"
    ]
    (village / "content" / "attachments").mkdir()
    (village / "content" / "attachments" / "低保名单.pdf").write_bytes(b"%PDF-1.4\n")
    result = generate(village / "data", TODAY, root=village, docs_dir=village / "content")
    assert result.problems == []
    assert "- [名单原件](../attachments/低保名单.pdf)" in result.files["notices/GS-01.md"]


def test_cunwu_check_counts_the_new_records(village, capsys, monkeypatch):
    write_affairs(village)
    monkeypatch.chdir(village)
    assert main(["check", "data", "--date", TODAY.isoformat()]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1] == (
        "　　另有 公告公示 1 条，四议两公开 1 条，村级项目 1 条，财务公开期间 1 条，财务收支明细 3 条，"
        "名单公示 1 条，名单明细（已脱敏） 2 条。"
    )
