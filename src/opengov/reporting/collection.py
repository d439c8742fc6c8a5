"""Summaries of a plan collection: one line per plan and a total, as text, Markdown or HTML.

Every figure comes from the plans' scorecards (:func:`opengov.rules.score`): the completion of a
plan is its ``completion_rate`` outcome, unknown completions counted as unknown; the total adds
up the plans' counts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from opengov._display import terminal
from opengov.model import ActionPlan, PlanCollection
from opengov.reporting._escape import html, markdown, plain
from opengov.reporting._wording import shipped_standard_sets
from opengov.reporting.documents import PAGE_CSS
from opengov.reporting.scorecard_view import value_text
from opengov.rules import score
from opengov.rules.base import Outcome
from opengov.rules.progress import CompletionRate
from opengov.rules.scorecard import Scorecard

__all__ = [
    "FORMATS",
    "collection_html",
    "collection_markdown",
    "collection_scores_text",
    "collection_text",
    "total_completion",
]

_MISSING = "—"
_WIDEST = 32  # text columns are padded to their longest value, up to this width


def _cards(collection: PlanCollection, cards: Sequence[Scorecard] | None) -> list[Scorecard]:
    if cards is None:
        sets = shipped_standard_sets()
        return [score(plan, standards=sets) for plan in collection.plans]
    if len(cards) != len(collection.plans):
        raise ValueError(f"{len(cards)} scorecards for {len(collection.plans)} plans")
    return list(cards)


def total_completion(cards: Sequence[Scorecard]) -> Outcome:
    """The plans' completion rates added up: counts summed, unknowns still counted as unknown."""
    rates: list[CompletionRate] = [card.figures["completion_rate"].value for card in cards]
    total = CompletionRate(
        achieved=sum(r.achieved for r in rates),
        known=sum(r.known for r in rates),
        unknown=sum(r.unknown for r in rates),
        excluded=sum(r.excluded for r in rates),
    )
    why = (
        f"{total.achieved} of {total.known} commitments with a known completion are substantial "
        f"or complete, over {len(rates)} plans; {total.unknown} have no known completion"
    )
    if total.excluded:
        why += f"; {total.excluded} withdrawn or not applicable left out"
    inputs = {card.plan_id: card.figures["completion_rate"].value for card in cards}
    return Outcome("completion_rate", total, why, inputs)


def _row(plan: ActionPlan, card: Scorecard) -> list[str]:
    """The cells of a plan's line: id, member, period, commitments, completion (each on one
    line, not yet escaped for the terminal, Markdown or HTML)."""
    cells = [
        plan.id,
        plan.member or plan.country,
        str(plan.period) if plan.period else _MISSING,
        str(len(plan.commitments)),
        value_text(card.figures["completion_rate"]),
    ]
    return cells


def _heading(collection: PlanCollection) -> str:
    return collection.title or collection.id


def _commitments(collection: PlanCollection) -> int:
    return sum(len(plan.commitments) for plan in collection.plans)


def _counts(collection: PlanCollection) -> str:
    return f"{len(collection.plans)} plans, {_commitments(collection)} commitments"


def collection_text(collection: PlanCollection, cards: Sequence[Scorecard] | None = None) -> str:
    """The summary for terminals: a heading, one line per plan, and a total line."""
    cards = _cards(collection, cards)
    header = ["plan", "member", "period", "commitments", "completion"]
    rows = [
        [plain(cell) for cell in _row(plan, card)]
        for plan, card in zip(collection.plans, cards, strict=True)
    ]
    widths = [min(_WIDEST, max(len(r[i]) for r in [header, *rows])) for i in range(4)]

    def line(cells: list[str]) -> str:
        left = [cells[i].ljust(widths[i]) for i in range(3)]
        return "  ".join([*left, cells[3].rjust(widths[3]), cells[4]])

    heading = f"{plain(_heading(collection))} ({plain(collection.id)})"
    lines = [heading, "=" * min(len(heading), 100), _counts(collection), "", line(header)]
    lines += [line(row) for row in rows]
    total = value_text(total_completion(cards))
    lines += ["", f"Total: {_counts(collection)}; completion: {total}"]
    return terminal("\n".join(lines) + "\n")


_md = markdown


def collection_markdown(
    collection: PlanCollection, cards: Sequence[Scorecard] | None = None
) -> str:
    """The summary as Markdown: a table with one row per plan and a total row."""
    cards = _cards(collection, cards)
    lines = [
        f"# {_md(_heading(collection))}",
        "",
        f"Collection {_md(collection.id)}: {_counts(collection)}.",
        "",
        "| plan | member | period | commitments | completion |",
        "|---|---|---|---:|---|",
    ]
    for plan, card in zip(collection.plans, cards, strict=True):
        lines.append("| " + " | ".join(_md(cell) for cell in _row(plan, card)) + " |")
    total = _md(value_text(total_completion(cards)))
    lines.append(
        f"| **Total** | {len(collection.plans)} plans | | **{_commitments(collection)}** | {total} |"
    )
    return "\n".join(lines) + "\n"


_CSS = (
    PAGE_CSS
    + """
td.n { text-align: right; }
tfoot td { font-weight: bold; border-top: 2px solid #999; }
"""
)


def collection_html(collection: PlanCollection, cards: Sequence[Scorecard] | None = None) -> str:
    """The summary as one self-contained HTML page (inline CSS, no script, no network)."""
    cards = _cards(collection, cards)
    e = html
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(_heading(collection))}</title><style>{_CSS}</style></head><body>",
        f"<h1>{e(_heading(collection))}</h1>",
        f"<p>Collection {e(collection.id)}: {_counts(collection)}.</p>",
        "<table><thead><tr><th>plan</th><th>member</th><th>period</th><th>commitments</th>"
        "<th>completion</th></tr></thead><tbody>",
    ]
    for plan, card in zip(collection.plans, cards, strict=True):
        cells = [e(cell) for cell in _row(plan, card)]
        out.append(
            f"<tr><td>{cells[0]}</td><td>{cells[1]}</td><td>{cells[2]}</td>"
            f'<td class="n">{cells[3]}</td><td>{cells[4]}</td></tr>'
        )
    out.append("</tbody><tfoot>")
    out.append(
        f"<tr><td>Total</td><td>{len(collection.plans)} plans</td><td></td>"
        f'<td class="n">{_commitments(collection)}</td><td>{e(value_text(total_completion(cards)))}</td></tr>'
    )
    out.append("</tfoot></table></body></html>")
    return "\n".join(out) + "\n"


FORMATS: dict[str, Callable[[PlanCollection, Sequence[Scorecard] | None], str]] = {
    "text": collection_text,
    "markdown": collection_markdown,
    "html": collection_html,
}
"""The summary's renderers by format name (the formats of ``opengov report``)."""


def collection_scores_text(
    collection: PlanCollection, cards: Sequence[Scorecard] | None = None
) -> str:
    """One line per plan: its id and every scorecard figure's value (explanations left out)."""
    cards = _cards(collection, cards)
    lines = [f"Scorecards: {plain(_heading(collection))} ({_counts(collection)})", ""]
    for card in cards:
        figures = "; ".join(
            f"{name.replace('_', ' ')}: {value_text(outcome)}"
            for name, outcome in card.figures.items()
        )
        lines.append(f"{plain(card.plan_id)}: {plain(figures)}")
    return terminal("\n".join(lines) + "\n")
