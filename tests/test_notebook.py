"""Notebook use: rich display, DataFrames, and the example notebook runs cell by cell."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pandas as pd
import pytest

import opengov
from _hostile import RAW_CONTROLS, poisoned
from opengov import ActionPlan
from opengov.rules import score

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_plans_commitments_and_scorecards_render_as_html(france: ActionPlan) -> None:
    html = france._repr_html_()  # type: ignore[attr-defined]
    assert "<table" in html
    assert "21 commitments (20 unknown, 1 limited)" in html
    assert "Accroître la transparence de la commande publique" in html
    commitment = france.commitment(2)._repr_html_()  # type: ignore[attr-defined]
    assert "<li>" in commitment
    assert "Done" in commitment
    card = score(france)._repr_html_()  # type: ignore[attr-defined]
    assert "completion rate" in card
    assert "20 unknown" in card


def test_the_scorecard_shows_stated_and_derived_verdicts(france: ActionPlan) -> None:
    """Each participation assessment: stated verdict (with its alternative), derived verdict,
    whether they agree and which requirements make them differ."""
    card = score(france)._repr_html_()  # type: ignore[attr-defined]
    table = card[card.index("Participation: stated and derived verdicts") :]
    rows = table.split("<tr>")[2:]
    assert len(rows) == len(france.participation) == 9
    assert (
        "<td>ogp-2017/dialogue</td><td>development</td><td>Full conformity</td>"
        "<td>Partial conformity</td><td>no: ogp-2017/dialogue/b1, ogp-2017/dialogue/b2</td>"
    ) in table
    assert "<td>Limited conformity (or not applicable)</td>" in table
    assert "<td>—</td><td>unknown</td><td>—</td>" in table


def test_dataframe_per_commitment_and_milestone(france: ActionPlan) -> None:
    commitments = opengov.to_dataframe(france)
    assert len(commitments) == 21
    assert list(commitments["number"]) == list(range(1, 22))
    assert commitments.loc[16, "completion"] == "limited"
    assert (commitments["completion"] == "unknown").sum() == 20
    milestones = opengov.to_dataframe(france, level="milestone")
    assert len(milestones) == 61
    assert milestones["status"].value_counts()["done"] == 17
    assert pd.api.types.is_datetime64_any_dtype(milestones["due_latest"])


def test_dataframe_of_a_collection(france: ActionPlan) -> None:
    from opengov.model import PlanCollection

    collection = PlanCollection(id="c", plans=[france])
    assert len(opengov.to_dataframe(collection)) == 21


def test_example_notebook_runs() -> None:
    notebook = json.loads((EXAMPLES / "plan-in-a-notebook.ipynb").read_text(encoding="utf-8"))
    namespace: dict[str, object] = {}
    cells = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    assert len(cells) >= 5
    for number, cell in enumerate(cells, 1):
        source = "".join(cell["source"])
        tree = ast.parse(source)
        last = tree.body[-1] if tree.body else None
        if isinstance(last, ast.Expr):  # like a notebook: evaluate the last expression
            body = ast.Module(tree.body[:-1], type_ignores=[])
            exec(compile(body, f"cell {number}", "exec"), namespace)
            value = eval(compile(ast.Expression(last.value), f"cell {number}", "eval"), namespace)
            if hasattr(value, "_repr_html_"):
                assert value._repr_html_()
        else:
            exec(compile(tree, f"cell {number}", "exec"), namespace)
    assert namespace["frame"] is not None


@pytest.mark.hostile
def test_notebook_html_shows_hostile_text_as_text(france: ActionPlan) -> None:
    plan = poisoned(france)
    for page in (plan._repr_html_(), plan.commitments[0]._repr_html_()):  # type: ignore[attr-defined]
        assert "<script" not in page and "<img" not in page
        assert not RAW_CONTROLS & set(page) - {"\n"}
