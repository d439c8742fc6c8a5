"""The shipped standards catalogues: both load, ids are consistent, unverified wording is marked."""

from __future__ import annotations

import pytest

import opengov
import opengov.standards
from opengov.model import Phase, RequirementLevel, StandardSet


@pytest.fixture(scope="module", params=["ogp-2017", "ogp-2021"])
def standards(request: pytest.FixtureRequest) -> StandardSet:
    loaded: StandardSet = opengov.standards.load(request.param)
    return loaded


def test_names() -> None:
    assert opengov.standards.names() == ["ogp-2017", "ogp-2021"]
    with pytest.raises(opengov.UnknownDatasetError, match="ogp-1999"):
        opengov.standards.load("ogp-1999")


def test_ids_nest_and_are_unique(standards: StandardSet) -> None:
    seen: set[str] = set()
    for standard in standards.standards:
        assert standard.id.startswith(standards.id + "/")
        assert standard.regime == standards.id
        assert standard.title_en and standard.title_fr
        for requirement in standard.requirements:
            assert requirement.id.startswith(standard.id + "/")
            assert requirement.id not in seen
            seen.add(requirement.id)
            assert requirement.text_en and requirement.text_fr
            assert standards.requirement(requirement.id) is requirement
    assert seen


def test_2017_axes() -> None:
    s = opengov.standards.load("ogp-2017")
    assert [x.id for x in s.standards] == [
        "ogp-2017/information",
        "ogp-2017/dialogue",
        "ogp-2017/co-ownership",
    ]
    levels = {r.level for x in s.standards for r in x.requirements}
    assert levels == {RequirementLevel.BASIC, RequirementLevel.ADVANCED}


def test_2021_standards_and_minimum_requirements() -> None:
    s = opengov.standards.load("ogp-2021")
    assert [x.number for x in s.standards] == [1, 2, 3, 4, 5]
    assert {r.level for x in s.standards for r in x.requirements} == {RequirementLevel.MINIMUM}
    phases = {x.number: {r.phase for r in x.requirements} for x in s.standards}
    assert phases[3] == {Phase.DEVELOPMENT}
    assert phases[5] == {Phase.IMPLEMENTATION}
    # DOMAIN.md marks the wording of MR 3.x as unchecked: the data must say so unless verified.
    mr3 = s.standard("ogp-2021/s3").requirements
    assert mr3 and all(r.unverified for r in mr3)


def test_france_assessments_name_shipped_axes() -> None:
    plan = opengov.datasets.load("fr-2018-2020")
    axes = {x.id for x in opengov.standards.load("ogp-2017").standards}
    assert {a.standard for a in plan.participation} <= axes


def test_round_trip(standards: StandardSet) -> None:
    assert opengov.load(opengov.dump(standards) or "") == standards
