"""The bundled excerpt of Buenos Aires's OGP Local plan 2021-2023: plan events as the page labels
them, commitment months apart from the plan's, and the Inception Report Summary verbatim."""

from __future__ import annotations

import datetime as dt

import opengov
from opengov.model import IRMReportKind, MemberLevel, PlanEventKind

PLAN = opengov.datasets.load("ar-buenos-aires-2021-2023")


def test_a_local_member_of_argentina() -> None:
    assert PLAN.member_level is MemberLevel.LOCAL
    assert PLAN.country == "AR"
    assert PLAN.number == 3


def test_plan_events_keep_the_page_labels_and_parse_their_dates() -> None:
    events = {event.label: event for event in PLAN.events}
    submitted = events["Date Submitted"]
    assert submitted.kind is PlanEventKind.SUBMITTED
    assert submitted.date is not None and submitted.date.earliest == dt.date(2021, 7, 30)
    end = events["Action Plan End"].date
    assert end is not None and end.latest == dt.date(2023, 10, 31)
    assert events["Duration"].kind is PlanEventKind.OTHER


def test_commitments_end_long_before_the_plan() -> None:
    for commitment in PLAN.commitments:
        assert commitment.period is not None
        assert commitment.period.earliest == dt.date(2021, 8, 1)
        assert commitment.period.latest == dt.date(2022, 7, 31)
        phrases = {extra.name: extra.value for extra in commitment.extra}
        assert (phrases["start_phrase"], phrases["end_phrase"]) == ("Aug 2021", "Jul 2022")


def test_the_inception_report_summary_is_a_design_review_with_its_sentences() -> None:
    first, second = (c.irm_reviews[0] for c in PLAN.commitments)
    assert first.kind is IRMReportKind.DESIGN
    assert first.report == f"{PLAN.id}/report/inception"
    novelty = {label.name: label.value for label in second.labels}
    assert novelty["Inception Report Summary / novelty"].startswith(
        "The commitment is a continuation of ongoing practice"
    )


def test_institutions_involved_are_kept_as_listed_with_repeats() -> None:
    actors = PLAN.commitments[0].other_actors
    assert len(actors) == 11
    assert actors.count("Directorio Legislativo") == 2
    assert PLAN.commitments[0].lead_organisations == []
