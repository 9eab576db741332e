"""The open-data pages: an index of every dataset's downloads, and one page per dataset
documenting its columns (one page each, so no page grows with the number of types)."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..datasets import DATASETS
from ..exports import documented_fields
from ..model import Village
from . import PageSpec


def pages(village: Village, today: date) -> list[PageSpec]:
    datasets: list[dict[str, Any]] = [
        {"dataset": d, "count": len(village.public(d, today)), "fields": documented_fields(d)} for d in DATASETS
    ]
    return [PageSpec(village.path("open-data/index.md"), "open_data.md", {"datasets": datasets}, in_nav=True)] + [
        PageSpec(village.path(f"open-data/{d['dataset'].name}.md"), "open_dataset.md", {"d": d}) for d in datasets
    ]
