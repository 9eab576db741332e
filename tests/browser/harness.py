"""What the browser tests and `benchmarks/browser_figures.py` share: Chromium, nginx, the
page types of the demo site, request logging, axe-core and the in-page measurements."""

from __future__ import annotations

import getpass
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
AXE = HERE / "vendor" / "axe-core" / "axe.min.js"
"""axe-core, vendored (see vendor/axe-core/SOURCE): no Node.js needed to run the tests."""
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
"""Screenshots for a person to look at (named in README; git-ignored; kept by CI)."""

CHROMIUM = os.environ.get("CUNWU_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SUB_PATH = "/villages/demo/"
"""Where nginx serves the site: a sub-path, as a county server hosting many villages would."""

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
SWITCH = "[data-cunwu-large-switch]"


def missing_tools() -> list[str]:
    """What the browser tests need and this machine lacks (empty when all is there)."""
    missing = []
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the Python package playwright (pip install -e '.[test]')")
    if not os.access(CHROMIUM, os.X_OK):
        missing.append(f"Chromium at {CHROMIUM} (apt-get install chromium)")
    return missing


def nginx_path() -> str | None:
    """The nginx binary: on PATH, or Debian's /usr/sbin/nginx (not on a normal user's PATH)."""
    return shutil.which("nginx") or ("/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None)


def launch(playwright):
    """Debian's Chromium, headless, with nothing of its own phoning home."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


# --- The demo site's page types --------------------------------------------------------------


def page_types(today, built: Path) -> dict[str, str]:
    """One site path per page type: the first page of each generated template, and the first
    hand-written page of each folder of `content/` (or each top-level page) that the build
    `built` holds (a story dated later than the build date is left out of the site). New page
    types (other datasets) are picked up here without changing the tests."""
    from generator.model import load_site
    from generator.render import page_specs

    site, problems = load_site(ROOT / "data", today, ROOT)
    assert not problems, problems
    chosen: dict[str, str] = {}
    for village in site.villages:
        for spec in page_specs(village, today):
            if not spec.uri.endswith(".md"):  # a generated file that is not a page (a chart)
                continue
            chosen.setdefault(spec.template.removesuffix(".md"), _html(spec.uri))
    for page in sorted((ROOT / "content").rglob("*.md")):
        uri = page.relative_to(ROOT / "content").as_posix()
        if (built / _html(uri)).is_file():
            chosen.setdefault("content:" + uri.split("/")[0].removesuffix(".md"), _html(uri))
    return chosen


def _html(uri: str) -> str:
    return uri.removesuffix(".md") + ".html"


# --- nginx under a sub-path --------------------------------------------------------------------

NGINX_CONF = """\
worker_processes 1;
{user}
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ worker_connections 64; }}
http {{
  types {{
    text/html html; text/css css; application/javascript js; application/json json;
    image/svg+xml svg; image/png png; image/x-icon ico; text/csv csv; application/xml xml;
    application/gzip gz; text/plain txt;
  }}
  default_type application/octet-stream;
  log_format bytes '$status $bytes_sent $body_bytes_sent $uri';
  access_log {access_log} bytes;
  client_body_temp_path {tmp}/body;
  proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi;
  scgi_temp_path {tmp}/scgi;
  gzip on;
  gzip_min_length 256;
  gzip_types text/css application/javascript application/json image/svg+xml text/csv application/xml;
  server {{
    listen 127.0.0.1:{port};
    location = {prefix_bare} {{ return 301 {prefix}; }}
    location {prefix} {{ alias {site}/; }}
  }}
}}
"""


@contextmanager
def nginx(site: Path, prefix: str = SUB_PATH, access_log: Path | None = None):
    """nginx serving `site` at http://127.0.0.1:<free port><prefix>, run as the current user with
    its config, pid and logs in a temporary folder; yields the site's base URL. `access_log`
    gets one line per response: status, bytes sent (with headers), body bytes sent, path."""
    binary = nginx_path()
    if binary is None:
        raise FileNotFoundError("nginx")
    with tempfile.TemporaryDirectory(prefix="cunwu-nginx-") as tmp:
        port = _free_port()
        user = f"user {getpass.getuser()};" if os.geteuid() == 0 else ""
        conf = Path(tmp) / "nginx.conf"
        conf.write_text(
            NGINX_CONF.format(
                user=user,
                tmp=tmp,
                port=port,
                prefix=prefix,
                access_log=access_log or f"{tmp}/access.log",
                prefix_bare=prefix.rstrip("/"),
                site=site.resolve(),
            )
        )
        process = subprocess.Popen(
            [binary, "-p", tmp, "-e", f"{tmp}/error.log", "-c", str(conf), "-g", "daemon off;"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        try:
            _wait_for_port(port, process, Path(tmp) / "error.log")
            yield f"http://127.0.0.1:{port}{prefix}"
        finally:
            process.terminate()
            process.wait(timeout=10)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_port(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"nginx stopped: {process.stdout.read().decode()} {log.read_text() if log.exists() else ''}"
            )
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("nginx did not start listening within 10 s")


# --- Requests -----------------------------------------------------------------------------------


@dataclass
class RequestLog:
    """Every request a browser context makes, judged against the site's own base URL.

    A request to any other host, or outside the site's sub-path, is aborted before it leaves
    and recorded as a problem; so is every failed load and every HTTP error status."""

    base: str
    problems: list[str] = field(default_factory=list)

    def attach(self, context) -> None:
        context.route(lambda url: not self.is_own(url), self._refuse)
        context.on("requestfailed", lambda request: self._failed(request))
        context.on(
            "response",
            lambda response: response.status >= 400 and self.problems.append(f"HTTP {response.status}: {response.url}"),
        )

    def is_own(self, url: str) -> bool:
        """The site's own files (under its base), or data the page made itself."""
        scheme = urlsplit(url).scheme
        return scheme in ("data", "blob", "about") or url.startswith(self.base)

    def _refuse(self, route) -> None:
        self.problems.append(f"request outside the site: {route.request.url}")
        route.abort()

    def _failed(self, request) -> None:
        # ERR_ABORTED: a load cut short because the test moved on to the next page.
        if self.is_own(request.url) and request.failure != "net::ERR_ABORTED":
            self.problems.append(f"failed ({request.failure}): {request.url}")


# --- In-page measurements -------------------------------------------------------------------

HORIZONTAL_OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll("body *")]
    .filter(e => e.getBoundingClientRect().right > width + 1 && !e.closest(".md-typeset__scrollwrap, .md-sidebar, .md-search"))
    .map(e => e.tagName.toLowerCase() + "." + e.className + " → " + Math.round(e.getBoundingClientRect().right));
  return {scrollWidth: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5)};
}"""
"""The page's width against the window's, and the first elements sticking out (for the message)."""

TEXT_SIZES = """() => {
  const sizes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, element = node.parentElement;
    if (!node.data.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    if (!range.getClientRects().length) continue;             // not drawn (display: none)
    const style = getComputedStyle(element);
    if (style.visibility !== "visible") continue;
    sizes.push({text: node.data.trim().slice(0, 20), size: parseFloat(style.fontSize),
                where: element.tagName.toLowerCase() + "." + element.className,
                cell: !!element.closest("td, th")});
  }
  return sizes;
}"""
"""Computed font size of every drawn text on the page (drawer and search panel included)."""

SMALL_TARGETS = """() => {
  const small = [];
  for (const e of document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, label[for], summary, [role=switch]")) {
    const style = getComputedStyle(e), box = e.getBoundingClientRect();
    if (style.visibility !== "visible" || style.opacity === "0" || !box.width || !box.height) continue;
    if (box.right <= 0 || box.left >= innerWidth) continue;    // the closed drawer, off canvas
    // A link inside a sentence is exempt (WCAG 2.5.8 "inline"): its parent also holds text.
    if (e.tagName === "A" && [...e.parentElement.childNodes].some(n => n.nodeType === 3 && n.data.trim())) continue;
    if (Math.round(box.width) < 44 || Math.round(box.height) < 44)
      small.push(`${e.tagName.toLowerCase()}.${e.className} "${e.textContent.trim().slice(0, 12)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
  }
  return small;
}"""
"""Touch targets smaller than 44 × 44 px that a finger can reach on this page."""


AXE_OPTIONS = {"resultTypes": ["violations"], "preload": False}
"""`preload: false`: axe would otherwise download the page's stylesheets again itself (for one
rule, css-orientation-lock), which fails from file:// and is no request of the site's."""


ALL_IMPACTS = ("minor", "moderate", "serious", "critical")


def axe_violations(page, impacts=("serious", "critical")) -> list[str]:
    """axe-core's violations of the given impacts on the page as it is now, one line each."""
    _inject_axe(page)
    found = page.evaluate(
        """([impacts, options]) => axe.run(document, options).then(r =>
        r.violations.filter(v => impacts.includes(v.impact)).map(v =>
          `${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(" | ")}`))""",
        [list(impacts), AXE_OPTIONS],
    )
    return found


def axe_summary(page) -> dict[str, int]:
    """All of axe-core's violations on the page by rule and impact, with their node counts."""
    _inject_axe(page)
    return page.evaluate(
        """options => axe.run(document, options).then(r =>
        Object.fromEntries(r.violations.map(v => [`${v.id} (${v.impact})`, v.nodes.length])))""",
        AXE_OPTIONS,
    )


def _inject_axe(page) -> None:
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))


# --- Words to search for -------------------------------------------------------------------------

CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


def words_inside_phrases(text: str) -> list[str]:
    """jieba's words of `text` (two or more Chinese characters) that sit inside a longer run of
    Chinese characters, not at its start, as 修路 sits in 村道修路硬化: the search must find them
    by the word alone (a prefix match on the unsegmented phrase would not)."""
    import jieba

    runs = CJK_RUN.findall(text)
    return [
        w
        for w in dict.fromkeys(jieba.cut(text))
        if len(w) >= 2 and CJK_RUN.fullmatch(w) and any(run.find(w, 1) > 0 for run in runs)
    ]


def searchable(today) -> dict[str, list[tuple[str, str]]]:
    """What the search must find on the demo site, by kind (pledge, notice, story): each
    record's page (site path) and the text that page shows of it, newest first. Only what the
    build publishes on `today`: public pledges and notices, stories dated up to `today`.
    jieba learns the names the build teaches it (云溪镇 stays whole), so that words are cut
    from these texts as the search index cuts them."""
    import jieba

    from generator.model import load_site
    from generator.pages import cases
    from generator.search import vocabulary

    site, problems = load_site(ROOT / "data", today, ROOT)
    assert not problems, problems
    for word in vocabulary(site):
        jieba.add_word(word, freq=None)
    found = {"pledge": [], "notice": [], "story": []}
    for village in site.villages:
        found["pledge"] += [
            (_html(village.path(f"pledges/{p.id}.md")), p.content) for p in village.public_pledges(today)
        ]
        found["notice"] += [
            (_html(village.path(f"notices/{n.id}.md")), f"{n.title}\n{n.body}")
            for n in reversed(village.public("notices", today))
        ]
        found["story"] += [
            (_html(village.path(s.uri)), story_text(ROOT / "content" / village.path(s.uri)))
            for s in cases.newest(village, today)
        ]
    return found


def story_text(page: Path) -> str:
    """A hand-written story's Markdown without its front matter and images (their alt text is
    not indexed)."""
    text = page.read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
    return re.sub(r"!\[[^\]]*\]\([^)]*\)", "", body)


def indexed_pages(built: Path) -> dict[str, str]:
    """Site path → text of each page in the built site's search index (title and sections,
    without the tags and the zero-width spaces jieba's segmentation put there)."""
    docs = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    pages: dict[str, list[str]] = {}
    for doc in docs:
        pages.setdefault(doc["location"].split("#")[0], []).append(doc["title"] + "\n" + doc["text"])
    return {path: re.sub(r"<[^>]+>|\u200b", "", "\n".join(texts)) for path, texts in pages.items()}


def search_cases(records: list[tuple[str, str]], corpus: Iterable[str], count: int = 3) -> list[tuple[str, str]]:
    """(site path, word) for `count` of `records` ((site path, text) pairs) spread over them,
    each with its rarest word inside a phrase (said by the fewest texts of `corpus`, e.g. the
    site's `indexed_pages`; a word of a template such as 本站 is on every record's page), so the
    record's page should rank near the top."""
    cases, corpus = [], list(corpus)
    for path, text in records[:: max(1, len(records) // count)][:count]:
        words = words_inside_phrases(text)
        assert words, text
        rarest = min(words, key=lambda w: (sum(w in t for t in corpus), -len(w)))
        cases.append((path, rarest))
    return cases


# --- Moving around ---------------------------------------------------------------------------


def open_from_menu(page, title: str) -> None:
    """Open the phone's menu (the drawer) and tap the entry `title`."""
    page.locator("label.md-header__button[for='__drawer']").click()
    page.locator(".md-nav--primary a", has_text=title).first.click()


# --- Search -----------------------------------------------------------------------------------


def search(page, query: str, timeout_ms: int = 30_000) -> list[str]:
    """Type `query` into Material's search box as a person would; the result pages' addresses,
    best first (empty when the theme says it found nothing). Playwright inserts text without
    key events, so a key is pressed after it. The first search of a page also fetches the index
    and builds it in the worker (the site fetches it only when search is used): on a busy
    machine that takes more than 15 s."""
    page.locator("label.md-header__button[for='__search']").click()
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")
    page.wait_for_function(SEARCH_ANSWERED, timeout=timeout_ms)
    return page.eval_on_selector_all(".md-search-result__item > a:first-child", "links => links.map(a => a.href)")


SEARCH_ANSWERED = """() => document.querySelector(".md-search-result__item") !== null
  || document.querySelector(".md-search-result__meta").textContent.includes("没有找到")"""
"""True once the search panel shows results, or says it found none."""
