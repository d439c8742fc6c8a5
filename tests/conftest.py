"""Shared fixtures: the real data that tests read, all inside the repository (``tests/data``)."""

from __future__ import annotations

from pathlib import Path

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
