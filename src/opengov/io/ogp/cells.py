"""Reading the cells of OGP's commitment export: labels, numeric codes and ND / NR / NA."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from opengov.errors import OpenGovError, VocabularyError
from opengov.model import (
    Completion,
    DidItOpenGovernment,
    EarlyResults,
    Flag,
    IRMAssessment,
    Missing,
    PotentialForResults,
    PotentialImpact,
    Specificity,
    ValueRelevance,
)
from opengov.model.vocab import Vocabulary

__all__ = ["CellError", "assessment_from_record", "read_flag", "read_label", "read_year"]

V = TypeVar("V", bound=Vocabulary)


class CellError(OpenGovError, ValueError):
    """A cell of the export could not be read: names its column and value."""

    def __init__(self, column: str, value: str, reason: str) -> None:
        self.column = column
        self.value = value
        self.reason = reason
        super().__init__(f"column {column!r}: {reason} (value {value!r})")


def _cell(record: Mapping[str, str], column: str) -> str:
    try:
        return record[column]
    except KeyError:
        raise CellError(column, "", "column missing") from None


def read_label(record: Mapping[str, str], column: str, vocabulary: type[V]) -> V:
    """A label cell ("Substantial", "ND", ...) as a vocabulary member."""
    value = _cell(record, column)
    try:
        return vocabulary.parse(value.strip())
    except VocabularyError as exc:
        raise CellError(column, value, f"not a known {vocabulary.vocabulary_name()} label") from exc


def read_flag(record: Mapping[str, str], column: str) -> Flag:
    """A 0/1 (or Yes/No) cell, or ND / NR / NA."""
    value = _cell(record, column).strip()
    if value in ("0", "1"):
        return Flag.from_ogp_code(int(value))
    try:
        return Flag.parse(value)
    except VocabularyError as exc:
        raise CellError(column, value, "expected 0, 1, Yes, No, ND, NR or NA") from exc


def read_year(record: Mapping[str, str], column: str) -> int | Missing:
    """A report year, or ND / NR / NA."""
    value = _cell(record, column).strip()
    if len(value) == 4 and value.isascii() and value.isdigit():
        return int(value)
    try:
        return Missing.parse(value)
    except VocabularyError as exc:
        raise CellError(column, value, "expected a year, ND, NR or NA") from exc


def assessment_from_record(record: Mapping[str, str]) -> IRMAssessment:
    """The IRM assessment held by one row of the export (label columns; see
    :mod:`opengov.io.ogp` for the numeric twins)."""
    return IRMAssessment(
        specificity=read_label(record, "Specificity", Specificity),
        verifiable=read_flag(record, "Verifiable"),
        values=ValueRelevance(
            access_to_information=read_flag(record, "OGP Value Access To Information"),
            civic_participation=read_flag(record, "OGP Value Civic Participation"),
            public_accountability=read_flag(record, "OGP Value Public Accountability"),
            technology_and_innovation=read_flag(record, "OGP Value Technology"),
        ),
        relevant=read_flag(record, "_Relevant"),
        potential_impact=read_label(record, "Potential Impact", PotentialImpact),
        potential_for_results=read_label(record, "Potential for Results", PotentialForResults),
        progress_report_year=read_year(record, "Report Publication Year (Progress Report)"),
        completion_midterm=read_label(record, "Completion (Progress Report)", Completion),
        end_of_term_report_year=read_year(record, "Report Publication Year (End Of Term)"),
        completion_end_of_term=read_label(record, "Completion (End Of Term)", Completion),
        did_it_open_government=read_label(
            record, "Did It Open Government (Overall)", DidItOpenGovernment
        ),
        diog_access_to_information=read_label(
            record, "Did It Open Government (Access To Information)", DidItOpenGovernment
        ),
        diog_civic_participation=read_label(
            record, "Did It Open Government (Civic Participation)", DidItOpenGovernment
        ),
        diog_public_accountability=read_label(
            record, "Did It Open Government: Public Accountability", DidItOpenGovernment
        ),
        early_results=read_label(record, "Early Results", EarlyResults),
        carried_forward=read_flag(record, "Carried Forward"),
    )
