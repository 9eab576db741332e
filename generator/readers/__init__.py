"""Bytes to located rows: no knowledge of record types.

Every reader returns plain values (text, None, `Mapping`, `Sequence`) that remember their line,
plus the problems it met. Scalars stay text: the schemas parse them, so YAML's implicit typing
(``001`` → 1, ``yes`` → True) never changes what a clerk wrote.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class Mapping(dict):
    """A dict that remembers its own line and the line of each key."""

    def __init__(self, line: int, items=(), key_lines: dict[str, int] | None = None):
        super().__init__(items)
        self.line = line
        self.key_lines = key_lines or {}
        self.filled: dict[str, int] = {}
        """For a table row: the columns whose cell lies under a cell merged down from a row above,
        with that row's number (the value is the merged cell's)."""

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class Sequence(list):
    """A list that remembers its own line (and, for a table, its header)."""

    def __init__(self, line: int, items=(), columns: tuple[str, ...] = ()):
        super().__init__(items)
        self.line = line
        self.columns = columns


@dataclass
class Read:
    """What a reader produced: a value (or None if unreadable) and the problems met."""

    value: object = None
    problems: list = field(default_factory=list)
