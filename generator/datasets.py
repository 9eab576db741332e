"""Every record type the generator knows, in loading order (referenced types first)."""

from __future__ import annotations

from .records import decision, ledger, member, namelist, notice, pledge, project, village

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
)


def dataset(name: str):
    """The dataset called `name`."""
    return next(d for d in DATASETS if d.name == name)
