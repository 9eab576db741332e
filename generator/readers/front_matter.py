"""Markdown files with a YAML front matter block (between two ``---`` lines) to located values.

Only the front matter is read; line numbers are those of the Markdown file, so a message
points at the line the clerk sees.
"""

from __future__ import annotations

from ..problems import Problem
from . import Read
from .yaml_reader import read_yaml


def read_front_matter(data: bytes, file: str) -> Read:
    """The front matter of a Markdown file as located values."""
    lines = data.decode("utf-8-sig", errors="replace").splitlines()
    if not lines or lines[0].strip() != "---":
        return Read(
            problems=[
                Problem(
                    file,
                    1,
                    summary="缺少文件头",
                    expected="第一行是 ---，接着写标题、日期等字段，再以 --- 结束",
                    found=lines[0] if lines else "",
                    hint="从示例故事复制文件头再修改。",
                )
            ]
        )
    end = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---"), None)
    if end is None:
        return Read(
            problems=[
                Problem(
                    file,
                    1,
                    summary="文件头没有结束",
                    expected="文件头的字段之后单独一行 ---",
                    hint="在最后一个字段下面加一行 ---，再写正文。",
                )
            ]
        )
    text = "\n".join(["", *lines[1:end]]) + "\n"
    return read_yaml(text.encode("utf-8"), file)
