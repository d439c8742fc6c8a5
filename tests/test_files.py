"""Written files: the usual permissions (umask for a new file, the old mode for a replaced one),
and errors that name the destination."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import opengov
from opengov import ActionPlan
from opengov.cli.main import main
from opengov.io import csv as csv_format
from opengov.io import json as json_format
from opengov.io import rdf as rdf_format
from opengov.io.files import FORMATS
from opengov.io.rdf.ontology import write_data_files

FRANCE = "fr-2018-2020"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=[0o022, 0o077, 0o002], ids=lambda m: f"umask-{m:03o}")
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    """Run the test under this umask, then put the previous one back."""
    previous = os.umask(request.param)
    try:
        yield int(request.param)
    finally:
        os.umask(previous)


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def cli(*args: str) -> None:
    assert main(list(args)) == 0


# Each writer: (the path it writes, given the test's folder) and how to write it there.
Writer = Callable[[Path], None]
FILE_WRITERS: dict[str, tuple[str, Writer]] = {
    "convert json": ("plan.json", lambda p: cli("convert", FRANCE, str(p))),
    "convert zip": ("plan.zip", lambda p: cli("convert", FRANCE, str(p))),
    "convert turtle": ("plan.ttl", lambda p: cli("convert", FRANCE, str(p))),
    "convert --to nt": ("plan.txt", lambda p: cli("convert", FRANCE, str(p), "--to", "nt")),
    "dump json": ("plan.json", lambda p: opengov.dump(opengov.datasets.load(FRANCE), p)),
    "dump zip": ("plan.zip", lambda p: opengov.dump(opengov.datasets.load(FRANCE), p)),
    "dump turtle": ("plan.ttl", lambda p: opengov.dump(opengov.datasets.load(FRANCE), p)),
    "dump json-ld": ("plan.jsonld", lambda p: opengov.dump(opengov.datasets.load(FRANCE), p)),
    "report -o": ("report.html", lambda p: cli("report", FRANCE, "--format", "html", "-o", str(p))),
    "ogp export": ("export.csv", lambda p: cli("ogp", "export", FRANCE, str(p))),
    "rdf schema": ("shapes.ttl", lambda p: write_data_files(p.parent)),
}
FOLDER_WRITERS: dict[str, Writer] = {
    "convert": lambda p: cli("convert", FRANCE, f"{p}/"),
    "dump": lambda p: opengov.dump(opengov.datasets.load(FRANCE), f"{p}/"),
}


@pytest.mark.parametrize("writer", sorted(FILE_WRITERS))
def test_a_new_file_gets_the_umask(writer: str, umask: int, tmp_path: Path) -> None:
    name, write = FILE_WRITERS[writer]
    write(tmp_path / name)
    assert oct(mode(tmp_path / name)) == oct(0o666 & ~umask)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("writer", sorted(FOLDER_WRITERS))
def test_a_new_csv_folder_gets_the_umask(writer: str, umask: int, tmp_path: Path) -> None:
    target = tmp_path / "tables"
    FOLDER_WRITERS[writer](target)
    assert oct(mode(target)) == oct(0o777 & ~umask)
    tables = sorted(target.iterdir())
    assert {"meta.csv", "plans.csv", "commitments.csv"} <= {t.name for t in tables}
    assert {oct(mode(t)) for t in tables} == {oct(0o666 & ~umask)}


def test_umask_022_gives_644_and_755(umask_022: None, tmp_path: Path) -> None:
    """The case a web server cares about, spelled out."""
    cli("convert", FRANCE, str(tmp_path / "plan.json"))
    cli("convert", FRANCE, str(tmp_path / "plan.zip"))
    cli("convert", FRANCE, f"{tmp_path / 'tables'}/")
    assert mode(tmp_path / "plan.json") == 0o644
    assert mode(tmp_path / "plan.zip") == 0o644
    assert mode(tmp_path / "tables") == 0o755
    assert mode(tmp_path / "tables" / "meta.csv") == 0o644


@pytest.mark.parametrize("writer", sorted(FILE_WRITERS))
@pytest.mark.parametrize("kept", [0o640, 0o604], ids=oct)
def test_a_replaced_file_keeps_its_mode(
    writer: str, kept: int, umask_022: None, tmp_path: Path
) -> None:
    name, write = FILE_WRITERS[writer]
    target = tmp_path / name
    target.write_text("previous", encoding="utf-8")
    target.chmod(kept)
    write(target)
    assert target.read_bytes() != b"previous"
    assert oct(mode(target)) == oct(kept)


@pytest.mark.parametrize("writer", sorted(FOLDER_WRITERS))
def test_an_existing_csv_folder_keeps_its_modes(
    writer: str, umask_022: None, tmp_path: Path
) -> None:
    target = tmp_path / "tables"
    target.mkdir(mode=0o750)
    (target / "plans.csv").write_text("previous", encoding="utf-8")
    (target / "plans.csv").chmod(0o640)
    FOLDER_WRITERS[writer](target)
    assert oct(mode(target)) == oct(0o750)
    assert (target / "plans.csv").read_text(encoding="utf-8") != "previous"
    assert oct(mode(target / "plans.csv")) == oct(0o640)
    assert oct(mode(target / "meta.csv")) == oct(0o644)  # new in the folder: the umask
    assert [p.name for p in tmp_path.iterdir()] == ["tables"]


# --- errors name the destination ------------------------------------------------------------


def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every write through a Path fails as on a full disk, naming the path written (the
    temporary), as ``open`` does."""

    def fail(self: Path, *args: object, **kwargs: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))

    monkeypatch.setattr(Path, "write_bytes", fail)
    monkeypatch.setattr(Path, "write_text", fail)


@pytest.mark.parametrize("dest", ["plan.json", "plan.ttl", "tables/"])
def test_a_write_failure_names_the_destination(
    dest: str, france: ActionPlan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / dest
    full_disk(monkeypatch)
    with pytest.raises(OSError, match="No space left on device") as caught:
        opengov.dump(france, f"{tmp_path}/{dest}")
    message = str(caught.value)
    assert "No space left on device" in message
    assert str(target) in message
    assert ".tmp" not in message
    assert caught.value.errno == errno.ENOSPC
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_the_cli_names_the_destination_of_a_failed_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    full_disk(monkeypatch)
    target = tmp_path / "report.txt"
    assert main(["report", FRANCE, "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err == f"opengov: error: {target}: No space left on device\n"


def test_a_folder_that_cannot_take_a_temporary_is_named(
    france: ActionPlan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Creating the temporary fails (no right to write there): the error names the file."""
    real_open = os.open

    def refuse(path: str | os.PathLike[str], flags: int, mode: int = 0o777) -> int:
        if Path(path).parent == tmp_path:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
        return real_open(path, flags, mode)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(PermissionError) as caught:
        opengov.dump(france, tmp_path / "plan.json")
    assert caught.value.filename == str(tmp_path / "plan.json")


# --- format modules ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_module_has_the_verbs(name: str) -> None:
    """Each registered module reads and writes files with ``load`` and ``dump``, and a text
    format has ``loads`` and ``dumps``."""
    fmt = FORMATS[name]
    module = fmt.plugin()
    assert callable(module.load) and callable(module.dump)
    text = name in ("json", "turtle", "nt", "json-ld")
    assert fmt.text is text
    assert (hasattr(module, "loads") and hasattr(module, "dumps")) is text


@pytest.mark.parametrize(
    ("module", "target", "options"),
    [
        (json_format, "plan.json", {}),
        (csv_format, "tables", {}),
        (csv_format, "plan.zip", {"zip": True}),
        (rdf_format, "plan.nt", {"format": "nt"}),
    ],
)
def test_a_format_module_round_trips_a_file(
    module: Any, target: str, options: dict[str, Any], tmp_path: Path
) -> None:
    plan = opengov.datasets.load("fr-2018-2020")
    module.dump(plan, tmp_path / target, **options)
    assert module.load(tmp_path / target, **options) == plan
    assert opengov.load(tmp_path / target) == plan


def test_options_a_format_does_not_take_are_ignored(tmp_path: Path) -> None:
    plan = opengov.datasets.load("fr-2018-2020")
    opengov.dump(plan, tmp_path / "plan.json", spreadsheet_safe=True, base="https://example.org/")
    assert (tmp_path / "plan.json").read_text(encoding="utf-8") == opengov.dump(plan)
