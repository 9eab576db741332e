"""The township portal's cross-village search (跨村搜索): a word index cut into small files.

Each village's own build lists its searchable pages (the records and listings of SECTIONS) with
their text: in chunks of DOCS_PER_CHUNK pages, published in `<slug>/township-search/<k>.js`, and
as the words of each page, kept beside the village's cached output (`<slug>.words`, not
published). The root build merges every village's words into shards: a word lives in shard
`fnv1a(word) % shards`, so a query loads `township-search/index.js`, the shards of its words and
the chunks of the results it shows, a few dozen KB however many villages there are, and a
rebuild after one village changed merges the cached words of the others again (no page is read).

Words: a run of ASCII letters and digits is one word (lower case); a run of other letters and
digits (Chinese) gives every pair of neighbouring characters, or the one character of a run of
one, so a two-character word inside a longer phrase is found. A query asks for every pair that
covers its runs. The files are scripts that hand their data to `cunwuTownshipSearch` (see
static/township-search.js, which repeats `words` and `shard_of`): a page opened from a file (a
USB stick) can load a script, not fetch a JSON file.
"""

from __future__ import annotations

import html
import json
import math
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

SECTIONS = frozenset(
    {"pledges", "members", "notices", "decisions", "projects", "lists", "finance", "talents", "mentoring"}
    | {"wishes", "cases", "five-goods", "points"}
)
"""The folders whose pages the portal searches: every village's records and listings (not the
print views, the clerk's guide, the open-data docs or the listings by tag, which repeat them)."""
FOLDER = "township-search"
"""Where the search files are: at the site's root (index, shards) and in each village's folder (chunks)."""
DOCS_PER_CHUNK = 10
TEXT_CHARS = 600
"""The text kept per page for the result's excerpt (the words come from the whole page)."""
SHARD_BYTES = 24_000
"""About how large a shard gets (before gzip); the number of shards follows from the index's size."""
WORDS_SUFFIX = ".words"
CALLBACK = "cunwuTownshipSearch"


@dataclass(frozen=True)
class SearchPage:
    url: str
    """The page's address inside its village's folder."""
    title: str
    text: str


def searched(dest_uri: str) -> bool:
    """True for a page the portal searches: `<section>/<page>.html` with `section` in SECTIONS."""
    section, _, name = dest_uri.partition("/")
    return section in SECTIONS and name.endswith(".html") and "/" not in name


def page_text(content: str) -> str:
    """The text of a page's HTML content, on one line."""
    parser = _Text()
    parser.feed(content)
    parser.close()
    return " ".join("".join(parser.parts).split())


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.parts.append(" ")

    def handle_endtag(self, tag) -> None:
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def search_page(url: str, title: str, content: str) -> SearchPage:
    """A page as the search keeps it: `title` as MkDocs gives it (escaped), `content` its HTML."""
    title = html.unescape(title)
    text = page_text(content)
    return SearchPage(url, title, text.removeprefix(title).lstrip())


def words(text: str) -> set[str]:
    """The words of `text` (see the module's docstring)."""
    found: set[str] = set()
    for run in _runs(text.lower()):
        if run.isascii() or len(run) == 1:
            found.add(run)
        else:
            found.update(run[i : i + 2] for i in range(len(run) - 1))
    return found


def _runs(text: str) -> list[str]:
    """Runs of ASCII letters and digits, and runs of other letters and digits."""
    runs: list[str] = []
    current, ascii_run = "", False
    for char in text:
        if not char.isalnum():
            kind = None
        else:
            kind = char.isascii()
        if kind is None or (current and kind != ascii_run):
            if current:
                runs.append(current)
            current = ""
        if kind is not None:
            current, ascii_run = current + char, kind
    if current:
        runs.append(current)
    return runs


def shard_of(word: str, shards: int) -> int:
    """FNV-1a (32 bits) over the word's UTF-16 code units, modulo the number of shards."""
    value = 0x811C9DC5
    units = word.encode("utf-16-le")
    for i in range(0, len(units), 2):
        value ^= units[i] | units[i + 1] << 8
        value = (value * 0x01000193) & 0xFFFFFFFF
    return value % shards


def write_village(pages: list[SearchPage], site_dir: Path, words_file: Path) -> None:
    """One village's part: its pages' chunks into `site_dir/township-search/`, its words into `words_file`.

    The words file maps each word to the numbers of the pages that have it (in address order),
    as differences in base 36 joined by commas, the form the shards keep them in."""
    pages = sorted(pages, key=lambda p: p.url)
    folder = site_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(math.ceil(len(pages) / DOCS_PER_CHUNK)):
        chunk = [[p.url, p.title, p.text[:TEXT_CHARS]] for p in pages[k * DOCS_PER_CHUNK : (k + 1) * DOCS_PER_CHUNK]]
        _write_script(folder / f"{k}.js", chunk)
    postings: dict[str, list[int]] = {}
    for number, page in enumerate(pages):
        for word in words(page.title + " " + page.text):
            postings.setdefault(word, []).append(number)
    encoded = {word: _deltas(numbers) for word, numbers in sorted(postings.items())}
    words_file.parent.mkdir(parents=True, exist_ok=True)
    words_file.write_text(
        json.dumps({"pages": len(pages), "words": encoded}, ensure_ascii=False, separators=(",", ":")),
        encoding="utf-8",
    )


def write_index(site_dir: Path, villages: list[tuple[str, str, Path]]) -> int:
    """The township's index from each village's words file (`(slug, name, words_file)`, in the
    portal's order) into `site_dir/township-search/`; returns the number of shards."""
    size = sum(path.stat().st_size for _, _, path in villages)
    shards = max(1, math.ceil(size / SHARD_BYTES))
    parts: list[dict[str, list[str]]] = [{} for _ in range(shards)]
    listed = []
    homes: dict[str, int] = {}
    for number, (slug, name, path) in enumerate(villages):
        found = json.loads(path.read_text(encoding="utf-8"))
        listed.append([slug, name, found["pages"]])
        village = _base36(number)
        for word, pages in found["words"].items():
            home = homes.get(word)
            if home is None:
                home = homes[word] = shard_of(word, shards)
            parts[home].setdefault(word, []).append(f"{village}:{pages}")
    folder = site_dir / FOLDER
    (folder / "shards").mkdir(parents=True, exist_ok=True)
    _write_script(folder / "index.js", {"shards": shards, "chunk": DOCS_PER_CHUNK, "villages": listed})
    for number, part in enumerate(parts):
        _write_script(folder / "shards" / f"{number}.js", {w: ";".join(v) for w, v in part.items()})
    return shards


def _write_script(path: Path, data) -> None:
    """A script handing `data` to the page's search (which knows which file it asked for)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    path.write_text(f"{CALLBACK}({text});\n", encoding="utf-8")


def _deltas(numbers: list[int]) -> str:
    previous, out = 0, []
    for n in numbers:
        out.append(_base36(n - previous))
        previous = n
    return ",".join(out)


def _base36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        n, rest = divmod(n, 36)
        text = digits[rest] + text
        if not n:
            return text
