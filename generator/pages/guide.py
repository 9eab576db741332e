"""The clerk's guide (编辑指南) and the site's 关于本站 page, shipped with the package so that every
village keeps them as current as the program, and the field reference (数据字段说明), generated
from the schemas so it never drifts.

The guide's text is the template ``guide_index.md``; the field reference lists, for every dataset
in `DATASETS` (one page each, so no page grows with the number of types), where its files live,
how to get a blank template and what each field means, from the same definitions that
`cunwu check` uses. A village that writes its own ``about.md`` in content/ keeps it; otherwise the
package's page, naming the village and where to ask or object, is used.
"""

from __future__ import annotations

from datetime import date
from importlib.resources import files
from typing import Any

from ..datasets import DATASETS
from ..exports import documented_fields
from ..model import Village
from . import PageSpec


def pages(village: Village, today: date, datasets: tuple | None = None) -> list[PageSpec]:
    """The clerk's guide and field reference of a one-village site; a township has one for all its
    villages, at its root (`pages.portal`), so a village of a township (`village.slug`) gets none."""
    if village.slug:
        return []
    described: list[dict[str, Any]] = [
        {"dataset": d, "tabular": d.tabular, "fields": documented_fields(d, with_private=True)}
        for d in datasets or DATASETS
    ]
    picture = files("generator").joinpath("templates").joinpath("guide_history.png").read_bytes()
    own_about = village.content is not None and (village.content / "about.md").is_file()
    about = (
        []  # a village's own about.md wins; a township's root (no village profile) writes its own
        if own_about or not village.records.get("village")
        else [PageSpec(village.path("about.md"), "about.md", {"profile": village.profile}, in_nav=True)]
    )
    return [
        PageSpec(village.path("guide/index.md"), "guide_index.md"),
        PageSpec(village.path("guide/history.png"), "", content=picture),
        *about,
        PageSpec(village.path("guide/fields.md"), "guide_fields.md", {"datasets": described}),
        *(
            PageSpec(village.path(f"guide/fields/{d['dataset'].name}.md"), "guide_dataset.md", {"d": d})
            for d in described
        ),
    ]
