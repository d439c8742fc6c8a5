"""Dates as real action plans write them: every phrase of the plans' README table, and phrases
from other plans, each with its answer (a canonical form, or the reason it is refused)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import attrs
import jsonschema
import pytest

import opengov
from opengov import DateParseError
from opengov.io import rdf
from opengov.io.rdf import OG
from opengov.io.schema import json_schema
from opengov.model import (
    ActionPlan,
    Commitment,
    DateSpan,
    Frequency,
    Milestone,
    PartialDate,
    Precision,
    parse_date,
)

D = dt.date
README = Path(__file__).parent / "data" / "plans" / "README.md"

# An answer is a canonical form (what ``iso()`` returns: a date, a range, ``ongoing`` or a
# recurrence ``R/…``), or "free text: <reason>" for a sentence that holds no single date, or
# "refused: <reason>" for a date the text leaves ambiguous; the reason is part of the error.

# Every phrase of the "Date phrases found" table of tests/data/plans/README.md.
README_PHRASES = {
    "2013-15": "2013/2015",
    "2013 to 2015": "2013/2015",
    "2013-2015": "2013/2015",
    "31 October 2013": "2013-10-31",
    "27 June 2013": "2013-06-27",
    "31 January 2015": "2015-01-31",
    "10 March 2015": "2015-03-10",
    "14 October 2016": "2016-10-14",
    "over the first quarter of 2015": "2015-Q1",
    "at some point in the spring 2015": "2015-03/2015-05",
    "Summer 2015": "2015-06/2015-08",
    "summer 2015": "2015-06/2015-08",
    "by March 2014": "../2014-03",
    "4/30/2014": "2014-04-30",  # no month 30: month first
    "30/9/2014": "2014-09-30",  # no month 30: day first (the same table)
    "31/1/2015": "2015-01-31",
    "30/06/2015": "2015-06-30",
    "31/12/2015": "2015-12-31",
    "by April 2014": "../2014-04",
    "by April 2014, followed by their ALBs by September 2014": (
        "free text: a sentence with several dates ('by April 2014', 'by September 2014')"
    ),
    "2015-2017": "2015/2017",
    "16 juillet 2015": "2015-07-16",
    "du 13 au 30 juin 2016": "2016-06-13/2016-06-30",
    "Mars 2018": "2018-03",
    "in November 2014": "2014-11",
    "several months before the 2015 Paris Climate Conference": (
        "free text: a date relative to an event, not a date"
    ),
    "2016-2018": "2016/2018",
    "June 2016": "2016-06",
    "August 2018": "2018-08",
    "Start date: June 2016        End date: August 2018": "2016-06/2018-08",
    "at February 2018": "2018-02",
    "2017": "2017",
    "in 2016": "2016",
    "in 2017": "2017",
    "Every trimester": "R/P3M",
    "2019 – 2021": "2019/2021",
    "Since 2007": "2007/..",
    "by 2050 (compared to 2004)": "../2050",  # 2004 is the baseline of a measure
    "by 2020": "../2020",
    "adopted in March 2018": (
        "free text: a sentence, not a date (the date in it reads 'in March 2018')"
    ),
    "a co-construction of 18 months": "free text: a duration, not a date",
    "since October 1st, 2018": "2018-10-01/..",
    "conducted in April 2019": (
        "free text: a sentence, not a date (the date in it reads 'in April 2019')"
    ),
    "2020-2022": "2020/2022",
    "2020–2022": "2020/2022",
    "As of October 2020": "2020-10",
    "on 31st August 2016": "2016-08-31",
    "for the financial year 2021/2022": "2021/2022",
    "2020-10-20": "2020-10-20",
    "2020-11-15": "2020-11-15",
    "2021-02-15": "2021-02-15",
    "2021-04-30": "2021-04-30",
    "2021-04-01": "2021-04-01",
    "2021-05-30": "2021-05-30",
    "2021-06-01": "2021-06-01",
    "2022-09-30": "2022-09-30",
    "2021 – 2022": "2021/2022",
    "2021": "2021",
    "June 2022": "2022-06",
    "31st August 2021": "2021-08-31",
    "Aug 2021": "2021-08",
    "Jun 2022": "2022-06",
    "Sep 2021": "2021-09",
    "May 2022": "2022-05",
    "2021 – 2023": "2021/2023",
    "October 2023": "2023-10",
    "Oct 2023": "2023-10",
    "30th July 2021": "2021-07-30",
    "Jul 2022": "2022-07",
    "2022-2024": "2022/2024",
    "En abril de 2021": "2021-04",
}

# Phrases of other real plans (Canada 2022-24 and others), and the forms they stand for.
OTHER_PHRASES = {
    "By December 2023": "../2023-12",
    "By December 2026": "../2026-12",
    "2022–24": "2022/2024",
    "au printemps 2019": "2019-03/2019-05",
    "D'ici la fin de 2025": "../2025-late",
    "antes de diciembre de 2022": "../2022-12",
    "By winter 2025": "../2026-02",  # the winter ending or the one starting in 2025
    "D'ici l'hiver 2025": "../2026-02",
    "Fall 2027": "2027-09/2027-11",
    "Beginning of October 2018": "2018-10-early",
    "fin août 2020": "2020-08-late",
    "Fin août 2020": "2020-08-late",
    "Diciembre 2014": "2014-12",
    "segundo semestre de 2022": "2022-S2",
    "primer semestre 2023": "2023-S1",
    "tercer trimestre de 2022": "2022-Q3",
    "II semestre 2022": "2022-S2",
    "primer cuatrimestre de 2022": "2022-01/2022-04",
    "2026-27": "2026/2027",
    "2026\u20112027": "2026/2027",  # a non-breaking hyphen
    "financial year 2021/2022": "2021/2022",
    "FY2022/23": "2022/2023",
    "Q1 2024-25": "2024/2025",  # a quarter of a fiscal year whose start month is not written
    "2013-15": "2013/2015",
    "31st May 2025": "2025-05-31",
    "October 1st, 2018": "2018-10-01",
    "1er juin 2020": "2020-06-01",
    "1º de enero de 2022": "2022-01-01",
    "(June 2019)": "2019-06",
    "in the spring of 2015": "2015-03/2015-05",
    "finales de 2022": "2022-late",
    "principios de 2023": "2023-early",
    "a mediados de 2021": "2021-mid",
    "hasta finales de 2022": "../2022-late",
    "a más tardar en marzo de 2023": "../2023-03",
    "desde el 1 de enero de 2022": "2022-01-01/..",
    "el 15 de junio de 2021": "2021-06-15",
    "del 1 al 15 de junio de 2022": "2022-06-01/2022-06-15",
    "entre enero y marzo de 2022": "2022-01/2022-03",
    "De enero a diciembre de 2022": "2022-01/2022-12",
    "enero de 2021": "2021-01",
    "diciembre del 2022": "2022-12",
    "junio 2021 – diciembre 2022": "2021-06/2022-12",
    "4/30/2014": "2014-04-30",
    "30/9/2014": "2014-09-30",
    "Ongoing": "ongoing",
    "Permanent": "ongoing",
    "Continuous": "ongoing",
    "En continu": "ongoing",
    "Permanente": "ongoing",
    "Annually, by March 31": "R/P1Y",  # "by March 31" of each year stays in the phrase
    "Biannually until 2029": "R/P6M/../2029",
    "Every trimester": "R/P3M",
    "Chaque année": "R/P1Y",
    "Anualmente": "R/P1Y",
    "Tous les deux ans": "R/P2Y",
    "monthly in 2022": "R/P1M/2022",
    "quarterly from 2021 to 2023": "R/P3M/2021/2023",
    "En curso": "free text: a status, not a date",
    "TBD": "free text: a date still to be set, not a date",
    "tercer trimestre": "refused: no year: a date needs its year",
    "4/5/2014": (
        "refused: day and month order is ambiguous: pass day_first=True for 4 May 2014 or "
        "day_first=False for 5 April 2014"
    ),
    "4/5/14": "refused: a two-digit year: write the year in full",
    "FY2022": "refused: a fiscal year named by one year may end in that year or begin in it",
    "summer 2024-25": "refused: a summer in the northern hemisphere is in one year",
    "Annually, by February 30": "refused: February has no day 30",
    "every 18 months": "refused: a recurrence this parser has no frequency for",
}


def readme_phrases() -> list[str]:
    """The first column of the README's "Date phrases found" table."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## Date phrases found", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    assert rows[0].startswith("| date phrase |"), "the table's header moved"
    return [row[2:].split(" | ", 1)[0] for row in rows[1:]]


def test_every_readme_phrase_has_an_answer() -> None:
    found = readme_phrases()
    assert len(found) > 60
    assert set(found) == set(README_PHRASES)


def check(phrase: str, answer: str) -> None:
    refused = next((p for p in ("free text: ", "refused: ") if answer.startswith(p)), None)
    if refused is not None:
        with pytest.raises(DateParseError) as caught:
            parse_date(phrase)
        assert answer.removeprefix(refused) in caught.value.reason
        assert caught.value.text == phrase
        return
    span = parse_date(phrase)
    assert span.iso() == answer
    assert span.phrase == (None if phrase == answer else phrase)
    assert DateSpan.from_iso(answer) == attrs.evolve(span, phrase=None)


@pytest.mark.parametrize(("phrase", "answer"), README_PHRASES.items())
def test_readme_phrases(phrase: str, answer: str) -> None:
    check(phrase, answer)


@pytest.mark.parametrize(("phrase", "answer"), OTHER_PHRASES.items())
def test_other_plan_phrases(phrase: str, answer: str) -> None:
    check(phrase, answer)


@pytest.mark.parametrize(
    ("phrase", "earliest", "latest"),
    [
        ("winter 2025", D(2024, 12, 1), D(2026, 2, 28)),  # either winter named 2025
        ("hiver 2024-2025", D(2024, 12, 1), D(2025, 2, 28)),  # one winter
        ("invierno 2023/24", D(2023, 12, 1), D(2024, 2, 29)),
        ("By winter 2025", None, D(2026, 2, 28)),
        ("financial year 2021/2022", D(2021, 1, 1), D(2022, 12, 31)),
        ("Q1 2024-25", D(2024, 1, 1), D(2025, 12, 31)),
        ("2013-15", D(2013, 1, 1), D(2015, 12, 31)),
        ("fin août 2020", D(2020, 8, 1), D(2020, 8, 31)),  # "fin" never narrows
        ("antes de diciembre de 2022", None, D(2022, 12, 31)),  # a bound that always holds
        ("primer cuatrimestre de 2022", D(2022, 1, 1), D(2022, 4, 30)),
        ("Biannually until 2029", None, D(2029, 12, 31)),
        ("quarterly from 2021 to 2023", D(2021, 1, 1), D(2023, 12, 31)),
        ("Every trimester", None, None),
        ("Ongoing", None, None),
    ],
)
def test_bounds(phrase: str, earliest: dt.date | None, latest: dt.date | None) -> None:
    span = parse_date(phrase)
    assert (span.earliest, span.latest) == (earliest, latest)


def test_2010_11_with_a_hyphen_is_the_canonical_month() -> None:
    assert parse_date("2010-11").iso() == "2010-11"
    assert parse_date("2010–11").iso() == "2010/2011"  # an en dash: two years
    assert parse_date("by 2021-06").iso() == "../2021-06"


# --- numeric dates ---------------------------------------------------------------------------


def test_day_first_settles_only_ambiguous_dates() -> None:
    assert parse_date("4/5/2014", day_first=True).iso() == "2014-05-04"
    assert parse_date("4/5/2014", day_first=False).iso() == "2014-04-05"
    # the text decides when it can: one table may mix both orders
    assert parse_date("4/30/2014", day_first=True).iso() == "2014-04-30"
    assert parse_date("30/9/2014", day_first=False).iso() == "2014-09-30"
    assert parse_date("5/5/2014").iso() == "2014-05-05"  # both orders agree
    assert parse_date("04.03.2021", day_first=True).iso() == "2021-03-04"
    assert parse_date("by 4/5/2014", day_first=True).iso() == "../2014-05-04"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31/2/2015", "day is out of range for month"),
        ("13/13/2015", "neither number can be the month"),
        ("2021/03/04", "a numeric date with the year first: write it YYYY-MM-DD"),
        ("from 4/5/2014 to 6/7/2014", "day and month order is ambiguous"),
    ],
)
def test_bad_numeric_dates(text: str, reason: str) -> None:
    with pytest.raises(DateParseError, match=reason):
        parse_date(text)


# --- seasons ---------------------------------------------------------------------------------


def test_the_southern_hemisphere_turns_the_seasons() -> None:
    spring = parse_date("primavera 2022", hemisphere="south")
    assert spring.iso() == "2022-09/2022-11"
    assert parse_date("primavera 2022").iso() == "2022-03/2022-05"
    summer = parse_date("verano 2022", hemisphere="south")
    assert (summer.earliest, summer.latest) == (D(2021, 12, 1), D(2023, 2, 28))
    assert parse_date("verano 2022-23", hemisphere="south").iso() == "2022-12/2023-02"
    assert parse_date("invierno 2022", hemisphere="south").iso() == "2022-06/2022-08"


def test_hemisphere_must_be_north_or_south() -> None:
    with pytest.raises(DateParseError, match="hemisphere must be 'north' or 'south'"):
        parse_date("spring 2022", hemisphere="east")  # type: ignore[arg-type]


# --- ongoing and recurring -------------------------------------------------------------------


def test_ongoing_has_no_bounds_and_is_never_over() -> None:
    span = parse_date("Permanent")
    assert span.ongoing and not span.is_single and not span.is_recurring
    assert (span.start, span.end, span.earliest, span.latest) == (None, None, None, None)
    assert span.precision is None
    assert not span.is_over_by(D(9999, 12, 31))
    assert str(span) == "Permanent"
    assert span == DateSpan.continuing("Permanent")


def test_a_recurrence_keeps_its_frequency_and_stated_end() -> None:
    span = parse_date("Biannually until 2029")
    assert span.frequency is Frequency.SEMIANNUAL and span.is_recurring
    assert span.start is None and span.end == PartialDate(2029)
    assert span.precision is Precision.YEAR
    assert not span.is_over_by(D(2029, 12, 31))
    assert span.is_over_by(D(2030, 1, 1))  # the recurrence has ended
    assert not parse_date("Every trimester").is_over_by(D(9999, 1, 1))
    assert span == DateSpan.every(Frequency.SEMIANNUAL, end=PartialDate(2029), phrase=span.phrase)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("R/P5Y", "unknown frequency 'P5Y' after 'R/'"),
        ("R/P1Y/", "expected YYYY"),
        ("R/P1Y/2030/2020", "range ends before it starts"),
        ("ongoing/2021", "expected YYYY"),
    ],
)
def test_bad_canonical_recurrences(text: str, reason: str) -> None:
    with pytest.raises(DateParseError, match=reason):
        DateSpan.from_iso(text)


def test_an_ongoing_span_has_nothing_else() -> None:
    with pytest.raises(DateParseError, match="an ongoing span has no start, end or frequency"):
        DateSpan(PartialDate(2020), None, ongoing=True)
    with pytest.raises(DateParseError, match="at least one end"):
        DateSpan(None, None)
    assert DateSpan.every(Frequency.MONTHLY).iso() == "R/P1M"  # a recurrence may have no bounds


# --- formats ---------------------------------------------------------------------------------

NEW_FORMS = [
    "Ongoing",
    "Biannually until 2029",
    "Every trimester",
    "monthly in 2022",
    "quarterly from 2021 to 2023",
    "By winter 2025",
    "Q1 2024-25",
    "2022–24",
]


def plan_with_new_forms() -> ActionPlan:
    return ActionPlan(
        id="ca",
        country="CA",
        title="Plan",
        language="en",
        period="2022–24",
        commitments=[
            Commitment(
                id="ca/c01",
                number=1,
                title="One",
                milestones=[
                    Milestone(id=f"ca/c01/m{n}", title=f"m{n}", due=phrase)
                    for n, phrase in enumerate(NEW_FORMS, 1)
                ],
            )
        ],
    )


def test_new_forms_round_trip_through_json_and_its_schema() -> None:
    plan = plan_with_new_forms()
    text = opengov.dump(plan) or ""
    document = json.loads(text)
    dues = [m["due"] for m in document["commitments"][0]["milestones"]]
    assert dues[0] == {"value": "ongoing", "phrase": "Ongoing"}
    assert dues[1] == {"value": "R/P6M/../2029", "phrase": "Biannually until 2029"}
    jsonschema.validate(document, json_schema("action_plan"))
    assert opengov.loads(text) == plan


def test_the_schema_refuses_what_the_reader_refuses() -> None:
    document = json.loads(opengov.dump(plan_with_new_forms()) or "")
    document["commitments"][0]["milestones"][0]["due"] = "R/P5Y"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, json_schema("action_plan"))


@pytest.mark.parametrize("suffix", ["/", ".zip"])
def test_new_forms_round_trip_through_tables(suffix: str, tmp_path: Path) -> None:
    plan = plan_with_new_forms()
    target = f"{tmp_path / 'plan'}{suffix}"
    opengov.dump(plan, target)
    assert opengov.load(target.rstrip("/")) == plan


@pytest.mark.parametrize("syntax", ["turtle", "nt", "json-ld"])
def test_new_forms_round_trip_through_rdf(syntax: str) -> None:
    plan = plan_with_new_forms()
    assert rdf.loads(rdf.dumps(plan, syntax), syntax) == plan


def test_rdf_states_only_the_bounds_a_span_has() -> None:
    graph = rdf.to_graph(plan_with_new_forms())
    og = OG
    by_due: dict[str, dict[str, str]] = {}
    for subject, predicate, value in graph:
        name = str(predicate).removeprefix(og)
        if name.startswith("due"):
            by_due.setdefault(str(subject), {})[name] = str(value)
    found = {facts["due"]: facts for facts in by_due.values()}
    assert set(found["ongoing"]) == {"due", "duePhrase"}
    assert found["R/P6M/../2029"]["dueLatest"] == "2029-12-31"
    assert "dueEarliest" not in found["R/P6M/../2029"]
    assert "dueEarliest" not in found["R/P3M"] and "dueLatest" not in found["R/P3M"]
    assert (found["2024/2025"]["dueEarliest"], found["2024/2025"]["dueLatest"]) == (
        "2024-01-01",
        "2025-12-31",
    )


def test_the_docs_refusal_table_is_true() -> None:
    """Every row of the "What is refused, and why" table of the dates page holds."""
    page = (Path(__file__).parents[1] / "docs" / "concepts" / "dates.md").read_text("utf-8")
    section = page.split("## What is refused, and why", 1)[1]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    assert len(rows) > 10
    for row in rows:
        texts, reason = row.strip("| ").split(" | ")
        for text in texts.strip("`").split("`, `"):
            with pytest.raises(DateParseError) as caught:
                parse_date(text)
            assert reason.split(" …")[0] in caught.value.reason, text


def test_a_long_text_is_refused_quickly() -> None:
    with pytest.raises(DateParseError, match="too long for a date phrase"):
        parse_date("in " * 2000 + "2020")
    with pytest.raises(DateParseError):
        parse_date("1-" * 2000 + "1")
