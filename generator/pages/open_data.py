"""The open-data page: each dataset's downloads and the documentation of its columns."""

from __future__ import annotations

from datetime import date

from ..exports import documented_fields
from ..datasets import DATASETS
from ..model import Village
from . import PageSpec


def pages(village: Village, today: date) -> list[PageSpec]:
    datasets = [{"dataset": d, "count": len(village.shown(d, today)), "fields": documented_fields(d)}
                for d in DATASETS]
    return [PageSpec(village.path("open-data/index.md"), "open_data.md", {"datasets": datasets}, in_nav=True)]
