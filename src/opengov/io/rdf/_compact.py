"""JSON-LD out: the triples as compacted JSON-LD with the shipped ``@context``.

The context only names prefixes, so compacting is a matter of writing ``prefix:name`` for an IRI
under one of them (where the rest is a plain name), ``@type`` for ``rdf:type``, a number or
true/false for an ``xsd:integer`` or ``xsd:boolean``, a string for an untagged literal, and a
value object for the others. The triples come grouped by subject (``_triples``): each subject
is one node of ``@graph``, in the order of the walk (the document's root first). orjson writes
the text.
"""

from __future__ import annotations

import re
from typing import Any

import orjson

from opengov.io.rdf._jsonld import context
from opengov.io.rdf._terms import XSD
from opengov.io.rdf._triples import TYPE, Term, triples

__all__ = ["jsonld"]

_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")
# A JSON number reads back as an xsd:integer only below 10**21 (JSON-LD's rule), and exactly
# only below 2**53 (a JSON reader's double): write the others as typed values.
_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]{0,14})")
_INTEGER_IRI = XSD + "integer"
_BOOLEAN_IRI = XSD + "boolean"


class _Compactor:
    def __init__(self, prefixes: dict[str, str]) -> None:
        # longest namespace first: "https://w3id.org/opengov/ns#" before any shorter one
        self.namespaces = sorted(
            ((namespace, prefix) for prefix, namespace in prefixes.items()),
            key=lambda item: -len(item[0]),
        )
        self.known: dict[str, str] = {}

    def iri(self, iri: str) -> str:
        """``prefix:name`` for an IRI under a prefix of the context, else the IRI itself."""
        found = self.known.get(iri)
        if found is not None:
            return found
        compact = iri
        for namespace, prefix in self.namespaces:
            if iri.startswith(namespace):
                rest = iri[len(namespace) :]
                if _NAME.fullmatch(rest):
                    compact = f"{prefix}:{rest}"
                break
        if len(self.known) < 65536:
            self.known[iri] = compact
        return compact

    def value(self, term: Term) -> Any:
        if term[0] == "i":
            return {"@id": self.iri(term[1])}
        _, lexical, language, datatype = term
        if language:
            return {"@language": language, "@value": lexical}
        if not datatype:
            return lexical
        if datatype == _INTEGER_IRI and _INTEGER.fullmatch(lexical):
            return int(lexical)
        if datatype == _BOOLEAN_IRI and lexical in ("true", "false"):
            return lexical == "true"
        return {"@type": self.iri(datatype), "@value": lexical}


def jsonld(obj: object, base: str) -> str:
    """The JSON-LD text of a plan (or standard set, or collection)."""
    shipped = context()
    compactor = _Compactor({k: v for k, v in shipped.items() if isinstance(v, str)})
    nodes: dict[str, dict[str, Any]] = {}
    node: dict[str, Any] = {}
    current = None
    for subject, predicate, term in triples(obj, base):
        if subject is not current:
            current = subject
            node = nodes.get(subject) or nodes.setdefault(subject, {"@id": compactor.iri(subject)})
        if predicate == TYPE and term[0] == "i":
            key, value = "@type", compactor.iri(term[1])
        else:
            key, value = compactor.iri(predicate), compactor.value(term)
        held = node.get(key)
        if held is None:
            node[key] = value
        elif type(held) is list:  # values are never lists: this one is ours
            held.append(value)
        else:
            node[key] = [held, value]
    document = {"@context": shipped, "@graph": list(nodes.values())}
    options = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE
    return orjson.dumps(document, option=options).decode("utf-8")
