"""The three generations of OGP's "acted contrary to process" rule, each a rule set.

Every set has one rule per condition, worded as its source words it, plus
``acted_contrary_to_process`` (any condition holds) and ``acted_according_to_process`` (none
holds). Which regime applies to a plan is read from the day its implementation starts.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from attrs import frozen

from opengov.errors import RuleError
from opengov.model import ActionPlan, Phase, PlanEventKind, PublicInfluence
from opengov.rules.base import Evaluation, Outcome, Rule, RuleSet
from opengov.rules.process.case import ProcessCase, irm_process_statement, span_days
from opengov.rules.process.conditions import (
    influence_below,
    late_plan,
    minimum_requirements_not_met,
    no_engagement_in_development,
    no_progress,
    no_repository,
    not_stated,
)

__all__ = ["REGIMES", "Regime", "choose_regime", "procedural_review_rules"]

CONTRARY = "acted_contrary_to_process"
ACCORDING = "acted_according_to_process"


@frozen
class Regime:
    """One generation of the rule: its name, title, source and the plans it applies to (those
    whose implementation starts on or after ``from_start``, before the next regime's)."""

    name: str
    title: str
    source: str
    from_start: dt.date | None
    conditions: tuple[Rule[ProcessCase], ...]


_EOT = "https://www.opengovpartnership.org/france-end-of-term-report-2015-2017-year-2"
_PR_2017 = "https://www.opengovpartnership.org/procedural-review/"
_PR_2022 = "https://opengovpartnership.org/ogp-letters"

PRE_2017 = Regime(
    "pre-2017",
    "IRM criteria before 2017 (progress and end-of-term reports)",
    _EOT,
    None,
    (
        no_engagement_in_development(
            "no_engagement",
            "The National Action Plan was developed with neither online or offline engagements "
            "with citizens and civil society",
            _EOT,
        ),
        not_stated(
            "no_engagement_with_irm",
            "The government fails to engage with the IRM researchers in charge of the "
            "country's Year 1 and Year 2 reports",
            _EOT,
            "engaged_with_irm",
            "did the government engage with the IRM researchers",
        ),
        no_progress(
            "no_progress",
            "The IRM report establishes that there was no progress made on implementing any "
            "of the commitments in the country's action plan",
            _EOT,
        ),
    ),
)

POLICY_2017 = Regime(
    "2017",
    "Procedural Review policy of 2017",
    _PR_2017,
    dt.date(2017, 1, 1),
    (
        late_plan(
            "late_plan",
            "The country does not publish an Action Plan within 4 months of the due date",
            _PR_2017,
            "due",
            4,
        ),
        influence_below(
            "below_involve_or_inform",
            "The government does not meet the IAP2 'Involve' requirement during development "
            "or 'Inform' during implementation of the Action Plan as assessed by the IRM",
            _PR_2017,
            {
                Phase.DEVELOPMENT: PublicInfluence.INVOLVE,
                Phase.IMPLEMENTATION: PublicInfluence.INFORM,
            },
        ),
        no_repository(
            "no_repository",
            "The government fails to collect, publish and document a repository on the "
            "national OGP website/webpage in line with IRM guidance",
            _PR_2017,
        ),
        no_progress(
            "no_progress",
            "The IRM Report establishes that there was no progress made on implementing any "
            "of the commitments",
            _PR_2017,
        ),
    ),
)

POLICY_2022 = Regime(
    "2022",
    "Procedural Review policy as updated on 25 July 2022 (2021 standards)",
    _PR_2022,
    dt.date(2021, 1, 1),
    (
        late_plan(
            "late_plan",
            "The government does not publish an OGP action plan within 12 months after the "
            "end date of their last action plan",
            _PR_2022,
            "previous_plan_end",
            12,
        ),
        minimum_requirements_not_met(
            "minimum_requirements_not_met",
            "The government does not meet the minimum requirements established in the "
            "Participation & Co-Creation Standards, as assessed by the IRM",
            _PR_2022,
        ),
        no_progress(
            "no_progress",
            "The government fails to make progress on implementation of any of the "
            "commitments in the country's action plan, as assessed by the IRM",
            _PR_2022,
        ),
    ),
)

#: The regimes by name, oldest first.
REGIMES: dict[str, Regime] = {r.name: r for r in (PRE_2017, POLICY_2017, POLICY_2022)}


def _verdict(regime: Regime, according: bool) -> Rule[ProcessCase]:
    names = [condition.name for condition in regime.conditions]

    def function(case: ProcessCase, evaluation: Evaluation[ProcessCase]) -> Outcome:
        values = {name: evaluation.value(name) for name in names}
        holding = [name for name, value in values.items() if value is True]
        unknown = [name for name, value in values.items() if value is None]
        contrary: bool | None
        if holding:
            contrary, decided, why = True, holding, "condition(s) holding: " + ", ".join(holding)
        elif unknown:
            contrary, decided = None, unknown
            why = "no condition known to hold; unknown: " + ", ".join(unknown)
        else:
            contrary, decided, why = False, names, "none of the conditions holds"
        inputs: dict[str, Any] = {"regime": regime.name, "source": regime.source}
        stated, findings = irm_process_statement(case.plan)
        if stated is not None and findings is not None:
            # The IRM assesses the conditions; what its report states decides, and the
            # conditions as read from the plan are shown beside it.
            inputs["irm"] = {
                "findings": findings.id,
                "report": findings.report,
                "source": findings.source,
                "acted_contrary_to_process": stated,
            }
            states = {True: "holds", False: "does not hold", None: "unknown"}
            on_data = ", ".join(f"{name} {states[value]}" for name, value in values.items())
            did = "acted" if stated else "did not act"
            why = (
                f"the IRM states the member {did} contrary to process "
                f"({findings.report or findings.id}, {findings.source or 'no address'}); "
                f"the conditions on the plan's data: {on_data}"
            )
            if contrary is not None and contrary is not stated:
                why += " — the plan's data disagree with the IRM, whose statement is kept"
            contrary, decided = stated, [f"irm_findings[{findings.id}]"]
        inputs["decided_by"] = decided
        inputs.update(values)
        value = contrary if not according or contrary is None else not contrary
        explanation = f"regime {regime.name} ({regime.title}, {regime.source}): {why}"
        return Outcome(ACCORDING if according else CONTRARY, value, explanation, inputs)

    if according:
        description = f"{regime.title}: acted according to process when no condition holds"
        return Rule(ACCORDING, description, regime.source, function)
    description = f"{regime.title}: acted contrary to process when any condition holds"
    return Rule(CONTRARY, description, regime.source, function)


def procedural_review_rules(regime: str) -> RuleSet[ProcessCase]:
    """The rule set of a regime (``"pre-2017"``, ``"2017"``, ``"2022"``)."""
    found = REGIMES.get(regime)
    if found is None:
        raise RuleError(f"no procedural-review regime {regime!r} (known: {', '.join(REGIMES)})")
    rules = [*found.conditions, _verdict(found, False), _verdict(found, True)]
    return RuleSet.of(f"procedural-review-{found.name}", found.title, rules)


def _start(plan: ActionPlan) -> tuple[dt.date, dt.date, str] | None:
    if plan.period is not None and plan.period.start is not None:
        return plan.period.start.earliest, plan.period.start.latest, "period"
    for event in plan.events:
        bounds = span_days(event.date) if event.kind is PlanEventKind.STARTED else None
        if bounds is not None:
            return bounds[0], bounds[1], "events[started]"
    return None


def _regime_on(day: dt.date) -> Regime:
    chosen = PRE_2017
    for regime in REGIMES.values():
        if regime.from_start is not None and day >= regime.from_start:
            chosen = regime
    return chosen


def choose_regime(plan: ActionPlan) -> tuple[Regime | None, str]:
    """The regime for a plan, from the day its implementation starts (its ``period``, else a
    "started" event): before 2017 the pre-2017 criteria, 2017–2020 the 2017 policy, from 2021
    the 2022 policy. ``None`` when no start is known or an imprecise start straddles a boundary;
    the text says why."""
    start = _start(plan)
    if start is None:
        return None, "no start of implementation recorded (period or started event)"
    earliest, latest, where = start
    first, last = _regime_on(earliest), _regime_on(latest)
    if first is not last:
        return None, f"the start ({where}) may fall under {first.name} or {last.name}"
    return first, f"implementation starts {earliest.year} ({where})"
