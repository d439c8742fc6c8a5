"""The phrase grammar behind :func:`opengov.model.dates.parse_date`: dates as action plans write
them, in English, French and Spanish.

Text is folded first (accents and case dropped, apostrophes unified, hyphens and dashes each
unified, spaces collapsed, outer brackets and punctuation trimmed), so "Août", "aout" and "AOÛT"
read alike. Then, in order:

1. words for an ongoing activity ("Ongoing", "Permanent", "En continu") and words that are not
   dates: statuses ("En curso", "in progress") and placeholders ("TBD"), refused as such;
2. a recurrence: a frequency word ("Annually", "Every trimester", "Chaque année", "Anualmente")
   alone, followed by a day of the year kept in the phrase only ("Annually, by March 31"), or by
   the bounds of the recurrence ("Biannually until 2029");
3. the date itself: a point, a season, a fiscal year, a short range ("2022–24"), a numeric date
   ("30/9/2014"), a deadline ("by", "d'ici", "antes de"), a start ("since", "à partir de",
   "desde") or a range ("De enero a diciembre de 2022"), with context words dropped first ("in",
   "as of", "au", "en", "el", "at some point in");
4. when nothing reads, a reason in words: a sentence around one date (quoted), several dates, a
   duration, a date relative to an event, a missing year.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

import attrs

from opengov.errors import DateParseError
from opengov.model._date_words import (
    CONTEXT,
    FREQUENCIES,
    LAST,
    MONTH_GROUPS,
    MONTH_NAMES,
    MONTHS,
    NOT_DATES,
    ONGOING,
    ORDINALS,
    QUALIFIERS,
    SEASON_START,
    SEASONS,
    UNITS,
)
from opengov.model.dates import DateSpan, Frequency, Hemisphere, PartialDate, Precision

__all__ = ["parse_phrase"]

Point = PartialDate
#: The two ends of a date; ``None`` where the phrase leaves an end open.
Ends = tuple[Point | None, Point | None]
#: The first and last partial dates of something that has both (a point, a season, a year range).
Bounds = tuple[Point, Point]

_PART_COUNT = {Precision.SEMESTER: 2, Precision.QUARTER: 4}


def _words(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first (so "sept" is tried before "sep")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _month(group: str = "month") -> str:
    return rf"(?P<{group}>{_words(MONTHS)})\.?"


def _year(group: str = "year") -> str:
    return rf"(?P<{group}>\d{{4}})"


# --- patterns --------------------------------------------------------------------------------

_YEAR = _year()
_SUFFIX = r"(?:er|st|nd|rd|th|o|°)?"  # "1er", "31st", "1º" (folded to "1o"), "1°"
_DAY = rf"(?P<day>\d{{1,2}}){_SUFFIX}"
_OF = r"(?:\s+(?:de|del|d'|du|of|en|in))?\s*,?\s*"
_ORD = rf"(?P<ord>{_words(ORDINALS | LAST)})"
_UNIT = rf"(?P<unit>{_words(UNITS | MONTH_GROUPS)})"
_SEASON = rf"(?P<season>{_words(SEASONS)})"
_FISCAL = (
    r"(?:(?:for\s+)?(?:the\s+)?(?:financial|fiscal|budget)\s+year|fy"
    r"|exercice(?:\s+(?:budgetaire|fiscal|financier))?"
    r"|(?:ano|ejercicio)\s+(?:fiscal|presupuestario|financiero))"
)

_POINTS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"(?:q|t)(?P<n>[1-4])\s*{_YEAR}"), "quarter"),
    (re.compile(rf"{_YEAR}\s*-?\s*(?:q|t)(?P<n>[1-4])"), "quarter"),
    (re.compile(rf"(?:s|h)(?P<n>[12])\s*{_YEAR}"), "semester"),
    (re.compile(rf"{_YEAR}\s*-?\s*(?:s|h)(?P<n>[12])"), "semester"),
    (re.compile(rf"(?:the\s+|le\s+|la\s+|el\s+)?{_ORD}\s+{_UNIT}{_OF}{_YEAR}"), "ordinal"),
    (
        re.compile(rf"(?:the\s+)?{_DAY}\s+(?:of\s+|de\s+)?{_month()},?\s+(?:de\s+|del\s+)?{_YEAR}"),
        "day",
    ),
    (re.compile(rf"{_month()}\s+(?:the\s+)?{_DAY},?\s+{_YEAR}"), "day"),
    (re.compile(rf"{_month()}{_OF}{_YEAR}"), "month"),
    (
        re.compile(rf"(?:l'annee\s+|the\s+year\s+|annee\s+|el\s+ano\s+|ano\s+|year\s+)?{_YEAR}"),
        "year",
    ),
]
# A numeric date: day and month in either order, then a four-digit year.
_NUMERIC = re.compile(r"(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})")
_NUMERIC_YEAR_FIRST = re.compile(r"\d{4}([/.])\d{1,2}\1\d{1,2}")
_NUMERIC_SHORT_YEAR = re.compile(r"\d{1,2}([/.-])\d{1,2}\1\d{2}")
# The canonical month and day written inside a phrase ("by 2021-06", "du 2021-06-01 au …").
_ISO_INSIDE = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])(?:-\d{2})?")
_SEASON_YEAR = re.compile(
    rf"(?:the\s+|l'|le\s+|la\s+|el\s+)?{_SEASON}{_OF}{_YEAR}(?:\s*[-–/]\s*(?P<year2>\d{{4}}|\d{{2}}))?"
)
_FISCAL_YEAR = re.compile(rf"{_FISCAL}\s*{_YEAR}(?:\s*[-–/]\s*(?P<year2>\d{{4}}|\d{{2}}))?")
_FISCAL_QUARTER = re.compile(
    rf"(?:q|t)(?P<n>[1-4])\s+(?:{_FISCAL}\s*)?{_YEAR}\s*[-–/]\s*(?P<year2>\d{{4}}|\d{{2}})"
)
# "2022–24", "2013-15": a range of years whose second is written with two digits.
_SHORT_RANGE = re.compile(rf"{_YEAR}\s*[-–/]\s*(?P<year2>\d{{2}})")
_QUALIFIED = re.compile(
    rf"(?P<qual>{_words(QUALIFIERS)})(?:\s*-\s*|\s+)(?:de\s+|del\s+|d'|of\s+)?(?P<rest>.+)"
)
# The end of a word before what follows: spaces, or none after an apostrophe ("d'ici l'hiver").
_AFTER = r"(?:\s+|(?<='))"
_ARTICLE = r"(?:(?:de\s+la|de|du|del|la|le|el|the)\s+|de\s+l'|d'|l')?"
_BY = re.compile(
    r"(?:by|until|till|no\s+later\s+than|not\s+later\s+than|before|prior\s+to"
    r"|d'ici(?:\s+a)?|a\s+l'horizon(?:\s+de)?|jusqu'a|jusqu'en|jusqu'au|au\s+plus\s+tard(?:\s+en)?"
    r"|avant|antes|a\s+mas\s+tardar(?:\s+en)?|hasta|para)"
    rf"{_AFTER}{_ARTICLE}(?P<rest>.+)"
)
_FROM = re.compile(
    r"(?:from|since|as\s+from|starting(?:\s+(?:in|on|from))?|beginning\s+(?:in|on)"
    r"|a\s+partir\s+(?:de|d'|du)|a\s+compter\s+(?:de|d'|du)|depuis"
    r"|desde|a\s+partir\s+del|a\s+contar\s+(?:de|del)|comenzando\s+en)"
    rf"{_AFTER}(?:(?:la|le|the|el)\s+|l')?(?P<rest>.+)"
)
_ONWARDS = re.compile(
    r"(?P<rest>.+?)\s+(?:onwards?|and\s+beyond|and\s+after|et\s+au-dela|et\s+apres|en\s+adelante)"
)
# "Start date: June 2016 End date: August 2018", as OGP pages print a commitment's dates.
_LABELLED = re.compile(
    r"(?:start(?:ing)?\s+date|date\s+de\s+debut|fecha\s+de\s+inicio)\s*:?\s*(?P<a>.+?)\s*"
    r"(?:end\s+date|date\s+de\s+fin|fecha\s+de\s+(?:fin|termino|finalizacion|cierre))\s*:?\s*(?P<b>.+)"
)
# A baseline in brackets is a reference for a measure, not a date: "by 2050 (compared to 2004)".
_BASELINE = re.compile(
    r"(?P<rest>.+?)\s*\((?:compared\s+(?:to|with)|relative\s+to|against|vs\.?|versus|baseline"
    r"|base|par\s+rapport\s+(?:a|au|aux)|en\s+comparaison\s+(?:de|avec)|reference"
    r"|annee\s+de\s+reference|(?:con\s+)?respecto\s+(?:a|al|de)|en\s+comparacion\s+con"
    r"|comparado\s+con|ano\s+base|linea\s+de\s+base)\b[^()]*\)?"
)
# Words that place a date in a sentence without changing it ("in", "as of", "au"): dropped.
_CONTEXT = re.compile(rf"(?:{_words(CONTEXT)})(?:\s+|(?<='))(?P<rest>.+)")
_BETWEEN = re.compile(
    r"(?:entre|between)\s+(?:le\s+|les\s+|the\s+|el\s+|la\s+)?(?P<body>.+)",
)
_BETWEEN_SEP = re.compile(r"\s+(?:et|and|y|e)\s+(?:le\s+|the\s+|el\s+|la\s+)?")
_FROM_TO = re.compile(r"(?:(?:du|de|del|desde|from)\s+|d')(?:(?:el|la|le|the)\s+)?(?P<body>.+)")
_FROM_TO_SEP = re.compile(
    r"\s+(?:au|a|al|to|until|till|through|thru|jusqu'au|jusqu'a|jusqu'en|hasta)\s+"
    r"(?:la\s+|le\s+|the\s+|el\s+)?"
)
_BARE_SEP = re.compile(r"\s*[-–/]\s*|\s+(?:to|a|au|al|hasta|through|till|until)\s+")
# "Premier et second trimestres 2021": two ordinals sharing a unit and a year.
_SHARED_UNIT = re.compile(
    rf"(?P<o1>\S+)\s+(?:et|and|y|a|au|to|-|–)\s+(?P<o2>\S+)\s+{_UNIT}{_OF}{_YEAR}"
)
# "les 15 et 16 juin 2018", "15-21 January 2021": two days sharing a month and a year.
_DAY_PAIR = re.compile(
    rf"(?:les\s+|the\s+|los\s+|el\s+)?(?P<d1>\d{{1,2}}){_SUFFIX}\s*(?:et|and|y|-|–|au|al|a|to)\s*"
    rf"(?P<d2>\d{{1,2}}){_SUFFIX}\s+(?:de\s+|of\s+)?{_month()},?\s+(?:de\s+|del\s+)?{_YEAR}"
)
# "juin et juillet 2021", "June to August 2021": two months sharing a year.
_SHARED_YEAR = re.compile(
    rf"(?P<a>[a-z]+)\.?\s+(?:et|and|y|a|au|al|to|-|–|hasta)\s+(?P<b>[a-z]+)\.?{_OF}{_YEAR}"
)
_RECURRENCE = re.compile(rf"(?P<freq>{_words(FREQUENCIES)})(?:\s*,\s*|\s+|$)(?P<rest>.*)")
# A day of the year with no year ("Annually, by March 31"): kept in the phrase only.
_YEARLESS = re.compile(
    r"(?:(?:by|before|on|in|until|avant|d'ici|au\s+plus\s+tard|jusqu'au|le|en|antes\s+del?"
    r"|a\s+mas\s+tardar|hasta|el|para)\s+(?:the\s+|le\s+|el\s+)?)?"
    rf"(?:{_month('m1')}(?:\s+(?P<d1>\d{{1,2}}){_SUFFIX})?"
    rf"|(?P<d2>\d{{1,2}}){_SUFFIX}\s+(?:of\s+|de\s+)?{_month('m2')})"
)

# Only for reasons, when nothing reads.
_EVERY = re.compile(r"(?:every|each|chaque|tous\s+les|toutes\s+les|cada|todos\s+los|todas\s+las)\b")
_RELATIVE = re.compile(
    r"\b(?:before|after|prior\s+to|following|avant|apres|antes|despues|previo|previa)\b"
)
_DURATION = re.compile(
    r"\b\d+\s+(?:months?|years?|weeks?|days?|mois|ans|annees|semaines|jours|meses|anos|semanas"
    r"|dias)\b"
)
_HAS_YEAR = re.compile(r"\d{4}")
_DATE_WORD = re.compile(
    rf"\b(?:{_words(MONTHS)}|{_words(SEASONS)}|{_words(UNITS | MONTH_GROUPS)})\b"
)
_LOOKS_CANONICAL = re.compile(r"[\d\-/.QSR]+(?:-(?:early|mid|late))?|ongoing|R/P\w+.*")

_HYPHENS = dict.fromkeys(map(ord, "\u2010\u2011\ufe63\uff0d"), "-")
_DASHES = dict.fromkeys(map(ord, "\u2012\u2013\u2014\u2015\u2212\ufe58"), "–")
_APOSTROPHES = dict.fromkeys(map(ord, "\u2019\u2018\u02bc\u00b4`\u2032"), "'")
_LONGEST_PHRASE = 200  # characters; a longer text is a sentence, not read as one date
_MAX_WORDS_SEARCHED = 40  # a longer text is not searched for the dates inside it
_WIDEST_WINDOW = 7  # words in the longest date looked for inside a sentence


def fold(text: str) -> str:
    """Text folded for matching: no accents, lower case, one kind of hyphen, dash and
    apostrophe, single spaces, no punctuation or brackets at the ends."""
    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    folded = folded.translate(_HYPHENS).translate(_DASHES).translate(_APOSTROPHES)
    folded = re.sub(r"\s+", " ", folded).strip(' .;:,()[]"«»')
    return re.sub(r"\s*'\s*", "'", folded)


def _second_year(first: int, written: str) -> int:
    """The second year of "2022–24" or "2021/2022": written in full, or its last two digits
    after the first year."""
    if len(written) == 4:
        return int(written)
    year = first - first % 100 + int(written)
    return year + 100 if year <= first else year


class _Reader:
    """The grammar, with the caller's choices for what the text cannot say. (A plain class:
    every attrs class in ``opengov.model`` is a model class.)"""

    __slots__ = ("day_first", "hemisphere")

    def __init__(self, day_first: bool | None, hemisphere: Hemisphere) -> None:
        self.day_first = day_first
        self.hemisphere = hemisphere

    # --- whole phrases -------------------------------------------------------------------

    def read(self, norm: str) -> DateSpan | None:
        """The span a folded phrase states, or ``None`` when it is no date phrase we know."""
        if norm in ONGOING:
            return DateSpan.continuing()
        if norm in NOT_DATES:
            raise DateParseError(norm, NOT_DATES[norm])
        match = _RECURRENCE.fullmatch(norm)
        if match:
            return self.recurrence(FREQUENCIES[match["freq"]], match["rest"])
        ends = self.ends(norm)
        if ends is None:
            return None
        start, end = ends
        if start is not None and start == end:
            return DateSpan.of(start)
        return DateSpan(start, end)

    def recurrence(self, frequency: Frequency, rest: str) -> DateSpan:
        rest = rest.strip(" ,;:()")
        if not rest:
            return DateSpan.every(frequency)
        yearless = _YEARLESS.fullmatch(rest)
        if yearless:
            month = MONTHS[yearless["m1"] or yearless["m2"]]
            day = yearless["d1"] or yearless["d2"]
            if day is not None:
                try:
                    dt.date(2000, month, int(day))  # a leap year: 29 February is a day
                except ValueError:
                    raise DateParseError(
                        rest, f"{MONTH_NAMES[month - 1]} has no day {day}"
                    ) from None
            return DateSpan.every(frequency)
        ends = self.ends(rest)
        if ends is None:
            raise DateParseError(
                rest,
                f"a recurrence ({frequency.name.lower()}) followed by words that are not a date",
            )
        return DateSpan.every(frequency, *ends)

    def ends(self, norm: str) -> Ends | None:
        """The ends of a date phrase (no recurrence, no ongoing)."""
        match = _BASELINE.fullmatch(norm)
        if match:
            return self.ends(match["rest"])
        match = _LABELLED.fullmatch(norm)
        if match:
            first, last = self.bounds(match["a"]), self.bounds(match["b"])
            return (first[0], last[1]) if first and last else None
        bounds = self.bounds(norm)
        if bounds is not None:
            return bounds
        shared = self.shared(norm)
        if shared is not None:
            return shared
        match = _BY.fullmatch(norm)
        if match and (bounds := self.bounds(match["rest"])) is not None:
            return None, bounds[1]
        match = _FROM.fullmatch(norm) or _ONWARDS.fullmatch(norm)
        if match and (bounds := self.bounds(match["rest"])) is not None:
            return bounds[0], None
        match = _CONTEXT.fullmatch(norm)
        if match and (ends := self.ends(match["rest"])) is not None:
            return ends
        return self.two_dates(norm)

    def shared(self, norm: str) -> Ends | None:
        """Two ordinals, days or months sharing what follows them."""
        match = _SHARED_UNIT.fullmatch(norm)
        if match and match["o1"] in ORDINALS and match["o2"] in ORDINALS:
            precision = UNITS.get(match["unit"])
            if precision is not None:
                year = int(match["year"])
                return (
                    Point(year, precision, ORDINALS[match["o1"]]),
                    Point(year, precision, ORDINALS[match["o2"]]),
                )
        match = _DAY_PAIR.fullmatch(norm)
        if match:
            year, month = int(match["year"]), MONTHS[match["month"]]
            return (
                Point(year, Precision.DAY, month, int(match["d1"])),
                Point(year, Precision.DAY, month, int(match["d2"])),
            )
        match = _SHARED_YEAR.fullmatch(norm)
        if match and match["a"] in MONTHS and match["b"] in MONTHS:
            year = int(match["year"])
            return (
                Point(year, Precision.MONTH, MONTHS[match["a"]]),
                Point(year, Precision.MONTH, MONTHS[match["b"]]),
            )
        return None

    def two_dates(self, norm: str) -> Ends | None:
        """Two dates joined: "entre … et …", "de … a …", "… – …"; the first may borrow the
        year (and month) of the second ("du 13 au 30 juin 2016", "De enero a diciembre de
        2022")."""
        for opener, separator in (
            (_BETWEEN, _BETWEEN_SEP),
            (_FROM_TO, _FROM_TO_SEP),
            (None, _BARE_SEP),
        ):
            body = norm
            if opener is not None:
                match = opener.fullmatch(norm)
                if match is None:
                    continue
                body = match["body"]
            for sep in separator.finditer(body):
                found = self.joined(body[: sep.start()], body[sep.end() :])
                if found is not None:
                    return found
        return None

    def joined(self, left_text: str, right_text: str) -> Ends | None:
        right = self.bounds(right_text)
        if not left_text or right is None:
            return None
        last = right[1]
        left = self.bounds(left_text)
        if left is None:
            left = self.bounds(f"{left_text} {last.year}")
        if left is None and last.precision is Precision.DAY and left_text.isdigit():
            assert last.part is not None
            left = self.bounds(f"{left_text} {MONTH_NAMES[last.part - 1].lower()} {last.year}")
        return None if left is None else (left[0], last)

    # --- one date with both bounds ---------------------------------------------------------

    def bounds(self, text: str) -> Bounds | None:
        """A date whose first and last partial dates are both stated, possibly qualified."""
        found = self.plain(text)
        if found is not None:
            return found
        match = _QUALIFIED.fullmatch(text)
        if match is None:
            return None
        inner = self.plain(match["rest"])
        if inner is None:
            return None
        first, last = inner
        if first != last:  # "fin de l'été 2021": a qualifier never narrows a range
            return inner
        if first.precision is Precision.DAY:
            return None
        point = attrs.evolve(first, qualifier=QUALIFIERS[match["qual"]])
        return point, point

    def plain(self, text: str) -> Bounds | None:
        if _ISO_INSIDE.fullmatch(text):
            point = PartialDate.from_iso(text)
            return point, point
        match = _NUMERIC.fullmatch(text)
        if match:
            point = self.numeric(int(match["a"]), int(match["b"]), int(match["year"]))
            return point, point
        if _NUMERIC_YEAR_FIRST.fullmatch(text):
            raise DateParseError(text, "a numeric date with the year first: write it YYYY-MM-DD")
        if _NUMERIC_SHORT_YEAR.fullmatch(text):
            raise DateParseError(text, "a two-digit year: write the year in full")
        for pattern, kind in _POINTS:
            match = pattern.fullmatch(text)
            if match:
                return self.point(kind, match)
        for reader in (self.season, self.fiscal, self.short_range):
            found = reader(text)
            if found is not None:
                return found
        return None

    def point(self, kind: str, match: re.Match[str]) -> Bounds:
        year = int(match["year"])
        if kind == "ordinal":
            return self.ordinal(match["ord"], match["unit"], year)
        if kind in ("quarter", "semester"):
            precision = Precision.QUARTER if kind == "quarter" else Precision.SEMESTER
            point = Point(year, precision, int(match["n"]))
        elif kind == "day":
            point = Point(year, Precision.DAY, MONTHS[match["month"]], int(match["day"]))
        elif kind == "month":
            point = Point(year, Precision.MONTH, MONTHS[match["month"]])
        else:
            point = Point(year)
        return point, point

    def ordinal(self, word: str, unit: str, year: int) -> Bounds:
        if unit in MONTH_GROUPS:
            size = MONTH_GROUPS[unit]
            number = ORDINALS.get(word) or 12 // size
            if number > 12 // size:
                raise DateParseError(f"{word} {unit}", f"a year has {12 // size} of them")
            last = number * size
            return Point(year, Precision.MONTH, last - size + 1), Point(year, Precision.MONTH, last)
        precision = UNITS[unit]
        point = Point(year, precision, ORDINALS.get(word) or _PART_COUNT[precision])
        return point, point

    def numeric(self, a: int, b: int, year: int) -> Point:
        """A day and month in an order the text shows, or the caller's ``day_first``."""
        written = f"{a}/{b}/{year}"
        if a > 12 and b > 12:
            raise DateParseError(written, "neither number can be the month")
        if a > 12 or a == b:  # there is no month a: the day comes first
            day, month = a, b
        elif b > 12:
            month, day = a, b
        elif self.day_first is None:
            raise DateParseError(
                written,
                "day and month order is ambiguous: pass day_first=True for "
                f"{a} {MONTH_NAMES[b - 1]} {year} or day_first=False for "
                f"{b} {MONTH_NAMES[a - 1]} {year}",
            )
        elif self.day_first:
            day, month = a, b
        else:
            month, day = a, b
        return Point(year, Precision.DAY, month, day)

    def season(self, text: str) -> Bounds | None:
        """A meteorological season of the caller's hemisphere. The season that straddles the
        new year, named by one year, may be the one ending or the one starting in that year:
        both are kept ("winter 2025": December 2024 to February 2026)."""
        match = _SEASON_YEAR.fullmatch(text)
        if match is None:
            return None
        season, year = SEASONS[match["season"]], int(match["year"])
        first = SEASON_START[self.hemisphere][season]
        if first != 12:
            if match["year2"]:
                raise DateParseError(
                    text, f"a {season} in the {self.hemisphere}ern hemisphere is in one year"
                )
            return Point(year, Precision.MONTH, first), Point(year, Precision.MONTH, first + 2)
        if match["year2"]:
            if _second_year(year, match["year2"]) != year + 1:
                raise DateParseError(text, f"a {season} spans two consecutive years")
            return Point(year, Precision.MONTH, 12), Point(year + 1, Precision.MONTH, 2)
        return Point(year - 1, Precision.MONTH, 12), Point(year + 1, Precision.MONTH, 2)

    def fiscal(self, text: str) -> Bounds | None:
        """A fiscal year, or a quarter of one. When a fiscal year starts is not written, so it
        spans both calendar years it touches ("2021/2022"); so does any quarter of it."""
        match = _FISCAL_QUARTER.fullmatch(text) or _FISCAL_YEAR.fullmatch(text)
        if match is None:
            return None
        year = int(match["year"])
        if not match["year2"]:
            raise DateParseError(
                text,
                "a fiscal year named by one year may end in that year or begin in it: "
                f"write both years ({year - 1}/{str(year)[2:]} or {year}/{str(year + 1)[2:]})",
            )
        if _second_year(year, match["year2"]) != year + 1:
            raise DateParseError(text, "a fiscal year spans two consecutive years")
        return Point(year), Point(year + 1)

    def short_range(self, text: str) -> Bounds | None:
        match = _SHORT_RANGE.fullmatch(text)
        if match is None:
            return None
        first = int(match["year"])
        last = _second_year(first, match["year2"])
        if last - first > 10:  # "2021/12" is no range of years
            return None
        return Point(first), Point(last)

    # --- reasons ---------------------------------------------------------------------------

    def why_not(self, text: str, norm: str) -> str:
        """Why a text that reads as no date is not one, in words that help."""
        if _EVERY.match(norm):
            known = ", ".join(f.name.lower() for f in Frequency)
            return f"a recurrence this parser has no frequency for (it knows {known})"
        if _RELATIVE.search(norm):
            return "a date relative to an event, not a date"
        if _DURATION.search(norm) and not _HAS_YEAR.search(norm):
            return "a duration, not a date"
        inside = self.dates_inside(text)
        if len(inside) > 1:
            quoted = ", ".join(repr(found) for found in inside)
            return f"a sentence with several dates ({quoted}), not one date"
        if inside:
            return f"a sentence, not a date (the date in it reads {inside[0]!r})"
        if not _HAS_YEAR.search(norm) and _DATE_WORD.search(norm):
            return "no year: a date needs its year"
        if len(norm) > _LONGEST_PHRASE:
            return f"{len(text)} characters: too long for a date phrase"
        return "not a date phrase this parser knows"

    def dates_inside(self, text: str) -> list[str]:
        """The dates in a sentence, longest first from the left, as written."""
        words = text.split()
        if len(words) > _MAX_WORDS_SEARCHED:
            return []
        found: list[str] = []
        start = 0
        while start < len(words):
            widest = min(_WIDEST_WINDOW, len(words) - start)
            for size in range(widest, 0, -1):
                piece = " ".join(words[start : start + size]).strip(" .;:,()")
                if piece and self.reads(piece):
                    found.append(piece)
                    start += size
                    break
            else:
                start += 1
        return found

    def reads(self, piece: str) -> bool:
        norm = fold(piece)
        if len(norm) > _LONGEST_PHRASE:
            return False
        try:
            return self.read(norm) is not None
        except DateParseError:
            return False


def parse_phrase(text: str, *, day_first: bool | None, hemisphere: Hemisphere) -> DateSpan:
    """See :func:`opengov.model.dates.parse_date`."""
    if not isinstance(text, str):
        raise DateParseError(repr(text), "expected text")
    if hemisphere not in SEASON_START:
        raise DateParseError(text, f"hemisphere must be 'north' or 'south', not {hemisphere!r}")
    stripped = text.strip()
    if not stripped:
        raise DateParseError(text, "empty")
    try:
        return DateSpan.from_iso(stripped)
    except DateParseError as exc:
        iso_error = exc
    reader = _Reader(day_first, hemisphere)
    norm = fold(stripped)
    try:
        span = reader.read(norm) if len(norm) <= _LONGEST_PHRASE else None
    except DateParseError as exc:
        raise DateParseError(text, exc.reason) from None
    if span is None:
        looks_canonical = _LOOKS_CANONICAL.fullmatch(stripped)
        reason = iso_error.reason if looks_canonical else reader.why_not(stripped, norm)
        raise DateParseError(text, reason)
    return attrs.evolve(span, phrase=text)
