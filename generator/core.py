"""The pure core: a data folder in, generated files or problems out. No MkDocs here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .history import History
from .model import Site, load_site
from .problems import Problem
from .render import render_appendices, render_site, withheld_pages
from .settings import Settings
from .township import Township, is_township, load_township, portal_files


@dataclass
class Generated:
    """The result of one generation run."""

    site: Site | None = None
    files: dict[str, str | bytes] = field(default_factory=dict)
    """Generated pages (Markdown text) and downloads (bytes), by path in the site."""
    in_nav: set[str] = field(default_factory=set)
    appendices: dict[str, str] = field(default_factory=dict)
    """Markdown added at the end of hand-written pages (e.g. a story's people), by page path."""
    withheld: set[str] = field(default_factory=set)
    """Hand-written pages not to publish yet (a story dated after the build date)."""
    problems: list[Problem] = field(default_factory=list)
    township: Township | None = None
    """The township of a township site (its portal is among `files`); None for one village."""


def is_withheld(src_uri: str, withheld: set[str]) -> bool:
    """A withheld page, or a file beside it named after it (``x.md`` → ``x.svg``, ``x-1.jpg``)."""
    stem = src_uri.rsplit(".", 1)[0]
    return any(stem == page.removesuffix(".md") or stem.startswith(page.removesuffix(".md") + "-") for page in withheld)


def check(
    data_dir: Path, today: date, root: Path | None = None, settings: Settings | None = None
) -> tuple[Site | None, list[Problem]]:
    """Every check `mkdocs build` runs, without writing anything: the data, then the pages it makes
    (addresses, hand-written pages in the way, template overrides), with the repository's default
    folders (``content/``, ``site_overrides/``)."""
    root = root or data_dir.parent
    result = generate(data_dir, today, root / "site_overrides", root, root / "content", settings=settings)
    return result.site, result.problems


def generate(
    data_dir: Path,
    today: date,
    overrides: Path | None = None,
    root: Path | None = None,
    docs_dir: Path | None = None,
    history: History | None = None,
    settings: Settings | None = None,
) -> Generated:
    """Load everything, then render every page; stop with all problems if any.

    `history` (see `history.collect`) puts each record's change history on its page; `settings`
    are the plugin's options (masking rules, disclosure deadlines, site_url).
    """
    township = None
    if is_township(data_dir):
        township, problems = load_township(data_dir, today, root, settings, content_dir=docs_dir)
        site = township.site if township else None
    else:
        site, problems = load_site(data_dir, today, root, settings, content_dir=docs_dir)
    if site is None:
        return Generated(problems=problems)
    files, in_nav, problems = render_site(site, overrides, history)
    appendices, appendix_problems = render_appendices(site, overrides)
    problems += appendix_problems
    if township is not None:
        portal, portal_nav = portal_files(township, overrides)
        files.update(portal)
        in_nav |= portal_nav
    if docs_dir is not None:
        problems += _clashes(files, docs_dir, root or docs_dir.parent)
    if problems:
        return Generated(site=site, problems=problems)
    return Generated(site, files, in_nav, appendices, withheld_pages(site), township=township)


def _clashes(files: dict, docs_dir: Path, root: Path) -> list[Problem]:
    """A hand-written page at a generated page's path would silently replace one of them."""
    problems = []
    for uri in sorted(files):
        written = docs_dir / uri
        if written.exists():
            shown = (
                written.resolve().relative_to(root.resolve()).as_posix()
                if written.resolve().is_relative_to(root.resolve())
                else written.as_posix()
            )
            problems.append(
                Problem(
                    shown,
                    summary="手写页面与自动生成的页面网址相同",
                    expected=f"不使用 {uri} 这个路径（它由 data/ 自动生成）",
                    hint="给手写页面换个文件名；要修改自动生成的页面，请在 site_overrides/markdown/ 里覆盖模板。",
                )
            )
    return problems
