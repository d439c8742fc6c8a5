"""The scorecard: every figure of a plan, each with its explanation."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from attrs import field, frozen

from opengov.model import (
    ActionPlan,
    Conformity,
    Flag,
    IRMAssessment,
    MilestoneStatus,
    StandardAssessment,
)
from opengov.rules.base import Outcome, RuleSet
from opengov.rules.beside_irm import SideBySide, beside_irm
from opengov.rules.conformity import (
    DEFAULT_CONFORMITY_RULE,
    ConformityRule,
    Standards,
    derive_conformity,
    differing_requirements,
)
from opengov.rules.irm import commitment_rules
from opengov.rules.process import acted_according_to_process, acted_contrary_to_process
from opengov.rules.progress import (
    completion_rate,
    milestone_progress,
    overdue_milestones,
    progress_history,
)

__all__ = ["ConformityLine", "Scorecard", "conformity_lines", "score"]


@frozen
class ConformityLine:
    """One participation assessment: the verdict stated (and its alternative, if the document
    offers one), the one derived, whether they agree, and the requirements that make them
    differ."""

    assessment: str
    standard: str
    phase: str
    stated: Conformity | None
    derived: Outcome
    alternative: Conformity | None = None
    differing: tuple[str, ...] = ()

    @property
    def agrees(self) -> bool | None:
        """True when the derived verdict is the stated one or its alternative, False when it is
        neither; None when either side is missing."""
        if self.stated is None or self.derived.value is None:
            return None
        return self.derived.value in (self.stated, self.alternative)


def conformity_lines(
    plan: ActionPlan,
    standards: Standards = None,
    rule: ConformityRule = DEFAULT_CONFORMITY_RULE,
) -> list[ConformityLine]:
    """For each participation assessment of a plan: the verdict stated beside the one derived
    from its findings (see :func:`~opengov.rules.conformity.derive_conformity`)."""
    return [_conformity_line(a, standards, rule) for a in plan.participation]


def _conformity_line(
    assessment: StandardAssessment, standards: Standards, rule: ConformityRule
) -> ConformityLine:
    derived = derive_conformity(assessment, standards, rule)
    differing = (
        differing_requirements(assessment, derived.value, standards)
        if derived.value is not None
        else []
    )
    return ConformityLine(
        assessment.id,
        assessment.standard,
        assessment.phase.value,
        assessment.verdict,
        derived,
        assessment.verdict_alternative,
        tuple(differing),
    )


@frozen
class Scorecard:
    """Every figure :func:`score` computed for a plan, each an :class:`Outcome`."""

    plan_id: str
    title: str
    as_of: dt.date | None
    figures: dict[str, Outcome]
    commitments: dict[str, dict[str, Outcome]]
    conformity: list[ConformityLine]
    stated: dict[str, str]
    beside_irm: list[SideBySide] = field(factory=list)

    @property
    def unknown_completions(self) -> int:
        """How many commitments have no known completion."""
        unknown: int = self.figures["completion_rate"].value.unknown
        return unknown

    def _repr_html_(self) -> str:
        """HTML for notebooks (drawn by :mod:`opengov.reporting.notebook`)."""
        # Presentation lives in the reporting layer, imported only when a notebook asks.
        from opengov.reporting.notebook import scorecard_html

        return scorecard_html(self)


def score(
    plan: ActionPlan,
    *,
    as_of: dt.date | None = None,
    standards: Standards = None,
    rules: RuleSet[IRMAssessment] | None = None,
    regime: str | None = None,
    conformity_rule: ConformityRule = DEFAULT_CONFORMITY_RULE,
) -> Scorecard:
    """Compute the scorecard of a plan.

    ``as_of`` (default: the plan's status date, else none) is the day overdue milestones are
    counted against; when given, completions and the progress history are read as known on
    that day (default: every update). ``standards`` (a standard set, or several such as
    ``opengov.standards.load_all()``) lets the conformity rule tell basic from advanced
    requirements and filter them by phase; without, every finding counts. ``rules`` is the IRM
    rule set the commitments are scored with (default:
    :func:`~opengov.rules.irm.commitment_rules`); it must have ``max_star_2014``,
    ``max_star_2015``, ``quadrant`` and ``irm_based_score``, as the shipped sets do.
    ``regime`` names the procedural-review regime (``"pre-2017"``, ``"2017"``, ``"2022"``;
    default: chosen from the plan's dates, see :func:`~opengov.rules.process.choose_regime`).
    ``conformity_rule`` maps requirement findings to a verdict (default:
    :data:`~opengov.rules.conformity.DEFAULT_CONFORMITY_RULE`).
    """
    irm_rules = commitment_rules() if rules is None else rules
    asked = as_of  # progress history is read as of the day asked for, else in full
    if as_of is None and plan.status_date is not None:
        as_of = plan.status_date.latest
    figures: dict[str, Outcome] = {"completion_rate": completion_rate(plan, asked)}
    history = progress_history(plan, asked)
    if history.value:
        figures["progress_history"] = history
    statuses = Counter(m.status for _, m in plan.milestones())
    figures["milestone_statuses"] = Outcome(
        "milestone_statuses",
        {s.value: statuses[s] for s in MilestoneStatus if statuses[s]},
        f"{sum(statuses.values())} milestones; {statuses[MilestoneStatus.UNKNOWN]} with no stated status",
        {},
    )
    if as_of is not None:
        figures["overdue_milestones"] = overdue_milestones(plan, as_of)
    figures["acted_contrary_to_process"] = acted_contrary_to_process(plan, regime=regime)
    figures["acted_according_to_process"] = acted_according_to_process(plan, regime=regime)

    commitments: dict[str, dict[str, Outcome]] = {}
    stars: Counter[str] = Counter()
    quadrants: Counter[str] = Counter()
    for commitment in plan.commitments:
        outcomes = {"milestone_progress": milestone_progress(commitment)}
        if commitment.irm is not None:
            evaluation = irm_rules.evaluation(commitment.irm)
            outcomes["star_2014"] = evaluation["max_star_2014"]
            outcomes["star_2015"] = evaluation["max_star_2015"]
            outcomes["quadrant"] = evaluation["quadrant"]
            outcomes["irm_based_score"] = evaluation["irm_based_score"]
            stars["2014"] += outcomes["star_2014"].value is Flag.YES
            stars["2015"] += outcomes["star_2015"].value is Flag.YES
            quadrants[outcomes["quadrant"].value.value] += 1
        commitments[commitment.id] = outcomes
    assessed = sum(1 for c in plan.commitments if c.irm is not None)
    if assessed:
        figures["starred"] = Outcome(
            "starred",
            dict(stars),
            f"{stars['2014']} starred under the 2014 rule, {stars['2015']} under the 2015+ rule, of {assessed} IRM-assessed commitments",
            {},
        )
        figures["quadrants"] = Outcome(
            "quadrants", dict(quadrants), f"{assessed} IRM-assessed commitments", {}
        )

    conformity = conformity_lines(plan, standards, conformity_rule)
    stated = {
        figure.name: figure.value + (f" (stated by {figure.source})" if figure.source else "")
        for figure in plan.stated_figures
    }
    if plan.overall_conformity is not None:
        stated["overall_conformity"] = plan.overall_conformity.label_en
    return Scorecard(
        plan.id, plan.title, as_of, figures, commitments, conformity, stated, beside_irm(plan)
    )
