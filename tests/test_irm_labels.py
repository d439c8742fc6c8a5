"""IRM labels as OGP's pages print them: every one of the plans' README table has its reading."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import opengov
from opengov.model.irm_labels import read_irm_label

README = Path(__file__).parent / "data" / "plans" / "README.md"

#: (label as printed, value as printed): (field of IRMAssessment, value code(s), placeholder).
#: A label with no field is kept verbatim on purpose (Ambition, Well-Designed?, Starred).
EXPECTED: dict[tuple[str, str], tuple[str | None, object, str | None]] = {
    ("Premiers résultats", "Majeur Majeurs"): ("did_it_open_government", "major", None),
    ("Pertinent pour les valeurs OGP", "Oui"): ("relevant", "yes", None),
    ("Vérifiable", "Oui"): ("verifiable", "yes", None),
    ("Ambition (voir définition)", "Haut"): (None, None, None),
    ("Achèvement", ""): ("completion_end_of_term", None, None),
    ("Potential Impact", ""): ("potential_impact", None, None),
    ("Starred", "No"): (None, None, None),
    ("Verifiable", "No"): ("verifiable", "no", None),
    ("Early Results", "Marginal"): ("did_it_open_government", "marginal", None),
    ("Relevant to OGP Values", "Access to Information , Technology"): (
        "values",
        ("access_to_information", "technology_and_innovation"),
        None,
    ),
    ("Relevant to OGP Values", "Yes"): ("relevant", "yes", None),
    ("Verifiable", "Yes"): ("verifiable", "yes", None),
    ("Well-Designed?", "Yes"): (None, None, None),
    ("Ambition (see definition)", "High"): (None, None, None),
    ("Completion", ""): ("completion_end_of_term", None, None),
    ("Impact potentiel", ""): ("potential_impact", None, None),
    ("Well-Designed?", "No"): (None, None, None),
    ("Early Results", "Pending IRM Review"): (None, None, "pending_review"),
    ("Relevant to OGP Values", "Access to Information , Civic Participation"): (
        "values",
        ("access_to_information", "civic_participation"),
        None,
    ),
    ("Étoilé", "non"): (None, None, None),
    ("Premiers résultats", "examen IRM en attente"): (None, None, "pending_review"),
    ("Vérifiable", "oui"): ("verifiable", "yes", None),
    ("Pertinent avec les valeurs du PGO", "accès à l'information, participation civique"): (
        "values",
        ("access_to_information", "civic_participation"),
        None,
    ),
    ("Premiers résultats", "marginaux"): ("did_it_open_government", "marginal", None),
    ("Relevant to OGP Values", "Access to Information , Public Accountability"): (
        "values",
        ("access_to_information", "public_accountability"),
        None,
    ),
    ("Ambition (see definition)", "Low"): (None, None, None),
    ("Completion", "Pending IRM Review"): (None, None, "pending_review"),
    ("Potential Impact", "Pending IRM Review"): (None, None, "pending_review"),
    ("Relevant to OGP Values", "Pending IRM Review"): (None, None, "pending_review"),
    ("Early Results", "No IRM Data"): (None, None, "no_data"),
    ("Early Results", "No early results to report yet"): (None, None, "no_early_results_yet"),
    ("Inception Report Summary / Relevance to OGP Values", "Yes"): ("relevant", "yes", None),
    ("Inception Report Summary / Verifiable", "Yes"): ("verifiable", "yes", None),
    ("Premiers résultats", "examen du MII en attente"): (None, None, "pending_review"),
    ("Ambition (voir définition)", "Faible"): (None, None, None),
    ("Achèvement", "en attente d'examen par le MII"): (None, None, "pending_review"),
}

#: Plan-level tallies: sentences, kept as the plan's stated figures on purpose.
TALLIES = {
    "6 (out of 21) commitments were fully completed",
    "11 were substantially completed",
    "3 were only completed to a limited extent",
    "1 was withdrawn",
    "Eighteen out of twenty-one commitments have been completed",
    "1 est complet, 10 sont partiels et 15 sont substantiels",
}

_ROW = re.compile(
    r"^\| (?P<phrase>.+?) \| (?P<plan>[a-z0-9-]+) \| (?P<level>[a-z-]+) \| (?P<fields>.+) \|$"
)


def readme_rows() -> list[dict[str, str]]:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Status and progress phrases found", 1)[1].split("\n## ", 1)[0]
    return [m.groupdict() for line in section.splitlines() if (m := _ROW.match(line))]


def test_every_irm_label_and_tally_of_the_readme_is_in_the_table() -> None:
    labels: set[tuple[str, str]] = set()
    tallies: set[str] = set()
    for row in readme_rows():
        phrase = "" if row["phrase"] == "(blank)" else row["phrase"]
        if row["level"] == "plan":
            tallies.add(phrase)
        labels.update((label, phrase) for label in re.findall(r"IRM '([^']+)'", row["fields"]))
    assert labels == set(EXPECTED)
    assert tallies == TALLIES


@pytest.mark.parametrize(("label", "value"), list(EXPECTED))
def test_reading(label: str, value: str) -> None:
    field, expected, placeholder = EXPECTED[label, value]
    reading = read_irm_label(label, value)
    assert reading.field == field
    got = reading.value
    shown = tuple(v.value for v in got) if isinstance(got, tuple) else getattr(got, "value", None)
    assert shown == expected
    assert (reading.placeholder.value if reading.placeholder else None) == placeholder
    assert reading.note or reading.value is not None


def test_tallies_are_stated_figures_of_their_datasets() -> None:
    stated = {
        figure.value
        for name in opengov.datasets.names()
        for figure in opengov.datasets.load(name).stated_figures
    }
    assert all(any(tally in value for value in stated) for tally in TALLIES), stated


def test_bundled_reviews_mark_exactly_the_placeholders() -> None:
    seen = 0
    for name in opengov.datasets.names():
        for commitment in opengov.datasets.load(name).commitments:
            for review in commitment.irm_reviews:
                for label in review.labels:
                    reading = read_irm_label(label.name, label.value)
                    assert label.state == reading.placeholder, (name, label)
                    seen += label.state is not None
    assert seen >= 10
