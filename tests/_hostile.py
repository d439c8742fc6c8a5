"""Helpers of the hostile-input tests (``pytest -m hostile``), which sit beside each format's tests.

- No network while parsing: remote JSON-LD contexts are refused (or the shipped context used
  for the library's own context IRI), Turtle ``@prefix``/``@base`` and N-Triples fetch nothing.
- Limits: deep nesting, recursion bombs, zip bombs, huge numbers, very long strings, NUL bytes,
  invalid UTF-8, byte-order marks, line endings and unbalanced quotes end in a LoadError (or load,
  when the input is valid) within a bounded time and memory.
- Atomic writes: a failing ``opengov.dump`` leaves the target as it was and no temporary file.
- Personal data: exports made without personal data contain no contact name or e-mail address.

Slow cases run under a SIGALRM deadline (a BaseException the library cannot
swallow), so a regression fails in seconds instead of hanging; the bombs (zip, and evidence trees
that unfold exponentially) load in a child process with an address-space limit and a timeout.
"""

from __future__ import annotations

import contextlib
import io
import json
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

from opengov import ActionPlan, LoadError, Severity
from opengov.cli.main import main
from opengov.model import PlanCollection

#: The deadline of a hostile case that should be quick (the real work takes well under 1 s).
DEADLINE = 5.0

#: How deeply hostile JSON, Turtle and CSV nest.
NESTED = 100_000

#: A number far beyond any field's range.
HUGE = "9" * 5000

#: The France plan's IRI and one of its evidence items, for hostile N-Triples.
PLAN_IRI = "https://w3id.org/opengov/id/fr-2018-2020"
EVIDENCE = f"{PLAN_IRI}/participation/01#evidence/1"

#: A file or folder per format, for the writes that must not leave half a file or personal data.
TARGETS = {
    "json": "plan.json",
    "turtle": "plan.ttl",
    "nt": "plan.nt",
    "json-ld": "plan.jsonld",
    "zip": "plan.zip",
    "csv": "tables",
}


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
    assert exc.issues
    if has_source:
        assert exc.source, text
    for problem in exc.issues:
        assert problem.code and problem.severity is Severity.ERROR, repr(problem)
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


def deep_evidence_json(plan_json: str, depth: int) -> str:
    """The JSON of a plan whose first participation holds evidence nested ``depth`` deep."""
    item = '{"text": "leaf"}'
    for level in range(depth):
        item = f'{{"text": "level {level}", "items": [{item}]}}'
    document = json.loads(plan_json)
    document["participation"][0]["evidence"] = ["@@"]
    return json.dumps(document, ensure_ascii=False).replace('"@@"', item)


def another_plan(france: ActionPlan) -> ActionPlan:
    """A plan that differs from the France plan in every table (its title is in plans.csv)."""
    return attrs.evolve(france, title="Another plan", commitments=france.commitments[:3])


def destination(tmp_path: Path, fmt: str) -> str:
    """Where to write ``fmt`` under ``tmp_path`` (a CSV folder ends with a slash)."""
    target = tmp_path / TARGETS[fmt]
    return f"{target}/" if fmt == "csv" else str(target)


def run_cli(argv: list[str]) -> tuple[int, str]:
    """Run the command line in this process: its exit code and what it wrote to stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    assert "Traceback" not in err.getvalue()
    return code, err.getvalue()


#: Loads a path in a child process with a cap on its address space; prints the outcome as JSON.
ISOLATED = textwrap.dedent(
    """
    import json, resource, sys, time
    limit = int(sys.argv[2])
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    import opengov
    start = time.perf_counter()
    try:
        if sys.argv[3] == "ogp":
            from opengov.io.ogp import read_export
            obj = read_export(sys.argv[1]).collection
        else:
            obj = opengov.load(sys.argv[1])
        result = {"outcome": "loaded", "type": type(obj).__name__}
    except opengov.LoadError as exc:
        problems = [[p.path, p.message] for p in exc.issues[:20]]
        result = {"outcome": "LoadError", "source": exc.source, "problems": problems}
    except BaseException as exc:
        result = {"outcome": type(exc).__name__, "message": str(exc)[:300]}
    result["seconds"] = time.perf_counter() - start
    # The high-water mark of this address space (getrusage's would include the parent's,
    # as it survives exec).
    with open("/proc/self/status") as status:
        hwm = next(line for line in status if line.startswith("VmHWM:"))
    result["peak_mb"] = int(hwm.split()[1]) / 1024
    print(json.dumps(result))
    """
)


def load_isolated(
    path: Path, *, memory: int = 2**30, timeout: float = 10, loader: str = "load"
) -> dict[str, Any]:
    """Load ``path`` in a child process (1 GiB of address space, ``timeout`` seconds): a bomb
    that gets past the library fails the test instead of taking the machine down. The result
    says how it ended, how long the load took (``seconds``) and the process's peak resident
    memory (``peak_mb``, the interpreter and the library included)."""
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


# --- output: reports and terminals --------------------------------------------------------------

#: Text that attacks whatever shows it: raw HTML, script links, a new line with a heading, a table
#: cell, terminal escapes (retitle, clear, a C1 CSI, bell) and bidi overrides with a stray closer.
PAYLOAD = (
    "<script>alert(1)</script><img src=x onerror=alert(1)> [click](javascript:alert(1)) "
    "<javascript:alert(2)> &#106;avascript:alert(3) ![i](x) *b* `c` | ~~s~~"
    "\nFAKE LINE\n# Heading\n===\n"
    "\x1b]0;retitled\x07\x1b[2J\x9b31m\x85\x00\x7f"
    "\u202eevil\u2066\u2069\u2069\u202d"
)
#: Text that makes a block where a line, or a list item, starts.
LINE_STARTS = ("# Heading ", "--- ", "- item ", "+ item ", "1. item ", "2) item ", "> quote ")
#: Characters no terminal or page may receive from the data.
RAW_CONTROLS = frozenset(chr(c) for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)]) - {"\n"}
_ISOLATE_OPEN = frozenset("\u2066\u2067\u2068")
_OVERRIDES = frozenset("\u202a\u202b\u202d\u202e")


def poisoned(obj: Any, payload: str = PAYLOAD, *, before: bool = False) -> Any:
    """A copy of a model object with ``payload`` appended (or, ``before``, prepended) to every
    text field, at every depth (ids and references too: a report may show them); a field whose
    validator refuses it is left as it was."""
    from opengov.model.describe import Shape, describe

    changes: dict[str, Any] = {}
    for field in describe(type(obj)).fields:
        value = getattr(obj, field.name)
        if value is None:
            continue
        if field.shape is Shape.TEXT:
            add = (lambda v: payload + v) if before else (lambda v: v + payload)
            new: Any = [add(v) for v in value] if field.many else add(value)
        elif field.shape is Shape.OBJECT:
            new = (
                [poisoned(v, payload, before=before) for v in value]
                if field.many
                else (poisoned(value, payload, before=before))
            )
        else:
            continue
        try:
            attrs.evolve(obj, **{field.name: new})
        except (ValueError, TypeError):
            continue
        changes[field.name] = new
    return attrs.evolve(obj, **changes)


def bidi_contained(line: str) -> bool:
    """Every override or embedding sits inside an isolate, and every isolate is closed on the
    line: nothing in the text reorders what is around it."""
    depth = 0
    for ch in line:
        if ch in _ISOLATE_OPEN:
            depth += 1
        elif ch == "\u2069":
            if not depth:
                return False
            depth -= 1
        elif ch in _OVERRIDES and not depth:
            return False
    return depth == 0


def check_terminal_output(text: str) -> None:
    """What a terminal may safely show: no control character but line breaks, bidi contained on
    every line, and no line made by the data."""
    assert not RAW_CONTROLS & set(text), sorted(RAW_CONTROLS & set(text))
    for line in text.split("\n"):
        assert bidi_contained(line), repr(line)
        assert not line.lstrip().startswith(("FAKE LINE", "# Heading")), repr(line)
