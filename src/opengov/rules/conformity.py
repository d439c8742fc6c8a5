"""Conformity of a self-assessment with a participation standard, derived from findings.

The verdicts *totale / partielle / limitée / non applicable* are France's self-assessment scale
(no OGP source defines them); OGP's standards only tell basic (or minimum) requirements from
advanced steps. The default rule applies that scale to the binding requirements — a documented
choice, not an OGP formula: every applicable basic (or minimum) requirement met → full; some met
or partly met → partial; none met → limited; nothing applicable → not applicable. A finding that
is unknown leaves the verdict undetermined, unless the known findings already decide it.
Replace the rule with your own :class:`ConformityRule`.

Requirements are filtered by the assessment's phase: a requirement "throughout the cycle" holds
in every phase, a phase's own requirements only in that phase; an assessment of the whole cycle
is judged on the whole-cycle requirements.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from attrs import frozen

from opengov.model import (
    Conformity,
    Finding,
    Phase,
    Requirement,
    RequirementFinding,
    RequirementLevel,
    StandardAssessment,
    StandardSet,
)
from opengov.rules.base import Outcome

__all__ = [
    "DEFAULT_CONFORMITY_RULE",
    "ConformityRule",
    "applies_in",
    "derive_conformity",
    "differing_requirements",
    "standard_set_for",
]

_BINDING = frozenset({RequirementLevel.BASIC, RequirementLevel.MINIMUM})
_SOME = frozenset({Finding.MET, Finding.PARTLY_MET})


@frozen
class ConformityRule:
    """How findings become a verdict. ``decide`` gets the binding findings (basic or minimum
    requirements that apply in the assessment's phase) and returns the verdict, or None when
    the findings do not decide it."""

    name: str
    description: str
    decide: Callable[[Sequence[RequirementFinding]], Conformity | None]


def _default_decide(findings: Sequence[RequirementFinding]) -> Conformity | None:
    applicable = [f for f in findings if f.finding is not Finding.NOT_APPLICABLE]
    if not applicable:
        return Conformity.NOT_APPLICABLE
    met = [f for f in applicable if f.finding is Finding.MET]
    some = [f for f in applicable if f.finding in _SOME]
    unknown = [f for f in applicable if f.finding is Finding.UNKNOWN]
    if unknown:
        # Unknowns can still be settled: if something is already not met (and something is met),
        # the verdict is partial whatever the unknowns turn out to be.
        failed = [f for f in applicable if f.finding in (Finding.NOT_MET, Finding.PARTLY_MET)]
        return Conformity.PARTIAL if failed and some else None
    if len(met) == len(applicable):
        return Conformity.FULL
    return Conformity.PARTIAL if some else Conformity.LIMITED


DEFAULT_CONFORMITY_RULE = ConformityRule(
    "basic-requirements",
    "France's scale on the binding requirements of the phase: all met → full; some met or "
    "partly met → partial; none → limited; none applicable → not applicable",
    _default_decide,
)


#: What the conformity rules take as standards: one set, several (the one named by an
#: assessment's standard is used), or none (every finding then counts as binding).
Standards = StandardSet | Iterable[StandardSet] | None


def standard_set_for(assessment: StandardAssessment, standards: Standards) -> StandardSet | None:
    """The set an assessment is judged against: ``standards`` itself when it is one set, else
    the set named by the assessment's standard (``ogp-2017/dialogue`` → ``ogp-2017``), if given.
    The shipped sets are ``opengov.standards.load_all()``."""
    if standards is None or isinstance(standards, StandardSet):
        return standards
    name = assessment.standard.split("/", 1)[0]
    return next((s for s in standards if s.id == name), None)


def applies_in(requirement: Requirement, phase: Phase) -> bool:
    """Whether a requirement is judged in an assessment of ``phase``: whole-cycle requirements
    in every phase, a phase's own requirements only in it."""
    return requirement.phase is Phase.WHOLE_CYCLE or requirement.phase is phase


def _requirement(finding: RequirementFinding, standards: StandardSet | None) -> Requirement | None:
    if standards is None:
        return None
    try:
        return standards.requirement(finding.requirement)
    except KeyError:
        return None


@frozen
class _Sorted:
    binding: list[RequirementFinding]
    advanced: list[str]
    outside_phase: list[str]
    not_in_set: list[str]


def _sort(assessment: StandardAssessment, standards: StandardSet | None) -> _Sorted:
    binding: list[RequirementFinding] = []
    advanced: list[str] = []
    outside: list[str] = []
    not_in_set: list[str] = []
    for finding in assessment.findings:
        requirement = _requirement(finding, standards)
        if requirement is None:
            # Not in the set (or no set): counted as binding, and said so.
            if standards is not None:
                not_in_set.append(finding.requirement)
            binding.append(finding)
        elif not applies_in(requirement, assessment.phase):
            outside.append(finding.requirement)
        elif requirement.level in _BINDING:
            binding.append(finding)
        else:
            advanced.append(finding.requirement)
    return _Sorted(binding, advanced, outside, not_in_set)


def _phase_gap(assessment: StandardAssessment, standards: StandardSet | None) -> str | None:
    """Why a phase's verdict may rest on whole-cycle requirements only."""
    if standards is None or assessment.phase is Phase.WHOLE_CYCLE:
        return None
    try:
        standard = standards.standard(assessment.standard)
    except KeyError:
        return None
    own = [r for r in standard.requirements if r.phase is assessment.phase and r.level in _BINDING]
    if own:
        return None
    return (
        f"{standards.id} holds no {assessment.phase.value} requirements for "
        f"{assessment.standard}, so only its whole-cycle requirements are judged"
    )


def derive_conformity(
    assessment: StandardAssessment,
    standards: Standards = None,
    rule: ConformityRule = DEFAULT_CONFORMITY_RULE,
) -> Outcome:
    """Derive a verdict from an assessment's requirement findings.

    ``standards`` (a set, or several such as ``opengov.standards.load_all()``; see
    :func:`standard_set_for`) tells each requirement's level and phase: only basic / minimum
    requirements that apply in the assessment's phase are binding (advanced steps and
    requirements of other phases are reported but do not decide). Without a set, every finding
    counts. The outcome's ``inputs`` hold each finding, the rule, the requirements that
    decided (``decided_by``) and those set aside; its explanation names them.
    """
    found = standard_set_for(assessment, standards)
    inputs: dict[str, Any] = {f.requirement: f.finding.value for f in assessment.findings}
    inputs["rule"] = rule.name
    if not assessment.findings:
        inputs["decided_by"] = []
        return Outcome(
            "conformity", None, "no requirement findings to derive a verdict from", inputs
        )
    sorted_ = _sort(assessment, found)
    verdict = rule.decide(sorted_.binding)
    decided = _deciding(sorted_.binding, verdict)
    inputs["decided_by"] = decided
    notes: list[str] = []
    if sorted_.advanced:
        inputs["advanced"] = sorted_.advanced
        notes.append("advanced steps, not deciding: " + ", ".join(sorted_.advanced))
    if sorted_.outside_phase:
        inputs["outside_phase"] = sorted_.outside_phase
        notes.append(
            f"not requirements of the {assessment.phase.value} phase: "
            + ", ".join(sorted_.outside_phase)
        )
    if sorted_.not_in_set:
        inputs["not_in_set"] = sorted_.not_in_set
        notes.append(
            "not in the standard set, counted as binding: " + ", ".join(sorted_.not_in_set)
        )
    gap = _phase_gap(assessment, found)
    if gap is not None:
        inputs["phase_gap"] = gap
        notes.append(gap)
    described = _grouped(sorted_.binding) or "no binding requirement found"
    head = "undetermined" if verdict is None else verdict.label_en
    why = f"{head} by {rule.name} ({described})"
    if notes:
        why += "; " + "; ".join(notes)
    return Outcome("conformity", verdict, why, inputs)


def _grouped(findings: Iterable[RequirementFinding]) -> str:
    groups: dict[Finding, list[str]] = {}
    for finding in findings:
        groups.setdefault(finding.finding, []).append(finding.requirement)
    return "; ".join(f"{kind.label_en.lower()}: {', '.join(ids)}" for kind, ids in groups.items())


def _deciding(findings: Sequence[RequirementFinding], verdict: Conformity | None) -> list[str]:
    """The requirements that decide a verdict: those keeping it from full (for partial and
    limited), the met ones (for full), the unknown ones (when undetermined)."""
    kinds: frozenset[Finding]
    if verdict is None:
        kinds = frozenset({Finding.UNKNOWN})
    elif verdict is Conformity.FULL:
        kinds = frozenset({Finding.MET})
    elif verdict is Conformity.NOT_APPLICABLE:
        kinds = frozenset({Finding.NOT_APPLICABLE})
    else:
        kinds = frozenset({Finding.NOT_MET, Finding.PARTLY_MET, Finding.UNKNOWN})
        if verdict is Conformity.PARTIAL:
            kinds |= {Finding.MET}
    return [f.requirement for f in findings if f.finding in kinds]


def differing_requirements(
    assessment: StandardAssessment,
    derived: Conformity,
    standards: Standards = None,
) -> list[str]:
    """The binding requirements whose findings make a derived verdict differ from the stated
    one: for a stated full, those not met; for a stated limited, those met or partly met; for a
    stated partial, all of them (all met, or none); for a stated not applicable, the applicable
    ones. Empty when the verdicts agree (the stated verdict or its alternative)."""
    stated = assessment.stated_verdicts
    if not stated or derived in stated:
        return []
    binding = _sort(assessment, standard_set_for(assessment, standards)).binding
    kinds: frozenset[Finding]
    match stated[0]:
        case Conformity.FULL:
            kinds = frozenset({Finding.NOT_MET, Finding.PARTLY_MET, Finding.UNKNOWN})
        case Conformity.LIMITED:
            kinds = _SOME
        case _:  # partial or not applicable: every applicable finding
            kinds = frozenset(Finding) - {Finding.NOT_APPLICABLE}
    return [f.requirement for f in binding if f.finding in kinds]
