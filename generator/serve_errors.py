"""`mkdocs serve` with data that fails the checks: the browser shows the problems, in Chinese.

A build (`mkdocs build`) stops on the first problem as always. Under `serve`, the plugin instead
builds a site whose every page (the hand-written ones, those of the navigation and those the last
good build of this process generated) is one page listing the problems, so the page the clerk was
looking at reloads into the list, and reloads back into itself once the file is fixed and saved.
"""

from __future__ import annotations

import html

from mkdocs.structure.files import File, Files, InclusionLevel

from .problems import Problem, report

_LAST_GOOD: set[str] = set()
"""Generated pages of the last good build in this process (`mkdocs serve` rebuilds in-process)."""


def remember(generated: dict) -> None:
    _LAST_GOOD.clear()
    _LAST_GOOD.update(uri for uri in generated if uri.endswith(".md"))


def page(problems: list[Problem]) -> str:
    """The problems as one page; every text escaped (a found value is the clerk's own text)."""
    lines = report(problems).splitlines()
    items = "\n".join(f"<li>{html.escape(line)}</li>" for line in lines[:-1])
    return (
        "# 数据检查没有通过\n\n"
        f"<p>{html.escape(lines[-1])}改好文件并保存后，这一页会自动刷新。"
        "预览时才显示这一页；mkdocs build 遇到这些问题会停下，不会发布。</p>\n\n"
        f"<ol>\n{items}\n</ol>\n"
    )


def files_showing(text: str, files: Files, config) -> Files:
    """`files` with every page replaced by the problems page (theme assets are kept)."""
    pages = {f.src_uri for f in files if f.is_documentation_page()} | _LAST_GOOD | set(_nav_pages(config.nav))
    for file in [f for f in files if f.is_documentation_page()]:
        files.remove(file)
    for uri in sorted(pages | {"index.md"}):
        files.append(File.generated(config, uri, content=text, inclusion=InclusionLevel.NOT_IN_NAV))
    return files


def _nav_pages(nav) -> list[str]:
    """Every page path named in mkdocs.yml's nav."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") and "://" not in nav else []
    if isinstance(nav, dict):
        return [p for value in nav.values() for p in _nav_pages(value)]
    if isinstance(nav, list):
        return [p for item in nav for p in _nav_pages(item)]
    return []
