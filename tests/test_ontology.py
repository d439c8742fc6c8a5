"""The published ontology and SHACL shapes: generated from the model, shipped, and obeyed."""

from __future__ import annotations

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.compare import to_isomorphic
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

import opengov
import opengov.standards
from opengov.io import rdf
from opengov.io.rdf import OG
from opengov.io.rdf._mapping import concept_iri
from opengov.io.rdf.ontology import ontology_graph, shapes_graph
from opengov.model import Completion, MilestoneStatus


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(rdf.shapes_path(), format="turtle")


@pytest.fixture(scope="module")
def vocabulary() -> Graph:
    return Graph().parse(rdf.ontology_path(), format="turtle")


def test_shipped_files_match_the_model(shapes: Graph, vocabulary: Graph) -> None:
    message = "regenerate with: python -m opengov.io.rdf.ontology"
    assert to_isomorphic(vocabulary) == to_isomorphic(ontology_graph()), message
    assert to_isomorphic(shapes) == to_isomorphic(shapes_graph()), message


def test_every_term_used_is_defined_with_labels(vocabulary: Graph) -> None:
    plan = rdf.to_graph(opengov.datasets.load("fr-2018-2020"))
    used = {str(p) for p in plan.predicates()} | {str(o) for o in plan.objects(None, RDF.type)}
    ours = sorted(t for t in used if t.startswith(OG))
    assert ours
    for term in ours:
        labels = {
            label.language
            for label in vocabulary.objects(URIRef(term), RDFS.label)
            if isinstance(label, Literal)
        }
        assert labels == {"en", "fr"}, term
        assert vocabulary.value(URIRef(term), RDFS.comment) is not None, term
        kinds = set(vocabulary.objects(URIRef(term), RDF.type))
        assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, RDFS.Datatype}, term


def test_links_to_child_resources_are_parts_and_nothing_else(vocabulary: Graph) -> None:
    parts = set(vocabulary.subjects(RDFS.subPropertyOf, DCTERMS.hasPart))
    assert URIRef(OG + "hasCommitment") in parts
    assert URIRef(OG + "hasMilestone") in parts
    for part in parts:
        assert str(part).startswith(OG + "has"), part
        assert (part, RDF.type, OWL.ObjectProperty) in vocabulary, part
    # references and text are not parts: a milestone's organisation, its evidence text
    assert URIRef(OG + "organisation") not in parts
    assert URIRef(OG + "evidence") not in parts


def test_vocabularies_are_skos_concept_schemes(vocabulary: Graph) -> None:
    concept = URIRef(concept_iri(Completion.SUBSTANTIAL))
    assert (concept, RDF.type, SKOS.Concept) in vocabulary
    assert (concept, SKOS.notation, Literal(4)) in vocabulary
    assert Literal("Substantiel", lang="fr") in set(vocabulary.objects(concept, SKOS.prefLabel))
    status = URIRef(concept_iri(MilestoneStatus.DONE_ONGOING))
    assert Literal("Réalisé, actions au fil de l'eau", lang="fr") in set(
        vocabulary.objects(status, SKOS.prefLabel)
    )
    schemes = set(vocabulary.subjects(RDF.type, SKOS.ConceptScheme))
    assert len(schemes) >= 15


def test_france_plan_conforms_to_the_shapes(shapes: Graph) -> None:
    data = rdf.to_graph(opengov.datasets.load("fr-2018-2020"))
    conforms, _, text = validate(data, shacl_graph=shapes)
    assert conforms, text


def test_standard_sets_conform_to_the_shapes(shapes: Graph) -> None:
    for name in opengov.standards.names():
        conforms, _, text = validate(rdf.to_graph(opengov.standards.load(name)), shacl_graph=shapes)
        assert conforms, text


def test_shapes_catch_a_broken_graph(shapes: Graph) -> None:
    data = rdf.to_graph(opengov.datasets.load("fr-2018-2020"))
    commitment = URIRef(rdf.iri_for_id("fr-2018-2020/c01"))
    data.add((commitment, URIRef(OG + "number"), Literal(99)))
    data.add((commitment, URIRef(OG + "completion"), URIRef(OG + "finished")))
    data.add((commitment, URIRef("https://example.org/colour"), Literal("blue")))
    conforms, report, _ = validate(data, shacl_graph=shapes)
    assert not conforms
    focus = {str(o) for o in report.objects(None, URIRef("http://www.w3.org/ns/shacl#focusNode"))}
    assert str(commitment) in focus
