"""Chinese search: the words the index must keep whole, and the fix to Material's query segmenter.

jieba would split 邱明远 into 邱 / 明远, and a villager typing the full name would find nothing.
The plugin adds these words to jieba's dictionary before Material's search plugin segments pages.
In the browser, Material's search worker cuts the typed query into words of the index; the
plugin ships that worker with `fix_query_segmenter` applied.
"""

from __future__ import annotations

import re

from .model import Site


def vocabulary(site: Site) -> list[str]:
    """Names of villages, places, members and talents, sorted (masked names such as 张*明 are left out)."""
    words = set()
    for village in site.villages:
        profile = village.profile
        words |= {profile.name, profile.township, profile.county}
        people = (
            *profile.party_committee,
            *profile.villager_committee,
            *profile.supervision_committee,
            *village.people.values(),
        )
        words |= {person.name for person in people}
    return sorted(w for w in words if w and "*" not in w and len(w) >= 2)


QUERY_SEGMENTER = re.compile(
    r"(for\(let (\w+)=(\w+)\+1;\2<)(\w+)(\.length;\2\+\+\)\4\.slice\(\3,\2\)in .{0,300}?"
    r"\w+\[(\w+)\]&&\6<\4\.length)-1&&"
)
"""The two loop bounds of Material's query segmenter (`segment()` in its search worker, minified):
`for (let j = i + 1; j < query.length; j++)` and `if (wordcuts[q] && q < query.length - 1)`."""


def fix_query_segmenter(script: str) -> str | None:
    """Material's search worker with its Chinese query segmenter made to reach the query's last
    character, or None when the script does not hold the segmenter as expected.

    Material cuts a Chinese query into words of its index, but never tries a word that ends at
    the query's last character: 一技之长 becomes 一*, which finds every page with a word starting
    with 一, and the page that says 一技之长 is lost among them. With both bounds one further,
    the typed word itself is tried and a last single character is kept."""
    fixed, count = QUERY_SEGMENTER.subn(lambda m: f"{m[1]}={m[4]}{m[5]}&&", script)
    return fixed if count == 1 else None
