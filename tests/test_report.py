"""The report people read: text, Markdown, and HTML with inline SVG charts, checked in a real
headless browser."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

import opengov
from _hostile import (
    LINE_STARTS,
    PAYLOAD,
    RAW_CONTROLS,
    bidi_contained,
    check_terminal_output,
    poisoned,
)
from opengov.cli.main import main
from opengov.model import PlanCollection
from opengov.reporting import text_report
from opengov.reporting.documents import html_report, markdown_report


def test_text_report_is_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Plan d'action 2018-2020 (2018-2020)")
    assert "Influence du public (élaboration du plan d'action) : Implication" in out
    assert "repris par : " in out
    assert "  Appréciation d'ensemble : Conformité partielle" in out
    assert "     jalons réalisés : 0 sur 3 (0\u00a0%) ; statut inconnu : 3" in out


def test_markdown_report(france: opengov.ActionPlan) -> None:
    text = markdown_report(france)
    assert text.startswith("# Plan d'action 2018-2020")
    assert "| 17 | Donner les moyens aux citoyens de contrôler" in text
    assert (
        "| Diffusion de l'information | Tout au long du cycle PGO | Conformité totale | CONFORMITÉ TOTALE. |"
        in text
    )
    assert "**taux d'achèvement** : 0\u00a0% des 1 connus ; 20 inconnus" in text
    assert "*repris par* : " in text
    english = markdown_report(france, lang="en")
    assert (
        "| Dissemination of information | Throughout the OGP cycle | Full conformity | CONFORMITÉ TOTALE. |"
        in english
    )
    assert "**completion rate**: 0% of 1 known; 20 unknown" in english
    assert "*echoed by*: " in english


def test_html_report_is_self_contained(france: opengov.ActionPlan) -> None:
    page = html_report(france)
    assert page.startswith("<!DOCTYPE html>")
    for chart in ("chart-commitments", "chart-milestones", "chart-conformity"):
        assert f'<svg id="{chart}"' in page
    assert "<script" not in page
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    assert "Déclaré par le plan" in page


def test_report_command_writes_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["report", "fr-2018-2020", "--format", "html", "-o", str(tmp_path / "fr.html")]) == 0
    )
    assert (tmp_path / "fr.html").read_text(encoding="utf-8").count("<svg") == 3
    assert main(["report", "--format", "markdown"]) == 0
    assert capsys.readouterr().out.startswith("# Plan d'action")


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        pytest.skip("no Chromium, and no way to install it here (needs root and apt-get)")
    for command in (
        ["apt-get", "install", "-y", "-q", "chromium"],
        ["apt-get", "update", "-q"],
        ["apt-get", "install", "-y", "-q", "chromium"],
    ):
        done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=900)
        if command[1] == "install" and done.returncode == 0:
            break
    found = shutil.which("chromium")
    if not found:
        pytest.skip("Chromium could not be installed from Debian's packages")
    return found


def test_html_report_renders_in_a_real_browser(france: opengov.ActionPlan, tmp_path: Path) -> None:
    browser = _chromium()
    page = tmp_path / "fr.html"
    page.write_text(html_report(france), encoding="utf-8")
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    dom = subprocess.run(
        [browser, *flags, "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert dom.count("<svg") == 3
    assert dom.count('class="bar"') == 9
    assert dom.count('class="segment"') >= 4
    assert dom.count('class="cell"') == 9
    shot = tmp_path / "fr.png"
    subprocess.run(
        [browser, *flags, f"--screenshot={shot}", "--window-size=1100,1600", page.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000


# --- hostile text: every field of the plan carries a payload -----------------------------------


class _Page(HTMLParser):
    """The tags, attributes and text of an HTML page."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.attributes: list[tuple[str, str, str]] = []
        self.texts: list[str] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        self.attributes += [(tag, name, value or "") for name, value in attrs]

    def handle_data(self, data: str) -> None:
        self.texts.append(data)


def _check_page(page: str, clean: str) -> None:
    """The page has the clean report's kinds of element and headings, and no other: no script,
    no link, no image, no handler."""
    found, expected = _Page(page), _Page(clean)
    assert set(found.tags) <= set(expected.tags), set(found.tags) - set(expected.tags)
    for heading in ("h1", "h2", "h3", "h4", "h5", "h6", "hr"):
        assert found.tags[heading] == expected.tags[heading], heading
    names = {(tag, name) for tag, name, _ in expected.attributes}
    for tag, name, value in found.attributes:
        assert (tag, name) in names, (tag, name, value)  # no handler, no href, no src
        assert bidi_contained(value), repr(value)
    for text in (*found.texts, *(value for *_, value in found.attributes)):
        assert not RAW_CONTROLS & set(text) - {"\t", "\r"}, repr(text)
    for text in found.texts:
        assert bidi_contained(text), repr(text)


@pytest.mark.hostile
@pytest.mark.parametrize("lang", [None, "en"])
def test_markdown_report_shows_hostile_text_as_text(
    france: opengov.ActionPlan, lang: str | None
) -> None:
    """Rendered by a Markdown library, the report has the clean report's elements: every field
    is escaped, so no raw HTML, link, image, heading or table cell comes from the data."""
    text = markdown_report(poisoned(france), lang=lang)
    assert not RAW_CONTROLS & set(text)
    extensions = ["tables"]
    page = markdown.markdown(text, extensions=extensions)
    clean = markdown.markdown(markdown_report(france, lang=lang), extensions=extensions)
    _check_page(page, clean)
    assert "&lt;script&gt;" in text and "\\[click\\]" in text


@pytest.mark.hostile
@pytest.mark.parametrize("start", LINE_STARTS)
def test_markdown_values_start_no_block(france: opengov.ActionPlan, start: str) -> None:
    """A value that starts like a heading, a list or a rule, placed after a list marker
    (an ambition, a next step), stays text."""
    extensions = ["tables"]
    page = markdown.markdown(
        markdown_report(poisoned(france, start, before=True), lang="en"), extensions=extensions
    )
    clean = markdown.markdown(markdown_report(france, lang="en"), extensions=extensions)
    _check_page(page, clean)
    assert _Page(page).tags["li"] == _Page(clean).tags["li"]
    assert _Page(page).tags["blockquote"] == _Page(clean).tags["blockquote"]


@pytest.mark.hostile
def test_html_report_shows_hostile_text_as_text(france: opengov.ActionPlan) -> None:
    _check_page(html_report(poisoned(france), lang="en"), html_report(france, lang="en"))


@pytest.mark.hostile
def test_text_report_shows_hostile_text_as_text(france: opengov.ActionPlan) -> None:
    text = text_report(poisoned(france))
    check_terminal_output(text)
    assert "\\x1b]0;retitled\\x07" in text  # shown, escaped


@pytest.mark.hostile
@pytest.mark.parametrize(
    "command",
    [["report"], ["report", "--format", "markdown"], ["score"], ["score", "--json"], ["validate"]],
    ids=lambda c: "-".join(c),
)
def test_the_terminal_gets_no_escape_from_the_data(
    command: list[str],
    france: opengov.ActionPlan,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "plan.json"
    opengov.dump(poisoned(france), path)
    collection = tmp_path / "plans.json"
    opengov.dump(PlanCollection(id="c", title=PAYLOAD, plans=[poisoned(france)]), collection)
    for source in (path, collection):
        main([*command, str(source)])
        out, err = capsys.readouterr()
        check_terminal_output(out)
        check_terminal_output(err)
        if "--json" in command:  # the data exactly, the unsafe characters as JSON escapes
            assert "\\u202e" in out and "\\u0085" in out
            cards = json.loads(out)
            card = cards if isinstance(cards, dict) else cards[0]
            assert card["title"] == poisoned(france).title
