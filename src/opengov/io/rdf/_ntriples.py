"""The streaming writer: model objects in, N-Triples lines out, in constant memory per plan.

It formats the same triples as :func:`~opengov.io.rdf.to_graph` without building a graph, so its
output parses to an isomorphic graph at a fraction of the cost.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TextIO

from opengov.io.rdf._terms import DEFAULT_BASE
from opengov.io.rdf._triples import triples

__all__ = ["ntriples_lines", "write_ntriples"]


def _escape(lexical: str) -> str:
    """The text of a literal between its quotes (``str.translate`` is slow: most text needs no
    escape at all, and the rest at most four replacements)."""
    if "\\" in lexical:
        lexical = lexical.replace("\\", "\\\\")
    if '"' in lexical:
        lexical = lexical.replace('"', '\\"')
    if "\n" in lexical:
        lexical = lexical.replace("\n", "\\n")
    if "\r" in lexical:
        lexical = lexical.replace("\r", "\\r")
    return lexical


def ntriples_lines(obj: object, base: str = DEFAULT_BASE) -> Iterator[str]:
    """The N-Triples lines of one plan (or standard set, or collection), each ending in a
    newline."""
    iris: dict[str, str] = {}  # IRIs recur (subjects, predicates, concepts): format each once
    for subject, predicate, value in triples(obj, base):
        s = iris.get(subject)
        if s is None:
            if len(iris) > 65536:
                iris.clear()
            s = iris[subject] = f"<{subject}>"
        p = iris.get(predicate)
        if p is None:
            p = iris[predicate] = f"<{predicate}>"
        if value[0] == "i":
            o = iris.get(value[1])
            if o is None:
                o = iris[value[1]] = f"<{value[1]}>"
            yield f"{s} {p} {o} .\n"
            continue
        _, lexical, language, datatype = value
        if "\\" in lexical or '"' in lexical or "\n" in lexical or "\r" in lexical:
            lexical = _escape(lexical)
        if language:
            yield f'{s} {p} "{lexical}"@{language} .\n'
        elif datatype:
            d = iris.get(datatype)
            if d is None:
                d = iris[datatype] = f"<{datatype}>"
            yield f'{s} {p} "{lexical}"^^{d} .\n'
        else:
            yield f'{s} {p} "{lexical}" .\n'


def write_ntriples(objects: Iterable[object], out: TextIO, base: str = DEFAULT_BASE) -> int:
    """Write the N-Triples of every object to ``out``; returns the number of triples."""
    count = 0
    write = out.write
    for obj in objects:
        for line in ntriples_lines(obj, base):
            write(line)
            count += 1
    return count
