"""The command line: exit codes, messages, and never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import opengov
from _hostile import EVIDENCE, NESTED, run_cli, write
from opengov import LoadError
from opengov.cli.main import main
from opengov.io.rdf import OG


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def write_plan(path: Path, **changes: object) -> Path:
    data: dict[str, object] = {
        "schema_version": "1.0",
        "kind": "action_plan",
        "id": "p",
        "country": "FR",
        "title": "Plan",
        "commitments": [{"id": "p/c01", "number": 1, "title": "One"}],
    }
    data.update(changes)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.strip() == f"opengov {opengov.__version__}"


def test_validate_valid_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["validate", str(write_plan(tmp_path / "ok.json"))], capsys)
    assert code == 0
    assert out == ""
    assert "valid" in err


def test_validate_invalid_file_prints_paths(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = write_plan(
        tmp_path / "broken.json",
        title=" ",
        commitments=[
            {"id": "p/c01", "number": 1, "title": "One", "lead_organisations": ["p/org/x"]},
            {"id": "p/c01", "number": 2, "title": "Two"},
        ],
    )
    code, out, err = run(["validate", str(broken)], capsys)
    assert code == 1
    lines = out.splitlines()
    assert "$.title: the plan's title is empty [empty-title]" in lines
    assert (
        "$.commitments[1].id: id 'p/c01' is already used at $.commitments[0].id [duplicate-id]"
        in lines
    )
    assert any(
        line.startswith("$.commitments[0].lead_organisations[0]: no organisation") for line in lines
    )
    assert "invalid (3 error(s))" in err
    assert "Traceback" not in out + err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            '{"schema_version": "1.0", "kind": "action_plan", "id": "p", "country": "FR", "title": 5}',
            "$.title: expected text, got number 5",
        ),
        ('{"oops"', "not valid JSON"),
        ("[]", "a document must be a JSON object"),
        (b"\xff\xfe{", "not UTF-8 text"),
    ],
)
def test_unreadable_input_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | bytes, message: str
) -> None:
    path = tmp_path / "bad.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    code, _, err = run(["validate", str(path)], capsys)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_missing_file_and_unknown_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["validate", str(tmp_path / "nope.json")], capsys)
    assert code == 2
    assert "no such file" in err
    code, _, err = run(["validate", "not-a-dataset"], capsys)
    assert code == 2
    assert "cannot tell the format" in err


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["frobnicate"], capsys)
    assert code == 2
    assert "opengov: error:" in err
    code, _, _ = run([], capsys)
    assert code == 2


def test_convert_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_plan(tmp_path / "in.json")
    dest = tmp_path / "out.json"
    code, _, err = run(["convert", str(source), str(dest)], capsys)
    assert code == 0
    assert f"wrote {dest}" in err
    assert opengov.load(dest) == opengov.load(source)


def test_convert_to_unknown_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_plan(tmp_path / "in.json")
    code, _, err = run(["convert", str(source), str(tmp_path / "out.xlsx")], capsys)
    assert code == 2
    assert "cannot tell the format" in err
    assert not (tmp_path / "out.xlsx").exists()


def test_convert_to_an_unknown_format_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_plan(tmp_path / "in.json")
    code, _, err = run(["convert", str(source), str(tmp_path / "out"), "--to", "xlsx"], capsys)
    assert code == 2
    assert err == (
        "opengov: error: unknown format 'xlsx' (known: json, csv, csv-zip, turtle, nt, json-ld)\n"
    )
    assert not (tmp_path / "out").exists()


def test_convert_to_a_folder_named_as_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_plan(tmp_path / "in.json")
    dest = tmp_path / "tables"
    code, _, _ = run(["convert", str(source), str(dest), "--to", "csv"], capsys)
    assert code == 0
    assert opengov.load(dest) == opengov.load(source)


def test_report_of_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["report", str(write_plan(tmp_path / "p.json"))], capsys)
    assert code == 0
    assert out.startswith("Plan\n====")
    assert "  1. One" in out


def test_real_entry_point_shows_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": "1.0"', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "opengov", "validate", str(bad)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("opengov: cannot read")
    assert "Traceback" not in result.stderr


def test_writing_into_a_missing_folder_names_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "missing" / "out.json"
    code, _, err = run(["convert", "fr-2018-2020", str(target)], capsys)
    assert code == 2
    assert f"{tmp_path / 'missing'}: no such folder to write out.json into" in err
    assert ".tmp" not in err


def test_a_single_csv_file_points_to_the_ogp_importer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "export.csv"
    export.write_text("a,b\r\n1,2\r\n", encoding="utf-8")
    code, _, err = run(["validate", str(export)], capsys)
    assert code == 2
    assert "opengov ogp import" in err


def test_a_bad_base_iri_is_refused_before_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        ["convert", "fr-2018-2020", str(tmp_path / "out.ttl"), "--base", "not an iri"], capsys
    )
    assert code == 2
    assert err.startswith("opengov: error: not a usable base IRI: 'not an iri'")
    assert "does not look like a valid URI" not in err
    assert not (tmp_path / "out.ttl").exists()


@pytest.mark.hostile
def test_cli_on_hostile_inputs(tmp_path: Path, france_text: Callable[[str], str]) -> None:
    cases = {
        "nested.json": "[" * NESTED + "]" * NESTED,
        "kind.json": json.dumps({"schema_version": "1.0", "kind": {}}),
        "bad.zip": b"PK\x03\x04" + b"\x00" * 100,
        "nul.ttl": b"\x00\xff\xfe",
        "empty.nt": b"",
        "evidence.nt": france_text("nt") + f"<{EVIDENCE}> <{OG}hasItem> <{EVIDENCE}> .\n",
    }
    for name, data in cases.items():
        path = write(tmp_path / name, data)
        code, stderr = run_cli(["validate", str(path)])
        assert code == 2, (name, code, stderr)
        assert stderr.strip() and "internal error" not in stderr, (name, stderr)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "opengov", "validate", str(tmp_path / "nested.json")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr


@pytest.mark.hostile
@pytest.mark.parametrize(
    "name", ["[2021] plan.json", "{plan}.json", '{"kind": "action_plan"}.json', " [x].json"]
)
def test_a_file_name_that_looks_like_json_is_a_path(
    name: str, tmp_path: Path, france_text: Callable[[str], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A command-line argument is a path or a dataset name, never JSON text."""
    write(tmp_path / name, france_text("json"))
    monkeypatch.chdir(tmp_path)
    for argv in (["validate", name], ["score", name], ["ogp", "export", name, "out.csv"]):
        code, err = run_cli(argv)
        assert code == 0, err
    code, err = run_cli(["validate", "[1, 2].json"])  # no such file: not read as a JSON list
    assert code == 2
    assert err == "opengov: cannot read [1, 2].json: no such file\n"


@pytest.mark.hostile
def test_the_library_says_how_to_read_a_file_named_like_json(
    tmp_path: Path, france_text: Callable[[str], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "[2021] plan.json", france_text("json"))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(LoadError, match=r"give it as a pathlib\.Path"):
        opengov.load("[2021] plan.json")
    assert opengov.load(Path("[2021] plan.json")).id == "fr-2018-2020"
