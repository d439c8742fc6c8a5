"""Partial dates: the phrases of the seed report, canonical forms, bounds and errors."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given

from opengov import DateParseError
from opengov.model import DateSpan, PartialDate, Precision, Qualifier, parse_date
from opengov.testing import date_spans, partial_dates

D = dt.date

# (phrase exactly as written in the seed report, canonical form, precision, earliest, latest)
SEED_PHRASES = [
    ("Premier trimestre 2021", "2021-Q1", Precision.QUARTER, D(2021, 1, 1), D(2021, 3, 31)),
    ("Second trimestre 2021", "2021-Q2", Precision.QUARTER, D(2021, 4, 1), D(2021, 6, 30)),
    ("Premier et second trimestres 2021", "2021-Q1/2021-Q2", Precision.QUARTER, D(2021, 1, 1), D(2021, 6, 30)),
    ("2nd semestre 2020", "2020-S2", Precision.SEMESTER, D(2020, 7, 1), D(2020, 12, 31)),
    ("1er semestre 2021", "2021-S1", Precision.SEMESTER, D(2021, 1, 1), D(2021, 6, 30)),
    ("premier semestre 2020", "2020-S1", Precision.SEMESTER, D(2020, 1, 1), D(2020, 6, 30)),
    ("fin 2022", "2022-late", Precision.YEAR, D(2022, 1, 1), D(2022, 12, 31)),
    ("début 2021", "2021-early", Precision.YEAR, D(2021, 1, 1), D(2021, 12, 31)),
    ("fin de l'année 2020", "2020-late", Precision.YEAR, D(2020, 1, 1), D(2020, 12, 31)),
    ("Août 2021", "2021-08", Precision.MONTH, D(2021, 8, 1), D(2021, 8, 31)),
    ("octobre 2018", "2018-10", Precision.MONTH, D(2018, 10, 1), D(2018, 10, 31)),
    ("Février 2021", "2021-02", Precision.MONTH, D(2021, 2, 1), D(2021, 2, 28)),
    ("1er novembre 2020", "2020-11-01", Precision.DAY, D(2020, 11, 1), D(2020, 11, 1)),
    ("6 août 2019", "2019-08-06", Precision.DAY, D(2019, 8, 6), D(2019, 8, 6)),
    ("entre octobre 2019 et juin 2020", "2019-10/2020-06", Precision.MONTH, D(2019, 10, 1), D(2020, 6, 30)),
    ("entre mars 2018 et juin 2019", "2018-03/2019-06", Precision.MONTH, D(2018, 3, 1), D(2019, 6, 30)),
    ("du 15 décembre 2020 au 21 janvier 2021", "2020-12-15/2021-01-21", Precision.DAY, D(2020, 12, 15), D(2021, 1, 21)),
    ("les 15 et 16 juin 2018", "2018-06-15/2018-06-16", Precision.DAY, D(2018, 6, 15), D(2018, 6, 16)),
    ("d'ici la fin 2020", "../2020-late", Precision.YEAR, None, D(2020, 12, 31)),
    ("d'ici fin 2020", "../2020-late", Precision.YEAR, None, D(2020, 12, 31)),
    ("d'ici 2021", "../2021", Precision.YEAR, None, D(2021, 12, 31)),
    ("l'automne 2021", "2021-09/2021-11", Precision.MONTH, D(2021, 9, 1), D(2021, 11, 30)),
    ("2018-2020", "2018/2020", Precision.YEAR, D(2018, 1, 1), D(2020, 12, 31)),
]  # fmt: skip

# English phrases and other forms named by the plan format.
OTHER_PHRASES = [
    ("Q3 2025", "2025-Q3", Precision.QUARTER, D(2025, 7, 1), D(2025, 9, 30)),
    ("June 2019", "2019-06", Precision.MONTH, D(2019, 6, 1), D(2019, 6, 30)),
    ("end of 2020", "2020-late", Precision.YEAR, D(2020, 1, 1), D(2020, 12, 31)),
    ("first half of 2021", "2021-S1", Precision.SEMESTER, D(2021, 1, 1), D(2021, 6, 30)),
    ("June 30, 2019", "2019-06-30", Precision.DAY, D(2019, 6, 30), D(2019, 6, 30)),
    ("T4 2020", "2020-Q4", Precision.QUARTER, D(2020, 10, 1), D(2020, 12, 31)),
    ("mi-2021", "2021-mid", Precision.YEAR, D(2021, 1, 1), D(2021, 12, 31)),
    ("by March 2022", "../2022-03", Precision.MONTH, None, D(2022, 3, 31)),
    ("à partir de 2021", "2021/..", Precision.YEAR, D(2021, 1, 1), None),
    ("février 2024", "2024-02", Precision.MONTH, D(2024, 2, 1), D(2024, 2, 29)),
]  # fmt: skip


@pytest.mark.parametrize(("phrase", "iso", "precision", "earliest", "latest"), SEED_PHRASES)
def test_seed_phrases(
    phrase: str,
    iso: str,
    precision: Precision,
    earliest: dt.date | None,
    latest: dt.date | None,
    seed_text: str,
) -> None:
    assert phrase in seed_text, f"{phrase!r} should be quoted from the seed report"
    check_phrase(phrase, iso, precision, earliest, latest)


@pytest.mark.parametrize(("phrase", "iso", "precision", "earliest", "latest"), OTHER_PHRASES)
def test_other_phrases(
    phrase: str, iso: str, precision: Precision, earliest: dt.date | None, latest: dt.date | None
) -> None:
    check_phrase(phrase, iso, precision, earliest, latest)


def check_phrase(
    phrase: str, iso: str, precision: Precision, earliest: dt.date | None, latest: dt.date | None
) -> None:
    span = parse_date(phrase)
    assert span.iso() == iso
    assert span.precision is precision
    assert span.earliest == earliest
    assert span.latest == latest
    assert span.phrase == phrase
    assert str(span) == phrase
    assert DateSpan.from_iso(iso) == DateSpan(span.start, span.end)


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("2021", Precision.YEAR),
        ("2021-S2", Precision.SEMESTER),
        ("2021-Q3", Precision.QUARTER),
        ("2021-06", Precision.MONTH),
        ("2021-06-15", Precision.DAY),
        ("2022-late", Precision.YEAR),
    ],
)
def test_canonical_forms_have_no_phrase(text: str, precision: Precision) -> None:
    span = parse_date(text)
    assert span.phrase is None
    assert span.is_single
    assert span.precision is precision
    assert span.iso() == text


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2021-13-01", "month"),
        ("2021-02-30", "day is out of range"),
        ("2020-13", "month number must be 1 to 12"),
        ("2021-Q5", "quarter number must be 1 to 4"),
        ("03/04/2021", "day and month order is ambiguous: pass day_first"),
        ("bientôt", "not a date phrase"),
        ("", "empty"),
        ("2022/2020", "range ends before it starts"),
        ("../..", "at least one end"),
    ],
)
def test_bad_dates_raise_our_error(text: str, reason: str) -> None:
    with pytest.raises(DateParseError, match=reason) as caught:
        parse_date(text)
    assert isinstance(caught.value, ValueError)


def test_day_month_order_is_never_guessed() -> None:
    for ambiguous in ("04/03/2021", "4.3.2021", "2021/03/04"):
        with pytest.raises(DateParseError):
            parse_date(ambiguous)


def test_qualifiers_keep_the_whole_unit() -> None:
    late = parse_date("fin 2022")
    assert late.start == PartialDate(2022, qualifier=Qualifier.LATE)
    assert (late.earliest, late.latest) == (D(2022, 1, 1), D(2022, 12, 31))


def test_overdue_as_of() -> None:
    due = parse_date("2nd semestre 2020")
    assert due.is_over_by(D(2021, 1, 1))
    assert not due.is_over_by(D(2020, 12, 31))
    assert not parse_date("à partir de 2021").is_over_by(D(2030, 1, 1))


def test_partial_date_validation() -> None:
    with pytest.raises(DateParseError):
        PartialDate(2021, Precision.QUARTER)
    with pytest.raises(DateParseError):
        PartialDate(2021, Precision.YEAR, part=2)
    with pytest.raises(DateParseError):
        PartialDate(2021, Precision.DAY, 2, 29)
    assert PartialDate(2024, Precision.DAY, 2, 29).latest == D(2024, 2, 29)


@given(partial_dates())
def test_partial_date_iso_round_trip(point: PartialDate) -> None:
    assert PartialDate.from_iso(point.iso()) == point
    assert point.earliest <= point.latest


@given(date_spans())
def test_span_iso_round_trip(span: DateSpan) -> None:
    again = DateSpan.from_iso(span.iso(), span.phrase)
    assert again == span
    assert parse_date(span.iso()) == attrs.evolve(span, phrase=None)
