"""Written files: the usual permissions (umask for a new file, the old mode for a replaced one),
errors that name the destination, and no half-written file when a write fails; hostile input
common to every format (NUL bytes, invalid UTF-8, byte-order marks, line ends, long strings,
devices, URLs)."""

from __future__ import annotations

import builtins
import errno
import io
import os
import re
import signal
import stat
import subprocess
import sys
import textwrap
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import opengov
from _hostile import (
    TARGETS,
    another_plan,
    deep_evidence_json,
    destination,
    expect_load_error,
    expect_load_error_or_plan,
    load_isolated,
    outcome,
    run_cli,
    write,
    write_tables,
)
from opengov import ActionPlan, LoadError, OpenGovError
from opengov.cli.main import main
from opengov.io import csv as csv_format
from opengov.io import json as json_format
from opengov.io import rdf as rdf_format
from opengov.io.files import FORMATS
from opengov.io.rdf.ontology import write_data_files

FRANCE = "fr-2018-2020"
OGP_SAMPLE = str(Path(__file__).parent / "data" / "ogp" / "open_parliament_0703.csv")


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
    "ogp export --spreadsheet-safe": (
        "safe.csv",
        lambda p: cli("ogp", "export", FRANCE, str(p), "--spreadsheet-safe"),
    ),
    "ogp import": ("plans.json", lambda p: cli("ogp", "import", OGP_SAMPLE, str(p), "--quiet")),
    "convert json-ld": ("plan.jsonld", lambda p: cli("convert", FRANCE, str(p))),
    "report -o markdown": (
        "report.md",
        lambda p: cli("report", FRANCE, "--format", "markdown", "-o", str(p)),
    ),
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
@pytest.mark.parametrize("kept", [0o644, 0o640, 0o604, 0o600], ids=oct)
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


#: Writes ``sys.argv[1]`` (a file, or a folder of tables when it ends with "/") and is killed
#: (SIGKILL, which nothing can catch) when the temporary is about to be renamed into place.
KILLED_WRITE = textwrap.dedent(
    """
    import os, signal, sys
    import opengov
    def killed(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGKILL)
    os.replace = os.rename = killed
    opengov.dump(opengov.datasets.load("fr-2018-2020"), sys.argv[1])
    """
)


def killed_write(dest: str) -> None:
    """Run a write of ``dest`` that is killed before it ends."""
    child = subprocess.run(
        [sys.executable, "-c", KILLED_WRITE, dest], capture_output=True, check=False
    )
    assert child.returncode == -signal.SIGKILL, child.stderr.decode()


@pytest.mark.hostile
@pytest.mark.parametrize("dest", ["plan.json", "plan.zip", "tables/"])
def test_temporaries_of_a_killed_write_are_removed_next_time(
    dest: str, france: ActionPlan, tmp_path: Path
) -> None:
    target = f"{tmp_path}/{dest}"
    killed_write(target)
    assert len(leftovers(tmp_path)) == 1, "the killed write left its temporary"
    assert not Path(target).exists()
    opengov.dump(france, target)
    assert leftovers(tmp_path) == []
    assert opengov.load(target) == france


@pytest.mark.hostile
def test_only_temporaries_no_writer_needs_are_removed(france: ActionPlan, tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        live = tmp_path / f".plan.json.{running.pid}-0123abcd.tmp"
        old = tmp_path / f".plan.json.{running.pid}-89abcdef.tmp"
        dead = tmp_path / ".plan.json.4194305-deadbeef.tmp"  # above Linux's largest process id
        earlier = tmp_path / ".plan.json.0badf00d.tmp"  # the naming of earlier versions
        for path in (live, old, dead, earlier):
            path.write_text("partial")
        two_days_ago = time.time() - 2 * 24 * 3600
        os.utime(old, (two_days_ago, two_days_ago))
        kept = [tmp_path / ".plan.json.notes", tmp_path / ".other.json.1-deadbeef.tmp"]
        for path in kept:
            path.write_text("not ours")
        outside = tmp_path / "outside"
        outside.write_text("precious")
        link = tmp_path / ".plan.json.4194306-feedface.tmp"
        link.symlink_to(outside)
        opengov.dump(france, target)
        assert live.exists(), "a running writer keeps its temporary"
        assert not old.exists() and not dead.exists()
        assert earlier.exists(), "an earlier version's temporary goes by age only"
        assert all(path.exists() for path in kept)
        assert link.is_symlink() and outside.read_text() == "precious"
    finally:
        running.kill()
        running.wait()
    opengov.dump(france, target)
    assert not live.exists(), "gone once its writer is"


@pytest.mark.hostile
def test_a_file_size_limit_is_named_by_the_cli(tmp_path: Path) -> None:
    """A real write failure from the kernel (the file size limit, as a full disk would): the
    message names the destination and nothing is left behind."""
    target = tmp_path / "plan.json"
    script = textwrap.dedent(
        """
        import resource, signal, sys
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))
        from opengov.cli.main import main
        sys.exit(main(["convert", "fr-2018-2020", sys.argv[1]]))
        """
    )
    child = subprocess.run(
        [sys.executable, "-c", script, str(target)], capture_output=True, text=True, check=False
    )
    assert child.returncode == 2
    assert child.stderr == f"opengov: error: {target}: File too large\n"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.hostile
@pytest.mark.parametrize("command", [["report"], ["score", "--json"], ["schema"]])
def test_a_full_standard_output_is_named(command: list[str]) -> None:
    """Standard output on a full disk (Linux's /dev/full): one line naming it, exit 2."""
    script = "import sys; from opengov.cli.main import main; sys.exit(main(sys.argv[1:]))"
    with open("/dev/full", "w") as full:
        child = subprocess.run(
            [sys.executable, "-c", script, *command],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert child.returncode == 2
    assert child.stderr == "opengov: error: standard output: No space left on device\n"


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


# --- hostile input: every format ---------------------------------------------------------------


@pytest.mark.hostile
@pytest.mark.parametrize("url", ["http://127.0.0.1:9/plan.json", "https://example.org/plan.ttl"])
def test_a_url_is_not_fetched(url: str, no_network: list[str]) -> None:
    expect_load_error(lambda: opengov.load(url))
    code, stderr = run_cli(["validate", url])
    assert code == 2 and stderr.strip()
    assert no_network == []


@pytest.mark.hostile
@pytest.mark.parametrize("depth", [40, 200])
def test_nesting_limit_is_the_same_in_every_format(
    depth: int, tmp_path: Path, france_text: Callable[[str], str]
) -> None:
    """A plan the JSON loader accepts is a valid plan: every format writes it and reads it back
    (one nesting limit for all formats, and writers that handle what readers accept)."""
    text = deep_evidence_json(france_text("json"), depth)
    result = outcome(lambda: json_format.loads(text), has_source=False)
    if isinstance(result, LoadError):
        return  # refused on input: consistent, nothing more to check
    failures = []
    for name in ("plan.json", "plan.zip", "plan.ttl", "plan.nt", "plan.jsonld"):
        try:
            opengov.dump(result, tmp_path / name)
            back = outcome(lambda name=name: opengov.load(tmp_path / name))
        except OpenGovError as exc:
            failures.append(f"{name}: cannot write: {str(exc)[:150]}")
            continue
        if back != result:
            failures.append(f"{name}: read back as {str(back)[:150]}")
    assert failures == [], f"evidence {depth} deep loads from JSON, but: {failures}"


SPECIAL_FILES = {
    "plan.json": "load",
    "plan.ttl": "load",
    "plan.zip": "load",
    "tables/meta.csv": "load",
    "export.csv": "ogp",
}


@pytest.mark.hostile
@pytest.mark.parametrize("name", sorted(SPECIAL_FILES))
def test_a_device_is_not_read_forever(name: str, tmp_path: Path) -> None:
    """A symbolic link to /dev/zero (size 0 for stat, endless to read), as a tar or a shared
    folder may hold: refused (not a regular file), or read no further than the input limit."""
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    link = tmp_path / name
    link.parent.mkdir(exist_ok=True)
    link.symlink_to("/dev/zero")
    target = link.parent if name.startswith("tables/") else link
    result = load_isolated(target, loader=SPECIAL_FILES[name])
    assert result["outcome"] == "LoadError", result


LONG = 2 * 2**20  # a 2 MiB title: long, valid, and should load in well under a second


@pytest.mark.hostile
@pytest.mark.parametrize("fmt", ["json", "csv", "zip", "turtle", "nt", "json-ld"])
def test_very_long_string(fmt: str, tmp_path: Path, france: ActionPlan) -> None:
    plan = attrs.evolve(france, title="Plan « long » ; " + "x" * LONG)
    suffix = {"json": ".json", "csv": "/", "zip": ".zip", "turtle": ".ttl", "nt": ".nt"}
    target = tmp_path / ("plan" + suffix.get(fmt, ".jsonld"))
    opengov.dump(plan, f"{target}/" if fmt == "csv" else target)
    assert outcome(lambda: opengov.load(target)) == plan


@pytest.mark.hostile
def test_nul_bytes(tmp_path: Path, france: ActionPlan, france_text: Callable[[str], str]) -> None:
    # Raw NUL inside a JSON string is not JSON; escaped, it is text like any other.
    raw = france_text("json").replace('"title": "', '"title": "\x00', 1)
    expect_load_error(lambda: opengov.load(write(tmp_path / "raw.json", raw)))
    escaped = france_text("json").replace('"title": "', '"title": "\\u0000', 1)
    expect_load_error_or_plan(lambda: opengov.load(write(tmp_path / "escaped.json", escaped)))
    files: dict[str, str | bytes] = dict(csv_format.to_text_files(france))
    files["plans.csv"] = str(files["plans.csv"]).replace("Plan", "Pl\x00an", 1)
    expect_load_error_or_plan(lambda: opengov.load(write_tables(tmp_path / "tables", files)))
    for fmt, suffix in [("turtle", ".ttl"), ("nt", ".nt"), ("json-ld", ".jsonld")]:
        for nul in ("\x00", "\\u0000"):
            text = france_text(fmt).replace("Plan", "Pl" + nul + "an", 1)
            path = write(tmp_path / f"nul{suffix}", text)
            expect_load_error_or_plan(lambda path=path: opengov.load(path))
    expect_load_error(lambda: opengov.load(write(tmp_path / "nul.json", b"\x00" * 1000)))


INVALID_UTF8 = [b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xc0\xaf", b"\xf8\x88\x80\x80\x80"]
TEXT_SUFFIXES = {"json": ".json", "turtle": ".ttl", "nt": ".nt", "json-ld": ".jsonld"}


@pytest.mark.hostile
@pytest.mark.parametrize("fmt", ["json", "csv", "zip", "turtle", "nt", "json-ld"])
def test_invalid_utf8(
    fmt: str, tmp_path: Path, france: ActionPlan, france_text: Callable[[str], str]
) -> None:
    for number, bad in enumerate(INVALID_UTF8):
        if fmt in ("csv", "zip"):
            files = {k: v.encode() for k, v in csv_format.to_text_files(france).items()}
            files["commitments.csv"] = files["commitments.csv"].replace(b"Plan", b"Pl" + bad, 1)
            if fmt == "zip":
                path = tmp_path / f"bad{number}.zip"
                with zipfile.ZipFile(path, "w") as archive:
                    for name, data in files.items():
                        archive.writestr(name, data)
            else:
                path = write_tables(tmp_path / f"bad{number}", dict(files))
        else:
            data = france_text(fmt).encode()
            at = data.index(b"Plan")
            path = write(tmp_path / f"bad{number}{TEXT_SUFFIXES[fmt]}", data[:at] + bad + data[at:])
        error = expect_load_error(lambda path=path: opengov.load(path))
        assert "UTF-8" in str(error), str(error)


@pytest.mark.hostile
@pytest.mark.parametrize("fmt", ["json", "csv", "zip", "turtle", "nt", "json-ld"])
def test_byte_order_mark(
    fmt: str, tmp_path: Path, france: ActionPlan, france_text: Callable[[str], str]
) -> None:
    bom = "\ufeff"
    if fmt in ("csv", "zip"):
        files = {k: bom + v for k, v in csv_format.to_text_files(france).items()}
        if fmt == "zip":
            path = tmp_path / "bom.zip"
            with zipfile.ZipFile(path, "w") as archive:
                for name, text in files.items():
                    archive.writestr(name, text.encode())
        else:
            path = write_tables(tmp_path / "bom", dict(files))
        assert outcome(lambda: opengov.load(path)) == france  # CSV tables may have a BOM
        return
    path = write(tmp_path / f"bom{TEXT_SUFFIXES[fmt]}", bom + france_text(fmt))
    result = expect_load_error_or_plan(lambda: opengov.load(path))
    assert isinstance(result, LoadError) or result == france


@pytest.mark.hostile
@pytest.mark.parametrize("fmt", ["json", "csv", "turtle", "nt", "json-ld"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_line_endings(fmt: str, newline: str, tmp_path: Path, france: ActionPlan) -> None:
    """Every line end rewritten (LF-only CSV, CRLF JSON/RDF): the same plan, when no text of
    the plan holds a line break of its own (CSV and N-Triples cells keep theirs)."""
    plan = attrs.evolve(france, description="one line")

    def convert(text: str) -> str:
        return text.replace("\r\n", "\n").replace("\n", newline)

    if fmt == "csv":
        files = {k: convert(v) for k, v in csv_format.to_text_files(plan).items()}
        path = write_tables(tmp_path / "tables", dict(files))
    else:
        text = opengov.dump(plan, format=fmt)
        assert text is not None
        path = write(tmp_path / f"plan{TEXT_SUFFIXES[fmt]}", convert(text))
    result = outcome(lambda: opengov.load(path))
    if isinstance(result, LoadError):
        pytest.fail(f"line ends {newline!r} refused: {result}")
    if fmt in ("csv", "turtle"):
        return  # quoted cells and long literals keep the rewritten line ends: a different text
    assert result == plan


# --- atomic writes -----------------------------------------------------------------------------


def snapshot(target: Path) -> dict[str, bytes] | None:
    if not target.exists():
        return None
    if target.is_dir():
        return {p.name: p.read_bytes() for p in sorted(target.iterdir())}
    return {target.name: target.read_bytes()}


def leftovers(folder: Path) -> list[str]:
    found = [p.name for p in folder.rglob("*") if re.fullmatch(r"\..*\.tmp", p.name)]
    return sorted(found)


class DiskFull(OSError):
    pass


def fail_serializer(monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    """Make the serializer of ``fmt`` fail part of the way through."""
    if fmt == "nt":
        ntriples_lines = rdf_format.ntriples_lines

        def some_lines(*args: Any, **kwargs: Any) -> Iterator[str]:
            for number, line in enumerate(ntriples_lines(*args, **kwargs)):
                if number == 50:
                    raise RuntimeError("serializer failed midway")
                yield line

        monkeypatch.setattr(rdf_format, "ntriples_lines", some_lines)
    elif fmt in ("turtle", "json-ld"):

        def serialize(*args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("serializer failed")

        monkeypatch.setattr(rdf_format, "turtle" if fmt == "turtle" else "jsonld", serialize)
    elif fmt == "json":

        def to_document(obj: object) -> Any:
            raise RuntimeError("serializer failed")

        monkeypatch.setattr(json_format, "to_document", to_document)
    else:
        original = csv_format.table_lines

        def table_lines(*args: Any) -> Any:
            original(*args)  # the meta table and every table's start are written by then
            raise RuntimeError("serializer failed midway")

        monkeypatch.setattr(csv_format, "table_lines", table_lines)


class _FullDisk:
    """A file whose first write stores half its bytes and then fails, as on a full disk."""

    def __init__(self, handle: Any) -> None:
        self._handle = handle

    def write(self, data: Any) -> int:
        self._handle.write(data[: len(data) // 2])
        raise DiskFull(28, "No space left on device")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()


def fail_writing(monkeypatch: pytest.MonkeyPatch, folder: Path, after: int = 0) -> None:
    """The disk fills up: the (after+1)-th file opened for writing under ``folder`` gets half
    of its first write, then an error (whatever API the writer uses: ``open``, ``Path.write_*``,
    ``zipfile``)."""
    opened: list[str] = []
    real_open = io.open

    def fake_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = real_open(file, mode, *args, **kwargs)
        writing = any(flag in mode for flag in "wax+")
        if writing and isinstance(file, str | Path) and str(file).startswith(str(folder)):
            opened.append(str(file))
            if len(opened) > after:
                return _FullDisk(handle)
        return handle

    monkeypatch.setattr(io, "open", fake_open)
    monkeypatch.setattr(builtins, "open", fake_open)


@pytest.mark.parametrize("existing", [False, True], ids=["new", "existing"])
@pytest.mark.parametrize("how", ["serializer", "disk"])
@pytest.mark.parametrize("fmt", sorted(TARGETS))
def test_failed_dump_leaves_no_half_written_file(
    fmt: str,
    how: str,
    existing: bool,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    france: ActionPlan,
) -> None:
    target = tmp_path / TARGETS[fmt]
    if existing:
        opengov.dump(france, destination(tmp_path, fmt))
    before = snapshot(target)
    with monkeypatch.context() as patch:
        if how == "serializer":
            fail_serializer(patch, fmt)
        else:
            fail_writing(patch, tmp_path, after=4 if fmt == "csv" else 0)
        with pytest.raises((RuntimeError, OSError, OpenGovError)):
            opengov.dump(another_plan(france), destination(tmp_path, fmt))
    assert snapshot(target) == before, "the target was changed by a failed dump"
    assert leftovers(tmp_path) == []
