"""Site-wide settings from the `cunwu` plugin's options in mkdocs.yml, checked like data.

masking: how much of a personal value a 名单公示 may keep, as ``first+last`` characters.
deadlines: how often each kind of disclosure is due (村民委员会组织法 第三十条), and how many days
after a period ends it may still be published.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .problems import Problem

CONFIG_FILE = "mkdocs.yml"

MASKING_LIMITS = {"name": (1, 1), "id_number": (6, 4), "phone": (3, 4), "bank_account": (6, 4)}
"""The most each kind of value may keep (first, last); also the defaults."""
MASKING_TITLES = {"name": "姓名", "id_number": "身份证号", "phone": "手机号", "bank_account": "银行账号"}

FREQUENCIES = {"monthly": ("月", 1), "quarterly": ("季度", 3)}
DEADLINE_TITLES = {"finance": "财务公开", "affairs": "村务公开"}
DEFAULT_DEADLINES = {"finance": "monthly", "affairs": "quarterly"}
TRAINING_TARGET = 32
"""学时 a year that a member or talent should reach (seed 002: 不少于32学时)."""


@dataclass(frozen=True)
class Settings:
    """What the plugin's options say, with defaults."""

    masking: dict = field(default_factory=lambda: dict(MASKING_LIMITS))
    """(first, last) characters kept, by kind of value."""
    deadlines: dict = field(default_factory=lambda: dict(DEFAULT_DEADLINES))
    """'monthly' or 'quarterly', by kind of disclosure."""
    grace_days: int = 10
    """Days after a period ends within which it must be published."""
    site_url: str = ""
    """The site's absolute address (mkdocs.yml ``site_url``); QR codes and the Atom feed need it."""
    training_target: int = TRAINING_TARGET
    """Training hours a year counted as reaching the target."""
    directory_urls: bool = False
    """MkDocs ``use_directory_urls``: how a page's public address is spelt in the feed."""


def read_settings(
    options: dict, site_url: str | None = "", directory_urls: bool = False
) -> tuple[Settings, list[Problem]]:
    """Settings from the plugin options, or the problems in them (named as in mkdocs.yml)."""
    problems = []
    masking = dict(MASKING_LIMITS)
    for key, rule in (options.get("masking") or {}).items():
        where = f"plugins.cunwu.masking.{key}"
        if key not in MASKING_LIMITS:
            problems.append(
                Problem(
                    CONFIG_FILE,
                    field=where,
                    summary="未知的脱敏项",
                    expected="以下之一：" + "、".join(MASKING_LIMITS),
                    found=str(key),
                    hint="删除这一项，或检查拼写。",
                )
            )
            continue
        parsed = _rule(str(rule))
        most = MASKING_LIMITS[key]
        if parsed is None or parsed[0] > most[0] or parsed[1] > most[1]:
            problems.append(
                Problem(
                    CONFIG_FILE,
                    field=where,
                    summary="脱敏规则不对或保留得太多",
                    expected=f"“前几位+后几位”，最多 {most[0]}+{most[1]}",
                    found=str(rule),
                    hint=f"{MASKING_TITLES[key]}最多保留前 {most[0]} 位和后 {most[1]} 位，如 {most[0]}+{most[1]}。",
                )
            )
            continue
        masking[key] = parsed
    deadlines = dict(DEFAULT_DEADLINES)
    for key, every in (options.get("deadlines") or {}).items():
        if key not in DEADLINE_TITLES or every not in FREQUENCIES:
            problems.append(
                Problem(
                    CONFIG_FILE,
                    field=f"plugins.cunwu.deadlines.{key}",
                    summary="公开时限设置不对",
                    expected="finance 或 affairs，取值 monthly（每月）或 quarterly（每季度）",
                    found=f"{key}: {every}",
                    hint="如 finance: monthly",
                )
            )
            continue
        deadlines[key] = every
    grace = options.get("grace_days", 10)
    target = options.get("training_target", TRAINING_TARGET)
    if not isinstance(target, int) or not 1 <= target <= 500:
        problems.append(
            Problem(
                CONFIG_FILE,
                field="plugins.cunwu.training_target",
                summary="学时目标设置不对",
                expected="1 到 500 之间的整数",
                found=str(target),
                hint="如 training_target: 32",
            )
        )
        target = TRAINING_TARGET
    return Settings(masking, deadlines, int(grace), (site_url or "").strip(), target, directory_urls), problems


def _rule(text: str) -> tuple[int, int] | None:
    match = re.fullmatch(r"\s*(\d+)\s*\+\s*(\d+)\s*", text)
    return (int(match[1]), int(match[2])) if match else None
