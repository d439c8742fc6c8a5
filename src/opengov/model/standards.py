"""Participation and co-creation standards, and assessments of a member against them."""

from __future__ import annotations

import re

from attrs import define, field
from attrs.converters import optional

from opengov.errors import VocabularyError
from opengov.model._fields import (
    facts,
    list_field,
    to_conformity,
    to_date_span,
    to_finding,
    to_phase,
    to_provenance,
    to_public_influence,
)
from opengov.model.dates import DateSpan
from opengov.model.vocab import Vocabulary
from opengov.model.vocabularies import Conformity, Finding, Phase, Provenance, PublicInfluence

__all__ = [
    "Evidence",
    "InfluenceAssessment",
    "Requirement",
    "RequirementFinding",
    "RequirementLevel",
    "Standard",
    "StandardAssessment",
    "StandardSet",
    "read_verdict",
]


class RequirementLevel(Vocabulary):
    """How binding a requirement of a standard is."""

    BASIC = ("basic", "Basic requirement", "Exigence de base")
    ADVANCED = ("advanced", "Advanced step", "Étape avancée")
    MINIMUM = ("minimum", "Minimum requirement", "Exigence minimale")


def to_requirement_level(value: RequirementLevel | str) -> RequirementLevel:
    """A :class:`RequirementLevel` member or label: the converter of ``Requirement.level``,
    defined with its vocabulary like those of :mod:`opengov.model._fields`."""
    return value if isinstance(value, RequirementLevel) else RequirementLevel.parse(value)


@define(kw_only=True)
class Requirement:
    """One requirement of a standard, with where its wording comes from.

    ``sources`` are the addresses where its wording or rule was found; where none was found,
    the address of the official publication of its set (not read). ``provenance`` says how far
    those sources confirm it: ``verified`` (wording found), ``partial`` (found cut off, second
    hand, or without its place in the standards) or ``unverified`` (not found: the text is the
    best available paraphrase; replace it if you have the official text).
    """

    id: str
    text_en: str
    text_fr: str | None = None
    level: RequirementLevel = field(default=RequirementLevel.BASIC, converter=to_requirement_level)
    phase: Phase = field(default=Phase.WHOLE_CYCLE, converter=to_phase)
    sources: list[str] = list_field()
    provenance: Provenance = field(default=Provenance.UNVERIFIED, converter=to_provenance)

    @property
    def unverified(self) -> bool:
        """True where no source read states the requirement (``provenance`` is unverified)."""
        return self.provenance is Provenance.UNVERIFIED


@define(kw_only=True)
class Standard:
    """A participation and co-creation standard (2021) or an axis of the 2017 standards."""

    id: str
    regime: str = field(metadata=facts(plain=True))
    number: int
    title_en: str
    title_fr: str | None = None
    description_en: str | None = None
    requirements: list[Requirement] = list_field()
    unverified: bool = False

    def requirement(self, requirement_id: str) -> Requirement:
        """The requirement with this id (``KeyError`` if none)."""
        for requirement in self.requirements:
            if requirement.id == requirement_id:
                return requirement
        raise KeyError(requirement_id)


@define(kw_only=True)
class StandardSet:
    """A published set of standards (``ogp-2017``, ``ogp-2021``) with its source."""

    id: str
    title: str
    effective: DateSpan | None = field(default=None, converter=to_date_span)
    url: str | None = None
    note: str | None = None
    standards: list[Standard] = list_field()

    def standard(self, standard_id: str) -> Standard:
        """The standard with this id (``KeyError`` if none)."""
        for standard in self.standards:
            if standard.id == standard_id:
                return standard
        raise KeyError(standard_id)

    def requirement(self, requirement_id: str) -> Requirement:
        """The requirement with this id, in any standard (``KeyError`` if none)."""
        for standard in self.standards:
            for requirement in standard.requirements:
                if requirement.id == requirement_id:
                    return requirement
        raise KeyError(requirement_id)


@define(kw_only=True)
class Evidence:
    """An evidence item: text, an optional link, and nested items."""

    text: str
    url: str | None = None
    items: list[Evidence] = list_field()


@define(kw_only=True)
class RequirementFinding:
    """Whether one requirement was met, and why.

    ``quote`` keeps the words of the document the finding is read from, ``source`` where they
    are (a document and its line, or an address); ``reason`` says how the words were read.
    A requirement the document does not speak to is ``unknown`` ("not stated"), never a guess.
    """

    requirement: str = field(metadata=facts(references=Requirement))
    finding: Finding = field(default=Finding.UNKNOWN, converter=to_finding)
    reason: str | None = None
    quote: str | None = None
    source: str | None = None


@define(kw_only=True)
class StandardAssessment:
    """A member's assessment against a standard (or 2017 axis) for a phase.

    ``verdict`` is the conformity the document states (``verdict_phrase`` keeps its words);
    ``verdict_alternative`` the other verdict it offers, if any ("CONFORMITÉ LIMITÉE (ou non
    applicable)": limited, alternatively not applicable). ``findings`` hold per-requirement
    results from which a verdict can be derived by the rules.
    """

    id: str
    standard: str = field(metadata=facts(references=Standard))
    phase: Phase = field(default=Phase.WHOLE_CYCLE, converter=to_phase)
    evidence: list[Evidence] = list_field()
    findings: list[RequirementFinding] = list_field()
    actions: list[str] = list_field()
    verdict: Conformity | None = field(default=None, converter=optional(to_conformity))
    verdict_alternative: Conformity | None = field(default=None, converter=optional(to_conformity))
    verdict_phrase: str | None = None
    note: str | None = None

    @property
    def stated_verdicts(self) -> tuple[Conformity, ...]:
        """The verdicts the document states: the verdict, then its alternative if any."""
        return tuple(v for v in (self.verdict, self.verdict_alternative) if v is not None)


@define(kw_only=True)
class InfluenceAssessment:
    """The level of public influence reached during a phase."""

    phase: Phase = field(default=Phase.DEVELOPMENT, converter=to_phase)
    level: PublicInfluence = field(converter=to_public_influence)
    note: str | None = None


# "CONFORMITÉ LIMITÉE (ou non applicable)", "Partial (or not applicable)".
_ALTERNATIVE = re.compile(
    r"^(?P<verdict>.*?)\s*\(\s*(?:ou|or|o)\s+(?P<alternative>[^)]*)\)\W*$", re.I
)


def read_verdict(phrase: str) -> tuple[Conformity, Conformity | None]:
    """The verdict a phrase states and the alternative it offers, if any:
    ``read_verdict("CONFORMITÉ LIMITÉE (ou non applicable)")`` is ``(LIMITED, NOT_APPLICABLE)``.
    Raises :class:`~opengov.VocabularyError` for words that are not a verdict."""
    match = _ALTERNATIVE.match(phrase.strip())
    if match is None:
        return to_conformity(phrase), None
    verdict = to_conformity(match["verdict"])
    alternative = match["alternative"]
    # The alternative may omit the noun: "(ou non applicable)" after "CONFORMITÉ LIMITÉE".
    try:
        return verdict, to_conformity(alternative)
    except VocabularyError:
        return verdict, to_conformity(f"conformité {alternative}")
