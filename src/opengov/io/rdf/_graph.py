"""``to_graph`` and ``from_graph``: model objects to rdflib graphs and back, for API users.

The text formats do not go through rdflib (see ``_oxigraph``); these build the same triples
(``_triples``) as rdflib terms, and read a graph through the same reader (``_reader``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from opengov.errors import LoadError
from opengov.io.rdf._index import Index
from opengov.io.rdf._reader import read
from opengov.io.rdf._terms import DEFAULT_BASE, NAMESPACES, XSD
from opengov.io.rdf._triples import Term, check_base, triples
from opengov.issues import Issue

#: A UTF-16 surrogate on its own, which a graph built in code may hold and no format can write.
_SURROGATE = re.compile("[\ud800-\udfff]")

if TYPE_CHECKING:
    from rdflib import Graph, Literal, URIRef

__all__ = ["from_graph", "to_graph"]

_XSD_STRING = XSD + "string"


def to_graph(obj: object, base: str = DEFAULT_BASE) -> Graph:
    """The RDF graph of a plan (or standard set): IRIs minted from ids under ``base``."""
    from rdflib import Graph, Literal, URIRef

    check_base(base)
    graph = Graph()
    for prefix, namespace in NAMESPACES.items():
        graph.bind(prefix, namespace, override=True)
    graph.bind("id", base, override=True)
    add = graph.add
    iris: dict[str, URIRef] = {}

    def iri(value: str) -> URIRef:
        found = iris.get(value)
        if found is None:
            found = iris[value] = URIRef(value)
        return found

    def term(value: Term) -> URIRef | Literal:
        if value[0] == "i":
            return iri(value[1])
        _, lexical, language, datatype = value
        if language:
            return Literal(lexical, lang=language)
        return Literal(lexical, datatype=iri(datatype) if datatype else None)

    for subject, predicate, value in triples(obj, base):
        add((iri(subject), iri(predicate), term(value)))
    return graph


def _plain(term: Any) -> Term:
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return ("i", str(term))
    if isinstance(term, Literal):
        datatype = str(term.datatype) if term.datatype else ""
        return ("l", str(term), term.language or "", "" if datatype == _XSD_STRING else datatype)
    if isinstance(term, BNode):
        return ("b", str(term))
    raise TypeError(type(term))


def from_graph(graph: Graph, *, expected: type | None = None) -> Any:
    """Rebuild the plan (or standard set) a graph describes; raises :class:`~opengov.LoadError`
    naming the subject and property of every problem."""
    index = Index()
    for s, p, o in graph:
        subject, obj = _plain(s), _plain(o)
        for text in (str(s), str(p), str(o)):
            if _SURROGATE.search(text):
                message = "a lone surrogate: not a character any format can write"
                raise LoadError([Issue(f"<{s}> <{p}>", "bad-text", message)])
        index.add(subject, str(p), obj)
    return read(index, expected=expected)
