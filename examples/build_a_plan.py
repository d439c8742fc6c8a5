"""Build a small action plan by hand, validate it, score it and save it as JSON.

Run: python examples/build_a_plan.py [OUTPUT_FOLDER]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import opengov
from opengov.model import (
    ActionPlan,
    Commitment,
    IRMAssessment,
    Milestone,
    Organisation,
    ValueRelevance,
)
from opengov.rules import STAR_2015, score
from opengov.rules.irm import star_midterm


def build() -> ActionPlan:
    """A two-commitment plan with milestones and an IRM assessment."""
    plan = ActionPlan(
        id="xx-2024-2026",
        country="XX",
        member="Example Republic",
        title="Third national action plan",
        period="2024-2026",
        number=3,
    )
    plan.organisations.append(Organisation(id="xx-2024-2026/org/moj", name="Ministry of Justice"))
    plan.commitments.append(
        Commitment(
            id="xx-2024-2026/c01",
            number=1,
            title="Publish court decisions as open data",
            lead_organisations=["xx-2024-2026/org/moj"],
            completion="substantial",
            milestones=[
                Milestone(
                    id="xx-2024-2026/c01/m1",
                    title="Anonymisation rules",
                    due="Q1 2025",
                    status="done",
                ),
                Milestone(
                    id="xx-2024-2026/c01/m2",
                    title="Open the portal",
                    due="end of 2025",
                    status="en cours",
                ),
            ],
            irm=IRMAssessment(
                specificity="high",
                values=ValueRelevance(access_to_information="yes"),
                potential_impact="transformative",
                completion_midterm="substantial",
                progress_report_year=2025,
            ),
        )
    )
    plan.commitments.append(
        Commitment(
            id="xx-2024-2026/c02",
            number=2,
            title="Register of lobbyists",
            lead_organisations=["xx-2024-2026/org/moj"],
        )
    )
    return plan


def main(folder: Path) -> None:
    plan = build()
    issues = opengov.validate(plan)
    print(f"{len(issues)} validation issues")
    irm = plan.commitments[0].irm
    assert irm is not None
    print(star_midterm(irm, STAR_2015))
    card = score(plan)
    print(card.figures["completion_rate"].explanation)
    target = folder / "example-plan.json"
    opengov.dump(plan, target)
    assert opengov.load(target) == plan
    print(f"wrote {target}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp()))
