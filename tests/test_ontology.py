"""The published ontology and SHACL shapes: generated from the model, shipped, and obeyed."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.compare import to_isomorphic
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS

import opengov
import opengov.standards
from opengov.io import rdf
from opengov.io.ogp import read_export
from opengov.io.rdf import OG
from opengov.io.rdf._mapping import ROOTS, Kind, all_classes, class_map, concept_iri, scheme_iri
from opengov.io.rdf.ontology import ontology_graph, shapes_graph
from opengov.model import (
    BindingConstraint,
    Completion,
    CompletionChange,
    MilestoneStatus,
    Quadrant,
    Vocabulary,
    vocabularies,
)


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


def test_every_vocabulary_of_the_model_is_published(vocabulary: Graph) -> None:
    published = [getattr(vocabularies, name) for name in vocabularies.__all__]
    assert {Quadrant, BindingConstraint, CompletionChange} <= set(published)
    for vocab in published:
        assert issubclass(vocab, Vocabulary)
        scheme = URIRef(scheme_iri(vocab))
        assert (scheme, RDF.type, SKOS.ConceptScheme) in vocabulary, vocab
        concepts = set(vocabulary.subjects(SKOS.inScheme, scheme))
        assert concepts == {URIRef(concept_iri(member)) for member in vocab}, vocab
        for member in vocab:
            assert set(vocabulary.objects(URIRef(concept_iri(member)), SKOS.prefLabel)) == {
                Literal(member.label_en, lang="en"),
                Literal(member.label_fr, lang="fr"),
            }, member
    starred = URIRef(concept_iri(BindingConstraint.STARRED))
    assert Literal("Étoilé", lang="fr") in set(vocabulary.objects(starred, SKOS.prefLabel))
    assert Literal("PotImp") in set(
        vocabulary.objects(
            URIRef(concept_iri(BindingConstraint.POTENTIAL_IMPACT)), SKOS.hiddenLabel
        )
    )


def _reference_fields() -> list[tuple[type, str, str, Kind, type]]:
    """(class, field, property, kind, referenced class) of every field holding ids."""
    found = []
    for root in ROOTS:
        for cls in all_classes(root):
            for field in class_map(cls).fields:
                target = field.info.references
                if target is not None and (cls, field.name) not in {f[:2] for f in found}:
                    found.append((cls, field.name, field.predicate, field.kind, target))
    return found


def test_a_reference_has_the_referenced_class_as_range(vocabulary: Graph) -> None:
    fields = _reference_fields()
    assert {kind for *_, kind, _ in fields} == {Kind.REF, Kind.SEQ}
    for cls, name, predicate, kind, target in fields:
        ranges = set(vocabulary.objects(URIRef(predicate), RDFS.range))
        # one reference is the referenced object's IRI; a list of them is an rdf:Seq of IRIs
        expected = URIRef(OG + target.__name__) if kind is Kind.REF else RDF.Seq
        assert ranges == {expected}, f"{cls.__name__}.{name}"
        assert (URIRef(predicate), RDF.type, OWL.ObjectProperty) in vocabulary


def _shape_classes(shapes: Graph, path: str) -> set[object]:
    found = set()
    for prop in shapes.subjects(SH.path, URIRef(path)):
        found |= set(shapes.objects(prop, SH["class"]))
        assert (prop, SH.nodeKind, SH.IRI) in shapes, path
    return found


def test_shapes_ask_for_the_referenced_class_within_a_document(shapes: Graph) -> None:
    organisation = URIRef(OG + "Organisation")
    assert _shape_classes(shapes, OG + "leadOrganisation") == {organisation}
    assert _shape_classes(shapes, OG + "organisation") == {organisation}
    assert _shape_classes(shapes, OG + "report") == {URIRef(OG + "Report")}
    # a plan's standards and requirements are written in a standard set, another document
    assert _shape_classes(shapes, OG + "standard") == set()
    assert _shape_classes(shapes, OG + "requirement") == set()


def test_shapes_catch_a_reference_to_a_missing_organisation(shapes: Graph) -> None:
    data = rdf.to_graph(opengov.datasets.load("fr-2018-2020"))
    plan = URIRef(rdf.iri_for_id("fr-2018-2020"))
    assert data.value(plan, URIRef(OG + "leadOrganisation")) is not None
    data.set((plan, URIRef(OG + "leadOrganisation"), URIRef(rdf.iri_for_id("nobody"))))
    conforms, report, _ = validate(data, shacl_graph=shapes)
    assert not conforms
    assert set(report.objects(None, SH.resultPath)) == {URIRef(OG + "leadOrganisation")}
    assert set(report.objects(None, SH.focusNode)) == {plan}


def test_france_plan_conforms_to_the_shapes(shapes: Graph) -> None:
    data = rdf.to_graph(opengov.datasets.load("fr-2018-2020"))
    conforms, _, text = validate(data, shacl_graph=shapes)
    assert conforms, text


@pytest.mark.slow
def test_the_ogp_export_conforms_to_the_shapes(shapes: Graph, ogp_export_path: Path) -> None:
    data = rdf.to_graph(read_export(ogp_export_path).collection)
    assert (None, URIRef(OG + "leadOrganisations"), None) in data
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
