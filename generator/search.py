"""Words the search index must keep whole: names of people and places from the data.

jieba would split 邱明远 into 邱 / 明远, and a villager typing the full name would find nothing.
The plugin adds these words to jieba's dictionary before Material's search plugin segments pages.
"""

from __future__ import annotations

from .model import Site


def vocabulary(site: Site) -> list[str]:
    """Names of villages, places, members and talents, sorted (masked names such as 张*明 are left out)."""
    words = set()
    for village in site.villages:
        profile = village.profile
        words |= {profile.name, profile.township, profile.county}
        people = (*profile.party_committee, *profile.villager_committee, *profile.supervision_committee,
                  *village.people.values())
        words |= {person.name for person in people}
    return sorted(w for w in words if w and "*" not in w and len(w) >= 2)
