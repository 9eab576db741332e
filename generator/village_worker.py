"""One village's build, run in a worker process of a township build (see township_build).

Its process is forked from the worker server, which has loaded what every village's build needs
(village_preload).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import jieba
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from . import reuse
from .model import Village

KEY_SUFFIX = ".inputs"
"""The suffix of the file beside a cached village that holds the digest of its inputs."""


@dataclass(frozen=True)
class VillageJob:
    """Everything a worker process needs to build one village (plain values: it is pickled)."""

    config_file: str
    slug: str
    key: str
    cache: str
    """The cache folder: the village's site goes to `<cache>/<slug>/`, its key to `<slug>.inputs`."""
    site_url: str | None = None
    strict: bool = False
    summary_date: str = ""
    """A township's root build's date (ISO): the village is handed back summarised for its portal
    on that day (see `summary`), so that the root need not read and check it again."""


@dataclass
class VillageResult:
    slug: str
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pages: tuple[int, int] = (0, 0)
    """Pages whose Markdown was rendered, and pages whose render the last build kept was reused."""
    summary: Village | None = None
    """The village as the root build would load and summarise it (`VillageJob.summary_date`)."""


jieba.setLogLevel(logging.WARNING)
jieba.initialize()


class _Collect(logging.Handler):
    """Keeps the build's warnings and errors, to hand them to the root build."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[tuple[int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append((record.levelno, record.getMessage()))


def run(job: VillageJob) -> VillageResult:
    """Build the village into `<cache>/<slug>/` (through the plugin's staging folder), then
    record the inputs it was built from; on failure, return every error and warning."""
    result = VillageResult(job.slug)
    cache = Path(job.cache)
    key_file = cache / (job.slug + KEY_SUFFIX)
    key_file.unlink(missing_ok=True)
    collected = _Collect()
    logger = logging.getLogger("mkdocs")
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
    logger.addHandler(collected)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        config, own = village_config(job)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
            if job.summary_date:
                result.summary = summary(config, job, own)
        finally:
            config.plugins.on_shutdown()
    except (MkDocsException, SystemExit) as error:  # click's Abort for --strict is an MkDocsException
        result.errors.append(str(error))
    except Exception as error:  # a bug of ours: one Chinese line, never a traceback
        if os.environ.get("CUNWU_DEBUG"):
            raise
        result.errors.append(f"程序内部错误（{type(error).__name__}: {error}）")
    stats = reuse.stats()
    result.pages = (stats["pages made"], stats["pages reused"])
    result.warnings = [m for level, m in collected.messages if level == logging.WARNING]
    result.errors += [m for level, m in collected.messages if level > logging.WARNING and m not in result.errors]
    if not result.errors:
        key_file.write_text(job.key)
    return result


def summary(config, job: VillageJob, own: Path) -> Village:
    """The village this build loaded and checked, as the township's root build would load it
    (`TownshipBuild.load`: under its own slug, with the root's site_url and its folder of pages,
    `own`), summarised for the portal on the root's date. Its records are the same: a village's data and pages are read
    alike wherever they are built (a test compares the two)."""
    from .township_data import summarise

    built = config.plugins["cunwu"].generated.site.villages[0]
    settings = replace(built.settings, site_url=(job.site_url or "").strip())
    village = Village(job.slug, records=built.records, settings=settings, content=own, docs=own, root=built.root)
    return summarise(village, date.fromisoformat(job.summary_date))


def village_config(job: VillageJob):
    """mkdocs.yml as the village's own site: its hand-written pages, its data, its output folder;
    and the village's folder of pages in the township (`content/<slug>/`, which may not exist)."""
    config = load_config(job.config_file, strict=job.strict)
    plugin = config.plugins["cunwu"]
    docs = own = Path(config.docs_dir) / job.slug
    if not docs.is_dir():
        docs = Path(job.cache) / ".empty"
        docs.mkdir(parents=True, exist_ok=True)
    config.docs_dir = str(docs)
    config.site_dir = str(Path(job.cache) / job.slug)
    if job.site_url is not None:
        config.site_url = job.site_url.rstrip("/") + f"/{job.slug}/" if job.site_url else job.site_url
    plugin.config.village = job.slug
    return config, own
