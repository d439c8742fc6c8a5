"""The bundled Paris 2017 excerpt (OGP Local): a recurring action, and run-together support
fields resolved into organisations."""

from __future__ import annotations

import opengov
from opengov.model import Frequency, OrganisationRole


def test_a_recurring_action_has_no_deadline() -> None:
    plan = opengov.datasets.load("fr-paris-2017")
    (action,) = plan.commitment(3).milestones
    assert action.due is not None and action.due.frequency is Frequency.QUARTERLY
    assert action.due.phrase == "Every trimester"
    assert action.due.earliest is None and action.due.latest is None


def test_support_field_is_kept_and_resolved() -> None:
    plan = opengov.datasets.load("fr-paris-2017")
    commitment = plan.commitment(1)
    names = [plan.organisation(o).name for o in commitment.supporting_organisations]
    assert all(name in commitment.other_actors[0] for name in names)
    roles = {
        plan.organisation(o).name: plan.organisation(o).role
        for o in commitment.supporting_organisations
    }
    assert roles["SYNLAB"] is OrganisationRole.CIVIL_SOCIETY
    assert roles["Paris Sorbonne"] is OrganisationRole.ACADEMIA
