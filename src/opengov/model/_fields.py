"""The converters of the model's date and vocabulary fields, and other field helpers.

Date and vocabulary fields are declared as ``field(default=..., converter=to_...)`` in the
class bodies, with the plain typed functions below as converters. The attrs plugin of mypy
reads a converter's first parameter as the ``__init__`` parameter, so user code passing what
documents say (``period="2024-2026"``, ``status="in progress"``) type-checks; a wrapper
around ``field()`` or a classmethod such as :meth:`Vocabulary.parse` would hide that from it.
"""

from __future__ import annotations

import re
from typing import Any

from attrs import Attribute, field

from opengov.model.dates import DateSpan, parse_date
from opengov.model.vocabularies import (
    Completion,
    Conformity,
    ContinuationStance,
    DidItOpenGovernment,
    EarlyResults,
    Finding,
    Flag,
    IRMPlaceholder,
    IRMReportKind,
    MemberLevel,
    MilestoneStatus,
    OrganisationRole,
    Phase,
    PlanEventKind,
    PotentialForResults,
    PotentialImpact,
    Provenance,
    PublicInfluence,
    Reporter,
    ScheduleAdherence,
    Specificity,
    TextOrigin,
)

__all__ = [
    "PERSONAL",
    "PERSONAL_KEY",
    "PLAIN_KEY",
    "REFERENCES_KEY",
    "facts",
    "list_field",
    "to_completion",
    "to_conformity",
    "to_continuation_stance",
    "to_date_span",
    "to_did_it_open_government",
    "to_early_results",
    "to_finding",
    "to_flag",
    "to_irm_placeholder",
    "to_irm_report_kind",
    "to_member_level",
    "to_milestone_status",
    "to_organisation_role",
    "to_phase",
    "to_plan_event_kind",
    "to_potential_for_results",
    "to_potential_impact",
    "to_provenance",
    "to_public_influence",
    "to_reporter",
    "to_schedule_adherence",
    "to_specificity",
    "to_text_origin",
]

#: The metadata keys of the facts a field declares (read by :mod:`opengov.model.describe`).
PERSONAL_KEY = "opengov.personal"
PLAIN_KEY = "opengov.plain"
REFERENCES_KEY = "opengov.references"


def facts(
    *, personal: bool = False, plain: bool = False, references: type | None = None
) -> dict[str, Any]:
    """The ``metadata`` of a field that declares facts beyond its type.

    ``personal``: the field holds personal data (a name, an e-mail address), cleared by
    ``without_personal_data`` and left out of exports that ask for it. ``plain``: text that is
    not prose in a language (a code, an e-mail address, a person's name): never language-tagged.
    ``references``: the field holds the id (or ids) of objects of that class elsewhere in the
    document, checked by validation and written as links. Fields named ``id`` and ``url`` are
    plain without saying so.
    """
    found: dict[str, Any] = {}
    if personal:
        found[PERSONAL_KEY] = True
    if plain or references is not None:
        found[PLAIN_KEY] = True
    if references is not None:
        found[REFERENCES_KEY] = references
    return found


#: Field metadata marking personal data (names, e-mail addresses) that exports can leave out.
PERSONAL = facts(personal=True)


def list_field(*, references: type | None = None, plain: bool = False) -> Any:
    """A list field defaulting to a new empty list (``references`` and ``plain`` as in
    :func:`facts`)."""
    return field(factory=list, metadata=facts(references=references, plain=plain))


#: A language tag as RDF writes it (BCP 47's shape: ``fr``, ``es-419``, ``zh-Hant-TW``).
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*", re.ASCII)


def check_language_tag(_: object, attribute: Attribute[Any], value: str | None) -> None:
    """Refuse a language that is not a well-formed tag (``en US``, ``français``): every
    format must be able to write what a reader accepts."""
    if value is not None and not _LANGUAGE_TAG.fullmatch(value):
        raise ValueError(
            f"{attribute.name}: {value[:40]!r} is not a language tag (BCP 47, as 'fr' or 'es-419')"
        )


def check_language_tags(instance: object, attribute: Attribute[Any], value: list[str]) -> None:
    """:func:`check_language_tag` for each language of a list."""
    for language in value:
        check_language_tag(instance, attribute, language)


def to_date_span(value: DateSpan | str | None) -> DateSpan | None:
    """An optional date: a :class:`DateSpan`, or a phrase or ISO string given by hand."""
    if value is None or isinstance(value, DateSpan):
        return value
    return parse_date(value)


# One converter per vocabulary: a member, or any label Vocabulary.parse knows ("Achevé"). The
# attrs plugin needs a named function per type; a member (the common case when files are read)
# passes through without the classmethod call.


def to_completion(value: Completion | str) -> Completion:
    """A :class:`Completion` member or label."""
    return value if isinstance(value, Completion) else Completion.parse(value)


def to_conformity(value: Conformity | str) -> Conformity:
    """A :class:`Conformity` member or label."""
    return value if isinstance(value, Conformity) else Conformity.parse(value)


def to_continuation_stance(value: ContinuationStance | str) -> ContinuationStance:
    """A :class:`ContinuationStance` member or label."""
    return value if isinstance(value, ContinuationStance) else ContinuationStance.parse(value)


def to_did_it_open_government(value: DidItOpenGovernment | str) -> DidItOpenGovernment:
    """A :class:`DidItOpenGovernment` member or label."""
    return value if isinstance(value, DidItOpenGovernment) else DidItOpenGovernment.parse(value)


def to_early_results(value: EarlyResults | str) -> EarlyResults:
    """An :class:`EarlyResults` member or label."""
    return value if isinstance(value, EarlyResults) else EarlyResults.parse(value)


def to_finding(value: Finding | str) -> Finding:
    """A :class:`Finding` member or label."""
    return value if isinstance(value, Finding) else Finding.parse(value)


def to_flag(value: Flag | str) -> Flag:
    """A :class:`Flag` member or label."""
    return value if isinstance(value, Flag) else Flag.parse(value)


def to_irm_report_kind(value: IRMReportKind | str) -> IRMReportKind:
    """An :class:`IRMReportKind` member or label."""
    return value if isinstance(value, IRMReportKind) else IRMReportKind.parse(value)


def to_milestone_status(value: MilestoneStatus | str) -> MilestoneStatus:
    """A :class:`MilestoneStatus` member or label."""
    return value if isinstance(value, MilestoneStatus) else MilestoneStatus.parse(value)


def to_phase(value: Phase | str) -> Phase:
    """A :class:`Phase` member or label."""
    return value if isinstance(value, Phase) else Phase.parse(value)


def to_potential_for_results(value: PotentialForResults | str) -> PotentialForResults:
    """A :class:`PotentialForResults` member or label."""
    return value if isinstance(value, PotentialForResults) else PotentialForResults.parse(value)


def to_potential_impact(value: PotentialImpact | str) -> PotentialImpact:
    """A :class:`PotentialImpact` member or label."""
    return value if isinstance(value, PotentialImpact) else PotentialImpact.parse(value)


def to_public_influence(value: PublicInfluence | str) -> PublicInfluence:
    """A :class:`PublicInfluence` member or label."""
    return value if isinstance(value, PublicInfluence) else PublicInfluence.parse(value)


def to_schedule_adherence(value: ScheduleAdherence | str) -> ScheduleAdherence:
    """A :class:`ScheduleAdherence` member or label."""
    return value if isinstance(value, ScheduleAdherence) else ScheduleAdherence.parse(value)


def to_specificity(value: Specificity | str) -> Specificity:
    """A :class:`Specificity` member or label."""
    return value if isinstance(value, Specificity) else Specificity.parse(value)


def to_irm_placeholder(value: IRMPlaceholder | str) -> IRMPlaceholder:
    """An :class:`IRMPlaceholder` member or label."""
    return value if isinstance(value, IRMPlaceholder) else IRMPlaceholder.parse(value)


def to_member_level(value: MemberLevel | str) -> MemberLevel:
    """A :class:`MemberLevel` member or label."""
    return value if isinstance(value, MemberLevel) else MemberLevel.parse(value)


def to_organisation_role(value: OrganisationRole | str) -> OrganisationRole:
    """An :class:`OrganisationRole` member or label."""
    return value if isinstance(value, OrganisationRole) else OrganisationRole.parse(value)


def to_plan_event_kind(value: PlanEventKind | str) -> PlanEventKind:
    """A :class:`PlanEventKind` member or label."""
    return value if isinstance(value, PlanEventKind) else PlanEventKind.parse(value)


def to_reporter(value: Reporter | str) -> Reporter:
    """A :class:`Reporter` member or label."""
    return value if isinstance(value, Reporter) else Reporter.parse(value)


def to_text_origin(value: TextOrigin | str) -> TextOrigin:
    """A :class:`TextOrigin` member or label."""
    return value if isinstance(value, TextOrigin) else TextOrigin.parse(value)


def to_provenance(value: Provenance | str) -> Provenance:
    """A :class:`Provenance` member or label."""
    return value if isinstance(value, Provenance) else Provenance.parse(value)
