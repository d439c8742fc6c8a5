"""The bundled France 2018-2020 plan, checked against the seed report it was transcribed from."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import opengov
from opengov.model import (
    ActionPlan,
    Completion,
    Conformity,
    MilestoneStatus,
    Phase,
    PublicInfluence,
    read_verdict,
)


def squash(text: str) -> str:
    """Compare text across PDF-conversion differences: HTML/Markdown marks, spaces, apostrophes."""
    text = unicodedata.normalize("NFC", text).replace("’", "'")
    text = re.sub(r"<[^>]+>|\*\*|\*", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def test_loads_through_the_public_api(france: ActionPlan) -> None:
    assert "fr-2018-2020" in opengov.datasets.names()
    assert not opengov.datasets.info("fr-2018-2020").excerpt
    assert opengov.load(opengov.datasets.path("fr-2018-2020")) == france
    assert france.country == "FR"
    assert france.number == 2
    assert france.language == "fr"
    assert france.period is not None and france.period.iso() == "2018/2020"


def test_has_no_validation_error(france: ActionPlan) -> None:
    errors = [i for i in opengov.validate(france) if i.severity is opengov.Severity.ERROR]
    assert errors == []


def test_21_exact_titles(france: ActionPlan, seed_text: str) -> None:
    headings = {
        int(n): title.strip()
        for n, title in re.findall(r"^Engagement n°(\d+) [-–] (.+)$", seed_text, re.MULTILINE)
    }
    assert sorted(headings) == list(range(1, 22))
    assert [c.number for c in france.commitments] == list(range(1, 22))
    for commitment in france.commitments:
        assert commitment.title == headings[commitment.number]
        assert commitment.id == f"fr-2018-2020/c{commitment.number:02d}"


def test_lead_administrations(france: ActionPlan) -> None:
    several = {c.number for c in france.commitments if len(c.lead_organisations) > 1}
    assert several == {1, 2, 3, 6, 16}
    etalab = france.organisation(france.commitment(4).lead_organisations[0])
    assert etalab.name == (
        "Ministère de la Transformation et de la Fonction publiques, "
        "Direction interministérielle du numérique, Etalab"
    )
    assert etalab.hierarchy == [
        "Ministère de la Transformation et de la Fonction publiques",
        "Direction interministérielle du numérique",
        "Etalab",
    ]
    assert all(c.lead_organisations for c in france.commitments)


def test_five_ambitions_verbatim(france: ActionPlan, seed_text: str) -> None:
    assert len(france.ambitions) == 5
    for ambition in france.ambitions:
        assert squash(ambition) in squash(seed_text)


def test_completion_is_unknown_except_17(france: ActionPlan) -> None:
    for commitment in france.commitments:
        expected = Completion.LIMITED if commitment.number == 17 else Completion.UNKNOWN
        assert commitment.completion is expected
        assert commitment.completion_note
    assert "en avancement limité" in (france.commitment(17).completion_note or "")


def test_milestone_statuses_are_the_reports(france: ActionPlan, seed_text: str) -> None:
    squashed = squash(seed_text).casefold()
    for _, milestone in france.milestones():
        if milestone.status is MilestoneStatus.UNKNOWN:
            assert milestone.status_phrase is None
        else:
            assert milestone.status_phrase, milestone.id
            assert squash(milestone.status_phrase).casefold() in squashed
            assert MilestoneStatus.parse(milestone.status_phrase) is milestone.status


def test_commitment_5_ministry_table(france: ActionPlan) -> None:
    rows = [m for m in france.commitment(5).milestones if m.organisation is not None]
    assert len(rows) == 23
    assert [m.title for m in rows if m.added_after_adoption] == [
        "Ouverture des données de l'index d'égalité professionnelle"
    ]


def test_participation_tables(france: ActionPlan, seed_text: str) -> None:
    whole_cycle = [a for a in france.participation if a.phase is Phase.WHOLE_CYCLE]
    assert [(a.standard, a.verdict) for a in whole_cycle] == [
        ("ogp-2017/information", Conformity.FULL),
        ("ogp-2017/dialogue", Conformity.PARTIAL),
        ("ogp-2017/co-ownership", Conformity.LIMITED),
    ]
    for assessment in france.participation:
        if assessment.verdict_phrase:
            assert assessment.verdict_phrase in seed_text
            stated = (assessment.verdict, assessment.verdict_alternative)
            assert read_verdict(assessment.verdict_phrase) == stated
        for evidence in assessment.evidence:
            assert evidence.text
    assert france.overall_conformity is Conformity.PARTIAL


def test_public_influence_is_involve(france: ActionPlan) -> None:
    assert [(i.phase, i.level) for i in france.public_influence] == [
        (Phase.DEVELOPMENT, PublicInfluence.INVOLVE)
    ]


def test_key_recommendations_and_echoes(france: ActionPlan, seed_text: str) -> None:
    assert [r.number for r in france.key_recommendations] == [1, 2, 3, 4, 5]
    for rec in france.key_recommendations:
        assert squash(rec.text) in squash(seed_text)
    echoes = [sorted(int(e.rsplit("/", 1)[1]) for e in r.echoes) for r in france.responses]
    assert echoes == [[2], [3, 5], [3, 5], [4]]
    rec3 = france.key_recommendations[2]
    assert len(france.responses_to(rec3)) == 2
    assert france.recommendations_echoed_by(france.responses[1]) == [
        france.key_recommendations[2],
        france.key_recommendations[4],
    ]


def test_planned_steps_and_their_dates(france: ActionPlan) -> None:
    dated = [(a.date.phrase, a.date.iso()) for a in france.planned_actions if a.date is not None]
    assert dated == [
        ("Premier trimestre 2021", "2021-Q1"),
        ("Premier et second trimestres 2021", "2021-Q1/2021-Q2"),
        ("Second trimestre 2021", "2021-Q2"),
        ("Août 2021", "2021-08"),
    ]


def test_consultation_dates(france: ActionPlan) -> None:
    (consultation,) = france.consultations
    assert consultation.period is not None
    assert consultation.period.iso() == "2020-12-15/2021-01-21"
    assert consultation.observations


def test_personal_data_leaves_with_the_option(france: ActionPlan, tmp_path: Path) -> None:
    emails = [c.email for commitment in france.commitments for c in commitment.contacts if c.email]
    assert len(emails) >= 20
    opengov.dump(france, tmp_path / "public.json", personal_data=False)
    text = (tmp_path / "public.json").read_text(encoding="utf-8")
    assert not [e for e in emails if e in text]


def test_round_trips_through_json(france: ActionPlan) -> None:
    assert opengov.load(opengov.dump(france) or "") == france


def test_convert_command_output_holds_the_report(
    france: ActionPlan, tmp_path: Path, seed_text: str
) -> None:
    from opengov.cli.main import main

    target = tmp_path / "out.json"
    assert main(["convert", "fr-2018-2020", str(target)]) == 0
    converted = opengov.load(target)
    assert [c.title for c in converted.commitments] == [c.title for c in france.commitments]
    assert len(converted.ambitions) == 5
    assert len(converted.key_recommendations) == 5
    assert [a.verdict for a in converted.participation if a.verdict is not None]
    assert converted.public_influence[0].level is PublicInfluence.INVOLVE
    text = target.read_text(encoding="utf-8")
    assert '"level": "involve"' in text
    assert text.count('"verdict": "') == 7
