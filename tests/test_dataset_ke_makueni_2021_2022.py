"""The bundled Makueni (OGP Local) 2021-2022 excerpt: a local member, dated plan events."""

from __future__ import annotations

import pytest

import opengov
from opengov.model import ActionPlan, MemberLevel, OGPValue, PlanEventKind


@pytest.fixture(scope="module")
def makueni() -> ActionPlan:
    return opengov.datasets.load("ke-makueni-2021-2022")


def test_a_local_member_of_kenya(makueni: ActionPlan) -> None:
    assert opengov.datasets.info("ke-makueni-2021-2022").excerpt
    assert opengov.validate(makueni) == []
    assert (makueni.member, makueni.member_level, makueni.country) == (
        "Makueni, Kenya",
        MemberLevel.LOCAL,
        "KE",
    )


def test_plan_events_keep_their_labels_and_dates(makueni: ActionPlan) -> None:
    labels = [(e.kind, e.label) for e in makueni.events]
    assert labels == [
        (PlanEventKind.SUBMITTED, "Action Plan Submission"),
        (PlanEventKind.ENDED, "Action Plan End"),
        (PlanEventKind.OTHER, "Duration"),
        (PlanEventKind.SUBMITTED, "Date Submitted"),
    ]
    for event in makueni.events:
        assert event.date is not None
        assert event.date == opengov.parse_date(event.date.phrase or event.date.iso())


def test_commitment_periods_span_the_start_and_end_phrases(makueni: ActionPlan) -> None:
    for commitment in makueni.commitments:
        extra = {e.name: e.value for e in commitment.extra}
        assert commitment.period is not None and commitment.period.phrase is None
        assert commitment.period.start == opengov.parse_date(extra["start_phrase"]).start
        assert commitment.period.end == opengov.parse_date(extra["end_phrase"]).end


def test_ogp_values_are_read_from_the_words_kept(makueni: ActionPlan) -> None:
    for commitment in makueni.commitments:
        words = [e.value for e in commitment.extra if e.name == "OGP Value"]
        assert [OGPValue.parse(word) for word in words] == commitment.ogp_values != []
