"""The one status type: where a record stands on a day, as the site prints it and as a slug.

A record type with a status declares its statuses as a `Status` enum, e.g.
``class PledgeStatus(Status): DONE = ("已完成", "done")``; templates print a status as its text
(``status.text``, or the status itself) and use ``status.slug`` in CSS classes and listing-page
addresses.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True)
class _TextAndSlug:
    text: str
    slug: str


class Status(_TextAndSlug, Enum):
    """A status's Chinese text and its slug (letters and hyphens); printed, it is its text."""

    def __str__(self) -> str:
        return self.text
