"""Conformity of a self-assessment with a participation standard, derived from findings.

The default rule (a documented choice — OGP publishes no formula): every applicable basic
(or minimum) requirement met → full; some met or partly met → partial; none met → limited;
nothing applicable → not applicable. A finding that is unknown leaves the verdict undetermined,
unless the known findings already decide it. Replace the rule with your own
:class:`ConformityRule`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from attrs import frozen

from opengov.model import (
    Conformity,
    Finding,
    RequirementFinding,
    RequirementLevel,
    StandardAssessment,
    StandardSet,
)
from opengov.rules.base import Outcome

__all__ = ["DEFAULT_CONFORMITY_RULE", "ConformityRule", "derive_conformity"]

_BINDING = frozenset({RequirementLevel.BASIC, RequirementLevel.MINIMUM})


@frozen
class ConformityRule:
    """How findings become a verdict. ``decide`` gets the binding findings (basic or minimum
    requirements) and returns the verdict, or None when the findings do not decide it."""

    name: str
    description: str
    decide: Callable[[Sequence[RequirementFinding]], Conformity | None]


def _default_decide(findings: Sequence[RequirementFinding]) -> Conformity | None:
    applicable = [f for f in findings if f.finding is not Finding.NOT_APPLICABLE]
    if not applicable:
        return Conformity.NOT_APPLICABLE
    met = [f for f in applicable if f.finding is Finding.MET]
    some = [f for f in applicable if f.finding in (Finding.MET, Finding.PARTLY_MET)]
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
    "all basic requirements met → full; some → partial; none → limited; none applicable → not applicable",
    _default_decide,
)


def _level(finding: RequirementFinding, standards: StandardSet | None) -> RequirementLevel:
    if standards is None:
        return RequirementLevel.BASIC
    try:
        return standards.requirement(finding.requirement).level
    except KeyError:
        return RequirementLevel.BASIC


def derive_conformity(
    assessment: StandardAssessment,
    standards: StandardSet | None = None,
    rule: ConformityRule = DEFAULT_CONFORMITY_RULE,
) -> Outcome:
    """Derive a verdict from an assessment's requirement findings.

    With ``standards``, only basic / minimum requirements are binding (advanced steps are
    reported but do not decide); without it, every finding counts. The explanation names the
    requirements that decided the verdict.
    """
    binding = [f for f in assessment.findings if _level(f, standards) in _BINDING]
    inputs = {f.requirement: f.finding.value for f in assessment.findings}
    if not assessment.findings:
        return Outcome(
            "conformity", None, "no requirement findings to derive a verdict from", inputs
        )
    verdict = rule.decide(binding)
    groups: dict[Finding, list[str]] = {}
    for finding in binding:
        groups.setdefault(finding.finding, []).append(finding.requirement)
    described = "; ".join(
        f"{kind.label_en.lower()}: {', '.join(ids)}" for kind, ids in groups.items()
    )
    if verdict is None:
        why = f"undetermined by {rule.name} ({described})"
    else:
        why = f"{verdict.label_en} by {rule.name} ({described})"
    return Outcome("conformity", verdict, why, inputs)
