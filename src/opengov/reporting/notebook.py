"""Rich display in notebooks: the HTML behind ``_repr_html_`` of plans, commitments and
scorecards.

The classes' own ``_repr_html_`` methods call these functions, so the model holds only the
hook's name and no presentation code.
"""

from __future__ import annotations

from collections import Counter

from opengov.model import ActionPlan, Commitment, Conformity, MilestoneStatus
from opengov.reporting._escape import html as escape
from opengov.reporting.scorecard_view import value_text
from opengov.rules.progress import current_completion
from opengov.rules.scorecard import ConformityLine, Scorecard

__all__ = ["commitment_html", "plan_html", "scorecard_html"]

_STYLE = "border-collapse:collapse;font-size:0.9em"


def plan_html(plan: ActionPlan) -> str:
    """A compact HTML summary of a plan."""
    counts = Counter(current_completion(c)[0].label_en.lower() for c in plan.commitments)
    rows = "".join(
        f"<tr><td>{c.number}</td><td>{escape(c.title)}</td><td>{escape(current_completion(c)[0].label_en)}</td>"
        f"<td>{len(c.milestones)}</td></tr>"
        for c in plan.commitments[:30]
    )
    more = (
        f"<p>… and {len(plan.commitments) - 30} more commitments</p>"
        if len(plan.commitments) > 30
        else ""
    )
    summary = ", ".join(f"{n} {k}" for k, n in counts.items()) or "no commitments"
    return (
        f"<div><strong>{escape(plan.title)}</strong> "
        f"<code>{escape(plan.id)}</code> — {escape(plan.member or plan.country)}"
        + (f", {escape(str(plan.period))}" if plan.period else "")
        + f"<br>{len(plan.commitments)} commitments ({escape(summary)})"
        f'<table style="{_STYLE}"><tr><th>n°</th><th>commitment</th><th>completion</th><th>milestones</th></tr>'
        f"{rows}</table>{more}</div>"
    )


def commitment_html(commitment: Commitment) -> str:
    """A compact HTML summary of a commitment and its milestones."""
    statuses = Counter(m.status for m in commitment.milestones)
    items = "".join(
        f"<li>{escape(m.title)} — <em>{escape(m.status.label_en)}</em>"
        + (f" (due {escape(str(m.due))})" if m.due else "")
        + "</li>"
        for m in commitment.milestones
    )
    counts = ", ".join(
        f"{statuses[s]} {s.label_en.lower()}" for s in MilestoneStatus if statuses[s]
    )
    return (
        f"<div><strong>{commitment.number}. {escape(commitment.title)}</strong> "
        f"<code>{escape(commitment.id)}</code><br>completion: {escape(current_completion(commitment)[0].label_en)}"
        + (f"; milestones: {escape(counts)}" if counts else "")
        + (f"<ul>{items}</ul>" if items else "")
        + "</div>"
    )


def scorecard_html(card: Scorecard) -> str:
    """The scorecard as an HTML table."""
    rows = "".join(
        f"<tr><td>{escape(name.replace('_', ' '))}</td><td>{escape(value_text(o))}</td>"
        f"<td>{escape(o.explanation)}</td></tr>"
        for name, o in card.figures.items()
    )
    return (
        f"<div><strong>Scorecard: {escape(card.title)}</strong>"
        f'<table style="{_STYLE}"><tr><th>figure</th><th>value</th><th>why</th></tr>{rows}</table>'
        f"{_conformity_html(card.conformity)}</div>"
    )


def _conformity_html(lines: list[ConformityLine]) -> str:
    """The participation assessments: the verdict stated beside the one derived from findings."""
    if not lines:
        return ""
    rows = "".join(
        f"<tr><td>{escape(line.standard)}</td><td>{escape(line.phase.replace('_', ' '))}</td>"
        f"<td>{escape(_stated(line))}</td><td>{escape(_derived(line))}</td>"
        f"<td>{escape(_agreement(line))}</td><td>{escape(line.derived.explanation)}</td></tr>"
        for line in lines
    )
    return (
        f"<strong>Participation: stated and derived verdicts</strong>"
        f'<table style="{_STYLE}"><tr><th>standard</th><th>phase</th><th>stated</th>'
        f"<th>derived</th><th>agree</th><th>why</th></tr>{rows}</table>"
    )


def _stated(line: ConformityLine) -> str:
    if line.stated is None:
        return "—"
    if line.alternative is None:
        return line.stated.label_en
    return f"{line.stated.label_en} (or {line.alternative.label_en.lower()})"


def _derived(line: ConformityLine) -> str:
    verdict = line.derived.value
    return verdict.label_en if isinstance(verdict, Conformity) else "unknown"


def _agreement(line: ConformityLine) -> str:
    if line.agrees is None:
        return "—"
    if line.agrees:
        return "yes"
    return f"no: {', '.join(line.differing)}" if line.differing else "no"
