"""A report that does not mislead: unknown milestones shown as unknown, every percentage with
what it is out of, one palette, and charts of a sane size for any number of categories."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from itertools import combinations

import pytest

from opengov.model import ActionPlan, Commitment, Conformity, Milestone, MilestoneStatus
from opengov.reporting import text_report
from opengov.reporting._charts import (
    MAX_COLUMNS,
    MAX_ROWS,
    WIDTH,
    Bar,
    Cell,
    Segment,
    StackedRow,
    bar_chart,
    grid_chart,
    stacked_chart,
)
from opengov.reporting._palette import MILESTONE_COLOURS, UNKNOWN, VERDICT_COLOURS
from opengov.reporting.documents import html_report, markdown_report
from opengov.rules.progress import milestone_progress

SVG = "{http://www.w3.org/2000/svg}"
#: Bounds of any chart: its width, and its height whatever the number of rows.
MAX_HEIGHT = 3000


def _milestones(prefix: str, *statuses: MilestoneStatus) -> list[Milestone]:
    return [
        Milestone(id=f"{prefix}/m{i}", title=f"Step {i}", status=s)
        for i, s in enumerate(statuses, 1)
    ]


@pytest.fixture(scope="module")
def plan() -> ActionPlan:
    done, unknown = MilestoneStatus.DONE, MilestoneStatus.UNKNOWN
    return ActionPlan(
        id="t",
        country="GB",
        title="Test plan",
        language="en",
        commitments=[
            Commitment(
                id="t/c01",
                number=1,
                title="Half known",
                milestones=_milestones("t/c01", done, unknown, unknown, unknown),
            ),
            Commitment(
                id="t/c02",
                number=2,
                title="All done",
                milestones=_milestones("t/c02", done, done),
            ),
        ],
    )


def _svg(page: str, chart_id: str) -> ET.Element:
    start = page.index(f'<svg id="{chart_id}"')
    return ET.fromstring(page[start : page.index("</svg>", start) + len("</svg>")])


def test_the_rule_alone_would_say_100_percent(plan: ActionPlan) -> None:
    assert milestone_progress(plan.commitments[0]).value == 1.0


def test_unknown_milestones_have_their_own_segment(plan: ActionPlan) -> None:
    svg = _svg(html_report(plan), "chart-commitments")
    segments = svg.findall(f"{SVG}rect[@class='segment']")
    unknown = [s for s in segments if s.get("data-key") == "unknown"]
    done = [s for s in segments if s.get("data-key") == "done"]
    assert len(unknown) == 1
    assert len(done) == 2
    assert unknown[0].get("fill") == UNKNOWN
    assert unknown[0].get("fill") != done[0].get("fill")
    title = unknown[0].findtext(f"{SVG}title")
    assert title == "Unknown: 3 of 4"
    # the unknown segment is three times as long as the done one beside it
    assert float(unknown[0].get("width", 0)) == pytest.approx(3 * float(done[0].get("width", 0)))
    legend = [t.text for t in svg.findall(f"{SVG}text")]
    assert "Unknown" in legend


def _row_text(svg: ET.Element, label: str) -> str:
    """The texts drawn on the row whose label starts with ``label``."""
    texts = svg.findall(f"{SVG}text")
    (start,) = [i for i, t in enumerate(texts) if (t.text or "").startswith(label)]
    top = float(texts[start].get("y", 0))
    return " ".join(t.text or "" for t in texts if 0 <= float(t.get("y", 0)) - top < 45)


def test_no_100_percent_for_a_commitment_with_unknowns(plan: ActionPlan) -> None:
    page = html_report(plan)
    svg = _svg(page, "chart-commitments")
    half = _row_text(svg, "1. Half known")
    assert "milestones done: 1 of 4 (25%); status unknown: 3" in half
    assert "100" not in half
    assert "milestones done: 2 of 2 (100%)" in _row_text(svg, "2. All done")
    (row,) = re.findall(r"<tr><td>1</td>.*?</tr>", page)
    assert "milestones done: 1 of 4 (25%); status unknown: 3" in row
    assert "100" not in row
    for lang in ("fr", "es"):
        (row,) = re.findall(r"<tr><td>1</td>.*?</tr>", html_report(plan, lang=lang))
        assert "25\u00a0%" in row
        assert "100" not in row


def test_the_same_words_in_every_format(plan: ActionPlan) -> None:
    phrase = "milestones done: 1 of 4 (25%); status unknown: 3"
    assert f"| 1 | Half known | — | Unknown | {phrase} |" in markdown_report(plan)
    assert f"     {phrase}\n" in text_report(plan)
    assert phrase in html_report(plan)


def test_unknown_never_shares_a_colour() -> None:
    assert set(MILESTONE_COLOURS) == set(MilestoneStatus)
    assert set(VERDICT_COLOURS) == set(Conformity)
    assert MILESTONE_COLOURS[MilestoneStatus.UNKNOWN] == UNKNOWN
    others = [c for s, c in MILESTONE_COLOURS.items() if s is not MilestoneStatus.UNKNOWN]
    assert MILESTONE_COLOURS[MilestoneStatus.DONE] != UNKNOWN
    assert UNKNOWN not in others
    assert UNKNOWN not in VERDICT_COLOURS.values()
    assert len(set(MILESTONE_COLOURS.values())) == len(MilestoneStatus)


# --- size and layout ---------------------------------------------------------------------------


def _boxes(svg: ET.Element) -> list[tuple[float, float, float, float, str]]:
    """Each text's box (left, top, right, bottom), estimated generously: 0.6 em a character."""
    boxes = []
    for text in svg.iter(f"{SVG}text"):
        content = text.text or ""
        size = float(text.get("font-size", 12))
        width = len(content) * size * 0.6
        x, y = float(text.get("x", 0)), float(text.get("y", 0))
        left = {"start": x, "middle": x - width / 2, "end": x - width}[
            text.get("text-anchor", "start")
        ]
        boxes.append((left, y - 0.8 * size, left + width, y + 0.2 * size, content))
    return boxes


def _check_layout(chart: str, rows: int, columns: int = 0) -> ET.Element:
    svg = ET.fromstring(chart)
    _, _, width, height = (float(v) for v in svg.get("viewBox", "").split())
    assert width == WIDTH
    assert height <= MAX_HEIGHT
    boxes = _boxes(svg)
    for left, top, right, bottom, content in boxes:
        assert left >= 0 and right <= width + 1, content
        assert top >= 0 and bottom <= height, content
    for a, b in combinations(boxes, 2):
        apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
        assert apart, f"{a[4]!r} overlaps {b[4]!r}"
    if rows > MAX_ROWS:
        assert f"… and {rows - MAX_ROWS} more" in chart
    if columns > MAX_COLUMNS:
        assert f"… and {columns - MAX_COLUMNS} more" in chart
    return svg


def _label(i: int) -> str:
    return f"Category {i}: " + "a rather long name that will not fit on one line " * (i % 3)


CHARTS: dict[str, Callable[[int], str]] = {
    "bars": lambda n: bar_chart(
        "c",
        "Bars",
        [Bar(_label(i), i * 7 % 50, MILESTONE_COLOURS[MilestoneStatus.DONE]) for i in range(n)],
        more="… and {count} more",
    ),
    "stacked": lambda n: stacked_chart(
        "c",
        "Stacked " * 30,
        [
            StackedRow(
                _label(i),
                (
                    Segment("done", i % 4, MILESTONE_COLOURS[MilestoneStatus.DONE], "Done"),
                    Segment("unknown", 3, UNKNOWN, "Unknown"),
                ),
                (
                    "completion: Unknown",
                    "milestones done: 1 of 4 (25%); status unknown: 3 " * (i % 3),
                ),
            )
            for i in range(n)
        ],
        [(s.label_en, MILESTONE_COLOURS[s]) for s in MilestoneStatus],
        more="… and {count} more",
    ),
    "grid rows": lambda n: grid_chart(
        "c",
        "Grid",
        [_label(i) for i in range(n)],
        ["Throughout the OGP cycle", "Development of the action plan", "Implementation"],
        {(_label(i), "Implementation"): Cell("Partial conformity", "#fee08b") for i in range(n)},
        empty=Cell("no verdict", UNKNOWN),
        more="… and {count} more",
    ),
    "grid columns": lambda n: grid_chart(
        "c",
        "Grid",
        ["One row"],
        [_label(i) for i in range(n)],
        {("One row", _label(i)): Cell("Full conformity", "#1a9850") for i in range(n)},
        empty=Cell("no verdict", UNKNOWN),
        more="… and {count} more",
    ),
}


@pytest.mark.parametrize("count", [1, 5, 40, 200])
@pytest.mark.parametrize("kind", sorted(CHARTS))
def test_charts_keep_a_sane_size(kind: str, count: int) -> None:
    if kind == "grid columns":
        _check_layout(CHARTS[kind](count), 1, count)
    else:
        _check_layout(CHARTS[kind](count), count)


def test_row_charts_grow_with_rows_but_not_past_the_bound() -> None:
    heights = []
    for n in (1, 5, 40, 200, 400):
        _, _, _, height = ET.fromstring(CHARTS["bars"](n)).get("viewBox", "").split()
        heights.append(float(height))
    assert heights[0] < 100
    assert heights[0] < heights[1] < heights[2] < heights[3]
    assert heights[3] == heights[4]


def test_long_labels_are_cut_but_kept_whole_in_the_title() -> None:
    label = (
        "A commitment title so long it cannot possibly fit in two lines of the label column " * 2
    )
    chart = stacked_chart(
        "c", "t", [StackedRow(label, (Segment("done", 1, "#1a9850", label),), ("x",))], []
    )
    svg = _check_layout(chart, 1)
    drawn = [t.text or "" for t in svg.iter(f"{SVG}text")]
    assert any(line.endswith("…") for line in drawn)
    assert svg.find(f"{SVG}rect[@class='segment']/{SVG}title").text == label  # type: ignore[union-attr]


def test_the_real_report_charts_are_laid_out(plan: ActionPlan, france: ActionPlan) -> None:
    for page in (html_report(france), html_report(france, lang="en"), html_report(plan)):
        for chart in re.findall(r'<svg id="chart-.*?</svg>', page):
            _check_layout(chart, 0)
