"""Building a township: the portal at the root, and each village as its own MkDocs build in `<slug>/`.

A township's `data/` holds one folder per village. The root build (the one `mkdocs build` runs)
checks every village's data first, so bad data anywhere stops the build with all problems listed
together; it then renders only the portal, while each village is built apart, in worker
processes, as a one-village site (its own navigation, search index and sitemap) whose output is
kept in a cache folder (`.cunwu-cache/villages/<slug>/`) beside a file holding the digest of its
inputs and one holding the words of its pages for the portal's search (township_search). A village whose inputs have not changed is not built again: its cached output is linked
into the site. After the root build's personal-data guard passed, the villages' outputs (each
guarded by its own build) are placed into the staging folder with the cross-village search's
index made from their words, and the staging folder is then published whole.

`cunwu build --village SLUG --out DIR` runs the same village build into another cache folder, so
CI runners can each build some villages and one last job assembles them (`cunwu assemble`).
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import re
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from multiprocessing.pool import AsyncResult
from pathlib import Path
from urllib.parse import unquote

from mkdocs.exceptions import PluginError

from . import reuse, township_search
from .model import load_village
from .problems import Problem
from .village_worker import KEY_SUFFIX, VillageJob, VillageResult

log = logging.getLogger("mkdocs.plugins.cunwu")

CACHE = ".cunwu-cache/villages"
"""Where village outputs are kept between builds, relative to mkdocs.yml's folder."""
GUARD_MEMO = ".cunwu-cache/portal.guard"
"""The root guard's scans of the portal's files, by their bytes (`reuse.Memo.stored`), relative to mkdocs.yml's folder."""
FORMAT = "3"
"""Bumped when the cache's layout or the village build's way of working changes."""
UP_TITLE = "返回乡镇首页"
SEARCH_SCRIPT = "assets/javascripts/township-search.js"
SEARCH_STYLE = "assets/stylesheets/township-search.css"
SEARCH_BOX = (
    "## 跨村搜索\n\n"
    '<div id="township-search"><p>跨村搜索要在浏览器里运行脚本。也可以点击村名进入该村网站，用页面上方的搜索框搜索。</p></div>\n'
)
"""The portal's cross-village search box (Markdown); township-search.js puts the form and results in it."""
PACKAGE = Path(__file__).resolve().parent


# --- the inputs of one village's build -----------------------------------------------------------


def village_keys(
    slugs: Iterable[str],
    *,
    config_file: Path,
    data_dir: Path,
    docs_dir: Path,
    overrides_dir: Path,
    today: date,
    site_url: str | None,
    history: bool,
    strict: bool = False,
) -> dict[str, str]:
    """The digest of every input of each village's build: when it is unchanged, so is the output.

    Inputs: the village's data and hand-written pages, the overrides (templates and theme),
    mkdocs.yml, the generator's own files and every installed package's version
    (`reuse.code_digest`), the build date, the site's address, --strict and, when pages show change history, the commits that
    touched the village's data.
    """
    shared = hashlib.sha256()
    for part in (FORMAT, today.isoformat(), site_url or "", str(history), str(strict)):
        shared.update(part.encode() + b"\0")
    shared.update(reuse.code_digest())
    shared.update(config_file.read_bytes())
    _digest_tree(shared, overrides_dir)
    commits = _commits_by_village(data_dir) if history else {}
    keys = {}
    for slug in slugs:
        digest = shared.copy()
        _digest_tree(digest, data_dir / slug)
        _digest_tree(digest, docs_dir / slug)
        digest.update("\n".join(commits.get(slug, [])).encode())
        keys[slug] = digest.hexdigest()
    return keys


def _digest_tree(digest, folder: Path) -> None:
    """Add every file under `folder` (its path and bytes, in a stable order) to `digest`."""
    if not folder.is_dir():
        digest.update(b"-\0")
        return
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        data = path.read_bytes()
        digest.update(f"{path.relative_to(folder).as_posix()}\0{len(data)}\0".encode() + data)


def _commits_by_village(data_dir: Path) -> dict[str, list[str]]:
    """The first-parent commits that changed each village's folder, newest first (one `git log`)."""
    try:
        out = subprocess.run(
            ["git", "log", "--first-parent", "--format=>%H", "--name-only", "--relative", "--", "."],
            cwd=data_dir,
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8", "replace")
    except (OSError, subprocess.CalledProcessError):
        return {}
    found: dict[str, list[str]] = {}
    commit = ""
    for line in out.splitlines():
        if line.startswith(">"):
            commit = line[1:]
        elif "/" in line:
            slugs = found.setdefault(line.split("/", 1)[0], [])
            if not slugs or slugs[-1] != commit:
                slugs.append(commit)
    return found


# --- the root build: portal, parallel village builds, assembly -----------------------------------


class TownshipBuild:
    """One root build of a township: starts the village builds, then places them into the site."""

    def __init__(self, jobs: list[VillageJob], workers: int, today: date | None = None) -> None:
        self.today = today
        """The build date: `load` keeps of each village what the portal takes from it on that day."""
        if today is not None:  # each village's build hands its village back summarised for that day
            jobs = [replace(job, summary_date=today.isoformat()) for job in jobs]
        self.jobs = jobs
        self.rebuilt: list[str] = []
        self.reused: list[str] = []
        self.checked: list[str] = []
        """The villages whose data this build read and checked again (see `load`)."""
        self._unkept: list[tuple[reuse.Memo, Path]] = []
        todo = []
        for job in jobs:
            if cached(job):
                self.reused.append(job.slug)
            else:
                todo.append(job)
                self.rebuilt.append(job.slug)
        self._pool = None
        self._pending: dict[str, AsyncResult] = {}
        if todo:
            self._pool = _pool(min(workers, len(todo)))
            self._pending = {job.slug: self._pool.apply_async(build_village, (job,)) for job in todo}
        for slug in self.reused:
            log.info("村 %s 的输入没有变化，沿用上次生成的页面。", slug)

    def load(self, slug: str, folder: Path, root: Path, settings=None, content=None, *, docs=None):
        """`model.load_village`, summarised for the portal (`township_data.summarise`: a county's
        root holds hundreds of villages).

        A village being built is taken as its build loaded, checked and summarised it (it waits
        for that build: the root does not read and check every village a second time beside the
        builds, which would take a core from them). Any other village is taken as the last root
        build kept it from the same inputs (its build key: data, pages, mkdocs.yml, code,
        versions, date) in `<slug>.loaded` beside its cached output (`keep`). Else, and for a
        village whose build failed (to report its problems with the others'), the root loads it.
        A village with problems is never kept."""
        from .township_data import summarise  # pandas: only the root build needs it

        job = next((job for job in self.jobs if job.slug == slug), None)
        if job is None or self.today is None:
            return load_village(slug, folder, root, settings, content, docs=docs)
        key = reuse.digest(job.key, folder, root, settings, content, docs)
        kept = Path(job.cache) / (slug + LOADED_SUFFIX)
        memo = reuse.Memo("village")
        reuse.load(kept, (memo,))
        village = memo.get(key)
        if village is not None:
            return village, []
        self.checked.append(slug)
        pending = self._pending.get(slug)
        built = pending.get() if pending is not None else None
        problems: list[Problem] = []
        if built is not None and built.summary is not None:
            village = built.summary
        else:
            village, problems = load_village(slug, folder, root, settings, content, docs=docs)
            village = summarise(village, self.today) if village is not None else None
        if village is not None:
            memo[key] = village
            self._unkept.append((memo, kept))
        return village, problems

    def keep(self) -> None:
        """Keep each village loaded afresh, as summarised, for the next build."""
        for memo, kept in self._unkept:
            reuse.save(kept, (memo,))
        self._unkept = []

    def order(self, slugs: list[str]) -> None:
        """Put the jobs in the portal's order (the cross-village search lists villages so)."""
        rank = {slug: i for i, slug in enumerate(slugs)}
        self.jobs.sort(key=lambda job: rank.get(job.slug, len(rank)))

    def wait(self) -> list[VillageResult]:
        """Wait for every village build; their warnings are logged here (so --strict counts them)."""
        if not self._pending:
            return []
        results = [pending.get() for pending in self._pending.values()]
        self.stop()
        for result in results:
            log.info("村 %s：生成了 %d 个页面，沿用上次生成的 %d 个页面。", result.slug, *result.pages)
            for warning in result.warnings:
                log.warning("村 %s：%s", result.slug, warning)
        return results

    def place(self, site_dir: Path, names: dict[str, str]) -> None:
        """Put every village's output into `site_dir/<slug>/` and make the cross-village search's
        index from their words (`names`: each village's name by slug); stop with every village's failure."""
        failed = [r for r in self.wait() if r.errors]
        if failed:
            raise PluginError(
                "以下村的网站没有生成成功，整个网站没有发布：\n"
                + "\n".join(f"【{r.slug}】\n" + "\n".join(r.errors) for r in failed)
            )
        for job in self.jobs:
            link_tree(Path(job.cache) / job.slug, site_dir / job.slug)
        township_search.write_index(site_dir, [(job.slug, names[job.slug], words_file(job)) for job in self.jobs])
        broken = broken_portal_links(site_dir, [job.slug for job in self.jobs])
        if broken:
            raise PluginError(
                "乡镇首页有链接指向不存在的村页面，整个网站没有发布：\n"
                + "\n".join(f"{page} → {target}" for page, target in broken)
            )
        log.info(
            "乡镇网站：重新生成 %d 个村（%s），沿用 %d 个村；重新检查了 %d 个村的数据（%s）。",
            len(self.rebuilt),
            "、".join(self.rebuilt) or "无",
            len(self.reused),
            len(self.checked),
            "、".join(self.checked) or "无",
        )

    def stop(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None


def build_all(jobs: list[VillageJob], workers: int) -> list[VillageResult]:
    """Build every job not already in the cache (for `cunwu build`); the results of those built."""
    return TownshipBuild(jobs, workers).wait()


def portal_assets(config) -> dict[str, str | bytes]:
    """The cross-village search's script and style, loaded by the portal's pages."""
    from mkdocs.config.config_options import ExtraScriptValue

    config.extra_css.append(SEARCH_STYLE)
    config.extra_javascript.append(ExtraScriptValue(SEARCH_SCRIPT))
    static = PACKAGE / "static"
    return {
        SEARCH_SCRIPT: (static / "township-search.js").read_bytes(),
        SEARCH_STYLE: (static / "township-search.css").read_bytes(),
    }


def _pool(workers: int):
    """Worker processes forked from a server that has loaded what every village's build needs once
    (village_preload).

    `maxtasksperchild=1`: each village gets a fresh process, so nothing one village's build
    teaches jieba (its names) or leaves in a module changes another village's pages.
    """
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["generator.village_preload"])
    return context.Pool(workers, maxtasksperchild=1)


def cached(job: VillageJob) -> bool:
    """True when the cache holds this village's output for exactly these inputs."""
    key_file = Path(job.cache) / (job.slug + KEY_SUFFIX)
    built = (Path(job.cache) / job.slug).is_dir() and words_file(job).is_file()
    return built and key_file.is_file() and key_file.read_text() == job.key


REUSE_SUFFIX = ".reuse"
"""The suffix of the file beside a cached village that keeps its pages' work (generator/reuse.py)."""
LOADED_SUFFIX = ".loaded"
"""The suffix of the file beside a cached village that holds it as the root build loaded it."""


def words_file(job: VillageJob) -> Path:
    """The words of the village's pages for the cross-village search, kept beside its output."""
    return Path(job.cache) / (job.slug + township_search.WORDS_SUFFIX)


def link_tree(source: Path, target: Path) -> None:
    """Copy a folder as hard links (no bytes copied); plain copies across file systems."""

    def copy(src, dst):
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(source, target, copy_function=copy, dirs_exist_ok=True)
    os.chmod(target, 0o755)  # the cached copy was a private staging folder; a web server must read it


def build_village(job: VillageJob) -> VillageResult:
    """Build one village into `<cache>/<slug>/` (runs in a worker process; see village_worker)."""
    from .village_worker import run

    return run(job)


def jobs_for(
    slugs: list[str],
    *,
    config_file: Path,
    data_dir: Path,
    docs_dir: Path,
    overrides_dir: Path,
    cache: Path,
    today: date,
    site_url: str | None,
    history: bool,
    strict: bool,
) -> list[VillageJob]:
    """One build job per village, each with the digest of its inputs."""
    keys = village_keys(
        slugs,
        config_file=config_file,
        data_dir=data_dir,
        docs_dir=docs_dir,
        overrides_dir=overrides_dir,
        today=today,
        site_url=site_url,
        history=history,
        strict=strict,
    )
    cache.mkdir(parents=True, exist_ok=True)
    return [VillageJob(str(config_file), s, keys[s], str(cache), site_url, strict) for s in slugs]


def jobs_from_config(config, today: date, slugs: list[str], cache: Path) -> list[VillageJob]:
    """The jobs for some villages of the township that `config` (a loaded mkdocs.yml) builds."""
    plugin = config.plugins["cunwu"].config
    root = Path(config.config_file_path).parent
    return jobs_for(
        slugs,
        config_file=Path(config.config_file_path),
        data_dir=root / plugin.data_dir,
        docs_dir=Path(config.docs_dir),
        overrides_dir=root / plugin.overrides_dir,
        cache=cache,
        today=today,
        site_url=config.site_url,
        history=plugin.history,
        strict=config.strict,
    )


def shard(slugs: list[str], spec: str) -> list[str]:
    """The villages of shard `K/N` (1 ≤ K ≤ N): every N-th village in name order, starting at the K-th."""
    number, _, count = spec.partition("/")
    k, n = int(number), int(count)
    if not 1 <= k <= n:
        raise ValueError(spec)
    return sorted(slugs)[k - 1 :: n]


def assemble(parts: list[Path], cache: Path) -> list[str]:
    """Move village outputs built elsewhere (`cunwu build --out`) into the cache; their slugs."""
    cache.mkdir(parents=True, exist_ok=True)
    moved = []
    for part in parts:
        for key_file in sorted(part.rglob("*" + KEY_SUFFIX)):
            slug = key_file.name.removesuffix(KEY_SUFFIX)
            built = key_file.with_name(slug)
            if not built.is_dir():
                continue
            words = key_file.with_name(slug + township_search.WORDS_SUFFIX)
            if not words.is_file():
                continue
            shutil.rmtree(cache / slug, ignore_errors=True)
            (cache / (slug + KEY_SUFFIX)).unlink(missing_ok=True)
            shutil.move(str(built), str(cache / slug))
            shutil.copy(words, cache / words.name)
            shutil.copy(key_file, cache / key_file.name)
            moved.append(slug)
    return moved


# --- the portal --------------------------------------------------------------------------------


LINK = re.compile(r'(?:href|src)="([^"]*)"')


def village_links_as_html(html: str, slugs: list[str]) -> str:
    """The portal's links to a village's Markdown pages as the addresses those pages get in the
    village's own build (MkDocs leaves a link it cannot resolve in the root build as written)."""
    villages = "|".join(re.escape(slug) for slug in slugs)
    if not villages:
        return html
    pattern = re.compile(rf'href="((?:\.\./)*(?:{villages})/[^"#?]*?)\.md([#?][^"]*)?"')
    return pattern.sub(lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', html)


def broken_portal_links(site_dir: Path, slugs: list[str]) -> list[tuple[str, str]]:
    """The portal's links (pages outside every village's folder) whose file is not in the site once
    the villages are placed: MkDocs cannot check them in the root build, which lacks the villages."""
    broken = []
    for page in sorted(site_dir.rglob("*.html")):
        relative = page.relative_to(site_dir)
        if relative.parts[0] in slugs:
            continue
        for link in LINK.findall(page.read_text(encoding="utf-8")):
            target = link.split("#")[0].split("?")[0]
            if not target or ":" in target or target.startswith("/"):
                continue
            resolved = (page.parent / unquote(target)).resolve()
            inside = (
                resolved.relative_to(site_dir.resolve()).parts if resolved.is_relative_to(site_dir.resolve()) else ()
            )
            if inside[:1] and inside[0] in slugs and not resolved.exists():  # MkDocs checked the rest
                broken.append((relative.as_posix(), link))
    return broken


def village_content(src_uri: str, slugs: Iterable[str]) -> bool:
    """A hand-written file of one village (`content/<slug>/…`): its village's build shows it, not the portal."""
    return src_uri.split("/", 1)[0] in set(slugs) and "/" in src_uri


# --- inside a village's build ------------------------------------------------------------------


def prune_nav(nav, exists) -> list | None:
    """The navigation without entries for pages this village does not have (a township's
    mkdocs.yml names every page a village may have; a small village lacks some)."""
    if nav is None:
        return nav
    kept = []
    for item in nav:
        if isinstance(item, dict):
            ((title, target),) = item.items()
            if isinstance(target, list):
                target = prune_nav(target, exists)
                if target:
                    kept.append({title: target})
            elif "://" in str(target) or exists(str(target)):
                kept.append(item)
            else:
                log.info("本村没有 %s 这个页面，导航里不列出“%s”。", target, title)
        elif exists(str(item)):
            kept.append(item)
    return kept
