"""RDF: the plan as linked data (Turtle, N-Triples, JSON-LD), a streaming writer, publishing.

Importing this module imports rdflib; ``import opengov`` does not.

- :func:`to_graph` / :func:`from_graph`: model objects ↔ ``rdflib.Graph`` (IRIs minted from ids,
  no blank nodes, order kept with ``og:position`` and ``rdf:Seq``).
- :func:`dumps` / :func:`loads`: text in ``turtle``, ``nt`` or ``json-ld``; :func:`dump` /
  :func:`load`: the same in a file.
- :func:`write_ntriples`: the fast streaming path for large corpora.
- :func:`publish`: replace a named graph at a SPARQL 1.1 Graph Store endpoint.
- The vocabulary (``opengov.ttl``), SHACL shapes (``shapes.ttl``) and JSON-LD context ship in
  ``opengov/io/rdf/data``; :func:`ontology_path` and :func:`shapes_path` locate them.
"""

from __future__ import annotations

import json
import logging
import re
from importlib import resources
from pathlib import Path
from typing import Any

from rdflib import Graph

from opengov.errors import DumpError, LoadError
from opengov.io._fs import read_text_file, write_text_file
from opengov.io.rdf._graph import from_graph, to_graph
from opengov.io.rdf._jsonld import context, resolve_contexts
from opengov.io.rdf._ntparse import parse_ntriples
from opengov.io.rdf._ntriples import ntriples_lines, write_ntriples
from opengov.io.rdf._publish import PublishError, graph_iri, publish
from opengov.io.rdf._terms import CONTEXT_IRI, DEFAULT_BASE, OG, OGV, iri_for_id
from opengov.issues import Issue

__all__ = [
    "CONTEXT_IRI",
    "DEFAULT_BASE",
    "FORMATS",
    "OG",
    "OGV",
    "PublishError",
    "dump",
    "dumps",
    "from_graph",
    "graph_iri",
    "iri_for_id",
    "load",
    "loads",
    "ntriples_lines",
    "ontology_path",
    "publish",
    "shapes_path",
    "to_graph",
    "write_ntriples",
]

#: The text formats: our name → rdflib's parser/serializer name.
FORMATS = {"turtle": "turtle", "nt": "nt", "json-ld": "json-ld"}


def _data(name: str) -> Path:
    return Path(str(resources.files("opengov.io.rdf").joinpath(f"data/{name}")))


def ontology_path() -> Path:
    """The shipped ontology (OWL/RDFS) with its SKOS concept schemes (Turtle)."""
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
        known = ", ".join(FORMATS)
        message = f"unknown RDF format {format!r} (known: {known})"
        raise LoadError([Issue(format, "unknown-format", message)])
    if format == "nt":
        return from_graph(parse_ntriples(text), expected=expected)
    graph = Graph()
    quiet = logging.getLogger("rdflib")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # rdflib logs warnings for odd IRIs; problems come as errors
    try:
        if format == "json-ld":
            graph.parse(data=json.dumps(resolve_contexts(_json(text))), format="json-ld")
        else:
            graph.parse(data=text, format=FORMATS[format])
    except LoadError:
        raise
    except Exception as exc:
        problem = Issue(
            _place(exc, format), "rdf-syntax", f"not valid {format}: {_first_line(exc)}"
        )
        raise LoadError([problem]) from None
    finally:
        quiet.setLevel(level)
    return from_graph(graph, expected=expected)


def load(path: str | Path, format: str = "turtle", *, expected: type | None = None) -> Any:
    """Read a plan (or standard set) from an RDF file; raises :class:`~opengov.LoadError`."""
    return loads(read_text_file(Path(path)), format, expected=expected)


def dump(obj: object, path: str | Path, format: str = "turtle", base: str | None = None) -> None:
    """Write the RDF text of a plan (or standard set) to ``path`` (atomically)."""
    write_text_file(path, dumps(obj, format, base))


def _json(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise LoadError([Issue(where, "json-syntax", f"not valid JSON: {exc.msg}")]) from None
    except RecursionError:
        raise LoadError([Issue("json-ld", "too-deep", "nested too deeply")]) from None


def _first_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).strip().splitlines() if line.strip()]
    useful = [line for line in lines if not re.fullmatch(r"at line \d+ of <.*>:?", line)]
    return (useful or lines or [type(exc).__name__])[0][:300]


def _place(exc: BaseException, format: str) -> str:
    """Where a parser error is: ``line N`` when the parser says so, else the format's name."""
    found = re.search(r"\bline (\d+)", str(exc))
    return f"line {found.group(1)}" if found else format
