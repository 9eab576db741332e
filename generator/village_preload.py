"""The worker server's preload of a township build (see township_build._pool): what every
village's build loads is loaded once, and every village's process is forked from that state.

Loaded here: MkDocs, Material and its plugins, the Markdown extensions, this package (the plugin
and the village's build, and the summary it hands the root: pandas), jieba's dictionary, the list of installed MkDocs plugins, and the
package's and Material's templates compiled. Loading them in each village's process cost about
1.5 s of a 12 s build.
"""

from __future__ import annotations

import functools
import gc
import importlib

import mkdocs.plugins
from mkdocs.theme import Theme

from . import plugin, render, village_worker  # noqa: F401  (imported to be forked loaded)

PRELOADED = (
    "material.plugins.search.plugin",
    "material.plugins.offline.plugin",
    "markdown.extensions.tables",
    "markdown.extensions.attr_list",
    "markdown.extensions.md_in_html",
    "markdown.extensions.toc",
    "pypdf",
    "openpyxl",
    "generator.township_data",
)
"""Modules a village's build imports (a site's own extensions are imported in its process)."""

for _module in PRELOADED:
    importlib.import_module(_module)

# MkDocs reads every installed distribution's entry points for each configuration it loads; the
# installed plugins do not change while a township builds.
mkdocs.plugins.get_plugins = functools.cache(mkdocs.plugins.get_plugins)
mkdocs.plugins.get_plugins()

render.compile_all(render.environment(), ".md")
_theme = Theme(name="material").get_env()
_theme.bytecode_cache = render.THEME_COMPILED
render.compile_all(_theme, ".html")

# Everything loaded so far lives as long as a village's process: its collector need not walk it.
gc.freeze()
