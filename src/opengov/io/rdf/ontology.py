"""Generates the shipped vocabulary (``data/opengov.ttl``) and SHACL shapes (``data/shapes.ttl``)
from the model's mapping, so they can never drift from what the library writes.

Regenerate with ``python -m opengov.io.rdf.ontology``; a test checks the shipped files match.

Labels (``rdfs:label`` in English and French) and comments (``rdfs:comment`` in English) come
from the model's labels file (``opengov/model/data/fields.toml``): a class's from its ``[Class]``
entry, a property's from the field it carries. A property carried by fields of several classes
(``og:number``, ``og:note``) takes the labels of the field with the shortest English label — the
most general wording — the first in document order on a tie (the classes reachable from
``PlanCollection``, then ``StandardSet``, each class's fields in order); its comment gives each
class's meaning (``og:ActionPlan: …  og:Commitment: …``) unless they all agree. A date's three
companions are labelled from the date's own label, chosen by the same rule ("due date" → "due
date (as written)", "due date, earliest day", "due date, latest day"). The few terms that are
RDF's own (``og:position``, ``og:code``) have their labels in ``data/terms.toml``.

Every vocabulary of ``opengov.model.vocabularies`` is a SKOS concept scheme, whether a field uses
it or only a rule's outcome (quadrant, binding constraint, change in completion), together with
any other vocabulary a field under the roots uses. A concept has a ``skos:definition`` in each
language its term words one (the IRM's influence levels, the provenance flags).

A field holding the id of another object (``describe(cls)``'s ``references``) is written as the
IRI of that object, so its property has ``rdfs:range`` of the object's class. In the shapes its
values must be nodes of that class (``sh:class``) when the referenced objects are written in
every document the referring class appears in — an organisation, a report, a key
recommendation; a plan's standard or requirement lives in a standard set, another document, so
there the shapes ask for an IRI only. A list of references is an ``rdf:Seq``: its property's
range is ``rdf:Seq`` and the class of its members is not stated.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Mapping, Sequence
from importlib import resources
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS, XSD

from opengov._version import __version__
from opengov.io._fs import atomic_write
from opengov.io.rdf._mapping import (
    ROOTS,
    FieldMap,
    Kind,
    all_classes,
    all_vocabularies,
    class_map,
    concept_iri,
    scheme_iri,
)
from opengov.io.rdf._terms import EARL, NAMESPACES, OG, ORG, PROV, SCHEMA, VCARD
from opengov.io.rdf._triples import DATE_SPAN, POSITION
from opengov.model import DateSpan, vocabularies
from opengov.model.describe import FieldDoc, class_doc, describe, parse_field_docs
from opengov.model.vocab import Vocabulary

__all__ = ["ontology_graph", "shapes_graph"]

ONTOLOGY = URIRef("https://w3id.org/opengov/ns")
SHAPES = URIRef("https://w3id.org/opengov/shapes")

# Where a class of ours specialises a well-known one.
_SUPER_CLASSES = {
    "ActionPlan": [PROV + "Entity"],
    "Organisation": [ORG + "Organization"],
    "Contact": [VCARD + "Individual"],
    "Milestone": [SCHEMA + "Action"],
    "Commitment": [SCHEMA + "Action"],
    "Resource": [SCHEMA + "CreativeWork"],
    "Report": [PROV + "Entity", SCHEMA + "Report"],
    "RequirementFinding": [EARL + "Assertion"],
    "StandardAssessment": [PROV + "Entity"],
    "IRMAssessment": [PROV + "Entity"],
    "Consultation": [SCHEMA + "Event"],
}
_DATATYPES = {
    Kind.INT: XSD.integer,
    Kind.FLOAT: XSD.decimal,
    Kind.BOOL: XSD.boolean,
    Kind.DATE: URIRef(DATE_SPAN),
}


@functools.cache
def _terms() -> Mapping[str, FieldDoc]:
    """The labels of the terms that are RDF's own, by local name (``data/terms.toml``)."""
    text = resources.files("opengov.io.rdf").joinpath("data/terms.toml").read_text("utf-8")
    return parse_field_docs(text, source="opengov/io/rdf/data/terms.toml")


def _label(graph: Graph, subject: URIRef, labels: FieldDoc) -> None:
    en, fr, comment = labels
    graph.add((subject, RDFS.label, Literal(en, lang="en")))
    graph.add((subject, RDFS.label, Literal(fr, lang="fr")))
    if comment:  # a user's class or field without an entry has labels but no meaning
        graph.add((subject, RDFS.comment, Literal(comment, lang="en")))


def _chosen(uses: Sequence[tuple[type, FieldMap]]) -> FieldDoc:
    """The labels of the field, among those sharing a property, with the shortest English label
    (the first on a tie)."""
    return min((field.info.labels for _, field in uses), key=lambda labels: len(labels.en))


def _property_labels(uses: Sequence[tuple[type, FieldMap]]) -> FieldDoc:
    """A property's labels and comment, from the fields that carry it (see the module docs)."""
    chosen = _chosen(uses)
    meanings: dict[str, list[str]] = {}
    for cls, field in uses:
        if field.info.labels.doc:
            owners = meanings.setdefault(field.info.labels.doc, [])
            if f"og:{cls.__name__}" not in owners:
                owners.append(f"og:{cls.__name__}")
    if len(meanings) <= 1:
        return FieldDoc(chosen.en, chosen.fr, next(iter(meanings), ""))
    comment = " ".join(f"{', '.join(owners)}: {doc}" for doc, owners in meanings.items())
    return FieldDoc(chosen.en, chosen.fr, comment)


def _companion_labels(uses: Sequence[tuple[type, FieldMap]]) -> tuple[FieldDoc, ...]:
    """The labels of a date's phrase, earliest-day and latest-day properties."""
    en, fr, _ = _chosen(uses)
    return (
        FieldDoc(
            f"{en} (as written)",
            f"{fr} (formulation)",
            f"The {en} as the source words it, tagged with the document's language when it has "
            "one; the og:dateSpan value beside it is its canonical form.",
        ),
        FieldDoc(
            f"{en}, earliest day",
            f"{fr}, premier jour",
            f"The first day of the {en}, an xsd:date derived from its og:dateSpan value; absent "
            "when the span is open at the start.",
        ),
        FieldDoc(
            f"{en}, latest day",
            f"{fr}, dernier jour",
            f"The last day of the {en}, an xsd:date derived from its og:dateSpan value; absent "
            "when the span is open at the end.",
        ),
    )


def _bind(graph: Graph) -> None:
    for prefix, namespace in NAMESPACES.items():
        graph.bind(prefix, namespace, override=True)
    graph.bind("sh", str(SH), override=True)


def _classes(roots: Sequence[type]) -> list[type]:
    """Every class under the roots, in document order: each root's classes in turn."""
    found: list[type] = []
    for root in roots:
        for cls in all_classes(root):
            if cls not in found:
                found.append(cls)
    return found


def _vocabularies(roots: Sequence[type]) -> list[type[Vocabulary]]:
    """The vocabularies of the fields under the roots, in document order, then the rest of the
    model's (those only rules' outcomes take)."""
    found: list[type[Vocabulary]] = []
    for root in roots:
        for vocabulary in all_vocabularies(root):
            if vocabulary not in found:
                found.append(vocabulary)
    for name in vocabularies.__all__:
        vocabulary = getattr(vocabularies, name)
        if vocabulary not in found:
            found.append(vocabulary)
    return found


def _written_together(roots: Sequence[type]) -> Callable[[type, type], bool]:
    """Whether the objects a class references are written in every document (under one of the
    roots) that holds the class, so a reference names a node of the referenced class there."""
    documents = [set(all_classes(root)) for root in roots]

    def together(cls: type, target: type) -> bool:
        return all(target in classes for classes in documents if cls in classes)

    return together


def _fields(roots: Sequence[type]) -> dict[str, list[tuple[type, FieldMap]]]:
    """The fields carried by each property, in document order."""
    by_predicate: dict[str, list[tuple[type, FieldMap]]] = {}
    for cls in _classes(roots):
        for field in class_map(cls).fields:
            by_predicate.setdefault(field.predicate, []).append((cls, field))
    return by_predicate


def _companions(roots: Sequence[type]) -> dict[tuple[str, str, str], list[tuple[type, FieldMap]]]:
    """The date fields beside which each trio of companion properties is written."""
    by_companions: dict[tuple[str, str, str], list[tuple[type, FieldMap]]] = {}
    for cls in _classes(roots):
        for field in class_map(cls).fields:
            if field.kind is Kind.DATE:
                by_companions.setdefault(field.companions, []).append((cls, field))
    return by_companions


def ontology_graph(roots: Sequence[type] = ROOTS) -> Graph:
    """The ontology (OWL/RDFS) of the document classes ``roots`` and every class they reach, and
    the SKOS concept schemes of the model's controlled vocabularies and any their fields use."""
    graph = Graph()
    _bind(graph)
    graph.add((ONTOLOGY, RDF.type, OWL.Ontology))
    graph.add((ONTOLOGY, DCTERMS.title, Literal("opengov vocabulary", lang="en")))
    graph.add((ONTOLOGY, DCTERMS.title, Literal("vocabulaire opengov", lang="fr")))
    graph.add(
        (
            ONTOLOGY,
            DCTERMS.description,
            Literal(
                "Classes and properties for open-government action plans (OGP): commitments, milestones, "
                "participation standards and their assessments, IRM assessments and recommendations. "
                "Generated from the opengov library's model.",
                lang="en",
            ),
        )
    )
    graph.add((ONTOLOGY, OWL.versionInfo, Literal(__version__)))
    graph.add((ONTOLOGY, DCTERMS.license, URIRef("https://www.apache.org/licenses/LICENSE-2.0")))
    for cls in sorted(_classes(roots), key=lambda cls: cls.__name__):
        subject = URIRef(class_map(cls).rdf_class)
        graph.add((subject, RDF.type, OWL.Class))
        graph.add((subject, RDFS.isDefinedBy, ONTOLOGY))
        _label(graph, subject, describe(cls).labels)
        for parent in _SUPER_CLASSES.get(cls.__name__, []):
            graph.add((subject, RDFS.subClassOf, URIRef(parent)))
    datatype = URIRef(DATE_SPAN)
    graph.add((datatype, RDF.type, RDFS.Datatype))
    graph.add((datatype, RDFS.isDefinedBy, ONTOLOGY))
    _label(graph, datatype, class_doc(DateSpan))  # a value type: its entry, not its fields
    position = URIRef(POSITION)
    graph.add((position, RDF.type, OWL.DatatypeProperty))
    graph.add((position, RDFS.range, XSD.integer))
    graph.add((position, RDFS.isDefinedBy, ONTOLOGY))
    _label(graph, position, _terms()["position"])
    for predicate, uses in sorted(_fields(roots).items()):
        if predicate.startswith(OG):
            _property(graph, predicate, uses)
    for companions, uses in sorted(_companions(roots).items()):
        for extra, range_, labels in zip(
            companions, (RDF.langString, XSD.date, XSD.date), _companion_labels(uses), strict=True
        ):
            node = URIRef(extra)
            graph.add((node, RDF.type, OWL.DatatypeProperty))
            graph.add((node, RDFS.isDefinedBy, ONTOLOGY))
            graph.add((node, RDFS.range, range_))
            _label(graph, node, labels)
    for vocabulary in _vocabularies(roots):
        _scheme(graph, vocabulary)
    return graph


def _property(graph: Graph, predicate: str, uses: list[tuple[type, FieldMap]]) -> None:
    subject = URIRef(predicate)
    _, field = uses[0]
    literal_kinds = {Kind.TEXT, Kind.PLAIN, Kind.INT, Kind.FLOAT, Kind.BOOL, Kind.DATE}
    kind = OWL.DatatypeProperty if field.kind in literal_kinds else OWL.ObjectProperty
    graph.add((subject, RDF.type, kind))
    graph.add((subject, RDFS.isDefinedBy, ONTOLOGY))
    _label(graph, subject, _property_labels(uses))
    owners = {cls for cls, _ in uses}
    if len(owners) == 1:
        graph.add((subject, RDFS.domain, URIRef(OG + next(iter(owners)).__name__)))
    targets = {used.info.references if used.kind is Kind.REF else None for _, used in uses}
    target = targets.pop() if len(targets) == 1 else None
    if target is not None:  # every field carrying the property references the same class
        graph.add((subject, RDFS.range, URIRef(OG + target.__name__)))
    elif field.kind in _DATATYPES:
        graph.add((subject, RDFS.range, _DATATYPES[field.kind]))
    elif field.kind in (Kind.NESTED, Kind.OBJECTS) and field.target is not None:
        graph.add((subject, RDFS.range, URIRef(OG + field.target.__name__)))
    elif field.kind is Kind.SEQ:
        graph.add((subject, RDFS.range, RDF.Seq))
    elif field.kind is Kind.CODE and field.vocabulary is not None:
        graph.add((subject, RDFS.range, SKOS.Concept))
    if field.kind is Kind.OBJECTS:  # a child resource is part of its parent
        graph.add((subject, RDFS.subPropertyOf, DCTERMS.hasPart))


def _scheme(graph: Graph, vocabulary: type[Vocabulary]) -> None:
    scheme = URIRef(scheme_iri(vocabulary))
    graph.add((scheme, RDF.type, SKOS.ConceptScheme))
    graph.add((scheme, SKOS.prefLabel, Literal(vocabulary.vocabulary_name(), lang="en")))
    doc = (vocabulary.__doc__ or "").strip().splitlines()[0]
    graph.add((scheme, SKOS.definition, Literal(doc, lang="en")))
    graph.add((scheme, RDFS.isDefinedBy, ONTOLOGY))
    for member in vocabulary:
        concept = URIRef(concept_iri(member))
        graph.add((concept, RDF.type, SKOS.Concept))
        graph.add((concept, SKOS.inScheme, scheme))
        graph.add((concept, SKOS.topConceptOf, scheme))
        graph.add((scheme, SKOS.hasTopConcept, concept))
        graph.add((concept, SKOS.prefLabel, Literal(member.label_en, lang="en")))
        graph.add((concept, SKOS.prefLabel, Literal(member.label_fr, lang="fr")))
        for language, definition in (("en", member.definition_en), ("fr", member.definition_fr)):
            if definition is not None:
                graph.add((concept, SKOS.definition, Literal(definition, lang=language)))
        graph.add((concept, URIRef(OG + "code"), Literal(member.value)))
        if member.ogp_code is not None:
            graph.add((concept, SKOS.notation, Literal(member.ogp_code, datatype=XSD.integer)))
        for alias in member.aliases:
            graph.add((concept, SKOS.hiddenLabel, Literal(alias)))
    code = URIRef(OG + "code")
    graph.add((code, RDF.type, OWL.DatatypeProperty))
    graph.add((code, RDFS.isDefinedBy, ONTOLOGY))
    _label(graph, code, _terms()["code"])


def shapes_graph(roots: Sequence[type] = ROOTS) -> Graph:
    """SHACL node shapes for every class reachable from the document classes ``roots``:
    cardinalities, datatypes, classes and allowed concepts."""
    graph = Graph()
    _bind(graph)
    graph.bind("ogsh", "https://w3id.org/opengov/shapes#", override=True)
    graph.add((SHAPES, RDF.type, OWL.Ontology))
    graph.add((SHAPES, DCTERMS.title, Literal("opengov SHACL shapes", lang="en")))
    together = _written_together(roots)
    for cls in _classes(roots):
        _node_shape(graph, cls, together)
    return graph


def _property_shape(graph: Graph, shape: URIRef, name: str, predicate: str) -> URIRef:
    prop = URIRef(f"{shape}-{name}")
    graph.add((shape, SH.property, prop))
    graph.add((prop, SH.path, URIRef(predicate)))
    graph.add((prop, SH.name, Literal(name)))
    return prop


def _node_shape(graph: Graph, cls: type, together: Callable[[type, type], bool]) -> None:
    cmap = class_map(cls)
    shape = URIRef(f"https://w3id.org/opengov/shapes#{cls.__name__}")
    if (shape, RDF.type, SH.NodeShape) in graph:
        return
    graph.add((shape, RDF.type, SH.NodeShape))
    graph.add((shape, SH.targetClass, URIRef(cmap.rdf_class)))
    graph.add((shape, SH.nodeKind, SH.IRI))
    graph.add((shape, SH.closed, Literal(True)))
    graph.add((shape, SH.ignoredProperties, _list(graph, [RDF.type])))
    shared = {
        f.predicate for f in cmap.fields if sum(g.predicate == f.predicate for g in cmap.fields) > 1
    }
    translated = any(f.name == "translations" for f in cmap.fields)
    for field in cmap.fields:
        prop = _property_shape(graph, shape, field.name, field.predicate)
        if (
            not field.optional
            and field.kind not in (Kind.OBJECTS, Kind.SEQ)
            and field.predicate not in shared
        ):
            graph.add((prop, SH.minCount, Literal(1)))
        translatable = field.kind is Kind.TEXT and field.language is None and translated
        if field.kind is not Kind.OBJECTS and field.predicate not in shared and not translatable:
            graph.add((prop, SH.maxCount, Literal(1)))
        if translatable:  # the field's own value and its translations: one literal a language
            graph.add((prop, SH.uniqueLang, Literal(True)))
        if field.kind is Kind.TEXT:
            graph.add((prop, SH.nodeKind, SH.Literal))
        elif field.kind is Kind.PLAIN:
            graph.add((prop, SH.datatype, XSD.string))
        elif field.kind in _DATATYPES:
            graph.add((prop, SH.datatype, _DATATYPES[field.kind]))
        elif field.kind in (Kind.NESTED, Kind.OBJECTS) and field.target is not None:
            graph.add((prop, SH["class"], URIRef(OG + field.target.__name__)))
        elif field.kind is Kind.SEQ:
            graph.add((prop, SH["class"], RDF.Seq))
        elif field.kind is Kind.CODE and field.vocabulary is not None:
            concepts = [URIRef(concept_iri(m)) for m in field.vocabulary]
            graph.add((prop, SH["in"], _list(graph, concepts)))
        elif field.kind in (Kind.REF, Kind.EMAIL):
            graph.add((prop, SH.nodeKind, SH.IRI))
            target = field.info.references
            if field.kind is Kind.REF and target is not None and together(cls, target):
                graph.add((prop, SH["class"], URIRef(OG + target.__name__)))
        elif field.kind is Kind.YEAR and field.vocabulary is not None:
            concepts = [URIRef(concept_iri(m)) for m in field.vocabulary]
            either = _list(
                graph,
                [
                    _node(graph, SH.datatype, XSD.integer),
                    _node(graph, SH["in"], _list(graph, concepts)),
                ],
            )
            graph.add((prop, SH["or"], either))
        if field.kind is Kind.DATE:
            phrase, earliest, latest = field.companions
            extra = _property_shape(graph, shape, f"{field.name}Phrase", phrase)
            graph.add((extra, SH.maxCount, Literal(1)))
            graph.add((extra, SH.nodeKind, SH.Literal))
            for name, predicate in (
                (f"{field.name}Earliest", earliest),
                (f"{field.name}Latest", latest),
            ):
                extra = _property_shape(graph, shape, name, predicate)
                graph.add((extra, SH.maxCount, Literal(1)))
                graph.add((extra, SH.datatype, XSD.date))
    position = _property_shape(graph, shape, "position", POSITION)
    graph.add((position, SH.maxCount, Literal(1)))
    graph.add((position, SH.datatype, XSD.integer))


def _node(graph: Graph, predicate: URIRef, value: object) -> BNode:
    node = BNode()
    graph.add((node, predicate, value))  # type: ignore[arg-type]
    return node


def _list(graph: Graph, items: Sequence[object]) -> BNode:
    head = BNode()
    Collection(graph, head, items)  # type: ignore[arg-type]
    return head


def write_data_files(folder: Path) -> None:
    """Write ``opengov.ttl`` and ``shapes.ttl`` into ``folder`` (each atomically)."""
    for name, graph in (("opengov.ttl", ontology_graph()), ("shapes.ttl", shapes_graph())):
        atomic_write(folder / name, _writer(graph.serialize(format="turtle").encode("utf-8")))


def _writer(data: bytes) -> Callable[[Path], object]:
    return lambda tmp: tmp.write_bytes(data)


if __name__ == "__main__":  # pragma: no cover - a maintenance command
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "data"
    write_data_files(target)
    print(f"wrote {target / 'opengov.ttl'} and {target / 'shapes.ttl'}")
