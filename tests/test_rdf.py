"""RDF: round trips in every syntax, isomorphic graphs, the streaming writer, errors, safety."""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

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
from _hostile import (
    EVIDENCE,
    HUGE,
    NESTED,
    PLAN_IRI,
    another_plan,
    check_error,
    expect_load_error,
    expect_load_error_or_plan,
    load_isolated,
    outcome,
    write,
)
from opengov import LoadError, OpenGovError
from opengov.io import rdf
from opengov.io.rdf import OG
from opengov.io.rdf._mapping import camel
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
    return [p.located for p in caught.value.issues]


def test_errors_name_subject_and_property() -> None:
    graph = graph_of(small())
    commitment = URIRef(rdf.iri_for_id("p/c01"))
    number = URIRef(OG + "number")
    graph.remove((commitment, number, None))
    graph.add((commitment, number, Literal("one")))
    assert problems(graph) == [f'<{commitment}> <{number}>: expected an xsd:integer, got "one"']
    with pytest.raises(LoadError) as caught:
        rdf.from_graph(graph)
    assert [p.code for p in caught.value.issues] == ["wrong-type"]


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
    with pytest.raises(LoadError) as caught:
        rdf.from_graph(graph)
    assert [p.code for p in caught.value.issues] == ["missing-field"]  # kept when translated


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
    # The model refuses it, so no reader can accept what the RDF writers cannot write.
    with pytest.raises(ValueError, match="not a language tag"):
        plan.language = "not a tag"
    object.__setattr__(plan, "language", "not a tag")  # past the model's check: the writer's
    with pytest.raises(opengov.DumpError, match="not a language tag"):
        rdf.dumps(plan, "turtle")


# A model extended by a user, with no edit of the RDF module: new fields of every kind.
@define(kw_only=True)
class FundedNoteCommitment(Commitment):
    funding_note: str | None = None
    funders: list[str] = list_field()
    sponsor: str | None = field(default=None, metadata=facts(references=Organisation))
    champion: str | None = field(default=None, metadata=facts(personal=True, plain=True))


@define(kw_only=True)
class BudgetedPlan(ActionPlan):
    commitments: list[FundedNoteCommitment] = list_field()


NEW_FIELDS = {
    "FundedNoteCommitment.funding_note": FieldDoc(
        "funding note", "note de financement", "The funding note as stated."
    ),
    "FundedNoteCommitment.funders": FieldDoc("funders", "financeurs", "Who funds it."),
    "FundedNoteCommitment.sponsor": FieldDoc("sponsor", "parrain", "The sponsoring body."),
    "FundedNoteCommitment.champion": FieldDoc("champion", "référent", "Who champions it."),
}


def test_new_fields_map_to_rdf_without_an_edit_of_the_mapping(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The labels of the new fields, as their entries in fields.toml would give them.
    entries = {**describe_module.field_docs(), **NEW_FIELDS}
    monkeypatch.setattr(describe_module, "field_docs", lambda: entries)
    base = small()
    org = Organisation(id="p/org/a", name="A")
    commitment = FundedNoteCommitment(
        **{a.alias: getattr(base.commitments[0], a.name) for a in attrs.fields(Commitment)},
        funding_note="2 M€",
        funders=["AFD", "Etalab"],
        sponsor=org.id,
        champion="Jeanne Dupont",
    )
    values = {a.alias: getattr(base, a.name) for a in attrs.fields(ActionPlan)}
    plan = BudgetedPlan(**{**values, "organisations": [org], "commitments": [commitment]})

    graph = rdf.to_graph(plan)
    subject = URIRef(rdf.iri_for_id(commitment.id))
    assert graph.value(subject, URIRef(OG + "fundingNote")) == Literal("2 M€", lang="fr")
    assert graph.value(subject, URIRef(OG + "champion")) == Literal("Jeanne Dupont")
    assert graph.value(subject, URIRef(OG + "sponsor")) == URIRef(rdf.iri_for_id(org.id))
    funders = graph.value(subject, URIRef(OG + "funders"))
    assert graph.value(funders, URIRef(f"{RDF}_2")) == Literal("Etalab", lang="fr")
    for format in ("turtle", "nt", "json-ld"):
        text = rdf.dumps(plan, format)
        assert "fundingNote" in text and "funders" in text
        assert rdf.loads(text, format, expected=BudgetedPlan) == plan, format

    vocabulary = ontology_graph((BudgetedPlan,))
    for name, labels in NEW_FIELDS.items():
        prop = URIRef(OG + camel(name.split(".")[1]))
        assert (prop, RDFS.domain, URIRef(OG + "FundedNoteCommitment")) in vocabulary
        assert set(vocabulary.objects(prop, RDFS.label)) == {
            Literal(labels.en, lang="en"),
            Literal(labels.fr, lang="fr"),
        }
        assert vocabulary.value(prop, RDFS.comment) == Literal(labels.doc, lang="en")
    assert (URIRef(OG + "sponsor"), RDF_NS.type, OWL.ObjectProperty) in vocabulary
    assert (URIRef(OG + "fundingNote"), RDF_NS.type, OWL.DatatypeProperty) in vocabulary
    # the subclass keeps its base's labels
    commitment_class = URIRef(OG + "FundedNoteCommitment")
    assert Literal("engagement", lang="fr") in set(vocabulary.objects(commitment_class, RDFS.label))

    shapes = shapes_graph((BudgetedPlan,))
    paths = {str(p) for p in shapes.objects(None, SH.path)}
    assert {OG + "fundingNote", OG + "funders", OG + "sponsor", OG + "champion"} <= paths
    conforms, _, text = validate(graph, shacl_graph=shapes)
    assert conforms, text
    graph.set((subject, URIRef(OG + "sponsor"), Literal("p/org/a")))  # a reference as text
    assert not validate(graph, shacl_graph=shapes)[0]


# --- hostile input: no network while parsing ---------------------------------------------------

XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
REMOTE = "http://127.0.0.1:9/context.jsonld"


@pytest.mark.hostile
def test_the_network_block_sees_rdflib_fetching(no_network: list[str]) -> None:
    """The block works: rdflib left to itself does try to fetch a remote context."""
    document = {"@context": REMOTE, "@id": "https://example.org/x", "name": "x"}
    with contextlib.suppress(Exception):  # whatever rdflib makes of our AssertionError
        Graph().parse(data=json.dumps(document), format="json-ld")
    assert no_network, "rdflib reached for the network without being seen"
    no_network.clear()


def _remote_string(doc: dict[str, Any]) -> None:
    doc["@context"] = REMOTE


def _remote_in_list(doc: dict[str, Any]) -> None:
    doc["@context"] = [REMOTE, doc["@context"]]


def _remote_import(doc: dict[str, Any]) -> None:
    doc["@context"] = {**doc["@context"], "@import": REMOTE}


def _remote_scoped(doc: dict[str, Any]) -> None:
    doc["@context"] = {**doc["@context"], "og:scoped": {"@id": "og:scoped", "@context": REMOTE}}


def _remote_in_node(doc: dict[str, Any]) -> None:
    nodes = doc.get("@graph") or [doc]
    nodes[0]["@context"] = "https://example.org/nested-context.jsonld"


def _relative(doc: dict[str, Any]) -> None:
    doc["@context"] = "context.jsonld"


def _local_file(doc: dict[str, Any]) -> None:
    doc["@context"] = "file:///etc/passwd"


REMOTE_CONTEXTS = {
    "string": _remote_string,
    "list": _remote_in_list,
    "import": _remote_import,
    "scoped": _remote_scoped,
    "nested node": _remote_in_node,
    "relative": _relative,
    "file": _local_file,
}


@pytest.mark.hostile
@pytest.mark.parametrize("where", sorted(REMOTE_CONTEXTS))
def test_jsonld_remote_context_is_refused(
    where: str, tmp_path: Path, no_network: list[str], france_text: Callable[[str], str]
) -> None:
    document = json.loads(france_text("json-ld"))
    REMOTE_CONTEXTS[where](document)
    path = write(tmp_path / "plan.jsonld", json.dumps(document))
    error = expect_load_error(lambda: opengov.load(path))
    assert no_network == []
    assert "context" in str(error).lower(), str(error)


@pytest.mark.hostile
def test_jsonld_own_context_iri_uses_the_shipped_context(
    tmp_path: Path, no_network: list[str], france: ActionPlan, france_text: Callable[[str], str]
) -> None:
    document = json.loads(france_text("json-ld"))
    assert isinstance(document["@context"], dict)
    document["@context"] = rdf.CONTEXT_IRI
    path = write(tmp_path / "plan.jsonld", json.dumps(document))
    plan = outcome(lambda: opengov.load(path))
    assert no_network == []
    assert plan == france


@pytest.mark.hostile
def test_turtle_remote_prefix_and_base_fetch_nothing(
    tmp_path: Path, no_network: list[str], france: ActionPlan, france_text: Callable[[str], str]
) -> None:
    header = (
        "@base <http://127.0.0.1:9/base/> .\n"
        "@prefix remote: <http://127.0.0.1:9/vocab#> .\n"
        "PREFIX other: <https://example.org/other#>\n"
    )
    path = write(tmp_path / "plan.ttl", header + france_text("turtle"))
    assert outcome(lambda: opengov.load(path)) == france
    imports = france_text("turtle") + (
        "\n<http://127.0.0.1:9/base/> <http://www.w3.org/2002/07/owl#imports> "
        "<http://127.0.0.1:9/ontology.ttl> .\n"
    )
    path = write(tmp_path / "imports.ttl", header + imports)
    expect_load_error(lambda: opengov.load(path))
    assert no_network == []


@pytest.mark.hostile
def test_ntriples_fetch_nothing(
    tmp_path: Path, no_network: list[str], france_text: Callable[[str], str]
) -> None:
    extra = (
        "<http://127.0.0.1:9/x> <http://www.w3.org/2002/07/owl#imports> "
        "<http://127.0.0.1:9/ontology.nt> .\n"
    )
    path = write(tmp_path / "plan.nt", france_text("nt") + extra)
    expect_load_error(lambda: opengov.load(path))
    assert no_network == []


# --- hostile input: limits ---------------------------------------------------------------------


def nt_evidence(iri: str, position: int, text: str = "x") -> list[str]:
    return [
        f"<{iri}> <{RDF}type> <{OG}Evidence> .",
        f'<{iri}> <{OG}position> "{position}"^^<{XSD_INTEGER}> .',
        f'<{iri}> <{OG}text> "{text}"@fr .',
    ]


def nt_with(plan_nt: str, lines: list[str]) -> str:
    return plan_nt + "\n".join(lines) + "\n"


@pytest.mark.hostile
@pytest.mark.parametrize("depth", [100, 2_000])
def test_deeply_nested_evidence_rdf(
    depth: int, tmp_path: Path, france_text: Callable[[str], str]
) -> None:
    lines, parent = [], EVIDENCE
    for level in range(depth):
        child = f"{EVIDENCE}/items/{level}"  # any IRI will do: short ones keep the file small
        lines.append(f"<{parent}> <{OG}hasItem> <{child}> .")
        lines += nt_evidence(child, 1)
        parent = child
    path = write(tmp_path / "plan.nt", nt_with(france_text("nt"), lines))
    expect_load_error_or_plan(lambda: opengov.load(path))


@pytest.mark.hostile
@pytest.mark.parametrize("cycle", ["self", "two"])
def test_rdf_evidence_cycle(cycle: str, tmp_path: Path, france_text: Callable[[str], str]) -> None:
    if cycle == "self":
        lines = [f"<{EVIDENCE}> <{OG}hasItem> <{EVIDENCE}> ."]
    else:
        other = EVIDENCE + "/items/1"
        lines = [
            f"<{EVIDENCE}> <{OG}hasItem> <{other}> .",
            f"<{other}> <{OG}hasItem> <{EVIDENCE}> .",
            *nt_evidence(other, 1),
        ]
    path = write(tmp_path / "plan.nt", nt_with(france_text("nt"), lines))
    expect_load_error(lambda: opengov.load(path))


@pytest.mark.hostile
def test_rdf_shared_evidence_is_not_a_bomb(
    tmp_path: Path, france_text: Callable[[str], str]
) -> None:
    """Two items per level, each linking to both items of the next level (24 levels): a DAG of
    48 nodes that a tree walk unfolds into 2**25 evidence items. A LoadError (a resource
    reached twice) or a plan, but quickly."""
    lines, parents = [], [EVIDENCE]
    for level in range(24):
        children = [f"{EVIDENCE}/items/{level}/a", f"{EVIDENCE}/items/{level}/b"]
        for parent in parents:
            lines += [f"<{parent}> <{OG}hasItem> <{child}> ." for child in children]
        for position, child in enumerate(children, 1):
            lines += nt_evidence(child, position)
        parents = children
    path = write(tmp_path / "plan.nt", nt_with(france_text("nt"), lines))
    result = load_isolated(path)
    assert result["outcome"] in ("LoadError", "loaded"), result


@pytest.mark.hostile
@pytest.mark.parametrize("shape", ["collection", "blank nodes"])
def test_deeply_nested_turtle(shape: str, tmp_path: Path) -> None:
    head = f"@prefix og: <{OG}> .\n<{PLAN_IRI}> og:x "
    if shape == "collection":
        body = "( " * NESTED + ") " * NESTED
    else:
        body = "[ og:y " * NESTED + "1 " + "] " * NESTED
    path = write(tmp_path / "nested.ttl", head + body + ".\n")
    expect_load_error(lambda: opengov.load(path))


@pytest.mark.hostile
def test_huge_numbers_rdf(tmp_path: Path, france_text: Callable[[str], str]) -> None:
    turtle = re.sub(r"og:number \d+ ;", f"og:number {HUGE} ;", france_text("turtle"), count=1)
    assert turtle != france_text("turtle")
    expect_load_error(lambda: opengov.load(write(tmp_path / "plan.ttl", turtle)))
    jsonld = re.sub(r'"og:number": \d+,', f'"og:number": {HUGE},', france_text("json-ld"), count=1)
    assert jsonld != france_text("json-ld")
    expect_load_error(lambda: opengov.load(write(tmp_path / "plan.jsonld", jsonld)))


@pytest.mark.hostile
def test_unterminated_long_literal_turtle(
    tmp_path: Path, france_text: Callable[[str], str]
) -> None:
    turtle = france_text("turtle").replace('"', '"""' + "a\n" * 2**20, 1)
    expect_load_error(lambda: opengov.load(write(tmp_path / "plan.ttl", turtle)))


@pytest.mark.hostile
@pytest.mark.parametrize("fmt", ["turtle", "nt", "json-ld"])
def test_rdf_text_syntax_errors_name_a_place(fmt: str, france_text: Callable[[str], str]) -> None:
    """``opengov.io.rdf.loads`` has no file name to give: its problems must locate themselves
    (as ``opengov.io.json.loads`` does with ``line L, column C``)."""
    broken = france_text(fmt)[:2000] + "\n<<< nonsense >>>\n"
    with pytest.raises(LoadError) as caught:
        rdf.loads(broken, format=fmt)
    check_error(caught.value, has_source=False)


@pytest.mark.hostile
def test_rdf_literal_with_line_breaks_in_a_problem(
    tmp_path: Path, france_text: Callable[[str], str]
) -> None:
    nt = france_text("nt").replace(
        f'<{PLAN_IRI}/c01> <{OG}number> "1"^^<{XSD_INTEGER}> .',
        f'<{PLAN_IRI}/c01> <{OG}number> "one\\ntwo"^^<{XSD_INTEGER}> .',
    )
    assert nt != france_text("nt")
    expect_load_error(lambda: opengov.load(write(tmp_path / "plan.nt", nt)))


BASES = [
    "https://example.org/plans/",
    "https://example.org/plans#",  # accepted by the writer: must read back too
    "http://example.org/a b>/",
    'http://example.org/"quoted"/',
    "http://example.org/line\nbreak/",
    "not an IRI/",
]


@pytest.mark.hostile
@pytest.mark.parametrize("base", BASES)
@pytest.mark.parametrize("fmt", ["plan.nt", "plan.ttl", "plan.jsonld"])
def test_hostile_base_iri(fmt: str, base: str, tmp_path: Path, france: ActionPlan) -> None:
    """``--base`` is user input: the writer refuses it (DumpError) or what it writes reads
    back as the same plan; never a file the library cannot read."""
    plan = another_plan(france)
    try:
        opengov.dump(plan, tmp_path / fmt, base=base)
    except OpenGovError:
        assert not (tmp_path / fmt).exists()
        return
    result = outcome(lambda: opengov.load(tmp_path / fmt))
    assert result == plan, f"written with base {base!r}, read back as: {str(result)[:300]}"


def _jsonld_plan_node(document: dict[str, Any]) -> dict[str, Any]:
    node: dict[str, Any] = document["@graph"][0]
    assert node["@id"] == "id:fr-2018-2020"
    return node


JSONLD_DROPS: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "a misspelt term": (lambda d: _jsonld_plan_node(d).update(titel="Plan"), "<titel>"),
    "an unknown keyword": (lambda d: _jsonld_plan_node(d).update({"@titel": "Plan"}), "@titel"),
    "a malformed language tag": (
        lambda d: _jsonld_plan_node(d).update(
            {"dcterms:title": {"@value": "Plan", "@language": "fr FR"}}
        ),
        "'fr FR' is not a language tag",
    ),
    "a relative subject": (
        lambda d: d["@graph"][1].update({"@id": "relative/node"}),
        "<relative/node>",
    ),
    "a relative object": (
        lambda d: _jsonld_plan_node(d).update({"og:ambitions": {"@id": "relative/ambitions"}}),
        "<relative/ambitions>",
    ),
    "a datatype that is not text": (
        lambda d: _jsonld_plan_node(d).update(
            {"dcterms:title": {"@value": "Plan", "@type": "http://example.org/weird"}}
        ),
        "expected a text literal",
    ),
}


@pytest.mark.hostile
@pytest.mark.parametrize("case", sorted(JSONLD_DROPS))
def test_jsonld_drops_nothing_unsaid(case: str, france_text: Callable[[str], str]) -> None:
    """What a JSON-LD processor would leave out by the letter of the standard (a term the
    context does not define, an unknown keyword, a malformed language tag, a relative IRI) is
    an error naming it, not a plan quietly missing a value."""
    document = json.loads(france_text("json-ld"))
    change, named = JSONLD_DROPS[case]
    change(document)
    with pytest.raises(LoadError) as caught:
        rdf.loads(json.dumps(document), format="json-ld")
    check_error(caught.value, has_source=False)
    assert named in str(caught.value)


@pytest.mark.hostile
@pytest.mark.parametrize("fmt", ["turtle", "nt"])
def test_text_with_a_foreign_datatype_is_refused(fmt: str, france: ActionPlan) -> None:
    """``"Plan"^^<weird>`` is not the text ``"Plan"``: reading it as the title would drop its
    datatype. (N-Triples are Turtle too.)"""
    text = rdf.dumps(france, format="nt")
    title = f'"{france.title}"@fr .'
    assert title in text
    weird = text.replace(title, f'"{france.title}"^^<http://example.org/weird> .', 1)
    with pytest.raises(LoadError) as caught:
        rdf.loads(weird, format=fmt)
    check_error(caught.value, has_source=False)
    assert "expected a text literal" in str(caught.value)
