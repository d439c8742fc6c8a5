"""Every bundled dataset: loads, validates, round-trips through every format, tags its text
with its language in RDF, and goes through `opengov report` and `opengov score`."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal

import opengov
from opengov import Severity
from opengov.cli.main import main
from opengov.io.rdf import to_graph
from opengov.model import ActionPlan
from opengov.rules.progress import progress_units

NAMES = opengov.datasets.names()
TARGETS = ["plan.json", "plan-tables", "plan.zip", "plan.ttl", "plan.nt", "plan.jsonld"]


def test_every_dataset_has_a_card() -> None:
    for name in NAMES:
        info = opengov.datasets.info(name)
        assert info.title and info.terms and info.sources, name


@pytest.mark.parametrize("name", NAMES)
def test_loads_with_no_validation_error(name: str) -> None:
    plan = opengov.datasets.load(name)
    assert plan.id == name
    errors = [i for i in opengov.validate(plan) if i.severity is Severity.ERROR]
    assert errors == []


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("name", NAMES)
def test_round_trips_unchanged(name: str, target: str, tmp_path: Path) -> None:
    plan = opengov.datasets.load(name)
    fmt = "csv" if target == "plan-tables" else None
    opengov.dump(plan, tmp_path / target, format=fmt)
    assert opengov.load(tmp_path / target, format=fmt) == plan


@pytest.mark.parametrize("name", NAMES)
def test_rdf_tags_text_with_its_language(name: str) -> None:
    plan = opengov.datasets.load(name)
    graph = to_graph(plan)
    languages = {o.language for o in graph.objects() if isinstance(o, Literal) and o.language}
    assert plan.language.lower() in languages
    titles = {
        (str(o), o.language) for o in graph.objects() if isinstance(o, Literal) and o.language
    }
    for commitment in plan.commitments:
        assert (commitment.title, (commitment.language or plan.language).lower()) in titles
        for translation in commitment.translations:
            assert (translation.text, translation.language.lower()) in titles


def _has_history(plan: ActionPlan) -> bool:
    return any(unit.progress for _, _, unit in progress_units(plan))


@pytest.mark.parametrize("name", NAMES)
def test_report_and_score_run(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(opengov.datasets.path(name))
    plan = opengov.datasets.load(name)
    assert main(["report", path]) == 0
    report = capsys.readouterr().out
    assert plan.title in report
    assert main(["score", path]) == 0
    scored = capsys.readouterr().out
    if _has_history(plan):
        assert "Progress over time" in scored
        assert main(["report", path, "--format", "markdown"]) == 0
        assert "## " in capsys.readouterr().out


def test_a_malformed_card_is_our_error_naming_the_card(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    card = tmp_path / "xx-2020-2022.toml"
    (tmp_path / "xx-2020-2022.json").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(opengov.datasets, "path", lambda name: tmp_path / f"{name}.json")
    for text in ('title = "t"\nexcerpt = true\n', "title = [unclosed\n"):
        card.write_text(text, encoding="utf-8")
        with pytest.raises(opengov.LoadError) as caught:
            opengov.datasets.info("xx-2020-2022")
        (issue,) = caught.value.issues
        assert issue.path == "xx-2020-2022.toml" and issue.code == "dataset-card"
    card.write_text('title = "t"\nexcerpt = true\nterms = "CC BY 4.0"\n', encoding="utf-8")
    assert opengov.datasets.info("xx-2020-2022").sources == ()


def test_an_unknown_dataset_lists_the_bundled_ones() -> None:
    with pytest.raises(opengov.UnknownDatasetError, match="fr-2018-2020"):
        opengov.datasets.info("zz-1999")
