"""How each model class and field maps to RDF terms (derived from the attrs classes).

Classes become ``og:`` classes; fields become properties, reusing DCTERMS, SKOS, vCard and
schema.org where they fit. Lists of objects link to child resources carrying ``og:position``;
lists of text or references become an ``rdf:Seq`` (ordered, minted IRI, no blank node);
vocabulary values are SKOS concepts; dates are ``og:dateSpan`` literals with their phrase beside.
"""

from __future__ import annotations

import functools
import typing
from enum import Enum, auto
from types import NoneType, UnionType
from typing import Any, Union, get_args, get_origin

import attrs
from attrs import frozen

from opengov.io.rdf.terms import DCTERMS, OG, OGV, RDFS, SCHEMA, SKOS, VCARD
from opengov.model import (
    ActionPlan,
    DateSpan,
    PlanCollection,
    StandardSet,
)
from opengov.model.irm import ReportYear
from opengov.model.vocab import Vocabulary

__all__ = [
    "ROOTS",
    "ClassMap",
    "FieldMap",
    "Kind",
    "class_map",
    "concept_iri",
    "scheme_iri",
]

#: Document classes that can be the root of a graph.
ROOTS: tuple[type, ...] = (PlanCollection, ActionPlan, StandardSet)


class Kind(Enum):
    """How a field's values become RDF terms."""

    TEXT = auto()  # literal, language-tagged when the field is prose
    PLAIN = auto()  # literal, no language (ids, URLs, codes of other standards)
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
    item: Kind | None = None
    target: type | None = None
    vocabulary: type[Vocabulary] | None = None
    language: str | None = None  # fixed language ("en" for ``*_en`` fields), else the plan's
    optional: bool = True


@frozen
class ClassMap:
    """One class: its RDF class and its fields."""

    cls: type
    rdf_class: str
    fields: tuple[FieldMap, ...]
    identified: bool


# Fields whose text values are ids of other objects (IRIs in RDF).
_REFERENCES = {
    ("ActionPlan", "lead_organisation"),
    ("Commitment", "lead_organisations"),
    ("Commitment", "supporting_organisations"),
    ("Milestone", "organisation"),
    ("KeyRecommendation", "report"),
    ("Response", "echoes"),
    ("PlannedAction", "recommendations"),
    ("StandardAssessment", "standard"),
    ("RequirementFinding", "requirement"),
}
# Text that is not prose: no language tag.
_PLAIN = {"id", "url", "country", "language", "regime"}
_PLAIN_IN = {("Contact", "name")}

# Standard vocabularies where they fit.
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
# Links to child resources are ``og:has<Singular>`` (og:hasCommitment, og:hasMilestone).
_SINGULAR = {
    "commitments": "commitment",
    "milestones": "milestone",
    "organisations": "organisation",
    "contacts": "contact",
    "resources": "resource",
    "participation": "participationAssessment",
    "public_influence": "publicInfluence",
    "reports": "report",
    "key_recommendations": "keyRecommendation",
    "responses": "response",
    "planned_actions": "plannedAction",
    "consultations": "consultation",
    "stated_figures": "statedFigure",
    "evidence": "evidence",
    "items": "item",
    "findings": "finding",
    "standards": "standard",
    "requirements": "requirement",
    "plans": "plan",
    "extra": "extraField",
}


def camel(name: str) -> str:
    """``lead_organisations`` → ``leadOrganisations``."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def scheme_iri(vocabulary: type[Vocabulary]) -> str:
    """The concept scheme of a vocabulary (``ogv:completion``)."""
    return OGV + _scheme_name(vocabulary)


def _scheme_name(vocabulary: type[Vocabulary]) -> str:
    return vocabulary.vocabulary_name().replace(" ", "-")


def concept_iri(member: Vocabulary) -> str:
    """The SKOS concept of a vocabulary member (``ogv:completion-substantial``)."""
    return f"{OGV}{_scheme_name(type(member))}-{member.value}"


def _strip_optional(tp: Any) -> tuple[Any, bool]:
    if get_origin(tp) in (Union, UnionType):
        args = [a for a in get_args(tp) if a is not NoneType]
        if len(args) == 1 and len(args) < len(get_args(tp)):
            return args[0], True
    return tp, False


def _scalar(tp: Any, owner: str, name: str) -> tuple[Kind, type[Vocabulary] | None] | None:
    if (owner, name) in _REFERENCES and tp is str:
        return Kind.REF, None
    if tp == ReportYear:
        from opengov.model import Missing

        return Kind.YEAR, Missing
    if tp is str:
        if name == "email":
            return Kind.EMAIL, None
        plain = name in _PLAIN or (owner, name) in _PLAIN_IN
        return (Kind.PLAIN if plain else Kind.TEXT), None
    if tp is bool:
        return Kind.BOOL, None
    if tp is int:
        return Kind.INT, None
    if tp is float:
        return Kind.FLOAT, None
    if isinstance(tp, type) and issubclass(tp, Vocabulary):
        return Kind.CODE, tp
    if tp is DateSpan:
        return Kind.DATE, None
    return None


@functools.cache
def class_map(cls: type) -> ClassMap:
    """The RDF mapping of a model class."""
    hints = typing.get_type_hints(cls)
    owner = cls.__name__
    fields = []
    for field in attrs.fields(cls):
        tp, optional = _strip_optional(hints[field.name])
        predicate = _PREDICATES.get((owner, field.name)) or _PREDICATES.get((None, field.name))
        language = (
            "en" if field.name.endswith("_en") else "fr" if field.name.endswith("_fr") else None
        )
        scalar = _scalar(tp, owner, field.name)
        if scalar is not None:
            kind, vocabulary = scalar
            fields.append(
                FieldMap(
                    field.name,
                    predicate or OG + camel(field.name),
                    kind,
                    vocabulary=vocabulary,
                    language=language,
                    optional=optional,
                )
            )
        elif attrs.has(tp):
            fields.append(
                FieldMap(
                    field.name,
                    predicate or OG + camel(field.name),
                    Kind.NESTED,
                    target=tp,
                    optional=optional,
                )
            )
        elif get_origin(tp) is list:
            (item,) = get_args(tp)
            if attrs.has(item):
                singular = _SINGULAR.get(field.name, camel(field.name))
                link = OG + "has" + singular[:1].upper() + singular[1:]
                fields.append(FieldMap(field.name, link, Kind.OBJECTS, target=item))
            else:
                item_scalar = _scalar(item, owner, field.name)
                if item_scalar is None:  # pragma: no cover - the model has no such list
                    raise TypeError(f"cannot map a list of {item!r}")
                item_kind, vocabulary = item_scalar
                fields.append(
                    FieldMap(
                        field.name,
                        predicate or OG + camel(field.name),
                        Kind.SEQ,
                        item=item_kind,
                        vocabulary=vocabulary,
                    )
                )
        else:  # pragma: no cover - the model has no other field types
            raise TypeError(f"cannot map {owner}.{field.name}: {tp!r}")
    identified = any(f.name == "id" for f in attrs.fields(cls))
    return ClassMap(cls, OG + owner, tuple(fields), identified)


def all_classes(root: type) -> list[type]:
    """Every class reachable from a root class, root first."""
    seen: list[type] = []
    stack = [root]
    while stack:
        cls = stack.pop(0)
        if cls in seen:
            continue
        seen.append(cls)
        stack.extend(f.target for f in class_map(cls).fields if f.target is not None)
    return seen


def all_vocabularies(root: type) -> list[type[Vocabulary]]:
    """Every vocabulary used by the classes under a root."""
    found: list[type[Vocabulary]] = []
    for cls in all_classes(root):
        for f in class_map(cls).fields:
            if f.vocabulary is not None and f.vocabulary not in found:
                found.append(f.vocabulary)
    return found
