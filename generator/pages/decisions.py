"""四议两公开: the listing, one page per decision (its six steps as a timeline), and a print view."""

from __future__ import annotations

from datetime import date

from ..model import Village
from . import PageSpec, paginate
from .printing import print_view


def pages(village: Village, today: date) -> list[PageSpec]:
    shown = list(reversed(village.public("decisions", today)))
    projects: dict = {}
    for project in village.public("projects", today):
        if project.decision:
            projects.setdefault(project.decision, []).append(project)
    specs = paginate(shown, village.path("decisions/index.md"), "decision_list.md", {}, in_nav=True)
    for decision in shown:
        uri = village.path(f"decisions/{decision.id}.md")
        context = {"decision": decision, "stages": decision.stages(today), "projects": projects.get(decision.id, [])}
        specs.append(PageSpec(uri, "decision.md", context))
        specs += print_view(village, uri, "_decision_body.md", context)
    return specs
