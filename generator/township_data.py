"""Cross-village tables of a township, computed with pandas at the build date.

pandas is used here, where whole villages are compared and summed, and never in the readers
(which keep each value as the clerk typed it, with its line). Each village's figures are read
from its records by `village_row`; everything across villages (totals, rates, rankings of what
needs attention, years side by side, the township downloads) is a DataFrame operation.
"""

from __future__ import annotations

import functools
import io
import json
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from typing import Any

import pandas as pd

from . import exports
from .datasets import DATASETS
from .deadlines import timeliness
from .model import PERSONAL_VALUES, Village
from .pages import cases, feed, home
from .pages.stats import yearly_figures
from .records import Dataset
from .records.notice import NoticeStatus
from .records.pledge import PUBLIC_STATUSES, PledgeStatus
from .records.wish import WishStatus

ENDING_SOON = 7
"""A 公示 whose period ends within this many days (today included) is listed for the township."""

COLUMNS = {
    "village": ("村", "村名。"),
    "folder": ("村文件夹", "这个村的文件夹名，也是它在网站上的网址。"),
    **{f"pledges_{s.slug}": (f"承诺{s.text}", f"公开承诺中状态为“{s.text}”的件数。") for s in PUBLIC_STATUSES},
    "pledges": ("公开承诺", "在网站上公开的承诺件数。"),
    "completion": ("完成率", "已完成的承诺占公开承诺的百分比（没有公开承诺时为空）。"),
    "finance_latest": ("财务已公开至", "已公开的最近一个月的财务收支。"),
    "finance_due": ("财务应公开至", "按公开时限应已公开的最近一个月。"),
    "affairs_latest": ("村务已公开至", "已有公告、公示、决策、项目或名单公开的最近一个季度。"),
    "affairs_due": ("村务应公开至", "按公开时限应已公开的最近一个季度。"),
    "disclosures_overdue": ("逾期未公开", "过了公开时限仍未公开的期数（财务按月、村务按季度）。"),
    "notices_open": ("公示中", "今天仍在公示期内的公示件数。"),
    "five_goods_year": ("五个好年度", "最近一次“五个好”评定的年度。"),
    "five_goods_good": ("五个好评为好", "最近一次评定中等次为“好”的项数（共五项）。"),
    "wishes": ("微心愿", "已点单的微心愿、微建议件数。"),
    "wishes_done": ("微心愿已完成", "其中已完成的件数。"),
    "points_year": ("积分年度", "最近一个有积分规则的年度。"),
    "points_members": ("参与积分党员", "这一年至少有一条积分记录的党员人数。"),
    "members": ("党员人数", "党员名册中的人数。"),
    "points_rate": ("积分参与率", "参与积分的党员占党员人数的百分比。"),
    "last_changed": ("最近更新", "这个村最近一次公开内容的日期（承诺、进展、公告、决策、项目、名单、财务、故事）。"),
}
"""Every column of the village comparison table: (Chinese header, meaning), documented on the open-data page."""


def village_row(village: Village, today: date) -> dict:
    """One village's key figures on `today`, read from its records."""
    pledges = village.public_pledges(today)
    statuses = [p.status(today) for p in pledges]
    kinds = {t.kind: t for t in timeliness(village, today)}
    finance, affairs = kinds.get("财务公开"), kinds.get("村务公开")
    assessments = [a for a in village.records["five_goods"] if a.date <= today]
    latest = max(assessments, key=lambda a: a.year, default=None)
    wishes = [w for w in village.records["wishes"] if w.asked <= today]
    years = [r.year for r in village.records["point_rules"] if r.year <= today.year]
    points_year = max(years, default=None)
    active = {r.member for r in village.records["point_rows"] if r.date.year == points_year and r.date <= today}
    changed = [c.day for c in home.recent_changes(village, today)[:1]] + [
        s.date for s in cases.newest(village, today)[:1]
    ]
    return {
        "village": village.profile.name,
        "folder": village.slug,
        **{f"pledges_{s.slug}": statuses.count(s) for s in PUBLIC_STATUSES},
        "pledges": len(pledges),
        "finance_latest": finance.latest if finance else None,
        "finance_due": finance.due if finance else None,
        "affairs_latest": affairs.latest if affairs else None,
        "affairs_due": affairs.due if affairs else None,
        "disclosures_overdue": sum(len(t.overdue) for t in kinds.values()),
        "overdue_periods": "、".join(f"{t.kind}{p}" for t in kinds.values() for p in t.overdue),
        "notices_open": sum(1 for n in village.public(_notices(), today) if n.status(today) is NoticeStatus.OPEN),
        "five_goods_year": latest.year if latest else None,
        "five_goods_good": sum(1 for r in latest.ratings if r.rating == "好") if latest else None,
        "wishes": len(wishes),
        "wishes_done": sum(1 for w in wishes if w.status(today) is WishStatus.DONE),
        "points_year": points_year,
        "points_members": len(active) if points_year else None,
        "members": len(village.members),
        "last_changed": max(changed, default=None),
    }


def village_table(villages: list[Village], today: date) -> pd.DataFrame:
    """One row per village in display order, with completion and participation rates."""
    frame = pd.DataFrame([figure(v, "row", today) for v in villages])
    if frame.empty:
        return pd.DataFrame(columns=[*COLUMNS, "overdue_periods"])
    for column in ("five_goods_year", "five_goods_good", "points_year", "points_members"):
        frame[column] = frame[column].astype("Int64")  # a count, empty for some villages: not a float
    frame["completion"] = _percent(frame[f"pledges_{PledgeStatus.DONE.slug}"], frame["pledges"])
    frame["points_rate"] = _percent(frame["points_members"], frame["members"])
    return frame


def totals(table: pd.DataFrame) -> dict:
    """The township's sums of the count columns, and its overall rates."""
    counts = [f"pledges_{s.slug}" for s in PUBLIC_STATUSES] + [
        "pledges",
        "disclosures_overdue",
        "notices_open",
        "wishes",
        "wishes_done",
        "members",
    ]
    totals = {c: int(table[c].sum()) for c in counts}
    done = totals[f"pledges_{PledgeStatus.DONE.slug}"]
    sums: dict[str, int | None] = dict(totals)
    sums["completion"] = round(100 * done / totals["pledges"]) if totals["pledges"] else None
    sums["villages"] = len(table)
    return sums


def attention(table: pd.DataFrame) -> pd.DataFrame:
    """Villages with overdue disclosures or overdue pledges, the most overdue first."""
    overdue = f"pledges_{PledgeStatus.OVERDUE.slug}"
    late = table[(table["disclosures_overdue"] > 0) | (table[overdue] > 0)].copy()
    late["order"] = range(len(late))
    return late.sort_values(["disclosures_overdue", overdue, "order"], ascending=[False, False, True], kind="stable")


def ending_soon(villages: list[Village], today: date) -> pd.DataFrame:
    """Notices now in their 公示期 that end within `ENDING_SOON` days, the soonest first."""
    rows = [row for v in villages for row in figure(v, "ending", today)]
    frame = pd.DataFrame(rows, columns=["village", "uri", "title", "end", "days"])
    return frame.sort_values(["end", "uri"], kind="stable")


def _ending_rows(village: Village, today: date) -> list[dict]:
    return [
        {
            "village": village.profile.name,
            "uri": village.path(f"notices/{n.id}.md"),
            "title": n.title,
            "end": n.end,
            "days": (n.end - today).days,
        }
        for n in village.public(_notices(), today)
        if n.status(today) is NoticeStatus.OPEN and (n.end - today).days < ENDING_SOON
    ]


def yearly(villages: list[Village], today: date) -> pd.DataFrame:
    """Per village, figure, series and year: the counts of the statistics page (`stats.yearly_figures`)."""
    rows = [row for v in villages for row in figure(v, "yearly", today)]
    return pd.DataFrame(rows, columns=["village", "figure", "series", "year", "count"])


def _yearly_rows(village: Village, today: date) -> list[dict]:
    return [
        {"village": village.profile.name, "figure": f.title, "series": name, "year": year, "count": count}
        for f in yearly_figures(village, today)
        for name, counts in f.series
        for year, count in zip(f.years, counts, strict=True)
    ]


def _changes(village: Village, today: date) -> list[home.RecentChange]:
    name = village.profile.name
    return [replace(c, uri=village.path(c.uri), village=name) for c in home.recent_changes(village, today)]


def _stories(village: Village, today: date) -> list[dict]:
    return [
        {"village": village.profile.name, "story": s, "uri": village.path(s.uri)}
        for s in cases.newest(village, today)[:STORIES]
    ]


def yearly_totals(frame: pd.DataFrame, figure: str, years: list[int]) -> list[tuple[str, list[int]]]:
    """The township's count per year of each series of one figure, years without data as 0."""
    chosen = frame[frame["figure"] == figure]
    pivot = chosen.pivot_table(index="series", columns="year", values="count", aggfunc="sum", sort=False)
    pivot = pivot.reindex(columns=years, fill_value=0).fillna(0)
    order = list(dict.fromkeys(chosen["series"]))
    return [(name, [int(pivot.loc[name, y]) for y in years]) for name in order]


def per_village_year(frame: pd.DataFrame, figure: str, series: str, years: list[int]) -> pd.DataFrame:
    """Villages × years of one series (e.g. pledges published each year), in display order."""
    chosen = frame[(frame["figure"] == figure) & (frame["series"] == series)]
    pivot = chosen.pivot_table(index="village", columns="year", values="count", aggfunc="sum", sort=False)
    return pivot.reindex(columns=years, fill_value=0).fillna(0).astype(int)


# --- downloads --------------------------------------------------------------------------------


def dataset_csv(dataset: Dataset, villages: list[Village], today: date) -> bytes:
    """Every shown record of a dataset in every village as one CSV (like a village's download,
    `exports.to_csv`), with the village first: each village's rows are written once, kept
    compressed with it (`figure`), and joined here."""
    header = exports.csv_text([["村"] + [c.label for c in exports.columns(dataset)]])
    parts = (zlib.decompress(figure(v, f"csv {dataset.name}", today)) for v in villages)
    return ("\ufeff" + header).encode("utf-8") + b"".join(parts)


def _csv_part(dataset: Dataset, village: Village, today: date) -> bytes:
    cols = exports.columns(dataset)
    rows = (exports.flat(r, dataset, village, today) for r in village.public(dataset, today))
    text = exports.csv_text(
        [exports._cell(village.profile.name)] + [exports._cell(row.get(c.key)) for c in cols] for row in rows
    )
    return zlib.compress(text.encode("utf-8"))


def dataset_json(dataset: Dataset, villages: list[Village], today: date) -> bytes:
    """Every shown record of every village, each with its village, and the field documentation."""
    parts = (zlib.decompress(figure(v, f"json {dataset.name}", today)) for v in villages)
    payload = {
        "dataset": dataset.name,
        "title": dataset.title,
        "as_of": today.isoformat(),
        "fields": [
            {"key": "village", "label": "村", "type": "文本", "required": True, "doc": "记录所属的村。"},
            *exports.json_fields(dataset),
        ],
        # each village's records, encoded once and kept compressed with it: one item per village
        "records": [part for part in parts if part],
    }
    return exports.json_bytes(payload)


def _json_part(dataset: Dataset, village: Village, today: date) -> bytes:
    records = (
        exports.json_text(
            {"village": village.profile.name}
            | exports.as_dict(r)
            | {d.key: d.value(r, village, today) for d in dataset.derived}
        )
        for r in village.public(dataset, today)
    )
    return zlib.compress(exports.JSON_ITEMS.join(record.encode("utf-8") for record in records))


def to_csv(frame: pd.DataFrame) -> bytes:
    """UTF-8 with BOM and CRLF, Chinese headers: Excel opens it without garbling. Its text cells
    come through `exports._cell`, so none (a village name included) starts a formula."""
    return frame.to_csv(index=False, lineterminator="\r\n", encoding=None).encode("utf-8-sig")


def comparison_frame(table: pd.DataFrame) -> pd.DataFrame:
    """The village comparison table as published: documented columns, Chinese headers, and text
    through `exports._cell` (a village name never starts a formula in Excel)."""
    frame = table[list(COLUMNS)].rename(columns={k: v[0] for k, v in COLUMNS.items()})
    return frame.map(lambda value: exports._cell(value) if isinstance(value, str) else value)


def comparison_json(table: pd.DataFrame, today: date) -> bytes:
    records = json.loads(table[list(COLUMNS)].to_json(orient="records", force_ascii=False, date_format="iso"))
    for record in records:  # dates as YYYY-MM-DD, like every other download
        if record["last_changed"]:
            record["last_changed"] = record["last_changed"][:10]
    payload = {
        "dataset": "villages",
        "title": "各村对比",
        "as_of": today.isoformat(),
        "fields": [{"key": k, "label": v[0], "doc": v[1]} for k, v in COLUMNS.items()],
        "records": records,
    }
    return exports.json_bytes(payload)


def to_xlsx(frame: pd.DataFrame, today: date, notes: dict[str, tuple[str, str]]) -> bytes:
    """A workbook for township staff: sheet 各村对比 and sheet 说明 (each column's meaning).

    Its timestamps are the build date and the zip entries carry a fixed time, so the same data
    gives the same bytes.
    """
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name="各村对比", index=False)
        pd.DataFrame([{"列名": label, "说明": doc} for label, doc in notes.values()]).to_excel(
            writer, sheet_name="说明", index=False
        )
        stamp = datetime(today.year, today.month, today.day)
        writer.book.properties.created = writer.book.properties.modified = stamp
        sheet = writer.sheets["各村对比"]
        sheet.freeze_panes = "B2"
        for column in sheet.columns:
            sheet.column_dimensions[column[0].column_letter].width = 14
    return _fixed_zip(buffer.getvalue(), today)


def _fixed_zip(data: bytes, today: date) -> bytes:
    """The same zip with every entry dated 1980-01-01 and the workbook's modification time the
    build date (openpyxl stamps the time of writing on both)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                stamp = f"{today.isoformat()}T00:00:00Z".encode()
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, content)
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, content)
    return out.getvalue()


def _percent(part: pd.Series, whole: pd.Series) -> pd.Series:
    """Whole percentages; empty where the whole is 0 or unknown."""
    rate = (100 * part.astype("Float64") / whole.astype("Float64").where(whole > 0)).round()
    return rate.astype("Int64")


def _notices():
    return next(d for d in DATASETS if d.name == "notices")


def downloadable() -> tuple[Dataset, ...]:
    """Every dataset a township publishes as one CSV and JSON."""
    return DATASETS


# --- what the portal takes from each village --------------------------------------------------

RECENT = 12
"""Recent changes listed on the portal, across villages."""
STORIES = 6
"""Newest typical cases listed on the portal, across villages."""

FIGURES: dict[str, Callable[[Village, date], Any]] = {
    "row": village_row,
    "ending": _ending_rows,
    "yearly": _yearly_rows,
    "changes": _changes,
    "stories": _stories,
    "feed": feed.entries,
    "counts": lambda village, today: {d.name: len(village.public(d, today)) for d in downloadable()},
    **{f"csv {d.name}": functools.partial(_csv_part, d) for d in downloadable()},
    **{f"json {d.name}": functools.partial(_json_part, d) for d in downloadable()},
}
"""Everything the portal computes from one village's records, by name: each village's share of
the comparison table, the lists across villages, the feed, and the downloads (compressed)."""


def figure(village: Village, name: str, today: date) -> Any:
    """A village's `FIGURES[name]` on `today`, computed once (`Village.remember`): kept with the
    village for the township's next build, and all that `summarise` leaves of it."""
    return village.remember(f"{name} {today}", functools.partial(FIGURES[name], village, today))


def summarise(village: Village, today: date) -> Village:
    """The village as a township's root build keeps it: every figure the portal and the guard
    take from it computed, its records let go (its profile stays). A county's root holds hundreds
    of villages at once; this keeps each to its figures (under 1 MB for a demo-sized village,
    instead of about 10)."""
    keep = {f"{name} {today}" for name in FIGURES} | {PERSONAL_VALUES}
    for name in FIGURES:
        figure(village, name, today)
    village.personal_values()
    village.memo = {key: value for key, value in village.memo.items() if key in keep}
    village.records = {"village": village.records["village"]}
    village._index.clear()
    return village
