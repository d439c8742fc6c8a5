"""Process rules: did a member act contrary to, or according to, the OGP process?

Three generations of the rule are kept, each a rule set with its conditions worded as its
source words them (:data:`REGIMES`): the IRM's criteria before 2017, the Procedural Review
policy of 2017 and the policy as updated on 25 July 2022. The regime is chosen from the plan's
dates unless the caller names one. Inputs a document may not hold are explicit arguments, so
each rule says what it was told; an unknown input gives an unknown outcome.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from opengov.model import ActionPlan, StandardAssessment
from opengov.rules.base import Outcome
from opengov.rules.process.case import ProcessCase, influence_during
from opengov.rules.process.regimes import (
    ACCORDING,
    CONTRARY,
    REGIMES,
    Regime,
    choose_regime,
    procedural_review_rules,
)

__all__ = [
    "REGIMES",
    "ProcessCase",
    "Regime",
    "acted_according_to_process",
    "acted_contrary_to_process",
    "choose_regime",
    "influence_during",
    "procedural_review_rules",
]


def _verdict(name: str, case: ProcessCase, regime: str | None) -> Outcome:
    if regime is None:
        chosen, why = choose_regime(case.plan)
        if chosen is None:
            explanation = f"regime unknown: {why}; name one with regime= ({', '.join(REGIMES)})"
            return Outcome(name, None, explanation, {"regime": None})
        regime = chosen.name
    return procedural_review_rules(regime).outcome(name, case)


def acted_contrary_to_process(
    plan: ActionPlan,
    *,
    regime: str | None = None,
    engaged_with_irm: bool | None = None,
    due: dt.date | None = None,
    repository: bool | None = None,
    previous_plan_end: dt.date | None = None,
    minimum_requirements: Sequence[StandardAssessment] | None = None,
) -> Outcome:
    """True when any condition of the regime holds, False when none does, None when no
    condition is known to hold and some are unknown.

    ``regime`` (``"pre-2017"``, ``"2017"``, ``"2022"``; default: chosen from the plan's start,
    see :func:`choose_regime`). The other arguments are facts plans rarely state (see
    :class:`ProcessCase`); each condition needing one left out is unknown.
    """
    case = ProcessCase(
        plan=plan,
        engaged_with_irm=engaged_with_irm,
        due=due,
        repository=repository,
        previous_plan_end=previous_plan_end,
        minimum_requirements=minimum_requirements,
    )
    return _verdict(CONTRARY, case, regime)


def acted_according_to_process(
    plan: ActionPlan,
    minimum_requirements: Sequence[StandardAssessment] | None = None,
    *,
    regime: str | None = None,
    engaged_with_irm: bool | None = None,
    due: dt.date | None = None,
    repository: bool | None = None,
    previous_plan_end: dt.date | None = None,
) -> Outcome:
    """True when no condition of the regime holds (the IRM's "acted according to OGP
    process" since the 2021 standards: a plan on time, evidence of action toward meeting each
    minimum requirement, progress on a commitment), False when one holds, None otherwise.

    ``minimum_requirements`` are the assessments against the 2021 minimum requirements
    (default: the plan's ``ogp-2021`` participation assessments). Other arguments as for
    :func:`acted_contrary_to_process`.
    """
    case = ProcessCase(
        plan=plan,
        engaged_with_irm=engaged_with_irm,
        due=due,
        repository=repository,
        previous_plan_end=previous_plan_end,
        minimum_requirements=minimum_requirements,
    )
    return _verdict(ACCORDING, case, regime)
