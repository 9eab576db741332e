"""The township portal: the home page of a township site and the pages under it.

`pages(township, today)` returns every portal page and chart at the root of the site:
``index.md`` (what the township must act on, the villages at a glance, recent changes, stories),
``villages/index.md`` (every village's key figures, 15 a page), ``compare/…`` (years and villages
side by side, each chart with its table), ``open-data/…`` (every dataset of every village as one
CSV and JSON with a village column, the comparison as CSV, JSON and XLSX) and the clerks' field
reference ``guide/fields…``. A village's own pages never link here except its way up to the
township, and none of them grows with the number of villages.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from .. import township_data as data
from ..charts import bar_chart
from ..datasets import DATASETS
from ..exports import documented_fields
from ..kinds import FieldSpec, Text
from ..records import Dataset
from ..records.pledge import PUBLIC_STATUSES, PledgeStatus
from . import PageSpec, feed, guide, home, paginate, stats

HOME_ROWS = 10
"""Rows of each table on the home page (需要督办, 公示即将结束, 各村); the rest are counted there and
listed on the village list, so the home page does not grow with the number of villages."""
VILLAGES_PER_PAGE = 15
"""Villages a page of the village list and of the comparison holds: a village's row of every key
figure is about 1 KB of HTML, and every page of the site stays under 40 KB."""
VILLAGE_FIELD = FieldSpec("village", Text(30), "村", "记录所属的村（村名）。", True)
"""The column every township download adds in front of a dataset's own."""


def pages(township, today: date) -> list[PageSpec]:
    """Every page, chart and download of the portal (see the module's docstring)."""
    villages = township.villages
    table = data.village_table(villages, today)
    rows = _rows(table, villages)
    context = {"township": township.profile, "totals": data.totals(table)}
    attention = data.attention(table)
    ending = data.ending_soon(villages, today).to_dict("records")
    specs = [
        PageSpec(
            "index.md",
            "portal_home.md",
            {
                **context,
                "attention": [rows[i] for i in attention.index][:HOME_ROWS],
                "attention_count": len(attention),
                "ending": ending[:HOME_ROWS],
                "ending_count": len(ending),
                "ending_days": data.ENDING_SOON,
                "villages": rows[:HOME_ROWS],
                "changes": recent_changes(villages, today),
                "stories": stories(villages, today),
                "feed": "feed.xml" if township.settings.site_url else None,
            },
            in_nav=True,
        )
    ]
    specs += paginate(rows, "villages/index.md", "portal_villages.md", context, in_nav=True, per_page=VILLAGES_PER_PAGE)
    specs += _compare(villages, rows, today, context)
    specs += _open_data(township, table, today, context)
    specs += _guide(township, today)
    if township.settings.site_url:
        specs.append(PageSpec("feed.xml", "", content=_feed(township, today)))
    return specs


def recent_changes(villages, today: date) -> list[home.RecentChange]:
    """The newest public events of every village (each village's own list, merged), newest first."""
    changes = [c for v in villages for c in data.figure(v, "changes", today)]
    return sorted(changes, key=lambda c: (c.day, c.uri, c.what), reverse=True)[: data.RECENT]


def stories(villages, today: date) -> list[dict]:
    """The newest typical cases of every village, newest first."""
    found = [s for v in villages for s in data.figure(v, "stories", today)]
    return sorted(found, key=lambda f: (f["story"].date, f["uri"]), reverse=True)[: data.STORIES]


def _rows(table, villages) -> list[dict]:
    """The comparison table's rows as plain values, each with its village's home page."""
    records = table.astype(object).where(table.notna(), None).to_dict("records")
    return [{**r, "home": v.path("index.md")} for r, v in zip(records, villages, strict=True)]


def _compare(villages, rows: list[dict], today: date, context: dict) -> list[PageSpec]:
    frame = data.yearly(villages, today)
    years = sorted({int(y) for y in frame["year"]}) or [today.year]
    figures: list[dict[str, Any]] = []
    for slug, title in (("pledges", "党员公开承诺"), ("wishes", "微心愿、微建议"), ("mentoring", "结对帮带")):
        series = data.yearly_totals(frame, title, years)
        figures.append({"slug": slug, "title": title, "series": series})
    specs = [
        PageSpec("compare/index.md", "portal_compare.md", {**context, "years": years, "figures": figures}, in_nav=True)
    ]
    specs += [
        PageSpec(
            f"compare/{f['slug']}.svg",
            "",
            content=stats.chart(
                stats.Figure(f["slug"], f"全镇{f['title']}（按年）", tuple(years), tuple(f["series"]), "")
            ),
        )
        for f in figures
    ]
    published = data.per_village_year(frame, "党员公开承诺", "公开承诺", years[-5:])
    pages_ = paginate(
        [
            {
                **r,
                "by_year": [
                    int(published.loc[r["village"], y]) if r["village"] in published.index else 0 for y in years[-5:]
                ],
            }
            for r in rows
        ],
        "compare/villages.md",
        "portal_compare_villages.md",
        {**context, "years": years[-5:], "statuses": PUBLIC_STATUSES},
        per_page=VILLAGES_PER_PAGE,
    )
    for spec in pages_:
        chart = spec.uri.removesuffix(".md") + ".svg"
        specs.append(PageSpec(spec.uri, spec.template, {**spec.context, "chart": chart}, spec.in_nav))
        specs.append(PageSpec(chart, "", content=_village_chart(spec.context["items"], spec.context["pager"])))
    return specs


SERIES = (("已完成", "#1e6b30"), ("逾期", "#b3261e"), ("逾期未公开", "#6a1b9a"))


def _village_chart(rows: list[dict], pager) -> bytes:
    title = "各村已完成承诺、逾期承诺和逾期未公开的期数" + (f"（第 {pager.number} 页）" if pager.count > 1 else "")
    return bar_chart(
        title,
        [
            (
                r["village"],
                [
                    Decimal(r[f"pledges_{PledgeStatus.DONE.slug}"]),
                    Decimal(r[f"pledges_{PledgeStatus.OVERDUE.slug}"]),
                    Decimal(r["disclosures_overdue"]),
                ],
            )
            for r in rows
        ],
        list(SERIES),
        number=lambda v: f"{v:,.0f}",
    )


def _open_data(township, table, today: date, context: dict) -> list[PageSpec]:
    villages = township.villages
    datasets: list[dict[str, Any]] = [
        {
            "dataset": d,
            "count": sum(data.figure(v, "counts", today)[d.name] for v in villages),
            "fields": [(VILLAGE_FIELD.key, VILLAGE_FIELD), *documented_fields(d)],
        }
        for d in data.downloadable()
    ]
    specs = [
        PageSpec(
            "open-data/index.md",
            "portal_open_data.md",
            {**context, "datasets": datasets, "columns": data.COLUMNS},
            in_nav=True,
        ),
        PageSpec("open-data/villages.csv", "", content=data.to_csv(data.comparison_frame(table))),
        PageSpec("open-data/villages.json", "", content=data.comparison_json(table, today)),
        PageSpec(
            "open-data/villages.xlsx", "", content=data.to_xlsx(data.comparison_frame(table), today, data.COLUMNS)
        ),
    ]
    for d in datasets:
        dataset: Dataset = d["dataset"]
        specs.append(PageSpec(f"open-data/{dataset.name}.md", "portal_open_dataset.md", {"d": d}))
        specs.append(PageSpec(f"open-data/{dataset.name}.csv", "", content=data.dataset_csv(dataset, villages, today)))
        specs.append(
            PageSpec(f"open-data/{dataset.name}.json", "", content=data.dataset_json(dataset, villages, today))
        )
    return specs


def _guide(township, today: date) -> list[PageSpec]:
    """The clerks' field reference, once for the whole township (the same schemas for every village)."""
    from ..records.township import DATASET as PROFILE

    specs = guide.pages(township.root(), today, datasets=(PROFILE, *DATASETS))
    return specs


def _feed(township, today: date) -> bytes:
    """The Atom feed across villages: each village's entries, merged, newest first."""
    entries = sorted(
        (e for v in township.villages for e in data.figure(v, "feed", today)),
        key=lambda e: (e.day, e.uri),
        reverse=True,
    )
    root = township.root()
    return feed.atom(root, entries[: feed.ENTRIES * 3], name=township.profile.name).encode("utf-8")
