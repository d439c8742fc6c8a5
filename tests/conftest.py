"""Shared fixtures: the real data that tests read, all inside the repository (``tests/data``),
and a network that refuses every connection."""

from __future__ import annotations

import csv
import socket
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import mypy.api
import pytest

import opengov
from opengov.model import ActionPlan

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="session")
def seed_text() -> str:
    """France's 2018-2020 self-assessment report, as text."""
    return (DATA / "seeds" / "france-2018-2020-self-assessment.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def france() -> Iterator[ActionPlan]:
    """The bundled France 2018-2020 plan, read once for the whole run: do not change it in
    place (``attrs.evolve`` a copy); the run fails if a test did."""
    plan = opengov.datasets.load("fr-2018-2020")
    yield plan
    assert plan == opengov.datasets.load("fr-2018-2020"), "a test changed the shared France plan"


@pytest.fixture(scope="session")
def france_text(france: ActionPlan) -> Callable[[str], str]:
    """The France plan's text in a text format (``json``, ``turtle``, ``nt``, ``json-ld``),
    written once per format."""
    texts: dict[str, str] = {}

    def text(fmt: str) -> str:
        if fmt not in texts:
            written = opengov.dump(france, format=fmt)
            assert written is not None
            texts[fmt] = written
        return texts[fmt]

    return text


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


@pytest.fixture(scope="session")
def ogp_export_path() -> Path:
    """The real OGP commitment export (558 rows)."""
    return DATA / "ogp" / "open_parliament_0703.csv"


@pytest.fixture(scope="session")
def ogp_export_rows(ogp_export_path: Path) -> list[dict[str, str]]:
    """The rows of the real OGP export as OGP wrote them, by column name (read them only)."""
    with ogp_export_path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _mypy_strict(*targets: Path) -> tuple[int, str]:
    stdout, stderr, status = mypy.api.run(
        [
            "--strict",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(ROOT / ".mypy_cache"),
            *map(str, targets),
        ]
    )
    return status, stdout + stderr


@pytest.fixture(scope="session")
def mypy_strict() -> Callable[..., tuple[int, str]]:
    """Run ``mypy --strict`` on files as a user would on their own code: (exit status, report)."""
    return _mypy_strict


@pytest.fixture(scope="session")
def ogp_rows_and_assessments(
    ogp_export_path: Path, ogp_export_rows: list[dict[str, str]]
) -> list[tuple[dict[str, str], object]]:
    """Every row of the OGP export (as a dict) beside the IRM assessment the library's own
    reader makes of it, in the file's order."""
    from opengov.io.ogp import read_export

    rows = ogp_export_rows
    found = read_export(ogp_export_path)
    assert not found.errors
    by_id = {c.id: c.irm for plan in found.collection.plans for c in plan.commitments}
    return [
        (row, by_id[f"{row['Action Plan ID']}/{row['Commitment Unique Identifier']}"])
        for row in rows
    ]
