"""opengov.testing: every field of every document class is drawn, and drawn objects are
consistent (ids scoped to their parent, references to objects that exist)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import opengov
from opengov.issues import Severity
from opengov.model import (
    ActionPlan,
    Commitment,
    Evidence,
    Organisation,
    PlanCollection,
    Requirement,
    Standard,
    StandardSet,
)
from opengov.model.describe import FieldInfo, Shape, describe, document_classes
from opengov.testing import (
    action_plans,
    commitments,
    milestones,
    plan_collections,
    requirements,
    standard_sets,
    standards,
    strategy_for,
)

#: How many documents of each kind are drawn to see every field take a value.
EXAMPLES = {"plans": 40, "commitments": 60, "collections": 8, "standard sets": 20}


def draw_many(strategy: st.SearchStrategy[Any], count: int) -> list[Any]:
    """``count`` examples of a strategy, the same on every run."""
    found: list[Any] = []

    @settings(
        max_examples=count,
        deadline=None,
        derandomize=True,
        database=None,
        phases=(Phase.generate,),
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def collect(value: Any) -> None:
        found.append(value)

    collect()
    return found


@cache
def documents() -> tuple[object, ...]:
    return (
        *draw_many(action_plans(), EXAMPLES["plans"]),
        # a plan holds few commitments once its other lists are drawn: draw some on their own
        *draw_many(strategy_for(Commitment), EXAMPLES["commitments"]),
        *draw_many(plan_collections(), EXAMPLES["collections"]),
        *draw_many(standard_sets(), EXAMPLES["standard sets"]),
    )


def objects(obj: object) -> Iterator[object]:
    """A document and every object nested in it."""
    yield obj
    for field in describe(type(obj)).fields:
        if field.shape is Shape.OBJECT:
            value = getattr(obj, field.name)
            for item in value if field.many else [value]:
                if item is not None:
                    yield from objects(item)


@cache
def observed() -> dict[tuple[type, str], list[Any]]:
    """Every value drawn for every field, by (class, field)."""
    found: dict[tuple[type, str], list[Any]] = defaultdict(list)
    for document in documents():
        for obj in objects(document):
            for field in describe(type(obj)).fields:
                found[type(obj), field.name].append(getattr(obj, field.name))
    return found


FIELDS = [field for cls in document_classes() for field in describe(cls).fields]


def shortfalls(field: FieldInfo, values: list[Any]) -> list[str]:
    """What the drawn values of a field never showed."""
    missing = []
    items = [
        item for value in values if value is not None for item in (value if field.many else [value])
    ]
    if not items:
        return ["a value"]
    if field.many and not any(values):
        missing.append("a non-empty list")
    if field.optional and None not in values:
        missing.append("an absent value")
    if not field.required and not field.many and all(v == field.default for v in values):
        missing.append(f"a value other than the default {field.default!r}")
    if field.shape is Shape.VOCABULARY and len(set(items)) < 2:
        missing.append("two members of the vocabulary")
    if field.shape is Shape.YEAR and not (
        any(isinstance(i, int) for i in items)
        and any(isinstance(i, type(field.default)) for i in items)
    ):
        missing.append("both a year and a missing-data state")
    if field.shape is Shape.BOOLEAN and len(set(items)) < 2:
        missing.append("both true and false")
    if field.required and len({repr(i) for i in items}) < 2:
        missing.append("two different values")
    return missing


@pytest.mark.parametrize("field", FIELDS, ids=[f.path for f in FIELDS])
def test_every_field_is_drawn(field: FieldInfo) -> None:
    values = observed()[field.owner, field.name]
    assert shortfalls(field, values) == []


def test_every_document_class_is_drawn() -> None:
    drawn = {type(obj) for document in documents() for obj in objects(document)}
    assert set(document_classes()) <= drawn


def test_drawn_plans_are_consistent() -> None:
    plans = [obj for d in documents() for obj in objects(d) if isinstance(obj, ActionPlan)]
    for plan in plans:
        errors = [i for i in opengov.validate(plan) if i.severity is Severity.ERROR]
        assert errors == []
        assert opengov.validate(plan, checks=["id-scope"]) == []
        numbers = [c.number for c in plan.commitments]
        assert numbers == sorted(set(numbers))


def test_references_outside_plans_name_bundled_standards() -> None:
    known = {
        obj.id: type(obj)
        for name in opengov.standards.names()
        for obj in objects(opengov.standards.load(name))
        if isinstance(obj, Standard | Requirement)
    }
    plans = [obj for d in documents() for obj in objects(d)]
    standards_named = [
        a.standard for p in plans if isinstance(p, ActionPlan) for a in p.participation
    ]
    requirements_named = [
        f.requirement
        for p in plans
        if isinstance(p, ActionPlan)
        for a in p.participation
        for f in a.findings
    ]
    assert standards_named
    assert requirements_named
    assert all(known.get(s) is Standard for s in standards_named)
    assert all(known.get(r) is Requirement for r in requirements_named)


def test_collections_hold_plans_with_distinct_ids() -> None:
    collections = [d for d in documents() if isinstance(d, PlanCollection)]
    assert any(len(c.plans) > 1 for c in collections)
    for collection in collections:
        assert len({p.id for p in collection.plans}) == len(collection.plans)
        assert [i for i in opengov.validate(collection) if i.severity is Severity.ERROR] == []


def test_standard_sets_scope_their_ids() -> None:
    for standard_set in (d for d in documents() if isinstance(d, StandardSet)):
        for standard in standard_set.standards:
            assert standard.id.startswith(standard_set.id + "/")
            for requirement in standard.requirements:
                assert requirement.id.startswith(standard.id + "/")


@pytest.mark.parametrize("cls", document_classes(), ids=lambda c: c.__name__)
def test_strategy_for_any_described_class(cls: type) -> None:
    assert all(isinstance(obj, cls) for obj in draw_many(strategy_for(cls), 5))


def test_milestones_reference_the_given_organisations() -> None:
    drawn = draw_many(milestones("p/c1/m1", ["p/o1", "p/o2"]), 60)
    assert {m.id for m in drawn} == {"p/c1/m1"}
    assert {m.organisation for m in drawn} == {None, "p/o1", "p/o2"}
    assert {m.organisation for m in draw_many(milestones("p/c1/m1"), 10)} == {None}


def test_commitments_scope_their_children() -> None:
    drawn = draw_many(commitments("p/c07", 7, ["p/o1"]), 30)
    assert {(c.id, c.number) for c in drawn} == {("p/c07", 7)}
    assert {o for c in drawn for o in c.lead_organisations} == {"p/o1"}
    children = [x.id for c in drawn for x in (*c.milestones, *c.contacts)]
    assert children
    assert all(ident.startswith("p/c07/") for ident in children)


def test_fields_can_be_given() -> None:
    given_fields = strategy_for(Organisation, id=st.just("o"), name=st.just("Etalab"))
    assert {(o.id, o.name) for o in draw_many(given_fields, 5)} == {("o", "Etalab")}
    assert {s.id for s in draw_many(standards("s/1"), 5)} == {"s/1"}
    assert {r.id for r in draw_many(requirements("s/1/r1"), 5)} == {"s/1/r1"}


def test_list_sizes_can_be_bounded() -> None:
    plans = draw_many(strategy_for(ActionPlan, max_sizes={"ActionPlan.commitments": 1}), 30)
    assert max(len(p.commitments) for p in plans) == 1
    drawn = draw_many(strategy_for(Commitment, max_sizes={"Commitment.milestones": 6}), 30)
    assert 3 < max(len(c.milestones) for c in drawn) <= 6


def test_recursion_is_bounded() -> None:
    def depth(evidence: Evidence) -> int:
        return 1 + max((depth(item) for item in evidence.items), default=0)

    deepest = max(depth(e) for e in draw_many(strategy_for(Evidence), 100))
    assert deepest == 3
