"""The MkDocs integration: MkDocs events wired to the core, nothing else.

on_config: read and check all data, render every page in memory (before MkDocs cleans or
writes anything, so a bad file leaves the previous site as it was), and point the build at a
staging folder. on_files: hand the pages and downloads to MkDocs as generated files; record
pages stay out of the navigation. on_page_content: sanitise every page. on_post_build:
scan the output for personal data, then publish the staging folder as ``site/``.
"""

from __future__ import annotations

import html
import logging
import os
import re
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import CountHandler

from . import guard, history, staging
from .build_date import BuildDateError, build_date
from .core import Generated, generate, is_withheld
from .model import READERS
from .problems import report
from .sanitise import file_reading_extensions, sanitise_html
from .schema import private_values, public_texts
from .search import fix_query_segmenter, vocabulary
from .settings import TRAINING_TARGET, read_settings

log = logging.getLogger("mkdocs.plugins.cunwu")


class CunwuConfig(base.Config):
    data_dir = c.Type(str, default="data")
    """The data folder, relative to mkdocs.yml."""
    overrides_dir = c.Type(str, default="site_overrides")
    """Where `markdown/` template overrides live (usually also the theme's custom_dir)."""
    build_date = c.Optional(c.Type(str))
    """Pin the build date (YYYY-MM-DD); otherwise SOURCE_DATE_EPOCH, otherwise today in China."""
    history = c.Type(bool, default=True)
    """Show each record's change history, read from the git history of the data folder."""
    allowed_numbers = c.ListOfItems(c.Type(str), default=[])
    """Numbers the site publishes on purpose besides the profile's phones (the guard lets them pass)."""
    embed_hosts = c.ListOfItems(c.Type(str), default=[])
    """Hosts whose https pages hand-written pages may embed in an <iframe>; none by default."""
    masking = c.Type(dict, default={})
    """Characters a name list keeps, as first+last, e.g. ``id_number: 6+4`` (see generator/settings.py)."""
    deadlines = c.Type(dict, default={})
    """How often each kind is due: ``finance: monthly``, ``affairs: quarterly``."""
    grace_days = c.Type(int, default=10)
    """Days after a period ends within which its disclosure is still on time."""
    training_target = c.Type(int, default=TRAINING_TARGET)
    """Training hours (学时) a year that members and talents should reach."""


class CunwuPlugin(BasePlugin[CunwuConfig]):
    generated: Generated
    command: str | None = None
    dirty: bool = False
    building: Path | None = None
    """The staging folder this build writes into, until it is published."""
    site_dir: Path | None = None
    theme_assets: frozenset[str] = frozenset()

    def on_startup(self, *, command, dirty):
        self.command, self.dirty = command, dirty

    def on_config(self, config):
        root = Path(config.config_file_path).parent
        data_dir = root / self.config.data_dir
        overrides = root / self.config.overrides_dir
        watched = (data_dir, overrides, Path(__file__).parent / "templates")
        config.watch.extend(str(p) for p in watched if p.exists() and str(p) not in config.watch)
        _count_warnings_when_strict(config)
        refused = file_reading_extensions(config.markdown_extensions)
        if refused:
            raise PluginError(
                f"mkdocs.yml 启用了会读取其他文件的 Markdown 扩展：{'、'.join(refused)}。"
                "它们可能把仓库里的任何文件（包括未公开的数据）放进网页，请从 markdown_extensions 里删除。"
            )
        settings, problems = read_settings(dict(self.config), config.site_url, config.use_directory_urls)
        if problems:
            raise PluginError("站点设置有误：\n" + report(problems))
        try:
            today = build_date(self.config.build_date)
            changes = history.collect(data_dir, today) if self.config.history else None
            self.generated = generate(data_dir, today, overrides, root, Path(config.docs_dir), changes, settings)
        except BuildDateError as error:
            raise PluginError(f"mkdocs.yml 里 cunwu 插件的 build_date：{error}") from None
        except Exception as error:  # a bug of ours must still not show a traceback to a clerk
            raise _internal(error) from None
        if self.generated.problems:
            raise PluginError("数据检查没有通过：\n" + report(self.generated.problems))
        if not config.site_url:
            log.info("mkdocs.yml 没有设置 site_url，不生成 Atom 订阅（feed.xml）：订阅里的链接必须是完整网址。")
        _teach_jieba(vocabulary(self.generated.site))
        self._stage(config)
        return config

    def on_files(self, files: Files, config) -> Files:
        for file in [f for f in files if is_withheld(f.src_uri, self.generated.withheld)]:
            files.remove(file)
        for uri, content in sorted(self.generated.files.items()):
            inclusion = InclusionLevel.INCLUDED if uri in self.generated.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, uri, content=content, inclusion=inclusion))
        theme_dirs = {os.path.abspath(d) for d in config.theme.dirs} - {os.path.abspath(config.theme.custom_dir or "")}
        self.theme_assets = frozenset(f.dest_uri for f in files if os.path.abspath(f.src_dir or "") in theme_dirs)
        _fix_search_worker(files, config)
        return files

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        """Hand-written pages that the data speaks about (stories) get their generated block. A
        title from the front matter is text: it is escaped, since themes print `page.title` as HTML
        (the header, and the heading of a page without one)."""
        if isinstance(page.meta.get("title"), str):
            page.meta["title"] = html.escape(page.meta["title"])
        return markdown + self.generated.appendices.get(page.file.src_uri, "")

    def on_page_content(self, html: str, *, page, config, files) -> str:
        """Every page is sanitised: hand-written ones, and generated ones with Markdown fields."""
        return sanitise_html(html, tuple(self.config.embed_hosts))

    @event_priority(-100)  # after every other plugin has written its files
    def on_post_build(self, *, config) -> None:
        try:
            self._guard(config)
            if self.building is None or _strict_warnings_pending():
                return  # MkDocs aborts this build next; on_build_error discards the staging folder
            staging.publish(self.building, self.site_dir)
        except PluginError:
            raise
        except Exception as error:
            raise _internal(error) from None
        config.site_dir, self.building = str(self.site_dir), None

    def on_build_error(self, *, error) -> None:
        self._unstage()

    def on_shutdown(self) -> None:
        self._unstage()  # an interrupted build (Ctrl-C) never reaches on_build_error

    def _stage(self, config) -> None:
        """Build into a staging folder beside site_dir, except for `mkdocs serve` and --dirty builds."""
        self.building = None
        if self.command == "serve" or self.dirty:
            return
        self.site_dir = Path(config.site_dir)
        self.building = staging.staging_dir(self.site_dir)
        config.site_dir = str(self.building)

    def _unstage(self) -> None:
        staging.discard(self.building)
        self.building = None

    def _guard(self, config) -> None:
        """Stop the build if the output holds a personal number the site does not publish on purpose."""
        output = Path(config.site_dir)
        hits, unread = guard.scan_site(output, self._allowed_numbers(), self.theme_assets)
        for name in unread:
            logging.getLogger("mkdocs.plugins.cunwu").debug("个人信息检查跳过了非文本文件：%s", name)
        root = Path(config.config_file_path).parent
        final = self.site_dir or output
        shown_site = os.path.relpath(final, root) if final.resolve().is_relative_to(root.resolve()) else final.name
        leaked = guard.private_problems(output, self._private_values(config), self.theme_assets, shown_site)
        if leaked:
            raise PluginError("网站里出现了标为不公开的内容，没有发布：\n" + report(leaked))
        if not hits:
            return
        sources = guard.trace({h.number for h in hits}, *self._source_files(config, root), READERS)
        raise PluginError("网站里发现个人信息，没有发布：\n" + report(guard.problems_for(hits, sources, shown_site)))

    def _private_values(self, config) -> dict[str, guard.Source]:
        """Every value of a `Private` field in the data, with where it was written.

        A value that is also written in a public field or a hand-written page (an address that
        is also a notice's place, say) cannot be told apart in the output and is not looked for.
        """
        records = [r for v in self.generated.site.villages for rs in v.records.values() for r in rs]
        public = [t for r in records for t in public_texts(r)]
        docs = Path(config.docs_dir)
        public += [guard.read_text(p) or "" for p in sorted(docs.rglob("*.md"))] if docs.is_dir() else []
        corpus = "\n".join(public)
        found = {}
        for record in records:
            for value, field, line in private_values(record):
                if value not in corpus:
                    found.setdefault(value, guard.Source(record.origin.file, line, field))
        return found

    def _allowed_numbers(self) -> frozenset[str]:
        allowed = {n.replace("-", "").replace(" ", "") for n in self.config.allowed_numbers}
        for village in self.generated.site.villages:
            allowed |= village.profile.public_phones()
        if self.generated.township:
            allowed |= self.generated.township.profile.public_phones()
        return frozenset(allowed)

    def _source_files(self, config, root: Path) -> tuple[list, list]:
        """(data files, other text files) that could have put a number on the site, with shown paths."""

        def shown(path: Path) -> str:
            return (
                path.resolve().relative_to(root.resolve()).as_posix()
                if path.resolve().is_relative_to(root.resolve())
                else path.as_posix()
            )

        data_dir = root / self.config.data_dir
        data = sorted(p for p in data_dir.rglob("*") if p.is_file() and p.suffix.lower() in READERS)
        texts = [Path(config.config_file_path)]
        for folder in (Path(config.docs_dir), root / self.config.overrides_dir):
            if folder.is_dir():
                texts += sorted(p for p in folder.rglob("*") if p.is_file() and guard.read_text(p) is not None)
        return [(p, shown(p)) for p in data], [(p, shown(p)) for p in texts]


def _internal(error: Exception) -> PluginError:
    """A bug of ours, in one Chinese line instead of a traceback (CUNWU_DEBUG=1 shows the traceback)."""
    if os.environ.get("CUNWU_DEBUG"):
        raise error
    return PluginError(
        f"生成网站时出现程序内部错误（{type(error).__name__}: {error}）。"
        "数据没有问题也可能遇到，请把这段文字发给网站维护者。"
    )


def _count_warnings_when_strict(config) -> None:
    """`mkdocs build --strict -q` would drop warnings before --strict counts them (the logger is
    set to ERROR), so a broken link would pass; in strict mode warnings are errors and are shown."""
    logger = logging.getLogger("mkdocs")
    if config.strict and logger.level > logging.WARNING:
        logger.setLevel(logging.WARNING)


def _strict_warnings_pending() -> bool:
    """True when `mkdocs build --strict` has counted warnings and will abort after post_build.

    MkDocs counts them with a `CountHandler` on its logger and checks only after on_post_build,
    so publishing here would replace the site with one that the build then rejects.
    """
    return any(isinstance(h, CountHandler) and h.get_counts() for h in logging.getLogger("mkdocs").handlers)


def _fix_search_worker(files: Files, config) -> None:
    """Replace Material's search worker by the same script with its Chinese query segmenter fixed
    (see search.fix_query_segmenter); without the fix, a typed word loses its last character."""
    for file in [f for f in files if re.fullmatch(r"assets/javascripts/workers/search\.\w+\.min\.js", f.src_uri)]:
        fixed = fix_query_segmenter(file.content_string)
        if fixed is None:
            log.info(
                "Material 的搜索脚本 %s 与预期不同，没有修正中文搜索的分词（查询词的最后一个字会被忽略）。",
                file.src_uri,
            )
            continue
        files.remove(file)
        files.append(File.generated(config, file.src_uri, content=fixed))


def _teach_jieba(words: list[str]) -> None:
    """Keep names whole in Material's Chinese search index (jieba is optional for Material)."""
    try:
        import jieba
    except ImportError:  # pragma: no cover - jieba is a dependency, but Material works without it
        return
    for word in words:
        jieba.add_word(word, freq=None)
