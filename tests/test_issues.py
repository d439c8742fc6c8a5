"""One record for every located message: ``opengov.Issue``, in validation, loading and OGP's export."""

from __future__ import annotations

import ast
import csv
import re
from pathlib import Path

import attrs
import pytest

import opengov
import opengov.errors
import opengov.io.json
import opengov.io.ogp
import opengov.rules
from _hostile import run_cli
from opengov import Issue, LoadError, Severity
from opengov.issues import MAX_TEXT, SHOWN_ISSUES, listed


def test_an_issue_reads_as_severity_place_message_and_code() -> None:
    issue = Issue("$.title", "empty-title", "the plan's title is empty")
    assert issue.severity is Severity.ERROR
    assert issue.located == "$.title: the plan's title is empty"
    assert str(issue) == "error $.title: the plan's title is empty [empty-title]"
    placeless = Issue("", "not-found", "no such file")
    assert (placeless.located, str(placeless)) == ("no such file", "error no such file [not-found]")


def test_the_value_at_fault_is_shown_after_the_message() -> None:
    issue = Issue(
        "row 3, column 'Status'",
        "unknown-label",
        "unknown label",
        value="Done\t",
        row=3,
        column="Status",
        commitment="AL0003",
    )
    assert issue.located == "row 3, column 'Status': unknown label (value 'Done\\t')"
    assert str(issue).endswith("(value 'Done\\t') [unknown-label]")
    assert (issue.row, issue.column, issue.commitment) == (3, "Status", "AL0003")


def test_an_issue_stays_on_one_line() -> None:
    """Control characters from the input are shown escaped, in the path and in the message."""
    issue = Issue("$.a\nb", "bad-value", "not a date: '1\r\n2'\x00", Severity.WARNING)
    assert issue.path == "$.a\\nb"
    assert issue.message == "not a date: '1\\r\\n2'\\x00"
    assert "\n" not in str(issue) and "\r" not in str(issue)
    assert str(issue) == "warning $.a\\nb: not a date: '1\\r\\n2'\\x00 [bad-value]"


def test_issues_are_frozen_values() -> None:
    issue = Issue("$.id", "empty-id", "id is empty")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        issue.path = "$.other"  # type: ignore[misc]
    moved = attrs.evolve(issue, path="$.plans[0].id")
    assert (moved.code, moved.message, moved.path) == ("empty-id", "id is empty", "$.plans[0].id")
    assert issue == Issue("$.id", "empty-id", "id is empty") and len({issue, moved}) == 2


def test_a_load_error_lists_its_issues_by_place() -> None:
    one = LoadError([Issue("$.id", "wrong-type", "expected text, got number 3")], source="p.json")
    assert str(one) == "p.json: $.id: expected text, got number 3"
    two = LoadError(
        [
            Issue("$.id", "wrong-type", "expected text, got number 3"),
            Issue("row 2, column 'X'", "unknown-label", "unknown label", value="Huge"),
        ]
    )
    assert str(two) == (
        "2 problems\n  $.id: expected text, got number 3\n"
        "  row 2, column 'X': unknown label (value 'Huge')"
    )
    assert [issue.code for issue in two.issues] == ["wrong-type", "unknown-label"]


def test_loaders_and_checks_give_the_same_record() -> None:
    with pytest.raises(LoadError) as caught:
        opengov.loads('{"schema_version": "1.0", "kind": "budget"}')
    (problem,) = caught.value.issues
    assert type(problem) is Issue
    assert (problem.path, problem.code, problem.severity) == ("$.kind", "unknown-kind", "error")
    plan = opengov.datasets.load("fr-2018-2020")
    plan.title = " "
    found = opengov.validate(plan)
    assert all(type(issue) is Issue for issue in found)
    assert Issue("$.title", "empty-title", "the plan's title is empty") in found


def test_the_public_api_has_one_issue_record() -> None:
    assert opengov.Issue is opengov.rules.Issue and opengov.Severity is opengov.rules.Severity
    for gone in ("Problem", "ExportWarning", "RowError"):
        assert gone not in opengov.__all__
        assert not hasattr(opengov, gone)
        assert not hasattr(opengov.errors, gone)
    assert not {"ExportWarning", "RowError"} & set(opengov.io.ogp.__all__)


# --- every code a loader gives is documented ---------------------------------------------------

SOURCE = Path(__file__).resolve().parent.parent / "src" / "opengov"
DOCS = Path(__file__).resolve().parent.parent / "docs"
#: Where the code is among the positional arguments of the calls that make issues.
CODE_ARGUMENT = {"Issue": 1, "_cell_issue": 2, "problem": 2, "fail": 1, "warn": 3}


def codes_in_source() -> set[str]:
    """The codes written in the package's source: the constant code argument of every call that
    makes an issue of a load or a warning of OGP's export (validation checks register theirs
    with ``@check``), and the codes ``_code`` gives to the converter's exceptions."""
    found: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        if path.name == "validation.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                at = CODE_ARGUMENT.get(name)
                if at is not None and len(node.args) > at:
                    argument = node.args[at]
                    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                        found.add(argument.value)
            elif isinstance(node, ast.FunctionDef) and node.name == "_code":
                found.update(
                    ret.value.value
                    for ret in ast.walk(node)
                    if isinstance(ret, ast.Return) and isinstance(ret.value, ast.Constant)
                )
    return found


def codes_in_table(page: str, header: str) -> set[str]:
    """The codes in the first column of the table under ``header`` on a documentation page."""
    text = (DOCS / page).read_text(encoding="utf-8")
    table = text.split(header, 1)[1].split("\n\n", 1)[0]
    return {
        code
        for line in table.splitlines()
        if line.startswith("| `")
        for code in re.findall(r"`([a-z0-9-]+)`", line.split(" | ")[0])
    }


def codes_documented() -> set[str]:
    """The load codes on the validation page, and the warning codes on the OGP export page."""
    loads = codes_in_table("concepts/validation.md", "| code | the input ... |")
    warnings = codes_in_table("how-to/ogp-export.md", "| code | meaning | what is kept |")
    assert warnings == {"twin", "label", "plan", "tag", "column", "derived"}
    return loads | warnings


def test_every_load_code_is_documented() -> None:
    found, documented = codes_in_source(), codes_documented()
    assert len(found) > 30, sorted(found)
    assert found == documented, (
        f"in the source, not on the page: {sorted(found - documented)}; "
        f"on the page, not in the source: {sorted(documented - found)}"
    )


# --- bounded messages --------------------------------------------------------------------------


def test_listed_names_stop_and_count_the_rest() -> None:
    assert listed(["a", "b"]) == "a, b"
    names = [f"c{i}" for i in range(20_000)]
    assert listed(names) == "c0, c1, c2, c3, c4, c5, c6, c7, c8, c9 and 19,990 more"
    assert listed(names, shown=1) == "c0 and 19,999 more"


def test_a_long_issue_is_cut_and_says_so() -> None:
    issue = Issue("x" * 5000, "bad-value", "y" * 5000, value="z" * 5000)
    assert len(issue.path) < MAX_TEXT + 40 and issue.path.endswith("(4,000 more characters)")
    assert len(issue.message) < MAX_TEXT + 40
    assert len(issue.located) < 4 * MAX_TEXT
    assert issue.value == "z" * 5000, "the value itself is kept"


def _longest_line(exc: LoadError) -> int:
    return max(len(line) for line in str(exc).splitlines())


@pytest.mark.hostile
def test_many_problems_print_a_bounded_message() -> None:
    exc = LoadError([Issue(f"t{i}.csv", "unknown-table", "unknown table") for i in range(20_000)])
    lines = str(exc).splitlines()
    assert len(lines) == SHOWN_ISSUES + 2
    assert lines[0] == "20,000 problems" and lines[-1] == "  … and 19,980 more"
    assert len(exc.issues) == 20_000, "the issues are all kept"


@pytest.mark.hostile
def test_csv_tables_with_many_unknown_columns_and_tables(tmp_path: Path) -> None:
    folder = tmp_path / "tables"
    opengov.dump(opengov.datasets.load("fr-2018-2020"), folder, format="csv")
    with (folder / "plans.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    extra = [f"unknown_column_{i}" for i in range(100_000)]
    rows = [rows[0] + extra, *(row + [""] * len(extra) for row in rows[1:])]
    with (folder / "plans.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(rows)
    with pytest.raises(LoadError) as caught:
        opengov.load(folder)
    assert "and 99,990 more" in str(caught.value)
    assert _longest_line(caught.value) < 1_000
    folder2 = tmp_path / "stray"
    opengov.dump(opengov.datasets.load("fr-2018-2020"), folder2, format="csv")
    for i in range(2_000):
        (folder2 / f"stray_{i}.csv").write_text("a\r\n1\r\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        opengov.load(folder2)
    assert len(str(caught.value).splitlines()) <= SHOWN_ISSUES + 2
    assert _longest_line(caught.value) < 2_000


@pytest.mark.hostile
def test_json_with_many_unknown_fields() -> None:
    document = opengov.io.json.to_dict(opengov.datasets.load("fr-2018-2020"))
    document["commitments"][0].update({f"unknown_{i}": 1 for i in range(100_000)})
    with pytest.raises(LoadError) as caught:
        opengov.io.json.from_dict(document)
    assert "and 99,990 more" in str(caught.value)
    assert _longest_line(caught.value) < 1_000


@pytest.mark.hostile
def test_ogp_import_prints_a_bounded_list(tmp_path: Path, ogp_export_path: Path) -> None:
    with ogp_export_path.open(encoding="utf-8-sig", newline="") as handle:
        rows = [row for _, row in zip(range(4), csv.reader(handle), strict=False)]
    extra = [f"Unknown {i}" for i in range(500)]
    rows = [rows[0] + extra, *(row + [""] * len(extra) for row in rows[1:])]
    export = tmp_path / "export.csv"
    with export.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(rows)
    code, err = run_cli(["ogp", "import", str(export), str(tmp_path / "plans.json")])
    assert code == 0
    warnings = [line for line in err.splitlines() if ": warning: " in line]
    assert len(warnings) == SHOWN_ISSUES
    assert f"… and {500 - SHOWN_ISSUES:,} more warnings" in err
    assert len(err.splitlines()) <= SHOWN_ISSUES + 3
