"""The MkDocs integration: MkDocs events wired to the core, nothing else.

on_config: read and check all data, render every page in memory (before MkDocs cleans or
writes anything, so a bad file leaves the previous site as it was), and point the build at a
staging folder. on_files: hand the pages and downloads to MkDocs as generated files; record
pages stay out of the navigation. on_page_content: sanitise every page, then finish it for
phones (generator/page_html.py). on_post_build:
scan the output for personal data, then publish the staging folder as ``site/``.
"""

from __future__ import annotations

import logging
import os
import re
from html import escape as escape_html
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Link
from mkdocs.utils import CountHandler

from . import (
    fast_paths,
    guard,
    history,
    page_html,
    render,
    reuse,
    serve_errors,
    staging,
    township_build,
    township_search,
)
from .build_date import BuildDateError, build_date
from .core import Generated, generate, is_withheld
from .model import SLUG, village_folders
from .page_text import front_matter_as_text, title_as_text
from .problems import report
from .readers.registry import READERS
from .sanitise import file_reading_extensions, sanitise_html
from .search import fix_query_segmenter, vocabulary
from .settings import TRAINING_TARGET, read_settings
from .township import is_township, load_township, portal_files

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
    checked_scans = c.ListOfItems(c.Type(str), default=[])
    """Scanned attachments (paths in the docs folder) that a person has checked are masked: the guard
    cannot read a scan, and warns about it (failing --strict) unless it is listed here."""
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
    jobs = c.Optional(c.Type(int))
    """A township: how many villages build at once, each in its own process (default: the machine's cores)."""
    village = c.Optional(c.Type(str))
    """Set by a township's build for one village's own build (that village's folder name); not for mkdocs.yml."""


class CunwuPlugin(BasePlugin[CunwuConfig]):
    generated: Generated
    command: str | None = None
    dirty: bool = False
    building: Path | None = None
    """The staging folder this build writes into, until it is published."""
    site_dir: Path | None = None
    theme_assets: frozenset[str] = frozenset()
    broken: str | None = None
    """Under `mkdocs serve` with data that failed the checks: the page listing the problems."""
    township: township_build.TownshipBuild | None = None
    """A township's root build: the village builds it started, placed into the site after the guard."""
    searched: list[township_search.SearchPage]
    """A village of a township: its pages that the portal's cross-village search finds."""

    def on_startup(self, *, command, dirty):
        self.command, self.dirty = command, dirty

    def on_config(self, config):
        self.searched = []  # per build: MkDocs may keep a plugin object across builds (serve)
        self.nav = None
        reuse.begin(self.command == "serve", config, self._reuse_store(config))
        root = Path(config.config_file_path).parent
        data_dir = root / self.config.data_dir
        overrides = root / self.config.overrides_dir
        watched = (data_dir, overrides, Path(__file__).parent / "templates")
        config.watch.extend(str(p) for p in watched if p.exists() and str(p) not in config.watch)
        _count_warnings_when_strict(config)
        _quiet_jieba()
        fast_paths.install()
        refused = file_reading_extensions(config.markdown_extensions)
        if refused:
            raise PluginError(
                f"mkdocs.yml 启用了会读取其他文件的 Markdown 扩展：{'、'.join(refused)}。"
                "它们可能把仓库里的任何文件（包括未公开的数据）放进网页，请从 markdown_extensions 里删除。"
            )
        settings, problems = read_settings(dict(self.config), config.site_url, config.use_directory_urls)
        if problems:
            raise PluginError("站点设置有误：\n" + report(problems))
        if self.config.village:
            data_dir = data_dir / self.config.village
        try:
            today = build_date(self.config.build_date)
            if not self.config.village and is_township(data_dir):
                return self._start_township(config, data_dir, today, settings, overrides)
            changes = history.collect(data_dir, today, settings) if self.config.history else None
            self.generated = generate(data_dir, today, overrides, root, Path(config.docs_dir), changes, settings)
        except PluginError:
            raise
        except BuildDateError as error:
            raise PluginError(f"mkdocs.yml 里 cunwu 插件的 build_date：{error}") from None
        except Exception as error:  # a bug of ours must still not show a traceback to a clerk
            raise _internal(error) from None
        self.broken = None
        if self.generated.problems:
            if self.command != "serve":
                raise PluginError("数据检查没有通过：\n" + report(self.generated.problems))
            self.broken = serve_errors.page(self.generated.problems)  # shown in the browser until fixed
            reuse.pause()
            # info, not error: under strict, an error would stop the build that shows the problems
            log.info("数据检查没有通过（浏览器里也列出了这些问题）：\n" + report(self.generated.problems))
            return config
        serve_errors.remember(self.generated.files)
        if not config.site_url:
            log.info("mkdocs.yml 没有设置 site_url，不生成 Atom 订阅（feed.xml）：订阅里的链接必须是完整网址。")
        if self.config.village:
            self._as_village(config)
        reuse.teach_jieba(vocabulary(self.generated.site), _teach_jieba)
        self._stage(config)
        return config

    def _start_township(self, config, data_dir: Path, today, settings, overrides: Path):
        """A township's root build: check every village and the township, start the villages'
        builds, render the portal (with the cross-village search box on its home page)."""
        root = Path(config.config_file_path).parent
        docs = Path(config.docs_dir)
        # The villages' builds start first, beside the checks (a village with bad data fails its
        # own build too; the checks below then stop the whole build and report every problem).
        slugs = [slug for slug, _ in village_folders(data_dir) if SLUG.fullmatch(slug)]
        jobs = township_build.jobs_from_config(config, today, slugs, root / township_build.CACHE)
        self.township = township_build.TownshipBuild(jobs, self.config.jobs or os.cpu_count() or 1, today)
        found, problems = load_township(data_dir, today, root, settings, content_dir=docs, load=self.township.load)
        if problems or found is None:
            self.township.stop()
            raise PluginError("数据检查没有通过：\n" + report(problems))
        self.township.order([v.slug for v in found.villages])
        site = found.site
        files, in_nav = portal_files(found, overrides)
        if isinstance(files.get("index.md"), str):
            files["index.md"] = str(files["index.md"]) + "\n" + township_build.SEARCH_BOX
        self.generated = Generated(site, files, in_nav, township=found)
        self.generated.files.update(township_build.portal_assets(config))
        config.nav = None  # mkdocs.yml's nav is each village's; the portal lists its own pages
        # The portal links into the villages, which are separate builds: MkDocs cannot see their
        # pages here, so those links are checked once the villages are placed (township_build).
        config.validation.links.not_found = logging.DEBUG
        self._stage(config)
        return config

    def _as_village(self, config) -> None:
        """One village of a township: its name on every page, only the pages it has in its nav."""
        assert self.generated.site is not None  # on_config stopped the build otherwise
        # the theme prints site_name as HTML (the header, the drawer): a village name is text
        config.site_name = escape_html(f"{self.generated.site.villages[0].profile.name}村务公开")
        docs = Path(config.docs_dir)
        config.nav = township_build.prune_nav(
            config.nav, lambda uri: uri in self.generated.files or (docs / uri).is_file()
        )

    def on_nav(self, nav, *, config, files):
        """A village of a township links up to the township's portal (its tabs name only its own pages)."""
        if self.config.village:
            nav.items.append(Link(township_build.UP_TITLE, "../index.html"))
        self.nav = nav
        return nav

    def on_env(self, env, *, config, files):
        env.bytecode_cache = render.THEME_COMPILED
        fast_paths.render_nav_once_per_folder(env, self.nav)
        return env

    def on_files(self, files: Files, config) -> Files:
        if self.broken is not None:
            return serve_errors.files_showing(self.broken, files, config)
        slugs = [v.slug for v in self.generated.site.villages] if self.township and self.generated.site else []
        for file in [f for f in files if township_build.village_content(f.src_uri, slugs)]:
            files.remove(file)
        for file in [f for f in files if is_withheld(f.src_uri, self.generated.withheld)]:
            files.remove(file)
        for uri, content in sorted(self.generated.files.items()):
            inclusion = InclusionLevel.INCLUDED if uri in self.generated.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, uri, content=content, inclusion=inclusion))
        theme_dirs = {os.path.abspath(d) for d in config.theme.dirs} - {os.path.abspath(config.theme.custom_dir or "")}
        self.theme_assets = frozenset(f.dest_uri for f in files if os.path.abspath(f.src_dir or "") in theme_dirs)
        _fix_search_worker(files, config)
        return files

    def on_pre_page(self, page, *, config, files):
        """Under `mkdocs serve`, a page whose inputs did not change reuses its HTML (generator/reuse.py)."""
        reuse.page(page, config)
        return page

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        """Hand-written pages that the data speaks about (stories) get their generated block. The
        front matter is text: themes print it as HTML, in <head> and in attributes."""
        page.meta = front_matter_as_text(page.meta)
        if self.broken is not None:
            return markdown
        return markdown + self.generated.appendices.get(page.file.src_uri, "")

    def on_page_content(self, html: str, *, page, config, files) -> str:
        """Every page is sanitised: hand-written ones, and generated ones with Markdown fields;
        then finished for phones (page_html: tables, dates, image sizes). Its title (from its first
        heading, often a record's text) becomes escaped text."""
        if page.title is not None:
            page.meta["title"] = title_as_text(page.title)
        clean = reuse.call(sanitise_html, html, tuple(self.config.embed_hosts))
        if self.township is not None:
            clean = township_build.village_links_as_html(clean, [job.slug for job in self.township.jobs])
        finished = reuse.call_reading(
            page_html.finish, clean, page.file.dest_uri, read=lambda uri: _file_bytes(files, uri)
        )
        if self.config.village and township_search.searched(page.file.dest_uri):
            self.searched.append(township_search.search_page(page.file.url, page.meta.get("title", ""), finished))
        return finished

    @event_priority(-100)  # after every other plugin has written its files
    def on_post_build(self, *, config) -> None:
        if self.broken is not None:
            return  # `mkdocs serve` showing the problems: no site to publish
        try:
            if self.config.village:  # the village's part of the portal's search: its pages, then its words
                township_search.write_village(self.searched, Path(config.site_dir), self._words_file(config))
            self._guard(config)
            reuse.save()  # a village of a township: its pages' work, for its next build
            if self.township and self.generated.site:
                self.township.keep()  # the villages loaded afresh, with what the portal and guard computed
                names = {v.slug: v.profile.name for v in self.generated.site.villages}
                self.township.place(Path(config.site_dir), names)  # each village's output was guarded by its own build
            if self.building is None or self.site_dir is None or _strict_warnings_pending():
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

    def _unstage(self) -> None:
        if self.township:
            self.township.stop()
        self.township = None
        staging.discard(self.building)
        self.building = None

    def _stage(self, config) -> None:
        """Build into a staging folder beside site_dir, except for `mkdocs serve` and --dirty builds."""
        self.building = None
        if self.command == "serve" or self.dirty:
            return
        self.site_dir = Path(config.site_dir)
        self.building = staging.staging_dir(self.site_dir)
        config.site_dir = str(self.building)

    def _reuse_store(self, config) -> Path | None:
        """A village of a township: the file that keeps its pages' work for its next build
        (`<slug>.reuse`; reuse.py), None for any other build."""
        if not self.config.village or self.command == "serve":
            return None
        return self._beside_output(config, township_build.REUSE_SUFFIX)

    def _words_file(self, config) -> Path:
        """A village of a township: the words of its pages for the portal's search (`<slug>.words`)."""
        return self._beside_output(config, township_search.WORDS_SUFFIX)

    def _beside_output(self, config, suffix: str) -> Path:
        """`<site_dir><suffix>` beside the output folder (a village's in the township's cache): not published."""
        final = self.site_dir or Path(config.site_dir)
        return final.parent / (final.name + suffix)

    def _guard(self, config) -> None:
        """Stop the build if the output holds a personal number the site does not publish on purpose."""
        output = Path(config.site_dir)
        private = self._private_values(config)
        known, kept = reuse.memo(), Path(config.config_file_path).parent / township_build.GUARD_MEMO
        if self.township:  # the portal's files that did not change since the last build are not read again
            known = reuse.Memo("guard")
            reuse.load(kept, (known,))
        scan = guard.scan_outputs(output, self._allowed_numbers(), private, self.theme_assets, known)
        if self.township and known is not None:
            reuse.save(kept, (known,))
        hits, unread = scan.hits, scan.unread
        for name in unread:
            log.debug("个人信息检查跳过了非文本文件：%s", name)
        root = Path(config.config_file_path).parent
        final = self.site_dir or output
        shown_site = os.path.relpath(final, root) if final.resolve().is_relative_to(root.resolve()) else final.name
        leaked = guard.private_problems(scan.private, private, shown_site)
        if leaked:
            raise PluginError("网站里出现了标为不公开的内容，没有发布：\n" + report(leaked))
        problems = self._document_problems(config, output, root, shown_site)
        if hits:
            sources = guard.trace({h.number for h in hits}, *self._source_files(config, root), READERS)
            problems += guard.problems_for(hits, sources, shown_site)
        if problems:
            raise PluginError("网站里发现个人信息，没有发布：\n" + report(problems))

    def _document_problems(self, config, output: Path, root: Path, shown_site: str) -> list:
        """Personal numbers in the site's office documents; documents that cannot be read are logged
        as warnings (so --strict stops), unless `checked_scans` lists them."""
        scans = guard.scan_documents(output, self._allowed_numbers(), self.theme_assets)
        log.info("个人信息检查读了 %d 个文档（PDF、Word、Excel 等附件和下载文件）。", len(scans))
        links = guard.linking_pages(output, {s.output for s in scans if s.numbers or not s.checkable})
        docs = Path(config.docs_dir)
        sources = {
            s.output: os.path.relpath(docs / s.output, root).replace(os.sep, "/")
            for s in scans
            if (docs / s.output).is_file()
        }
        checked = {name.strip().lstrip("/") for name in self.config.checked_scans}
        for scan in scans:
            if scan.output in checked and not scan.checkable:
                log.info("%s 列在 checked_scans 里（已由人核对遮挡），没有检查其中的图片。", scan.output)
        for line in guard.unchecked_documents(
            [s for s in scans if s.output not in checked], links, sources, shown_site
        ):
            log.warning(line)
        return guard.document_problems(scans, links, sources, shown_site)

    def _private_values(self, config) -> dict[str, guard.Source]:
        """Every value of a `Private` field in the data, with where it was written.

        A value that is also written in a public field or a hand-written page (an address that
        is also a notice's place, say) cannot be told apart in the output and is not looked for.
        """
        assert self.generated.site is not None, "the guard runs only after a successful generation"
        public: list[str] = []
        written: list[tuple[str, guard.Source]] = []
        for village in self.generated.site.villages:  # kept with a township's village for its next build
            texts, values = village.personal_values()
            public.append(texts)
            written += values
        docs = Path(config.docs_dir)
        public += [guard.read_text(p) or "" for p in sorted(docs.rglob("*.md"))] if docs.is_dir() else []
        shown = guard.occurring((value for value, _ in written), "\n".join(public))
        found: dict = {}
        for value, source in written:
            if value not in shown:
                found.setdefault(value, source)
        return found

    def _allowed_numbers(self) -> frozenset[str]:
        allowed = {n.replace("-", "").replace(" ", "") for n in self.config.allowed_numbers}
        for village in self.generated.site.villages if self.generated.site else ():
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


def _quiet_jieba() -> None:
    """jieba's dictionary messages say nothing to a clerk (and ignore -q): warnings only."""
    try:
        import jieba  # its import sets its logger to DEBUG: import first, then lower it
    except ImportError:  # pragma: no cover - jieba is a dependency, but Material works without it
        return
    jieba.setLogLevel(logging.WARNING)


def _file_bytes(files: Files, uri: str) -> bytes | None:
    """The content of the site's file at `uri`, generated or on disk; None when there is none."""
    file = files.get_file_from_path(uri)
    try:
        return file.content_bytes if file is not None else None
    except OSError:
        return None


def _teach_jieba(words: list[str]) -> None:
    """Keep names whole in Material's Chinese search index (jieba is optional for Material)."""
    try:
        import jieba
    except ImportError:  # pragma: no cover - jieba is a dependency, but Material works without it
        return
    for word in words:
        jieba.add_word(word, freq=None)
