"""Name lists (名单公示): the listing and each list's masked rows, paginated."""

from __future__ import annotations

from datetime import date

from ..model import Village
from . import PageSpec, paginate


def pages(village: Village, today: date) -> list[PageSpec]:
    shown = list(reversed(village.public("namelists", today)))
    entries: dict[str, list] = {n.id: [] for n in shown}
    for entry in village.public("list_entries", today):
        entries[entry.list_id].append(entry)
    specs = [
        PageSpec(
            village.path("lists/index.md"),
            "namelist_index.md",
            {"lists": shown, "counts": {k: len(v) for k, v in entries.items()}},
            in_nav=True,
        )
    ]
    for named in shown:
        rows = entries[named.id]
        columns = [c for c in COLUMNS if any(getattr(e, c[0]) is not None for e in rows)]
        specs += paginate(
            rows,
            village.path(f"lists/{named.id}.md"),
            "namelist.md",
            {"named": named, "status": named.status(today), "columns": columns, "total": len(rows)},
        )
    return specs


COLUMNS = [
    ("name", "姓名"),
    ("group", "村民小组"),
    ("household", "家庭人口"),
    ("item", "项目"),
    ("amount", "金额（元）"),
    ("id_number", "身份证号"),
    ("phone", "联系电话"),
    ("bank_account", "银行账号"),
    ("note", "备注"),
]
"""Columns a list page may show, in order; a column empty in every row is left out."""
