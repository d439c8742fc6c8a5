"""The bundled France 2015-2017 excerpt: plan titles and numbering as written, and IRM labels
read from a French and an English OGP page."""

from __future__ import annotations

import opengov
from opengov.model import DidItOpenGovernment, Flag


def test_references_keep_their_punctuation() -> None:
    plan = opengov.datasets.load("fr-2015-2017")
    assert [c.reference for c in plan.commitments][:9] == [
        "Engagement 1. :",
        "Engagement 2. :",
        "Engagement 3. :",
        "Engagement 4.",
        "Engagement 5.",
        "Engagement 6.",
        "Engagement 7 :",
        "Engagement 8 :",
        "Engagement 9 :",
    ]
    assert [c.axis for c in plan.commitments][:9] == ["fr-2015-2017/axis/1"] * 9


def test_irm_labels_in_two_languages() -> None:
    plan = opengov.datasets.load("fr-2015-2017")
    (french,) = plan.commitment(1).irm_reviews
    (english,) = plan.commitment(28).irm_reviews
    assert {label.language for label in french.labels} == {"fr"}
    assert {label.language for label in english.labels} == {"en"}
    assert french.assessment is not None and english.assessment is not None
    assert french.assessment.did_it_open_government is DidItOpenGovernment.MAJOR
    assert english.assessment.did_it_open_government is DidItOpenGovernment.MARGINAL
    assert english.assessment.verifiable is Flag.NO
    assert english.assessment.values.technology_and_innovation is Flag.YES
    assert english.assessment.values.civic_participation is Flag.NO_DATA
    blank = [label for label in french.labels if label.value == ""]
    assert [(label.name, label.state) for label in blank] == [("Achèvement", None)]
