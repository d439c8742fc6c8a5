"""The documentation's code runs and type-checks under ``mypy --strict`` as a user's own code
would, and the built site shows the model and opens from disk."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from opengov.model.describe import field_doc, model_classes, public_fields

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)
DIRECTIVE = re.compile(r"^::: (\S+)", re.MULTILINE)

#: Pages whose Python blocks continue from a plan the reader already has (``html_report(plan)``):
#: fragments, not programs, so they are not type-checked.
FRAGMENTS = {"docs/how-to/publish.md", "docs/how-to/report.md", "docs/contributing.md"}


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
    "page",
    [
        "concepts/model.md",
        "concepts/dates.md",
        "concepts/real-plans.md",
        "concepts/rules.md",
        "concepts/standards.md",
    ],
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


#: Modules of ``opengov.io`` with a public name that the reference does not list: the command
#: that regenerates the vocabulary (``python -m opengov.io.rdf.ontology``), and the OGP export's
#: reader, whose names users import from ``opengov.io.ogp``.
UNLISTED = {"opengov.io.rdf.ontology"}


def test_the_reference_lists_the_public_modules_of_io_and_no_internal_one() -> None:
    pages = sorted((DOCS / "reference").glob("*.md"))
    listed = {name for page in pages for name in DIRECTIVE.findall(page.read_text("utf-8"))}
    internal = sorted(name for name in listed if re.search(r"\._(?!_)", name))
    assert internal == [], "the reference lists internal modules"
    source = ROOT / "src"
    public = set()
    for path in sorted((source / "opengov" / "io").rglob("*.py")):
        parts = path.relative_to(source).with_suffix("").parts
        parts = parts[:-1] if parts[-1] == "__init__" else parts
        if not any(part.startswith("_") for part in parts):
            public.add(".".join(parts))
    assert {"opengov.io.json", "opengov.io.rdf", "opengov.io.ogp"} <= public
    assert sorted(public - listed - UNLISTED) == [], "public modules missing from the reference"
    assert UNLISTED - public == set(), "drop renamed modules from UNLISTED"


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


# --- the built site ---------------------------------------------------------------------------
# The site is built once (strictly, as `make docs` does) into a temporary folder.

ROLE = re.compile(r":(?:class|attr|func|meth|mod|data|exc|obj):")
CELL = re.compile(r"<td>(.*?)</td>", re.DOTALL)
ROW = re.compile(r'<tr class="doc-section-item">(.*?)</tr>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")
LINK = re.compile(r'\s(?:href|src)="([^"]*)"')
ANCHOR = re.compile(r'\sid="([^"]*)"')


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(target)]
    done = subprocess.run(build, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return target


def text(fragment: str) -> str:
    return " ".join(html.unescape(TAG.sub(" ", fragment)).split())


def fields_table(page: str, cls: type) -> dict[str, tuple[str, str, str]]:
    """The "Fields:" table under a class heading: name -> (type, meaning, default)."""
    start = page.index(f'id="{cls.__module__}.{cls.__qualname__}"')
    section = page[start : page.index('class="doc doc-object doc-class"', start)]
    table = section[section.index("Fields:") :]
    rows = {}
    for row in ROW.findall(table[: table.index("</table>")]):
        name, kind, meaning, default = (text(cell) for cell in CELL.findall(row))
        rows[name.removesuffix("¶").strip()] = (kind, meaning, default)
    return rows


@pytest.mark.slow
def test_reference_lists_milestone_fields_with_types(site: Path) -> None:
    from opengov.model import Milestone

    page = (site / "reference" / "model.html").read_text(encoding="utf-8")
    fields = fields_table(page, Milestone)
    assert fields["due"][0] == "DateSpan | None"
    assert fields["completed"][0] == "DateSpan | None"
    assert fields["status"] == (
        "MilestoneStatus",
        field_doc(Milestone, "status").doc,
        "MilestoneStatus.UNKNOWN",
    )
    assert fields["id"][2] == "required"
    assert fields["resources"][2] == "[]"
    # The type links to the class it names.
    assert 'href="#opengov.model.dates.DateSpan"' in page


@pytest.mark.slow
def test_reference_shows_every_field_of_every_model_class(site: Path) -> None:
    page = (site / "reference" / "model.html").read_text(encoding="utf-8")
    for cls in model_classes():
        fields = fields_table(page, cls)
        expected = [field.name for field in public_fields(cls)]
        assert list(fields) == expected, cls.__name__
        for name, (_, meaning, _) in fields.items():
            assert meaning == field_doc(cls, name).doc, f"{cls.__name__}.{name}"


@pytest.mark.slow
def test_sphinx_roles_render_as_links(site: Path) -> None:
    for page in sorted((site / "reference").glob("*.html")):
        content = page.read_text(encoding="utf-8")
        assert not ROLE.search(text(content)), f"raw Sphinx role in {page.name}"
    model = (site / "reference" / "model.html").read_text(encoding="utf-8")
    # :attr:`ActionPlan.organisations` in Commitment's docstring links to that field's row.
    link = 'href="#opengov.model.plan.ActionPlan(organisations)"><code>ActionPlan.organisations'
    assert link in model
    # An internal object re-exported by its package links to its public name; one that is not
    # is shown as code, without a link to a page that does not list it.
    rdf = (site / "reference" / "rdf.html").read_text(encoding="utf-8")
    assert 'href="#opengov.io.rdf.to_graph"><code>to_graph</code>' in rdf
    io = (site / "reference" / "io.html").read_text(encoding="utf-8")
    assert "<code>opengov.io._fs.atomic_folder</code>" in io
    assert 'href="#opengov.io._' not in io + rdf


@pytest.mark.slow
def test_every_relative_link_opens_a_file(site: Path) -> None:
    """From file://, a link to a folder shows a listing: every link must name a file (and an
    anchor that exists in it)."""
    anchors: dict[Path, set[str]] = {}

    def has_anchor(page: Path, fragment: str) -> bool:
        if page not in anchors:
            anchors[page] = set(ANCHOR.findall(page.read_text(encoding="utf-8")))
        return html.unescape(fragment) in anchors[page]

    # 404.html is for a web server to send for any missing path: its links are root-absolute.
    pages = sorted(p for p in site.rglob("*.html") if p.name != "404.html")
    assert len(pages) > 20
    broken = []
    for page in pages:
        for link in LINK.findall(page.read_text(encoding="utf-8")):
            if link.startswith("//") or re.match(r"[a-z][a-z0-9+.-]*:", link):
                continue  # another site
            path, _, fragment = link.partition("#")
            path = html.unescape(path.partition("?")[0])
            target = (page.parent / path).resolve() if path else page
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: {link}")
            elif fragment and target.suffix == ".html" and not has_anchor(target, fragment):
                broken.append(f"{page.relative_to(site)}: {link} (no such anchor)")
    assert broken == []


@pytest.mark.slow
def test_the_site_loads_nothing_from_the_network_and_searches_offline(site: Path) -> None:
    # Search from file:// runs through the shim, on the index inlined as a script.
    assert (site / "search" / "search_index.js").is_file()
    external = re.compile(r'<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)="(?:https?:)?//')
    for page in site.rglob("*.html"):
        content = page.read_text(encoding="utf-8")
        assert "assets/offline/iframe-worker-shim.js" in content, page.name
        assert not external.search(content), page.name
