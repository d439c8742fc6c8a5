"""The bundled Paris 2019-2021 excerpt (OGP Local): IRM placeholders are states, not
assessments."""

from __future__ import annotations

import opengov
from opengov.model import IRMPlaceholder


def test_placeholders_are_states_not_assessments() -> None:
    plan = opengov.datasets.load("fr-paris-2019-2021")
    (pending,) = plan.commitment(7).irm_reviews
    assert pending.state is IRMPlaceholder.PENDING_REVIEW and pending.assessment is None
    assert {label.state for label in pending.labels} == {IRMPlaceholder.PENDING_REVIEW}
    (mixed,) = plan.commitment(8).irm_reviews
    assert mixed.state is None
    states = {label.name: label.state for label in mixed.labels}
    assert states["IRM Report"] is IRMPlaceholder.PENDING_REVIEW
    assert states["Early Results"] is IRMPlaceholder.NO_DATA
    assert states["Verifiable"] is None
