"""What a clerk sees is about their village: Chinese command-line frame, no English footer,
no dictionary messages from the word segmenter."""

from __future__ import annotations

import argparse
import re

import pytest

from generator.cli import main, parser
from generator.datasets import DATASETS


@pytest.fixture(autouse=True)
def wide(monkeypatch):
    """No wrapping inside a dataset's name in the help text."""
    monkeypatch.setenv("COLUMNS", "400")


def english_words(text: str) -> set[str]:
    """Words of English prose in `text` (option names, commands and file names are not prose)."""
    words = set(re.findall(r"(?<![-\w./])[A-Za-z]{3,}(?![\w./])", text))
    commands = {
        "cunwu",
        "mkdocs",
        "init",
        "check",
        "new",
        "build",
        "serve",
        "publish",
        "assemble",
        "parts",
        "data",
        "site",
        "current",
        "nope",
    }
    return words - commands - {d.name for d in DATASETS}


def test_a_missing_command_is_said_in_chinese(capsys):
    with pytest.raises(SystemExit) as stopped:
        main([])
    assert stopped.value.code == 2
    assert capsys.readouterr().err == "用法：cunwu [-h] 命令 ...\ncunwu：缺少命令。加 -h 查看用法。\n"


def test_a_missing_argument_and_a_bad_value_are_said_in_chinese(capsys):
    for argv in (["publish"], ["publish", "www", "--keep", "两个"], ["nope"], ["check", "--bad"]):
        with pytest.raises(SystemExit):
            main(argv)
        err = capsys.readouterr().err
        assert err.startswith("用法：cunwu") and not english_words(err), err
    with pytest.raises(SystemExit):
        main(["publish"])
    assert capsys.readouterr().err.splitlines()[-1] == "cunwu publish：缺少发布文件夹。加 -h 查看用法。"


@pytest.mark.parametrize("command", [[], ["init"], ["check"], ["new"], ["build"], ["serve"], ["publish"]])
def test_every_help_text_is_chinese(capsys, command):
    with pytest.raises(SystemExit):
        main([*command, "--help"])
    out = capsys.readouterr().out
    assert "用法：" in out and "显示这段说明" in out and not english_words(out), out


def test_argparse_is_left_as_it_was_for_everything_else():
    parser()
    assert argparse._("usage: ") == "usage: "
