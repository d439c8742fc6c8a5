"""How each model class and field maps to RDF terms.

What a field holds — text or a number, a vocabulary value, a date, a nested object, one value or
a list, optional or not, ids of other objects, prose or plain text — comes from the model's
description (:func:`opengov.model.describe.describe`). This module adds only RDF's decisions:

- **Classes** are ``og:`` classes of the same name.
- **Predicates** are ``og:`` + the field name in camel case (``lead_organisations`` →
  ``og:leadOrganisations``), except where DCTERMS, SKOS, vCard or schema.org fit
  (``_PREDICATES``). A list of objects links to child resources with ``og:has`` + the singular of
  the field name (``commitments`` → ``og:hasCommitment``), each child carrying ``og:position``.
- **Values**: prose is a literal tagged with the document's language (a ``*_en`` or ``*_fr``
  field with its own); plain text an untagged literal; ids of other objects IRIs minted from
  them; the contact's e-mail address a ``mailto:`` IRI; a vocabulary value a SKOS concept; a
  date an ``og:dateSpan`` literal with its phrase, earliest and latest day beside it
  (``og:duePhrase``, ``og:dueEarliest``, ``og:dueLatest``). A list of text, concepts or
  references is an ``rdf:Seq`` (ordered, minted IRI, no blank node).

A mapping is computed once per class; a class outside the library (a user's subclass) maps by
the same rules, taking its bases' decisions.
"""

from __future__ import annotations

import functools
from enum import Enum, auto

from attrs import frozen

from opengov.io.rdf._terms import DCTERMS, OG, OGV, RDFS, SCHEMA, SKOS, VCARD
from opengov.model import ActionPlan, PlanCollection, StandardSet
from opengov.model.describe import FieldInfo, Shape, describe, document_classes
from opengov.model.vocab import Vocabulary

__all__ = [
    "ROOTS",
    "ClassMap",
    "FieldMap",
    "Kind",
    "all_classes",
    "all_vocabularies",
    "camel",
    "class_map",
    "concept_iri",
    "scheme_iri",
]

#: Document classes that can be the root of a graph.
ROOTS: tuple[type, ...] = (PlanCollection, ActionPlan, StandardSet)


class Kind(Enum):
    """How a field's values become RDF terms (read from the field's description by ``_kind``)."""

    TEXT = auto()  # literal, language-tagged (prose)
    PLAIN = auto()  # literal, no language (ids, URLs, codes, names)
    INT = auto()
    FLOAT = auto()
    BOOL = auto()
    CODE = auto()  # SKOS concept IRI
    DATE = auto()  # og:dateSpan literal (+ phrase, earliest, latest)
    YEAR = auto()  # integer literal, or a concept of og:Missing
    REF = auto()  # IRI minted from another object's id
    EMAIL = auto()  # mailto: IRI
    NESTED = auto()  # a single child resource
    OBJECTS = auto()  # child resources with og:position
    SEQ = auto()  # an rdf:Seq of literals, concepts or references


@frozen
class FieldMap:
    """One field: its name, the property IRI, how values map, and for lists the item kind."""

    name: str
    predicate: str
    kind: Kind
    info: FieldInfo
    """The field's description (labels, shape, facts)."""
    item: Kind | None = None
    target: type | None = None
    vocabulary: type[Vocabulary] | None = None
    language: str | None = None  # fixed language ("en" for ``*_en`` fields), else the plan's
    optional: bool = True
    companions: tuple[str, str, str] = ("", "", "")
    """For a date: the phrase, earliest-day and latest-day properties written beside it."""


@frozen
class ClassMap:
    """One class: its RDF class and its fields."""

    cls: type
    rdf_class: str
    fields: tuple[FieldMap, ...]
    identified: bool


# Standard vocabularies where they fit: (class name or None for any class, field) → predicate.
_PREDICATES: dict[tuple[str | None, str], str] = {
    (None, "id"): DCTERMS + "identifier",
    (None, "title"): DCTERMS + "title",
    (None, "description"): DCTERMS + "description",
    (None, "url"): SCHEMA + "url",
    (None, "label"): RDFS + "label",
    ("ActionPlan", "language"): DCTERMS + "language",
    ("ActionPlan", "period"): DCTERMS + "temporal",
    ("Organisation", "name"): SKOS + "prefLabel",
    ("Organisation", "acronym"): SKOS + "altLabel",
    ("Contact", "name"): VCARD + "fn",
    ("Contact", "email"): VCARD + "hasEmail",
    ("Contact", "role"): VCARD + "role",
    ("Contact", "organisation"): VCARD + "organization-name",
    ("Report", "date"): DCTERMS + "issued",
    ("Report", "author"): DCTERMS + "creator",
    ("Consultation", "period"): DCTERMS + "temporal",
    ("Standard", "title_en"): DCTERMS + "title",
    ("Standard", "title_fr"): DCTERMS + "title",
    ("StandardSet", "title"): DCTERMS + "title",
    ("Requirement", "text_en"): SKOS + "definition",
    ("Requirement", "text_fr"): SKOS + "definition",
}
# vCard wants an e-mail address as a mailto: IRI.
_MAILTO = {("Contact", "email")}
# Links to child resources whose name is not the singular of the field name (see ``_singular``).
_SINGULAR = {
    "participation": "participationAssessment",
    "extra": "extraField",
}
_VALUE_KINDS = {
    Shape.INTEGER: Kind.INT,
    Shape.DECIMAL: Kind.FLOAT,
    Shape.BOOLEAN: Kind.BOOL,
    Shape.VOCABULARY: Kind.CODE,
    Shape.DATE: Kind.DATE,
    Shape.YEAR: Kind.YEAR,
}


def camel(name: str) -> str:
    """``lead_organisations`` → ``leadOrganisations``."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def _singular(name: str) -> str:
    """The camel-case singular of a list field's name: ``key_recommendations`` →
    ``keyRecommendation``, ``activities`` → ``activity``; names that are not plurals
    (``evidence``, ``public_influence``) stay as they are."""
    if name in _SINGULAR:
        return _SINGULAR[name]
    if name.endswith("ies"):
        name = name[:-3] + "y"
    elif name.endswith("s") and not name.endswith("ss"):
        name = name[:-1]
    return camel(name)


def scheme_iri(vocabulary: type[Vocabulary]) -> str:
    """The concept scheme of a vocabulary (``ogv:completion``)."""
    return OGV + _scheme_name(vocabulary)


def _scheme_name(vocabulary: type[Vocabulary]) -> str:
    return vocabulary.vocabulary_name().replace(" ", "-")


def concept_iri(member: Vocabulary) -> str:
    """The SKOS concept of a vocabulary member (``ogv:completion-substantial``)."""
    return f"{OGV}{_scheme_name(type(member))}-{member.value}"


def _owners(cls: type) -> list[str]:
    """The names a class answers to in the tables above: its own, then its bases'."""
    return [base.__name__ for base in cls.__mro__]


def _predicate(cls: type, info: FieldInfo) -> str:
    for owner in [*_owners(cls), None]:
        found = _PREDICATES.get((owner, info.name))
        if found is not None:
            return found
    if info.many and info.shape is Shape.OBJECT:
        singular = _singular(info.name)
        return OG + "has" + singular[:1].upper() + singular[1:]
    return OG + camel(info.name)


def _kind(cls: type, info: FieldInfo) -> Kind:
    """How one value of the field becomes an RDF term."""
    if info.references is not None:
        return Kind.REF
    if info.shape is Shape.TEXT:
        if any((owner, info.name) in _MAILTO for owner in _owners(cls)):
            return Kind.EMAIL
        return Kind.PLAIN if info.plain else Kind.TEXT
    if info.shape is Shape.OBJECT:
        return Kind.NESTED
    return _VALUE_KINDS[info.shape]


def _field_map(cls: type, info: FieldInfo) -> FieldMap:
    kind = _kind(cls, info)
    item = None
    if info.many:
        if kind is Kind.DATE:  # pragma: no cover - the model has no list of dates
            raise TypeError(f"{info.path}: RDF has no form for a list of dates")
        kind, item = (Kind.OBJECTS, None) if kind is Kind.NESTED else (Kind.SEQ, kind)
    language = "en" if info.name.endswith("_en") else "fr" if info.name.endswith("_fr") else None
    local = OG + camel(info.name)
    return FieldMap(
        info.name,
        _predicate(cls, info),
        kind,
        info,
        item=item,
        target=info.target,
        vocabulary=info.vocabulary,
        language=language,
        optional=info.optional or info.many,
        companions=(local + "Phrase", local + "Earliest", local + "Latest")
        if kind is Kind.DATE
        else ("", "", ""),
    )


@functools.cache
def class_map(cls: type) -> ClassMap:
    """The RDF mapping of a model class (computed once per class)."""
    info = describe(cls)
    fields = tuple(_field_map(cls, field) for field in info.fields)
    return ClassMap(cls, OG + cls.__name__, fields, info.identified)


def all_classes(root: type) -> list[type]:
    """Every class reachable from a root class, root first."""
    return document_classes(root)


def all_vocabularies(root: type) -> list[type[Vocabulary]]:
    """Every vocabulary used by the classes under a root."""
    found: list[type[Vocabulary]] = []
    for cls in all_classes(root):
        for f in class_map(cls).fields:
            if f.vocabulary is not None and f.vocabulary not in found:
                found.append(f.vocabulary)
    return found
