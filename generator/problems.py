"""The one error type of the project and its Chinese text.

Every check in every layer reports a `Problem`; nothing raises to the clerk. A run collects
all problems and reports them together, sorted by file and line.
"""

from __future__ import annotations

from dataclasses import dataclass

FOUND_MAX = 40


@dataclass(frozen=True, order=True)
class Problem:
    """What is wrong, where, and how to fix it."""

    file: str
    """Path of the source file, relative to the project (posix separators)."""
    line: int = 0
    """YAML line, or the row number as Excel shows it (header = 1); 0 when not known."""
    field: str = ""
    """The field as the clerk wrote it, with its Chinese label, e.g. ``target_date（承诺完成时限）``."""
    summary: str = ""
    """What is wrong, in a few words."""
    expected: str = ""
    """What would be right."""
    found: str | None = None
    """What the file says (None when nothing was found)."""
    hint: str = ""
    """How to fix it."""

    def __str__(self) -> str:
        where = self.file + (f" 第 {self.line} 行" if self.line else "")
        if self.field:
            where += f"，字段「{self.field}」"
        text = f"{where}：{self.summary}。"
        details = []
        if self.expected:
            details.append(f"应为：{self.expected}")
        if self.found is not None:
            details.append(f"实际为：{show(self.found)}")
        if details:
            text += "；".join(details) + "。"
        if self.hint:
            text += f"提示：{self.hint}"
        return text


def show(value: str) -> str:
    """Quote a found value for a message, shortened and with empties made visible."""
    if value == "":
        return "空白"
    text = " ".join(str(value).split())
    if len(text) > FOUND_MAX:
        text = text[:FOUND_MAX] + "…"
    return f"“{text}”"


def report(problems: list[Problem]) -> str:
    """All problems of a run as one Chinese text, in file and line order."""
    lines = [str(p) for p in sorted(set(problems))]
    lines.append(f"共发现 {len(lines)} 个问题，请逐条修改后再试。没有生成或更改任何页面。")
    return "\n".join(lines)


class ProblemsFound(Exception):
    """Raised at the edge (CLI, plugin) to stop a run that collected problems."""

    def __init__(self, problems: list[Problem]):
        super().__init__(report(problems))
        self.problems = problems
