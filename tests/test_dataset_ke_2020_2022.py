"""The bundled Kenya 2020-2022 excerpt: OGP commitment pages in two crawls, messy institutions."""

from __future__ import annotations

import pytest

import opengov
from opengov.model import ActionPlan, Flag, IRMPlaceholder


@pytest.fixture(scope="module")
def kenya() -> ActionPlan:
    return opengov.datasets.load("ke-2020-2022")


def test_an_excerpt_with_no_validation_issue(kenya: ActionPlan) -> None:
    assert opengov.datasets.info("ke-2020-2022").excerpt
    assert opengov.validate(kenya) == []
    figures = {f.name: f.value for f in kenya.stated_figures}
    assert int(figures["Number of commitments"]) == 8 > len(kenya.commitments) == 6


def test_numbers_are_the_serials_of_ogp_ids(kenya: ActionPlan) -> None:
    for commitment in kenya.commitments:
        assert commitment.ogp_id == f"KE{commitment.number:04d}"
        assert commitment.id == f"ke-2020-2022/c{commitment.number:02d}"


def test_every_organisation_is_named_in_the_text_it_was_read_from(kenya: ActionPlan) -> None:
    def written(org_id: str) -> tuple[str, ...]:
        org = kenya.organisation(org_id)
        return (org.name, f"{org.name} ({org.acronym})") if org.acronym else (org.name,)

    for commitment in kenya.commitments:
        lead_text = (
            commitment.lead_as_written or kenya.organisation(commitment.lead_organisations[0]).name
        )
        for org_id in commitment.lead_organisations:
            assert any(name in lead_text for name in written(org_id)), org_id
        (support_text,) = commitment.other_actors
        assert commitment.supporting_organisations
        for org_id in commitment.supporting_organisations:
            assert any(name in support_text for name in written(org_id)), org_id


def test_run_together_leads_are_split_and_kept_as_written(kenya: ActionPlan) -> None:
    register = kenya.commitment(24)
    assert (
        register.lead_as_written == "Office of the Attorney GeneralBusiness Registration Services"
    )
    names = [kenya.organisation(o).name for o in register.lead_organisations]
    assert names == ["Office of the Attorney General", "Business Registration Services"]


def test_pending_crawls_are_states_not_assessments(kenya: ActionPlan) -> None:
    for commitment in kenya.commitments:
        for review in commitment.irm_reviews:
            states = {label.state for label in review.labels}
            if review.state is IRMPlaceholder.PENDING_REVIEW:
                assert states == {IRMPlaceholder.PENDING_REVIEW}
                assert review.assessment is None
            else:
                assert review.assessment is not None
                assert review.assessment.verifiable is Flag.YES
    no_results = [
        label
        for c in kenya.commitments
        for r in c.irm_reviews
        for label in r.labels
        if label.value == "No early results to report yet"
    ]
    assert len(no_results) == 3
    assert {label.state for label in no_results} == {IRMPlaceholder.NO_EARLY_RESULTS_YET}
