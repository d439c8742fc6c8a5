"""Progress over time: dated updates, the current status, "as of" scores and reports."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import opengov
from opengov.cli.main import main
from opengov.model import (
    ActionPlan,
    Commitment,
    Completion,
    Milestone,
    ProgressUpdate,
    latest_update,
    status_changes,
)
from opengov.reporting.documents import html_report, markdown_report
from opengov.rules import score
from opengov.rules.progress import current_completion, progress_history


def tracked() -> ActionPlan:
    """A plan whose tracker reported twice on a commitment and once on a milestone."""
    return ActionPlan(
        id="ca",
        country="CA",
        title="National Action Plan",
        commitments=[
            Commitment(
                id="ca/c1",
                number=1,
                title="Open data",
                progress=[
                    ProgressUpdate(
                        id="ca/c1/p2",
                        date="2023-09-30",
                        reporter="tracker",
                        scale="ca-nap5-tracker",
                        status_phrase="Substantial progress",
                        completion="substantial",
                    ),
                    ProgressUpdate(
                        id="ca/c1/p1",
                        date="2023-03-31",
                        reporter="tracker",
                        scale="ca-nap5-tracker",
                        status_phrase="Limited progress",
                        completion="limited",
                        percent=25,
                        expected_percent=50,
                    ),
                ],
                milestones=[
                    Milestone(
                        id="ca/c1/m1",
                        title="Publish the inventory",
                        progress=[
                            ProgressUpdate(
                                id="ca/c1/m1/p1", date="2023-06", status_phrase="Not started"
                            )
                        ],
                    )
                ],
            ),
            Commitment(id="ca/c2", number=2, title="Open budgets", completion="complete"),
        ],
    )


def test_the_current_status_is_the_latest_update() -> None:
    commitment = tracked().commitments[0]
    latest = latest_update(commitment.progress)
    assert latest is not None and latest.id == "ca/c1/p2"
    assert current_completion(commitment) == (Completion.SUBSTANTIAL, latest)
    earlier, _ = current_completion(commitment, dt.date(2023, 6, 30))
    assert earlier is Completion.LIMITED
    assert current_completion(commitment, dt.date(2023, 1, 1)) == (Completion.UNKNOWN, None)


def test_a_change_between_two_reporting_dates_is_visible() -> None:
    updates = tracked().commitments[0].progress
    before, after = status_changes(updates, dt.date(2023, 4, 1), dt.date(2023, 10, 1))
    assert before is not None and after is not None
    assert (before.completion, after.completion) == (Completion.LIMITED, Completion.SUBSTANTIAL)


def test_an_update_with_no_date_is_used_only_when_none_is_dated() -> None:
    undated = [ProgressUpdate(id="u1", status_phrase="Complete", completion="complete")]
    assert latest_update(undated) == undated[0]
    assert latest_update(undated, dt.date(2030, 1, 1)) is None


def test_score_reads_completions_from_the_history_as_of_a_day() -> None:
    plan = tracked()
    now = score(plan).figures["completion_rate"].value
    assert (now.achieved, now.known) == (2, 2)
    then = score(plan, as_of=dt.date(2023, 6, 30)).figures["completion_rate"].value
    assert (then.achieved, then.known) == (1, 2)
    history = progress_history(plan)
    assert list(history.value) == ["ca/c1", "ca/c1/m1"]
    assert [u["id"] for u in history.value["ca/c1"]] == ["ca/c1/p1", "ca/c1/p2"]
    assert history.inputs["changed"] == ["ca/c1"]
    assert progress_history(plan, dt.date(2023, 4, 30)).value == {
        "ca/c1": [history.value["ca/c1"][0]]
    }


def test_a_plan_without_history_scores_as_before(france: ActionPlan) -> None:
    assert "progress_history" not in score(france).figures


@pytest.mark.parametrize("render", [markdown_report, html_report])
def test_reports_show_the_history(render: object) -> None:
    assert callable(render)
    text = render(tracked())
    assert "Progress over time" in text
    for word in ("Limited progress", "Substantial progress", "Not started", "25%", "50%"):
        assert word in text
    assert text.index("Limited progress") < text.index("Substantial progress")


def test_cli_score_and_report_show_the_history(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ca.json"
    opengov.dump(tracked(), path)
    assert main(["score", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Progress over time" in out and "Limited progress [limited] 25% (expected 50%)" in out
    assert main(["score", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "progress_history" in json.dumps(data)
    assert main(["report", str(path), "--lang", "fr"]) == 0
    assert "Avancement dans le temps" in capsys.readouterr().out


def test_a_figure_stated_by_another_source_says_so() -> None:
    from opengov.model import StatedFigure
    from opengov.reporting.text import text_report

    plan = tracked()
    plan.stated_figures = [
        StatedFigure(name="Promising commitments", value="4", source="IRM action plan review"),
        StatedFigure(name="Commitments completed", value="18 of 21"),
    ]
    report = text_report(plan)
    assert "Stated by IRM action plan review: Promising commitments: 4" in report
    assert "Stated by the plan: Commitments completed: 18 of 21" in report
    assert score(plan).stated["Promising commitments"] == "4 (stated by IRM action plan review)"
