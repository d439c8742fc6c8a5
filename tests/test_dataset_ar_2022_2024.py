"""The bundled excerpt of Argentina's 2022-2024 plan: IRM placeholders in two interface languages,
French machine translations, and a commitment page with an empty lead."""

from __future__ import annotations

import opengov
from opengov.model import Completion, EarlyResults, Flag, IRMPlaceholder, TextOrigin

PLAN = opengov.datasets.load("ar-2022-2024")
ESCAZU = PLAN.commitment(1)


def test_placeholders_are_states_in_both_languages_never_assessments() -> None:
    english, french = ESCAZU.irm_reviews
    assert (english.source or "").startswith("https://www.opengovpartnership.org/members/")
    assert "/fr/" in (french.source or "")
    for review in (english, french):
        pending = [label for label in review.labels if label.state is not None]
        assert {label.state for label in pending} == {IRMPlaceholder.PENDING_REVIEW}
        assert len(pending) == 2
        assert review.assessment is not None
        assert review.assessment.verifiable is Flag.YES
        assert review.assessment.early_results is EarlyResults.NO_DATA
        assert review.assessment.completion_end_of_term is Completion.NO_DATA


def test_french_text_is_machine_translated() -> None:
    french = [t for t in ESCAZU.translations if t.language == "fr"]
    assert {t.field for t in french} == {"title", "description"}
    assert all(t.origin is TextOrigin.MACHINE_TRANSLATION for t in french)
    areas = [e.value for e in ESCAZU.extra if e.name == "Policy Areas (French interface)"]
    assert len(areas) == len(ESCAZU.themes) == 6
    assert areas[0] == "Renforcement des capacités"
    assert opengov.validate(PLAN) == []


def test_an_empty_lead_stays_empty() -> None:
    assert ESCAZU.lead_organisations == []
    assert ESCAZU.lead_as_written == ""
    (body,) = ESCAZU.supporting_organisations
    assert PLAN.organisation(body).hierarchy[0] == "Ministerio de Ambiente y Desarrollo Sostenible"
    assert ESCAZU.other_actors == ["Fundeps, Acción Colectiva"]


def test_commitments_known_only_by_number() -> None:
    assert [c.number for c in PLAN.commitments] == [1, 4, 5]
    assert PLAN.commitment(5).description == "el compromiso 5 sobre políticas de cuida[…]"
