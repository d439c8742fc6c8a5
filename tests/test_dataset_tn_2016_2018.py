"""The bundled Tunisia 2016-2018 excerpt: four levels, percentages, IRM labels in two languages."""

from __future__ import annotations

import pytest

import opengov
from opengov.model import ActionPlan, Completion, IRMPlaceholder


@pytest.fixture(scope="module")
def tunisia() -> ActionPlan:
    return opengov.datasets.load("tn-2016-2018")


def test_an_excerpt_with_no_validation_error(tunisia: ActionPlan) -> None:
    assert opengov.datasets.info("tn-2016-2018").excerpt
    errors = [i for i in opengov.validate(tunisia) if i.severity is opengov.Severity.ERROR]
    assert errors == []
    assert (tunisia.country, tunisia.number, tunisia.languages) == ("TN", 2, ["en", "fr", "ar"])


def test_topic_commitment_sub_commitment_milestone(tunisia: ActionPlan) -> None:
    (topic,) = tunisia.axes
    post = tunisia.commitment(0)  # the tracker post shows no number and no title
    assert post.axis == topic.id and post.milestones == []
    assert [s.reference for s in post.sub_commitments] == [f"Sub-commitment {n}" for n in (1, 2, 3)]
    assert [len(s.milestones) for s in post.sub_commitments] == [1, 3, 3]
    for sub in post.sub_commitments:
        assert all(m.id.startswith(sub.id + "/") for m in sub.milestones)
        assert len(sub.lead_organisations) == 1


def test_progress_rates_are_read_on_the_percent_scale(tunisia: ActionPlan) -> None:
    updates = [u for s in tunisia.commitment(0).sub_commitments for u in s.progress]
    assert [u.status_phrase for u in updates] == ["66%", "33%", "33%"]
    for update in updates:
        assert update.scale is not None and update.status_phrase is not None
        reading = opengov.parse_status(update.status_phrase, update.scale)
        assert update.percent == float(reading.percent or -1)
        assert update.completion is reading.meaning is Completion.UNKNOWN


def test_period_phrase_holds_the_start_and_end_phrases(tunisia: ActionPlan) -> None:
    eiti = tunisia.commitment(1)
    extra = {e.name: e.value for e in eiti.extra}
    assert eiti.period is not None
    assert eiti.period.start == opengov.parse_date(extra["start_phrase"]).start
    assert eiti.period.end == opengov.parse_date(extra["end_phrase"]).end


def test_placeholders_are_states_in_both_languages(tunisia: ActionPlan) -> None:
    labels = [label for c in tunisia.commitments for r in c.irm_reviews for label in r.labels]
    pending = {label.value for label in labels if label.state is IRMPlaceholder.PENDING_REVIEW}
    assert pending == {"Pending IRM Review", "examen IRM en attente"}
    assert {label.language for label in labels} == {"en", "fr"}
    for label in labels:
        assert label.state is opengov.irm_placeholder(label.value)


def test_french_page_translates_every_eiti_milestone(tunisia: ActionPlan) -> None:
    milestones = tunisia.commitment(1).milestones
    assert len(milestones) == 5
    for milestone in milestones:
        (french,) = milestone.translations
        assert (french.field, french.language) == ("title", "fr")
        assert french.source is not None and "/fr/" in french.source
