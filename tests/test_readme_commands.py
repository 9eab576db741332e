"""Every command a clerk reads (the README's command blocks, the clerk's guide) works exactly as
written after the README's setup: its program exists where the command says, and a `cunwu`
command's arguments are accepted by its parser."""

from __future__ import annotations

import re
import shlex
import shutil

import pytest
from helpers import ROOT

from generator.argparse_zh import chinese
from generator.cli import parser

PROGRAMS = ("cunwu", "mkdocs", "pip", "pre-commit", "python", "python3", "bash", "git", "cd", ".")
"""First words that make a line or a code span a command."""

GUIDE = [ROOT / "generator" / "templates" / name for name in ("guide_index.md", "guide_dataset.md")]


def readme_commands() -> list[str]:
    """Lines of the README's shell blocks (its runnable commands; prose only names them)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return [line for block in re.findall(r"```bash\n(.*?)```", text, re.S) for line in block.splitlines() if line]


def guide_commands() -> list[str]:
    """The guide's code blocks (indented) and code spans that start with a program."""
    found = []
    for path in GUIDE:
        text = path.read_text(encoding="utf-8")
        spans = re.findall(r"`([^`\n]+)`|<code>(.*?)</code>", text)
        blocks = re.findall(r"^ {4,}(\S.*)$", text, re.M)
        for command in [a or b for a, b in spans] + blocks:
            first = command.split()[0] if command.split() else ""
            if first in PROGRAMS or first.startswith(".venv/bin/"):
                found.append(re.sub(r"\{\{.*?\}\}", "members", command))  # a template's dataset name
    return found


def problems_of(line: str) -> list[str]:
    """Why a command line would not work as written after the setup ([] when it would)."""
    problems = []
    for part in re.split(r"&&|\|\||;", line):
        words = shlex.split(part)
        while words and re.fullmatch(r"[A-Z_]+=\S*", words[0]):
            words = words[1:]  # an environment variable set for this command
        if not words:
            continue
        program, args = words[0], words[1:]
        if program == ".":
            program, args = args[0], args[1:]
        if program == "cd":
            continue
        if "/" in program:
            if not (ROOT / program).exists():
                problems.append(f"{program} does not exist after the setup")
        elif program in ("cunwu", "mkdocs", "pip", "pre-commit"):
            problems.append(f"{program} is not on the PATH after the setup: write .venv/bin/{program}")
        elif shutil.which(program) is None:
            problems.append(f"{program} is not installed")
        elif program == "bash" and args and not (ROOT / args[0]).is_file():
            problems.append(f"{args[0]} does not exist")
        if program.endswith("/cunwu"):
            with chinese():
                try:
                    parser().parse_args(args)
                except SystemExit as stopped:
                    if stopped.code:
                        problems.append(f"cunwu refuses the arguments {args}")
    return problems


def test_there_are_commands_to_check():
    assert ".venv/bin/cunwu init ../dashan" in readme_commands()
    assert ".venv/bin/cunwu check" in guide_commands() and ".venv/bin/cunwu new pledges" in guide_commands()


@pytest.mark.parametrize("line", readme_commands() + guide_commands())
def test_each_command_works_as_written_after_the_setup(line):
    assert problems_of(line) == []


def test_a_bare_command_is_caught():
    assert problems_of("cunwu check") == ["cunwu is not on the PATH after the setup: write .venv/bin/cunwu"]
    assert problems_of(".venv/bin/cunwu chek") == ["cunwu refuses the arguments ['chek']"]
