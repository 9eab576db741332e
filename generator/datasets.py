"""The registry: every record type the generator knows, in loading order (referenced types first).

Each record module declares its `DATASET` (files, schema, what is public, its page module).
"""

from __future__ import annotations

from .records import (
    Dataset,
    case,
    decision,
    five_goods,
    ledger,
    member,
    mentoring,
    namelist,
    notice,
    pledge,
    points,
    project,
    talent,
    training,
    village,
    wish,
)

DATASETS = (
    village.DATASET,
    member.DATASET,
    pledge.DATASET,
    notice.DATASET,
    decision.DATASET,
    project.DATASET,
    ledger.PERIODS,
    ledger.DATASET,
    namelist.LISTS,
    namelist.DATASET,
    talent.DATASET,
    training.DATASET,
    mentoring.DATASET,
    points.RULES,
    points.ROWS,
    wish.DATASET,
    five_goods.DATASET,
    case.DATASET,
)


def named(name: str) -> Dataset:
    """The dataset called `name`."""
    return next(d for d in DATASETS if d.name == name)
