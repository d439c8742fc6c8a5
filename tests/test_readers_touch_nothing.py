"""No reader opens a socket or a file other than its input, whatever the input says.

Every reader runs with Python's audit hooks watching: an ``open`` of any file outside the input,
the package's own data and the Python installation, and any socket or URL request, fails the
test. The inputs are the kinds a document can use to make a parser reach out: JSON-LD contexts
(remote, ``file:``, nested inside a context, in a list, scoped to a term or a type, imported),
Turtle and N-Triples prefixes and bases, CSV tables naming other files.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import opengov
from opengov import LoadError

_WATCHED_EVENTS = frozenset(
    {
        "open",
        "os.open",
        "socket.connect",
        "socket.getaddrinfo",
        "socket.gethostbyname",
        "socket.__new__",
        "urllib.Request",
        "http.client.connect",
        "subprocess.Popen",
    }
)
_ALLOWED_ROOTS = tuple(
    str(Path(p).resolve())
    for p in {sys.prefix, sys.base_prefix, sys.exec_prefix, str(Path(opengov.__file__).parent)}
)


class _Watch:
    """What the readers touched while watching was on."""

    def __init__(self) -> None:
        self.on = False
        self.allowed: tuple[str, ...] = ()
        self.seen: list[tuple[str, str]] = []

    def hook(self, event: str, args: tuple[Any, ...]) -> None:
        if not self.on or event not in _WATCHED_EVENTS:
            return
        if event in ("open", "os.open"):
            target = args[0] if args else None
            if isinstance(target, int) or target is None:
                return  # an already open descriptor, or the current folder
            path = str(
                Path(target if isinstance(target, str) else bytes(target).decode()).resolve()
            )
            if path.startswith(_ALLOWED_ROOTS) or path.startswith(self.allowed):
                return
            self.seen.append((event, path))
            return
        self.seen.append((event, repr(args)[:200]))


_WATCH = _Watch()
sys.addaudithook(_WATCH.hook)


@pytest.fixture
def watched(tmp_path: Path) -> Iterator[_Watch]:
    """Record what is touched outside ``tmp_path`` (the inputs live there)."""
    _WATCH.seen = []
    _WATCH.allowed = (str(tmp_path.resolve()),)
    _WATCH.on = True
    try:
        yield _WATCH
    finally:
        _WATCH.on = False


def _read(path: Path, watch: _Watch) -> list[tuple[str, str]]:
    with contextlib.suppress(LoadError):
        opengov.load(path)
    return list(watch.seen)


_PLAN = {"@id": "https://w3id.org/opengov/id/x", "@type": "https://w3id.org/opengov/ActionPlan"}
_REMOTE = "http://127.0.0.1:9/context.jsonld"
_LOCAL = "file:///etc/passwd"

JSONLD_REACHING_OUT = {
    "remote context": {"@context": _REMOTE, **_PLAN},
    "file context": {"@context": _LOCAL, **_PLAN},
    "context in a context": {"@context": {"@context": _REMOTE}, **_PLAN},
    "file context in a context": {"@context": {"@context": _LOCAL}, **_PLAN},
    "list of contexts": {"@context": [{"a": "http://x/a"}, _REMOTE], **_PLAN},
    "list in a list": {"@context": [[_REMOTE]], **_PLAN},
    "scoped to a term": {
        "@context": {"t": {"@id": "http://x/t", "@context": _REMOTE}},
        "t": {},
        **_PLAN,
    },
    "scoped to a type": {
        "@context": {"T": {"@id": "http://x/T", "@context": _LOCAL}},
        "@type": "T",
        "@id": "x",
    },
    "import": {"@context": {"@version": 1.1, "@import": _REMOTE}, **_PLAN},
    "context in a graph node": {"@graph": [{"@context": _REMOTE, **_PLAN}]},
    "context in a value": {
        **_PLAN,
        "https://w3id.org/opengov/title": {"@context": _LOCAL, "@value": "x"},
    },
    "base and vocab": {"@context": {"@base": _LOCAL, "@vocab": _REMOTE}, **_PLAN},
}


@pytest.mark.parametrize("case", sorted(JSONLD_REACHING_OUT))
def test_json_ld_reaches_nothing(case: str, tmp_path: Path, watched: _Watch) -> None:
    path = tmp_path / "plan.jsonld"
    path.write_text(json.dumps(JSONLD_REACHING_OUT[case]), encoding="utf-8")
    assert _read(path, watched) == []


TEXT_REACHING_OUT = {
    "plan.ttl": f"@base <{_LOCAL}> .\n@prefix p: <{_REMOTE}#> .\n<x> a p:ActionPlan .\n",
    "plan.nt": f"<{_LOCAL}> <{_REMOTE}> <file:///dev/zero> .\n",
    "plan.json": json.dumps({"$ref": _LOCAL, "schema_version": "1.0", "kind": "action_plan"}),
}


@pytest.mark.parametrize("name", sorted(TEXT_REACHING_OUT))
def test_text_formats_reach_nothing(name: str, tmp_path: Path, watched: _Watch) -> None:
    path = tmp_path / name
    path.write_text(TEXT_REACHING_OUT[name], encoding="utf-8")
    assert _read(path, watched) == []


def test_csv_tables_naming_other_files_reach_nothing(tmp_path: Path, watched: _Watch) -> None:
    folder = tmp_path / "tables"
    folder.mkdir()
    (folder / "plan.csv").write_text("id,country,title\n/etc/passwd,FR,file:///etc/passwd\n")
    (folder / "commitments.csv").write_text("id,number,title\n../../etc/passwd,1,x\n")
    assert _read(folder, watched) == []


def test_the_watch_sees_an_open_and_a_socket(tmp_path: Path, watched: _Watch) -> None:
    import socket

    outside = Path(__file__)
    outside.read_bytes()
    with socket.socket() as s:
        s.settimeout(0.01)
        with contextlib.suppress(OSError):
            s.connect(("127.0.0.1", 9))
    events = {event for event, _ in watched.seen}
    assert "open" in events
    assert "socket.connect" in events
