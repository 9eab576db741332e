"""`cunwu check` reports exactly the problems `mkdocs build` would: every message case of the
message tests goes through both the command and the build's path (`generate` with the docs folder
and the overrides folder, as the plugin calls it), and the two reports are the same text."""

from __future__ import annotations

import pytest
from helpers import TODAY, messages_affairs, messages_core, messages_people
from helpers.affairs import NOTICES_YML, write_affairs

from generator.cli import main
from generator.core import generate
from generator.problems import report


def _affairs(village, name, text):
    write_affairs(village, **{name: text})


def _people(village, name, text):
    messages_people.write(village, {**messages_people.VALID, name: text})


def _plain(village, name, text):
    (village / "data" / name).write_text(text, encoding="utf-8")


CASES = [
    *((f"check:{k}", _plain, v) for k, v in messages_core.CASES.items()),
    *((f"affairs:{k}", _affairs, v) for k, v in messages_affairs.CASES.items()),
    *((f"people:{k}", _people, v) for k, v in messages_people.CASES.items()),
    (
        "affairs:missing_attachment",
        _affairs,
        (
            "notices/2026.yml",
            NOTICES_YML + "  attachments:\n    - file: attachments/低保名单.pdf\n      title: 名单原件\n",
            [
                "data/notices/2026.yml 第 14 行，字段「file（文件）」：附件文件不存在。"
                "应为：content/attachments/低保名单.pdf 这个文件；实际为：“attachments/低保名单.pdf”。"
                "提示：把附件放进这个文件夹，或改正路径（区分大小写）。"
            ],
        ),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_check_reports_what_the_build_reports(village, capsys, monkeypatch, case):
    _, write, (name, text, expected) = case
    write(village, name, text)
    monkeypatch.chdir(village)
    assert main(["check", "data", "--date", TODAY.isoformat()]) == 1
    checked = capsys.readouterr().err
    built = generate(
        village / "data", TODAY, village / "site_overrides", village, village / "content"
    ).problems  # as the plugin calls it
    assert [str(p) for p in built] == expected
    assert checked.strip() == report(built).strip()
