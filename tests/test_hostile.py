"""Hostile inputs, one by one (issue 7, "Reliability and security").

- No network while parsing: remote JSON-LD contexts are refused (or the shipped context used
  for the library's own context IRI), Turtle ``@prefix``/``@base`` and N-Triples fetch nothing.
- Limits: deep nesting, recursion bombs, zip bombs, huge numbers, very long strings, NUL bytes,
  invalid UTF-8, byte-order marks, line endings and unbalanced quotes end in a LoadError (or load,
  when the input is valid) within a bounded time and memory.
- Atomic writes: a failing ``opengov.dump`` leaves the target as it was and no temporary file.
- Personal data: exports made without personal data contain no contact name or e-mail address.

Slow cases run under a SIGALRM deadline (a BaseException the library cannot swallow), so a
regression fails in seconds instead of hanging; the bombs (zip, and evidence trees that unfold
exponentially) load in a child process with an address-space limit and a timeout.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import signal
import socket
import struct
import subprocess
import sys
import textwrap
import time
import urllib.request
import zipfile
import zlib
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import attrs
import pytest

import opengov
from opengov import ActionPlan, LoadError, OpenGovError
from opengov.cli.main import main
from opengov.io import json as json_format
from opengov.io.csv import to_text_files
from opengov.model import PlanCollection

CONTEXT_IRI = "https://w3id.org/opengov/context.jsonld"
OG = "https://w3id.org/opengov/ns#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
PLAN_IRI = "https://w3id.org/opengov/id/fr-2018-2020"
EVIDENCE = f"{PLAN_IRI}/participation/01#evidence/1"

#: The deadline of a hostile case that should be quick (the real work takes well under 1 s).
DEADLINE = 5.0


# --- helpers -----------------------------------------------------------------------------------


@cache
def france() -> ActionPlan:
    return opengov.datasets.load("fr-2018-2020")


@cache
def france_text(fmt: str) -> str:
    text = opengov.dump(france(), format=fmt)
    assert text is not None
    return text


class Overtime(BaseException):
    """Raised by the alarm: not an Exception, so no ``except Exception`` in the library hides it."""


@contextlib.contextmanager
def deadline(seconds: float = DEADLINE) -> Iterator[None]:
    def ring(signum: int, frame: object) -> None:
        raise Overtime

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    start = time.perf_counter()
    try:
        yield
    except Overtime:
        pytest.fail(f"still running after {seconds} s: unbounded time on a hostile input")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert time.perf_counter() - start < seconds


def check_error(exc: LoadError, *, has_source: bool = True) -> None:
    text = str(exc)
    assert text.strip()
    assert exc.problems
    if has_source:
        assert exc.source, text
    for problem in exc.problems:
        assert problem.path.strip() or exc.source, f"problem without a location: {problem!r}"
        assert "\n" not in str(problem) and "\r" not in str(problem), str(problem)


def outcome(load: Callable[[], Any], *, seconds: float = DEADLINE, has_source: bool = True) -> Any:
    """Run a loader under a deadline: the object, or the (well-formed) LoadError it raised."""
    with deadline(seconds):
        try:
            return load()
        except LoadError as exc:
            check_error(exc, has_source=has_source)
            return exc


def expect_load_error(load: Callable[[], Any], **options: Any) -> LoadError:
    result = outcome(load, **options)
    assert isinstance(result, LoadError), f"loaded a {type(result).__name__}"
    return result


def expect_load_error_or_plan(load: Callable[[], Any], **options: Any) -> Any:
    result = outcome(load, **options)
    assert isinstance(result, LoadError | ActionPlan | PlanCollection), type(result)
    return result


def write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def write_tables(folder: Path, files: dict[str, str | bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        write(folder / name, data)
    return folder


def replace_cell(text: str, row: int, column: str, value: str) -> str:
    """Set one cell of a CSV table (row 2 is the first data row) by column name."""
    from opengov.io.csv import decode_table, encode_table

    header, rows = decode_table(text, "t")
    rows[row - 2][header.index(column)] = value
    return encode_table(header, rows)


def nt_evidence(iri: str, position: int, text: str = "x") -> list[str]:
    return [
        f"<{iri}> <{RDF_TYPE}> <{OG}Evidence> .",
        f'<{iri}> <{OG}position> "{position}"^^<{XSD_INTEGER}> .',
        f'<{iri}> <{OG}text> "{text}"@fr .',
    ]


#: Loads a path in a child process with a cap on its address space; prints the outcome as JSON.
ISOLATED = textwrap.dedent(
    """
    import json, resource, sys
    limit = int(sys.argv[2])
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    import opengov
    try:
        if sys.argv[3] == "ogp":
            from opengov.io.ogp.reader import read_export
            obj = read_export(sys.argv[1]).collection
        else:
            obj = opengov.load(sys.argv[1])
        result = {"outcome": "loaded", "type": type(obj).__name__}
    except opengov.LoadError as exc:
        problems = [[p.path, p.message] for p in exc.problems[:20]]
        result = {"outcome": "LoadError", "source": exc.source, "problems": problems}
    except BaseException as exc:
        result = {"outcome": type(exc).__name__, "message": str(exc)[:300]}
    print(json.dumps(result))
    """
)


def load_isolated(
    path: Path, *, memory: int = 2**30, timeout: float = 10, loader: str = "load"
) -> dict[str, Any]:
    """Load ``path`` in a child process (1 GiB of address space, ``timeout`` seconds): a bomb
    that gets past the library fails the test instead of taking the machine down."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", ISOLATED, str(path), str(memory), loader],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"outcome": f"still running after {timeout} s"}
    try:
        result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        tail = done.stderr.strip().splitlines()[-1:] or [f"exit code {done.returncode}"]
        return {"outcome": "crashed", "message": tail[0]}
    if result["outcome"] == "LoadError":
        for path_, message in result["problems"]:
            assert path_.strip() or result["source"], result
            assert "\n" not in path_ + message, result
    return result


# --- 2. no network while parsing ---------------------------------------------------------------


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Block the network; every attempt is recorded (the library may turn our AssertionError
    into a LoadError, so the record is what the tests check)."""
    attempts: list[str] = []

    def refuse(name: str) -> Callable[..., Any]:
        def blocked(*args: Any, **kwargs: Any) -> Any:
            attempts.append(f"{name}{args!r}")
            raise AssertionError("network")

        return blocked

    monkeypatch.setattr(socket, "socket", refuse("socket.socket"))
    monkeypatch.setattr(socket, "create_connection", refuse("socket.create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("socket.getaddrinfo"))
    monkeypatch.setattr(urllib.request, "urlopen", refuse("urllib.request.urlopen"))
    return attempts


@pytest.mark.hostile
def test_the_network_block_sees_rdflib_fetching(no_network: list[str]) -> None:
    """The block works: rdflib left to itself does try to fetch a remote context."""
    import rdflib

    document = {"@context": REMOTE, "@id": "https://example.org/x", "name": "x"}
    with contextlib.suppress(Exception):  # whatever rdflib makes of our AssertionError
        rdflib.Graph().parse(data=json.dumps(document), format="json-ld")
    assert no_network, "rdflib reached for the network without being seen"
    no_network.clear()


def jsonld_document() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(france_text("json-ld"))
    return document


REMOTE = "http://127.0.0.1:9/context.jsonld"


def _remote_string(doc: dict[str, Any]) -> None:
    doc["@context"] = REMOTE


def _remote_in_list(doc: dict[str, Any]) -> None:
    doc["@context"] = [REMOTE, doc["@context"]]


def _remote_import(doc: dict[str, Any]) -> None:
    doc["@context"] = {**doc["@context"], "@import": REMOTE}


def _remote_scoped(doc: dict[str, Any]) -> None:
    doc["@context"] = {**doc["@context"], "og:scoped": {"@id": "og:scoped", "@context": REMOTE}}


def _remote_in_node(doc: dict[str, Any]) -> None:
    nodes = doc.get("@graph") or [doc]
    nodes[0]["@context"] = "https://example.org/nested-context.jsonld"


def _relative(doc: dict[str, Any]) -> None:
    doc["@context"] = "context.jsonld"


def _local_file(doc: dict[str, Any]) -> None:
    doc["@context"] = "file:///etc/passwd"


REMOTE_CONTEXTS = {
    "string": _remote_string,
    "list": _remote_in_list,
    "import": _remote_import,
    "scoped": _remote_scoped,
    "nested node": _remote_in_node,
    "relative": _relative,
    "file": _local_file,
}


@pytest.mark.hostile
@pytest.mark.parametrize("where", sorted(REMOTE_CONTEXTS))
def test_jsonld_remote_context_is_refused(
    where: str, tmp_path: Path, no_network: list[str]
) -> None:
    document = jsonld_document()
    REMOTE_CONTEXTS[where](document)
    path = write(tmp_path / "plan.jsonld", json.dumps(document))
    error = expect_load_error(lambda: opengov.load(path))
    assert no_network == []
    assert "context" in str(error).lower(), str(error)


@pytest.mark.hostile
def test_jsonld_own_context_iri_uses_the_shipped_context(
    tmp_path: Path, no_network: list[str]
) -> None:
    document = jsonld_document()
    assert isinstance(document["@context"], dict)
    document["@context"] = CONTEXT_IRI
    path = write(tmp_path / "plan.jsonld", json.dumps(document))
    plan = outcome(lambda: opengov.load(path))
    assert no_network == []
    assert plan == france()


@pytest.mark.hostile
def test_turtle_remote_prefix_and_base_fetch_nothing(tmp_path: Path, no_network: list[str]) -> None:
    header = (
        "@base <http://127.0.0.1:9/base/> .\n"
        "@prefix remote: <http://127.0.0.1:9/vocab#> .\n"
        "PREFIX other: <https://example.org/other#>\n"
    )
    path = write(tmp_path / "plan.ttl", header + france_text("turtle"))
    assert outcome(lambda: opengov.load(path)) == france()
    imports = france_text("turtle") + (
        "\n<http://127.0.0.1:9/base/> <http://www.w3.org/2002/07/owl#imports> "
        "<http://127.0.0.1:9/ontology.ttl> .\n"
    )
    path = write(tmp_path / "imports.ttl", header + imports)
    expect_load_error(lambda: opengov.load(path))
    assert no_network == []


@pytest.mark.hostile
def test_ntriples_fetch_nothing(tmp_path: Path, no_network: list[str]) -> None:
    extra = (
        "<http://127.0.0.1:9/x> <http://www.w3.org/2002/07/owl#imports> "
        "<http://127.0.0.1:9/ontology.nt> .\n"
    )
    path = write(tmp_path / "plan.nt", france_text("nt") + extra)
    expect_load_error(lambda: opengov.load(path))
    assert no_network == []


@pytest.mark.hostile
@pytest.mark.parametrize("url", ["http://127.0.0.1:9/plan.json", "https://example.org/plan.ttl"])
def test_a_url_is_not_fetched(url: str, no_network: list[str]) -> None:
    expect_load_error(lambda: opengov.load(url))
    code, stderr = run_cli(["validate", url])
    assert code == 2 and stderr.strip()
    assert no_network == []


# --- 3. limits: nesting and recursion ----------------------------------------------------------

NESTED = 100_000


@pytest.mark.hostile
@pytest.mark.parametrize("kind", ["lists", "objects"])
def test_deeply_nested_json(kind: str, tmp_path: Path) -> None:
    if kind == "lists":
        text = "[" * NESTED + "]" * NESTED
    else:
        text = '{"a": ' * NESTED + "1" + "}" * NESTED
    path = write(tmp_path / "nested.json", text)
    expect_load_error(lambda: opengov.load(path))
    expect_load_error(lambda: json_format.loads(text), has_source=False)
    expect_load_error(lambda: json_format.loads(text.encode()), has_source=False)
    jsonld = write(tmp_path / "nested.jsonld", text)
    expect_load_error(lambda: opengov.load(jsonld))


@pytest.mark.hostile
def test_deeply_nested_json_text_given_to_load() -> None:
    """``opengov.load`` takes JSON text as well as paths: hostile text is a LoadError too."""
    expect_load_error(
        lambda: opengov.load('{"a": ' * NESTED + "1" + "}" * NESTED), has_source=False
    )


@pytest.mark.hostile
@pytest.mark.parametrize("text", ["[" * NESTED + "]" * NESTED, " \n[]", "x" * 5000])
def test_text_that_is_neither_a_path_nor_an_object(text: str) -> None:
    """Not an object and not an existing file: a LoadError, not an OSError (name too long)."""
    with pytest.raises(LoadError):
        opengov.load(text)


def _deep_evidence_json(depth: int) -> str:
    item = '{"text": "leaf"}'
    for level in range(depth):
        item = f'{{"text": "level {level}", "items": [{item}]}}'
    document = json.loads(france_text("json"))
    document["participation"][0]["evidence"] = ["@@"]
    return json.dumps(document, ensure_ascii=False).replace('"@@"', item)


@pytest.mark.hostile
@pytest.mark.parametrize("depth", [100, 300, 1_000, 50_000])
def test_deeply_nested_evidence_json(depth: int, tmp_path: Path) -> None:
    path = write(tmp_path / "plan.json", _deep_evidence_json(depth))
    result = expect_load_error_or_plan(lambda: opengov.load(path))
    if depth >= 1_000:
        assert isinstance(result, LoadError)


@pytest.mark.hostile
@pytest.mark.parametrize("depth", [40, 200])
def test_nesting_limit_is_the_same_in_every_format(depth: int, tmp_path: Path) -> None:
    """A plan the JSON loader accepts is a valid plan: every format writes it and reads it back
    (one nesting limit for all formats, and writers that handle what readers accept)."""
    result = outcome(lambda: json_format.loads(_deep_evidence_json(depth)), has_source=False)
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


def _deep_evidence_tables(positions: list[str]) -> dict[str, str]:
    files = to_text_files(france())
    rows = files["assessment_evidence.csv"].rstrip("\r\n").split("\r\n")
    rows += [f"fr-2018-2020,fr-2018-2020/participation/01,{p},x," for p in positions]
    files["assessment_evidence.csv"] = "\r\n".join(rows) + "\r\n"
    return files


@pytest.mark.hostile
@pytest.mark.parametrize("depth", [100, 1_000, 5_000])
def test_deeply_nested_evidence_csv(depth: int, tmp_path: Path) -> None:
    positions = ["9" + ".1" * level for level in range(depth)]
    folder = write_tables(tmp_path / "tables", dict(_deep_evidence_tables(positions)))
    expect_load_error_or_plan(lambda: opengov.load(folder))


@pytest.mark.hostile
def test_csv_evidence_row_without_position(tmp_path: Path) -> None:
    """An empty position makes a row its own parent: must be a LoadError, not endless recursion."""
    files = to_text_files(france())
    files["assessment_evidence.csv"] = replace_cell(
        files["assessment_evidence.csv"],
        2,
        "position",
        None,  # type: ignore[arg-type]
    )
    folder = write_tables(tmp_path / "tables", dict(files))
    expect_load_error(lambda: opengov.load(folder))


@pytest.mark.hostile
def test_csv_duplicated_evidence_positions_are_not_a_bomb(tmp_path: Path) -> None:
    """Two rows per position, 24 levels deep (48 rows): each level doubles what is built if rows
    sharing a position all adopt the same children (2**25 evidence items). A LoadError (two
    items share a position, as the RDF reader says) or a plan, but quickly."""
    positions = []
    for level in range(24):
        positions += ["9" + ".1" * level] * 2
    folder = write_tables(tmp_path / "tables", dict(_deep_evidence_tables(positions)))
    result = load_isolated(folder)
    assert result["outcome"] in ("LoadError", "loaded"), result


def _nt_with(lines: list[str]) -> str:
    return france_text("nt") + "\n".join(lines) + "\n"


@pytest.mark.hostile
@pytest.mark.parametrize("depth", [100, 2_000])
def test_deeply_nested_evidence_rdf(depth: int, tmp_path: Path) -> None:
    lines, parent = [], EVIDENCE
    for level in range(depth):
        child = f"{EVIDENCE}/items/{level}"  # any IRI will do: short ones keep the file small
        lines.append(f"<{parent}> <{OG}hasItem> <{child}> .")
        lines += nt_evidence(child, 1)
        parent = child
    path = write(tmp_path / "plan.nt", _nt_with(lines))
    expect_load_error_or_plan(lambda: opengov.load(path))


@pytest.mark.hostile
@pytest.mark.parametrize("cycle", ["self", "two"])
def test_rdf_evidence_cycle(cycle: str, tmp_path: Path) -> None:
    if cycle == "self":
        lines = [f"<{EVIDENCE}> <{OG}hasItem> <{EVIDENCE}> ."]
    else:
        other = EVIDENCE + "/items/1"
        lines = [
            f"<{EVIDENCE}> <{OG}hasItem> <{other}> .",
            f"<{other}> <{OG}hasItem> <{EVIDENCE}> .",
            *nt_evidence(other, 1),
        ]
    path = write(tmp_path / "plan.nt", _nt_with(lines))
    expect_load_error(lambda: opengov.load(path))


@pytest.mark.hostile
def test_rdf_shared_evidence_is_not_a_bomb(tmp_path: Path) -> None:
    """Two items per level, each linking to both items of the next level (24 levels): a DAG of
    48 nodes that a tree walk unfolds into 2**25 evidence items. A LoadError (a resource
    reached twice) or a plan, but quickly."""
    lines, parents = [], [EVIDENCE]
    for level in range(24):
        children = [f"{EVIDENCE}/items/{level}/a", f"{EVIDENCE}/items/{level}/b"]
        for parent in parents:
            lines += [f"<{parent}> <{OG}hasItem> <{child}> ." for child in children]
        for position, child in enumerate(children, 1):
            lines += nt_evidence(child, position)
        parents = children
    path = write(tmp_path / "plan.nt", _nt_with(lines))
    result = load_isolated(path)
    assert result["outcome"] in ("LoadError", "loaded"), result


@pytest.mark.hostile
@pytest.mark.parametrize("shape", ["collection", "blank nodes"])
def test_deeply_nested_turtle(shape: str, tmp_path: Path) -> None:
    head = f"@prefix og: <{OG}> .\n<{PLAN_IRI}> og:x "
    if shape == "collection":
        body = "( " * NESTED + ") " * NESTED
    else:
        body = "[ og:y " * NESTED + "1 " + "] " * NESTED
    path = write(tmp_path / "nested.ttl", head + body + ".\n")
    expect_load_error(lambda: opengov.load(path))


# --- 3. limits: zip bombs ----------------------------------------------------------------------


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


def tables_zip(extra: list[tuple[str, bytes, int, int, int, int]]) -> bytes:
    members = [stored_member(name, text.encode()) for name, text in to_text_files(france()).items()]
    return raw_zip(members + extra)


@pytest.mark.hostile
def test_zip_member_declaring_a_huge_size(tmp_path: Path) -> None:
    data = deflated(b"a,b\r\n" * 1000)
    member = ("commitments.csv", data, 0, 0xFFFFFFF0, zipfile.ZIP_DEFLATED, 0)
    path = write(tmp_path / "bomb.zip", tables_zip([member]))
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
def test_damaged_zip_member(damage: str, tmp_path: Path) -> None:
    what, value = ZIP_DAMAGE[damage]
    content = to_text_files(france())["commitments.csv"].encode()
    data = deflated(content)
    name = "commitments.csv"
    method, flags = zipfile.ZIP_DEFLATED, 0
    if what == "deflate":
        data = data[:100] + bytes(b ^ 0x55 for b in data[100:200]) + data[200:]
    elif what == "method":
        method = value
    elif what == "flags":
        flags = value
    archive = tables_zip([(name, data, zlib.crc32(content), len(content), method, flags)])
    if what == "name":
        archive = tables_zip([stored_member("x.csv", b"key,value\r\n", flags=value)])
        archive = archive.replace(b"x.csv", b"\xcf.csv")
    elif what == "empty name":
        archive = tables_zip([stored_member("", b"key,value\r\n")])
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
def test_zip_with_a_table_twice(where: str, tmp_path: Path) -> None:
    """Two ``plans.csv`` in one archive: tools disagree on which one counts (the first, the
    last), so the same file would show different plans. Refuse it."""
    spoofed = to_text_files(attrs.evolve(france(), title="Spoofed title"))["plans.csv"]
    duplicate = "plans.csv" if where == "same name" else "other/plans.csv"
    archive = tables_zip([stored_member(duplicate, spoofed.encode())])
    expect_load_error(lambda: opengov.load(write(tmp_path / "twice.zip", archive)))


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
    if SPECIAL_FILES[name] == "ogp":
        pytest.importorskip("opengov.io.ogp.reader")
    link = tmp_path / name
    link.parent.mkdir(exist_ok=True)
    link.symlink_to("/dev/zero")
    target = link.parent if name.startswith("tables/") else link
    result = load_isolated(target, loader=SPECIAL_FILES[name])
    assert result["outcome"] == "LoadError", result


# --- 3. limits: numbers, long strings, odd bytes -----------------------------------------------

HUGE = "9" * 5000


@pytest.mark.hostile
@pytest.mark.parametrize("number", ["1e400", "-1e400", HUGE, "1" + "0" * 400, "1.5", "true"])
def test_huge_numbers_json(number: str) -> None:
    text = france_text("json").replace('"number": 1,', f'"number": {number},', 1)
    assert text != france_text("json")
    expect_load_error(lambda: json_format.loads(text), has_source=False)


@pytest.mark.hostile
def test_huge_numbers_csv_rdf(tmp_path: Path) -> None:
    files = to_text_files(france())
    files["commitments.csv"] = replace_cell(files["commitments.csv"], 2, "number", HUGE)
    expect_load_error(lambda: opengov.load(write_tables(tmp_path / "tables", dict(files))))
    turtle = re.sub(r"og:number \d+ ;", f"og:number {HUGE} ;", france_text("turtle"), count=1)
    assert turtle != france_text("turtle")
    expect_load_error(lambda: opengov.load(write(tmp_path / "plan.ttl", turtle)))
    jsonld = re.sub(r'"og:number": \d+,', f'"og:number": {HUGE},', france_text("json-ld"), count=1)
    assert jsonld != france_text("json-ld")
    expect_load_error(lambda: opengov.load(write(tmp_path / "plan.jsonld", jsonld)))


LONG = 2 * 2**20  # a 2 MiB title: long, valid, and should load in well under a second


def long_title_plan() -> ActionPlan:
    return attrs.evolve(france(), title="Plan « long » ; " + "x" * LONG)


@pytest.mark.hostile
@pytest.mark.parametrize("fmt", ["json", "csv", "zip", "turtle", "nt", "json-ld"])
def test_very_long_string(fmt: str, tmp_path: Path) -> None:
    plan = long_title_plan()
    suffix = {"json": ".json", "csv": "/", "zip": ".zip", "turtle": ".ttl", "nt": ".nt"}
    target = tmp_path / ("plan" + suffix.get(fmt, ".jsonld"))
    opengov.dump(plan, f"{target}/" if fmt == "csv" else target)
    assert outcome(lambda: opengov.load(target)) == plan


@pytest.mark.hostile
def test_unterminated_long_literal_turtle(tmp_path: Path) -> None:
    turtle = france_text("turtle").replace('"', '"""' + "a\n" * 2**20, 1)
    expect_load_error(lambda: opengov.load(write(tmp_path / "plan.ttl", turtle)))


@pytest.mark.hostile
def test_csv_unbalanced_quote_at_end(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = dict(to_text_files(france()))
    files["milestones.csv"] = str(files["milestones.csv"]) + '"never closed' + "x" * 2**20
    error = expect_load_error(lambda: opengov.load(write_tables(tmp_path / "tables", files)))
    assert any("milestones.csv" in p.path for p in error.problems), str(error)


@pytest.mark.hostile
def test_nul_bytes(tmp_path: Path) -> None:
    # Raw NUL inside a JSON string is not JSON; escaped, it is text like any other.
    raw = france_text("json").replace('"title": "', '"title": "\x00', 1)
    expect_load_error(lambda: opengov.load(write(tmp_path / "raw.json", raw)))
    escaped = france_text("json").replace('"title": "', '"title": "\\u0000', 1)
    expect_load_error_or_plan(lambda: opengov.load(write(tmp_path / "escaped.json", escaped)))
    files: dict[str, str | bytes] = dict(to_text_files(france()))
    files["plans.csv"] = str(files["plans.csv"]).replace("Plan", "Pl\x00an", 1)
    expect_load_error_or_plan(lambda: opengov.load(write_tables(tmp_path / "tables", files)))
    for fmt, suffix in [("turtle", ".ttl"), ("nt", ".nt"), ("json-ld", ".jsonld")]:
        for nul in ("\x00", "\\u0000"):
            text = france_text(fmt).replace("Plan", "Pl" + nul + "an", 1)
            path = write(tmp_path / f"nul{suffix}", text)
            expect_load_error_or_plan(lambda path=path: opengov.load(path))
    expect_load_error(lambda: opengov.load(write(tmp_path / "nul.json", b"\x00" * 1000)))


INVALID_UTF8 = [b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xc0\xaf", b"\xf8\x88\x80\x80\x80"]


@pytest.mark.hostile
@pytest.mark.parametrize("fmt", ["json", "csv", "zip", "turtle", "nt", "json-ld"])
def test_invalid_utf8(fmt: str, tmp_path: Path) -> None:
    for number, bad in enumerate(INVALID_UTF8):
        if fmt in ("csv", "zip"):
            files = {k: v.encode() for k, v in to_text_files(france()).items()}
            files["commitments.csv"] = files["commitments.csv"].replace(b"Plan", b"Pl" + bad, 1)
            if fmt == "zip":
                path = tmp_path / f"bad{number}.zip"
                with zipfile.ZipFile(path, "w") as archive:
                    for name, data in files.items():
                        archive.writestr(name, data)
            else:
                path = write_tables(tmp_path / f"bad{number}", dict(files))
        else:
            suffix = {"json": ".json", "turtle": ".ttl", "nt": ".nt", "json-ld": ".jsonld"}[fmt]
            data = france_text(fmt).encode()
            at = data.index(b"Plan")
            path = write(tmp_path / f"bad{number}{suffix}", data[:at] + bad + data[at:])
        error = expect_load_error(lambda path=path: opengov.load(path))
        assert "UTF-8" in str(error), str(error)


@pytest.mark.hostile
@pytest.mark.parametrize("fmt", ["json", "csv", "zip", "turtle", "nt", "json-ld"])
def test_byte_order_mark(fmt: str, tmp_path: Path) -> None:
    bom = "\ufeff"
    if fmt in ("csv", "zip"):
        files = {k: bom + v for k, v in to_text_files(france()).items()}
        if fmt == "zip":
            path = tmp_path / "bom.zip"
            with zipfile.ZipFile(path, "w") as archive:
                for name, text in files.items():
                    archive.writestr(name, text.encode())
        else:
            path = write_tables(tmp_path / "bom", dict(files))
        assert outcome(lambda: opengov.load(path)) == france()  # CSV tables may have a BOM
        return
    suffix = {"json": ".json", "turtle": ".ttl", "nt": ".nt", "json-ld": ".jsonld"}[fmt]
    path = write(tmp_path / f"bom{suffix}", bom + france_text(fmt))
    result = expect_load_error_or_plan(lambda: opengov.load(path))
    assert isinstance(result, LoadError) or result == france()


@pytest.mark.hostile
@pytest.mark.parametrize("fmt", ["json", "csv", "turtle", "nt", "json-ld"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_line_endings(fmt: str, newline: str, tmp_path: Path) -> None:
    """Every line end rewritten (LF-only CSV, CRLF JSON/RDF): the same plan, when no text of
    the plan holds a line break of its own (CSV and N-Triples cells keep theirs)."""
    plan = attrs.evolve(france(), description="one line")

    def convert(text: str) -> str:
        return text.replace("\r\n", "\n").replace("\n", newline)

    if fmt == "csv":
        files = {k: convert(v) for k, v in to_text_files(plan).items()}
        path = write_tables(tmp_path / "tables", dict(files))
    else:
        suffix = {"json": ".json", "turtle": ".ttl", "nt": ".nt", "json-ld": ".jsonld"}[fmt]
        text = opengov.dump(plan, format=fmt)
        assert text is not None
        path = write(tmp_path / f"plan{suffix}", convert(text))
    result = outcome(lambda: opengov.load(path))
    if isinstance(result, LoadError):
        pytest.fail(f"line ends {newline!r} refused: {result}")
    if fmt in ("csv", "turtle"):
        return  # quoted cells and long literals keep the rewritten line ends: a different text
    assert result == plan


@pytest.mark.hostile
@pytest.mark.parametrize("fmt", ["turtle", "nt", "json-ld"])
def test_rdf_text_syntax_errors_name_a_place(fmt: str) -> None:
    """``opengov.io.rdf.loads`` has no file name to give: its problems must locate themselves
    (as ``opengov.io.json.loads`` does with ``line L, column C``)."""
    from opengov.io.rdf import loads

    broken = france_text(fmt)[:2000] + "\n<<< nonsense >>>\n"
    with pytest.raises(LoadError) as caught:
        loads(broken, format=fmt)
    check_error(caught.value, has_source=False)


@pytest.mark.hostile
def test_json_kind_of_the_wrong_type() -> None:
    for kind in ({}, [], ["action_plan"], 1, None):
        document = json.loads(france_text("json"))
        document["kind"] = kind
        expect_load_error(
            lambda document=document: json_format.from_dict(document), has_source=False
        )
        text = json.dumps(document)
        expect_load_error(lambda text=text: json_format.loads(text), has_source=False)


@pytest.mark.hostile
def test_unknown_field_names_stay_on_one_line() -> None:
    document = json.loads(france_text("json"))
    document["commitments"][0]["line one\nline two"] = 1
    expect_load_error(lambda: json_format.loads(json.dumps(document)), has_source=False)


@pytest.mark.hostile
def test_rdf_literal_with_line_breaks_in_a_problem(tmp_path: Path) -> None:
    nt = france_text("nt").replace(
        f'<{PLAN_IRI}/c01> <{OG}number> "1"^^<{XSD_INTEGER}> .',
        f'<{PLAN_IRI}/c01> <{OG}number> "one\\ntwo"^^<{XSD_INTEGER}> .',
    )
    assert nt != france_text("nt")
    expect_load_error(lambda: opengov.load(write(tmp_path / "plan.nt", nt)))


@pytest.mark.hostile
def test_csv_header_with_line_breaks_in_a_problem(tmp_path: Path) -> None:
    from opengov.io.csv import decode_table, encode_table

    files: dict[str, str | bytes] = dict(to_text_files(france()))
    header, rows = decode_table(str(files["consultations.csv"]), "consultations")
    files["consultations.csv"] = encode_table(
        [*header, "line one\nline two"], [[*row, None] for row in rows]
    )
    expect_load_error(lambda: opengov.load(write_tables(tmp_path / "tables", files)))


BASES = [
    "https://example.org/plans/",
    "https://example.org/plans#",  # accepted by the writer: must read back too
    "http://example.org/a b>/",
    'http://example.org/"quoted"/',
    "http://example.org/line\nbreak/",
    "not an IRI/",
]


@pytest.mark.hostile
@pytest.mark.parametrize("base", BASES)
@pytest.mark.parametrize("fmt", ["plan.nt", "plan.ttl", "plan.jsonld"])
def test_hostile_base_iri(fmt: str, base: str, tmp_path: Path) -> None:
    """``--base`` is user input: the writer refuses it (DumpError) or what it writes reads
    back as the same plan; never a file the library cannot read."""
    plan = small_plan()
    try:
        opengov.dump(plan, tmp_path / fmt, base=base)
    except OpenGovError:
        assert not (tmp_path / fmt).exists()
        return
    result = outcome(lambda: opengov.load(tmp_path / fmt))
    assert result == plan, f"written with base {base!r}, read back as: {str(result)[:300]}"


# --- 4. atomic writes --------------------------------------------------------------------------

TARGETS = {"json": "plan.json", "turtle": "plan.ttl", "nt": "plan.nt", "json-ld": "plan.jsonld"}
TARGETS |= {"zip": "plan.zip", "csv": "tables"}


def small_plan() -> ActionPlan:
    """A plan that differs from the France plan in every table (its title is in plans.csv)."""
    plan = france()
    return attrs.evolve(plan, title="Another plan", commitments=plan.commitments[:3])


def snapshot(target: Path) -> dict[str, bytes] | None:
    if not target.exists():
        return None
    if target.is_dir():
        return {p.name: p.read_bytes() for p in sorted(target.iterdir())}
    return {target.name: target.read_bytes()}


def leftovers(folder: Path) -> list[str]:
    found = [p.name for p in folder.rglob("*") if re.fullmatch(r"\..*\.tmp", p.name)]
    return sorted(found)


def dest(tmp_path: Path, fmt: str) -> str:
    target = tmp_path / TARGETS[fmt]
    return f"{target}/" if fmt == "csv" else str(target)


class DiskFull(OSError):
    pass


def fail_serializer(monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    """Make the serializer of ``fmt`` fail part of the way through."""
    if fmt == "nt":
        import opengov.io.rdf as rdf
        from opengov.io.rdf._ntriples import ntriples_lines

        def some_lines(*args: Any, **kwargs: Any) -> Iterator[str]:
            for number, line in enumerate(ntriples_lines(*args, **kwargs)):
                if number == 50:
                    raise RuntimeError("serializer failed midway")
                yield line

        monkeypatch.setattr(rdf, "ntriples_lines", some_lines)
    elif fmt in ("turtle", "json-ld"):
        import rdflib

        def serialize(*args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("serializer failed")

        monkeypatch.setattr(rdflib.Graph, "serialize", serialize)
    elif fmt == "json":
        import opengov.io.json as module

        def to_document(obj: object) -> Any:
            raise RuntimeError("serializer failed")

        monkeypatch.setattr(module, "to_document", to_document)
    else:
        import opengov.io.csv as module

        calls = []
        original = module.encode_table

        def encode_table(*args: Any) -> str:
            calls.append(1)
            if len(calls) == 5:
                raise RuntimeError("serializer failed midway")
            return original(*args)

        monkeypatch.setattr(module, "encode_table", encode_table)


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
    import builtins

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
    fmt: str, how: str, existing: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / TARGETS[fmt]
    if existing:
        opengov.dump(france(), dest(tmp_path, fmt))
    before = snapshot(target)
    with monkeypatch.context() as patch:
        if how == "serializer":
            fail_serializer(patch, fmt)
        else:
            fail_writing(patch, tmp_path, after=4 if fmt == "csv" else 0)
        with pytest.raises((RuntimeError, OSError, OpenGovError)):
            opengov.dump(small_plan(), dest(tmp_path, fmt))
    assert snapshot(target) == before, "the target was changed by a failed dump"
    assert leftovers(tmp_path) == []


# --- 5. personal data --------------------------------------------------------------------------


def _texts_outside_contacts(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key != "contacts":
                yield from _texts_outside_contacts(value)
    elif isinstance(node, list):
        for item in node:
            yield from _texts_outside_contacts(item)
    elif isinstance(node, str):
        yield node


@cache
def personal_data() -> tuple[bytes, ...]:
    """Every contact name and e-mail address of the France plan, in the forms a format may use
    (UTF-8, JSON escapes, percent-encoding). Names that also appear outside the contacts (an
    organisation given as the contact) are not personal data and are left out."""
    plan = france()
    other = "\n".join(_texts_outside_contacts(json.loads(france_text("json"))))
    values = set()
    for commitment in plan.commitments:
        for contact in commitment.contacts:
            if contact.name and contact.name not in other:
                values.add(contact.name)
            if contact.email:
                values.add(contact.email)
    assert len(values) >= 10, values
    forms = set()
    for value in values:
        forms.add(value.encode("utf-8"))
        forms.add(json.dumps(value)[1:-1].encode("ascii"))
        forms.add(quote(value, safe="@").encode("ascii"))
        forms.add(quote(value).encode("ascii"))
    return tuple(sorted(forms))


def output_bytes(path: Path) -> list[tuple[str, bytes]]:
    if path.is_dir():
        return [(p.name, p.read_bytes()) for p in sorted(path.iterdir())]
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            return [(name, archive.read(name)) for name in archive.namelist()]
    return [(path.name, path.read_bytes())]


def assert_no_personal_data(path: Path) -> None:
    outputs = output_bytes(path)
    assert outputs and all(data for _, data in outputs)
    leaks = sorted(
        {
            f"{name}: {value.decode()}"
            for name, data in outputs
            for value in personal_data()
            if value in data
        }
    )
    assert leaks == [], f"personal data in an export without personal data: {leaks[:5]}"


def test_personal_data_is_there_to_be_found(tmp_path: Path) -> None:
    """The search works: an export *with* personal data has every contact in it."""
    opengov.dump(france(), tmp_path / "plan.json")
    data = (tmp_path / "plan.json").read_bytes()
    emails = {c.email for cm in france().commitments for c in cm.contacts if c.email}
    assert emails and all(email.encode() in data for email in emails)


@pytest.mark.parametrize("fmt", sorted(TARGETS))
def test_export_without_personal_data(fmt: str, tmp_path: Path) -> None:
    opengov.dump(france(), dest(tmp_path, fmt), personal_data=False)
    assert_no_personal_data(tmp_path / TARGETS[fmt])


@pytest.mark.parametrize("fmt", ["json", "zip", "turtle"])
def test_collection_export_without_personal_data(fmt: str, tmp_path: Path) -> None:
    collection = PlanCollection(id="plans", title="Plans", plans=[france()])
    opengov.dump(collection, dest(tmp_path, fmt), personal_data=False)
    assert_no_personal_data(tmp_path / TARGETS[fmt])


def run_cli(argv: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    assert "Traceback" not in err.getvalue()
    return code, err.getvalue()


@pytest.mark.parametrize("fmt", sorted(TARGETS))
def test_cli_convert_without_personal_data(fmt: str, tmp_path: Path) -> None:
    code, stderr = run_cli(["convert", "fr-2018-2020", dest(tmp_path, fmt), "--no-personal-data"])
    assert code == 0, stderr
    assert_no_personal_data(tmp_path / TARGETS[fmt])


def test_cli_convert_collection_without_personal_data(tmp_path: Path) -> None:
    collection = PlanCollection(id="plans", title="Plans", plans=[france()])
    opengov.dump(collection, tmp_path / "plans.json")
    code, stderr = run_cli(
        ["convert", str(tmp_path / "plans.json"), str(tmp_path / "out.json"), "--no-personal-data"]
    )
    assert code == 0, stderr
    assert_no_personal_data(tmp_path / "out.json")


# --- the command line on hostile input ---------------------------------------------------------


@pytest.mark.hostile
def test_cli_on_hostile_inputs(tmp_path: Path) -> None:
    cases = {
        "nested.json": "[" * NESTED + "]" * NESTED,
        "kind.json": json.dumps({"schema_version": "1.0", "kind": {}}),
        "bad.zip": b"PK\x03\x04" + b"\x00" * 100,
        "nul.ttl": b"\x00\xff\xfe",
        "empty.nt": b"",
        "evidence.nt": _nt_with([f"<{EVIDENCE}> <{OG}hasItem> <{EVIDENCE}> ."]),
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


# --- OGP's commitment export -------------------------------------------------------------------


def _ogp_rows(path: Path, count: int = 30) -> list[list[str]]:
    import csv

    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [row for _, row in zip(range(count + 1), csv.reader(handle), strict=False)]


def _ogp_bytes(rows: list[list[str]]) -> bytes:
    import csv

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
    reader = pytest.importorskip("opengov.io.ogp.reader")
    path = write(tmp_path / "export.csv", OGP_DAMAGE[damage](_ogp_rows(ogp_export_path)))
    for strict in (False, True):
        result = outcome(lambda strict=strict: reader.read_export(path, strict=strict))
        if not isinstance(result, LoadError):
            assert isinstance(result.collection, PlanCollection)
            for error in result.errors:
                assert error.row >= 2 and error.column, error
    if damage == "invalid UTF-8":
        assert isinstance(result, LoadError) and "UTF-8" in str(result)


@pytest.mark.hostile
@pytest.mark.parametrize("variant", ["BOM", "LF", "CR LF"])
def test_ogp_export_bom_and_line_ends(variant: str, tmp_path: Path, ogp_export_path: Path) -> None:
    reader = pytest.importorskip("opengov.io.ogp.reader")
    data = _ogp_bytes(_ogp_rows(ogp_export_path))
    expected = reader.read_export(write(tmp_path / "plain.csv", data))
    if variant == "BOM":
        data = "\ufeff".encode() + data
    elif variant == "LF":
        data = data.replace(b"\r\n", b"\n")
    result = outcome(lambda: reader.read_export(write(tmp_path / "export.csv", data)))
    assert not isinstance(result, LoadError), str(result)
    assert (result.rows, result.commitments, len(result.errors)) == (
        expected.rows,
        expected.commitments,
        len(expected.errors),
    )
