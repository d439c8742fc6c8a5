"""Every requirement of the shipped standards cites its sources with the provenance flag of the
project's source research (tests/data/ogp/standards-sources.json); the IRM's influence levels
carry the definitions France's self-assessment prints; unattested levels are not offered."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import opengov.standards
from opengov import VocabularyError
from opengov.io.rdf._mapping import concept_iri
from opengov.io.rdf.ontology import ontology_graph
from opengov.model import EarlyResults, Provenance, PublicInfluence, StandardSet

DATA = Path(__file__).parent / "data"
SOURCES = DATA / "ogp" / "standards-sources.json"
SEED = DATA / "seeds" / "france-2018-2020-self-assessment.txt"

# The research file's flag: true, "partial" or false.
FLAGS: dict[object, Provenance] = {
    True: Provenance.VERIFIED,
    "partial": Provenance.PARTIAL,
    False: Provenance.UNVERIFIED,
}


def _research() -> dict[str, Any]:
    research: dict[str, Any] = json.loads(SOURCES.read_text(encoding="utf-8"))
    return research


def _items(set_id: str) -> dict[str, dict[str, Any]]:
    """The research's item for each library requirement id of a set."""
    research = _research()[set_id]
    items: dict[str, dict[str, Any]] = {}
    if set_id == "ogp-2017":
        found = [r for area in research["areas"] for r in area["requirements"]]
        for item in [*found, *research["phase_rules_attested_elsewhere"]]:
            if item.get("library_id"):
                items[item["library_id"]] = item
    else:
        for standard in research["standards"]:
            for item in standard["minimum_requirements"]:
                items[f"ogp-2021/{standard['id']}/mr{item['id']}"] = item
    return items


@pytest.fixture(scope="module", params=["ogp-2017", "ogp-2021"])
def standards(request: pytest.FixtureRequest) -> StandardSet:
    loaded: StandardSet = opengov.standards.load(request.param)
    return loaded


def test_every_requirement_cites_the_researched_sources_and_flag(standards: StandardSet) -> None:
    items = _items(standards.id)
    requirements = [r for s in standards.standards for r in s.requirements]
    assert {r.id for r in requirements} == set(items)
    for requirement in requirements:
        item = items[requirement.id]
        urls = [s for s in item["source"] if s.startswith(("http://", "https://"))]
        # Where no address was found, the requirement cites its set's official publication.
        assert requirement.sources == (urls or [standards.url]), requirement.id
        assert requirement.sources and all(s.startswith("http") for s in requirement.sources)
        assert requirement.provenance is FLAGS[item["verified"]], requirement.id
        assert requirement.unverified is (requirement.provenance is Provenance.UNVERIFIED)


def test_verified_2021_wording_is_ogps_own() -> None:
    items = _items("ogp-2021")
    s = opengov.standards.load("ogp-2021")
    verified = [
        r for x in s.standards for r in x.requirements if r.provenance is Provenance.VERIFIED
    ]
    assert {r.id for r in verified} == {
        "ogp-2021/s1/mr1.1",
        "ogp-2021/s2/mr2.1",
        "ogp-2021/s5/mr5.1",
    }
    for requirement in verified:
        assert requirement.text_en == items[requirement.id]["text_en"]


def test_corrected_flags() -> None:
    s2017 = opengov.standards.load("ogp-2017")
    s2021 = opengov.standards.load("ogp-2021")
    # Sourced text or rule, placement not stated: no longer "unverified".
    assert s2017.requirement("ogp-2017/co-ownership/b2").provenance is Provenance.PARTIAL
    assert s2017.requirement("ogp-2017/information/b6").provenance is Provenance.PARTIAL
    # Only its opening and the twice-a-year rule are sourced: no longer "verified".
    assert s2021.requirement("ogp-2021/s2/mr2.2").provenance is Provenance.PARTIAL


def test_a_requirement_without_flag_is_unverified() -> None:
    loaded = opengov.load(
        '{"schema_version": "1.0", "kind": "standard_set", "id": "x", "title": "X",'
        ' "standards": [{"id": "x/s", "regime": "x", "number": 1, "title_en": "S",'
        ' "requirements": [{"id": "x/s/r", "text_en": "R"}]}]}'
    )
    assert isinstance(loaded, StandardSet)
    assert loaded.requirement("x/s/r").provenance is Provenance.UNVERIFIED
    with pytest.raises(VocabularyError, match="provenance"):
        Provenance.parse("maybe")


def test_influence_definitions_are_the_seed_reports() -> None:
    lines = SEED.read_text(encoding="utf-8").splitlines()[81:88]
    assert lines[0].startswith("Degré d'influence citoyenne")
    printed = {}
    for line in lines[1:]:
        label, definition = line.split("\t")[:2]
        printed[PublicInfluence.parse(label)] = definition
    assert set(printed) == set(PublicInfluence)
    research = _research()["irm"]["public_influence_scale"]["levels"]
    for level in PublicInfluence:
        assert level.definition_fr == printed[level]
        assert level.definition_en is None  # the IRM's English wording was not found
        (row,) = [r for r in research if r["code"] == level.value]
        assert row["irm_definition_fr"] == level.definition_fr


def test_ontology_publishes_definitions() -> None:
    from rdflib import Literal, URIRef
    from rdflib.namespace import SKOS

    graph = ontology_graph()
    involve = URIRef(concept_iri(PublicInfluence.INVOLVE))
    assert set(graph.objects(involve, SKOS.definition)) == {
        Literal(
            "Le gouvernement a rendu compte de la manière dont les contributions citoyennes ont "
            "été intégrées.",
            lang="fr",
        )
    }
    partial = URIRef(concept_iri(Provenance.PARTIAL))
    assert {o.language for o in graph.objects(partial, SKOS.definition)} == {"en", "fr"}  # type: ignore[attr-defined]
    assert not set(graph.objects(URIRef(concept_iri(EarlyResults.MODERATE)), SKOS.definition))


def test_early_results_offer_only_attested_levels() -> None:
    research = _research()["irm"]["rubrics"]["early_results"]
    assert research["outstanding_level"]["verified"] is False
    real = {m.label_en: m.ogp_code for m in EarlyResults if m.is_known}
    assert real == research["codes"]
    with pytest.raises(VocabularyError):
        EarlyResults.parse("Outstanding")
