"""The same data model as pydantic v2 models and msgspec structs: the peers a user would pick.

Only the classes and fields the benchmark corpus uses; the same strictness where the libraries
allow it (no coercion of numbers to text, enums by value).
"""

from __future__ import annotations

from enum import Enum
from typing import Literal

import msgspec
import pydantic

Completion = Literal[
    "withdrawn",
    "unclear",
    "not_started",
    "limited",
    "substantial",
    "complete",
    "unknown",
    "no_data",
    "not_reviewed",
    "not_applicable",
]
Status = Literal[
    "done",
    "done_ongoing",
    "substantially_done",
    "partially_done",
    "in_progress",
    "not_done",
    "suspended",
    "not_addressed",
    "unknown",
]
Adherence = Literal["yes", "mostly", "partially", "no", "not_applicable", "unknown"]


class _Strict(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(strict=True, extra="forbid")


class PDate(_Strict):
    value: str
    phrase: str | None = None


class PResource(_Strict):
    label: str
    url: str | None = None


class POrganisation(_Strict):
    id: str
    name: str
    acronym: str | None = None
    hierarchy: list[str] = []
    url: str | None = None


class PContact(_Strict):
    id: str
    name: str
    role: str | None = None
    organisation: str | None = None
    email: str | None = None


class PMilestone(_Strict):
    id: str
    title: str
    description: str | None = None
    status: Status = "unknown"
    status_phrase: str | None = None
    due: str | PDate | None = None
    completed: str | PDate | None = None
    evidence: str | None = None
    resources: list[PResource] = []
    organisation: str | None = None
    added_after_adoption: bool = False


class PCommitment(_Strict):
    id: str
    number: int
    title: str
    goal: str | None = None
    objectives: list[str] = []
    lead_organisations: list[str] = []
    other_actors: list[str] = []
    completion: Completion = "unknown"
    results: str | None = None
    schedule: str | None = None
    schedule_adherence: Adherence = "unknown"
    next_steps: str | None = None
    resources: list[PResource] = []
    contacts: list[PContact] = []
    milestones: list[PMilestone] = []


class PPlan(_Strict):
    id: str
    country: str
    title: str
    period: str | PDate | None = None
    number: int | None = None
    language: str = "en"
    ambitions: list[str] = []
    organisations: list[POrganisation] = []
    commitments: list[PCommitment] = []


class PCollection(_Strict):
    schema_version: str
    kind: str
    id: str
    plans: list[PPlan] = []


class MDate(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    value: str
    phrase: str | None = None


class MResource(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    label: str
    url: str | None = None


class MOrganisation(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    id: str
    name: str
    acronym: str | None = None
    hierarchy: list[str] = []
    url: str | None = None


class MContact(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    id: str
    name: str
    role: str | None = None
    organisation: str | None = None
    email: str | None = None


class MMilestone(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    id: str
    title: str
    description: str | None = None
    status: Status = "unknown"
    status_phrase: str | None = None
    due: str | MDate | None = None
    completed: str | MDate | None = None
    evidence: str | None = None
    resources: list[MResource] = []
    organisation: str | None = None
    added_after_adoption: bool = False


class MCommitment(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    id: str
    number: int
    title: str
    goal: str | None = None
    objectives: list[str] = []
    lead_organisations: list[str] = []
    other_actors: list[str] = []
    completion: Completion = "unknown"
    results: str | None = None
    schedule: str | None = None
    schedule_adherence: Adherence = "unknown"
    next_steps: str | None = None
    resources: list[MResource] = []
    contacts: list[MContact] = []
    milestones: list[MMilestone] = []


class MPlan(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    id: str
    country: str
    title: str
    period: str | MDate | None = None
    number: int | None = None
    language: str = "en"
    ambitions: list[str] = []
    organisations: list[MOrganisation] = []
    commitments: list[MCommitment] = []


class MCollection(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    schema_version: str
    kind: str
    id: str
    plans: list[MPlan] = []


__all__ = ["Enum", "MCollection", "PCollection"]
