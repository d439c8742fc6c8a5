"""The bundled excerpt of Colombia's 2020-2022 plan: tracker activities with actual and expected
progress, and leads that differ between OGP's page and the government's tracker."""

from __future__ import annotations

import datetime as dt

import opengov
from opengov.model import Completion, Reporter
from opengov.model.progress import latest_update

PLAN = opengov.datasets.load("co-2020-2022")
PIDA = PLAN.commitment(1)


def test_each_activity_has_its_completion_and_the_completion_expected_by_then() -> None:
    updates = [latest_update(m.progress) for m in PIDA.milestones]
    assert [(u.percent, u.expected_percent) for u in updates if u] == [
        (100, 100),
        (0, 100),
        (0, 78),
        (0, 22),
        (0, 0),
    ]
    for update in filter(None, updates):
        assert update.reporter is Reporter.TRACKER
        assert update.scale == "percent"
        assert update.completion is Completion.UNKNOWN  # no source says what 100% means


def test_activities_keep_their_iso_dates() -> None:
    last = PIDA.milestones[-1]
    assert last.start is not None and last.start.earliest == dt.date(2021, 6, 1)
    assert last.due is not None and last.due.latest == dt.date(2022, 9, 30)
    assert [m.reference for m in PIDA.milestones] == ["1", "2", "3", "4", "5"]


def test_ogp_leads_and_tracker_responsibles_are_both_kept() -> None:
    acronyms = [PLAN.organisation(ident).acronym for ident in PIDA.lead_organisations]
    assert acronyms == ["ST", "MinTic"]
    assert [PLAN.organisation(i).acronym for i in PIDA.supporting_organisations] == ["DAFP", "DNP"]
    for milestone in PIDA.milestones:
        assert len(milestone.lead_organisations) == 4
        assert milestone.lead_as_written is not None
        assert milestone.lead_as_written.count("),") == 3


def test_english_text_is_a_translation_of_a_spanish_plan() -> None:
    assert PLAN.language == "es"
    assert PIDA.title == "Datos abiertos contra la corrupción -PIDA"
    english = {(t.field, t.text) for t in PIDA.translations if t.language == "en"}
    assert ("title", "Open data against corruption") in english
    assert PIDA.description is None  # only CEPAL's English description is stored


def test_the_irm_review_reads_no_assessment_from_a_blank() -> None:
    (review,) = PIDA.irm_reviews
    labels = {label.name: label.value for label in review.labels}
    assert labels["Completion"] == ""
    assert review.assessment is not None
    assert review.assessment.completion_end_of_term is Completion.NO_DATA
