"""The personal-data guard: the built site is read back before it is published.

Every text file the site publishes (pages, the search index, the sitemap, feeds, downloads) is
scanned with the detectors of `personal_data`; a personal number stops the build. A hit is
traced back to where it was written (a data file's row and field, a hand-written page's line),
so the message says what to fix. Office documents (PDF, Word, Excel: notice attachments, our own
downloads) are read through `documents` and scanned the same way; a hit names the file and the
pages that link it, and a document whose text cannot be read (a scanned PDF) is reported as not
checkable. Material's own assets (minified JavaScript and CSS, fonts,
images copied from the theme) are skipped on purpose: they hold no data of ours, and their long
digit runs would only give false alarms.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urlsplit

import ahocorasick

from .documents import is_document, read_document
from .personal_data import find_personal_numbers, mask_number
from .problems import Problem
from .readers import Mapping, Sequence

TEXT_SUFFIXES = frozenset(
    {
        ".html",
        ".htm",
        ".json",
        ".csv",
        ".tsv",
        ".xml",
        ".txt",
        ".md",
        ".js",
        ".css",
        ".svg",
        ".yml",
        ".yaml",
        ".rss",
        ".atom",
        ".ics",
        ".vcf",
    }
)
"""Files read as text. ``.gz`` files are read uncompressed (sitemap.xml.gz)."""
SHOWN_OUTPUTS = 3
"""How many output files a message names before saying "等 N 个文件"."""


@dataclass(frozen=True, order=True)
class Hit:
    """A personal number found in one output file."""

    output: str
    """Path inside the site, posix separators."""
    kind: str
    number: str


@dataclass(frozen=True, order=True)
class Source:
    """Where a number was written: a file of the project, the line or row, the field."""

    file: str
    line: int = 0
    field: str = ""


def scan_site(
    site_dir: Path, allowed: frozenset[str] = frozenset(), skip: frozenset[str] = frozenset()
) -> tuple[list[Hit], list[str]]:
    """Every personal number in the site's text files, and the files that could not be read as text.

    `skip` holds site paths not to scan (the theme's own assets).
    """
    scan = scan_outputs(site_dir, allowed, skip=skip)
    return scan.hits, scan.unread


@dataclass(frozen=True)
class TextScan:
    """What one published text holds."""

    numbers: tuple[tuple[str, str], ...]
    """(kind, number) of every personal number, the allowed ones included."""
    private: tuple[str, ...]
    """The private values looked for that it holds (as a reader sees it, see `as_read`)."""


class Known(Protocol):
    """Where `scan_outputs` keeps the scans of texts, by digest (a dict, or generator/reuse.py's Memo)."""

    def get(self, key: bytes) -> TextScan | None: ...

    def __setitem__(self, key: bytes, value: TextScan) -> None: ...


@dataclass
class SiteScan:
    """What the site's text files hold."""

    hits: list[Hit]
    unread: list[str]
    """Files that are not text (documents left out: `scan_documents` reads them)."""
    private: dict[str, list[str]]
    """Each private value found, with the files holding it."""


def scan_outputs(
    site_dir: Path,
    allowed: frozenset[str] = frozenset(),
    private: Iterable[str] = (),
    skip: frozenset[str] = frozenset(),
    known: Known | None = None,
) -> SiteScan:
    """Every text file of the site, read once: its personal numbers not in `allowed`, and which of
    the `private` values (those of `PRIVATE_MIN_LENGTH` or more) it holds. `skip` holds site paths
    not to read (the theme's own assets).

    `known` keeps each file's `TextScan` by a digest of its bytes and the values looked for: under
    `mkdocs serve` (generator/reuse.py) a file unchanged since the last build is not scanned again.
    """
    wanted = tuple(sorted({value for value in private if len(value) >= PRIVATE_MIN_LENGTH}))
    looked_for = hashlib.blake2b("\0".join(wanted).encode("utf-8", "surrogatepass"), digest_size=20).digest()
    scan = SiteScan([], [], {})
    lines = _LineScanner(_finder(wanted), any("\n" in value for value in wanted))
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        output = path.relative_to(site_dir).as_posix()
        if output in skip:
            continue
        data = _text_bytes(path)
        if data is None:
            if not is_document(path):  # documents are read by `scan_documents`
                scan.unread.append(output)
            continue
        key = hashlib.blake2b(data, digest_size=20, key=looked_for).digest()
        found = known.get(key) if known is not None else None
        if found is None:
            found = _scan_text(data, lines)
            if known is not None:
                known[key] = found
        scan.hits += [Hit(output, kind, number) for kind, number in found.numbers if number not in allowed]
        for value in found.private:
            scan.private.setdefault(value, []).append(output)
    return scan


SCAN_PART = 1 << 22
"""A text file larger than this (4 MB: a county's downloads) is scanned a part at a time, each
part ending at a line end: a personal number never spans lines, and the decoded copies the scan
makes stay the size of a part."""


def _finder(wanted: tuple[str, ...]) -> ahocorasick.Automaton | None:
    """The values looked for as one automaton: a text is read once, whatever their number."""
    if not wanted:
        return None
    finder = ahocorasick.Automaton()
    for value in wanted:
        finder.add_word(value, value)
    finder.make_automaton()
    return finder


def occurring(values: Iterable[str], text: str) -> set[str]:
    """The `values` that occur in `text` (one pass, whatever their number)."""
    finder = _finder(tuple(set(values)))
    return {value for _, value in finder.iter(text)} if finder is not None else set()


def _scan_text(data: bytes, lines: _LineScanner) -> TextScan:
    numbers: set[tuple[str, str]] = set()
    private: set[str] = set()
    start = 0
    while start < len(data):
        end = data.find(b"\n", start + SCAN_PART)
        end = len(data) if end < 0 else end + 1
        found = lines.scan(data[start:end].decode("utf-8", errors="replace"))
        numbers |= found[0]
        private |= found[1]
        start = end
    return TextScan(tuple(sorted(numbers)), tuple(sorted(private)))


LINES_KEPT = 1 << 25
"""How many characters of lines read `_LineScanner` remembers (32 M, about 64 MB) before it
forgets them: a county's downloads are lines that never repeat."""


class _LineScanner:
    """Reads texts for personal numbers and private values a line at a time, each distinct line
    once per scan.

    Nothing it looks for spans a line end: a number's run holds only digits, spaces and hyphens,
    and a line end stays one through NFKC and `as_read`. So what a text holds is what its lines
    hold. A site's pages repeat most of their lines (the header, the navigation, the footer and
    its icons): a village's pages have about a third as many characters in distinct lines. A
    private value holding a line end (`whole_private`) is looked for in the whole text.
    """

    def __init__(self, finder: ahocorasick.Automaton | None, whole_private: bool) -> None:
        self.finder = finder
        self.whole_private = whole_private
        self.read: set[str] = set()
        """Lines read (forgotten past `LINES_KEPT` characters)."""
        self.kept = 0
        self.holding: dict[str, tuple[set[tuple[str, str]], set[str]]] = {}
        """The lines read that hold something, with what they hold."""

    def scan(self, text: str) -> tuple[set[tuple[str, str]], set[str]]:
        """(kind, number) of the personal numbers `text` holds, and the private values."""
        lines = set(text.split("\n"))
        new = lines - self.read
        if new:
            if any(self._read("\n".join(new))):  # rare: the build will stop, or the number is allowed
                for line in new:
                    held = self._read(line)
                    if any(held):
                        self.holding[line] = held
            self.kept += sum(map(len, new))
            if self.kept > LINES_KEPT:
                self.read, self.kept = set(), 0
            else:
                self.read |= new
        numbers: set[tuple[str, str]] = set()
        private: set[str] = set()
        for line in lines & self.holding.keys():
            numbers |= self.holding[line][0]
            private |= self.holding[line][1]
        if self.whole_private:
            private = self._private(text)
        return numbers, private

    def _read(self, text: str) -> tuple[set[tuple[str, str]], set[str]]:
        return set(find_personal_numbers(text)), set() if self.whole_private else self._private(text)

    def _private(self, text: str) -> set[str]:
        return {value for _, value in self.finder.iter(as_read(text))} if self.finder is not None else set()


@dataclass(frozen=True)
class DocumentScan:
    """What the guard found in one published office document."""

    output: str
    """Path inside the site, posix separators."""
    numbers: tuple[tuple[str, str, int], ...] = ()
    """(kind, number, page) of every personal number; page 0 when the format has no pages."""
    unreadable: str = ""
    """Why the document's text could not be read, or ''."""
    scanned_pages: tuple[int, ...] = ()
    """Pages that are images without text (a scan)."""

    @property
    def checkable(self) -> bool:
        return not self.unreadable and not self.scanned_pages


def scan_documents(
    site_dir: Path, allowed: frozenset[str] = frozenset(), skip: frozenset[str] = frozenset()
) -> list[DocumentScan]:
    """Every office document of the site (PDF, Word, Excel, OpenDocument), with what was found in it."""
    scans = []
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file() and is_document(p)):
        output = path.relative_to(site_dir).as_posix()
        if output in skip:
            continue
        document = read_document(path)
        numbers = sorted(
            {
                (kind, number, page.number)
                for page in document.pages
                for kind, number in find_personal_numbers(page.text, allowed)
            },
            key=lambda found: (found[2], found[1]),
        )
        scans.append(DocumentScan(output, tuple(numbers), document.unreadable, document.scanned_pages))
    return scans


_LINK = re.compile(r"""\s(?:href|src)\s*=\s*["']([^"'#?]+)""")


def linking_pages(site_dir: Path, outputs: set[str]) -> dict[str, list[str]]:
    """For each file of `outputs`, the HTML pages of the site that link to it (relative links)."""
    found: dict[str, list[str]] = {}
    if not outputs:
        return found
    for path in sorted(site_dir.rglob("*.html")):
        page = path.relative_to(site_dir).as_posix()
        for target in _LINK.findall(path.read_text(encoding="utf-8", errors="replace")):
            url = urlsplit(html.unescape(target))
            if url.scheme or url.netloc:
                continue
            linked = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(url.path)))
            if linked in outputs and page not in found.setdefault(linked, []):
                found[linked].append(page)
    return found


def document_problems(
    scans: list[DocumentScan], links: dict[str, list[str]], sources: dict[str, str], shown_site: str
) -> list[Problem]:
    """One message per document holding personal numbers: what was found where, and who links it.

    `sources` maps a site path to the file it was copied from, as shown to the clerk."""
    problems = []
    for scan in scans:
        if not scan.numbers:
            continue
        found = "、".join(
            f"{kind}（{mask_number(number)}）" + (f"在第 {page} 页" if page else "")
            for kind, number, page in scan.numbers[:SHOWN_OUTPUTS]
        )
        if len(scan.numbers) > SHOWN_OUTPUTS:
            found += f" 等 {len(scan.numbers)} 处"
        problems.append(
            Problem(
                sources.get(scan.output, f"{shown_site}/{scan.output}"),
                summary=f"附件里有疑似个人信息：{found}；{_linked_by(scan.output, links, shown_site)}",
                expected="公开的附件里没有身份证号、手机号、银行卡号",
                hint="请在原文件里把这些号码遮挡（如身份证号只留前 6 位和后 4 位）后重新导出，"
                "或删除这个附件和指向它的链接。网站没有更新。",
            )
        )
    return problems


def unchecked_documents(
    scans: list[DocumentScan], links: dict[str, list[str]], sources: dict[str, str], shown_site: str
) -> list[str]:
    """One Chinese line per document whose text could not be read, for the build log."""
    lines = []
    for scan in scans:
        if scan.checkable:
            continue
        pages = "、".join(str(n) for n in scan.scanned_pages)
        reason = scan.unreadable or f"第 {pages} 页是图片（扫描件），没有可读的文字"
        source = sources.get(scan.output, f"{shown_site}/{scan.output}")
        lines.append(
            f"{source}：无法检查附件里有没有身份证号、手机号、银行卡号："
            f"{reason}；{_linked_by(scan.output, links, shown_site)}。请只公开已经遮挡个人号码的版本（先遮挡再扫描），"
            f"并由人核对；核对过的扫描件列入 mkdocs.yml 里 cunwu 的 checked_scans（如 - {scan.output}）。"
        )
    return lines


def _linked_by(output: str, links: dict[str, list[str]], shown_site: str) -> str:
    pages = links.get(output, [])
    if not pages:
        return "没有页面链接它，但它仍在网站上"
    named = "、".join(f"{shown_site}/{p}" for p in pages[:SHOWN_OUTPUTS])
    return f"链接它的页面：{named}" + (f" 等 {len(pages)} 个页面" if len(pages) > SHOWN_OUTPUTS else "")


PRIVATE_MIN_LENGTH = 4
"""Shorter private values (a bare 三组) would match ordinary text; they are not looked for."""


def private_problems(outputs: dict[str, list[str]], private: dict[str, Source], shown_site: str) -> list[Problem]:
    """Values of `Private` fields (never published) found in the output (`SiteScan.private`), with their sources."""
    problems = []
    for value, files in sorted(outputs.items()):
        source = private[value]
        named = "、".join(f"{shown_site}/{f}" for f in files[:SHOWN_OUTPUTS])
        if len(files) > SHOWN_OUTPUTS:
            named += f" 等 {len(files)} 个文件"
        problems.append(
            Problem(
                source.file,
                source.line,
                source.field,
                summary=f"不公开的内容出现在生成的网站文件里：{named}",
                expected="标为不公开的字段不出现在网站上",
                hint="检查 site_overrides/markdown/ 里覆盖的模板是否显示了这个字段。网站没有更新。",
            )
        )
    return problems


def as_read(text: str) -> str:
    """Text as a reader sees it: JSON/JS escapes and HTML entities decoded, search-index word breaks removed."""
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    return html.unescape(text).replace("\u200b", "")


def read_text(path: Path) -> str | None:
    """A published file's text (decompressed for ``.gz``), or None for binary files."""
    data = _text_bytes(path)
    return None if data is None else data.decode("utf-8", errors="replace")


def _text_bytes(path: Path) -> bytes | None:
    """A published text file's bytes (decompressed for ``.gz``), or None for binary files."""
    name = path.name.lower().removesuffix(".gz")
    if Path(name).suffix not in TEXT_SUFFIXES:
        return None
    data = path.read_bytes()
    if path.name.lower().endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):
            return None
    return data


def problems_for(hits: list[Hit], sources: dict[str, list[Source]], shown_site: str) -> list[Problem]:
    """One message per number: where it was written (if known) and which output files carry it."""
    outputs: dict[tuple[str, str], list[str]] = {}
    for hit in sorted(hits):
        outputs.setdefault((hit.kind, hit.number), []).append(hit.output)
    problems = []
    for (kind, number), files in sorted(outputs.items()):
        named = "、".join(f"{shown_site}/{f}" for f in files[:SHOWN_OUTPUTS])
        if len(files) > SHOWN_OUTPUTS:
            named += f" 等 {len(files)} 个文件"
        summary = f"疑似{kind}（{mask_number(number)}）出现在生成的网站文件里：{named}"
        hint = (
            "请删除这个号码，或只写遮挡后的形式（如 138****5678）；确需公开的办公电话写在村庄概况的电话字段，"
            "或列入 mkdocs.yml 里 cunwu 的 allowed_numbers。网站没有更新。"
        )
        for source in sources.get(number) or [Source(f"{shown_site}/{files[0]}")]:
            problems.append(
                Problem(
                    source.file,
                    source.line,
                    source.field,
                    summary=summary,
                    expected="公开的网站上没有身份证号、手机号、银行卡号",
                    hint=hint,
                )
            )
    return problems


def trace(
    numbers: set[str], data_files: list[tuple[Path, str]], text_files: list[tuple[Path, str]], readers: dict
) -> dict[str, list[Source]]:
    """Where each number was written: data files by row and field, other files by line.

    `data_files` and `text_files` are (path, path as shown to the clerk); `readers` reads a data
    file by its suffix (the model's readers: YAML, CSV, XLSX).
    """
    found: dict[str, set[Source]] = {}

    def note(text: str, source: Source) -> None:
        for _, number in find_personal_numbers(text):
            if number in numbers:
                found.setdefault(number, set()).add(source)

    for path, shown in data_files:
        value = readers[path.suffix.lower()](path.read_bytes(), shown).value
        if value is None and read_text(path) is not None:  # unreadable now: fall back to lines
            text_files = [*text_files, (path, shown)]
        elif value is not None:
            _walk(value, shown, 0, "", note)
    for path, shown in text_files:
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
            note(line, Source(shown, number))
    return {number: sorted(sources) for number, sources in found.items()}


def _walk(value, file: str, line: int, field: str, note) -> None:
    """Visit every text value of a located tree with its line and field name."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            _walk(item, file, value.line_of(key), key, note)
    elif isinstance(value, Sequence):
        for item in value:
            _walk(item, file, getattr(item, "line", value.line), field, note)
    elif isinstance(value, str):
        note(value, Source(file, line, field))
