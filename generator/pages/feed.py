"""An Atom feed of new stories, notices and newly published pledges, so a township site or a
reader can follow a village.

Atom needs absolute addresses, and the site's own pages use relative ones so that they work
under any sub-path and from file://. The feed is therefore made only when `site_url` is set in
mkdocs.yml; without it there is no feed (the plugin says so in the build log) and no page links
to one.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date

from ..model import Village
from ..records.notice import Notice
from . import PageSpec, cases

ATOM = "http://www.w3.org/2005/Atom"
ENTRIES = 20
"""The newest stories kept in the feed, and as many notices and pledges (so pledges never push the others out)."""


@dataclass(frozen=True)
class FeedEntry:
    """One item of the feed."""

    day: date
    kind: str
    title: str
    uri: str
    summary: str


def pages(village: Village, today: date) -> list[PageSpec]:
    """``feed.xml`` in the village's section, or nothing when the site's address is not known."""
    if not village.settings.site_url:
        return []
    return [PageSpec(feed_path(village), "", content=atom(village, entries(village, today)).encode("utf-8"))]


def feed_path(village: Village) -> str:
    return village.path("feed.xml")


def entries(village: Village, today: date) -> list[FeedEntry]:
    """The newest stories, public notices and published pledges, newest first."""
    found = [
        FeedEntry(s.date, s.kind, s.title, village.path(s.uri), s.summary)
        for s in cases.newest(village, today)[:ENTRIES]
    ]
    found += [
        FeedEntry(n.published, n.kind, n.title, village.path(f"notices/{n.id}.md"), notice_summary(n))
        for n in village.public("notices", today)[::-1][:ENTRIES]
    ]
    found += [
        FeedEntry(
            p.published,
            "公开承诺",
            p.content,
            village.path(f"pledges/{p.id}.md"),
            f"{village.members[p.member].name}的{p.category}类承诺，完成时限 {p.target_date.isoformat()}。",
        )
        for p in village.public_pledges(today)[:ENTRIES]
    ]
    return sorted(found, key=lambda e: (e.day, e.uri), reverse=True)


def notice_summary(notice: Notice) -> str:
    """类别 and kind, and a 公示's period: what a reader needs to decide whether to open it."""
    period = f"，公示期 {notice.start.isoformat()} 至 {notice.end.isoformat()}" if notice.kind == "公示" else ""
    return f"{notice.category}类{notice.kind}{period}。"


def absolute(village: Village, site_path: str) -> str:
    """The public address of a generated or hand-written page."""
    base = village.settings.site_url.rstrip("/") + "/"
    if site_path.endswith(".md"):
        stem = site_path.removesuffix(".md")
        if village.settings.directory_urls:
            site_path = (
                "" if stem == "index" else (stem.removesuffix("index") if stem.endswith("/index") else stem + "/")
            )
        else:
            site_path = stem + ".html"
    return base + site_path


def atom(village: Village, items: list[FeedEntry], name: str | None = None) -> str:
    """The Atom document; its `updated` is the newest entry's day, so the same data gives the same bytes.

    `name` is whose feed it is (a township's), by default the village's name."""
    name = name or village.profile.name
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "zh-CN"})
    _text(feed, "title", f"{name}村务公开：典型案例、公告公示和公开承诺")
    _text(feed, "id", absolute(village, feed_path(village)))
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": absolute(village, feed_path(village))})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": absolute(village, village.path("index.md"))})
    _text(feed, "updated", _stamp(items[0].day if items else date(2000, 1, 1)))
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", f"{name}村民委员会" if name == village_name(village) else name)
    for item in items:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "title", item.title)
        _text(entry, "id", absolute(village, item.uri))
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "href": absolute(village, item.uri)})
        _text(entry, "updated", _stamp(item.day))
        ET.SubElement(entry, f"{{{ATOM}}}category", {"term": item.kind})
        _text(entry, "summary", item.summary)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def village_name(village: Village) -> str | None:
    return village.profile.name if "village" in village.records else None


def _text(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{tag}").text = text


def _stamp(day: date) -> str:
    """Midnight in China on `day`, as Atom wants it."""
    return f"{day.isoformat()}T00:00:00+08:00"
