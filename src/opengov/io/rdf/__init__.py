"""RDF: the plan as linked data (Turtle, N-Triples, JSON-LD), a streaming writer, publishing.

The text formats go through pyoxigraph (Rust), never through an rdflib graph; importing this
module imports neither rdflib nor (``import opengov``) this module. rdflib is imported by
:func:`to_graph` and :func:`from_graph` only.

- :func:`to_graph` / :func:`from_graph`: model objects ↔ ``rdflib.Graph`` (IRIs minted from ids,
  no blank nodes, order kept with ``og:position`` and ``rdf:Seq``).
- :func:`dumps` / :func:`loads`: text in ``turtle``, ``nt`` or ``json-ld``; :func:`dump` /
  :func:`load`: the same in a file (N-Triples written as it is made, one plan at a time).
- :func:`write_ntriples`: the streaming writer for large corpora.
- :func:`publish`: replace a named graph at a SPARQL 1.1 Graph Store endpoint.
- The vocabulary (``opengov.ttl``), SHACL shapes (``shapes.ttl``) and JSON-LD context ship in
  ``opengov/io/rdf/data``; :func:`ontology_path` and :func:`shapes_path` locate them.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from opengov.errors import DumpError, LoadError
from opengov.io._fs import atomic_write, no_gc, read_text_file, write_text_file
from opengov.io._json_keys import duplicate_keys
from opengov.io.rdf._compact import jsonld
from opengov.io.rdf._graph import from_graph, to_graph
from opengov.io.rdf._jsonld import resolve_contexts
from opengov.io.rdf._ntriples import ntriples_lines, write_ntriples
from opengov.io.rdf._oxigraph import parse_index, turtle
from opengov.io.rdf._publish import PublishError, graph_iri, publish
from opengov.io.rdf._reader import read
from opengov.io.rdf._terms import CONTEXT_IRI, DEFAULT_BASE, NAMESPACES, OG, OGV, iri_for_id
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

#: The text formats: our name → the name rdflib gives the same syntax.
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
    if format not in FORMATS:
        raise DumpError(f"unknown RDF format {format!r} (known: {', '.join(FORMATS)})")
    with no_gc():
        if format == "json-ld":
            return jsonld(obj, base)
        text = "".join(ntriples_lines(obj, base))
        if format == "nt":
            return text
        prefixes = dict(sorted({**NAMESPACES, "id": base}.items()))
        return turtle(text.encode("utf-8"), prefixes)


def loads(text: str, format: str = "turtle", *, expected: type | None = None) -> Any:
    """Read a plan (or standard set) from RDF text; raises :class:`~opengov.LoadError`."""
    if format not in FORMATS:
        known = ", ".join(FORMATS)
        message = f"unknown RDF format {format!r} (known: {known})"
        raise LoadError([Issue(format, "unknown-format", message)])
    with no_gc():
        if format == "json-ld":
            # Our own context IRI becomes the shipped context; any other is refused here, and
            # pyoxigraph would not fetch it either.
            text = json.dumps(resolve_contexts(_json(text)), ensure_ascii=False)
        return read(parse_index(text, format), expected=expected)


def load(path: str | Path, format: str = "turtle", *, expected: type | None = None) -> Any:
    """Read a plan (or standard set) from an RDF file; raises :class:`~opengov.LoadError`."""
    return loads(read_text_file(Path(path)), format, expected=expected)


def dump(obj: object, path: str | Path, format: str = "turtle", base: str | None = None) -> None:
    """Write the RDF text of a plan (or standard set) to ``path`` (atomically); N-Triples are
    written as they are made, so memory stays that of one plan of a collection."""
    if format != "nt":
        write_text_file(path, dumps(obj, format, base))
        return
    lines = ntriples_lines(obj, base or DEFAULT_BASE)

    def write(temporary: Path) -> None:
        with no_gc(), temporary.open("w", encoding="utf-8", newline="") as out:
            write = out.write
            for line in lines:
                write(line)

    atomic_write(path, write)


def _json(text: str) -> Any:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise LoadError([Issue(where, "json-syntax", f"not valid JSON: {exc.msg}")]) from None
    except ValueError as exc:  # a number too long to convert
        raise LoadError([Issue("json-ld", "json-syntax", f"not valid JSON: {exc}")]) from None
    except RecursionError:
        raise LoadError([Issue("json-ld", "too-deep", "nested too deeply")]) from None
    repeated = duplicate_keys(text, data)
    if repeated:  # the last one would win unseen, as in JSON: refused the same way
        raise LoadError(repeated)
    return data
