"""The documentation's code runs (every Python block of the tutorial, in order) and
type-checks under ``mypy --strict``, as a user's own code would."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)

#: Pages whose Python blocks continue from a plan the reader already has (``html_report(plan)``):
#: fragments, not programs, so they are not type-checked.
FRAGMENTS = {"docs/how-to/publish.md", "docs/how-to/report.md"}


def python_blocks(page: str) -> list[str]:
    return BLOCK.findall((DOCS / page).read_text(encoding="utf-8"))


def program_of(path: Path) -> tuple[str, list[int]]:
    """A page's Python blocks joined in order, and the page line of each line of the result."""
    text = path.read_text(encoding="utf-8")
    lines: list[str] = []
    origin: list[int] = []
    for match in BLOCK.finditer(text):
        first = text.count("\n", 0, match.start(1)) + 1
        block = match.group(1).splitlines()
        lines += block
        origin += range(first, first + len(block))
    return "\n".join(lines) + "\n", origin


def documented_programs() -> list[Path]:
    """README.md and every documentation page with Python blocks, fragments left out."""
    pages = [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]
    return [
        page
        for page in pages
        if page.relative_to(ROOT).as_posix() not in FRAGMENTS
        and BLOCK.search(page.read_text(encoding="utf-8"))
    ]


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


def test_fragment_pages_exist() -> None:
    for page in FRAGMENTS:
        text = (ROOT / page).read_text(encoding="utf-8")
        assert BLOCK.search(text), f"{page} has no Python block: drop it from FRAGMENTS"


def test_documented_code_type_checks(
    tmp_path: Path, mypy_strict: Callable[..., tuple[int, str]]
) -> None:
    programs = documented_programs()
    assert {"README.md", "tutorial.md", "model.md", "ogp-export.md"} <= {p.name for p in programs}
    origins: dict[str, tuple[str, list[int]]] = {}
    for page in programs:
        name = page.relative_to(ROOT).as_posix()
        module = tmp_path / ("doc_" + re.sub(r"\W", "_", name.removesuffix(".md")) + ".py")
        source, origin = program_of(page)
        module.write_text(source, encoding="utf-8")
        origins[str(module)] = (name, origin)
    status, report = mypy_strict(*(Path(m) for m in origins))

    def page_line(match: re.Match[str]) -> str:
        if match[1] not in origins:
            return match[0]
        name, origin = origins[match[1]]
        return f"{name}:{origin[int(match[2]) - 1]}:"

    readable = re.sub(r"^(\S+?\.py):(\d+):", page_line, report, flags=re.MULTILINE)
    assert status == 0, readable
