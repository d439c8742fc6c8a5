"""A strict, linear-time N-Triples reader (rdflib's slows down badly on long literals).

Every problem names its line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rdflib import BNode, Graph, Literal, URIRef

from opengov.errors import LoadError
from opengov.issues import Issue

__all__ = ["parse_ntriples"]

_IRI = r"<((?:[^<>\"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*)>"
_BNODE = r"_:([A-Za-z0-9_\u00C0-\uFFFF](?:[A-Za-z0-9_.\-\u00B7\u00C0-\uFFFF]*[A-Za-z0-9_\-\u00B7\u00C0-\uFFFF])?)"
_LITERAL = (
    r"\"((?:[^\"\\\n\r]|\\[tbnrf\"'\\]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*)\"(?:@([a-zA-Z]+(?:-[a-zA-Z0-9]+)*)|\^\^"
    + _IRI
    + r")?"
)
_TRIPLE = re.compile(
    rf"[ \t]*(?:{_IRI}|{_BNODE})[ \t]+{_IRI}[ \t]+(?:{_IRI}|{_BNODE}|{_LITERAL})[ \t]*\.[ \t]*(?:#.*)?"
)
_EMPTY = re.compile(r"[ \t]*(?:#.*)?")
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(text: str, line: int) -> str:
    if "\\" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        code = match.group(1) or match.group(2)
        if code:
            value = int(code, 16)
            if value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
                message = f"invalid character escape \\u{code}"
                raise LoadError([Issue(f"line {line}", "rdf-syntax", message)])
            return chr(value)
        return _ECHAR[match.group(3)]

    return _ESCAPE.sub(replace, text)


def _lines(text: str) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(text.split("\n"), 1):
        yield number, line.removesuffix("\r")


def parse_ntriples(text: str, graph: Graph | None = None) -> Graph:
    """Parse N-Triples text into a graph; raises :class:`~opengov.LoadError` naming the line."""
    graph = graph if graph is not None else Graph()
    add = graph.add
    for number, line in _lines(text):
        match = _TRIPLE.fullmatch(line)
        if match is None:
            if _EMPTY.fullmatch(line):
                continue
            shown = line if len(line) <= 80 else line[:77] + "..."
            raise LoadError(
                [
                    Issue(
                        f"line {number}",
                        "rdf-syntax",
                        f"not a valid N-Triples statement: {shown!r}",
                    )
                ]
            )
        s_iri, s_bnode, p_iri, o_iri, o_bnode, lexical, language, datatype = match.groups()
        subject = URIRef(_unescape(s_iri, number)) if s_iri is not None else BNode(s_bnode)
        predicate = URIRef(_unescape(p_iri, number))
        obj: URIRef | BNode | Literal
        if o_iri is not None:
            obj = URIRef(_unescape(o_iri, number))
        elif o_bnode is not None:
            obj = BNode(o_bnode)
        else:
            value = _unescape(lexical, number)
            if language:
                obj = Literal(value, lang=language)
            else:
                obj = Literal(
                    value, datatype=URIRef(_unescape(datatype, number)) if datatype else None
                )
        add((subject, predicate, obj))
    return graph
