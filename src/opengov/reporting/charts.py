"""Small inline SVG charts (no script, no network): they render in any browser and in notebooks."""

from __future__ import annotations

from html import escape

__all__ = ["bar_chart", "grid_chart", "progress_chart"]

COLOURS = {
    "complete": "#1b7837",
    "substantial": "#5aae61",
    "limited": "#f1a340",
    "not_started": "#d73027",
    "withdrawn": "#762a83",
    "unknown": "#bababa",
    "verdict-full": "#1b7837",
    "verdict-partial": "#fee08b",
    "verdict-limited": "#f46d43",
    "none": "#e0e0e0",
}
_FONT = 'font-family="system-ui, sans-serif" font-size="12"'


def progress_chart(
    chart_id: str, title: str, rows: list[tuple[str, float | None, str, str]]
) -> str:
    """Horizontal bars, one per row: (label, share 0-1 or None, colour key, value text)."""
    height = 24 * len(rows) + 40
    width = 900
    parts = [
        f'<svg id="{chart_id}" class="chart" role="img" aria-label="{escape(title)}" '
        f'viewBox="0 0 {width} {height}" width="100%" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
        f'<text x="0" y="16" {_FONT} font-weight="bold">{escape(title)}</text>',
    ]
    for i, (label, share, colour, value) in enumerate(rows):
        y = 30 + 24 * i
        short = label if len(label) <= 46 else label[:45] + "…"
        parts.append(f'<text x="0" y="{y + 14}" {_FONT}>{escape(short)}</text>')
        parts.append(f'<rect x="330" y="{y}" width="300" height="18" fill="#f4f4f4"/>')
        if share is not None:
            bar = max(1.0, 300 * share)
            parts.append(
                f'<rect class="bar" x="330" y="{y}" width="{bar:.1f}" height="18" '
                f'fill="{COLOURS.get(colour, "#4575b4")}"><title>{escape(label)}: {escape(value)}</title></rect>'
            )
        parts.append(f'<text x="640" y="{y + 14}" {_FONT}>{escape(value)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def bar_chart(chart_id: str, title: str, bars: list[tuple[str, int]]) -> str:
    """Vertical bars: (label, count)."""
    top = max((count for _, count in bars), default=0) or 1
    width = max(360, 90 * len(bars) + 40)
    height = 240
    parts = [
        f'<svg id="{chart_id}" class="chart" role="img" aria-label="{escape(title)}" '
        f'viewBox="0 0 {width} {height}" width="100%" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
        f'<text x="0" y="16" {_FONT} font-weight="bold">{escape(title)}</text>',
    ]
    for i, (label, count) in enumerate(bars):
        x = 20 + 90 * i
        bar = 150 * count / top
        parts.append(
            f'<rect class="bar" x="{x}" y="{190 - bar:.1f}" width="60" height="{bar:.1f}" fill="#4575b4">'
            f"<title>{escape(label)}: {count}</title></rect>"
        )
        parts.append(
            f'<text x="{x + 30}" y="{185 - bar:.1f}" text-anchor="middle" {_FONT}>{count}</text>'
        )
        parts.append(
            f'<text x="{x + 30}" y="206" text-anchor="middle" {_FONT}>{escape(label[:14])}</text>'
        )
        if len(label) > 14:
            parts.append(
                f'<text x="{x + 30}" y="220" text-anchor="middle" {_FONT}>{escape(label[14:28])}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def grid_chart(
    chart_id: str,
    title: str,
    rows: list[str],
    columns: list[str],
    cells: dict[tuple[str, str], tuple[str, str]],
) -> str:
    """A grid of coloured cells: cells[(row, column)] = (colour key, text)."""
    width = 230 + 210 * len(columns)
    height = 60 + 36 * len(rows)
    parts = [
        f'<svg id="{chart_id}" class="chart" role="img" aria-label="{escape(title)}" '
        f'viewBox="0 0 {width} {height}" width="100%" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
        f'<text x="0" y="16" {_FONT} font-weight="bold">{escape(title)}</text>',
    ]
    for j, column in enumerate(columns):
        parts.append(
            f'<text x="{230 + 210 * j + 100}" y="42" text-anchor="middle" {_FONT}>{escape(column)}</text>'
        )
    for i, row in enumerate(rows):
        y = 52 + 36 * i
        parts.append(f'<text x="0" y="{y + 20}" {_FONT}>{escape(row)}</text>')
        for j, column in enumerate(columns):
            colour, text = cells.get((row, column), ("none", "—"))
            x = 230 + 210 * j
            parts.append(
                f'<rect class="cell" x="{x}" y="{y}" width="200" height="30" fill="{COLOURS.get(colour, "#e0e0e0")}">'
                f"<title>{escape(row)} / {escape(column)}: {escape(text)}</title></rect>"
            )
            parts.append(
                f'<text x="{x + 100}" y="{y + 20}" text-anchor="middle" {_FONT}>{escape(text)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)
