"""The day a build is for: pinned in the config, or from SOURCE_DATE_EPOCH, or today in China."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date, datetime, timedelta, timezone

CHINA = timezone(timedelta(hours=8))


class BuildDateError(ValueError):
    """A pinned build date that is not YYYY-MM-DD; its message is for the clerk."""


def build_date(pinned: str | None = None, environ: Mapping[str, str] | None = None) -> date:
    """The build date. Statuses such as 逾期 are computed against it."""
    if environ is None:
        environ = os.environ
    if pinned:
        try:
            return date.fromisoformat(str(pinned))
        except ValueError:
            raise BuildDateError(f"日期“{pinned}”无法识别，应写成 2026-06-30 这样的格式。") from None
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), CHINA).date()
    return datetime.now(CHINA).date()
