"""The placeholder texts of blank templates (请填写姓名, 请填写办公时间 …): made here for `cunwu new`
and refused here by the checks, so a template left unedited never reaches the site.

A placeholder is ``请填写`` followed by the Chinese label of a field of any record type (a value
copied into another field is still a placeholder); other text that starts with 请填写 (a notice
asking villagers to fill in a form) is normal text.
"""

from __future__ import annotations

PREFIX = "请填写"


def placeholder(label: str) -> str:
    """What a blank template writes where the clerk must write the field called `label`."""
    return PREFIX + label


def is_placeholder(value: object) -> bool:
    """True when `value` is a placeholder a blank template wrote, left as it was."""
    return isinstance(value, str) and value.strip().startswith(PREFIX) and value.strip() in _PLACEHOLDERS


_PLACEHOLDERS: set[str] = {placeholder("标题")}
"""Every field label's placeholder: `schema.spec` registers each label as a record type declares it,
so by the time anything is parsed every record type's labels are here."""


def register(label: str) -> None:
    """Make ``请填写<label>`` a placeholder (called for every declared field)."""
    _PLACEHOLDERS.add(placeholder(label))
