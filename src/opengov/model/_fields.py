"""Small helpers for declaring model fields consistently."""

from __future__ import annotations

from typing import Any, TypeVar

from attrs import field

from opengov.model.dates import DateSpan, parse_date
from opengov.model.vocab import Vocabulary

__all__ = [
    "PERSONAL",
    "date_field",
    "list_field",
    "optional_vocab_field",
    "required_vocab_field",
    "vocab_field",
]

V = TypeVar("V", bound=Vocabulary)

#: Field metadata marking personal data (names, e-mail addresses) that exports can leave out.
PERSONAL = {"personal_data": True}


def list_field() -> Any:
    """A list field defaulting to a new empty list."""
    return field(factory=list)


def _to_span(value: DateSpan | str | None) -> DateSpan | None:
    if value is None or isinstance(value, DateSpan):
        return value
    return parse_date(value)


def date_field() -> Any:
    """An optional :class:`DateSpan`; a phrase or ISO string given by hand is parsed."""
    return field(default=None, converter=_to_span)


def vocab_field(vocabulary: type[V], default: V) -> Any:
    """A vocabulary field; labels given by hand ("Achevé", "en cours") are parsed."""
    return field(default=default, converter=vocabulary.parse)


def required_vocab_field(vocabulary: type[V]) -> Any:
    """A required vocabulary field; labels given by hand are parsed."""
    return field(converter=vocabulary.parse)


def optional_vocab_field(vocabulary: type[V]) -> Any:
    """An optional vocabulary field (``None`` means the document does not state it)."""

    def convert(value: V | str | None) -> V | None:
        return None if value is None else vocabulary.parse(value)

    return field(default=None, converter=convert)
