"""From the model to files: every generated page rendered through the template chain.

Templates are looked up in the site's overrides folder first (``site_overrides/markdown/``),
then in the package's defaults, so a village changes one page by overriding one template. The
defaults are also reachable as ``default/<name>``, so an override can
``{% extends "default/pledge.md" %}`` and replace one block. A mistake in a template becomes a
`Problem` naming the template file and line.
"""

from __future__ import annotations

import importlib
import re
import traceback
from datetime import date
from pathlib import Path
from types import ModuleType

from jinja2 import (
    BaseLoader,
    BytecodeCache,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    pass_context,
)
from jinja2.bccache import Bucket
from markupsafe import Markup

from . import exports
from .datasets import DATASETS
from .history import History
from .kinds import yuan
from .markdown_text import cn_date, escape, link, relative
from .model import Site, Village
from .pages import PageSpec
from .problems import Problem
from .records.pledge import CATEGORIES

SITE_PAGES = ("open_data", "guide", "people", "stats", "feed")
"""Page modules about the whole village rather than one dataset, after the datasets' own."""


def page_modules() -> list[ModuleType]:
    """Every page module: the home page, each dataset's (named by its `Dataset.pages`), then SITE_PAGES."""
    names = dict.fromkeys(["home", *(d.pages for d in DATASETS), *SITE_PAGES])
    return [importlib.import_module(f"{__package__}.pages.{name}") for name in names]


OVERRIDES_SUBDIR = "markdown"
DEFAULT_PREFIX = "default"


class CompiledTemplates(BytecodeCache):
    """Compiled templates kept in memory for the life of the process, by template name and file,
    each with its source's checksum: every environment `environment` makes compiles alike, so
    later builds (each rebuild of `mkdocs serve`, the tests) reuse what an earlier one compiled,
    and a template whose source changed is compiled again (Jinja checks the checksum)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED = CompiledTemplates()
THEME_COMPILED = CompiledTemplates()
"""The same for the theme's templates (MkDocs makes its theme environment alike for every build:
the plugin hands it this cache in on_env)."""


def compile_all(env: Environment, suffix: str) -> None:
    """Compile every template of `env` whose name ends with `suffix` into its bytecode cache (a
    township's worker server does it once for every village's process); a template that does
    not compile here is left to the build, which reports it."""
    for name in env.list_templates(filter_func=lambda name: name.endswith(suffix)):
        try:
            env.get_template(name)
        except TemplateError:
            continue


def environment(overrides: Path | None = None) -> Environment:
    """The Jinja2 environment: overrides first, package defaults second, every value escaped.

    `finalize` escapes each printed value for Markdown (see `markdown_text.escape`) and marks it
    safe, so autoescape leaves it alone; macros and helpers return `Markup` and pass unchanged.
    """
    loaders: list[BaseLoader] = []
    if overrides and (overrides / OVERRIDES_SUBDIR).is_dir():
        loaders.append(FileSystemLoader(overrides / OVERRIDES_SUBDIR))
    defaults = PackageLoader("generator", "templates")
    loaders += [PrefixLoader({DEFAULT_PREFIX: defaults}), defaults]
    env = Environment(
        loader=ChoiceLoader(loaders),
        finalize=lambda value: Markup(escape(value)),
        undefined=StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=COMPILED,
    )
    env.globals.update(link=_link, url=_url, rel=_rel, category_slugs=CATEGORIES)
    env.filters.update(cn_date=cn_date, yuan=yuan)
    return env


def page_specs(village: Village, today: date) -> list[PageSpec]:
    """Every page of one village."""
    return [spec for module in page_modules() for spec in module.pages(village, today)]


def render_site(
    site: Site, overrides: Path | None = None, history: History | None = None
) -> tuple[dict[str, str | bytes], set[str], list[Problem]]:
    """All generated files by site path, the paths that belong in the navigation, and any clash.

    `history` (from `history.collect`) adds each record's change history to its page; None shows none.
    """
    env = environment(overrides)
    files: dict[str, str | bytes] = {}
    in_nav: set[str] = set()
    problems = []
    taken: dict[str, PageSpec] = {}
    failed: set[str] = set()
    for village in site.villages:
        for spec in page_specs(village, site.today):
            first = taken.setdefault(spec.uri.casefold(), spec)
            if first is not spec:
                problems.append(same_address(first, spec))
                continue
            if spec.content is not None:
                files[spec.uri] = spec.content
                continue
            if spec.template in failed:
                continue
            try:
                files[spec.uri] = render_page(env, spec, village, site.today, history)
            except TemplateError as error:  # reported once per template: other pages would repeat it
                problems.append(template_problem(error, spec.template, overrides))
                failed.add(spec.template)
            if spec.in_nav:
                in_nav.add(spec.uri)
        files.update(exports.files(village, site.today))
    return files, in_nav, problems


def render_page(env: Environment, spec: PageSpec, village: Village, today: date, history: History | None) -> str:
    """One page's Markdown: its template given its context and the variables every page receives."""
    return env.get_template(spec.template).render(
        spec.context, village=village, profile=village.profile, today=today, page_uri=spec.uri, history=history
    )


def template_problem(error: TemplateError, name: str, overrides: Path | None) -> Problem:
    """A mistake in a template (most often a village's override) as a Problem at its file and line."""
    where, line = _template_place(error, name)
    root = overrides.parent if overrides else None
    shown = _template_file(where, root)
    if isinstance(error, TemplateSyntaxError):
        summary, hint = "模板语法错误", "检查这一行的 {{ }} 和 {% %} 是否成对、拼写是否正确。"
    elif isinstance(error, TemplateNotFound):
        summary, hint = (
            "模板引用了不存在的模板",
            "检查 extends、include、import 后面的模板名（默认模板写作 default/模板名）。",
        )
    else:
        summary, hint = "模板用了不存在的值", "检查这一行的变量名和属性名的拼写；模板开头的注释列出了它能用的变量。"
    message = str(error.message or "")
    undefined = re.search(r"has no attribute '([^']+)'|'([^']+)' is undefined", message)
    found = next(n for n in undefined.groups() if n) if undefined else message
    return Problem(shown, line, summary=summary, expected="能正常生成页面的模板", found=found, hint=hint)


def _template_place(error: TemplateError, name: str) -> tuple[str, int]:
    """The template file and line where `error` happened: the innermost template frame."""
    if isinstance(error, TemplateSyntaxError) and error.filename:
        return error.filename, error.lineno
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.endswith((".md", ".html"))]
    if frames:
        return frames[-1].filename, frames[-1].lineno or 0
    return name, 0


def _template_file(path: str, root: Path | None) -> str:
    """A template's path relative to the project, or under generator/ for a package default."""
    file = Path(path)
    for base in (root, Path(__file__).parent.parent):
        if base is not None and file.is_absolute() and file.resolve().is_relative_to(base.resolve()):
            return file.resolve().relative_to(base.resolve()).as_posix()
    return path


def same_address(first: PageSpec, second: PageSpec) -> Problem:
    """Two pages at one address (letter case ignored: Windows and phones' USB storage ignore it).

    The message names the record behind each page, or the generated page it would replace.
    """

    def described(spec: PageSpec) -> str:
        record = _record_of(spec)
        if record is None:
            return f"自动生成的页面 {spec.uri}"
        return f"{record.origin.file} 第 {record.origin.line_of('id')} 行的记录（编号 {getattr(record, 'id', '')}）"

    record = _record_of(second) or _record_of(first)
    file, line, field = (
        (record.origin.file, record.origin.line_of("id"), record.origin.name_of(type(record), "id"))
        if record and hasattr(record, "id")
        else (second.uri, 0, "")
    )
    return Problem(
        file,
        line,
        field,
        summary=f"两个页面的网址相同（{second.uri}）",
        expected="每个页面有自己的网址",
        hint=f"{described(first)} 和 {described(second)} 会生成同一个网址；请给其中一条记录换一个编号"
        "（网址由编号而来，不区分大小写；也不能与列表页同名，如 index、index-2）。",
    )


def _record_of(spec: PageSpec):
    """The record a page is about: the first value in its context that came from a data file."""
    return next((v for v in spec.context.values() if getattr(v, "origin", None) is not None), None)


def render_appendices(site: Site, overrides: Path | None = None) -> tuple[dict[str, str], list[Problem]]:
    """Markdown to add at the end of hand-written pages (a story's people), by page path, and the
    template mistakes met (one per template, as for pages).

    Page modules may define `appendices(village, today)` returning `PageSpec`s whose `uri` is a
    hand-written page; MkDocs checks the links in them like any other page's.
    """
    env = environment(overrides)
    out: dict[str, str] = {}
    problems: list[Problem] = []
    failed: set[str] = set()
    for village in site.villages:
        for module in page_modules():
            for spec in getattr(module, "appendices", lambda v, t: [])(village, site.today):
                if spec.template in failed:
                    continue
                try:
                    out[spec.uri] = render_page(env, spec, village, site.today, None)
                except TemplateError as error:
                    problems.append(template_problem(error, spec.template, overrides))
                    failed.add(spec.template)
    return out, problems


def withheld_pages(site: Site) -> set[str]:
    """Hand-written pages the data says are not public yet (e.g. a story dated after the build date)."""
    return {
        uri
        for village in site.villages
        for module in page_modules()
        for uri in getattr(module, "withheld", lambda v, t: [])(village, site.today)
    }


@pass_context
def _link(context, text: object, target: str) -> str:
    """``link(text, 'pledges/2025-001.md')``: a link inside the current village's section."""
    return link(context["page_uri"], text, context["village"].path(target))


@pass_context
def _rel(context, site_path: str) -> Markup:
    """The relative address of any generated file, given its path in the site."""
    return Markup(relative(context["page_uri"], site_path))


@pass_context
def _url(context, target: str) -> str:
    """The relative address of a file in the current village's section."""
    return Markup(relative(context["page_uri"], context["village"].path(target)))
