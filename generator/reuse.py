"""Page-level reuse across `mkdocs serve` rebuilds: a rebuild after one saved file redoes only the
work whose inputs changed, and writes the same bytes as a fresh build.

Under `mkdocs serve` MkDocs loads the configuration again for every rebuild: the configuration,
the pages, the files and Material's search index are new objects each time (a plugin object that
has `on_startup` is kept, but its options are read again); what is kept lives here, at module
level. `mkdocs serve` uses it, and so does each village's build in a township (a new process
each time: `begin` loads what its last build kept in its store, `<slug>.reuse` beside its cached
output, and `save` writes it back; a store written by other code is not used). A plain
`mkdocs build` of a village clears it and runs exactly as before. The plugin wires it in six
places: `begin` and `pause` in on_config, `teach_jieba`, `page` (on_pre_page), `call`/
`call_reading` (on_page_content), `memo` (the guard) and `save` (on_post_build).

What is reused, each keyed by a digest of everything that determines it:

- A page's Markdown → HTML (`Page.render`, wrapped for that page object only by `page`): its
  Markdown after every `on_page_markdown`, its source and destination uri and address, whether it
  is excluded, `markdown_extensions` and their configs, `use_directory_urls`, the link validation
  settings and the level of MkDocs's and Markdown's loggers; and the files of the site it looked up
  (MkDocs resolves and checks each link against its target's uri, address and inclusion: a page is
  rendered again when a page it links to appears, moves or goes, not when an unrelated one does).
  Kept: the HTML, the table of contents, the title, the anchors and links to anchors, and the log
  records the render wrote (a broken link still warns, and fails `--strict`, on every rebuild).
  Markdown extensions are assumed to depend on nothing else (the plugin refuses those that read
  other files).
- The plugin's sanitising (`call`, a pure function of its arguments) and finishing (`call_reading`:
  a function that also reads files of the site, the image sizes; its reads are recorded and the
  result is reused only while every file read still has the same bytes).
- Material's search index entries of a page (its `SearchIndex.add_entry_from_context`, wrapped for
  that build's index only): keyed by the page's HTML, table of contents, address, title and
  front matter, and jieba's dictionary. jieba's dictionary is global and grows with every
  `add_word`: under serve `teach_jieba` first puts it back as a new process has it, so that its
  state is a function of the words taught and a rebuild segments as a fresh build does. Not used
  when the search plugin loads its own jieba dictionaries (`jieba_dict`, `jieba_dict_user`).
  When the dictionary changed (a renamed person is a new word) every page is cut into words
  again, but its HTML is parsed into sections only if it changed (`PARSED`).
- The personal-data guard's scan of a published text file (`GUARD`, handed to
  `guard.scan_outputs`, which keys it by the file's bytes and the private values looked for).

Each memo keeps the entries the last build that used it used (and what this build adds): the
cache stays the size of one site. A build showing the data's problems (`pause`) uses and drops
nothing. `stats` counts, for the current build, what was made and what was reused.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import importlib
import importlib.metadata
import inspect
import logging
import pickle
import textwrap
import threading
import weakref
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from mkdocs.structure.files import Files

log = logging.getLogger("mkdocs.plugins.cunwu")

_build = 0
"""Counts `begin` calls: a memo first used in a build forgets what the last build did not use."""
_active = False
_counts: Counter[str] = Counter()
T = TypeVar("T")


class Memo:
    """Values by key (a digest), kept from one build to the next while a build uses them."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._current: dict[bytes, Any] = {}
        self._previous: dict[bytes, Any] = {}
        self._build = -1

    def _turn(self) -> None:
        if self._build != _build:
            self._previous, self._current = self._current, {}
            self._build = _build

    def get(self, key: bytes, valid: Callable[[Any], bool] | None = None) -> Any:
        """The value kept under `key` (counted as reused), or None (counted as made); a value
        that is not `valid` any more counts as None."""
        self._turn()
        value = self._current.get(key)
        if value is None and key in self._previous:
            value = self._current[key] = self._previous.pop(key)
        if value is not None and valid is not None and not valid(value):
            value = None
        _counts[f"{self.name} {'reused' if value is not None else 'made'}"] += 1
        return value

    def keep(self, key: bytes) -> None:
        """Keep the value under `key` for the next build too, as if this build had used it."""
        self._turn()
        if key in self._previous:
            self._current[key] = self._previous.pop(key)

    def __setitem__(self, key: bytes, value: Any) -> None:
        self._turn()
        self._current[key] = value

    def __len__(self) -> int:
        return len(self._current) + len(self._previous)

    def clear(self) -> None:
        self._current.clear()
        self._previous.clear()


RENDERS = Memo("pages")
CALLS = Memo("calls")
SEARCH = Memo("search")
PARSED = Memo("parsed")
GUARD = Memo("guard")
MEMOS = (RENDERS, CALLS, SEARCH, PARSED, GUARD)


def begin(serve: bool, config, store: Path | None = None) -> None:
    """Every build starts here (the plugin's on_config): reuse under `mkdocs serve`, and in a build
    given a `store` (a village of a township, in a new process): what the last build kept there."""
    global _build, _active, _search, _vocabulary, _store
    _build += 1
    _counts.clear()
    _active = serve or store is not None
    _store = None if serve else store
    _search = _material_search(config) if _active else None
    _vocabulary = None
    if not serve:
        for memo in MEMOS:
            memo.clear()
        _forget_jieba()
    if _store is not None:
        load(_store)


_store: Path | None = None
"""Where this build's memos come from and go to (`begin`, `save`), when not under serve."""


def load(path: Path, memos: tuple[Memo, ...] = MEMOS) -> None:
    """Give `memos` what `save` kept in `path` (nothing when it holds nothing readable)."""
    try:
        kept = pickle.loads(zlib.decompress(path.read_bytes()))
    except (OSError, zlib.error, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        kept = {}
    if not isinstance(kept, dict) or kept.get("code") != code_digest():
        kept = {}
    for memo in memos:
        memo._turn()
        memo._previous = kept.get(memo.name, {})


@functools.cache
def code_digest() -> bytes:
    """The code that makes the site: this package's files and every installed distribution's
    version (MkDocs, Markdown and its extensions, nh3, Material, jieba...). A store written by
    other code is not used; a township's village keys include it too (township_build)."""
    package = Path(__file__).parent
    files = sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    versions = sorted({f"{d.metadata['Name']}={d.version}" for d in importlib.metadata.distributions()})
    return digest(*versions, *(part for p in files for part in (p.relative_to(package).as_posix(), p.read_bytes())))


def save(path: Path | None = None, memos: tuple[Memo, ...] = MEMOS) -> None:
    """Keep in `path` (by default this build's store) what this build used of `memos`: written
    whole, then renamed, so never half a file; nothing when some value cannot be kept."""
    path = path or _store
    if path is None:
        return
    for memo in memos:
        memo._turn()
    try:
        kept = {"code": code_digest(), **{m.name: m._current for m in memos}}
        data = zlib.compress(pickle.dumps(kept, pickle.HIGHEST_PROTOCOL), 1)
    except (pickle.PicklingError, TypeError, AttributeError) as error:
        log.debug("没有保存可复用的结果：%s", error)
        path.unlink(missing_ok=True)
        return
    partial = path.with_name(path.name + ".part")
    partial.write_bytes(data)
    partial.replace(path)


def pause() -> None:
    """This build shows the data's problems instead of the site: it neither reuses nor forgets."""
    global _active, _build
    _active = False
    _build -= 1  # the next build keeps what the last complete one used


def stats() -> dict[str, int]:
    """What this build made and reused: ``pages made``/``pages reused`` (Markdown → HTML), and
    likewise ``calls`` (sanitising, finishing), ``search`` (a page's index entries), ``parsed``
    (a page's HTML parsed for the index) and ``guard`` (a published text file scanned)."""
    return {f"{memo.name} {what}": _counts[f"{memo.name} {what}"] for memo in MEMOS for what in ("made", "reused")}


def memo() -> Memo | None:
    """The guard's memo when reusing (see `guard.scan_outputs`), else None."""
    return GUARD if _active else None


def digest(*parts: object) -> bytes:
    """A digest of `parts`: bytes and text as they are, anything else by its repr()."""
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part if isinstance(part, bytes) else str(part).encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.digest()


# --- Functions of the page's HTML ------------------------------------------------------------------


def call(function: Callable[..., T], *args: object) -> T:
    """`function(*args)`, reused under serve; `function` must depend on its arguments only."""
    if not _active:
        return function(*args)
    key = digest(function.__module__, function.__qualname__, *args)
    found = CALLS.get(key)
    if found is None:
        found = CALLS[key] = (function(*args),)
    return found[0]


def call_reading(function: Callable[..., T], *args: object, read: Callable[[str], bytes | None]) -> T:
    """`function(*args, read)`, where `read` gives the bytes of a file of the site by its uri (or
    None): reused under serve while every file the first call read still has the same bytes."""
    if not _active:
        return function(*args, read)
    key = digest(function.__module__, function.__qualname__, *args)
    found = CALLS.get(key, lambda found: all(_bytes_digest(read(uri)) == seen for uri, seen in found[1]))
    if found is not None:
        return found[0]
    reads: dict[str, bytes] = {}

    def recording(uri: str) -> bytes | None:
        data = read(uri)
        reads.setdefault(uri, _bytes_digest(data))
        return data

    result = function(*args, recording)
    CALLS[key] = (result, tuple(reads.items()))
    return result


def _bytes_digest(data: bytes | None) -> bytes:
    return b"" if data is None else hashlib.blake2b(data, digest_size=20).digest()


# --- Markdown → HTML -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rendered:
    content: str
    toc: Any
    title: str | None
    anchors: frozenset[str]
    links: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] | None
    """links_to_anchors by the linked file's src_uri; None when MkDocs did not keep them."""
    records: tuple[logging.LogRecord, ...]
    looked: tuple[tuple[str, str], ...] | bytes
    """The files the render looked up (by path, as `_seen`), or the digest of every file when
    it used the site's files otherwise."""

    def valid(self, files) -> bool:
        if isinstance(self.looked, bytes):
            return _files_digest(files) == self.looked
        return all(_seen(files.get_file_from_path(path)) == seen for path, seen in self.looked)


def page(page, config) -> None:
    """Under serve: this page's Markdown → HTML and its search index entries are reused (the
    plugin's on_pre_page). Only this page object is changed: its `render` is wrapped."""
    if not _active:
        return
    page.render = functools.partial(_render, page, page.render)
    _watch_search()


def _render(page, render: Callable, config, files) -> None:
    file = page.file
    key = digest(
        page.markdown,
        file.src_uri,
        file.dest_uri,
        file.url,
        file.inclusion,
        config["markdown_extensions"],
        config["mdx_configs"],
        config["use_directory_urls"],
        dict(config["validation"]["links"]),
        *(logging.getLogger(name).getEffectiveLevel() for name in ("mkdocs.structure.pages", "MARKDOWN", "")),
    )
    done: _Rendered | None = RENDERS.get(key, lambda done: done.valid(files))
    if done is None:
        looking = _Looking(files)
        with _records() as records:
            render(config, looking)
        links = page.links_to_anchors
        RENDERS[key] = _Rendered(
            page.content,
            copy.deepcopy(page.toc),
            page._title_from_render,
            frozenset(page.present_anchor_ids or ()),
            None if links is None else tuple((f.src_uri, tuple(a.items())) for f, a in links.items()),
            tuple(records),
            _files_digest(files) if looking.everything else tuple(looking.looked.items()),
        )
        return
    for record in done.records:
        logger = logging.getLogger(record.name)
        if logger.isEnabledFor(record.levelno):
            logger.handle(logging.makeLogRecord(record.__dict__))
    page.content = done.content
    page.toc = copy.deepcopy(done.toc)
    page._title_from_render = done.title
    page.present_anchor_ids = set(done.anchors)
    if done.links is not None:
        page.links_to_anchors = {files.get_file_from_path(uri): dict(anchors) for uri, anchors in done.links}


class _Looking:
    """The site's files as a render sees them: MkDocs resolves and checks a page's links by looking
    up their targets (`get_file_from_path`), which is recorded; any other use of the files is
    noted as depending on all of them."""

    def __init__(self, files) -> None:
        self._files = files
        self.looked: dict[str, str] = {}
        self.everything = False

    def get_file_from_path(self, path: str):
        file = self._files.get_file_from_path(path)
        self.looked.setdefault(path, _seen(file))
        return file

    def __getattr__(self, name: str):
        self.everything = True
        return getattr(self._files, name)

    def __iter__(self):
        self.everything = True
        return iter(self._files)

    def __len__(self) -> int:
        self.everything = True
        return len(self._files)

    def __contains__(self, item) -> bool:
        self.everything = True
        return item in self._files


def _seen(file) -> str:
    """What a render sees of a file it looked up: its uris, address and inclusion ('' for none)."""
    return "" if file is None else f"{file.src_uri}\0{file.dest_uri}\0{file.url}\0{file.inclusion}"


_files_seen: tuple[weakref.ref, int, bytes] | None = None


def _files_digest(files: Files) -> bytes:
    """Every file of the site by uri, address and inclusion; computed once per build."""
    global _files_seen
    if _files_seen is None or _files_seen[0]() is not files or _files_seen[1] != len(files):
        found = digest(*(_seen(f) for f in files))
        _files_seen = (weakref.ref(files), len(files), found)
    return _files_seen[2]


class _Collect(logging.Handler):
    def __init__(self, thread: int) -> None:
        super().__init__(logging.NOTSET)
        self.thread, self.records = thread, list[logging.LogRecord]()

    def emit(self, record: logging.LogRecord) -> None:
        # the live-reload server logs from its own thread; a record may reach both handlers
        if record.thread == self.thread and all(r is not record for r in self.records):
            self.records.append(record)


@contextmanager
def _records() -> Iterator[list[logging.LogRecord]]:
    """The log records written in this thread meanwhile (MkDocs's loggers and the others)."""
    collect = _Collect(threading.get_ident())
    loggers = (logging.getLogger("mkdocs"), logging.getLogger())
    for logger in loggers:
        logger.addHandler(collect)
    try:
        yield collect.records
    finally:
        for logger in loggers:
            logger.removeHandler(collect)
        for record in collect.records:
            if not _heard(record) and logging.lastResort and record.levelno >= logging.lastResort.level:
                logging.lastResort.handle(record)  # what logging does when no handler took a record


def _heard(record: logging.LogRecord) -> bool:
    """Whether a handler other than ours took `record` (as `Logger.callHandlers` looks for one)."""
    logger: logging.Logger | None = logging.getLogger(record.name)
    while logger is not None:
        if any(record.levelno >= h.level for h in logger.handlers):
            return True
        logger = logger.parent if logger.propagate else None
    return False


# --- Material's search index ---------------------------------------------------------------------

_search = None
"""This build's Material search plugin, when its entries may be reused."""
_vocabulary: bytes | None = None
"""This build's jieba dictionary (see `teach_jieba`); None: not known, entries are not reused."""


def _material_search(config):
    for plugin in config["plugins"].values():
        if type(plugin).__module__ == "material.plugins.search.plugin":
            own_dictionary = plugin.config.get("jieba_dict") or plugin.config.get("jieba_dict_user")
            return None if own_dictionary else plugin
    return None


def _watch_search() -> None:
    index = getattr(_search, "search_index", None)
    if index is None or _vocabulary is None or getattr(index, "_cunwu_reuse", False):
        return
    index.add_entry_from_context = functools.partial(_index, index, index.add_entry_from_context)
    index._cunwu_reuse = True


def _index(index, add: Callable, page) -> None:
    meta = page.meta
    parsed = digest(page.content)
    key = digest(
        parsed,
        _toc(page.toc),
        page.url,
        page.title,
        meta.get("title"),
        meta.get("search"),
        meta.get("tags"),
        _vocabulary,
    )
    entries = SEARCH.get(key)
    if entries is None:
        before = len(index.entries)
        _add_entries(index, add, page, parsed)
        entries = SEARCH[key] = copy.deepcopy(index.entries[before:])
    else:
        index.entries += copy.deepcopy(entries)
        PARSED.keep(parsed)  # for the next build whose jieba dictionary differs


MATERIAL_ADD_ENTRY = """\
def add_entry_from_context(self, page):
    search = page.meta.get("search") or {}
    if search.get("exclude"):
        return

    # Divide page content into sections
    parser = Parser()
    parser.feed(page.content)
    parser.close()

    # Add sections to index
    for section in parser.data:
        if not section.is_excluded():
            self.create_entry_for_section(section, page.toc, page.url, page)
"""
"""Material's `SearchIndex.add_entry_from_context` as `_add_entries` repeats it (Material 9.8)."""


def _add_entries(index, add: Callable, page, key: bytes) -> None:
    """`add(page)`, with the page's HTML parsed into sections only when it changed: when the words
    taught to jieba change (a renamed person), every page is cut into words again, but its HTML
    need not be parsed again. Only while Material's code is the one repeated here."""
    material = importlib.import_module(type(index).__module__)
    if type(index) is not getattr(material, "SearchIndex", None) or not _material_as_expected(material.__name__):
        add(page)
        return
    if (page.meta.get("search") or {}).get("exclude"):
        return
    sections = PARSED.get(key)
    if sections is None:
        parser = material.Parser()
        parser.feed(page.content)
        parser.close()
        sections = PARSED[key] = tuple(parser.data)
    for section in sections:
        if not section.is_excluded():  # a copy: Material sets an untitled section's title
            index.create_entry_for_section(copy.copy(section), page.toc, page.url, page)


@functools.cache
def _material_as_expected(module: str) -> bool:
    try:
        source = inspect.getsource(importlib.import_module(module).SearchIndex.add_entry_from_context)
        return textwrap.dedent(source) == MATERIAL_ADD_ENTRY
    except (OSError, TypeError):
        return False


def _toc(items) -> str:
    return repr([(item.id, item.url, item.title, item.level, _toc(item.children)) for item in items])


_jieba: tuple[Any, dict, int, int, int] | None = None
"""(tokenizer, its FREQ and total before any word was taught, its total and size after our words)."""
_generation = 0


def teach_jieba(words: list[str], teach: Callable[[list[str]], None]) -> None:
    """`teach(words)` (jieba.add_word for each); under serve, first jieba's dictionary as it was
    before the first build taught any, so that it holds what a new process would."""
    global _jieba, _vocabulary, _generation
    if not _active or _search is None:
        teach(words)
        return
    try:
        import jieba
    except ImportError:  # pragma: no cover - jieba is a dependency
        teach(words)
        _vocabulary = digest("no jieba", words)
        return
    tokenizer = jieba.dt
    tokenizer.check_initialized()
    if _jieba is None or _jieba[0] is not tokenizer or (tokenizer.total, len(tokenizer.FREQ)) != _jieba[3:5]:
        # the first build, or someone else changed the dictionary since: start from it as it is
        _generation += 1
        if _store is None:
            SEARCH.clear()
        base = (tokenizer, dict(tokenizer.FREQ), tokenizer.total)
    else:
        base = _jieba[:3]
        tokenizer.FREQ, tokenizer.total = dict(base[1]), base[2]
    teach(words)
    _jieba = (*base, tokenizer.total, len(tokenizer.FREQ))
    # In a new process (a build with a store) the dictionary before our words is jieba's own:
    # the entries kept by another such process hold for the same words.
    _vocabulary = digest(("new process", base[2], len(base[1])) if _store else _generation, *words)


def _forget_jieba() -> None:
    global _jieba
    _jieba = None
