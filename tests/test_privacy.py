"""Personal data is cleared by the fields' own marks, wherever the field is."""

from __future__ import annotations

from attrs import define, field

from opengov.model import ActionPlan, Commitment, Contact, Milestone
from opengov.model._fields import facts, list_field
from opengov.model.describe import describe
from opengov.model.privacy import without_personal_data


def test_the_france_plan_loses_its_contacts_and_keeps_the_rest(france: ActionPlan) -> None:
    assert any(c.contacts for c in france.commitments)
    stripped = without_personal_data(france)
    assert all(not c.contacts for c in stripped.commitments)
    assert [c.title for c in stripped.commitments] == [c.title for c in france.commitments]
    assert any(c.contacts for c in france.commitments), "the original is unchanged"


@define(kw_only=True)
class ReviewedMilestone(Milestone):
    reviewer: str | None = field(default=None, metadata=facts(personal=True))
    witnesses: list[str] = field(factory=list, metadata=facts(personal=True))


@define(kw_only=True)
class CommitmentWithReviews(Commitment):
    reviewed: list[ReviewedMilestone] = list_field()
    contact: Contact | None = None


def test_a_field_marked_personal_is_cleared_wherever_it_is() -> None:
    reviewed = ReviewedMilestone(
        id="p/c1/m1", title="Publish", reviewer="A. Person", witnesses=["B. Person"]
    )
    commitment = CommitmentWithReviews(
        id="p/c1",
        number=1,
        title="One",
        reviewed=[reviewed],
        contact=Contact(id="p/c1/k", name="C. Person"),
    )
    assert describe(ReviewedMilestone).field("reviewer").personal
    assert describe(Contact).personal, "a contact cannot exist without its name"
    stripped = without_personal_data(commitment)
    assert stripped.reviewed[0].reviewer is None
    assert stripped.reviewed[0].witnesses == []
    assert stripped.reviewed[0].title == "Publish"
    assert stripped.contact is None
    assert commitment.reviewed[0].reviewer == "A. Person", "the original is unchanged"
