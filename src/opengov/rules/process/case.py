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
    Finding,
    Flag,
    InfluenceAssessment,
    IRMPlanFindings,
    Phase,
    PlanEventKind,
    PublicInfluence,
    StandardAssessment,
)
from opengov.rules.progress import current_completion

__all__ = [
    "REPOSITORY_REQUIREMENTS",
    "ProcessCase",
    "assessed_influence",
    "influence_during",
    "irm_process_statement",
    "repository_finding",
]

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
    return _level(plan.public_influence, phase)


def _level(assessments: Sequence[InfluenceAssessment], phase: Phase) -> PublicInfluence | None:
    for assessment in assessments:
        if assessment.phase is phase:
            return assessment.level
    return None


def assessed_influence(plan: ActionPlan, phase: Phase) -> tuple[PublicInfluence | None, str]:
    """The public influence of a phase "as assessed by the IRM" where an IRM report states it
    (``irm_findings``), else the plan's own (self-)assessment, with the input it came from."""
    for findings in plan.irm_findings:
        level = _level(findings.public_influence, phase)
        if level is not None:
            return level, f"irm_findings[{findings.id}].public_influence[{phase.value}]"
    return _level(plan.public_influence, phase), f"public_influence[{phase.value}]"


#: The requirements that ask for an OGP repository (2017 basic requirement, 2021 MR 2.2).
REPOSITORY_REQUIREMENTS = ("ogp-2017/information/b4", "ogp-2021/s2/mr2.2")


def repository_finding(plan: ActionPlan) -> tuple[bool | None, str | None]:
    """Whether a repository was kept, read from a finding on a repository requirement in the
    plan's participation assessments (met → yes, not met → no), with where it was read."""
    for assessment in plan.participation:
        for finding in assessment.findings:
            if finding.requirement not in REPOSITORY_REQUIREMENTS:
                continue
            where = f"participation[{assessment.id}]: {finding.requirement}"
            if finding.finding is Finding.MET:
                return True, where
            if finding.finding is Finding.NOT_MET:
                return False, where
    return None, None


def irm_process_statement(plan: ActionPlan) -> tuple[bool | None, IRMPlanFindings | None]:
    """Whether an IRM report states the member acted contrary to process (its "acted contrary
    to OGP process", or the negation of its "acted according to OGP process"), and which."""
    for findings in plan.irm_findings:
        if findings.acted_contrary_to_process in (Flag.YES, Flag.NO):
            return findings.acted_contrary_to_process is Flag.YES, findings
        if findings.acted_according_to_process in (Flag.YES, Flag.NO):
            return findings.acted_according_to_process is Flag.NO, findings
    return None, None


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
