"""The report speaks the plan's language: French for a French plan, English for an English one,
and the language asked for with ``--lang`` / ``lang=``."""

from __future__ import annotations

import re
import string

import pytest

from opengov.cli.main import main
from opengov.errors import UnknownLanguageError
from opengov.model import ActionPlan, Commitment, Completion, Milestone, MilestoneStatus
from opengov.reporting import text_report
from opengov.reporting._frame import LANGUAGES, TABLES, Frame, report_frame
from opengov.reporting.documents import html_report, markdown_report


def _fields(phrase: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(phrase) if name}


def test_every_key_exists_in_every_language_with_the_same_placeholders() -> None:
    assert set(LANGUAGES) == {"en", "fr", "es"}
    english = TABLES["en"]
    for lang in LANGUAGES:
        table = TABLES[lang]
        assert set(table) == set(english), lang
        for key, phrase in table.items():
            assert phrase.strip(), (lang, key)
            assert _fields(phrase) == _fields(english[key]), (lang, key)


def test_the_frames_are_translated() -> None:
    keys = ("commitments", "participation", "milestones_done", "no_verdict", "scorecard")
    for key in keys:
        assert len({TABLES[lang][key] for lang in LANGUAGES}) == 3, key


def test_frame_follows_the_plan_unless_asked() -> None:
    assert report_frame("fr") == Frame("fr")
    assert report_frame("fr-BE") == Frame("fr")
    assert report_frame("ES") == Frame("es")
    assert report_frame("de") == Frame("en")
    assert report_frame("fr", "en") == Frame("en")
    assert report_frame("en", "es") == Frame("es")


def test_vocabulary_words_come_from_the_vocabulary() -> None:
    assert Frame("fr").label(MilestoneStatus.DONE) == "Réalisé"
    assert Frame("fr").label(Completion.COMPLETE) == "Achevé"
    assert Frame("en").label(Completion.COMPLETE) == "Complete"
    assert Frame("es").label(Completion.COMPLETE) == "Complete"  # no Spanish label: English


def test_unknown_language_is_our_error_listing_the_choices(france: ActionPlan) -> None:
    for render in (text_report, markdown_report, html_report):
        with pytest.raises(UnknownLanguageError, match=r"'de' \(available: en, es, fr\)"):
            render(france, lang="de")


def test_cli_refuses_an_unknown_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--lang", "de"]) == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'de'" in err
    assert "'en', 'fr', 'es'" in err
    assert "Traceback" not in err


def _html(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["report", *args, "--format", "html"]) == 0
    return capsys.readouterr().out


def _headings(page: str) -> list[str]:
    return re.findall(r"<h2>(.*?)</h2>", page)


def test_french_plan_gets_a_french_report(capsys: pytest.CaptureFixture[str]) -> None:
    page = _html(["fr-2018-2020"], capsys)
    assert page.count('<html lang="fr">') == 1
    assert _headings(page) == [
        "Ambitions",
        "Engagements",
        "Participation et co-création",
        "Auto-évaluation et MRI",
        "Recommandations clés du MRI",
        "Prochaines étapes prévues",
        "Tableau de bord",
    ]
    assert "<th>achèvement</th><th>jalons</th>" in page
    assert "<strong>Conformité partielle</strong>" in page
    assert "Jalons de chaque engagement, par statut" in page
    assert "Commitments" not in page


def test_lang_en_gives_english(capsys: pytest.CaptureFixture[str]) -> None:
    page = _html(["fr-2018-2020", "--lang", "en"], capsys)
    assert '<html lang="en">' in page
    assert _headings(page) == [
        "Ambitions",
        "Commitments",
        "Participation and co-creation",
        "Self-assessment beside the IRM",
        "IRM key recommendations",
        "Planned next steps",
        "Scorecard",
    ]
    assert "<strong>Partial conformity</strong>" in page
    assert "Engagements</h2>" not in page
    assert "Plan d&#x27;action 2018-2020" in page  # the plan's own text stays as written


def test_lang_es_gives_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    page = _html(["fr-2018-2020", "--lang", "es"], capsys)
    assert '<html lang="es">' in page
    assert _headings(page) == [
        "Ambiciones",
        "Compromisos",
        "Participación y cocreación",
        "Autoevaluación y MRI",
        "Recomendaciones clave del MRI",
        "Próximos pasos previstos",
        "Cuadro de indicadores",
    ]
    assert "<th>cumplimiento</th><th>hitos</th>" in page
    assert "<strong>Partial conformity</strong>" in page  # no Spanish label: English


def test_english_plan_gets_an_english_report() -> None:
    plan = ActionPlan(
        id="gb-2021",
        country="GB",
        title="National Action Plan",
        language="en",
        commitments=[
            Commitment(
                id="gb-2021/c01",
                number=1,
                title="Open contracting",
                completion=Completion.COMPLETE,
                milestones=[Milestone(id="gb-2021/c01/m1", title="Publish", status="done")],
            )
        ],
    )
    page = html_report(plan)
    assert '<html lang="en">' in page
    assert _headings(page) == ["Commitments", "Scorecard"]
    assert "<td>Complete</td>" in page
    text = text_report(plan)
    assert "Commitments\n-----------" in text
    assert "     completion: Complete" in text
    assert "     milestones done: 1 of 1 (100%)" in text
    french = text_report(plan, lang="fr")
    assert "Engagements\n-----------" in french
    assert "     achèvement : Achevé" in french
    assert "     jalons réalisés : 1 sur 1 (100\u00a0%)" in french
