"""Read the labels of an IRM review as OGP's pages and reports print them.

OGP's commitment pages show the IRM's assessment as labels and values, in English, French or
Spanish, in the rubric of the review's generation: "Verifiable: Yes", "Ambition (see
definition): High", "Early Results: Marginal", "Premiers résultats : examen du MII en attente".
:func:`read_irm_label` says what one label means in the model's rubric
(:class:`~opengov.model.IRMAssessment`): the field and its value, a placeholder state
("Pending IRM Review" is never an assessment), or nothing — a label the rubric has no field for
(Ambition, Well-Designed?) or that rules derive (Starred) stays a label, kept verbatim in
``IRMReview.labels``.
"""

from __future__ import annotations

import re

import attrs
from attrs import frozen
from attrs.converters import optional

from opengov.errors import VocabularyError
from opengov.model._fields import to_irm_placeholder
from opengov.model.scales import irm_placeholder
from opengov.model.vocab import Vocabulary, normalise_label
from opengov.model.vocabularies import (
    Completion,
    DidItOpenGovernment,
    Flag,
    IRMPlaceholder,
    OGPValue,
    PotentialImpact,
)

__all__ = ["IRMLabelReading", "read_irm_label"]


@frozen
class IRMLabelReading:
    """What one IRM label means: ``field`` of :class:`~opengov.model.IRMAssessment` and its
    ``value`` (a vocabulary member, or a tuple of OGP values), a ``placeholder`` state, or
    neither, with ``note`` saying why."""

    label: str
    value_as_written: str
    field: str | None = None
    value: Vocabulary | tuple[OGPValue, ...] | None = None
    placeholder: IRMPlaceholder | None = attrs.field(
        default=None, converter=optional(to_irm_placeholder)
    )
    note: str = ""


# Label names as pages print them (folded), by what they assess. "Early Results" on OGP's
# commitment pages carries the "did it open government?" scale (Marginal, Major …).
_FIELDS: dict[str, tuple[str, type[Vocabulary]]] = {
    "verifiable": ("verifiable", Flag),
    "relevant to ogp values": ("relevant", Flag),
    "relevance to ogp values": ("relevant", Flag),
    "pertinent pour les valeurs ogp": ("relevant", Flag),
    "pertinent avec les valeurs du pgo": ("relevant", Flag),
    "potential impact": ("potential_impact", PotentialImpact),
    "impact potentiel": ("potential_impact", PotentialImpact),
    "completion": ("completion_end_of_term", Completion),
    "achevement": ("completion_end_of_term", Completion),
    "early results": ("did_it_open_government", DidItOpenGovernment),
    "premiers resultats": ("did_it_open_government", DidItOpenGovernment),
}
_KEPT = {
    "ambition": "the model's rubric has no ambition field: kept as a label",
    "well designed?": "the model's rubric has no well-designed field: kept as a label",
    "starred": "stars are derived by the rules, not stored: kept as a label",
    "etoile": "stars are derived by the rules, not stored: kept as a label",
    "irm report": "names the report, not an assessment",
}
_SECTION = re.compile(r"^.*/\s*")  # "Inception Report Summary / Verifiable"
_ASIDE = re.compile(r"\s*\([^)]*\)\s*$")  # "Ambition (see definition)"
# French plurals and doubled renderings seen on OGP's pages ("marginaux", "Majeur Majeurs")
_PLURALS = {"marginaux": "marginal", "majeurs": "majeur"}


def _name(label: str) -> str:
    return normalise_label(_ASIDE.sub("", _SECTION.sub("", label)))


def _member(vocabulary: type[Vocabulary], text: str) -> Vocabulary | None:
    candidates = [text, *text.split()[:1]]
    candidates += [_PLURALS.get(normalise_label(c), c) for c in candidates]
    for candidate in candidates:
        try:
            return vocabulary.parse(candidate)
        except VocabularyError:
            continue
    return None


def _values(text: str) -> tuple[OGPValue, ...] | None:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    found = [_member(OGPValue, part) for part in parts]
    if not parts or any(v is None for v in found):
        return None
    return tuple(v for v in found if isinstance(v, OGPValue))


def read_irm_label(label: str, value: str) -> IRMLabelReading:
    """What the label ``label`` with value ``value`` means in the model's IRM rubric.

    Never guesses: an empty value, a label the rubric has no field for and a value the field's
    scale does not know come back with no value and a note saying so.
    """
    placeholder = irm_placeholder(value) if value.strip() else None
    if placeholder is not None:
        return IRMLabelReading(label, value, placeholder=placeholder, note="a placeholder state")
    name = _name(label)
    if name in _KEPT:
        return IRMLabelReading(label, value, note=_KEPT[name])
    if name not in _FIELDS:
        return IRMLabelReading(label, value, note="a label this reader does not know")
    field, vocabulary = _FIELDS[name]
    if not value.strip():
        return IRMLabelReading(label, value, field, note="printed with no value")
    member = _member(vocabulary, value)
    if member is not None:
        return IRMLabelReading(label, value, field, member)
    if vocabulary is Flag:  # "Relevant to OGP Values: Access to Information , Technology"
        values = _values(value)
        if values is not None:
            return IRMLabelReading(label, value, "values", values, note="relevant to these values")
    scale = vocabulary.vocabulary_name()
    return IRMLabelReading(label, value, field, note=f"not a value of the {scale} scale")
