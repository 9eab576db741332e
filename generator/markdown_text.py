"""Escaping data for generated Markdown, and small formatting helpers for templates.

Every value a template prints is escaped by default (the Jinja environment's `finalize`), so a
field from `data/` can never become a link, an HTML tag or Markdown formatting. Characters that
Markdown or HTML would interpret become numeric entities, which both Python-Markdown and raw
HTML blocks show as the character itself.
"""

from __future__ import annotations

import posixpath
from datetime import date

from markupsafe import Markup

from .periods import day_label

_SPECIAL = "&<>\"'\\`*_[]{}|~#!"
_ENTITIES = {ord(c): f"&#{ord(c)};" for c in _SPECIAL}


def escape(value: object) -> str:
    """Text safe to place anywhere in generated Markdown or in its raw HTML blocks."""
    if isinstance(value, Markup):
        return str(value)
    if value is None:
        return ""
    if isinstance(value, date):
        return cn_date(value)
    return " ".join(str(value).split()).translate(_ENTITIES)


def cn_date(day: date | None) -> str:
    """2025年3月5日."""
    return day_label(day) if day else ""


def relative(from_uri: str, to_uri: str) -> str:
    """The relative link from one generated page (or file) to another, as MkDocs resolves it:
    `posixpath.relpath`, which asks the system for the working folder twice a call. Site paths
    are nearly always plain (no empty, `.` or `..` part): those are compared part by part."""
    start = posixpath.dirname(from_uri)
    here, there = start.split("/") if start else [], to_uri.split("/")
    if _UNPLAIN.isdisjoint(here) and _UNPLAIN.isdisjoint(there):
        common = 0
        for a, b in zip(here, there, strict=False):
            if a != b:
                break
            common += 1
        return "/".join([".."] * (len(here) - common) + there[common:]) or "."
    return posixpath.relpath(to_uri, start or ".")


_UNPLAIN = frozenset({"", ".", ".."})


def link(from_uri: str, text: object, to_uri: str) -> Markup:
    """A Markdown link with escaped text."""
    return Markup(f"[{escape(text)}]({relative(from_uri, to_uri)})")
