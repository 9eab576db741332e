"""`cunwu init <folder>`: a new village repository that builds at once, without the demo's records.

It holds the site's settings (``mkdocs.yml`` from ``generator/starter/``, with the village's
name), the required data files written from the schemas (the profile through the same
commented-YAML writer as `cunwu new`, filled with what the clerk answered; an empty member
register), an empty ``content/``, the theme additions (``site_overrides/``), a ``.venv`` link to
the environment cunwu runs in (so the commands of the guide work there as written) and a fresh
git history with one first commit. The clerk's guide and 关于本站 are not copied: the package
generates them, so they stay as current as the program.

Nothing is a placeholder: every value written is one the clerk gave or a true default (who
receives questions and objections), so `mkdocs build --strict` passes at once; what to fill in
first is printed as a checklist.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from importlib.resources import files
from pathlib import Path
from string import Template

from .blank import to_csv, to_yaml
from .datasets import named as dataset
from .schema import fields_of


@dataclass(frozen=True)
class Question:
    """One fact of the profile the new site cannot do without, asked for or given as an option."""

    option: str
    prompt: str
    limit: int


QUESTIONS = (
    Question("name", "村名（如 青禾村）", 30),
    Question("township", "所属乡镇（如 云溪镇）", 30),
    Question("county", "所属县（市、区）", 30),
    Question("secretary", "党支部书记的姓名", 20),
    Question("director", "村民委员会主任的姓名", 20),
    Question("supervisor", "村务监督委员会主任的姓名", 20),
    Question("office_hours", "村委会对外办公时间（如 周一至周五 8:30—17:30）", 80),
    Question("office_address", "村委会办公地点（如 村部一楼）", 80),
)


class InitError(Exception):
    """Why no site was made, in Chinese; nothing was written."""


def answers(given: dict[str, str | None], ask=input) -> dict[str, str]:
    """Every question's answer: the option when given, otherwise asked (one line each)."""
    found = {}
    for q in QUESTIONS:
        value = (given.get(q.option) or "").strip()
        while not value:
            try:
                value = ask(f"{q.prompt}：").strip()
            except EOFError:
                missing = [f"--{x.option.replace('_', '-')}" for x in QUESTIONS if not (given.get(x.option) or "")]
                raise InitError("没有读到回答。不用问答时，请在命令里写上：" + " ".join(missing)) from None
        if len(value) > q.limit:
            raise InitError(f"{q.prompt}不能超过 {q.limit} 个字：{value}")
        found[q.option] = value
    return found


def profile_values(a: dict[str, str]) -> dict:
    """The profile's fields as the clerk answered them, plus true defaults for where to ask."""
    return {
        "name": a["name"],
        "township": a["township"],
        "county": a["county"],
        "party_committee": [{"name": a["secretary"], "post": "党支部书记"}],
        "villager_committee": [{"name": a["director"], "post": "主任"}],
        "supervision_committee": [{"name": a["supervisor"], "post": "主任"}],
        "office_hours": a["office_hours"],
        "office_address": a["office_address"],
        "contact": {"name": f"{a['name']}村民委员会"},
        "objections": {"name": f"{a['name']}村务监督委员会"},
        "complaints": {"name": f"{a['township']}人民政府"},
    }


def make(folder: Path, a: dict[str, str], today: date, environment: Path | None) -> list[str]:
    """Write the new village repository into `folder` (new or empty); the notes to print after."""
    if folder.exists() and any(folder.iterdir()):
        raise InitError(f"{folder} 已经存在而且不是空的，没有改动。请换一个新文件夹的名字。")
    themes = _theme_additions()
    folder.mkdir(parents=True, exist_ok=True)
    starter = files("generator").joinpath("starter")
    settings = Template(starter.joinpath("mkdocs.yml").read_text(encoding="utf-8"))
    (folder / "mkdocs.yml").write_text(
        settings.substitute(
            site_name=f"{a['name']}村务公开", site_description=f"{a['name']}党员公开承诺、村务和财务公开"
        ),
        encoding="utf-8",
    )
    (folder / ".gitignore").write_text(starter.joinpath("gitignore").read_text(encoding="utf-8"), encoding="utf-8")
    data = folder / "data"
    data.mkdir()
    village = to_yaml(dataset("village"), profile_values(a), None, today)
    (data / "village.yml").write_text(_without_template_header(village), encoding="utf-8")
    members = dataset("members")
    header = to_csv(members, ["" for _ in fields_of(members.record)]).split(b"\r\n")[0] + b"\r\n"
    (data / "members.csv").write_bytes(header)
    (folder / "content").mkdir()
    (folder / "content" / ".gitkeep").write_bytes(b"")  # git keeps no empty folder; MkDocs skips dot files
    if themes is not None:
        shutil.copytree(themes, folder / "site_overrides", ignore=shutil.ignore_patterns("markdown"))
    notes = []
    if environment is not None:
        (folder / ".venv").symlink_to(environment, target_is_directory=True)
    else:
        notes.append("cunwu 没有装在独立的 Python 环境（.venv）里：下面的命令请去掉开头的 .venv/bin/。")
    notes.append(_first_commit(folder))
    return notes


def checklist(folder: Path, a: dict[str, str]) -> str:
    """What the clerk should do first, in order."""
    return "\n".join(
        [
            f"已在 {folder} 建好{a['name']}的村务公开站：设置 mkdocs.yml，数据 data/village.yml（村庄概况）和"
            " data/members.csv（党员名册，还是空的），手写页面 content/（还是空的）。编辑指南和“关于本站”由程序生成。",
            "先做这几件事：",
            f"  1. 进入这个文件夹：cd {folder}",
            "  2. 打开 data/village.yml，补全党组织、村委会、监委会的其他成员，咨询、异议和乡镇受理机构的电话和地点，"
            "以及村情简介（选填）。",
            "  3. 填党员名册 data/members.csv（可以用 .venv/bin/cunwu new members 生成带说明的 Excel 模板）。",
            "  4. 每填一部分就运行 .venv/bin/cunwu check 检查；运行 .venv/bin/cunwu serve 在浏览器里预览"
            "（http://127.0.0.1:8000/），网站的“关于本站 → 编辑指南”说明怎样录入承诺、公告和财务。",
            "  5. 检查通过后提交（git commit），用 .venv/bin/cunwu build 生成网站到 site/。",
        ]
    )


def _without_template_header(text: str) -> str:
    """The profile without the blank template's usage lines (this file is already in place)."""
    body = text.split("\n\n", 1)[1]
    return "# 村庄概况。以“#”开头的行是说明，不会被读取；改好后运行 .venv/bin/cunwu check 检查。\n\n" + body


def _theme_additions() -> Path | None:
    """The demo repository's ``site_overrides/`` beside the package (an editable install)."""
    found = Path(__file__).resolve().parent.parent / "site_overrides"
    return found if (found / "main.html").is_file() else None


def _first_commit(folder: Path) -> str:
    """A fresh history: `git init` and a first commit of everything, when git is installed."""
    git = shutil.which("git")
    if git is None:
        return "这台电脑没有安装 git：没有建立修改记录。装好 git 后在这个文件夹里运行 git init。"

    def run(*args: str, check: bool = True) -> int:
        environment = {**os.environ, "LC_ALL": "C"}
        return subprocess.run([git, *args], cwd=folder, capture_output=True, env=environment, check=check).returncode

    run("init", "-q")
    run("add", "-A")
    message = ("commit", "-q", "-m", "建立村务公开站（cunwu init）")
    if run(*message, check=False) != 0:  # no user.name/user.email configured yet
        run("-c", "user.name=村委会", "-c", "user.email=cunwu@localhost", *message)
    return "已用 git 建立这个村自己的修改记录，并做了第一次提交。"


def environment() -> Path | None:
    """The virtual environment cunwu runs in, or None outside one."""
    return Path(sys.prefix) if sys.prefix != sys.base_prefix else None
