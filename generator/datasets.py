"""Every record type the generator knows, in loading order (referenced types first)."""

from __future__ import annotations

from .records import case, five_goods, member, mentoring, pledge, points, talent, training, village, wish

DATASETS = (
    village.DATASET,
    member.DATASET,
    pledge.DATASET,
    talent.DATASET,
    training.DATASET,
    mentoring.DATASET,
    points.RULES,
    points.ROWS,
    wish.DATASET,
    five_goods.DATASET,
    case.DATASET,
)


def dataset(name: str):
    """The dataset called `name`."""
    return next(d for d in DATASETS if d.name == name)
