"""Personal data is cleared by the fields' own marks, wherever the field is; exports made
without personal data hold no contact name or e-mail address, in any format."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from attrs import define, field

import opengov
from _hostile import TARGETS, destination, run_cli
from opengov.model import ActionPlan, Commitment, Contact, Milestone, PlanCollection
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


# --- exports without personal data -------------------------------------------------------------


def _texts_outside_contacts(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key != "contacts":
                yield from _texts_outside_contacts(value)
    elif isinstance(node, list):
        for item in node:
            yield from _texts_outside_contacts(item)
    elif isinstance(node, str):
        yield node


@pytest.fixture(scope="module")
def personal_data(france: ActionPlan, france_text: Callable[[str], str]) -> tuple[bytes, ...]:
    """Every contact name and e-mail address of the France plan, in the forms a format may use
    (UTF-8, JSON escapes, percent-encoding). Names that also appear outside the contacts (an
    organisation given as the contact) are not personal data and are left out."""
    other = "\n".join(_texts_outside_contacts(json.loads(france_text("json"))))
    values = set()
    for commitment in france.commitments:
        for contact in commitment.contacts:
            if contact.name and contact.name not in other:
                values.add(contact.name)
            if contact.email:
                values.add(contact.email)
    assert len(values) >= 10, values
    forms = set()
    for value in values:
        forms.add(value.encode("utf-8"))
        forms.add(json.dumps(value)[1:-1].encode("ascii"))
        forms.add(quote(value, safe="@").encode("ascii"))
        forms.add(quote(value).encode("ascii"))
    return tuple(sorted(forms))


def output_bytes(path: Path) -> list[tuple[str, bytes]]:
    if path.is_dir():
        return [(p.name, p.read_bytes()) for p in sorted(path.iterdir())]
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            return [(name, archive.read(name)) for name in archive.namelist()]
    return [(path.name, path.read_bytes())]


def assert_no_personal_data(path: Path, personal_data: tuple[bytes, ...]) -> None:
    outputs = output_bytes(path)
    assert outputs and all(data for _, data in outputs)
    leaks = sorted(
        {
            f"{name}: {value.decode()}"
            for name, data in outputs
            for value in personal_data
            if value in data
        }
    )
    assert leaks == [], f"personal data in an export without personal data: {leaks[:5]}"


def test_personal_data_is_there_to_be_found(tmp_path: Path, france: ActionPlan) -> None:
    """The search works: an export *with* personal data has every contact in it."""
    opengov.dump(france, tmp_path / "plan.json")
    data = (tmp_path / "plan.json").read_bytes()
    emails = {c.email for cm in france.commitments for c in cm.contacts if c.email}
    assert emails and all(email.encode() in data for email in emails)


@pytest.mark.parametrize("fmt", sorted(TARGETS))
def test_export_without_personal_data(
    fmt: str, tmp_path: Path, france: ActionPlan, personal_data: tuple[bytes, ...]
) -> None:
    opengov.dump(france, destination(tmp_path, fmt), personal_data=False)
    assert_no_personal_data(tmp_path / TARGETS[fmt], personal_data)


@pytest.mark.parametrize("fmt", ["json", "zip", "turtle"])
def test_collection_export_without_personal_data(
    fmt: str, tmp_path: Path, france: ActionPlan, personal_data: tuple[bytes, ...]
) -> None:
    collection = PlanCollection(id="plans", title="Plans", plans=[france])
    opengov.dump(collection, destination(tmp_path, fmt), personal_data=False)
    assert_no_personal_data(tmp_path / TARGETS[fmt], personal_data)


@pytest.mark.parametrize("fmt", sorted(TARGETS))
def test_cli_convert_without_personal_data(
    fmt: str, tmp_path: Path, personal_data: tuple[bytes, ...]
) -> None:
    target = destination(tmp_path, fmt)
    code, stderr = run_cli(["convert", "fr-2018-2020", target, "--no-personal-data"])
    assert code == 0, stderr
    assert_no_personal_data(tmp_path / TARGETS[fmt], personal_data)


def test_cli_convert_collection_without_personal_data(
    tmp_path: Path, france: ActionPlan, personal_data: tuple[bytes, ...]
) -> None:
    collection = PlanCollection(id="plans", title="Plans", plans=[france])
    opengov.dump(collection, tmp_path / "plans.json")
    code, stderr = run_cli(
        ["convert", str(tmp_path / "plans.json"), str(tmp_path / "out.json"), "--no-personal-data"]
    )
    assert code == 0, stderr
    assert_no_personal_data(tmp_path / "out.json", personal_data)
