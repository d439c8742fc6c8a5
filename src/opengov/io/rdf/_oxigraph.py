"""pyoxigraph, the RDF toolkit behind the text formats: it writes Turtle and parses every syntax.

- :func:`turtle`: Turtle from N-Triples text, subjects grouped, with the prefixes it uses.
- :func:`parse_index`: the triples of a text, straight into the reader's index of plain terms
  (no graph object): one pass, one copy of the data besides the text.

pyoxigraph never fetches anything: a JSON-LD document that names a remote context fails to
parse (the JSON-LD reader replaces the library's own context IRI by the shipped context first).
Syntax errors become :class:`~opengov.LoadError` naming the line.
"""

from __future__ import annotations

import re
import sys

import pyoxigraph as ox

from opengov.errors import DumpError, LoadError
from opengov.io.rdf._index import Index
from opengov.io.rdf._terms import XSD
from opengov.io.rdf._triples import Term
from opengov.issues import Issue

__all__ = ["parse_index", "turtle"]

_SYNTAX = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "json-ld": ox.RdfFormat.JSON_LD,
}
_XSD_STRING = XSD + "string"
_PREFIX_LINE = re.compile(rb"@prefix ([A-Za-z][\w.-]*): <[^>]*> \.\n")
_PLACE = re.compile(r"^Parser error at line \d+[^:]*: |\s*\(line \d+\)$")


def turtle(ntriples: bytes, prefixes: dict[str, str]) -> str:
    """The Turtle of N-Triples text: consecutive statements about one subject are grouped, and
    of ``prefixes`` only those the text uses are declared, in alphabetical order."""
    quads = ox.parse(ntriples, ox.RdfFormat.N_TRIPLES)
    try:
        text = ox.serialize(quads, format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    except SyntaxError as exc:  # a term the model let through that RDF does not allow
        raise DumpError(f"cannot write Turtle: {' '.join(str(exc).split())[:300]}") from None
    assert text is not None  # no output given: the text is returned
    header = _PREFIX_LINE.match(text)
    position = 0
    kept = []
    while header is not None:
        kept.append((header.group(1), header.group(0)))
        position = header.end()
        header = _PREFIX_LINE.match(text, position)
    body = text[position:]
    # A prefix "appears" when its name and a colon do anywhere in the body: a name inside a
    # literal keeps a declaration that is not needed, never drops one that is.
    used = b"".join(line for name, line in sorted(kept) if name + b":" in body)
    return (used + body).decode("utf-8")


def _problem(exc: SyntaxError, format: str) -> LoadError:
    reason = _PLACE.sub("", str(exc).strip().splitlines()[0] if str(exc).strip() else "")
    reason = " ".join(reason.split())[:300] or type(exc).__name__
    where = f"line {exc.lineno}" if exc.lineno else format
    if exc.lineno and exc.offset:
        where += f", column {exc.offset}"
    if format == "nt":
        message = f"not a valid N-Triples statement: {reason}"
    else:
        message = f"not valid {format}: {reason}"
    return LoadError([Issue(where, "rdf-syntax", message)])


def _utf8(text: str, format: str) -> bytes:
    """The text as UTF-8; a lone surrogate (which no encoding can write) is refused where it is."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        line = text.count("\n", 0, exc.start) + 1
        column = exc.start - (text.rfind("\n", 0, exc.start) + 1) + 1
        message = (
            f"a lone surrogate (U+{ord(text[exc.start]):04X}): not a character any format can write"
        )
        where = f"line {line}, column {column}"
        raise LoadError([Issue(where, "rdf-syntax", message)]) from None


def parse_index(source: str | bytes, format: str) -> Index:
    """The triples of RDF text in ``format`` (``turtle``, ``nt``, ``json-ld``), indexed by
    subject and predicate; raises :class:`~opengov.LoadError` at the first syntax error."""
    if isinstance(source, str):
        source = _utf8(source, format)
    index = Index()
    subjects = index.subjects
    intern = sys.intern
    named, literal = ox.NamedNode, ox.Literal
    datatypes: dict[str, str] = {}
    # A JSON-LD processor leaves out what it cannot make a triple of (a term the context does
    # not define, a relative IRI, a malformed language tag); read leniently, these arrive as
    # triples that the reader refuses by name instead of a plan quietly missing a value.
    try:
        for s, p, o, _ in ox.parse(
            source, _SYNTAX[format], without_named_graphs=True, lenient=format == "json-ld"
        ):
            kind = type(o)
            term: Term
            if kind is literal:
                language = o.language
                if language:
                    term = ("l", o.value, language, "")
                else:
                    datatype = o.datatype.value
                    datatype = datatypes.setdefault(datatype, datatype)
                    term = ("l", o.value, "", "" if datatype == _XSD_STRING else datatype)
            elif kind is named:
                term = ("i", intern(o.value))
            else:
                term = ("b", o.value)
            if type(s) is not named:
                index.blank(s.value)
                continue
            index.total += 1
            subject = s.value
            predicates = subjects.get(subject)
            if predicates is None:
                predicates = subjects[subject] = {}
            predicate = intern(p.value)
            values = predicates.get(predicate)
            if values is None:
                predicates[predicate] = [term]
            else:
                values.append(term)
    except SyntaxError as exc:
        raise _problem(exc, format) from None
    return index
