"""The one status type: where a record stands on a day, as the site prints it and as a slug.

A record type with a status declares its statuses as an enum of `Status` values, e.g.
``class PledgeStatus(Status, Enum): DONE = ("已完成", "done")``; templates print ``status.text`` and
use ``status.slug`` in CSS classes and listing-page addresses.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Status:
    """A status's Chinese text and its slug (letters and hyphens)."""

    text: str
    slug: str
