"""Village projects: the listing with progress bars, and one page per project with its spending."""

from __future__ import annotations

from datetime import date

from ..model import Village
from ..records.ledger import totals
from ..records.project import spending
from . import PageSpec, paginate


def pages(village: Village, today: date) -> list[PageSpec]:
    shown = list(reversed(village.public("projects", today)))
    spent = {p.id: totals(spending(p, village, today))[1] for p in shown}
    specs = paginate(shown, village.path("projects/index.md"), "project_list.md", {"spent": spent}, in_nav=True)
    decisions = village.by_id("decisions")
    for project in shown:
        decision = decisions.get(project.decision)
        specs.append(
            PageSpec(
                village.path(f"projects/{project.id}.md"),
                "project.md",
                {
                    "project": project,
                    "spent": spent[project.id],
                    "rows": spending(project, village, today),
                    "progress": [m for m in project.progress if m.date <= today],
                    "decision": decision if decision and decision.is_public(today) else None,
                },
            )
        )
    return specs
