"""Site-wide options that come from the `cunwu` plugin's configuration in mkdocs.yml."""

from __future__ import annotations

from dataclasses import dataclass

TRAINING_TARGET = 32
"""学时 a year that a member or talent should reach (seed 002: 不少于32学时)."""


@dataclass(frozen=True)
class Settings:
    """What the generator needs to know beyond the data."""

    training_target: int = TRAINING_TARGET
    """Training hours a year counted as reaching the target."""
    site_url: str = ""
    """The site's public address (MkDocs `site_url`); the Atom feed needs it, pages never do."""
    directory_urls: bool = False
    """MkDocs `use_directory_urls`: how a page's public address is spelt in the feed."""
