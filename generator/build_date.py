"""The day a build is for: pinned in the config, or from SOURCE_DATE_EPOCH, or today in China."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta, timezone

CHINA = timezone(timedelta(hours=8))


def build_date(pinned: str | None = None, environ: dict | None = None) -> date:
    """The build date. Statuses such as 逾期 are computed against it."""
    environ = os.environ if environ is None else environ
    if pinned:
        return date.fromisoformat(str(pinned))
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), CHINA).date()
    return datetime.now(CHINA).date()
