"""The conditions of OGP's procedural-review policies, as rules over a :class:`ProcessCase`.

A condition's value is True when it holds (the member acted contrary to process on it), False
when it does not, and None when an input it needs is unknown. Its outcome quotes the policy's
words and names, under ``decided_by``, the input that decided it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from dateutil.relativedelta import relativedelta

from opengov.model import Completion, Conformity, Finding, Phase, PublicInfluence
from opengov.rules.base import Evaluation, Outcome, Rule
from opengov.rules.process.case import (
    PROGRESS,
    ProcessCase,
    assessed_influence,
    commitment_completion,
    repository_finding,
)

__all__ = [
    "influence_below",
    "late_plan",
    "minimum_requirements_not_met",
    "no_engagement_in_development",
    "no_progress",
    "no_repository",
    "not_stated",
]

Check = Callable[[ProcessCase], tuple[bool | None, str, dict[str, Any]]]


def _rule(name: str, words: str, source: str, check: Check) -> Rule[ProcessCase]:
    def function(case: ProcessCase, evaluation: Evaluation[ProcessCase]) -> Outcome:
        value, why, inputs = check(case)
        state = {True: "holds", False: "does not hold", None: "unknown"}[value]
        return Outcome(name, value, f"“{words}”: {state} — {why}", inputs)

    return Rule(name, words, source, function)


def no_engagement_in_development(name: str, words: str, source: str) -> Rule[ProcessCase]:
    """Holds when the public influence recorded for development is "no consultation"."""

    def check(case: ProcessCase) -> tuple[bool | None, str, dict[str, Any]]:
        level, where = assessed_influence(case.plan, Phase.DEVELOPMENT)
        inputs: dict[str, Any] = {"decided_by": where, where: level.value if level else None}
        if level is None:
            return None, "no public-influence level recorded for development", inputs
        if level <= PublicInfluence.NO_CONSULTATION:
            return True, "public influence during development: no consultation", inputs
        return False, f"public influence during development: {level.label_en}", inputs

    return _rule(name, words, source, check)


def not_stated(
    name: str, words: str, source: str, attribute: str, meaning: str
) -> Rule[ProcessCase]:
    """Holds when the caller states ``attribute`` (a yes/no fact of :class:`ProcessCase`) is
    false; unknown when the caller does not state it (documents rarely do)."""

    def check(case: ProcessCase) -> tuple[bool | None, str, dict[str, Any]]:
        value: bool | None = getattr(case, attribute)
        inputs: dict[str, Any] = {"decided_by": attribute, attribute: value}
        if value is None:
            return None, f"{attribute} not stated ({meaning})", inputs
        return (not value), f"{attribute} = {'yes' if value else 'no'} ({meaning})", inputs

    return _rule(name, words, source, check)


def no_repository(name: str, words: str, source: str) -> Rule[ProcessCase]:
    """Holds when no repository was kept: as the caller states (``repository``), else as read
    from a finding on a repository requirement of the plan's participation assessments (the
    2017 basic requirement, the 2021 MR 2.2); unknown when neither says."""

    def check(case: ProcessCase) -> tuple[bool | None, str, dict[str, Any]]:
        kept, where = case.repository, "repository"
        if kept is None:
            kept, found = repository_finding(case.plan)
            where = found or "repository"
        inputs: dict[str, Any] = {"decided_by": where, where: kept}
        if kept is None:
            why = "repository not stated, and no finding on a repository requirement"
            return None, why, inputs
        return (not kept), f"{where}: {'kept' if kept else 'not kept'}", inputs

    return _rule(name, words, source, check)


def no_progress(name: str, words: str, source: str) -> Rule[ProcessCase]:
    """Holds when no commitment made progress (limited completion or more): read from the
    IRM's end-of-term completion, else its mid-term one, else the plan's own (each outcome says
    which). Unknown completions leave it unknown unless one commitment progressed."""

    def check(case: ProcessCase) -> tuple[bool | None, str, dict[str, Any]]:
        unknown: list[str] = []
        for index, commitment in enumerate(case.plan.commitments):
            completion, origin = commitment_completion(case, index)
            key = f"{commitment.id}.completion"
            if completion in PROGRESS:
                found = {"decided_by": key, key: completion.value, "from": origin}
                return False, f"{commitment.id}: {completion.label_en} ({origin})", found
            if not completion.is_known or completion is Completion.UNCLEAR:
                unknown.append(commitment.id)
        count = len(case.plan.commitments)
        if not count:
            return None, "the plan records no commitments", {"decided_by": "commitments"}
        if unknown:
            inputs: dict[str, Any] = {
                "decided_by": "commitments.completion",
                "unknown_completions": len(unknown),
            }
            why = f"no commitment known to have progressed; {len(unknown)} of {count} completions unknown"
            return None, why, inputs
        inputs = {"decided_by": "commitments.completion", "commitments": count}
        return True, f"none of the {count} commitments progressed", inputs

    return _rule(name, words, source, check)


def influence_below(
    name: str, words: str, source: str, thresholds: dict[Phase, PublicInfluence]
) -> Rule[ProcessCase]:
    """Holds when the public influence of any phase in ``thresholds`` is below its level."""

    def check(case: ProcessCase) -> tuple[bool | None, str, dict[str, Any]]:
        found = {phase: assessed_influence(case.plan, phase) for phase in thresholds}
        inputs: dict[str, Any] = {
            where: (level.value if level else None) for level, where in found.values()
        }
        for phase, minimum in thresholds.items():
            level, where = found[phase]
            if level is not None and level < minimum:
                inputs["decided_by"] = where
                why = f"{phase.value}: {level.label_en} is below {minimum.label_en}"
                return True, why, inputs
        missing = [phase for phase, (level, _) in found.items() if level is None]
        if missing:
            inputs["decided_by"] = " and ".join(found[p][1] for p in missing)
            reached = "".join(
                f"{p.value}: {lv.label_en} (at or above {thresholds[p].label_en}); "
                for p, (lv, _) in found.items()
                if lv is not None
            )
            why = reached + "no public-influence level recorded for "
            return None, why + ", ".join(p.value for p in missing), inputs
        inputs["decided_by"] = " and ".join(where for _, where in found.values())
        reached = ", ".join(
            f"{phase.value}: {level.label_en}" for phase, (level, _) in found.items() if level
        )
        return False, f"{reached} (each at or above its threshold)", inputs

    return _rule(name, words, source, check)


def late_plan(name: str, words: str, source: str, reference: str, months: int) -> Rule[ProcessCase]:
    """Holds when the plan was published more than ``months`` after the day the case's
    ``reference`` attribute states (``due``, ``previous_plan_end``); publication is read from
    the plan's "published" events. Imprecise or disagreeing dates that straddle the deadline
    leave it unknown."""

    def check(case: ProcessCase) -> tuple[bool | None, str, dict[str, Any]]:
        start: dt.date | None = getattr(case, reference)
        days = case.publication_days()
        inputs: dict[str, Any] = {
            reference: start.isoformat() if start else None,
            "events[published]": [f"{a.isoformat()}/{b.isoformat()}" for a, b in days] or None,
        }
        if start is None:
            inputs["decided_by"] = reference
            return None, f"{reference} not stated", inputs
        if not days:
            inputs["decided_by"] = "events[published]"
            return None, "the plan records no dated publication", inputs
        deadline = start + relativedelta(months=months)
        inputs["deadline"] = deadline.isoformat()
        inputs["decided_by"] = f"{reference} and events[published]"
        if all(earliest > deadline for earliest, _ in days):
            return True, f"published after {deadline.isoformat()}", inputs
        if all(latest <= deadline for _, latest in days):
            return False, f"published by {deadline.isoformat()}", inputs
        return None, f"the publication dates do not say whether before {deadline}", inputs

    return _rule(name, words, source, check)


def minimum_requirements_not_met(name: str, words: str, source: str) -> Rule[ProcessCase]:
    """Holds when an assessed 2021 minimum requirement shows no evidence of action toward
    meeting it (the IRM's test). Per-requirement findings decide (met or partly met: evidence;
    not met: none); without findings, a stated full conformity is evidence for all of a
    standard's requirements, and any other verdict leaves them unknown."""

    def check(case: ProcessCase) -> tuple[bool | None, str, dict[str, Any]]:
        assessments = case.assessments_2021()
        inputs: dict[str, Any] = {"decided_by": "participation[ogp-2021]"}
        if not assessments:
            return None, "no assessment against the 2021 minimum requirements", inputs
        unknown: list[str] = []
        for assessment in assessments:
            findings = [
                f
                for f in assessment.findings
                if f.requirement.rsplit("/", 1)[-1].startswith("mr")
                and f.finding is not Finding.NOT_APPLICABLE
            ]
            for finding in findings:
                if finding.finding is Finding.NOT_MET:
                    inputs["decided_by"] = f"{assessment.id}: {finding.requirement}"
                    inputs[finding.requirement] = finding.finding.value
                    why = f"{finding.requirement}: not met (no evidence of action toward it)"
                    return True, why, inputs
                if finding.finding is Finding.UNKNOWN:
                    unknown.append(finding.requirement)
            verdict = assessment.verdict
            if findings or verdict in (Conformity.FULL, Conformity.NOT_APPLICABLE):
                continue
            stated = verdict.label_en.lower() if verdict is not None else "no verdict"
            unknown.append(f"{assessment.standard} ({stated})")
        if unknown:
            inputs["unknown"] = unknown
            return None, "evidence of action unknown for " + ", ".join(unknown), inputs
        return (
            False,
            f"evidence of action toward every requirement of {len(assessments)} assessment(s)",
            inputs,
        )

    return _rule(name, words, source, check)
