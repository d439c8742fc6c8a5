"""``opengov report`` and ``opengov score`` on a plan collection, and ``--plan ID``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import opengov
from opengov.cli.main import main
from opengov.model import ActionPlan, Commitment, Completion, DateSpan, PlanCollection
from opengov.reporting.collection import collection_html, collection_markdown, collection_text
from opengov.rules import score


@pytest.fixture(scope="module")
def plans_json(ogp_export_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real OGP export, imported once with ``opengov ogp import``."""
    dest = tmp_path_factory.mktemp("collection") / "plans.json"
    assert main(["ogp", "import", str(ogp_export_path), str(dest), "--quiet"]) == 0
    return dest


@pytest.fixture(scope="module")
def collection(plans_json: Path) -> PlanCollection:
    loaded = opengov.load(plans_json)
    assert isinstance(loaded, PlanCollection)
    return loaded


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def lines_per_plan(out: str, collection: PlanCollection, start: str = "", end: str = " ") -> int:
    """How many lines start with a plan's id; every plan must have exactly one."""
    lines = out.splitlines()
    for plan in collection.plans:
        found = [line for line in lines if line.startswith(f"{start}{plan.id}{end}")]
        assert len(found) == 1, (plan.id, found)
    return sum(
        1 for line in lines if any(line.startswith(start + p.id + end) for p in collection.plans)
    )


def test_the_export_is_a_large_collection(collection: PlanCollection) -> None:
    assert len(collection.plans) == 214
    assert sum(len(p.commitments) for p in collection.plans) == 558


def test_report_prints_one_line_per_plan_and_a_total(
    plans_json: Path, collection: PlanCollection, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["report", str(plans_json)], capsys)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "OGP commitment export (ogp-export)"
    assert lines_per_plan(out, collection) == len(collection.plans)
    france = next(line for line in lines if line.startswith("AP_FRA01 "))
    assert re.fullmatch(
        r"AP_FRA01 +France +2015/2017 +3  no completion known; 3 unknown "
        r"\(between 0% and 100% of all 3\)",
        france,
    )
    assert lines[-1] == (
        "Total: 214 plans, 558 commitments; completion: no completion known; "
        "558 unknown (between 0% and 100% of all 558)"
    )


def test_report_markdown_and_html_have_one_row_per_plan(
    plans_json: Path, collection: PlanCollection, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["report", str(plans_json), "--format", "markdown"], capsys)
    assert code == 0
    assert out.startswith("# OGP commitment export\n")
    assert lines_per_plan(out, collection, start="| ", end=" |") == len(collection.plans)
    assert "| **Total** | 214 plans | | **558** |" in out

    code, out, _ = run(["report", str(plans_json), "--format", "html"], capsys)
    assert code == 0
    assert out.startswith("<!DOCTYPE html>")
    assert lines_per_plan(out, collection, start="<tr><td>", end="</td>") == len(collection.plans)
    assert '<tr><td>Total</td><td>214 plans</td><td></td><td class="n">558</td>' in out
    assert "<script" not in out


def test_report_of_a_collection_to_a_file(
    plans_json: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "plans.md"
    code, out, err = run(
        ["report", str(plans_json), "--format", "markdown", "-o", str(target)], capsys
    )
    assert code == 0
    assert out == ""
    assert err == f"wrote {target}\n"
    assert target.read_text(encoding="utf-8").startswith("# OGP commitment export\n")


def test_score_prints_one_line_per_plan(
    plans_json: Path, collection: PlanCollection, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["score", str(plans_json)], capsys)
    assert code == 0, err
    assert lines_per_plan(out, collection, end=": ") == len(collection.plans)
    line = next(line for line in out.splitlines() if line.startswith("AP_FRA01: "))
    assert line == (
        "AP_FRA01: completion rate: no completion known; 3 unknown (between 0% and 100% of all 3); "
        "milestone statuses: none; acted contrary to process: unknown; "
        "acted according to process: unknown; starred: 2014 3, 2015 2; "
        "quadrants: ambitious_and_complete 3"
    )


def test_score_json_gives_one_scorecard_per_plan(
    plans_json: Path, collection: PlanCollection, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["score", str(plans_json), "--json", "--as-of", "2024-01-01"], capsys)
    assert code == 0
    cards = json.loads(out)
    assert [card["plan"] for card in cards] == [plan.id for plan in collection.plans]
    assert all(card["as_of"] == "2024-01-01" for card in cards)
    france = cards[[p.id for p in collection.plans].index("AP_FRA01")]
    assert france["unknown_completions"] == 3
    assert france["figures"]["starred"]["value"] == {"2014": 3, "2015": 2}


@pytest.mark.parametrize(
    "command",
    [
        ["report"],
        ["report", "--format", "markdown"],
        ["report", "--format", "html"],
        ["score"],
        ["score", "--json"],
    ],
)
def test_plan_picks_one_plan_as_if_written_alone(
    command: list[str],
    plans_json: Path,
    collection: PlanCollection,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    alone = tmp_path / "fra01.json"
    opengov.dump(collection.plan("AP_FRA01"), alone)
    code, expected, _ = run([*command, str(alone)], capsys)
    assert code == 0
    code, out, err = run([*command, str(plans_json), "--plan", "AP_FRA01"], capsys)
    assert code == 0, err
    assert out == expected
    assert "France action plan 1" in out
    # --plan on a single plan file whose id matches: the same output again
    code, again, _ = run([*command, str(alone), "--plan", "AP_FRA01"], capsys)
    assert (code, again) == (0, expected)


@pytest.mark.parametrize("command", ["report", "score"])
def test_unknown_plan_lists_the_choices(
    command: str, plans_json: Path, collection: PlanCollection, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run([command, str(plans_json), "--plan", "ap_fra1"], capsys)
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert lines[0] == f"opengov: error: {plans_json}: no plan with id 'ap_fra1'"
    assert lines[1].startswith("  did you mean 'AP_FRA01'")
    first = ", ".join(repr(p.id) for p in collection.plans[:20])
    assert lines[2] == (
        f"  {plans_json} holds 214 plans: {first}, and {len(collection.plans) - 20} more"
    )
    assert len(lines) == 3


def test_plan_on_a_single_plan_file(france: ActionPlan, capsys: pytest.CaptureFixture[str]) -> None:
    code, expected, _ = run(["report"], capsys)
    code, out, _ = run(["report", "--plan", france.id], capsys)
    assert (code, out) == (0, expected)
    code, out, err = run(["score", "fr-2018-2020", "--plan", "AP_FRA01"], capsys)
    assert code == 2
    assert out == ""
    assert err == (
        "opengov: error: fr-2018-2020: no plan with id 'AP_FRA01'\n"
        "  fr-2018-2020 holds 1 plan: 'fr-2018-2020'\n"
    )


def test_an_empty_collection(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.json"
    opengov.dump(PlanCollection(id="none", title="Nothing yet"), empty)
    code, out, _ = run(["report", str(empty)], capsys)
    assert code == 0
    assert out.splitlines()[-1] == "Total: 0 plans, 0 commitments; completion: no completion known"
    code, _, err = run(["report", str(empty), "--plan", "x"], capsys)
    assert code == 2
    assert err.splitlines()[1] == "  the collection holds no plans"


def test_the_total_adds_up_the_plans_and_keeps_unknowns_unknown(
    france: ActionPlan, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # France: 1 commitment of 21 with a known completion
    done = ActionPlan(
        id="done",
        country="FR",
        title="Done",
        commitments=[
            Commitment(id="done/c1", number=1, title="One", completion=Completion.COMPLETE),
            Commitment(id="done/c2", number=2, title="Two", completion=Completion.WITHDRAWN),
        ],
    )
    both = tmp_path / "both.json"
    opengov.dump(PlanCollection(id="both", plans=[france, done]), both)
    code, out, _ = run(["report", str(both)], capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "both (both)"
    for plan in (france, done):
        own = score(plan).figures["completion_rate"]
        from opengov.reporting.scorecard_view import value_text

        assert any(
            line.startswith(plan.id + " ") and line.endswith(value_text(own)) for line in lines
        )
    # 0 of 1 achieved in France, 1 of 1 in the other; 20 unknown; the withdrawn one left out
    assert lines[-1] == (
        "Total: 2 plans, 23 commitments; completion: 50% of 2 known; "
        "20 unknown (between 5% and 95% of all 22)"
    )


HOSTILE = "<script>alert(1)</script> | [x](javascript:alert(1)) `code` *b* &amp; \\|\n\x1b[31mred"


@pytest.fixture
def hostile() -> PlanCollection:
    plan = ActionPlan(
        id="evil<b>|id",
        country="FR",
        member=HOSTILE,
        title=HOSTILE,
        period=DateSpan.from_iso("2020/2022", phrase=HOSTILE),
        commitments=[Commitment(id="evil/c1", number=1, title=HOSTILE)],
    )
    plain = ActionPlan(id="plain", country="FR", title="Plain")
    return PlanCollection(id="hostile", title=HOSTILE, plans=[plan, plain])


@pytest.mark.hostile
def test_hostile_text_is_escaped_in_html(hostile: PlanCollection) -> None:
    page = collection_html(hostile)
    assert "<script" not in page
    assert "<b>" not in page
    assert "\x1b" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&amp;amp;" in page
    assert "<td>evil&lt;b&gt;|id</td>" in page
    assert page.count("<tr><td>") == 3  # two plans and the total


@pytest.mark.hostile
def test_hostile_text_is_escaped_in_markdown(hostile: PlanCollection) -> None:
    text = collection_markdown(hostile)
    # no HTML, link or code left unescaped (an even run of backslashes escapes nothing)
    assert not re.search(r"(?:^|[^\\])(?:\\\\)*[<\[`]", text, re.MULTILINE)
    assert "\x1b" not in text
    assert r"\\x1b\[31mred" in text  # shows as \x1b[31mred
    assert (
        r"&lt;script&gt;alert(1)&lt;/script&gt; \| \[x\](javascript:alert(1)) \`code\` \*b\* "
        r"&amp;amp; \\\|" in text
    )
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    assert len(rows) == 4  # header, two plans, total
    # every row has five cells: no pipe from the data opens a new one
    for row in rows:
        assert len(re.findall(r"(?<!\\)(?:\\\\)*\|", row)) == 6, row
    assert rows[1].startswith(r"| evil&lt;b&gt;\|id | ")


@pytest.mark.hostile
def test_hostile_text_is_one_line_in_the_terminal(hostile: PlanCollection) -> None:
    text = collection_text(hostile)
    assert "\x1b" not in text
    assert "\\x1b[31mred" in text
    lines = text.splitlines()
    assert sum(1 for line in lines if line.startswith("evil<b>|id ")) == 1
    assert sum(1 for line in lines if line.startswith("plain ")) == 1
