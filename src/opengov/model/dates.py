"""Precision-aware dates that keep the phrase they were read from.

Action plans rarely give exact days: "Premier trimestre 2021", "2nd semestre 2020", "fin 2022",
"Q3 2025". A :class:`PartialDate` is one calendar unit (a year, semester, quarter, month or day),
optionally qualified as early / mid / late; a :class:`DateSpan` is what model fields hold: a single
partial date, a closed range ("Premier et second trimestres 2021") or an open one ("d'ici fin
2020"), with the source phrase kept verbatim.

Every value knows its earliest and latest day, so rules can ask "overdue as of". Qualifiers never
narrow those bounds: "fin 2022" lies somewhere in 2022, and guessing which months "fin" covers
would be inventing data.

Canonical text form (used in JSON and CSV): ``2021``, ``2021-S2``, ``2021-Q3``, ``2021-06``,
``2021-06-15``, a qualifier as a suffix (``2022-late``), ranges with ``/`` and open ends with
``..`` (``2021-Q1/2021-Q2``, ``../2020-late``, ``2021-03/..``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
import unicodedata
from enum import StrEnum

from attrs import field, frozen
from dateutil.parser import isoparse

from opengov.errors import DateParseError

__all__ = ["DateSpan", "PartialDate", "Precision", "Qualifier", "parse_date"]


class Precision(StrEnum):
    """The calendar unit a partial date names."""

    YEAR = "year"
    SEMESTER = "semester"
    QUARTER = "quarter"
    MONTH = "month"
    DAY = "day"


class Qualifier(StrEnum):
    """A vague position inside the unit ("début", "mi-", "fin"). Kept, never used to narrow."""

    EARLY = "early"
    MID = "mid"
    LATE = "late"


_PART_LIMITS = {Precision.SEMESTER: 2, Precision.QUARTER: 4, Precision.MONTH: 12}
_MONTHS_PER_PART = {Precision.SEMESTER: 6, Precision.QUARTER: 3, Precision.MONTH: 1}


@frozen
class PartialDate:
    """One calendar unit: a year, a semester, a quarter, a month or a day.

    ``part`` is the semester (1-2), quarter (1-4) or month (1-12) number; ``day`` is set only
    for day precision.
    """

    year: int
    precision: Precision = Precision.YEAR
    part: int | None = None
    day: int | None = None
    qualifier: Qualifier | None = None

    def __attrs_post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise DateParseError(str(self.year), "year out of range")
        limit = _PART_LIMITS.get(self.precision)
        if self.precision is Precision.DAY:
            if self.part is None or self.day is None:
                raise DateParseError(self.iso(), "a day needs a month and a day")
            try:
                dt.date(self.year, self.part, self.day)
            except ValueError as exc:
                raise DateParseError(f"{self.year}-{self.part}-{self.day}", str(exc)) from None
            if self.qualifier is not None:
                raise DateParseError(self.iso(), "a day cannot be early, mid or late")
        elif limit is not None:
            if self.part is None or not 1 <= self.part <= limit:
                raise DateParseError(
                    f"{self.year} {self.precision} {self.part}",
                    f"{self.precision} number must be 1 to {limit}",
                )
            if self.day is not None:
                raise DateParseError(self.iso(), f"a {self.precision} has no day")
        elif self.part is not None or self.day is not None:
            raise DateParseError(str(self.year), "a year has no part or day")

    @property
    def earliest(self) -> dt.date:
        """The first day the unit covers."""
        if self.precision is Precision.DAY:
            assert self.part is not None and self.day is not None
            return dt.date(self.year, self.part, self.day)
        if self.precision is Precision.YEAR:
            return dt.date(self.year, 1, 1)
        assert self.part is not None
        month = (self.part - 1) * _MONTHS_PER_PART[self.precision] + 1
        return dt.date(self.year, month, 1)

    @property
    def latest(self) -> dt.date:
        """The last day the unit covers."""
        if self.precision is Precision.DAY:
            return self.earliest
        if self.precision is Precision.YEAR:
            return dt.date(self.year, 12, 31)
        assert self.part is not None
        last_month = self.part * _MONTHS_PER_PART[self.precision]
        return dt.date(self.year, last_month, calendar.monthrange(self.year, last_month)[1])

    def iso(self) -> str:
        """Canonical text form: ``2021``, ``2021-S2``, ``2021-Q3``, ``2021-06``, ``2021-06-15``."""
        if self.precision is Precision.YEAR:
            text = f"{self.year:04d}"
        elif self.precision is Precision.SEMESTER:
            text = f"{self.year:04d}-S{self.part}"
        elif self.precision is Precision.QUARTER:
            text = f"{self.year:04d}-Q{self.part}"
        elif self.precision is Precision.MONTH:
            text = f"{self.year:04d}-{self.part:02d}"
        else:
            text = f"{self.year:04d}-{self.part:02d}-{self.day:02d}"
        return f"{text}-{self.qualifier}" if self.qualifier else text

    def __str__(self) -> str:
        return self.iso()

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        """A day-precision partial date."""
        return cls(value.year, Precision.DAY, value.month, value.day)

    @classmethod
    def from_iso(cls, text: str) -> PartialDate:
        """Read the canonical text form; raises :class:`~opengov.DateParseError` otherwise."""
        match = _ISO_POINT.fullmatch(text)
        if match is None:
            raise DateParseError(text, "expected YYYY, YYYY-S1, YYYY-Q1, YYYY-MM or YYYY-MM-DD")
        year = int(match["year"])
        qualifier = Qualifier(match["qual"]) if match["qual"] else None
        if match["sem"]:
            return cls(year, Precision.SEMESTER, int(match["sem"]), qualifier=qualifier)
        if match["quarter"]:
            return cls(year, Precision.QUARTER, int(match["quarter"]), qualifier=qualifier)
        if match["day"]:
            try:
                day = isoparse(text).date()
            except ValueError as exc:
                raise DateParseError(text, str(exc)) from None
            return cls.from_date(day)
        if match["month"]:
            return cls(year, Precision.MONTH, int(match["month"]), qualifier=qualifier)
        return cls(year, qualifier=qualifier)


_ISO_POINT = re.compile(
    r"(?P<year>\d{4})"
    r"(?:-(?:S(?P<sem>\d)|Q(?P<quarter>\d)|(?P<month>\d{2})(?:-(?P<day>\d{2}))?))?"
    r"(?:-(?P<qual>early|mid|late))?"
)


@frozen
class DateSpan:
    """A date as a plan states it: one partial date, or a range whose ends may be open.

    ``start`` and ``end`` are the same object for a single date; ``None`` marks an open end.
    ``phrase`` is the source text when it differs from the canonical form.
    """

    start: PartialDate | None
    end: PartialDate | None
    phrase: str | None = None
    # The canonical text, computed once (spans are immutable); not part of equality.
    _text: str | None = field(default=None, init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        if self.start is None and self.end is None:
            raise DateParseError(self.phrase or "..", "a date range needs at least one end")
        if (
            self.start is not None
            and self.end is not None
            and self.start.earliest > self.end.latest
        ):
            raise DateParseError(self.phrase or self.iso(), "range ends before it starts")

    @classmethod
    def of(cls, point: PartialDate, phrase: str | None = None) -> DateSpan:
        """A span holding a single partial date."""
        return cls(point, point, phrase)

    @property
    def is_single(self) -> bool:
        """True when the span is one partial date rather than a range."""
        return self.start is not None and self.start == self.end

    @property
    def earliest(self) -> dt.date | None:
        """First day the span may start on (``None`` when the start is open)."""
        return self.start.earliest if self.start else None

    @property
    def latest(self) -> dt.date | None:
        """Last day the span may end on (``None`` when the end is open)."""
        return self.end.latest if self.end else None

    @property
    def precision(self) -> Precision:
        """The coarser precision of the two ends."""
        order = list(Precision)
        ends = [p.precision for p in (self.start, self.end) if p is not None]
        return min(ends, key=order.index)

    def is_over_by(self, day: dt.date) -> bool:
        """True when the whole span lies before ``day`` (its latest day has passed)."""
        return self.latest is not None and self.latest < day

    def iso(self) -> str:
        """Canonical text form (``2021-Q1``, ``2021-Q1/2021-Q2``, ``../2020-late``)."""
        text = self._text
        if text is None:
            if self.is_single:
                assert self.start is not None
                text = self.start.iso()
            else:
                left = self.start.iso() if self.start else ".."
                right = self.end.iso() if self.end else ".."
                text = f"{left}/{right}"
            object.__setattr__(self, "_text", text)
        return text

    def __str__(self) -> str:
        return self.phrase or self.iso()

    @classmethod
    def from_iso(cls, text: str, phrase: str | None = None) -> DateSpan:
        """Read the canonical text form; raises :class:`~opengov.DateParseError` otherwise."""
        return _span_from_iso(text, phrase)

    @classmethod
    def _parse_iso(cls, text: str, phrase: str | None) -> DateSpan:
        if "/" not in text:
            return cls.of(PartialDate.from_iso(text), phrase)
        left, _, right = text.partition("/")
        start = None if left == ".." else PartialDate.from_iso(left)
        end = None if right == ".." else PartialDate.from_iso(right)
        return cls(start, end, phrase)


@functools.lru_cache(maxsize=4096)
def _span_from_iso(text: str, phrase: str | None) -> DateSpan:
    # Spans are immutable, and documents repeat the same few dates: parse each once.
    return DateSpan._parse_iso(text, phrase)


# --- phrase parsing --------------------------------------------------------------------------

_MONTHS = {
    "janvier": 1, "janv": 1, "january": 1, "jan": 1,
    "fevrier": 2, "fevr": 2, "february": 2, "feb": 2,
    "mars": 3, "march": 3, "mar": 3,
    "avril": 4, "april": 4, "apr": 4, "avr": 4,
    "mai": 5, "may": 5,
    "juin": 6, "june": 6, "jun": 6,
    "juillet": 7, "juil": 7, "july": 7, "jul": 7,
    "aout": 8, "august": 8, "aug": 8,
    "septembre": 9, "sept": 9, "september": 9, "sep": 9,
    "octobre": 10, "oct": 10, "october": 10,
    "novembre": 11, "nov": 11, "november": 11,
    "decembre": 12, "dec": 12, "december": 12,
}  # fmt: skip
_ORDINALS = {
    "premier": 1, "premiere": 1, "1er": 1, "1ere": 1, "1e": 1, "first": 1, "1st": 1,
    "second": 2, "seconde": 2, "deuxieme": 2, "2e": 2, "2eme": 2, "2nd": 2, "2nde": 2, "2d": 2,
    "troisieme": 3, "3e": 3, "3eme": 3, "third": 3, "3rd": 3,
    "quatrieme": 4, "4e": 4, "4eme": 4, "fourth": 4, "4th": 4,
}  # fmt: skip
_LAST = {"dernier", "derniere", "last", "final"}
# Meteorological seasons (documented choice): a season is a range of three months.
_SEASONS = {
    "printemps": (3, 5), "spring": (3, 5),
    "ete": (6, 8), "summer": (6, 8),
    "automne": (9, 11), "autumn": (9, 11), "fall": (9, 11),
}  # fmt: skip
_QUALIFIERS = {
    "debut": Qualifier.EARLY, "early": Qualifier.EARLY, "beginning of": Qualifier.EARLY,
    "start of": Qualifier.EARLY, "the beginning of": Qualifier.EARLY, "the start of": Qualifier.EARLY,
    "mi": Qualifier.MID, "mid": Qualifier.MID, "milieu": Qualifier.MID, "the middle of": Qualifier.MID,
    "middle of": Qualifier.MID,
    "fin": Qualifier.LATE, "late": Qualifier.LATE, "end of": Qualifier.LATE,
    "the end of": Qualifier.LATE, "la fin": Qualifier.LATE,
}  # fmt: skip
_UNIT_WORDS = {
    "trimestre": Precision.QUARTER, "trimestres": Precision.QUARTER,
    "quarter": Precision.QUARTER, "quarters": Precision.QUARTER,
    "semestre": Precision.SEMESTER, "semestres": Precision.SEMESTER,
    "half": Precision.SEMESTER, "halves": Precision.SEMESTER,
}  # fmt: skip

_YEAR = r"(?P<year>\d{4})"
_ORD = (
    r"(?P<ord>" + "|".join(sorted(_ORDINALS | dict.fromkeys(_LAST, 0), key=len, reverse=True)) + ")"
)
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_UNIT = r"(?P<unit>" + "|".join(sorted(_UNIT_WORDS, key=len, reverse=True)) + ")"
_QUAL = r"(?P<qual>" + "|".join(sorted(_QUALIFIERS, key=len, reverse=True)) + ")"
_OF = r"(?:\s+(?:de|d'|du|of|en|in))?\s*"

_POINT_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"(?:q|t)(?P<n>[1-4])\s*{_YEAR}"), "quarter"),
    (re.compile(rf"{_YEAR}\s*(?:q|t)(?P<n>[1-4])"), "quarter"),
    (re.compile(rf"(?:s|h)(?P<n>[12])\s*{_YEAR}"), "semester"),
    (re.compile(rf"{_YEAR}\s*(?:s|h)(?P<n>[12])"), "semester"),
    (re.compile(rf"(?:the\s+)?{_ORD}\s+{_UNIT}{_OF}{_YEAR}"), "ordinal"),
    (re.compile(rf"(?P<day>\d{{1,2}})(?:er|st|nd|rd|th)?\s+{_MONTH}\s+{_YEAR}"), "day"),
    (re.compile(rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}"), "day"),
    (re.compile(rf"{_MONTH}{_OF}{_YEAR}"), "month"),
    (re.compile(rf"(?:l'annee\s+|the\s+year\s+|annee\s+)?{_YEAR}"), "year"),
]


def _point_from_match(kind: str, match: re.Match[str]) -> PartialDate:
    year = int(match["year"])
    if kind == "quarter":
        return PartialDate(year, Precision.QUARTER, int(match["n"]))
    if kind == "semester":
        return PartialDate(year, Precision.SEMESTER, int(match["n"]))
    if kind == "ordinal":
        precision = _UNIT_WORDS[match["unit"]]
        number = _ORDINALS.get(match["ord"]) or _PART_LIMITS[precision]
        return PartialDate(year, precision, number)
    if kind == "day":
        return PartialDate(year, Precision.DAY, _MONTHS[match["month"]], int(match["day"]))
    if kind == "month":
        return PartialDate(year, Precision.MONTH, _MONTHS[match["month"]])
    return PartialDate(year)


def _parse_point(text: str) -> PartialDate | None:
    """Parse one normalised point phrase, or return ``None``."""
    qualifier = None
    qual_match = re.fullmatch(rf"{_QUAL}(?:\s*-\s*|\s+)(?:de\s+|d'|of\s+)?(?P<rest>.+)", text)
    if qual_match:
        qualifier = _QUALIFIERS[qual_match["qual"]]
        text = qual_match["rest"]
    text = re.sub(r"^(?:le|la|les|the|en|in)\s+", "", text)
    for pattern, kind in _POINT_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            point = _point_from_match(kind, match)
            if qualifier is not None:
                if point.precision is Precision.DAY:
                    return None
                point = PartialDate(point.year, point.precision, point.part, None, qualifier)
            return point
    return None


def _parse_season(text: str) -> tuple[PartialDate, PartialDate] | None:
    names = "|".join(_SEASONS)
    match = re.fullmatch(rf"(?:l'|le\s+|the\s+)?(?P<season>{names}){_OF}{_YEAR}", text)
    if not match:
        return None
    year = int(match["year"])
    first, last = _SEASONS[match["season"]]
    return PartialDate(year, Precision.MONTH, first), PartialDate(year, Precision.MONTH, last)


def _parse_bounds(text: str) -> tuple[PartialDate, PartialDate] | None:
    """A point or season: its first and last partial dates."""
    point = _parse_point(text)
    if point is not None:
        return point, point
    return _parse_season(text)


_BY = re.compile(
    r"(?:d'ici(?:\s+a)?|a\s+l'horizon|jusqu'a|jusqu'en|au\s+plus\s+tard|avant|by|until|no\s+later\s+than|before)"
    r"(?:\s+(?:de\s+la|de\s+l'|de|du|d'|la|le|l'|the))?\s*(?P<rest>.+)"
)
_FROM = re.compile(
    r"(?:a\s+partir\s+(?:de|d'|du)|a\s+compter\s+(?:de|d'|du)|depuis|from|since|starting(?:\s+in)?)"
    r"(?:\s+(?:la|le|l'|the))?\s*(?P<rest>.+)"
)
_RANGES = [
    re.compile(r"(?:entre|between)\s+(?:le\s+|the\s+)?(?P<a>.+?)\s+(?:et|and)\s+(?:le\s+|the\s+)?(?P<b>.+)"),
    re.compile(r"(?:du|de|from|d')\s*(?P<a>.+?)\s+(?:au|a|to|until|through|jusqu'au|jusqu'a)\s+(?:la\s+|le\s+|the\s+)?(?P<b>.+)"),
    re.compile(r"(?P<a>.+?)\s*(?:-|–|—|/|\bto\b|\ba\b|\bau\b)\s*(?P<b>.+)"),
]  # fmt: skip
# "Premier et second trimestres 2021": two ordinals sharing a unit and a year.
_SHARED_UNIT = re.compile(rf"(?P<o1>\w+)\s+(?:et|and|a|to|-)\s+(?P<o2>\w+)\s+{_UNIT}{_OF}{_YEAR}")
# "les 15 et 16 juin 2018", "15-21 January 2021": two days sharing a month and a year.
_DAY_PAIR = re.compile(
    rf"(?:les\s+|the\s+)?(?P<d1>\d{{1,2}})(?:er|st|nd|rd|th)?\s*(?:et|and|-|–|au|a|to)\s*"
    rf"(?P<d2>\d{{1,2}})(?:er|st|nd|rd|th)?\s+{_MONTH}\s+{_YEAR}"
)
# "juin et juillet 2021", "June to August 2021": two months sharing a year.
_SHARED_YEAR = re.compile(
    rf"(?P<a>[a-z]+)\.?\s+(?:et|and|a|au|to|-|–)\s+(?P<b>[a-z]+)\.?{_OF}{_YEAR}"
)


def _normalise_phrase(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    folded = folded.replace("’", "'").replace("\u00a0", " ").strip(" .;:,()")
    folded = re.sub(r"\s+", " ", folded)
    return re.sub(r"\s*'\s*", "'", folded)


def _parse_phrase(norm: str) -> tuple[PartialDate | None, PartialDate | None] | None:
    bounds = _parse_bounds(norm)
    if bounds is not None:
        return bounds
    match = _SHARED_UNIT.fullmatch(norm)
    if match and match["o1"] in _ORDINALS and match["o2"] in _ORDINALS:
        precision = _UNIT_WORDS[match["unit"]]
        year = int(match["year"])
        return (
            PartialDate(year, precision, _ORDINALS[match["o1"]]),
            PartialDate(year, precision, _ORDINALS[match["o2"]]),
        )
    match = _DAY_PAIR.fullmatch(norm)
    if match:
        year, month = int(match["year"]), _MONTHS[match["month"]]
        return (
            PartialDate(year, Precision.DAY, month, int(match["d1"])),
            PartialDate(year, Precision.DAY, month, int(match["d2"])),
        )
    match = _SHARED_YEAR.fullmatch(norm)
    if match and match["a"] in _MONTHS and match["b"] in _MONTHS:
        year = int(match["year"])
        return (
            PartialDate(year, Precision.MONTH, _MONTHS[match["a"]]),
            PartialDate(year, Precision.MONTH, _MONTHS[match["b"]]),
        )
    match = _BY.fullmatch(norm)
    if match:
        end = _parse_bounds(match["rest"])
        if end is not None:
            return None, end[1]
    match = _FROM.fullmatch(norm)
    if match:
        start = _parse_bounds(match["rest"])
        if start is not None:
            return start[0], None
    for pattern in _RANGES:
        match = pattern.fullmatch(norm)
        if not match:
            continue
        right = _parse_bounds(match["b"])
        if right is None:
            continue
        left = _parse_bounds(match["a"])
        if left is None and right[1].precision is Precision.DAY:
            # "du 15 décembre 2020 au 21 janvier 2021" has both years; "15 au 21 janvier 2021"
            # borrows the month and year of the right-hand day.
            borrowed = _parse_bounds(f"{match['a']} {right[1].year}")
            if borrowed is None and match["a"].isdigit():
                last_day = right[1]
                month_name = _month_name(last_day.part)
                borrowed = _parse_bounds(f"{match['a']} {month_name} {last_day.year}")
            left = borrowed
        elif left is None:
            left = _parse_bounds(f"{match['a']} {right[1].year}")
        if left is not None:
            return left[0], right[1]
    return None


def _month_name(number: int | None) -> str:
    return next(name for name, value in _MONTHS.items() if value == number)


def parse_date(text: str) -> DateSpan:
    """Read a date as plans write it, keeping the phrase.

    Accepts the canonical forms (``2021-Q1``, ``2021-06-15``, ``2021-Q1/2021-Q2``, …) and French
    and English phrases: "Premier trimestre 2021", "Premier et second trimestres 2021",
    "2nd semestre 2020", "fin 2022", "début 2021", "Août 2021", "octobre 2018", "Q3 2025",
    "June 2019", "end of 2020", "d'ici fin 2020", "du 15 décembre 2020 au 21 janvier 2021".
    Day and month order is never guessed: numeric dates must be ISO (``YYYY-MM-DD``).

    Raises :class:`~opengov.DateParseError` for anything else.
    """
    if not isinstance(text, str):
        raise DateParseError(repr(text), "expected text")
    stripped = text.strip()
    if not stripped:
        raise DateParseError(text, "empty")
    iso_error: DateParseError | None = None
    try:
        return DateSpan.from_iso(stripped)
    except DateParseError as exc:
        iso_error = exc
    norm = _normalise_phrase(stripped)
    try:
        ends = _parse_phrase(norm)
    except DateParseError as exc:
        raise DateParseError(text, exc.reason) from None
    if ends is None:
        looks_iso = re.fullmatch(r"[\d\-/.QS]+(?:-(?:early|mid|late))?", stripped)
        reason = iso_error.reason if looks_iso else "not a date phrase this parser knows"
        raise DateParseError(text, reason)
    start, end = ends
    if start is not None and start == end:
        return DateSpan.of(start, text)
    return DateSpan(start, end, text)
