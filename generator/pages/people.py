"""The talent database (乡土人才库) with its filters, one page per talent, and everything the
site knows about one person (shown on member and talent pages alike)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..model import Village
from ..records.member import SHUANGDAI_TYPES
from ..records.talent import KINDS
from ..records.training import hours_by_year
from . import PageSpec, cases, mentoring, paginate, points, wishes
from .slugs import natural, value_slug

TYPE_SLUGS = {"创业致富": "entrepreneur", "创新转型": "innovator", "创优提质": "quality"} | KINDS
"""Every person type on the talent page (双带 types of members, kinds of talents) and its slug."""


@dataclass(frozen=True)
class Person:
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
    filters = {"types": _values(people, lambda p: (p.type,), order=tuple(TYPE_SLUGS)),
               "skills": _values(people, lambda p: p.skills), "groups": _values(people, lambda p: (p.group,))}
    context = {"filters": filters, "type_slugs": TYPE_SLUGS, "slug": value_slug, "target": village.settings.training_target,
               "hours": {p.id: hours_by_year(village.records["training"], p.id).get(today.year, 0) for p in people}}
    specs = paginate(people, village.path("talents/index.md"), "talent_list.md",
                     {**context, "title": "乡土人才库", "total": len(people)}, in_nav=True)
    for name in filters["types"]:
        chosen = [p for p in people if p.type == name]
        specs += paginate(chosen, village.path(f"talents/type/{TYPE_SLUGS[name]}.md"), "talent_list.md",
                          {**context, "title": f"人才类型：{name}", "total": len(chosen)})
    for skill in filters["skills"]:
        chosen = [p for p in people if skill in p.skills]
        specs += paginate(chosen, village.path(f"talents/skill/{value_slug(skill)}.md"), "talent_list.md",
                          {**context, "title": f"专长：{skill}", "total": len(chosen)})
    for group in filters["groups"]:
        chosen = [p for p in people if p.group == group]
        specs += paginate(chosen, village.path(f"talents/group/{value_slug(group)}.md"), "talent_list.md",
                          {**context, "title": f"村民小组：{group}", "total": len(chosen)})
    specs += [PageSpec(village.path(f"talents/{t.id}.md"), "talent.md", {"talent": t, **about(village, t.id, today)})
              for t in sorted(village.records["talents"], key=lambda t: t.id)]
    return specs


def talent_people(village: Village) -> list[Person]:
    """双带 members and every local talent, by id (members first: M… sorts before T…)."""
    people = [Person(m.id, m.name, m.group or "", m.shuangdai, split_skills(m.skills), f"members/{m.id}.md", True)
              for m in village.members.values() if m.shuangdai]
    people += [Person(t.id, t.name, t.group, t.kind, split_skills(t.skills), f"talents/{t.id}.md", False)
               for t in village.records["talents"]]
    return sorted(people, key=lambda p: p.id)


def split_skills(text: str | None) -> tuple[str, ...]:
    """``果树嫁接；农机维修`` → two skills."""
    return tuple(s for s in (part.strip() for part in re.split(r"[；;、，,]", text or "")) if s)


def about(village: Village, person_id: str, today: date) -> dict:
    """Everything the site shows about one person, for the person's page."""
    target = village.settings.training_target
    training = [{"year": year, "hours": hours, "reached": hours >= target}
                for year, hours in hours_by_year(village.records["training"], person_id).items()]
    talent = next((t for t in village.records["talents"] if t.member == person_id), None)
    return {"training": training, "training_target": target, "former_talent": talent,
            "pairs": mentoring.pairs_of(village, person_id), "scores": points.scores_of(village, person_id, today),
            "wishes": wishes.wishes_of(village, person_id, today), "stories": cases.stories_of(village, person_id, today)}


def _values(people: list[Person], values, order: tuple[str, ...] = ()) -> list[str]:
    """The distinct filter values in use, in the given order or sorted."""
    used = {v for p in people for v in values(p) if v}
    return [v for v in order if v in used] if order else sorted(used, key=natural)
