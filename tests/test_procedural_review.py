"""Procedural review in three regimes: each condition trips, unknown inputs stay unknown."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import opengov
from opengov.errors import RuleError
from opengov.model import (
    ActionPlan,
    Commitment,
    Completion,
    Finding,
    InfluenceAssessment,
    IRMAssessment,
    Phase,
    PlanEvent,
    PlanEventKind,
    PublicInfluence,
    RequirementFinding,
    StandardAssessment,
)
from opengov.reporting.scorecard_view import scorecard_text
from opengov.rules import acted_according_to_process, acted_contrary_to_process, score
from opengov.rules.process import REGIMES, ProcessCase, choose_regime, procedural_review_rules

DEV, IMPL = Phase.DEVELOPMENT, Phase.IMPLEMENTATION


def plan(
    period: str | None = "2018/2020",
    completions: tuple[Completion, ...] = (Completion.LIMITED,),
    influence: dict[Phase, PublicInfluence] | None = None,
    published: str | None = "2018-06",
    mr_findings: tuple[Finding, ...] = (Finding.MET,),
) -> ActionPlan:
    """A plan whose every input meets every regime, unless told otherwise."""
    levels = {DEV: PublicInfluence.INVOLVE, IMPL: PublicInfluence.INFORM}
    levels.update(influence or {})
    return ActionPlan(
        id="p",
        country="XX",
        title="P",
        period=period,
        commitments=[
            Commitment(id=f"p/c{i}", number=i, title="c", completion=c)
            for i, c in enumerate(completions, 1)
        ],
        public_influence=[InfluenceAssessment(phase=p, level=lv) for p, lv in levels.items()],
        events=[PlanEvent(kind=PlanEventKind.PUBLISHED, date=published)] if published else [],
        participation=[
            StandardAssessment(
                id="p/participation/1",
                standard="ogp-2021/s1",
                findings=[
                    RequirementFinding(requirement=f"ogp-2021/s1/mr1.{i}", finding=f)
                    for i, f in enumerate(mr_findings, 1)
                ],
            )
        ],
    )


# Facts plans do not state, each meeting its condition.
MET: dict[str, dict[str, Any]] = {
    "pre-2017": {"engaged_with_irm": True},
    "2017": {"due": dt.date(2018, 3, 1), "repository": True},
    "2022": {"previous_plan_end": dt.date(2017, 12, 31)},
}


@pytest.mark.parametrize("regime", REGIMES)
def test_a_plan_meeting_every_condition(regime: str) -> None:
    contrary = acted_contrary_to_process(plan(), regime=regime, **MET[regime])
    according = acted_according_to_process(plan(), regime=regime, **MET[regime])
    assert (contrary.value, according.value) == (False, True)
    assert contrary.inputs["regime"] == regime
    assert REGIMES[regime].source in contrary.explanation


TRIPS = [
    ("pre-2017", "no_engagement", {"influence": {DEV: PublicInfluence.NO_CONSULTATION}}, {}),
    ("pre-2017", "no_engagement_with_irm", {}, {"engaged_with_irm": False}),
    ("pre-2017", "no_progress", {"completions": (Completion.NOT_STARTED,)}, {}),
    ("2017", "late_plan", {"published": "2018-07-02"}, {}),
    ("2017", "below_involve_or_inform", {"influence": {DEV: PublicInfluence.CONSULT}}, {}),
    (
        "2017",
        "below_involve_or_inform",
        {"influence": {IMPL: PublicInfluence.NO_CONSULTATION}},
        {},
    ),
    ("2017", "no_repository", {}, {"repository": False}),
    ("2017", "no_progress", {"completions": (Completion.WITHDRAWN, Completion.NOT_STARTED)}, {}),
    ("2022", "late_plan", {"published": "2019-01"}, {}),
    ("2022", "minimum_requirements_not_met", {"mr_findings": (Finding.MET, Finding.NOT_MET)}, {}),
    ("2022", "no_progress", {"completions": (Completion.NOT_STARTED,)}, {}),
]


@pytest.mark.parametrize(("regime", "condition", "plan_args", "facts"), TRIPS)
def test_each_condition_trips(
    regime: str, condition: str, plan_args: dict[str, Any], facts: dict[str, Any]
) -> None:
    subject = plan(**plan_args)
    stated = {**MET[regime], **facts}
    contrary = acted_contrary_to_process(subject, regime=regime, **stated)
    assert contrary.value is True
    assert contrary.inputs["decided_by"] == [condition]
    assert acted_according_to_process(subject, regime=regime, **stated).value is False
    outcome = procedural_review_rules(regime).outcome(
        condition, ProcessCase(plan=subject, **stated)
    )
    assert outcome.value is True
    assert outcome.explanation.startswith(
        f"“{procedural_review_rules(regime)[condition].description}”"
    )
    assert outcome.inputs["decided_by"]


def test_the_involve_threshold_is_not_a_2022_condition() -> None:
    low = plan(influence={DEV: PublicInfluence.INFORM})
    assert acted_according_to_process(low, regime="2022", **MET["2022"]).value is True
    assert acted_contrary_to_process(low, regime="2017", **MET["2017"]).value is True


def test_evidence_of_action_is_enough_for_a_minimum_requirement() -> None:
    partly = plan(mr_findings=(Finding.PARTLY_MET, Finding.MET))
    assert acted_according_to_process(partly, regime="2022", **MET["2022"]).value is True


def test_the_irm_completion_decides_progress_before_the_plan_s_own() -> None:
    subject = plan(completions=(Completion.LIMITED,))
    subject.commitments[0].irm = IRMAssessment(completion_end_of_term=Completion.NOT_STARTED)
    outcome = procedural_review_rules("2017").outcome(
        "no_progress", ProcessCase(plan=subject, **MET["2017"])
    )
    assert outcome.value is True
    held = procedural_review_rules("2017").outcome("no_progress", ProcessCase(plan=plan()))
    assert held.inputs["from"] == "plan"


UNKNOWN_PLAN = {
    "completions": (Completion.UNKNOWN, Completion.NOT_STARTED),
    "influence": None,
    "published": None,
    "mr_findings": (Finding.UNKNOWN,),
}


@pytest.mark.parametrize("regime", REGIMES)
def test_unknown_inputs_give_unknown(regime: str) -> None:
    subject = plan(**UNKNOWN_PLAN)
    subject.public_influence.clear()
    rules = procedural_review_rules(regime)
    outcomes = rules.evaluate(ProcessCase(plan=subject))
    conditions = [rule.name for rule in REGIMES[regime].conditions]
    assert [outcomes[name].value for name in conditions] == [None] * len(conditions)
    for name in conditions:
        assert outcomes[name].inputs["decided_by"], name
        assert ": unknown — " in outcomes[name].explanation
    assert outcomes["acted_contrary_to_process"].value is None
    assert outcomes["acted_according_to_process"].value is None
    assert outcomes["acted_contrary_to_process"].inputs["decided_by"] == conditions


def test_a_holding_condition_decides_despite_unknown_ones() -> None:
    subject = plan(**UNKNOWN_PLAN, period="2018/2020")
    subject.public_influence.clear()
    outcome = acted_contrary_to_process(subject, repository=False)
    assert outcome.value is True
    assert outcome.inputs["decided_by"] == ["no_repository"]


def test_a_publication_straddling_the_deadline_is_unknown() -> None:
    outcome = procedural_review_rules("2017").outcome(
        "late_plan", ProcessCase(plan=plan(published="2018-07"), due=dt.date(2018, 3, 10))
    )
    assert outcome.value is None
    assert outcome.inputs["deadline"] == "2018-07-10"


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ("2015/2017", "pre-2017"),
        ("2016-07/2018-06", "pre-2017"),
        ("2017/2019", "2017"),
        ("2018/2020", "2017"),
        ("2020-Q4/2022", "2017"),
        ("2021/2023", "2022"),
        ("2024/2028", "2022"),
    ],
)
def test_the_regime_follows_the_plan_s_start(period: str, expected: str) -> None:
    chosen, _ = choose_regime(plan(period=period))
    assert chosen is not None
    assert chosen.name == expected


def test_no_start_or_a_straddling_start_leaves_the_regime_unknown() -> None:
    assert choose_regime(plan(period=None))[0] is None
    straddling = plan(period="../2022")
    straddling.events.append(PlanEvent(kind=PlanEventKind.STARTED, date="2016-12/2017-01"))
    chosen, why = choose_regime(straddling)
    assert chosen is None
    assert "pre-2017 or 2017" in why
    outcome = acted_contrary_to_process(plan(period=None))
    assert outcome.value is None
    assert "regime unknown" in outcome.explanation


def test_a_started_event_gives_the_regime() -> None:
    subject = plan(period=None)
    subject.events.append(PlanEvent(kind=PlanEventKind.STARTED, date="2021-09-01"))
    chosen, why = choose_regime(subject)
    assert chosen is not None and chosen.name == "2022"
    assert "events[started]" in why


def test_an_unknown_regime_is_our_error() -> None:
    with pytest.raises(RuleError, match="no procedural-review regime '2019'"):
        acted_contrary_to_process(plan(), regime="2019")


def test_the_scorecard_shows_the_regime() -> None:
    france = opengov.datasets.load("fr-2018-2020")
    card = score(france)
    figure = card.figures["acted_contrary_to_process"]
    assert figure.inputs["regime"] == "2017"
    text = scorecard_text(card)
    assert "acted contrary to process (regime 2017): no" in text  # as its IRM report states
    assert "https://www.opengovpartnership.org/procedural-review/" in text
    named = score(france, regime="pre-2017").figures["acted_according_to_process"]
    assert named.inputs["regime"] == "pre-2017"


def test_cli_score_takes_a_regime(capsys: pytest.CaptureFixture[str]) -> None:
    from opengov.cli.main import main

    assert main(["score", "fr-2018-2020", "--regime", "2022"]) == 0
    out = capsys.readouterr().out
    assert "acted contrary to process (regime 2022)" in out
    assert main(["score", "fr-2018-2020"]) == 0
    assert "acted contrary to process (regime 2017)" in capsys.readouterr().out
    assert main(["score", "fr-2018-2020", "--regime", "1999"]) == 2
    assert "invalid choice" in capsys.readouterr().err
