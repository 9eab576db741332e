"""Page types: which records each page shows, which template renders it, and at which URL.

Each module exposes `pages(village, today) -> list[PageSpec]`. URLs are derived from record ids,
so they are stable, and every record page is left out of the navigation.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PER_PAGE = 40
"""Rows on one listing page, so that no page grows with the number of records."""


@dataclass(frozen=True)
class PageSpec:
    """One generated Markdown page, or one finished file when `content` is set."""

    uri: str
    template: str
    context: dict = field(default_factory=dict)
    in_nav: bool = False
    content: bytes | None = None
    """A finished file (an SVG chart or QR code) instead of a rendered template."""


@dataclass(frozen=True)
class Pager:
    """Where one page of a paginated listing sits among its siblings."""

    number: int
    count: int
    uris: tuple[str, ...]

    @property
    def previous(self) -> str | None:
        return self.uris[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.uris[self.number] if self.number < self.count else None


def paginate(
    items: list, base_uri: str, template: str, context: dict, in_nav: bool = False, per_page: int = PER_PAGE
) -> list[PageSpec]:
    """Split `items` into listing pages of `per_page`: ``base.md``, ``base-2.md``, ``base-3.md`` …"""
    chunks = [items[i : i + per_page] for i in range(0, len(items), per_page)] or [[]]
    stem = base_uri.removesuffix(".md")
    uris = tuple(base_uri if n == 1 else f"{stem}-{n}.md" for n in range(1, len(chunks) + 1))
    return [
        PageSpec(
            uri, template, {**context, "items": chunk, "pager": Pager(n, len(chunks), uris)}, in_nav=in_nav and n == 1
        )
        for n, (uri, chunk) in enumerate(zip(uris, chunks, strict=False), start=1)
    ]
