"""The examples run as they are, and type-check under ``mypy --strict``."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_build_a_plan(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "build_a_plan.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "0 validation issues" in result.stdout
    assert "star_midterm_2015: yes" in result.stdout
    assert "1 of 1 commitments with a known completion are substantial or complete" in result.stdout
    assert (tmp_path / "example-plan.json").is_file()


def test_examples_type_check(mypy_strict: Callable[..., tuple[int, str]]) -> None:
    scripts = sorted(EXAMPLES.glob("*.py"))
    assert scripts
    status, report = mypy_strict(*scripts)
    assert status == 0, report
