"""The clerk's field reference (编辑指南 · 数据字段说明), generated from the schemas so it never drifts.

The hand-written part of the guide is ``content/guide/index.md``; these pages list, for every
dataset in `DATASETS` (one page each, so no page grows with the number of types), where its files live, how to get a blank template and what each field
means, from the same definitions that `cunwu check` uses.
"""

from __future__ import annotations

from datetime import date

from ..blank import is_tabular
from ..datasets import DATASETS
from ..exports import documented_fields
from ..model import Village
from . import PageSpec


def pages(village: Village, today: date, datasets: tuple | None = None) -> list[PageSpec]:
    """The field reference of a one-village site; a township has one for all its villages, at its
    root (`pages.portal`), so a village of a township (`village.slug`) gets none of its own."""
    if village.slug:
        return []
    datasets = [
        {"dataset": d, "tabular": is_tabular(d), "fields": documented_fields(d, with_private=True)}
        for d in datasets or DATASETS
    ]
    return [PageSpec(village.path("guide/fields.md"), "guide_fields.md", {"datasets": datasets})] + [
        PageSpec(village.path(f"guide/fields/{d['dataset'].name}.md"), "guide_dataset.md", {"d": d}) for d in datasets
    ]
