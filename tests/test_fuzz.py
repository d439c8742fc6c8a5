"""Fuzzing every loader with mutated and truncated valid inputs (issue 7, "Reliability").

Each test draws a *recipe* (a seed plan and a short list of mutations) rather than the bytes
themselves, so a failing example prints as a few small tuples. Seeds are the France plan (a
trimmed copy of it for the slower RDF parsers) and small plans from
:func:`opengov.testing.action_plans`. Mutations: truncation, deleted/inserted/replaced/duplicated
slices, bit flips, swapped slices; at the JSON level a node replaced by a value of another type,
deleted, duplicated, wrapped or swapped; in CSV tables swapped cells, dropped columns, rows or
tables, odd cell values and stray quotes; zip archives truncated or corrupted; N-Triples lines
dropped, duplicated or with swapped terms.

The only exception a loader may raise is :class:`opengov.LoadError`, naming where each problem
is (a non-empty path or the error's source) on one line per problem. The CLI exits 1 or 2 with a
message on stderr and never a traceback.

Settings are derandomized (no example database, no shrinking) so the suite is reproducible and
its runtime bounded even when it finds something.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import opengov
from opengov import ActionPlan, LoadError, OpenGovError, Severity
from opengov.cli.main import main
from opengov.io import json as json_format
from opengov.io.csv import decode_table, encode_table, to_text_files
from opengov.io.ogp import read_export
from opengov.issues import SHOWN_ISSUES
from opengov.model import PlanCollection
from opengov.model.standards import StandardSet
from opengov.testing import action_plans

pytestmark = pytest.mark.hostile


def fuzz_settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        phases=(Phase.explicit, Phase.generate),
        suppress_health_check=list(HealthCheck),
    )


MODEL_TYPES = (ActionPlan, PlanCollection, StandardSet)

# --- checks ------------------------------------------------------------------------------------


def check_error(exc: BaseException, *, has_source: bool) -> None:
    """A loader's error: a LoadError naming where every problem is, one line per problem."""
    assert isinstance(exc, LoadError), f"{type(exc).__name__} instead of LoadError: {exc}"
    text = str(exc)
    assert text.strip(), "empty error message"
    assert exc.issues, "a LoadError without issues"
    if has_source:
        assert exc.source, f"the error does not name its file: {text!r}"
    for problem in exc.issues:
        assert problem.path.strip() or exc.source, f"problem without a location: {problem!r}"
        assert problem.code and problem.severity is Severity.ERROR, repr(problem)
        shown = str(problem)
        assert "\n" not in shown and "\r" not in shown, f"a problem on several lines: {shown!r}"
    shown_issues = min(len(exc.issues), SHOWN_ISSUES)
    more = len(exc.issues) > SHOWN_ISSUES  # a last line counts the issues not shown
    lines = 1 if len(exc.issues) == 1 else shown_issues + 1 + more
    assert len(text.split("\n")) == lines, f"expected {lines} line(s): {text!r}"


def load_or_error(load: Callable[[], Any], *, has_source: bool) -> Any:
    """Run a loader: a model object, or a well-formed LoadError (anything else fails the test)."""
    try:
        obj = load()
    except OpenGovError as exc:
        check_error(exc, has_source=has_source)
        return None
    assert isinstance(obj, MODEL_TYPES), type(obj)
    return obj


# --- seeds -------------------------------------------------------------------------------------


@cache
def france() -> ActionPlan:
    return opengov.datasets.load("fr-2018-2020")


@cache
def france_small() -> ActionPlan:
    """The France plan with two commitments: every part of the model, a quicker RDF parse."""
    plan = france()
    return attrs.evolve(
        plan,
        commitments=plan.commitments[:2],
        participation=plan.participation[:3],
        key_recommendations=plan.key_recommendations[:2],
        responses=plan.responses[:2],
        planned_actions=plan.planned_actions[:2],
        consultations=plan.consultations[:2],
    )


RDF_FORMATS = {"turtle": ".ttl", "nt": ".nt", "json-ld": ".jsonld"}
SMALL_PLANS = 12


@cache
def small_plans() -> tuple[ActionPlan, ...]:
    """A fixed pool of small generated plans (drawing a plan per example would dominate the
    runtime): the same plans on every run, since the draw is derandomized."""
    found: list[ActionPlan] = []

    @settings(
        max_examples=SMALL_PLANS,
        deadline=None,
        derandomize=True,
        database=None,
        phases=(Phase.generate,),
        suppress_health_check=list(HealthCheck),
    )
    @given(action_plans(max_commitments=3))
    def collect(plan: ActionPlan) -> None:
        if len(found) < SMALL_PLANS:
            found.append(plan)

    collect()
    return tuple(found)


@pytest.fixture(scope="module", autouse=True)
def _draw_small_plans() -> None:
    small_plans()  # before any test runs: Hypothesis cannot draw inside a running test


def seed_plan(seed: int) -> ActionPlan:
    """Seed 0 is the France plan (trimmed by the RDF tests), the others small generated plans."""
    return france() if seed == 0 else small_plans()[(seed - 1) % len(small_plans())]


@cache
def seed_text(seed: int, fmt: str) -> str:
    """The text of a seed plan in a text format."""
    plan = france_small() if seed == 0 and fmt in RDF_FORMATS else seed_plan(seed)
    text = opengov.dump(plan, format=fmt)
    assert text is not None
    return text


@cache
def _seed_tables(seed: int) -> tuple[tuple[str, str], ...]:
    return tuple(to_text_files(seed_plan(seed)).items())


def seed_tables(seed: int) -> dict[str, str]:
    return dict(_seed_tables(seed))


#: Which seed: 0 (the France plan, every part of the model) half of the time.
seeds = st.one_of(st.just(0), st.integers(1, SMALL_PLANS))


# --- byte mutations ----------------------------------------------------------------------------

TOKENS = [
    b'"',
    b"'",
    b",",
    b"\r",
    b"\n",
    b"\r\n",
    b"{",
    b"}",
    b"[",
    b"]",
    b"<",
    b">",
    b"\x00",
    b"\xff",
    b"\xc3",
    b"\xef\xbb\xbf",
    b"\\",
    b"\\u0000",
    b"\\n",
    b"@",
    b":",
    b".",
    b";",
    b"#",
    b"^^",
    b"_:b0",
    b"-",
    b"0",
    b"1e400",
    b"9" * 40,
    b"null",
    b"true",
    b'""',
    b'"@context"',
    b"@prefix x: <http://example.org/> .",
    b"\xf0\x9f\x8e\x89",
    b"\xed\xa0\x80",  # an encoded surrogate: not UTF-8
]
BYTE_OPS = ["truncate", "delete", "insert", "replace", "duplicate", "flip", "swap"]

byte_op = st.tuples(
    st.sampled_from(BYTE_OPS),
    st.integers(0, 2**24),
    st.integers(0, 2**24),
    st.sampled_from(TOKENS),
)
byte_ops = st.lists(byte_op, min_size=1, max_size=3)


def mutate_bytes(data: bytes, ops: list[tuple[str, int, int, bytes]]) -> bytes:
    buf = bytearray(data)
    for op, a, b, token in ops:
        n = len(buf)
        i, j = a % (n + 1), b % (n + 1)
        size = 1 + b % 64
        if op == "truncate":
            del buf[i:]
        elif op == "delete":
            del buf[i : i + size]
        elif op == "insert":
            buf[i:i] = token
        elif op == "replace":
            buf[i : i + 1 + b % 4] = token
        elif op == "duplicate":
            buf[j:j] = buf[i : i + size]
        elif op == "flip" and i < n:
            buf[i] ^= 1 << (b % 8)
        elif op == "swap":
            lo, hi = sorted((i, j))
            if hi - lo > 2 * size:
                first, second = bytes(buf[lo : lo + size]), bytes(buf[hi - size : hi])
                buf[hi - size : hi] = first
                buf[lo : lo + size] = second
    return bytes(buf)


# --- JSON-level mutations ----------------------------------------------------------------------

REPLACEMENTS: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    2**64,
    1.5,
    1e308,
    "",
    " ",
    "x",
    "a\nb",
    "2021-13-45",
    "9999",
    "\u0000",
    "🎉",
    [],
    [None],
    [[]],
    {},
    {"": None},
    {"id": "x"},
    {"value": "2020", "phrase": None},
    {"@id": "https://example.org/x"},
    {"@value": "1", "@type": "http://www.w3.org/2001/XMLSchema#integer"},
    {"@list": [1, "a"]},
    "https://example.org/remote-context.jsonld",
]
KEYS = ["x", "", "a\nb", "id", "kind", "schema_version", "@id", "@type", "@graph", "@context"]
JSON_OPS = ["replace", "delete", "add_key", "duplicate", "wrap", "swap"]

json_op = st.tuples(
    st.sampled_from(JSON_OPS),
    st.integers(0, 2**24),
    st.integers(0, 2**24),
    st.integers(0, 2**24),
)
json_ops = st.lists(json_op, min_size=1, max_size=3)


def json_paths(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from json_paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from json_paths(value, (*path, index))


def _get(doc: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        doc = doc[step]
    return doc


def mutate_json(doc: Any, ops: list[tuple[str, int, int, int]]) -> Any:
    """Apply JSON-level mutations to a parsed document (in place where possible)."""
    holder = {"root": doc}
    for op, a, b, c in ops:
        paths = [("root", *p) for p in json_paths(holder["root"])]
        path = paths[a % len(paths)]
        parent, step = _get(holder, path[:-1]), path[-1]
        node = parent[step]
        if op == "replace":
            parent[step] = copy.deepcopy(REPLACEMENTS[b % len(REPLACEMENTS)])
        elif op == "delete" and len(path) > 1:
            del parent[step]
        elif op == "add_key" and isinstance(node, dict):
            node[KEYS[b % len(KEYS)]] = copy.deepcopy(REPLACEMENTS[c % len(REPLACEMENTS)])
        elif op == "duplicate" and isinstance(parent, list):
            parent.insert(step, copy.deepcopy(node))
        elif op == "wrap":
            parent[step] = [node] if b % 2 else {KEYS[c % len(KEYS)]: node}
        elif op == "swap":
            other = paths[b % len(paths)]
            unrelated = other[: len(path)] != path and path[: len(other)] != other
            if unrelated:
                other_parent = _get(holder, other[:-1])
                parent[step], other_parent[other[-1]] = (
                    copy.deepcopy(other_parent[other[-1]]),
                    copy.deepcopy(node),
                )
    return holder["root"]


# --- CSV table mutations -----------------------------------------------------------------------

CELLS: list[str | None] = [
    None,
    "",
    "x",
    "-1",
    "1.5",
    "true",
    "1",
    "9" * 30,
    "9" * 5000,
    "²",
    "1.1.1",
    "0",
    "2021-13",
    "2021",
    "'=1+1",
    '"',
    "a\r\nb",
    "\x00",
    "fr-2018-2020",
    "fr-2018-2020/c01",
]
TABLE_OPS = [
    "set_cell",
    "swap_cells",
    "drop_column",
    "drop_row",
    "duplicate_row",
    "drop_table",
    "add_table",
    "rename_column",
    "stray_quote",
    "bytes",
]

table_op = st.tuples(
    st.sampled_from(TABLE_OPS),
    st.integers(0, 2**24),
    st.integers(0, 2**24),
    st.integers(0, 2**24),
    byte_op,
)
table_ops = st.lists(table_op, min_size=1, max_size=3)


def mutate_tables(files: dict[str, str], ops: list[Any]) -> dict[str, bytes]:
    """Mutate CSV tables (file name → text); returns file name → bytes."""
    data = {name: text.encode("utf-8") for name, text in files.items()}
    for op, a, b, c, bop in ops:
        names = sorted(data)
        if not names:
            break
        name = names[a % len(names)]
        if op == "drop_table":
            del data[name]
            continue
        if op == "add_table":
            data[["x.csv", "meta.csv", "plans.csv", "a b.csv"][b % 4]] = encode_table(
                ["plan_id", "position", "value"], [["p", "1", "x"]]
            ).encode("utf-8")
            continue
        if op == "stray_quote":
            at = b % (len(data[name]) + 1)
            data[name] = data[name][:at] + b'"' + data[name][at:]
            continue
        if op == "bytes":
            data[name] = mutate_bytes(data[name], [bop])
            continue
        try:
            header, rows = decode_table(data[name].decode("utf-8"), name.removesuffix(".csv"))
        except (LoadError, UnicodeDecodeError):
            continue  # already broken by an earlier mutation
        table: list[list[str | None]] = [list(header), *rows]
        width = len(header)
        r = b % len(table)
        col = c % width
        if op == "set_cell":
            table[r][col] = CELLS[(b // 7) % len(CELLS)]
        elif op == "swap_cells":
            r2, col2 = (b // 3) % len(table), (c // 3) % width
            table[r][col], table[r2][col2] = table[r2][col2], table[r][col]
        elif op == "drop_column":
            table = [row[:col] + row[col + 1 :] for row in table]
        elif op == "rename_column":
            table[0][col] = ["x", "id", "position", "plan_id", "value"][b % 5]
        elif op == "drop_row" and len(table) > 1:
            del table[max(r, 1)]
        elif op == "duplicate_row":
            table.insert(r, list(table[r]))
        data[name] = encode_table(table[0], table[1:]).encode("utf-8")  # type: ignore[arg-type]
    return data


def zip_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


# --- N-Triples line mutations ------------------------------------------------------------------

NT_LINE = re.compile(r"^(<[^>]*>) (<[^>]*>) (.*) \.$")
NT_OPS = ["drop", "duplicate", "swap_objects", "swap_subjects", "retype", "bytes"]
nt_op = st.tuples(st.sampled_from(NT_OPS), st.integers(0, 2**24), st.integers(0, 2**24), byte_op)
nt_ops = st.lists(nt_op, min_size=1, max_size=3)
OBJECTS = [
    '"1"^^<http://www.w3.org/2001/XMLSchema#integer>',
    '"x"^^<http://www.w3.org/2001/XMLSchema#integer>',
    '"9999999999999999999999999999999"^^<http://www.w3.org/2001/XMLSchema#integer>',
    '"true"^^<http://www.w3.org/2001/XMLSchema#boolean>',
    '"2021-13"^^<https://w3id.org/opengov/ns#dateSpan>',
    '"a\\nb"@fr',
    '"x"',
    "<https://w3id.org/opengov/id/x>",
    "<https://example.org/elsewhere>",
    "_:b0",
    "<mailto:a%40b>",
]


def mutate_ntriples(text: str, ops: list[Any]) -> bytes:
    lines = text.splitlines()
    data: bytes | None = None
    for op, a, b, bop in ops:
        if data is not None:
            lines = data.decode("utf-8", "replace").splitlines()
            data = None
        if not lines:
            break
        i, j = a % len(lines), b % len(lines)
        first, second = NT_LINE.match(lines[i]), NT_LINE.match(lines[j])
        if op == "drop":
            del lines[i]
        elif op == "duplicate":
            lines.insert(j, lines[i])
        elif op == "swap_objects" and first and second:
            lines[i] = f"{first[1]} {first[2]} {second[3]} ."
            lines[j] = f"{second[1]} {second[2]} {first[3]} ."
        elif op == "swap_subjects" and first and second:
            lines[i] = f"{second[1]} {first[2]} {first[3]} ."
            lines[j] = f"{first[1]} {second[2]} {second[3]} ."
        elif op == "retype" and first:
            lines[i] = f"{first[1]} {first[2]} {OBJECTS[b % len(OBJECTS)]} ."
        elif op == "bytes":
            data = mutate_bytes(("\n".join(lines) + "\n").encode("utf-8"), [bop])
    return data if data is not None else ("\n".join(lines) + "\n").encode("utf-8")


# --- files -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def write_file(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def write_folder(folder: Path, files: dict[str, bytes]) -> Path:
    target = folder / "tables"
    if target.exists():
        shutil.rmtree(target)
    target.mkdir()
    for name, data in files.items():
        (target / name).write_bytes(data)
    return target


# --- the loaders -------------------------------------------------------------------------------


@fuzz_settings(500)
@given(seed=seeds, ops=byte_ops)
def test_json_file(seed: int, ops: list[Any], workdir: Path) -> None:
    data = mutate_bytes(seed_text(seed, "json").encode("utf-8"), ops)
    path = write_file(workdir, "plan.json", data)
    load_or_error(lambda: opengov.load(path), has_source=True)


@fuzz_settings(500)
@given(seed=seeds, ops=json_ops, as_bytes=st.booleans())
def test_json_document(seed: int, ops: list[Any], as_bytes: bool) -> None:
    doc = mutate_json(json.loads(seed_text(seed, "json")), ops)
    text = json.dumps(doc, ensure_ascii=False)
    # The text API has no file name: every problem must carry its own location.
    load_or_error(
        lambda: json_format.loads(text.encode("utf-8", "surrogatepass") if as_bytes else text),
        has_source=False,
    )


@fuzz_settings(500)
@given(seed=seeds, ops=table_ops, zipped=st.booleans())
def test_csv_tables(seed: int, ops: list[Any], zipped: bool, workdir: Path) -> None:
    files = mutate_tables(seed_tables(seed), ops)
    if zipped:
        path = write_file(workdir, "plan.zip", zip_bytes(files))
    else:
        path = write_folder(workdir, files)
    load_or_error(lambda: opengov.load(path), has_source=True)


@fuzz_settings(300)
@given(seed=seeds, ops=byte_ops, directory=st.booleans())
def test_zip_archive(seed: int, ops: list[Any], directory: bool, workdir: Path) -> None:
    archive = zip_bytes({k: v.encode("utf-8") for k, v in seed_tables(seed).items()})
    # Half of the time only the central directory (names, sizes, versions, flags) is mutated.
    start = archive.find(b"PK\x01\x02") if directory else 0
    mutated = archive[:start] + mutate_bytes(archive[start:], ops)
    path = write_file(workdir, "archive.zip", mutated)
    load_or_error(lambda: opengov.load(path), has_source=True)


@fuzz_settings(400)
@given(seed=seeds, ops=byte_ops)
def test_turtle(seed: int, ops: list[Any], workdir: Path) -> None:
    data = mutate_bytes(seed_text(seed, "turtle").encode("utf-8"), ops)
    path = write_file(workdir, "plan.ttl", data)
    load_or_error(lambda: opengov.load(path), has_source=True)


@fuzz_settings(400)
@given(seed=seeds, ops=nt_ops)
def test_ntriples(seed: int, ops: list[Any], workdir: Path) -> None:
    data = mutate_ntriples(seed_text(seed, "nt"), ops)
    path = write_file(workdir, "plan.nt", data)
    load_or_error(lambda: opengov.load(path), has_source=True)


@fuzz_settings(400)
@given(seed=seeds, ops=st.one_of(byte_ops, json_ops))
def test_jsonld(seed: int, ops: list[Any], workdir: Path) -> None:
    text = seed_text(seed, "json-ld")
    if isinstance(ops[0][3], bytes):
        data = mutate_bytes(text.encode("utf-8"), ops)
    else:
        data = json.dumps(mutate_json(json.loads(text), ops), ensure_ascii=False).encode(
            "utf-8", "surrogatepass"
        )
    path = write_file(workdir, "plan.jsonld", data)
    load_or_error(lambda: opengov.load(path), has_source=True)


# --- OGP's commitment export -------------------------------------------------------------------

OGP_OPS = ["set_cell", "swap_cells", "drop_column", "truncate_row", "stray_quote", "bytes"]
ogp_op = st.tuples(
    st.sampled_from(OGP_OPS),
    st.integers(0, 2**24),
    st.integers(0, 2**24),
    st.integers(0, 2**24),
    byte_op,
)
OGP_CELLS = ["", "x", "ND", "NA", "NR", "0", "1", "Yes", "-1", "9" * 30, "2016", "a\r\nb", '"']
OGP_CELLS += ["9" * 5000, "²⁰¹⁶", "\x00", "2016.0", " 2016", "١٢"]


@cache
def _ogp_seed(path: Path) -> list[list[str]]:
    import csv

    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        return [row for _, row in zip(range(13), reader, strict=False)]


def _ogp_text(rows: list[list[str]]) -> bytes:
    import csv

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


def mutate_ogp(rows: list[list[str]], ops: list[Any]) -> bytes:
    rows = [list(row) for row in rows]
    data: bytes | None = None
    for op, a, b, c, bop in ops:
        if data is not None:  # a byte-level mutation came first: keep working on the bytes
            data = mutate_bytes(data, [bop]) if op == "bytes" else data
            continue
        if not rows or not rows[0]:
            break
        r, col = a % len(rows), b % len(rows[0])
        if op == "set_cell" and col < len(rows[r]):
            rows[r][col] = OGP_CELLS[c % len(OGP_CELLS)]
        elif op == "swap_cells":
            r2, col2 = c % len(rows), (c // 7) % len(rows[0])
            if col < len(rows[r]) and col2 < len(rows[r2]):
                rows[r][col], rows[r2][col2] = rows[r2][col2], rows[r][col]
        elif op == "drop_column":
            rows = [row[:col] + row[col + 1 :] for row in rows]
        elif op == "truncate_row":
            rows[r] = rows[r][: c % (len(rows[r]) + 1)]
        elif op == "stray_quote":
            text = _ogp_text(rows)
            at = c % (len(text) + 1)
            data = text[:at] + b'"' + text[at:]
        elif op == "bytes":
            data = mutate_bytes(_ogp_text(rows), [bop])
    return data if data is not None else _ogp_text(rows)


@fuzz_settings(300)
@given(ops=st.lists(ogp_op, min_size=1, max_size=3), strict=st.booleans())
def test_ogp_export(ops: list[Any], strict: bool, workdir: Path, ogp_export_path: Path) -> None:
    path = write_file(workdir, "export.csv", mutate_ogp(_ogp_seed(ogp_export_path), ops))
    try:
        result = read_export(path, strict=strict)
    except OpenGovError as exc:
        check_error(exc, has_source=True)
        return
    assert isinstance(result.collection, PlanCollection)
    for error in result.errors:  # unreadable rows are reported with their row and column
        assert error.row is not None and error.row >= 2 and error.column, error
        assert error.code and error.severity is Severity.ERROR, error
        assert "\n" not in str(error) and "\r" not in str(error), str(error)


# --- the command line --------------------------------------------------------------------------

CLI_FORMATS = {"json": ".json", "turtle": ".ttl", "nt": ".nt", "json-ld": ".jsonld", "zip": ".zip"}


def _cli_input(seed: int, fmt: str, ops: list[Any]) -> bytes:
    if fmt == "zip":
        archive = zip_bytes({k: v.encode("utf-8") for k, v in seed_tables(seed).items()})
        return mutate_bytes(archive, ops)
    return mutate_bytes(seed_text(seed, fmt).encode("utf-8"), ops)


def run_cli(argv: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, err.getvalue()


@fuzz_settings(40)
@given(
    seed=seeds,
    fmt=st.sampled_from(sorted(CLI_FORMATS)),
    ops=byte_ops,
    command=st.sampled_from(["validate", "convert"]),
)
def test_cli_in_process(seed: int, fmt: str, ops: list[Any], command: str, workdir: Path) -> None:
    path = write_file(workdir, "cli" + CLI_FORMATS[fmt], _cli_input(seed, fmt, ops))
    argv = ["validate", str(path)]
    if command == "convert":
        argv = ["convert", str(path), str(workdir / "cli-out.json")]
    code, stderr = run_cli(argv)
    assert "Traceback" not in stderr, stderr
    try:
        opengov.load(path)
        loaded = True
    except Exception:  # LoadError, or a bug the loader tests above report
        loaded = False
    if loaded:
        assert code in (0, 1), (code, stderr)
    else:
        assert code == 2, (code, stderr)
        assert stderr.strip(), "no message on stderr"
        assert "internal error" not in stderr, stderr


@fuzz_settings(25)
@given(ops=st.lists(ogp_op, min_size=1, max_size=3))
def test_cli_ogp_check(ops: list[Any], workdir: Path, ogp_export_path: Path) -> None:
    path = write_file(workdir, "cli-export.csv", mutate_ogp(_ogp_seed(ogp_export_path), ops))
    code, stderr = run_cli(["ogp", "check", str(path)])
    assert "Traceback" not in stderr, stderr
    try:
        read_export(path)
        loaded = True
    except Exception:  # LoadError, or a bug test_ogp_export reports
        loaded = False
    if loaded:
        assert code in (0, 1), (code, stderr)
    else:
        assert code == 2, (code, stderr)
        assert stderr.strip() and "internal error" not in stderr, stderr


def _subprocess_inputs(folder: Path) -> Iterator[tuple[str, Path]]:
    json_text = seed_text(0, "json").encode("utf-8")
    yield "truncated JSON", write_file(folder, "truncated.json", json_text[: len(json_text) // 2])
    yield "deeply nested JSON", write_file(folder, "nested.json", b"[" * 100_000 + b"]" * 100_000)
    archive = zip_bytes({k: v.encode("utf-8") for k, v in seed_tables(0).items()})
    yield "truncated zip", write_file(folder, "truncated.zip", archive[: len(archive) // 3])
    turtle = seed_text(0, "turtle").encode("utf-8")
    yield "broken Turtle", write_file(folder, "broken.ttl", turtle.replace(b" .\n", b" \n", 5))
    yield "not UTF-8 N-Triples", write_file(folder, "latin1.nt", "<a> <b> «c» .".encode("latin-1"))


def test_cli_subprocess(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    for label, path in _subprocess_inputs(tmp_path):
        done = subprocess.run(
            [sys.executable, "-m", "opengov", "validate", str(path)],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env,
            timeout=60,
            check=False,
        )
        assert done.returncode in (1, 2), (label, done.returncode, done.stderr)
        assert done.stderr.strip(), (label, "no message on stderr")
        assert "Traceback" not in done.stderr, (label, done.stderr)
        assert "internal error" not in done.stderr, (label, done.stderr)
