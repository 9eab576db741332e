"""`cunwu init`: the answers it needs, what it writes, and what it refuses (no site is built here;
tests/test_start_own_site.py builds one)."""

from __future__ import annotations

import io
from datetime import date

import pytest

from generator.cli import main
from generator.model import load_site
from generator.starter import QUESTIONS, InitError, answers, make

ANSWERS = {
    "name": "大山村",
    "township": "青山镇",
    "county": "云县",
    "secretary": "王大山",
    "director": "李小河",
    "supervisor": "张明",
    "office_hours": "周一至周五",
    "office_address": "村部一楼",
}


def test_unanswered_questions_without_a_terminal_name_the_options_to_give(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("大山村\n"))
    with pytest.raises(InitError) as refused:
        answers({"county": "云县"})
    assert str(refused.value) == (
        "没有读到回答。不用问答时，请在命令里写上：--name --township --secretary --director --supervisor "
        "--office-hours --office-address"
    )


def test_the_options_answer_every_question():
    assert answers(ANSWERS, ask=lambda prompt: pytest.fail(prompt)) == ANSWERS
    assert [q.option for q in QUESTIONS] == list(ANSWERS)


def test_the_new_data_passes_the_checks_and_holds_no_placeholder(tmp_path):
    make(tmp_path / "dashan", ANSWERS, date(2026, 11, 15), None)
    site, problems = load_site(tmp_path / "dashan" / "data", date(2026, 11, 15), tmp_path / "dashan")
    assert problems == []
    village = site.villages[0]
    assert village.profile.name == "大山村" and village.profile.complaints.name == "青山镇人民政府"
    assert [p.name for p in village.profile.party_committee] == ["王大山"] and not village.members
    lines = (tmp_path / "dashan" / "data" / "village.yml").read_text(encoding="utf-8").splitlines()
    values = "\n".join(line for line in lines if not line.lstrip().startswith("#"))  # comments are the schema's docs
    assert "请填写" not in values and "青禾" not in values


def test_a_folder_that_is_not_empty_is_left_alone(tmp_path, capsys):
    (tmp_path / "dashan").mkdir()
    (tmp_path / "dashan" / "notes.txt").write_text("村里的笔记", encoding="utf-8")
    options = [f"--{k.replace('_', '-')}={v}" for k, v in ANSWERS.items()]
    assert main(["init", str(tmp_path / "dashan"), *options]) == 1
    assert (
        capsys.readouterr().err == f"{tmp_path / 'dashan'} 已经存在而且不是空的，没有改动。请换一个新文件夹的名字。\n"
    )
    assert sorted(p.name for p in (tmp_path / "dashan").iterdir()) == ["notes.txt"]
