"""A synthetic corpus shaped like real plans: N plans × 20 commitments × 5 milestones.

Text sizes follow the bundled France plan (titles ~80 characters, goals ~400, results ~1,500).
Deterministic: the same size gives the same corpus.
"""

from __future__ import annotations

import random

from opengov.model import (
    ActionPlan,
    Commitment,
    Completion,
    Contact,
    Milestone,
    MilestoneStatus,
    Organisation,
    Resource,
)

WORDS = [
    "transparence",
    "données",
    "ouverture",
    "publique",
    "citoyens",
    "administration",
    "participation",
    "engagement",
    "open",
    "data",
    "government",
    "accountability",
    "budget",
    "procurement",
    "register",
    "access",
    "information",
    "civic",
    "portal",
    "publication",
    "consultation",
    "forum",
    "réforme",
    "évaluation",
    "indicateurs",
    "services",
    "usagers",
]


def _text(rng: random.Random, characters: int) -> str:
    words: list[str] = []
    length = 0
    while length < characters:
        word = rng.choice(WORDS)
        words.append(word)
        length += len(word) + 1
    return " ".join(words).capitalize() + "."


def make_plan(index: int, commitments: int = 20, milestones: int = 5) -> ActionPlan:
    """One synthetic plan."""
    rng = random.Random(index)
    plan_id = f"xx{index:04d}-2024-2026"
    orgs = [Organisation(id=f"{plan_id}/org/{i}", name=_text(rng, 60)) for i in range(1, 4)]
    statuses = list(MilestoneStatus)
    levels = [
        Completion.NOT_STARTED,
        Completion.LIMITED,
        Completion.SUBSTANTIAL,
        Completion.COMPLETE,
        Completion.UNKNOWN,
    ]
    return ActionPlan(
        id=plan_id,
        country="XX",
        title=_text(rng, 60),
        period="2024-2026",
        number=rng.randint(1, 6),
        language="fr",
        ambitions=[_text(rng, 80) for _ in range(5)],
        organisations=orgs,
        commitments=[
            Commitment(
                id=f"{plan_id}/c{c:02d}",
                number=c,
                title=_text(rng, 80),
                goal=_text(rng, 400),
                objectives=[_text(rng, 120) for _ in range(3)],
                lead_organisations=[rng.choice(orgs).id],
                other_actors=[_text(rng, 40) for _ in range(2)],
                completion=rng.choice(levels),
                results=_text(rng, 1500),
                schedule=_text(rng, 200),
                next_steps=_text(rng, 300),
                resources=[
                    Resource(label=_text(rng, 50), url=f"https://example.org/{plan_id}/{c}")
                ],
                contacts=[
                    Contact(
                        id=f"{plan_id}/c{c:02d}/contact1",
                        name="Jeanne Martin",
                        email="jeanne.martin@example.org",
                    )
                ],
                milestones=[
                    Milestone(
                        id=f"{plan_id}/c{c:02d}/m{m}",
                        title=_text(rng, 100),
                        status=rng.choice(statuses),
                        due=f"{rng.choice([2024, 2025, 2026])}-Q{rng.randint(1, 4)}",
                        evidence=_text(rng, 300),
                    )
                    for m in range(1, milestones + 1)
                ],
            )
            for c in range(1, commitments + 1)
        ],
    )


def make_corpus(plans: int) -> list[ActionPlan]:
    """``plans`` synthetic plans."""
    return [make_plan(i) for i in range(plans)]
