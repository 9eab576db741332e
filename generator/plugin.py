"""The MkDocs integration: MkDocs events wired to the core, nothing else.

on_config: read and check all data, render every page in memory (before MkDocs cleans or
writes anything, so a bad file leaves the previous site as it was). on_files: hand the pages
and downloads to MkDocs as generated files; record pages stay out of the navigation.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from . import history
from .build_date import BuildDateError, build_date
from .core import Generated, generate, is_withheld
from .problems import report
from .settings import read_settings
from .search import vocabulary
from .settings import TRAINING_TARGET

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

    def on_config(self, config):
        root = Path(config.config_file_path).parent
        data_dir = root / self.config.data_dir
        overrides = root / self.config.overrides_dir
        watched = (data_dir, overrides, Path(__file__).parent / "templates")
        config.watch.extend(str(p) for p in watched if p.exists() and str(p) not in config.watch)
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
            if os.environ.get("CUNWU_DEBUG"):
                raise
            raise PluginError(f"生成网站时出现程序内部错误（{type(error).__name__}: {error}）。"
                              "数据没有问题也可能遇到，请把这段文字发给网站维护者。") from None
        if self.generated.problems:
            raise PluginError("数据检查没有通过：\n" + report(self.generated.problems))
        if not config.site_url:
            log.info("mkdocs.yml 没有设置 site_url，不生成 Atom 订阅（feed.xml）：订阅里的链接必须是完整网址。")
        _teach_jieba(vocabulary(self.generated.site))
        return config

    def on_files(self, files: Files, config) -> Files:
        for file in [f for f in files if is_withheld(f.src_uri, self.generated.withheld)]:
            files.remove(file)
        for uri, content in sorted(self.generated.files.items()):
            inclusion = InclusionLevel.INCLUDED if uri in self.generated.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, uri, content=content, inclusion=inclusion))
        return files

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        """Hand-written pages that the data speaks about (stories) get their generated block."""
        return markdown + self.generated.appendices.get(page.file.src_uri, "")


def _teach_jieba(words: list[str]) -> None:
    """Keep names whole in Material's Chinese search index (jieba is optional for Material)."""
    try:
        import jieba
    except ImportError:  # pragma: no cover - jieba is a dependency, but Material works without it
        return
    for word in words:
        jieba.add_word(word, freq=None)
