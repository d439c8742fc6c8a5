"""The documentation's code runs: every Python block of the tutorial, in order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[1] / "docs"
BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def python_blocks(page: str) -> list[str]:
    return BLOCK.findall((DOCS / page).read_text(encoding="utf-8"))


def test_tutorial_runs(capsys: pytest.CaptureFixture[str]) -> None:
    blocks = python_blocks("tutorial.md")
    assert len(blocks) >= 5
    namespace: dict[str, object] = {}
    for number, block in enumerate(blocks, 1):
        try:
            exec(compile(block, f"tutorial.md block {number}", "exec"), namespace)
        except Exception as exc:  # pragma: no cover - the message is the point
            pytest.fail(f"tutorial block {number} failed: {exc!r}\n{block}")
    out = capsys.readouterr().out
    assert "$.commitments[0].number: expected a whole number, got text '1'" in out
    assert "Accroître la transparence de la commande publique" in out


@pytest.mark.parametrize(
    "page", ["concepts/model.md", "concepts/dates.md", "concepts/rules.md", "concepts/standards.md"]
)
def test_concept_snippets_run(page: str) -> None:
    for block in python_blocks(page):
        exec(compile(block, page, "exec"), {})


def test_validation_page_snippet_registers_a_check() -> None:
    from opengov.model import ActionPlan
    from opengov.rules import CHECKS, validate

    (block,) = python_blocks("concepts/validation.md")
    try:
        exec(compile(block, "validation.md", "exec"), {})
        issues = validate(ActionPlan(id="p", country="FR", title="t"), checks=["needs-ambitions"])
        assert [i.code for i in issues] == ["needs-ambitions"]
    finally:
        CHECKS.pop("needs-ambitions", None)
