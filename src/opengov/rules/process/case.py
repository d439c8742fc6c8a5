"""What the procedural-review rules read: a plan, and the facts documents rarely state.

Each reader returns the value it found and the name of the input it came from, so a condition's
:class:`~opengov.rules.base.Outcome` can say which input decided it. A value no input states is
``None``: the rules then answer "unknown", never a guess.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from attrs import field, frozen

from opengov.model import (
    ActionPlan,
    Completion,
    DateSpan,
    Phase,
    PlanEventKind,
    PublicInfluence,
    StandardAssessment,
)
from opengov.rules.progress import current_completion

__all__ = ["ProcessCase", "influence_during"]

#: Completions that are progress on a commitment (the IRM's "limited" and above).
PROGRESS = frozenset({Completion.LIMITED, Completion.SUBSTANTIAL, Completion.COMPLETE})


def _tuple_or_none(
    value: Sequence[StandardAssessment] | None,
) -> tuple[StandardAssessment, ...] | None:
    return None if value is None else tuple(value)


@frozen(kw_only=True)
class ProcessCase:
    """A plan and what the caller states about its process (the subject of the
    procedural-review rule sets).

    ``engaged_with_irm``: did the government engage with the IRM researchers (pre-2017).
    ``due``: the day the plan was due (2017 policy; OGP's calendar, not in plans).
    ``repository``: was a repository kept on the national OGP website in line with IRM guidance
    (2017 policy). ``previous_plan_end``: the day the member's previous plan ended (2022 policy).
    ``minimum_requirements``: the assessments against the 2021 minimum requirements (default:
    the plan's participation assessments of ``ogp-2021`` standards).
    """

    plan: ActionPlan
    engaged_with_irm: bool | None = None
    due: dt.date | None = None
    repository: bool | None = None
    previous_plan_end: dt.date | None = None
    minimum_requirements: tuple[StandardAssessment, ...] | None = field(
        default=None, converter=_tuple_or_none
    )

    def assessments_2021(self) -> tuple[StandardAssessment, ...]:
        """The assessments against the 2021 minimum requirements this case holds."""
        if self.minimum_requirements is not None:
            return self.minimum_requirements
        return tuple(a for a in self.plan.participation if a.standard.startswith("ogp-2021"))

    def publication_days(self) -> list[tuple[dt.date, dt.date]]:
        """For each "published" event of the plan with a date: the earliest and latest day it
        may have happened on (sources may disagree, so there can be several)."""
        days: list[tuple[dt.date, dt.date]] = []
        for event in self.plan.events:
            bounds = span_days(event.date) if event.kind is PlanEventKind.PUBLISHED else None
            if bounds is not None:
                days.append(bounds)
        return days


def span_days(span: DateSpan | None) -> tuple[dt.date, dt.date] | None:
    """The earliest and latest day a date may stand for (``None`` when either is open)."""
    if span is None or span.earliest is None or span.latest is None:
        return None
    return span.earliest, span.latest


def influence_during(plan: ActionPlan, phase: Phase = Phase.DEVELOPMENT) -> PublicInfluence | None:
    """The public-influence level assessed for a phase, if the plan records one."""
    for assessment in plan.public_influence:
        if assessment.phase is phase:
            return assessment.level
    return None


def commitment_completion(case: ProcessCase, index: int) -> tuple[Completion, str]:
    """A commitment's completion and where it comes from: the IRM's end-of-term completion,
    else its mid-term one, else the completion the plan states (``"plan"``)."""
    commitment = case.plan.commitments[index]
    if commitment.irm is not None:
        if _known(commitment.irm.completion_end_of_term):
            return commitment.irm.completion_end_of_term, "IRM end of term"
        if _known(commitment.irm.completion_midterm):
            return commitment.irm.completion_midterm, "IRM mid-term"
    return current_completion(commitment)[0], "plan"


def _known(completion: Completion) -> bool:
    # "Unclear" is the IRM saying it cannot tell: as unknown as no value.
    return completion.is_known and completion is not Completion.UNCLEAR
