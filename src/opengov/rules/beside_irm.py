"""The government's self-assessment beside the IRM's findings on the same points.

A self-assessment and an IRM report speak of the same plan: whether there is a multi-stakeholder
forum, the public influence reached, and the process. :func:`beside_irm` sets what each says side
by side, each with where it was read, and says whether they agree where they answer the same
question. Nothing is filled in: a point one side does not state is ``None``.
"""

from __future__ import annotations

from attrs import frozen

from opengov.model import ActionPlan, Finding, Flag, IRMPlanFindings, Phase
from opengov.rules.process.case import influence_during

__all__ = ["FORUM_REQUIREMENTS", "SideBySide", "beside_irm"]

#: The requirements that ask for a multi-stakeholder forum (2017 co-ownership basic
#: requirement; 2021 MR 1.1, the space for ongoing dialogue).
FORUM_REQUIREMENTS = ("ogp-2017/co-ownership/b1", "ogp-2021/s1/mr1.1")

_FORUM_ANSWER = {Finding.MET: "yes", Finding.PARTLY_MET: "partly", Finding.NOT_MET: "no"}


@frozen
class SideBySide:
    """One point as the government and the IRM state it, with where each was read.

    ``government`` and ``irm`` are codes: ``yes`` / ``no`` / ``partly`` for a forum or the
    process, a :class:`~opengov.model.PublicInfluence` or :class:`~opengov.model.Conformity`
    code otherwise; ``government_answers`` and ``irm_answers`` name the question each code
    answers (``multistakeholder_forum``, ``public_influence[development]``,
    ``overall_conformity``, ``acted_contrary_to_process``, ``acted_according_to_process``).
    ``agrees`` is None when either side is silent or the two answer different questions.
    """

    topic: str
    government: str | None
    government_answers: str
    government_source: str | None
    irm: str | None
    irm_answers: str
    irm_source: str | None
    agrees: bool | None
    note: str | None = None


def _government_forum(plan: ActionPlan) -> tuple[str | None, str | None]:
    for assessment in plan.participation:
        for finding in assessment.findings:
            answer = _FORUM_ANSWER.get(finding.finding)
            if finding.requirement in FORUM_REQUIREMENTS and answer is not None:
                return answer, f"participation[{assessment.id}]: {finding.requirement}"
    return None, None


def _flag(flag: Flag) -> str | None:
    return flag.value if flag in (Flag.YES, Flag.NO) else None


def _agree(left: str | None, right: str | None) -> bool | None:
    return None if left is None or right is None else left == right


def _rows(plan: ActionPlan, findings: IRMPlanFindings) -> list[SideBySide]:
    where = findings.source or findings.report or findings.id
    forum, forum_source = _government_forum(plan)
    irm_forum = _flag(findings.multistakeholder_forum)
    topic = "multistakeholder_forum"
    rows = [
        SideBySide(
            topic,
            forum,
            topic,
            forum_source,
            irm_forum,
            topic,
            where if irm_forum else None,
            _agree(forum, irm_forum),
        )
    ]
    irm_phases = {a.phase for a in findings.public_influence}
    for phase in (Phase.DEVELOPMENT, Phase.IMPLEMENTATION):
        own = influence_during(plan, phase)
        irm = next((a.level for a in findings.public_influence if a.phase is phase), None)
        if own is None and phase not in irm_phases:
            continue
        topic = f"public_influence[{phase.value}]"
        rows.append(
            SideBySide(
                topic,
                own.value if own else None,
                topic,
                topic if own else None,
                irm.value if irm else None,
                topic,
                where if irm else None,
                _agree(own.value if own else None, irm.value if irm else None),
            )
        )
    contrary = _flag(findings.acted_contrary_to_process)
    according = _flag(findings.acted_according_to_process)
    irm_answers = (
        "acted_contrary_to_process" if contrary or not according else "acted_according_to_process"
    )
    irm_process = contrary or according
    overall = plan.overall_conformity
    rows.append(
        SideBySide(
            "process",
            overall.value if overall else None,
            "overall_conformity",
            "overall_conformity" if overall else None,
            irm_process,
            irm_answers,
            where if irm_process else None,
            None,
            "different questions: conformity with the participation standards (self-assessed) "
            "and acting contrary to, or according to, the OGP process (the IRM)",
        )
    )
    return rows


def beside_irm(plan: ActionPlan) -> list[SideBySide]:
    """For each IRM report's findings on the plan: the forum, the public influence of each phase
    and the process, as the government states them and as the IRM does."""
    return [row for findings in plan.irm_findings for row in _rows(plan, findings)]
