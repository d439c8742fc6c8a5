"""Status words read on the scales their sources declare: the real phrases of the plan excerpts,
the shipped scales and their sources, strict and lenient reading, IRM placeholders."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

import opengov
from opengov import AmbiguousStatusError, StatusError
from opengov.model import (
    SCALES,
    ActivityStatus,
    Completion,
    IRMPlaceholder,
    MilestoneStatus,
    StatusReading,
    StatusScale,
    StatusWord,
    Vocabulary,
    irm_placeholder,
    normalise_label,
    parse_status,
    read_status,
    register_scale,
    scale,
    status_readings,
    unregister_scale,
)
from opengov.model.scales import parse_scales
from opengov.model.vocab import Term

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
PLANS = DATA / "plans"

# --- The status phrases of tests/data/plans/README.md ----------------------------------------

#: Every row of the README's "Status and progress phrases found" that is a status word (the
#: government's or self-assessment's ``status_phrase``, or the OGP page's "Status:"), keyed by
#: (phrase, plan, level): the scale its source uses, what it means there, and its percentage.
STATUS_ROWS: dict[tuple[str, str, str], tuple[str, Vocabulary, Decimal | None]] = {
    ("Completed", "united-kingdom-2013-2015", "commitment"): (
        "uk-2013-self-assessment",
        Completion.COMPLETE,
        None,
    ),
    ("In progress", "united-kingdom-2013-2015", "commitment"): (
        "uk-2013-tracker",
        MilestoneStatus.IN_PROGRESS,
        None,
    ),
    ("Completed", "united-kingdom-2013-2015", "milestone"): (
        "uk-2013-tracker",
        MilestoneStatus.DONE,
        None,
    ),
    ("Closed", "united-kingdom-2013-2015", "milestone"): (
        "uk-2013-tracker",
        MilestoneStatus.UNKNOWN,
        None,
    ),
    ("Behind schedule", "united-kingdom-2013-2015", "milestone"): (
        "uk-2013-tracker",
        MilestoneStatus.UNKNOWN,
        None,
    ),
    ("Withdrawn", "united-kingdom-2013-2015", "commitment"): (
        "uk-2013-self-assessment",
        Completion.WITHDRAWN,
        None,
    ),
    ("Substantial", "united-kingdom-2013-2015", "commitment"): (
        "uk-2013-self-assessment",
        Completion.SUBSTANTIAL,
        None,
    ),
    ("Limited", "united-kingdom-2013-2015", "commitment"): (
        "uk-2013-self-assessment",
        Completion.LIMITED,
        None,
    ),
    ("Inactive", "france-2015-2017", "commitment"): (
        "ogp-page-status",
        ActivityStatus.INACTIVE,
        None,
    ),
    ("66%", "tunisia-2016-2018", "sub-commitment"): ("percent", Completion.UNKNOWN, Decimal(66)),
    ("33%", "tunisia-2016-2018", "sub-commitment"): ("percent", Completion.UNKNOWN, Decimal(33)),
    ("Active", "paris-france-2019-2021", "commitment"): (
        "ogp-page-status",
        ActivityStatus.ACTIVE,
        None,
    ),
    ("100%", "colombia-2020-2022", "milestone"): ("percent", Completion.UNKNOWN, Decimal(100)),
    ("0%", "colombia-2020-2022", "milestone"): ("percent", Completion.UNKNOWN, Decimal(0)),
}

#: The README's IRM placeholder values: states of an OGP page, never assessments.
PLACEHOLDER_ROWS = {
    "Pending IRM Review": IRMPlaceholder.PENDING_REVIEW,
    "examen IRM en attente": IRMPlaceholder.PENDING_REVIEW,
    "examen du MII en attente": IRMPlaceholder.PENDING_REVIEW,
    "en attente d'examen par le MII": IRMPlaceholder.PENDING_REVIEW,
    "No IRM Data": IRMPlaceholder.NO_DATA,
    "No early results to report yet": IRMPlaceholder.NO_EARLY_RESULTS_YET,
}

_ROW = re.compile(
    r"^\| (?P<phrase>.+?) \| (?P<plan>[a-z0-9-]+) \| (?P<level>[a-z-]+) \| (?P<fields>.+) \|$"
)


def readme_status_rows() -> list[dict[str, str]]:
    """The rows of the README's "Status and progress phrases found" table."""
    text = (PLANS / "README.md").read_text(encoding="utf-8")
    section = text.split("## Status and progress phrases found", 1)[1].split("\n## ", 1)[0]
    rows = [match.groupdict() for line in section.splitlines() if (match := _ROW.match(line))]
    assert len(rows) > 60
    return rows


def strings_in(value: object) -> Iterator[str]:
    """Every string of a JSON document."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def plan_strings(plan: str) -> set[str]:
    document = json.loads((PLANS / f"{plan}.json").read_text(encoding="utf-8"))
    return set(strings_in(document))


def test_every_status_word_of_the_readme_has_its_scale() -> None:
    """The README's status rows are exactly the rows above: a new status phrase in the corpus
    must be given its scale here."""
    status_rows = {
        (row["phrase"], row["plan"], row["level"])
        for row in readme_status_rows()
        if row["fields"] in ("status_phrase", "OGP page 'Status:'")
    }
    assert status_rows == set(STATUS_ROWS)


@pytest.mark.parametrize(("phrase", "plan", "level"), list(STATUS_ROWS))
def test_readme_status_word_reads_on_its_scale(phrase: str, plan: str, level: str) -> None:
    scale_id, meaning, percent = STATUS_ROWS[phrase, plan, level]
    assert phrase in plan_strings(plan), f"{phrase!r} should be quoted from {plan}.json"
    reading = parse_status(phrase, scale_id)
    assert reading == StatusReading(scale=scale_id, word=phrase, meaning=meaning, percent=percent)
    assert type(reading.meaning) is type(meaning)


def test_readme_placeholders_are_placeholders() -> None:
    placeholders = {
        row["phrase"]
        for row in readme_status_rows()
        if row["fields"].startswith("IRM") and irm_placeholder(row["phrase"]) is not None
    }
    assert placeholders == set(PLACEHOLDER_ROWS)


@pytest.mark.parametrize("phrase", list(PLACEHOLDER_ROWS))
def test_placeholder_is_no_status(phrase: str) -> None:
    assert irm_placeholder(phrase) is PLACEHOLDER_ROWS[phrase]
    with pytest.raises(StatusError, match="what an OGP page prints where no IRM assessment"):
        parse_status(phrase, "irm-completion")
    with pytest.raises(StatusError, match="no status scale"):
        read_status(phrase)


def test_readme_irm_labels_and_sentences_are_no_status_words() -> None:
    """IRM assessment labels ("High", "Marginal", "Oui"), plan-level sentences and blanks are
    on no shipped scale, and are no placeholders."""
    others = [
        row
        for row in readme_status_rows()
        if row["fields"] not in ("status_phrase", "OGP page 'Status:'")
        and row["phrase"] not in PLACEHOLDER_ROWS
    ]
    assert {"High", "Marginal", "Oui", "Faible", "(blank)"} <= {row["phrase"] for row in others}
    for row in others:
        phrase = "" if row["phrase"] == "(blank)" else row["phrase"]
        assert irm_placeholder(phrase) is None, phrase
        with pytest.raises(StatusError):
            read_status(phrase)


@pytest.mark.parametrize(
    ("phrase", "placeholder"),
    [
        # OGP pages in Spanish (tests/data/scales/observed.json): machine-translated variants.
        ("Revisión pendiente de IRM", IRMPlaceholder.PENDING_REVIEW),
        ("revisión pendiente de IRM", IRMPlaceholder.PENDING_REVIEW),
        ("Pendiente revisión de IRM", IRMPlaceholder.PENDING_REVIEW),
        ("revisión de IRM pendiente", IRMPlaceholder.PENDING_REVIEW),
        ("  pending irm review. ", IRMPlaceholder.PENDING_REVIEW),
    ],
)
def test_placeholders_in_spanish_and_spelling_variants(
    phrase: str, placeholder: IRMPlaceholder
) -> None:
    assert irm_placeholder(phrase) is placeholder


def test_spanish_placeholders_are_observed() -> None:
    observed = {value for entry in observed_sources() for group in entry for value in group}
    for phrase in ("Revisión pendiente de IRM", "Pendiente revisión de IRM"):
        assert phrase in observed
        assert irm_placeholder(phrase) is IRMPlaceholder.PENDING_REVIEW


@pytest.mark.parametrize("text", ["", "Marginal", "Complete", "Pending", "IRM Review", "66%"])
def test_other_text_is_no_placeholder(text: str) -> None:
    assert irm_placeholder(text) is None


# --- The shipped scales and their sources -----------------------------------------------------


def observed_sources() -> list[list[list[str]]]:
    document = json.loads((DATA / "scales" / "observed.json").read_text(encoding="utf-8"))
    return [entry["values"] for entry in document["sources"]]


def observed_values() -> set[str]:
    return {
        normalise_label(value)
        for values in observed_sources()
        for group in values
        for value in group
    }


def csv_cells(path: Path) -> set[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return {normalise_label(cell) for row in csv.reader(handle) for cell in row}


def text_of(path: Path) -> str:
    return normalise_label(path.read_text(encoding="utf-8"))


def quoted(key: str, text: str) -> bool:
    """Whether ``key`` occurs in ``text`` as whole words."""
    return re.search(rf"(?<!\w){re.escape(key)}(?!\w)", text) is not None


#: Where each shipped scale's words are found in the repository's copies of its sources: a set
#: of exact values (JSON strings, CSV cells, observed labels), or a text the word is quoted in.
WHERE_OBSERVED: dict[str, list[set[str] | str]] = {
    "irm-completion": [csv_cells(DATA / "ogp" / "open_parliament_0703.csv"), observed_values()],
    "ca-nap5-tracker": [observed_values()],
    "uk-2013-tracker": [{normalise_label(s) for s in plan_strings("united-kingdom-2013-2015")}],
    "uk-2013-self-assessment": [
        {normalise_label(s) for s in plan_strings("united-kingdom-2013-2015")}
    ],
    "fr-2018-2020-completion": [text_of(DATA / "seeds" / "france-2018-2020-self-assessment.txt")],
    "fr-2018-2020-milestones": [text_of(DATA / "seeds" / "france-2018-2020-self-assessment.txt")],
    "mx-2016-2018-dashboard": [observed_values(), text_of(PLANS / "README.md")],
    "percent": [],
    "ogp-page-status": [
        {normalise_label(s) for s in plan_strings("france-2015-2017")},
        {normalise_label(s) for s in plan_strings("paris-france-2019-2021")},
        observed_values(),
    ],
}


def test_the_shipped_scales() -> None:
    assert list(SCALES) == list(WHERE_OBSERVED)
    assert all(isinstance(each, StatusScale) for each in SCALES.values())
    assert scale("ca-nap5-tracker").languages == ("en", "fr")


@pytest.mark.parametrize("scale_id", list(WHERE_OBSERVED))
def test_every_shipped_word_is_quoted_from_its_source(scale_id: str) -> None:
    declared = scale(scale_id)
    assert declared.sources and all(len(source) > 20 for source in declared.sources)
    for word in declared.words:
        for spelling in word.spellings:
            key = normalise_label(spelling)
            found = [
                where
                for where in WHERE_OBSERVED[scale_id]
                if (key in where if isinstance(where, set) else quoted(key, where))
            ]
            assert found, f"{scale_id}: {spelling!r} is not quoted from the scale's sources"


def test_canada_codes_and_labels_are_one_word_each() -> None:
    canada = scale("ca-nap5-tracker")
    for code, english, french in next(
        values for values in observed_sources() if values[0][0] == "NS"
    ):
        readings = {parse_status(text, canada).meaning for text in (code, english, french)}
        assert len(readings) == 1, code
    assert parse_status("SP", canada).meaning is Completion.SUBSTANTIAL
    assert parse_status("Progrès limité", canada).meaning is Completion.LIMITED


def test_ranks_follow_the_meanings_on_completion_scales() -> None:
    for declared in SCALES.values():
        ranked = [word for word in declared.words if word.rank is not None]
        assert len({word.rank for word in ranked}) == len(ranked), declared.id
        if declared.target is not Completion:
            continue
        by_rank = sorted(ranked, key=lambda word: word.rank or 0)
        meaning_ranks = [word.meaning.rank for word in by_rank]
        assert None not in meaning_ranks, declared.id
        assert meaning_ranks == sorted(meaning_ranks), declared.id


def test_words_without_a_counterpart_say_why() -> None:
    for declared in SCALES.values():
        for word in declared.words:
            if not word.meaning.is_known:
                assert word.note, f"{declared.id}: {word.spellings[0]!r} needs a note"


# --- Reading a word on its scale ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "scale_id", "meaning"),
    [
        ("Limited progress", "ca-nap5-tracker", Completion.LIMITED),
        ("Non commencé", "ca-nap5-tracker", Completion.NOT_STARTED),
        ("not started", "irm-completion", Completion.NOT_STARTED),
        ("No Evidence Available", "irm-completion", Completion.UNKNOWN),
        ("Achévé", "fr-2018-2020-completion", Completion.COMPLETE),
        ("Non réalisé", "fr-2018-2020-completion", Completion.NOT_STARTED),
        ("non réalisé", "fr-2018-2020-milestones", MilestoneStatus.NOT_DONE),
        (
            "Réalisation : substantiel",
            "fr-2018-2020-milestones",
            MilestoneStatus.SUBSTANTIALLY_DONE,
        ),
        (
            "réalisé, actions au fil de l’eau",
            "fr-2018-2020-milestones",
            MilestoneStatus.DONE_ONGOING,
        ),
        ("SIN AVANCE", "mx-2016-2018-dashboard", MilestoneStatus.NOT_DONE),
        ("En Proceso", "mx-2016-2018-dashboard", MilestoneStatus.IN_PROGRESS),
        ("Activo", "ogp-page-status", ActivityStatus.ACTIVE),
    ],
)
def test_words_read_on_their_scale(word: str, scale_id: str, meaning: Vocabulary) -> None:
    reading = parse_status(word, scale_id)
    assert reading.meaning is meaning
    assert (reading.scale, reading.word, reading.percent) == (scale_id, word, None)
    assert parse_status(word, scale(scale_id)) == reading


@pytest.mark.parametrize(
    ("word", "meanings"),
    [
        # One word, two scales of one source, two meanings.
        (
            "Completed",
            {
                "uk-2013-tracker": MilestoneStatus.DONE,
                "uk-2013-self-assessment": Completion.COMPLETE,
            },
        ),
        (
            "Substantiel",
            {
                "fr-2018-2020-completion": Completion.SUBSTANTIAL,
                "fr-2018-2020-milestones": MilestoneStatus.SUBSTANTIALLY_DONE,
            },
        ),
        (
            "Non réalisé",
            {
                "fr-2018-2020-completion": Completion.NOT_STARTED,
                "fr-2018-2020-milestones": MilestoneStatus.NOT_DONE,
            },
        ),
        # Canada's French "Réalisé" is a completion level; France's is an action's status.
        (
            "Réalisé",
            {
                "ca-nap5-tracker": Completion.COMPLETE,
                "fr-2018-2020-milestones": MilestoneStatus.DONE,
            },
        ),
    ],
)
def test_a_word_means_what_its_scale_says(word: str, meanings: dict[str, Vocabulary]) -> None:
    for scale_id, meaning in meanings.items():
        assert parse_status(word, scale_id).meaning is meaning
    assert {reading.scale for reading in status_readings(word)} == set(meanings)
    with pytest.raises(AmbiguousStatusError) as caught:
        read_status(word)
    assert caught.value.meanings == [
        (scale_id, f"{type(meaning).__name__}.{meaning.name}")
        for scale_id, meaning in meanings.items()
    ]
    for scale_id in meanings:
        assert scale_id in str(caught.value)


def test_a_lenient_read_names_the_scale_it_used() -> None:
    reading = read_status("Limited")
    assert (reading.scale, reading.meaning) == ("irm-completion", Completion.LIMITED)
    assert [r.scale for r in status_readings("Limited")] == [
        "irm-completion",
        "uk-2013-self-assessment",
    ]
    assert read_status("Limited progress").scale == "ca-nap5-tracker"
    assert read_status("En Proceso").meaning is MilestoneStatus.IN_PROGRESS
    assert read_status("Inactive").meaning is ActivityStatus.INACTIVE
    only_uk = read_status("Completed", scales=["uk-2013-self-assessment"])
    assert only_uk.meaning is Completion.COMPLETE


@pytest.mark.parametrize(
    ("text", "percent"),
    [
        ("66%", Decimal(66)),
        ("33%", Decimal(33)),
        ("100%", Decimal(100)),
        ("0%", Decimal(0)),
        ("66 %", Decimal(66)),
        ("33,5\u00a0%", Decimal("33.5")),
        ("12.25%", Decimal("12.25")),
    ],
)
def test_percentages_keep_the_number_and_no_completion(text: str, percent: Decimal) -> None:
    reading = parse_status(text, "percent")
    assert reading.percent == percent
    # No source states which percentage is "limited" or "complete": not even 100% is guessed.
    assert reading.meaning is Completion.UNKNOWN
    assert read_status(text) == reading


@pytest.mark.parametrize("text", ["150%", "66", "%", "-5%", "66%%", "about 66%", "6 6%"])
def test_other_numbers_are_no_percentages(text: str) -> None:
    with pytest.raises(StatusError, match="percentage such as '66%'"):
        parse_status(text, "percent")


def test_a_word_off_its_scale_is_refused_with_the_scale_s_words() -> None:
    with pytest.raises(StatusError) as caught:
        parse_status("Terminé", "uk-2013-tracker")
    message = str(caught.value)
    assert "'Terminé' is not a word of status scale 'uk-2013-tracker'" in message
    assert "UK National Action Plan 2013-15" in message
    assert "expected one of: Completed; In progress; Behind schedule; Closed" in message
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, opengov.OpenGovError)
    with pytest.raises(StatusError, match="Not started / Non commencé / NS"):
        parse_status("En curso", "ca-nap5-tracker")
    with pytest.raises(StatusError, match="is not a word of status scale 'irm-completion'"):
        parse_status("66%", "irm-completion")


@pytest.mark.parametrize("word", ["", "   ", None, 3, ["Completed"]])
def test_blanks_and_non_text_are_refused(word: object) -> None:
    with pytest.raises(StatusError, match="uk-2013-tracker"):
        parse_status(word, "uk-2013-tracker")
    with pytest.raises(StatusError):
        read_status(word)


def test_an_unknown_scale_id_names_the_declared_ones() -> None:
    with pytest.raises(
        StatusError, match=r"no status scale 'es-tracker' \(declared: irm-completion, "
    ):
        parse_status("En curso", "es-tracker")
    with pytest.raises(StatusError, match="no status scale"):
        scale("es-tracker")


# --- Scales a user declares ----------------------------------------------------------------------


class Novelty(Vocabulary):
    """A user's vocabulary: whether a commitment starts something new."""

    NEW = Term("new", "New")
    CONTINUATION = Term("continuation", "Continuation of a pre-existing activity")
    UNKNOWN = Term("unknown", "Unknown")


#: "Ongoing" in a plan whose status column says how far each action has got ...
ONGOING_IN_PROGRESS = StatusScale(
    id="ongoing-as-progress",
    title="A status column: Done / Ongoing / Not started",
    target=MilestoneStatus,
    sources=["a plan's milestone table, as its legend explains the words (test declaration)"],
    words=[
        StatusWord(english="Done", meaning=MilestoneStatus.DONE, rank=2),
        StatusWord(english="Ongoing", meaning=MilestoneStatus.IN_PROGRESS, rank=1),
        StatusWord(english="Not started", meaning=MilestoneStatus.NOT_DONE, rank=0),
    ],
    languages=["en"],
    levels=["milestone"],
)
#: ... and in a plan that marks which commitments continue work begun before it.
ONGOING_PRE_EXISTING = StatusScale(
    id="ongoing-as-pre-existing",
    title="A novelty column: New / Ongoing",
    target=Novelty,
    sources=["a plan's commitment table, as its legend explains the words (test declaration)"],
    words=[
        StatusWord(english="New", meaning=Novelty.NEW),
        StatusWord(english="Ongoing", meaning=Novelty.CONTINUATION, note="Begun before the plan."),
    ],
    languages=["en"],
    levels=["commitment"],
)


def test_ongoing_means_what_its_declared_scale_says() -> None:
    assert parse_status("Ongoing", ONGOING_IN_PROGRESS).meaning is MilestoneStatus.IN_PROGRESS
    assert parse_status("ongoing", ONGOING_PRE_EXISTING).meaning is Novelty.CONTINUATION
    both = [ONGOING_IN_PROGRESS, ONGOING_PRE_EXISTING]
    with pytest.raises(AmbiguousStatusError) as caught:
        read_status("Ongoing", scales=both)
    assert caught.value.meanings == [
        ("ongoing-as-progress", "MilestoneStatus.IN_PROGRESS"),
        ("ongoing-as-pre-existing", "Novelty.CONTINUATION"),
    ]
    assert read_status("New", scales=both).scale == "ongoing-as-pre-existing"
    # Neither is registered: the shipped scales do not know the word.
    with pytest.raises(StatusError, match="word of no status scale"):
        read_status("Ongoing")


def test_unknown_members_of_two_vocabularies_are_two_meanings() -> None:
    """``Completion.UNKNOWN == MilestoneStatus.UNKNOWN`` as strings; as meanings they differ."""
    closed = StatusScale(
        id="closed-as-completion",
        title="A scale where 'Closed' has no known completion",
        target=Completion,
        sources=["test declaration"],
        words=[StatusWord(english="Closed", meaning=Completion.UNKNOWN, note="Not stated.")],
    )
    with pytest.raises(AmbiguousStatusError):
        read_status("Closed", scales=["uk-2013-tracker", closed])


@pytest.fixture
def registered() -> Iterator[StatusScale]:
    yield register_scale(ONGOING_IN_PROGRESS)
    unregister_scale(ONGOING_IN_PROGRESS.id)


def test_a_registered_scale_is_read_by_id_and_leniently(registered: StatusScale) -> None:
    assert SCALES["ongoing-as-progress"] is registered
    assert list(SCALES)[-1] == "ongoing-as-progress"
    assert parse_status("Ongoing", "ongoing-as-progress").meaning is MilestoneStatus.IN_PROGRESS
    assert read_status("ongoing").scale == "ongoing-as-progress"
    # "Not started" now means NOT_STARTED on three scales and NOT_DONE on this one.
    with pytest.raises(
        AmbiguousStatusError, match=r"ongoing-as-progress: MilestoneStatus\.NOT_DONE"
    ):
        read_status("Not started")
    with pytest.raises(StatusError, match="'ongoing-as-progress' is already declared"):
        register_scale(ONGOING_IN_PROGRESS)
    assert register_scale(ONGOING_IN_PROGRESS, replace=True) is registered
    with pytest.raises(StatusError, match="not a status scale"):
        register_scale("ongoing-as-progress")  # type: ignore[arg-type]


def test_unregistering_removes_a_scale() -> None:
    register_scale(ONGOING_PRE_EXISTING)
    assert unregister_scale("ongoing-as-pre-existing") is ONGOING_PRE_EXISTING
    assert "ongoing-as-pre-existing" not in SCALES
    with pytest.raises(StatusError, match="no status scale"):
        unregister_scale("ongoing-as-pre-existing")


def test_scales_are_frozen_values() -> None:
    declared = scale("mx-2016-2018-dashboard")
    with pytest.raises(AttributeError):
        declared.id = "other"  # type: ignore[misc]
    assert (
        declared
        == parse_scales(
            (ROOT / "src" / "opengov" / "model" / "data" / "scales.toml").read_text(
                encoding="utf-8"
            )
        )[6]
    )
    assert hash(declared) == hash(scale("mx-2016-2018-dashboard"))


def declare(**changes: object) -> StatusScale:
    arguments: dict[str, object] = {
        "id": "a-scale",
        "title": "A scale",
        "target": Completion,
        "sources": ["somewhere"],
        "words": [StatusWord(english="Done", meaning=Completion.COMPLETE)],
    }
    arguments.update(changes)
    return StatusScale(**arguments)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"id": "A Scale"}, "an id is lowercase words joined by '-'"),
        ({"id": ""}, "an id is lowercase words"),
        ({"sources": []}, "name the source its words come from"),
        ({"sources": ["  "]}, "name the source"),
        ({"target": str}, "the target must be a vocabulary"),
        ({"words": []}, "a scale has words, or reads percentages"),
        (
            {"words": [StatusWord(english="Done", meaning=MilestoneStatus.DONE)]},
            "means <MilestoneStatus.DONE: 'done'>, not a member of Completion",
        ),
        (
            {
                "words": [
                    StatusWord(english="Done", meaning=Completion.COMPLETE),
                    StatusWord(english="done.", meaning=Completion.LIMITED),
                ]
            },
            "'done.' is a spelling of two words",
        ),
        ({"words": [StatusWord(meaning=Completion.COMPLETE)]}, "a word has no spelling"),
        (
            {"words": [StatusWord(english="100%", meaning=Completion.COMPLETE)]},
            "'100%' cannot be a word",
        ),
        ({"levels": ["action"]}, "'action' is not a level"),
        ({"languages": ["english"]}, "'english' is not a two-letter language code"),
        (
            {"target": ActivityStatus, "words": [], "percentages": True},
            "ActivityStatus's unknown member, and it has none",
        ),
    ],
)
def test_a_wrong_declaration_is_refused(changes: dict[str, object], message: str) -> None:
    with pytest.raises(StatusError, match=re.escape(message)):
        declare(**changes)


def test_a_meaning_is_a_vocabulary_member() -> None:
    with pytest.raises(opengov.VocabularyError, match="a member of a vocabulary"):
        StatusWord(english="Done", meaning="complete")  # type: ignore[arg-type]
    with pytest.raises(opengov.VocabularyError, match="a member of a vocabulary"):
        StatusReading(scale="s", word="Done", meaning=None)  # type: ignore[arg-type]


def test_a_percentage_scale_of_a_user() -> None:
    tracker = declare(
        words=[StatusWord(spanish="Cumplido", meaning=Completion.COMPLETE)], percentages=True
    )
    assert parse_status("Cumplido", tracker).meaning is Completion.COMPLETE
    assert parse_status("40%", tracker) == StatusReading(
        scale="a-scale", word="40%", meaning=Completion.UNKNOWN, percent=Decimal(40)
    )


MINIMAL = """
[[scales]]
id = "x"
title = "X"
target = "Completion"
sources = ["s"]

[[scales.words]]
en = "Done"
meaning = "complete"
"""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[scales]\n", "scales.toml: not TOML"),
        (
            MINIMAL.replace('title = "X"', 'title = "X"\ncolour = "red"'),
            "scale 'x': unknown keys ['colour']",
        ),
        (
            MINIMAL.replace('"Completion"', '"Completions"'),
            "scale 'x': the target is one of Completion, ",
        ),
        (
            MINIMAL.replace('"complete"', '"finished"'),
            "scale 'x', word 1: no meaning of Completion",
        ),
        (
            MINIMAL.replace('meaning = "complete"', ""),
            "scale 'x', word 1: no meaning of Completion",
        ),
        (
            MINIMAL.replace('en = "Done"', 'en = "Done"\nlabel = "d"'),
            "word 1: unknown keys ['label']",
        ),
        (MINIMAL.replace('title = "X"\n', ""), "scale 'x': 'title' is missing"),
        (MINIMAL.replace('id = "x"', 'id = "X!"'), "scale 'X!': status scale 'X!': an id is"),
    ],
)
def test_a_malformed_data_file_names_the_scale(text: str, message: str) -> None:
    with pytest.raises(StatusError, match=re.escape(message)):
        parse_scales(text)


def test_the_data_file_declares_a_scale_as_python_does() -> None:
    (parsed,) = parse_scales(MINIMAL, source="mine.toml")
    assert parsed == StatusScale(
        id="x",
        title="X",
        target=Completion,
        sources=("s",),
        words=(StatusWord(english="Done", meaning=Completion.COMPLETE),),
    )


def test_word_labels_by_language() -> None:
    canada = scale("ca-nap5-tracker").words[1]
    assert (canada.label("en"), canada.label("fr"), canada.label("es")) == (
        "Limited progress",
        "Progrès limité",
        "Limited progress",
    )
    assert canada.spellings == ("Limited progress", "Progrès limité", "LP")
    assert scale("mx-2016-2018-dashboard").words[0].label("en") == "Sin Avance"


# --- The documentation ---------------------------------------------------------------------------


def test_the_docs_list_every_shipped_scale_and_word() -> None:
    page = (ROOT / "docs" / "concepts" / "model.md").read_text(encoding="utf-8")
    section = page.split("## Status scales", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    assert [row.split("`")[1] for row in rows] == list(SCALES)
    for row, declared in zip(rows, SCALES.values(), strict=True):
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        words = [f"{' / '.join(word.spellings)} → {word.meaning.value}" for word in declared.words]
        if declared.percentages:
            words.append("a percentage (“66%”) → unknown, with its number")
        assert cells == [
            f"`{declared.id}`",
            declared.title,
            f"`{declared.target.__name__}`",
            ", ".join(declared.levels),
            "; ".join(words),
        ]
