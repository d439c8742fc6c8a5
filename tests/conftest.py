"""Shared fixtures: the real data that tests read, all inside the repository (``tests/data``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import mypy.api
import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="session")
def seed_text() -> str:
    """France's 2018-2020 self-assessment report, as text."""
    return (DATA / "seeds" / "france-2018-2020-self-assessment.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def ogp_export_path() -> Path:
    """The real OGP commitment export (558 rows)."""
    return DATA / "ogp" / "open_parliament_0703.csv"


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
def ogp_rows_and_assessments(ogp_export_path: Path) -> list[tuple[dict[str, str], object]]:
    """Every row of the OGP export (as a dict) beside the IRM assessment the library's own
    reader makes of it, in the file's order."""
    import csv

    from opengov.io.ogp import read_export

    with ogp_export_path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    found = read_export(ogp_export_path)
    assert not found.errors
    by_id = {c.id: c.irm for plan in found.collection.plans for c in plan.commitments}
    return [
        (row, by_id[f"{row['Action Plan ID']}/{row['Commitment Unique Identifier']}"])
        for row in rows
    ]
