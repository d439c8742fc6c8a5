"""RDF: round trips in every syntax, isomorphic graphs, the streaming writer, errors, safety."""

from __future__ import annotations

import io
import json
from pathlib import Path

import attrs
import pytest
from attrs import define, field
from hypothesis import HealthCheck, given, settings
from pyshacl import validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import to_isomorphic
from rdflib.namespace import OWL, RDFS, SH
from rdflib.namespace import RDF as RDF_NS

import opengov
from opengov import LoadError
from opengov.io import rdf
from opengov.io.rdf import OG
from opengov.io.rdf._terms import RDF
from opengov.io.rdf.ontology import ontology_graph, shapes_graph
from opengov.model import ActionPlan, Commitment, Milestone, Organisation
from opengov.model import describe as describe_module
from opengov.model._fields import facts, list_field
from opengov.model.describe import FieldDoc
from opengov.testing import action_plans

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(action_plans(max_commitments=3))
def test_turtle_round_trip(plan: ActionPlan) -> None:
    assert rdf.loads(rdf.dumps(plan, "turtle"), "turtle") == plan


@SETTINGS
@given(action_plans(max_commitments=3))
def test_ntriples_round_trip(plan: ActionPlan) -> None:
    assert rdf.loads(rdf.dumps(plan, "nt"), "nt") == plan


@SETTINGS
@given(action_plans(max_commitments=3))
def test_jsonld_round_trip(plan: ActionPlan) -> None:
    assert rdf.loads(rdf.dumps(plan, "json-ld"), "json-ld") == plan


@SETTINGS
@given(action_plans(max_commitments=3))
def test_graph_round_trip_is_isomorphic(plan: ActionPlan) -> None:
    graph = rdf.to_graph(plan)
    again = rdf.to_graph(rdf.from_graph(graph))
    assert to_isomorphic(again) == to_isomorphic(graph)
    assert not any(isinstance(term, BNode) for triple in graph for term in triple)


@SETTINGS
@given(action_plans(max_commitments=3))
def test_streaming_writer_matches_to_graph(plan: ActionPlan) -> None:
    out = io.StringIO()
    count = rdf.write_ntriples([plan], out)
    streamed = Graph().parse(data=out.getvalue(), format="nt")
    graph = rdf.to_graph(plan)
    assert count == len(graph)
    assert to_isomorphic(streamed) == to_isomorphic(graph)


def test_streaming_many_plans_in_one_stream(tmp_path: Path) -> None:
    plans = [
        ActionPlan(
            id=f"xx-{n}",
            country="XX",
            title=f"Plan {n}",
            commitments=[Commitment(id=f"xx-{n}/c1", number=1, title="c")],
        )
        for n in range(3)
    ]
    target = tmp_path / "all.nt"
    with target.open("w", encoding="utf-8") as out:
        count = rdf.write_ntriples(plans, out)
    graph = Graph().parse(target, format="nt")
    assert len(graph) == count == sum(len(rdf.to_graph(p)) for p in plans)


@pytest.mark.parametrize("suffix", ["ttl", "nt", "jsonld"])
def test_france_plan_round_trips_through_files(
    france: ActionPlan, suffix: str, tmp_path: Path
) -> None:
    target = tmp_path / f"fr.{suffix}"
    opengov.dump(france, target)
    assert opengov.load(target) == france


def test_text_literals_carry_the_plan_language(france: ActionPlan) -> None:
    graph = rdf.to_graph(france)
    title = graph.value(
        URIRef(rdf.iri_for_id("fr-2018-2020/c01")), URIRef("http://purl.org/dc/terms/title")
    )
    assert isinstance(title, Literal)
    assert title.language == "fr"
    assert str(title) == france.commitments[0].title


def test_iris_are_minted_from_ids_under_the_base(france: ActionPlan) -> None:
    base = "https://example.org/plans/"
    graph = rdf.to_graph(france, base=base)
    subjects = {str(s) for s in graph.subjects()}
    assert f"{base}fr-2018-2020/c05/m01" in subjects
    assert all(s.startswith(base) for s in subjects)
    assert rdf.from_graph(graph) == france


def test_nasty_ids_survive(tmp_path: Path) -> None:
    plan = ActionPlan(
        id="p q/é#1",
        country="XX",
        title="t",
        commitments=[Commitment(id="p q/é#1/c 1", number=1, title="c")],
    )
    assert rdf.loads(rdf.dumps(plan, "nt"), "nt") == plan


def test_pyoxigraph_parses_our_ntriples(france: ActionPlan) -> None:
    import pyoxigraph

    text = rdf.dumps(france, "nt")
    store = pyoxigraph.Store()
    store.load(text.encode("utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    assert len(store) == len(rdf.to_graph(france))
    query = (
        "PREFIX og: <https://w3id.org/opengov/ns#> "
        "SELECT (COUNT(?c) AS ?n) WHERE { ?p og:hasCommitment ?c }"
    )
    (row,) = list(store.query(query))
    assert int(row[0].value) == 21


def graph_of(plan: ActionPlan) -> Graph:
    return rdf.to_graph(plan)


def small() -> ActionPlan:
    return ActionPlan(
        id="p",
        country="FR",
        title="Plan",
        language="fr",
        commitments=[
            Commitment(
                id="p/c01",
                number=1,
                title="Un",
                milestones=[Milestone(id="p/c01/m1", title="m", due="fin 2020")],
            )
        ],
    )


def problems(graph: Graph) -> list[str]:
    with pytest.raises(LoadError) as caught:
        rdf.from_graph(graph)
    return [str(p) for p in caught.value.problems]


def test_errors_name_subject_and_property() -> None:
    graph = graph_of(small())
    commitment = URIRef(rdf.iri_for_id("p/c01"))
    number = URIRef(OG + "number")
    graph.remove((commitment, number, None))
    graph.add((commitment, number, Literal("one")))
    assert problems(graph) == [f'<{commitment}> <{number}>: expected an xsd:integer, got "one"']


def test_unknown_triples_are_reported_not_dropped() -> None:
    graph = graph_of(small())
    graph.add(
        (URIRef(rdf.iri_for_id("p/c01")), URIRef("https://example.org/colour"), Literal("blue"))
    )
    (problem,) = problems(graph)
    assert "1 triple(s) are not part of the document" in problem
    assert "colour" in problem


def test_missing_required_value_is_reported_with_its_subject() -> None:
    graph = graph_of(small())
    title = URIRef("http://purl.org/dc/terms/title")
    graph.remove((URIRef(rdf.iri_for_id("p/c01")), title, None))
    (problem,) = problems(graph)
    assert problem.startswith(f"<{rdf.iri_for_id('p/c01')}> <{title}>: required field missing")


def test_blank_nodes_and_missing_root() -> None:
    graph = graph_of(small())
    graph.add((URIRef(rdf.iri_for_id("p/c01")), URIRef(OG + "note"), BNode("n1")))
    graph.add((BNode("n1"), URIRef(OG + "x"), Literal(1)))
    found = problems(graph)
    assert "_:n1: blank nodes are not part of this format: every resource has an IRI" in found
    with pytest.raises(
        LoadError,
        match="expected one og:PlanCollection or og:ActionPlan or og:StandardSet resource, found 0",
    ):
        rdf.from_graph(Graph())


@pytest.mark.parametrize(
    ("text", "format", "message"),
    [
        ("this is not turtle", "turtle", "not valid turtle"),
        ("<a> <b> .", "nt", "not a valid N-Triples statement"),
        (
            '{"@context": "https://example.org/remote.jsonld", "@id": "x"}',
            "json-ld",
            "remote @context",
        ),
        ('{"@context": {"@import": "https://example.org/c.jsonld"}}', "json-ld", "remote @import"),
        ("{not json", "json-ld", "not valid JSON"),
    ],
)
def test_bad_rdf_text(text: str, format: str, message: str) -> None:
    with pytest.raises(LoadError, match=message):
        rdf.loads(text, format)


def test_our_context_iri_uses_the_shipped_context(france: ActionPlan) -> None:
    document = json.loads(rdf.dumps(small(), "json-ld"))
    document["@context"] = rdf.CONTEXT_IRI
    assert rdf.loads(json.dumps(document), "json-ld") == small()


def test_bad_language_tag_is_refused() -> None:
    plan = small()
    plan.language = "not a tag"
    with pytest.raises(opengov.DumpError, match="not a language tag"):
        rdf.dumps(plan, "turtle")


# A model extended by a user, with no edit of the RDF module: new fields of every kind.
@define(kw_only=True)
class BudgetedCommitment(Commitment):
    budget: str | None = None
    funders: list[str] = list_field()
    sponsor: str | None = field(default=None, metadata=facts(references=Organisation))
    champion: str | None = field(default=None, metadata=facts(personal=True, plain=True))


@define(kw_only=True)
class BudgetedPlan(ActionPlan):
    commitments: list[BudgetedCommitment] = list_field()


NEW_FIELDS = {
    "BudgetedCommitment.budget": FieldDoc("budget", "budget", "The budget as stated."),
    "BudgetedCommitment.funders": FieldDoc("funders", "financeurs", "Who funds it."),
    "BudgetedCommitment.sponsor": FieldDoc("sponsor", "parrain", "The sponsoring body."),
    "BudgetedCommitment.champion": FieldDoc("champion", "référent", "Who champions it."),
}


def test_new_fields_map_to_rdf_without_an_edit_of_the_mapping(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The labels of the new fields, as their entries in fields.toml would give them.
    entries = {**describe_module.field_docs(), **NEW_FIELDS}
    monkeypatch.setattr(describe_module, "field_docs", lambda: entries)
    base = small()
    org = Organisation(id="p/org/a", name="A")
    commitment = BudgetedCommitment(
        **{a.alias: getattr(base.commitments[0], a.name) for a in attrs.fields(Commitment)},
        budget="2 M€",
        funders=["AFD", "Etalab"],
        sponsor=org.id,
        champion="Jeanne Dupont",
    )
    values = {a.alias: getattr(base, a.name) for a in attrs.fields(ActionPlan)}
    plan = BudgetedPlan(**{**values, "organisations": [org], "commitments": [commitment]})

    graph = rdf.to_graph(plan)
    subject = URIRef(rdf.iri_for_id(commitment.id))
    assert graph.value(subject, URIRef(OG + "budget")) == Literal("2 M€", lang="fr")
    assert graph.value(subject, URIRef(OG + "champion")) == Literal("Jeanne Dupont")
    assert graph.value(subject, URIRef(OG + "sponsor")) == URIRef(rdf.iri_for_id(org.id))
    funders = graph.value(subject, URIRef(OG + "funders"))
    assert graph.value(funders, URIRef(f"{RDF}_2")) == Literal("Etalab", lang="fr")
    for format in ("turtle", "nt", "json-ld"):
        text = rdf.dumps(plan, format)
        assert "budget" in text and "funders" in text
        assert rdf.loads(text, format, expected=BudgetedPlan) == plan, format

    vocabulary = ontology_graph((BudgetedPlan,))
    for name, labels in NEW_FIELDS.items():
        prop = URIRef(OG + name.split(".")[1])
        assert (prop, RDFS.domain, URIRef(OG + "BudgetedCommitment")) in vocabulary
        assert set(vocabulary.objects(prop, RDFS.label)) == {
            Literal(labels.en, lang="en"),
            Literal(labels.fr, lang="fr"),
        }
        assert vocabulary.value(prop, RDFS.comment) == Literal(labels.doc, lang="en")
    assert (URIRef(OG + "sponsor"), RDF_NS.type, OWL.ObjectProperty) in vocabulary
    assert (URIRef(OG + "budget"), RDF_NS.type, OWL.DatatypeProperty) in vocabulary
    # the subclass keeps its base's labels
    commitment_class = URIRef(OG + "BudgetedCommitment")
    assert Literal("engagement", lang="fr") in set(vocabulary.objects(commitment_class, RDFS.label))

    shapes = shapes_graph((BudgetedPlan,))
    paths = {str(p) for p in shapes.objects(None, SH.path)}
    assert {OG + "budget", OG + "funders", OG + "sponsor", OG + "champion"} <= paths
    conforms, _, text = validate(graph, shacl_graph=shapes)
    assert conforms, text
    graph.set((subject, URIRef(OG + "sponsor"), Literal("p/org/a")))  # a reference as text
    assert not validate(graph, shacl_graph=shapes)[0]
