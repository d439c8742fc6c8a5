"""The triples of a model object, as plain strings: shared by ``to_graph``, the streaming
N-Triples writer, the Turtle and JSON-LD writers, so all of them give the same graph.

Triples come grouped by subject: an object's own triples first (its ``rdf:type``, then its
position in a list, then its fields), then those of its children, depth first. Writers that
group a subject's statements (Turtle, JSON-LD) need no sorting, and a collection's plans are
turned into triples one at a time, so memory stays that of one plan.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from opengov.errors import DumpError
from opengov.io._converter import make_converter
from opengov.io.rdf._mapping import ClassMap, FieldMap, Kind, class_map, concept_iri
from opengov.io.rdf._terms import DEFAULT_BASE, OG, RDF, XSD, fragment, iri_for_id
from opengov.model import DateSpan
from opengov.model.vocab import Vocabulary

__all__ = ["Term", "Triple", "triples"]

# A term is ("i", iri) or ("l", lexical, language, datatype).
Term = tuple[str, ...]
Triple = tuple[str, str, Term]

TYPE = RDF + "type"
POSITION = OG + "position"
SEQ = RDF + "Seq"
DATE_SPAN = OG + "dateSpan"
INTEGER = XSD + "integer"
_BASE = re.compile(r"(?:https?://[^\s<>\"{}|\\^`#]+|urn:[^\s<>\"{}|\\^`#]+)/")
_LANGUAGE = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")
_SEQ_TYPE: Term = ("i", SEQ)


def _literal(lexical: str, language: str | None = None, datatype: str | None = None) -> Term:
    return ("l", lexical, language or "", datatype or "")


def _iri(iri: str) -> Term:
    return ("i", iri)


@functools.cache
def _concept(vocabulary: type[Vocabulary], value: str) -> Term:
    return _iri(concept_iri(vocabulary(value)))


@functools.cache
def _prose_fields(cls: type) -> dict[str, FieldMap]:
    """The fields of a class a translation can translate: prose without a fixed language."""
    fields = class_map(cls).fields
    return {f.name: f for f in fields if f.kind is Kind.TEXT and f.language is None}


@functools.cache
def _position(position: int) -> Term:
    return _literal(str(position), datatype=INTEGER)


@functools.cache
def _member(position: int) -> str:
    return f"{RDF}_{position}"


# What is left to walk: (subject, class map, the object or its dict, position in its list or 0,
# the language its prose is in).
_Task = tuple[str, ClassMap, Any, int, str | None]


class _Writer:
    def __init__(self, base: str) -> None:
        self.base = base
        self.unstructure = make_converter(detailed=False, omit_defaults=False).unstructure

    def ref(self, ident: str) -> Term:
        return _iri(iri_for_id(ident, self.base))

    def scalar(self, field: FieldMap, kind: Kind, value: Any, language: str | None) -> Term:
        if kind is Kind.TEXT:
            return ("l", value, field.language or language or "", "")
        if kind is Kind.PLAIN:
            return ("l", value, "", "")
        if kind is Kind.CODE:
            assert field.vocabulary is not None
            return _concept(field.vocabulary, value)
        if kind is Kind.REF:
            return self.ref(value)
        if kind is Kind.INT:
            return _literal(str(value), datatype=INTEGER)
        if kind is Kind.FLOAT:
            # xsd:decimal in positional notation: Turtle writers shorten an xsd:double to
            # seven digits, and a percentage or an amount is a decimal anyway
            number = float(value)
            if not math.isfinite(number):
                raise DumpError(f"{field.name}: {number!r} is not a finite number")
            return _literal(format(Decimal(repr(number)), "f"), datatype=XSD + "decimal")
        if kind is Kind.BOOL:
            return _literal("true" if value else "false", datatype=XSD + "boolean")
        if kind is Kind.YEAR:
            if isinstance(value, int):
                return _literal(str(value), datatype=INTEGER)
            assert field.vocabulary is not None
            return _concept(field.vocabulary, value)
        if kind is Kind.EMAIL:
            return _iri("mailto:" + quote(value, safe="@!$&'()*+,;=-._~"))
        raise AssertionError(kind)  # pragma: no cover

    def node(self, task: _Task, children: list[_Task]) -> list[Triple]:
        """The triples of one object: its own, then its lists of text or concepts (each an
        ``rdf:Seq`` of its own); its child objects go to ``children``, to be walked next."""
        subject, cmap, data, position, language = task
        if not isinstance(data, dict):  # an item of the root's lists, turned into a dict here
            data = self.unstructure(data)
        # An object that states its language (a plan, a translation) tags its prose, and its
        # children's, with it.
        stated = data.get("language")
        if isinstance(stated, str):
            language = stated
        out: list[Triple] = [(subject, TYPE, _iri(cmap.rdf_class))]
        if position:
            out.append((subject, POSITION, _position(position)))
        seqs: list[Triple] = []
        add = out.append
        get = data.get
        for field in cmap.fields:
            value = get(field.name)
            if value is None:
                continue
            kind = field.kind
            # the commonest kinds first, inline
            if kind is Kind.TEXT:
                add((subject, field.predicate, ("l", value, field.language or language or "", "")))
            elif kind is Kind.PLAIN:
                add((subject, field.predicate, ("l", value, "", "")))
            elif kind is Kind.CODE:
                assert field.vocabulary is not None
                add((subject, field.predicate, _concept(field.vocabulary, value)))
            elif kind is Kind.OBJECTS:
                assert field.target is not None
                target = class_map(field.target)
                for number, item in enumerate(value, 1):
                    if target.identified:
                        ident = item["id"] if isinstance(item, dict) else item.id
                        child = iri_for_id(ident, self.base)
                    else:
                        child = fragment(subject, f"{field.name}/{number}")
                    add((subject, field.predicate, _iri(child)))
                    children.append((child, target, item, number, language))
            elif kind is Kind.SEQ:
                if not value:
                    continue
                seq = fragment(subject, field.name)
                add((subject, field.predicate, _iri(seq)))
                seqs.append((seq, TYPE, _SEQ_TYPE))
                item_kind = field.item
                assert item_kind is not None
                for number, item in enumerate(value, 1):
                    seqs.append(
                        (seq, _member(number), self.scalar(field, item_kind, item, language))
                    )
            elif kind is Kind.DATE:
                self.date(subject, field, value, language, add)
            elif kind is Kind.NESTED:
                child = fragment(subject, field.name)
                add((subject, field.predicate, _iri(child)))
                assert field.target is not None
                children.append((child, class_map(field.target), value, 0, language))
            else:
                add((subject, field.predicate, self.scalar(field, kind, value, language)))
        translations = data.get("translations")
        if translations:
            # A translation is also a literal of the translated field, tagged with its
            # language, so that linked-data clients see ``dcterms:title "…"@fr`` beside "…"@en.
            prose = _prose_fields(cmap.cls)
            for translation in translations:
                if not isinstance(translation, dict):
                    translation = self.unstructure(translation)
                found = prose.get(translation["field"])
                if found is not None:
                    text = _literal(translation["text"], translation["language"])
                    add((subject, found.predicate, text))
        if seqs:
            out += seqs
        return out

    def date(
        self,
        subject: str,
        field: FieldMap,
        value: Any,
        language: str | None,
        add: Callable[[Triple], None],
    ) -> None:
        iso, phrase = (
            (value, None) if isinstance(value, str) else (value["value"], value.get("phrase"))
        )
        add((subject, field.predicate, _literal(iso, datatype=DATE_SPAN)))
        phrase_p, earliest_p, latest_p = field.companions
        if phrase is not None:
            add((subject, phrase_p, _literal(phrase, language)))
        span = DateSpan.from_iso(iso)
        if span.earliest is not None:
            add((subject, earliest_p, _literal(span.earliest.isoformat(), datatype=XSD + "date")))
        if span.latest is not None:
            add((subject, latest_p, _literal(span.latest.isoformat(), datatype=XSD + "date")))


def check_base(base: str) -> None:
    """Refuse a base IRI that would mint IRIs other tools (or this library) cannot read."""
    if not _BASE.fullmatch(base):
        raise DumpError(
            f"not a usable base IRI: {base!r} (an absolute http(s) or urn IRI ending in '/', "
            "with no spaces, quotes, '<', '>' or '#')"
        )


def triples(obj: object, base: str = DEFAULT_BASE) -> Iterator[Triple]:
    """Every triple of a plan (or standard set, or collection), in a stable order."""
    language = getattr(obj, "language", None)
    if language is not None and not _LANGUAGE.fullmatch(language):
        raise DumpError(
            f"the plan's language {language!r} is not a language tag (like 'fr' or 'pt-BR')"
        )
    check_base(base)
    cmap = class_map(type(obj))  # type: ignore[arg-type]
    writer = _Writer(base)
    # The root's fields one by one: its lists of objects (a collection's plans) are turned into
    # dicts item by item as the walk reaches them, not all at once.
    data = {
        field.name: value if field.kind is Kind.OBJECTS else writer.unstructure(value)
        for field in cmap.fields
        if (value := getattr(obj, field.name)) is not None
    }
    stack: list[_Task] = [(iri_for_id(data["id"], base), cmap, data, 0, language)]
    while stack:
        children: list[_Task] = []
        yield from writer.node(stack.pop(), children)
        children.reverse()  # depth first, in the order of the lists
        stack += children
