"""Shared fixtures: paths to the real data that tests read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """The read-only ``shared/`` folder beside the repository (``OPENGOV_SHARED`` overrides)."""
    configured = os.environ.get("OPENGOV_SHARED")
    candidates = [Path(configured)] if configured else []
    candidates += [ROOT.parent / "shared", ROOT / "shared"]
    for candidate in candidates:
        if (candidate / "seeds").is_dir():
            return candidate
    raise RuntimeError(
        "the shared data folder was not found beside the repository; set OPENGOV_SHARED"
    )


@pytest.fixture(scope="session")
def seed_text() -> str:
    """France's 2018-2020 self-assessment report, as text."""
    return (shared_dir() / "seeds" / "000_b4cc25035c21ddeb.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def ogp_export_path() -> Path:
    """The real OGP commitment export (558 rows)."""
    return shared_dir() / "data" / "ogp" / "open_parliament_0703.csv"
