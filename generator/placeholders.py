"""The placeholder texts of blank templates (请填写姓名, 请填写办公时间 …): made here for `cunwu new`
and refused here by the checks, so a template left unedited never reaches the site.

A placeholder is ``请填写`` followed by the Chinese label of a field of any record type (a value
copied into another field is still a placeholder); other text that starts with 请填写 (a notice
asking villagers to fill in a form) is normal text.
"""

from __future__ import annotations

import functools

PREFIX = "请填写"


def placeholder(label: str) -> str:
    """What a blank template writes where the clerk must write the field called `label`."""
    return PREFIX + label


def is_placeholder(value: object) -> bool:
    """True when `value` is a placeholder a blank template wrote, left as it was."""
    return isinstance(value, str) and value.strip().startswith(PREFIX) and value.strip() in _all()


@functools.cache
def _all() -> frozenset[str]:
    from .datasets import DATASETS  # the record types import the schema, which asks this module
    from .schema import ListOf, Nested, fields_of

    labels, seen, pending = {"标题"}, set(), [d.record for d in DATASETS]
    while pending:
        record = pending.pop()
        if record in seen:
            continue
        seen.add(record)
        for f in fields_of(record):
            labels.add(f.label)
            if isinstance(f.kind, (Nested, ListOf)):
                pending.append(f.kind.record)
    return frozenset(placeholder(label) for label in labels)
