"""Domain validation: each registered check, on purpose-built broken plans."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings

import opengov
from opengov.model import (
    ActionPlan,
    Commitment,
    Conformity,
    Contact,
    Finding,
    KeyRecommendation,
    Milestone,
    Organisation,
    RequirementFinding,
    Resource,
    Response,
    StandardAssessment,
    Translation,
)
from opengov.rules import CHECKS, Issue, Severity, check, validate
from opengov.testing import action_plans


def good_plan() -> ActionPlan:
    return ActionPlan(
        id="p",
        country="FR",
        title="Plan",
        period="2018-2020",
        organisations=[Organisation(id="p/org/a", name="Agency")],
        commitments=[
            Commitment(
                id="p/c01",
                number=1,
                title="One",
                lead_organisations=["p/org/a"],
                milestones=[Milestone(id="p/c01/m1", title="M", due="2019-Q2")],
                resources=[Resource(label="site", url="https://example.org/a")],
                contacts=[Contact(id="p/c01/contact1", name="N", email="n@example.org")],
            ),
            Commitment(id="p/c02", number=2, title="Two"),
        ],
        key_recommendations=[KeyRecommendation(id="p/irm-rec/1", number=1, text="Do")],
        responses=[Response(id="p/response/1", text="Done", echoes=["p/irm-rec/1"])],
    )


def test_good_plan_has_no_issue() -> None:
    assert validate(good_plan()) == []


def codes(plan: ActionPlan) -> list[tuple[str, str]]:
    return [(i.path, i.code) for i in validate(plan)]


Breaker = Callable[[ActionPlan], None]

CASES: list[tuple[str, Breaker, tuple[str, str], Severity]] = [
    (
        "duplicate id",
        lambda p: setattr(p.commitments[1], "id", "p/c01"),
        ("$.commitments[1].id", "duplicate-id"),
        Severity.ERROR,
    ),
    (
        "duplicate number",
        lambda p: setattr(p.commitments[1], "number", 1),
        ("$.commitments[1].number", "duplicate-commitment-number"),
        Severity.ERROR,
    ),
    (
        "empty commitment title",
        lambda p: setattr(p.commitments[0], "title", "  "),
        ("$.commitments[0].title", "empty-title"),
        Severity.ERROR,
    ),
    (
        "dangling organisation",
        lambda p: p.commitments[1].lead_organisations.append("p/org/zz"),
        ("$.commitments[1].lead_organisations[0]", "dangling-reference"),
        Severity.ERROR,
    ),
    (
        "dangling recommendation",
        lambda p: p.responses[0].echoes.append("p/irm-rec/9"),
        ("$.responses[0].echoes[1]", "dangling-reference"),
        Severity.ERROR,
    ),
    (
        "id with spaces",
        lambda p: setattr(p.commitments[1], "id", "p/c 02"),
        ("$.commitments[1].id", "empty-id"),
        Severity.ERROR,
    ),
    (
        "milestone after the plan",
        lambda p: setattr(p.commitments[0].milestones[0], "due", "Q1 2022"),
        ("$.commitments[0].milestones[0].due", "date-outside-period"),
        Severity.WARNING,
    ),
    (
        "id outside the plan",
        lambda p: setattr(p.commitments[1], "id", "other/c02"),
        ("$.commitments[1].id", "id-scope"),
        Severity.WARNING,
    ),
    (
        "numbers out of order",
        lambda p: p.commitments.reverse(),
        ("$.commitments[1].number", "commitment-number"),
        Severity.WARNING,
    ),
    (
        "bad url",
        lambda p: setattr(p.commitments[0].resources[0], "url", "www.example.org"),
        ("$.commitments[0].resources[0].url", "malformed-link"),
        Severity.WARNING,
    ),
    (
        "verdict contradicted by findings",
        lambda p: p.participation.append(
            StandardAssessment(
                id="p/participation/1",
                standard="ogp-2017/information",
                verdict=Conformity.FULL,
                findings=[RequirementFinding(requirement="r1", finding=Finding.NOT_MET)],
            )
        ),
        ("$.participation[0].verdict", "conformity-disagreement"),
        Severity.WARNING,
    ),
    (
        "completed but not done",
        lambda p: setattr(p.commitments[0].milestones[0], "completed", "2019-06"),
        ("$.commitments[0].milestones[0].status", "completed-not-done"),
        Severity.INFO,
    ),
    (
        "translation of a field that is not text",
        lambda p: p.commitments[0].translations.append(
            Translation(field="number", language="en", text="one")
        ),
        ("$.commitments[0].translations[0]", "translation"),
        Severity.WARNING,
    ),
]


@pytest.mark.parametrize(
    ("name", "breaker", "expected", "severity"), CASES, ids=[c[0] for c in CASES]
)
def test_check_reports_the_problem(
    name: str, breaker: Breaker, expected: tuple[str, str], severity: Severity
) -> None:
    plan = good_plan()
    breaker(plan)
    issues = validate(plan)
    found = [i for i in issues if (i.path, i.code) == expected]
    assert found, f"{expected} not in {codes(plan)}"
    assert found[0].severity is severity
    assert found[0].message


def test_every_check_has_a_case() -> None:
    covered = {case[2][1] for case in CASES}
    assert covered == set(CHECKS)


def test_issue_reads_as_severity_path_message_and_code() -> None:
    issue = Issue("$.title", "empty-title", "the plan's title is empty")
    assert str(issue) == "error $.title: the plan's title is empty [empty-title]"
    assert issue.severity is Severity.ERROR
    note = Issue("$.commitments[0]", "commitment-number", "numbers skip 2", Severity.WARNING)
    assert str(note) == "warning $.commitments[0]: numbers skip 2 [commitment-number]"


def test_printed_issues_of_a_real_plan_show_their_severity() -> None:
    plan = good_plan()
    plan.title = " "
    plan.commitments[0].resources.append(Resource(label="old", url="ftp://example.org/x"))
    assert [str(issue) for issue in validate(plan)] == [
        "error $.title: the plan's title is empty [empty-title]",
        "warning $.commitments[0].resources[1].url: not an http(s) URL: 'ftp://example.org/x' "
        "[malformed-link]",
    ]


def test_users_can_register_and_select_checks() -> None:
    @check("x-needs-ambitions", Severity.WARNING)
    def needs_ambitions(plan: ActionPlan) -> list[Issue]:
        """Plans list their ambitions."""
        if plan.ambitions:
            return []
        return [Issue("$.ambitions", "x-needs-ambitions", "no ambitions", Severity.WARNING)]

    try:
        assert CHECKS["x-needs-ambitions"].description == "Plans list their ambitions."
        assert validate(good_plan(), checks=["x-needs-ambitions"]) == [
            Issue("$.ambitions", "x-needs-ambitions", "no ambitions", Severity.WARNING)
        ]
    finally:
        del CHECKS["x-needs-ambitions"]


def test_validate_refuses_other_objects() -> None:
    with pytest.raises(TypeError, match="expects an ActionPlan or a PlanCollection"):
        validate("plan.json")  # type: ignore[arg-type]


@settings(max_examples=50, deadline=None)
@given(action_plans())
def test_generated_plans_have_no_errors(plan: ActionPlan) -> None:
    errors = [i for i in opengov.validate(plan) if i.severity is Severity.ERROR]
    assert errors == []
