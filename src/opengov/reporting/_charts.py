"""Small inline SVG charts (no script, no network): they render in any browser and in notebooks.

Their size stays sane whatever the number of categories: every chart is :data:`WIDTH` wide,
rows are one to three text lines tall, at most :data:`MAX_ROWS` rows and :data:`MAX_COLUMNS`
grid columns are drawn (a last line counts the rest), and grid columns share the width. Labels wrap onto at most two lines and are
cut with "…" beyond; the whole text stays in the element's ``<title>``. Text widths are
estimated at :data:`CHAR_WIDTH` per character, on the wide side for Latin text.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping, Sequence

from attrs import frozen

from opengov.reporting._escape import html
from opengov.reporting._palette import TRACK, ink
from opengov.reporting._wording import one_line

__all__ = [
    "CHAR_WIDTH",
    "MAX_COLUMNS",
    "MAX_ROWS",
    "WIDTH",
    "Bar",
    "Cell",
    "Segment",
    "StackedRow",
    "bar_chart",
    "grid_chart",
    "stacked_chart",
    "wrap",
]

#: Width of every chart (its viewBox), in SVG units.
WIDTH = 900
#: Most rows a chart draws; the others are counted in a last line.
MAX_ROWS = 50
#: Most columns a grid chart draws; the others are counted in a last line.
MAX_COLUMNS = 12
FONT_SIZE = 12
#: Estimated advance of one character at :data:`FONT_SIZE`.
CHAR_WIDTH = 0.62 * FONT_SIZE
_LINE = 15
_PAD = 8
_FONT = f'font-family="system-ui, sans-serif" font-size="{FONT_SIZE}"'

# Columns of the row charts: label, bar, value text.
_LABEL_W = 290
_BAR_X = 300
_BAR_W = 250
_BAR_H = 14
_VALUE_X = 560
_VALUE_W = WIDTH - _VALUE_X
_SWATCH = 12
# Grid charts: row labels, then the columns.
_GRID_LABEL_W = 220
_GRID_X = 230
_GRID_MAX_COLUMN = 200


@frozen
class Segment:
    """One part of a stacked bar: ``count`` items drawn in ``colour``, named ``title``.
    ``key`` (e.g. a status code) is kept in the element's ``data-key``."""

    key: str
    count: int
    colour: str
    title: str


@frozen
class StackedRow:
    """A row of a stacked chart: its label, its segments and the text beside the bar (lines)."""

    label: str
    segments: tuple[Segment, ...]
    value: tuple[str, ...]


@frozen
class Bar:
    """A row of a bar chart."""

    label: str
    count: int
    colour: str


@frozen
class Cell:
    """A cell of a grid chart."""

    text: str
    colour: str


def wrap(text: str, width: float, max_lines: int) -> list[str]:
    """``text`` broken into lines that fit ``width`` (estimated), at most ``max_lines`` of them,
    the last cut with "…" if the text is longer."""
    chars = max(1, int(width // CHAR_WIDTH))
    lines = textwrap.wrap(
        one_line(text), chars, max_lines=max_lines, placeholder="…", break_on_hyphens=False
    )
    return lines or [""]


class _Canvas:
    """An SVG being drawn from top to bottom: ``y`` is the top of free space."""

    def __init__(self, chart_id: str, title: str) -> None:
        self.chart_id = chart_id
        self.title = title
        self.parts: list[str] = [f"<title>{html(title)}</title>"]
        self.y = 0.0
        for line in wrap(title, WIDTH, 2):
            self.text(0, self.y + FONT_SIZE, line, bold=True)
            self.y += _LINE
        self.y += _PAD

    def text(
        self,
        x: float,
        baseline: float,
        text: str,
        *,
        anchor: str = "start",
        bold: bool = False,
        fill: str | None = None,
    ) -> None:
        attrs = f' text-anchor="{anchor}"' if anchor != "start" else ""
        attrs += ' font-weight="bold"' if bold else ""
        attrs += f' fill="{fill}"' if fill else ""
        self.parts.append(
            f'<text x="{x:.1f}" y="{baseline:.1f}" {_FONT}{attrs}>{html(text)}</text>'
        )

    def lines(self, x: float, top: float, lines: Sequence[str], *, anchor: str = "start") -> None:
        for i, line in enumerate(lines):
            self.text(x, top + FONT_SIZE + _LINE * i, line, anchor=anchor)

    def rect(
        self,
        x: float,
        y: float,
        width: float,
        height: float,
        fill: str,
        *,
        css: str | None = None,
        title: str | None = None,
        key: str | None = None,
    ) -> None:
        attrs = f' class="{css}"' if css else ""
        attrs += f' data-key="{html(key)}"' if key else ""
        head = f'<rect{attrs} x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}" fill="{fill}"'
        if title is None:
            self.parts.append(head + "/>")
        else:
            self.parts.append(f"{head}><title>{html(title)}</title></rect>")

    def legend(self, items: Sequence[tuple[str, str]]) -> None:
        """Colour swatches and their labels, flowing onto as many lines as needed."""
        x = 0.0
        for label, colour in items:
            text = wrap(label, WIDTH - _SWATCH - 4, 1)[0]
            width = _SWATCH + 4 + len(text) * CHAR_WIDTH
            if x and x + width > WIDTH:
                x = 0.0
                self.y += _LINE + 4
            self.rect(x, self.y + 1, _SWATCH, _SWATCH, colour, css="swatch")
            self.text(x + _SWATCH + 4, self.y + FONT_SIZE, text)
            x += width + 16
        if items:
            self.y += _LINE + 4 + _PAD

    def more(self, hidden: int, more: str) -> None:
        if hidden > 0:
            self.text(0, self.y + FONT_SIZE, more.format(count=hidden))
            self.y += _LINE

    def svg(self) -> str:
        height = math.ceil(self.y + _PAD)
        return (
            f'<svg id="{html(self.chart_id)}" class="chart" role="img" '
            f'aria-label="{html(self.title)}" viewBox="0 0 {WIDTH} {height}" width="100%" '
            f'xmlns="http://www.w3.org/2000/svg">' + "".join(self.parts) + "</svg>"
        )


def _row_lines(label: str, value: Sequence[str]) -> tuple[list[str], list[str]]:
    labels = wrap(label, _LABEL_W, 2)
    values = [line for text in value for line in wrap(text, _VALUE_W, 2)]
    if len(values) > 3:
        values = [*values[:2], wrap(" ".join(values[2:]), _VALUE_W, 1)[0]]
    return labels, values


def stacked_chart(
    chart_id: str,
    title: str,
    rows: Sequence[StackedRow],
    legend: Sequence[tuple[str, str]],
    *,
    more: str = "… {count}",
) -> str:
    """One horizontal bar per row, split into coloured segments (each row's bar is its own
    whole), with a legend of ``(label, colour)`` and each row's text beside its bar. ``more``
    (with ``{count}``) counts the rows beyond :data:`MAX_ROWS`."""
    canvas = _Canvas(chart_id, title)
    canvas.legend(legend)
    for row in rows[:MAX_ROWS]:
        labels, values = _row_lines(row.label, row.value)
        top = canvas.y
        canvas.lines(0, top, labels)
        canvas.rect(_BAR_X, top + 1, _BAR_W, _BAR_H, TRACK, css="track")
        total = sum(s.count for s in row.segments)
        if total:
            x = float(_BAR_X)
            for segment in row.segments:
                if segment.count <= 0:
                    continue
                width = _BAR_W * segment.count / total
                canvas.rect(
                    x,
                    top + 1,
                    width,
                    _BAR_H,
                    segment.colour,
                    css="segment",
                    title=segment.title,
                    key=segment.key,
                )
                x += width
        canvas.lines(_VALUE_X, top, values)
        canvas.y += _LINE * max(1, len(labels), len(values)) + _PAD
    canvas.more(len(rows) - MAX_ROWS, more)
    return canvas.svg()


def bar_chart(chart_id: str, title: str, bars: Sequence[Bar], *, more: str = "… {count}") -> str:
    """One horizontal bar per row, its length the row's count, the count beside it."""
    canvas = _Canvas(chart_id, title)
    top_count = max((bar.count for bar in bars), default=0) or 1
    for bar in bars[:MAX_ROWS]:
        labels = wrap(bar.label, _LABEL_W, 2)
        top = canvas.y
        canvas.lines(0, top, labels)
        canvas.rect(_BAR_X, top + 1, _BAR_W, _BAR_H, TRACK, css="track")
        if bar.count > 0:
            width = max(1.0, _BAR_W * bar.count / top_count)
            canvas.rect(
                _BAR_X,
                top + 1,
                width,
                _BAR_H,
                bar.colour,
                css="bar",
                title=f"{bar.label}: {bar.count}",
            )
        canvas.text(_VALUE_X, top + FONT_SIZE, str(bar.count))
        canvas.y += _LINE * len(labels) + _PAD
    canvas.more(len(bars) - MAX_ROWS, more)
    return canvas.svg()


def grid_chart(
    chart_id: str,
    title: str,
    rows: Sequence[str],
    columns: Sequence[str],
    cells: Mapping[tuple[str, str], Cell],
    *,
    empty: Cell,
    more: str = "… {count}",
) -> str:
    """A grid of coloured cells, ``cells[(row, column)]`` (``empty`` where there is none);
    the columns (at most :data:`MAX_COLUMNS`) share the width left by the row labels."""
    canvas = _Canvas(chart_id, title)
    hidden_columns = len(columns) - MAX_COLUMNS
    columns = columns[:MAX_COLUMNS]
    pitch = (WIDTH - _GRID_X) / max(1, len(columns))
    column_w = min(_GRID_MAX_COLUMN, pitch - 4)
    headers = [wrap(column, column_w, 3) for column in columns]
    for j, lines in enumerate(headers):
        canvas.lines(_GRID_X + pitch * j + column_w / 2, canvas.y, lines, anchor="middle")
    canvas.y += _LINE * max((len(lines) for lines in headers), default=0) + 4
    for row in rows[:MAX_ROWS]:
        labels = wrap(row, _GRID_LABEL_W, 2)
        texts = [wrap(cells.get((row, c), empty).text, column_w - 8, 2) for c in columns]
        height = _LINE * max(1, len(labels), *(len(t) for t in texts)) + 6
        top = canvas.y
        canvas.lines(0, top + (height - _LINE * len(labels)) / 2, labels)
        for j, column in enumerate(columns):
            cell = cells.get((row, column), empty)
            x = _GRID_X + pitch * j
            canvas.rect(
                x,
                top,
                column_w,
                height,
                cell.colour,
                css="cell",
                title=f"{row} / {column}: {cell.text}",
            )
            middle = x + column_w / 2
            first = top + (height - _LINE * len(texts[j])) / 2 + FONT_SIZE
            for i, line in enumerate(texts[j]):
                canvas.text(
                    middle,
                    first + _LINE * i,
                    line,
                    anchor="middle",
                    fill=ink(cell.colour),
                )
        canvas.y += height + 4
    canvas.more(len(rows) - MAX_ROWS, more)
    canvas.more(hidden_columns, more)
    return canvas.svg()
