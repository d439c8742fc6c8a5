"""RDF: the plan as linked data (Turtle, N-Triples, JSON-LD), a streaming writer, publishing.

Importing this module imports rdflib; ``import opengov`` does not.

- :func:`to_graph` / :func:`from_graph`: model objects ↔ ``rdflib.Graph`` (IRIs minted from ids,
  no blank nodes, order kept with ``og:position`` and ``rdf:Seq``).
- :func:`dumps` / :func:`loads`: text in ``turtle``, ``nt`` or ``json-ld``.
- :func:`write_ntriples`: the fast streaming path for large corpora.
- :func:`publish`: replace a named graph at a SPARQL 1.1 Graph Store endpoint.
- The vocabulary (``opengov.ttl``), SHACL shapes (``shapes.ttl``) and JSON-LD context ship in
  ``opengov/io/rdf/data``; :func:`vocabulary_path` and :func:`shapes_path` locate them.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from rdflib import Graph

from opengov.errors import DumpError, LoadError, Problem
from opengov.io.rdf.graph import from_graph, to_graph
from opengov.io.rdf.jsonld import context, resolve_contexts
from opengov.io.rdf.ntriples import ntriples_lines, write_ntriples
from opengov.io.rdf.publish import PublishError, graph_iri, publish
from opengov.io.rdf.terms import CONTEXT_IRI, DEFAULT_BASE, OG, OGV, iri_for_id

__all__ = [
    "CONTEXT_IRI",
    "DEFAULT_BASE",
    "FORMATS",
    "OG",
    "OGV",
    "PublishError",
    "dumps",
    "from_graph",
    "graph_iri",
    "iri_for_id",
    "loads",
    "ntriples_lines",
    "publish",
    "shapes_path",
    "to_graph",
    "vocabulary_path",
    "write_ntriples",
]

#: The text formats: our name → rdflib's parser/serializer name.
FORMATS = {"turtle": "turtle", "nt": "nt", "json-ld": "json-ld"}


def _data(name: str) -> Path:
    return Path(str(resources.files("opengov.io.rdf").joinpath(f"data/{name}")))


def vocabulary_path() -> Path:
    """The shipped OWL/RDFS vocabulary with its SKOS concept schemes (Turtle)."""
    return _data("opengov.ttl")


def shapes_path() -> Path:
    """The shipped SHACL shapes (Turtle)."""
    return _data("shapes.ttl")


def dumps(obj: object, format: str = "turtle", base: str | None = None) -> str:
    """The RDF text of a plan (or standard set) in ``turtle``, ``nt`` or ``json-ld``."""
    base = base or DEFAULT_BASE
    if format == "nt":
        return "".join(ntriples_lines(obj, base))
    if format not in FORMATS:
        raise DumpError(f"unknown RDF format {format!r} (known: {', '.join(FORMATS)})")
    graph = to_graph(obj, base)
    if format == "json-ld":
        text: str = graph.serialize(format="json-ld", context=context(), auto_compact=True)
        return text if text.endswith("\n") else text + "\n"
    turtle: str = graph.serialize(format="turtle")
    return turtle


def loads(text: str, format: str = "turtle", *, expected: type | None = None) -> Any:
    """Read a plan (or standard set) from RDF text; raises :class:`~opengov.LoadError`."""
    if format not in FORMATS:
        raise LoadError(
            [Problem("", f"unknown RDF format {format!r} (known: {', '.join(FORMATS)})")]
        )
    graph = Graph()
    try:
        if format == "json-ld":
            try:
                document = json.loads(text)
            except json.JSONDecodeError as exc:
                raise LoadError(
                    [
                        Problem(
                            f"line {exc.lineno}, column {exc.colno}", f"not valid JSON: {exc.msg}"
                        )
                    ]
                ) from None
            graph.parse(data=json.dumps(resolve_contexts(document)), format="json-ld")
        else:
            graph.parse(data=text, format=FORMATS[format])
    except LoadError:
        raise
    except Exception as exc:
        raise LoadError([Problem("", f"not valid {format}: {_first_line(exc)}")]) from None
    return from_graph(graph, expected=expected)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:300]
