"""The triples of a model object, as plain strings: shared by ``to_graph`` and the streaming
N-Triples writer, so both give the same graph."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from opengov.errors import DumpError
from opengov.io._converter import make_converter
from opengov.io.rdf._mapping import ClassMap, FieldMap, Kind, class_map, concept_iri
from opengov.io.rdf._terms import DEFAULT_BASE, OG, RDF, XSD, fragment, iri_for_id
from opengov.model import DateSpan

__all__ = ["Term", "Triple", "triples"]

# A term is ("i", iri) or ("l", lexical, language, datatype).
Term = tuple[str, ...]
Triple = tuple[str, str, Term]

TYPE = RDF + "type"
POSITION = OG + "position"
SEQ = RDF + "Seq"
DATE_SPAN = OG + "dateSpan"
_BASE = re.compile(r"(?:https?://[^\s<>\"{}|\\^`#]+|urn:[^\s<>\"{}|\\^`#]+)/")
_LANGUAGE = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")


def _literal(lexical: str, language: str | None = None, datatype: str | None = None) -> Term:
    return ("l", lexical, language or "", datatype or "")


def _iri(iri: str) -> Term:
    return ("i", iri)


class _Writer:
    def __init__(self, base: str, language: str | None) -> None:
        self.base = base
        self.language = language

    def ref(self, ident: str) -> Term:
        return _iri(iri_for_id(ident, self.base))

    def scalar(self, field: FieldMap, kind: Kind, value: Any) -> Term:
        if kind is Kind.TEXT:
            return _literal(value, field.language or self.language)
        if kind is Kind.PLAIN:
            return _literal(value)
        if kind is Kind.INT:
            return _literal(str(value), datatype=XSD + "integer")
        if kind is Kind.FLOAT:
            # xsd:decimal in positional notation: Turtle writers shorten an xsd:double to
            # seven digits, and a percentage or an amount is a decimal anyway
            number = float(value)
            if not math.isfinite(number):
                raise DumpError(f"{field.name}: {number!r} is not a finite number")
            return _literal(format(Decimal(repr(number)), "f"), datatype=XSD + "decimal")
        if kind is Kind.BOOL:
            return _literal("true" if value else "false", datatype=XSD + "boolean")
        if kind is Kind.CODE:
            assert field.vocabulary is not None
            return _iri(concept_iri(field.vocabulary(value)))
        if kind is Kind.YEAR:
            if isinstance(value, int):
                return _literal(str(value), datatype=XSD + "integer")
            assert field.vocabulary is not None
            return _iri(concept_iri(field.vocabulary(value)))
        if kind is Kind.REF:
            return self.ref(value)
        if kind is Kind.EMAIL:
            return _iri("mailto:" + quote(value, safe="@!$&'()*+,;=-._~"))
        raise AssertionError(kind)  # pragma: no cover

    def node(self, subject: str, cmap: ClassMap, data: dict[str, Any]) -> Iterator[Triple]:
        # An object that states its language (a plan, a translation) tags its prose, and its
        # children's, with it.
        outer = self.language
        if isinstance(data.get("language"), str):
            self.language = data["language"]
        yield from self.fields(subject, cmap, data)
        yield from self.translated(subject, cmap, data)
        self.language = outer

    def translated(self, subject: str, cmap: ClassMap, data: dict[str, Any]) -> Iterator[Triple]:
        """A translation is also a literal of the translated field, tagged with its language,
        so that linked-data clients see ``dcterms:title "…"@fr`` beside ``"…"@en``."""
        prose = {f.name: f for f in cmap.fields if f.kind is Kind.TEXT and f.language is None}
        for translation in data.get("translations") or ():
            field = prose.get(translation["field"])
            if field is not None:
                language = translation["language"]
                yield subject, field.predicate, _literal(translation["text"], language)

    def fields(self, subject: str, cmap: ClassMap, data: dict[str, Any]) -> Iterator[Triple]:
        yield subject, TYPE, _iri(cmap.rdf_class)
        for field in cmap.fields:
            value = data.get(field.name)
            if value is None:
                continue
            kind = field.kind
            if kind is Kind.DATE:
                yield from self.date(subject, field, value)
            elif kind is Kind.NESTED:
                child = fragment(subject, field.name)
                yield subject, field.predicate, _iri(child)
                assert field.target is not None
                yield from self.node(child, class_map(field.target), value)
            elif kind is Kind.OBJECTS:
                assert field.target is not None
                target = class_map(field.target)
                for position, item in enumerate(value, 1):
                    if target.identified:
                        child = iri_for_id(item["id"], self.base)
                    else:
                        child = fragment(subject, f"{field.name}/{position}")
                    yield subject, field.predicate, _iri(child)
                    yield child, POSITION, _literal(str(position), datatype=XSD + "integer")
                    yield from self.node(child, target, item)
            elif kind is Kind.SEQ:
                if not value:
                    continue
                seq = fragment(subject, field.name)
                yield subject, field.predicate, _iri(seq)
                yield seq, TYPE, _iri(SEQ)
                assert field.item is not None
                for position, item in enumerate(value, 1):
                    yield seq, f"{RDF}_{position}", self.scalar(field, field.item, item)
            else:
                yield subject, field.predicate, self.scalar(field, kind, value)

    def date(self, subject: str, field: FieldMap, value: Any) -> Iterator[Triple]:
        iso, phrase = (
            (value, None) if isinstance(value, str) else (value["value"], value.get("phrase"))
        )
        yield subject, field.predicate, _literal(iso, datatype=DATE_SPAN)
        phrase_p, earliest_p, latest_p = field.companions
        if phrase is not None:
            yield subject, phrase_p, _literal(phrase, self.language)
        span = DateSpan.from_iso(iso)
        if span.earliest is not None:
            yield subject, earliest_p, _literal(span.earliest.isoformat(), datatype=XSD + "date")
        if span.latest is not None:
            yield subject, latest_p, _literal(span.latest.isoformat(), datatype=XSD + "date")


def check_base(base: str) -> None:
    """Refuse a base IRI that would mint IRIs other tools (or this library) cannot read."""
    if not _BASE.fullmatch(base):
        raise DumpError(
            f"not a usable base IRI: {base!r} (an absolute http(s) or urn IRI ending in '/', "
            "with no spaces, quotes, '<', '>' or '#')"
        )


def triples(obj: object, base: str = DEFAULT_BASE) -> Iterator[Triple]:
    """Every triple of a plan (or standard set), in a stable order."""
    language = getattr(obj, "language", None)
    if language is not None and not _LANGUAGE.fullmatch(language):
        raise DumpError(
            f"the plan's language {language!r} is not a language tag (like 'fr' or 'pt-BR')"
        )
    check_base(base)
    data = make_converter(detailed=False, omit_defaults=False).unstructure(obj)
    cmap = class_map(type(obj))  # type: ignore[arg-type]
    writer = _Writer(base, language)
    yield from writer.node(iri_for_id(data["id"], base), cmap, data)
