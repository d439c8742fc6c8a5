"""Precision-aware dates that keep the phrase they were read from.

Action plans rarely give exact days: "Premier trimestre 2021", "2nd semestre 2020", "fin 2022",
"Q3 2025", "segundo semestre de 2022", "Ongoing", "Biannually until 2029". A :class:`PartialDate`
is one calendar unit (a year, semester, quarter, month or day), optionally qualified as early /
mid / late; a :class:`DateSpan` is what model fields hold: a single partial date, a closed range
("Premier et second trimestres 2021") or an open one ("d'ici fin 2020"), an ongoing activity
("Permanent") or a recurring one ("Every trimester"), with the source phrase kept verbatim.

Every value knows its earliest and latest day where the plan states them (``None`` where it does
not), so rules can ask "overdue as of". Qualifiers never narrow those bounds: "fin 2022" lies
somewhere in 2022, and guessing which months "fin" covers would be inventing data. An ongoing
span has no bounds and is never over; a recurring span has the bounds its phrase states ("until
2029": an end, no start).

Canonical text form (used in JSON, CSV and RDF; :meth:`DateSpan.iso` writes it and
:meth:`DateSpan.from_iso` reads it):

- a point: ``2021``, ``2021-S2``, ``2021-Q3``, ``2021-06``, ``2021-06-15``, a qualifier as a
  suffix (``2022-late``);
- a range: two points joined by ``/``, ``..`` for an open end (``2021-Q1/2021-Q2``,
  ``../2020-late``, ``2021-03/..``);
- ``ongoing``: an activity that continues with no stated end ("Ongoing", "Permanent", "En
  continu");
- a recurrence: ``R/`` and an ISO 8601 duration between occurrences (:class:`Frequency`),
  then ``/`` and the bounds when the phrase states any: ``R/P1Y`` ("Annually"), ``R/P3M``
  ("Every trimester"), ``R/P6M/../2029`` ("Biannually until 2029"), ``R/P1M/2022`` ("monthly in
  2022").

:func:`parse_date` reads the canonical form and the phrases plans use, in English, French and
Spanish; its grammar lives in ``opengov.model._date_phrases``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from enum import StrEnum
from typing import Literal

from attrs import field, frozen
from dateutil.parser import isoparse

from opengov.errors import DateParseError

#: Where the seasons are read: "spring 2021" is March to May in the north, September to November
#: in the south.
Hemisphere = Literal["north", "south"]

__all__ = [
    "CANONICAL_PATTERN",
    "DateSpan",
    "Frequency",
    "Hemisphere",
    "PartialDate",
    "Precision",
    "Qualifier",
    "parse_date",
]


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


class Frequency(StrEnum):
    """How often a recurring activity happens: the ISO 8601 duration between two occurrences.

    "Biannual" and "bianual" are read in their dictionary sense, twice a year (:attr:`SEMIANNUAL`);
    every two years is "biennial", "biennal", "bienal" (:attr:`BIENNIAL`). A "trimester" is three
    months, as the French and Spanish "trimestre" it translates (:attr:`QUARTERLY`).
    """

    WEEKLY = "P1W"
    MONTHLY = "P1M"
    QUARTERLY = "P3M"
    SEMIANNUAL = "P6M"
    ANNUAL = "P1Y"
    BIENNIAL = "P2Y"


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
    r"(?P<year>[0-9]{4})"
    r"(?:-(?:S(?P<sem>[0-9])|Q(?P<quarter>[0-9])|(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?))?"
    r"(?:-(?P<qual>early|mid|late))?"
)

_ONGOING = "ongoing"
_RECURRING = "R/"
_POINT_PATTERN = (
    r"[0-9]{4}(-(S[12]|Q[1-4]|(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?))?(-(early|mid|late))?"
)
_BOUNDS_PATTERN = rf"(\.\.|{_POINT_PATTERN})(/(\.\.|{_POINT_PATTERN}))?"
_FREQUENCY_PATTERN = "|".join(frequency.value for frequency in Frequency)
#: The canonical text form of a :class:`DateSpan` as an anchored regular expression (the same
#: syntax in Python and JSON Schema). It checks the shape; day numbers are checked on reading.
CANONICAL_PATTERN = (
    rf"^({_ONGOING}|{_RECURRING}({_FREQUENCY_PATTERN})(/{_BOUNDS_PATTERN})?|{_BOUNDS_PATTERN})$"
)


@frozen
class DateSpan:
    """A date as a plan states it: one partial date, a range whose ends may be open, an ongoing
    activity or a recurring one.

    ``start`` and ``end`` are the same object for a single date; ``None`` marks an end the plan
    does not state. ``phrase`` is the source text when it differs from the canonical form.
    ``frequency`` is set for a recurrence ("Every trimester", "Biannually until 2029"), whose
    bounds may all be open; ``ongoing`` marks an activity with no stated end ("Ongoing",
    "Permanent"), which has no bounds at all.
    """

    start: PartialDate | None
    end: PartialDate | None
    phrase: str | None = None
    frequency: Frequency | None = None
    ongoing: bool = False
    # The canonical text, computed once (spans are immutable); not part of equality.
    _text: str | None = field(default=None, init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        if self.ongoing:
            if self.start is not None or self.end is not None or self.frequency is not None:
                raise DateParseError(
                    self.phrase or _ONGOING, "an ongoing span has no start, end or frequency"
                )
            return
        if self.frequency is None and self.start is None and self.end is None:
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

    @classmethod
    def continuing(cls, phrase: str | None = None) -> DateSpan:
        """An ongoing activity ("Ongoing", "Permanent", "En continu"): no bounds, never over."""
        return cls(None, None, phrase, ongoing=True)

    @classmethod
    def every(
        cls,
        frequency: Frequency,
        start: PartialDate | None = None,
        end: PartialDate | None = None,
        phrase: str | None = None,
    ) -> DateSpan:
        """A recurring activity, with the bounds its phrase states ("Biannually until 2029")."""
        return cls(start, end, phrase, frequency)

    @property
    def is_single(self) -> bool:
        """True when the span is one partial date (not a range, a recurrence or ongoing)."""
        return self.start is not None and self.start == self.end and self.frequency is None

    @property
    def is_recurring(self) -> bool:
        """True when the span is a recurrence ("Annually", "Every trimester")."""
        return self.frequency is not None

    @property
    def earliest(self) -> dt.date | None:
        """First day the span may start on (``None`` when the start is open or not stated)."""
        return self.start.earliest if self.start else None

    @property
    def latest(self) -> dt.date | None:
        """Last day the span may end on (``None`` when the end is open or not stated)."""
        return self.end.latest if self.end else None

    @property
    def precision(self) -> Precision | None:
        """The coarser precision of the two ends (``None`` when the span has no bounds)."""
        order = list(Precision)
        ends = [p.precision for p in (self.start, self.end) if p is not None]
        return min(ends, key=order.index) if ends else None

    def is_over_by(self, day: dt.date) -> bool:
        """True when the whole span lies before ``day`` (its latest day has passed).

        Never true for an ongoing span, nor for a range or recurrence with an open end."""
        return self.latest is not None and self.latest < day

    def iso(self) -> str:
        """Canonical text form (``2021-Q1``, ``2021-Q1/2021-Q2``, ``../2020-late``,
        ``ongoing``, ``R/P6M/../2029``)."""
        text = self._text
        if text is None:
            if self.ongoing:
                text = _ONGOING
            elif self.frequency is not None:
                text = f"{_RECURRING}{self.frequency}"
                if self.start is not None or self.end is not None:
                    text += f"/{self._bounds_iso()}"
            else:
                text = self._bounds_iso()
            object.__setattr__(self, "_text", text)
        return text

    def _bounds_iso(self) -> str:
        if self.start is not None and self.start == self.end:
            return self.start.iso()
        left = self.start.iso() if self.start else ".."
        right = self.end.iso() if self.end else ".."
        return f"{left}/{right}"

    def __str__(self) -> str:
        return self.phrase or self.iso()

    @classmethod
    def from_iso(cls, text: str, phrase: str | None = None) -> DateSpan:
        """Read the canonical text form; raises :class:`~opengov.DateParseError` otherwise."""
        return _span_from_iso(text, phrase)

    @classmethod
    def _parse_iso(cls, text: str, phrase: str | None) -> DateSpan:
        if text == _ONGOING:
            return cls.continuing(phrase)
        if text.startswith(_RECURRING):
            code, slash, bounds = text[len(_RECURRING) :].partition("/")
            try:
                frequency = Frequency(code)
            except ValueError:
                known = ", ".join(f.value for f in Frequency)
                raise DateParseError(
                    text, f"unknown frequency {code!r} after 'R/' (expected one of {known})"
                ) from None
            if not slash:
                return cls.every(frequency, phrase=phrase)
            start, end = _bounds_from_iso(bounds)
            return cls.every(frequency, start, end, phrase)
        start, end = _bounds_from_iso(text)
        return cls(start, end, phrase)


def _bounds_from_iso(text: str) -> tuple[PartialDate | None, PartialDate | None]:
    """The two ends of a point (``2021``) or range (``2021/..``) in canonical form."""
    if "/" not in text:
        point = PartialDate.from_iso(text)
        return point, point
    left, _, right = text.partition("/")
    start = None if left == ".." else PartialDate.from_iso(left)
    end = None if right == ".." else PartialDate.from_iso(right)
    return start, end


@functools.lru_cache(maxsize=4096)
def _span_from_iso(text: str, phrase: str | None) -> DateSpan:
    # Spans are immutable, and documents repeat the same few dates: parse each once.
    return DateSpan._parse_iso(text, phrase)


def parse_date(
    text: str, *, day_first: bool | None = None, hemisphere: Hemisphere = "north"
) -> DateSpan:
    """Read a date as plans write it, keeping the phrase.

    Accepts the canonical forms (``2021-Q1``, ``2021-06-15``, ``2021-Q1/2021-Q2``, ``ongoing``,
    ``R/P1Y``, …) and English, French and Spanish phrases: "Premier trimestre 2021", "2nd
    semestre 2020", "fin août 2020", "Q3 2025", "31st May 2025", "By December 2023", "d'ici fin
    2020", "antes de diciembre de 2022", "segundo semestre de 2022", "au printemps 2019",
    "2022–24", "financial year 2021/2022", "du 15 décembre 2020 au 21 janvier 2021", "Ongoing",
    "Biannually until 2029". The docs page *Dates* lists what each reads as, and why.

    ``day_first`` settles numeric dates whose day and month could be swapped ("4/5/2014"):
    ``True`` reads 4 May, ``False`` 5 April. It is only consulted for those: "4/30/2014" and
    "30/9/2014" say their own order (no month 30), so one table may mix both orders. Without it,
    an ambiguous date is refused, never guessed.

    ``hemisphere`` places the seasons: "north" (the default) reads "spring 2021" as March to May,
    "south" as September to November. The season that straddles the new year (northern winter,
    southern summer) named by one year is kept wide: "winter 2025" may be December 2024 to
    February 2025 or December 2025 to February 2026, so it spans December 2024 to February 2026;
    "winter 2024-25" names one.

    Raises :class:`~opengov.DateParseError` for anything else, with the reason in words ("a
    sentence, not a date", "a duration, not a date", "day and month order is ambiguous: …").
    """
    from opengov.model._date_phrases import parse_phrase  # the grammar builds on these types

    return parse_phrase(text, day_first=day_first, hemisphere=hemisphere)
