"""The streaming writer: model objects in, N-Triples lines out, in constant memory per object.

It formats the same triples as :func:`~opengov.io.rdf.to_graph` without building an rdflib
graph, so its output parses to an isomorphic graph at a fraction of the cost.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TextIO

from opengov.io.rdf._terms import DEFAULT_BASE
from opengov.io.rdf._triples import Term, triples

__all__ = ["ntriples_lines", "write_ntriples"]

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _term(term: Term) -> str:
    if term[0] == "i":
        return f"<{term[1]}>"
    _, lexical, language, datatype = term
    text = '"' + lexical.translate(_ESCAPES) + '"'
    if language:
        return f"{text}@{language}"
    if datatype:
        return f"{text}^^<{datatype}>"
    return text


def ntriples_lines(obj: object, base: str = DEFAULT_BASE) -> Iterator[str]:
    """The N-Triples lines of one plan (or standard set), each ending in a newline."""
    for subject, predicate, term in triples(obj, base):
        yield f"<{subject}> <{predicate}> {_term(term)} .\n"


def write_ntriples(objects: Iterable[object], out: TextIO, base: str = DEFAULT_BASE) -> int:
    """Write the N-Triples of every object to ``out``; returns the number of triples."""
    count = 0
    write = out.write
    for obj in objects:
        for line in ntriples_lines(obj, base):
            write(line)
            count += 1
    return count
