"""The talent database (乡土人才库) with its filters, one page per talent, and everything the
site knows about one person (shown on member and talent pages alike)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..model import Village
from ..records.member import SHUANGDAI_TYPES
from ..records.talent import TALENT_TYPE_SLUGS
from ..records.training import hours_by_person
from . import PageSpec, cases, paginate, points, wishes
from .slugs import natural, value_slug

TYPE_SLUGS = dict(zip(SHUANGDAI_TYPES, ("entrepreneur", "innovator", "quality"), strict=True)) | TALENT_TYPE_SLUGS
"""Every person type on the talent page (双带 types of members, kinds of talents) and its slug."""


@dataclass(frozen=True)
class PersonCard:
    """One row of the talent database: a 双带 member or a local talent."""

    id: str
    name: str
    group: str
    type: str
    skills: tuple[str, ...]
    uri: str
    member: bool


def pages(village: Village, today: date) -> list[PageSpec]:
    people = talent_people(village)
    filters = {
        "types": _values(people, lambda p: (p.type,), order=tuple(TYPE_SLUGS)),
        "skills": _values(people, lambda p: p.skills),
        "groups": _values(people, lambda p: (p.group,)),
    }
    hours = hours_by_person(village.records["training"])
    context = {
        "filters": filters,
        "type_slugs": TYPE_SLUGS,
        "slug": value_slug,
        "target": village.settings.training_target,
        "hours": {p.id: hours.get(p.id, {}).get(today.year, 0) for p in people},
    }
    specs = paginate(
        people,
        village.path("talents/index.md"),
        "talent_list.md",
        {**context, "title": "乡土人才库", "total": len(people)},
        in_nav=True,
    )
    for name in filters["types"]:
        chosen = [p for p in people if p.type == name]
        specs += paginate(
            chosen,
            village.path(f"talents/type/{TYPE_SLUGS[name]}.md"),
            "talent_list.md",
            {**context, "title": f"人才类型：{name}", "total": len(chosen)},
        )
    for skill in filters["skills"]:
        chosen = [p for p in people if skill in p.skills]
        specs += paginate(
            chosen,
            village.path(f"talents/skill/{value_slug(skill)}.md"),
            "talent_list.md",
            {**context, "title": f"专长：{skill}", "total": len(chosen)},
        )
    for group in filters["groups"]:
        chosen = [p for p in people if p.group == group]
        specs += paginate(
            chosen,
            village.path(f"talents/group/{value_slug(group)}.md"),
            "talent_list.md",
            {**context, "title": f"村民小组：{group}", "total": len(chosen)},
        )
    everyone = about_everyone(village, today)
    specs += [
        PageSpec(village.path(f"talents/{t.id}.md"), "talent.md", {"talent": t, **everyone[t.id]})
        for t in sorted(village.records["talents"], key=lambda t: t.id)
    ]
    return specs


def talent_people(village: Village) -> list[PersonCard]:
    """双带 members and every local talent, by id (members first: M… sorts before T…)."""
    people = [
        PersonCard(m.id, m.name, m.group or "", m.shuangdai, split_skills(m.skills), f"members/{m.id}.md", True)
        for m in village.members.values()
        if m.shuangdai
    ]
    people += [
        PersonCard(t.id, t.name, t.group, t.kind, split_skills(t.skills), f"talents/{t.id}.md", False)
        for t in village.records["talents"]
    ]
    return sorted(people, key=lambda p: p.id)


def split_skills(text: str | None) -> tuple[str, ...]:
    """``果树嫁接；农机维修`` → two skills."""
    return tuple(s for s in (part.strip() for part in re.split(r"[；;、，,]", text or "")) if s)


def about_everyone(village: Village, today: date) -> dict[str, dict]:
    """Everything the site shows about each person (member or talent), by id, for their page.

    Each dataset is grouped once per village, so the cost grows with the records, not with
    people × records.
    """
    target = village.settings.training_target
    hours = hours_by_person(village.records["training"])
    former = {t.member: t for t in village.records["talents"] if t.member}
    pairs = _grouped(
        sorted(village.records["mentoring"], key=lambda p: (p.start, p.id), reverse=True), lambda p: p.people()
    )
    scores: dict[str, list] = {}
    for ranked in points.yearly_rankings(village, today).values():
        for rank, s in ranked:
            scores.setdefault(s.member, []).append((rank, s, len(ranked)))
    taken = _grouped(wishes.handled(village, today), lambda w: (w.member,))
    stories = _grouped(cases.newest(village, today), lambda s: s.people)
    return {
        pid: {
            "training": [{"year": y, "hours": h, "reached": h >= target} for y, h in hours.get(pid, {}).items()],
            "training_target": target,
            "former_talent": former.get(pid),
            "pairs": pairs.get(pid, []),
            "scores": scores.get(pid, []),
            "wishes": taken.get(pid, []),
            "stories": stories.get(pid, []),
        }
        for pid in village.people
    }


def _grouped(records, keys) -> dict[str, list]:
    """Records by each person id that `keys(record)` names, keeping their order."""
    groups: dict[str, list] = {}
    for record in records:
        for key in keys(record):
            groups.setdefault(key, []).append(record)
    return groups


def _values(people: list[PersonCard], values, order: tuple[str, ...] = ()) -> list[str]:
    """The distinct filter values in use, in the given order or sorted."""
    used = {v for p in people for v in values(p) if v}
    return [v for v in order if v in used] if order else sorted(used, key=natural)
