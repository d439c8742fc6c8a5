"""Plan-level rules: completion rate, milestone progress, overdue milestones, conformity,
process rules and the scorecard."""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction

import pytest

import opengov
from opengov.cli.main import main
from opengov.model import (
    ActionPlan,
    Commitment,
    Completion,
    Conformity,
    Finding,
    InfluenceAssessment,
    Milestone,
    MilestoneStatus,
    Phase,
    PlanEvent,
    PlanEventKind,
    PublicInfluence,
    Requirement,
    RequirementFinding,
    RequirementLevel,
    Standard,
    StandardAssessment,
    StandardSet,
)
from opengov.rules import (
    ConformityRule,
    acted_according_to_process,
    acted_contrary_to_process,
    completion_rate,
    derive_conformity,
    milestone_progress,
    overdue_milestones,
    score,
    validate,
)


def plan_with(*completions: Completion) -> ActionPlan:
    return ActionPlan(
        id="p",
        country="XX",
        title="P",
        commitments=[
            Commitment(id=f"p/c{i}", number=i, title="c", completion=c)
            for i, c in enumerate(completions, 1)
        ],
    )


def test_completion_rate_counts_unknown_as_unknown() -> None:
    outcome = completion_rate(
        plan_with(
            Completion.SUBSTANTIAL, Completion.LIMITED, Completion.UNKNOWN, Completion.UNKNOWN
        )
    )
    rate = outcome.value
    assert (rate.achieved, rate.known, rate.unknown) == (1, 2, 2)
    assert rate.rate == 0.5
    assert rate.lowest == 0.25
    assert rate.highest == 0.75
    assert "2 of 4 have no known completion" in outcome.explanation


def test_completion_rate_boundaries() -> None:
    assert completion_rate(plan_with(Completion.COMPLETE, Completion.SUBSTANTIAL)).value.rate == 1.0
    assert completion_rate(plan_with(Completion.LIMITED, Completion.NOT_STARTED)).value.rate == 0.0
    assert completion_rate(plan_with(Completion.UNKNOWN)).value.rate is None
    withdrawn = completion_rate(plan_with(Completion.COMPLETE, Completion.WITHDRAWN))
    assert withdrawn.value.rate == 1.0
    assert "1 withdrawn or not applicable left out" in withdrawn.explanation
    assert completion_rate(plan_with()).value.rate is None


def test_the_reports_76_percent_is_reproducible() -> None:
    # 16 of 21 substantial or complete is the report's "76%".
    rate = completion_rate(
        plan_with(*[Completion.SUBSTANTIAL] * 16, *[Completion.LIMITED] * 5)
    ).value
    assert f"{rate.rate:.0%}" == "76%"


def commitment_with(*statuses: MilestoneStatus) -> Commitment:
    return Commitment(
        id="p/c1",
        number=1,
        title="c",
        milestones=[
            Milestone(id=f"p/c1/m{i}", title="m", status=s) for i, s in enumerate(statuses, 1)
        ],
    )


def test_milestone_progress() -> None:
    c = commitment_with(
        MilestoneStatus.DONE,
        MilestoneStatus.NOT_DONE,
        MilestoneStatus.PARTIALLY_DONE,
        MilestoneStatus.UNKNOWN,
    )
    outcome = milestone_progress(c)
    assert outcome.value == pytest.approx(0.5)
    assert "1 with an unknown status left out" in outcome.explanation
    weighted = milestone_progress(c, milestone_weights={"p/c1/m1": 3.0})
    assert weighted.value == pytest.approx((3 + 0 + 0.5) / 5)
    strict = {MilestoneStatus.DONE: Fraction(1)}
    assert milestone_progress(c, strict).value == 1.0
    assert milestone_progress(commitment_with(MilestoneStatus.UNKNOWN)).value is None
    assert milestone_progress(commitment_with()).explanation == "no milestones"


def test_overdue_milestones_use_the_latest_possible_day() -> None:
    plan = plan_with(Completion.UNKNOWN)
    plan.commitments[0].milestones += [
        Milestone(
            id="p/c1/m1", title="late", due="2nd semestre 2020", status=MilestoneStatus.IN_PROGRESS
        ),
        Milestone(id="p/c1/m2", title="done", due="2020-03", status=MilestoneStatus.DONE),
        Milestone(id="p/c1/m3", title="unknown", due="2020-03"),
        Milestone(id="p/c1/m4", title="not yet", due="fin 2021", status=MilestoneStatus.NOT_DONE),
    ]
    assert overdue_milestones(plan, dt.date(2020, 12, 31)).value == []
    outcome = overdue_milestones(plan, dt.date(2021, 1, 1))
    assert outcome.value == ["p/c1/m1"]
    assert outcome.inputs["unknown_status"] == ["p/c1/m3"]


STANDARDS = StandardSet(
    id="s",
    title="s",
    standards=[
        Standard(
            id="s/1",
            regime="test",
            number=1,
            title_en="One",
            requirements=[
                Requirement(id="s/1/b1", text_en="b1", level=RequirementLevel.BASIC),
                Requirement(id="s/1/b2", text_en="b2", level=RequirementLevel.BASIC),
                Requirement(id="s/1/a1", text_en="a1", level=RequirementLevel.ADVANCED),
            ],
        )
    ],
)


def assessment(
    *findings: tuple[str, Finding], verdict: Conformity | None = None
) -> StandardAssessment:
    return StandardAssessment(
        id="p/participation/1",
        standard="s/1",
        findings=[RequirementFinding(requirement=r, finding=f) for r, f in findings],
        verdict=verdict,
    )


@pytest.mark.parametrize(
    ("findings", "expected", "named"),
    [
        (
            (("s/1/b1", Finding.MET), ("s/1/b2", Finding.MET), ("s/1/a1", Finding.NOT_MET)),
            Conformity.FULL,
            "met: s/1/b1, s/1/b2",
        ),
        (
            (("s/1/b1", Finding.MET), ("s/1/b2", Finding.NOT_MET)),
            Conformity.PARTIAL,
            "not met: s/1/b2",
        ),
        (
            (("s/1/b1", Finding.PARTLY_MET), ("s/1/b2", Finding.NOT_MET)),
            Conformity.PARTIAL,
            "partly met: s/1/b1",
        ),
        (
            (("s/1/b1", Finding.NOT_MET), ("s/1/b2", Finding.NOT_MET)),
            Conformity.LIMITED,
            "not met: s/1/b1, s/1/b2",
        ),
        (
            (("s/1/b1", Finding.NOT_APPLICABLE),),
            Conformity.NOT_APPLICABLE,
            "not applicable: s/1/b1",
        ),
        ((("s/1/b1", Finding.MET), ("s/1/b2", Finding.UNKNOWN)), None, "unknown: s/1/b2"),
        (
            (("s/1/b1", Finding.MET), ("s/1/b2", Finding.NOT_MET), ("s/1/a1", Finding.UNKNOWN)),
            Conformity.PARTIAL,
            "not met: s/1/b2",
        ),
    ],
)
def test_conformity_rule(
    findings: tuple[tuple[str, Finding], ...], expected: Conformity | None, named: str
) -> None:
    outcome = derive_conformity(assessment(*findings), STANDARDS)
    assert outcome.value is expected
    assert named in outcome.explanation


def test_conformity_rule_is_replaceable() -> None:
    lenient = ConformityRule(
        "any-met",
        "one requirement met is enough",
        lambda fs: (
            Conformity.FULL if any(f.finding is Finding.MET for f in fs) else Conformity.LIMITED
        ),
    )
    a = assessment(("s/1/b1", Finding.MET), ("s/1/b2", Finding.NOT_MET))
    assert derive_conformity(a, STANDARDS, lenient).value is Conformity.FULL
    assert "by any-met" in derive_conformity(a, STANDARDS, lenient).explanation


def test_without_a_catalogue_every_finding_counts() -> None:
    a = assessment(("s/1/b1", Finding.MET), ("s/1/a1", Finding.NOT_MET))
    assert derive_conformity(a).value is Conformity.PARTIAL
    assert derive_conformity(a, STANDARDS).value is Conformity.FULL


def test_validate_reports_a_verdict_the_findings_contradict() -> None:
    plan = plan_with(Completion.UNKNOWN)
    plan.participation.append(assessment(("s/1/b1", Finding.NOT_MET), verdict=Conformity.FULL))
    issues = [i for i in validate(plan) if i.code == "conformity-disagreement"]
    assert [i.path for i in issues] == ["$.participation[0].verdict"]
    assert "stated full conformity, but the findings give limited conformity" in issues[0].message


def test_acted_contrary_to_process() -> None:
    plan = plan_with(Completion.LIMITED)
    plan.public_influence.append(
        InfluenceAssessment(phase=Phase.DEVELOPMENT, level=PublicInfluence.INVOLVE)
    )
    old = "pre-2017"
    assert acted_contrary_to_process(plan, regime=old, engaged_with_irm=True).value is False
    assert acted_contrary_to_process(plan, regime=old).value is None
    no_irm = acted_contrary_to_process(plan, regime=old, engaged_with_irm=False)
    assert no_irm.value is True
    assert no_irm.inputs["decided_by"] == ["no_engagement_with_irm"]
    plan.public_influence[0] = InfluenceAssessment(
        phase=Phase.DEVELOPMENT, level=PublicInfluence.NO_CONSULTATION
    )
    assert acted_contrary_to_process(plan, regime=old, engaged_with_irm=True).inputs[
        "decided_by"
    ] == ["no_engagement"]
    stalled = plan_with(Completion.NOT_STARTED, Completion.NOT_STARTED)
    stalled.public_influence.append(InfluenceAssessment(level=PublicInfluence.CONSULT))
    assert acted_contrary_to_process(stalled, regime=old, engaged_with_irm=True).inputs[
        "decided_by"
    ] == ["no_progress"]


@pytest.mark.parametrize(
    ("level", "verdict", "expected"),
    [
        (PublicInfluence.INVOLVE, Conformity.FULL, True),
        # The 2022 policy states no IAP2 threshold: influence does not decide.
        (PublicInfluence.CONSULT, Conformity.FULL, True),
        (PublicInfluence.COLLABORATE, Conformity.PARTIAL, None),
        (PublicInfluence.INVOLVE, None, None),
    ],
)
def test_acted_according_to_process(
    level: PublicInfluence, verdict: Conformity | None, expected: bool | None
) -> None:
    plan = plan_with(Completion.LIMITED)
    plan.public_influence.append(InfluenceAssessment(phase=Phase.DEVELOPMENT, level=level))
    plan.participation.append(
        StandardAssessment(id="p/participation/1", standard="ogp-2021/s1", verdict=verdict)
    )
    plan.events.append(PlanEvent(kind=PlanEventKind.PUBLISHED, date="2021-09"))
    outcome = acted_according_to_process(
        plan, regime="2022", previous_plan_end=dt.date(2020, 12, 31)
    )
    assert outcome.value is expected
    assert "Involve" not in outcome.explanation


def test_scorecard_of_the_france_plan() -> None:
    card = score(opengov.datasets.load("fr-2018-2020"))
    assert card.unknown_completions == 20
    assert card.figures["completion_rate"].value.known == 1
    assert card.stated["overall_conformity"] == "Partial conformity"
    assert "76%" in card.stated.values()
    assert card.as_of == dt.date(2020, 10, 31)


def test_score_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score"]) == 0
    out = capsys.readouterr().out
    assert "Commitments with no known completion: 20" in out
    assert "0% of 1 known; 20 unknown" in out
    assert main(["score", "fr-2018-2020", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["unknown_completions"] == 20
    assert data["figures"]["completion_rate"]["value"]["unknown"] == 20
