"""Stable ASCII file names and a natural sort order for free-text values (skills, groups, tags)."""

from __future__ import annotations

import hashlib
import re


def value_slug(text: str) -> str:
    """A stable ASCII file name for a free-text value (a skill, a village group).

    Never derived from the Chinese by transliteration: the same text always gives the same
    8 hex digits, and a web address never contains Chinese characters.
    """
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def natural(text: str) -> tuple:
    """Sort key that puts 第二组 before 第十组: Chinese numerals up to 九十九 compare as numbers."""
    return (re.sub(r"[一二三四五六七八九]?十?[一二三四五六七八九]?", _numeral, text), text)


def _numeral(match: re.Match) -> str:
    text = match.group()
    if not text:
        return ""
    digits = "零一二三四五六七八九"
    tens, ten, ones = text.rpartition("十")
    value = ((digits.index(tens) if tens else 1) * 10 if ten else 0) + (digits.index(ones) if ones else 0)
    return f"{value:03d}"
