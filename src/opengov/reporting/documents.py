"""The report people read, as Markdown or as a self-contained HTML page with inline SVG charts."""

from __future__ import annotations

from collections import Counter
from html import escape

from opengov.model import ActionPlan, Commitment, Conformity, MilestoneStatus, Phase
from opengov.reporting.charts import bar_chart, grid_chart, progress_chart
from opengov.reporting.scorecard import value_text as _value
from opengov.rules import score
from opengov.rules.scorecard import Scorecard

__all__ = ["html_report", "markdown_report"]

_AXES = {
    "ogp-2017/information": "Dissemination of information",
    "ogp-2017/dialogue": "Dialogue and co-creation",
    "ogp-2017/co-ownership": "Co-ownership and joint decisions",
}
_VERDICT_COLOUR = {
    Conformity.FULL: "verdict-full",
    Conformity.PARTIAL: "verdict-partial",
    Conformity.LIMITED: "verdict-limited",
    Conformity.NOT_APPLICABLE: "none",
}


def _leads(plan: ActionPlan, commitment: Commitment) -> str:
    known = {o.id: o for o in plan.organisations}
    names = [
        (known[i].acronym or known[i].name) if i in known else i
        for i in commitment.lead_organisations
    ]
    return "; ".join(names) or "—"


def _milestones(commitment: Commitment) -> str:
    counts = Counter(m.status for m in commitment.milestones)
    if not counts:
        return "—"
    return ", ".join(f"{counts[s]} {s.label_en.lower()}" for s in MilestoneStatus if counts[s])


def _md(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def markdown_report(plan: ActionPlan, card: Scorecard | None = None) -> str:
    """The report as Markdown."""
    card = card or score(plan)
    lines = [f"# {_md(plan.title)}", ""]
    facts = [f"**Member:** {plan.member or plan.country}"]
    if plan.period:
        facts.append(f"**Period:** {plan.period}")
    if plan.number is not None:
        facts.append(f"**Plan n°** {plan.number}")
    if plan.status_date:
        facts.append(f"**Status as of:** {plan.status_date}")
    lines += ["  \n".join(facts), ""]
    for figure in plan.stated_figures:
        lines.append(f"> Stated by the plan: {_md(figure.name)}: **{_md(figure.value)}**")
    if plan.ambitions:
        lines += ["", "## Ambitions", ""]
        lines += [f"{i}. {_md(a)}" for i, a in enumerate(plan.ambitions, 1)]
    lines += [
        "",
        "## Commitments",
        "",
        "| n° | commitment | lead | completion | milestones |",
        "|---:|---|---|---|---|",
    ]
    for c in plan.commitments:
        lines.append(
            f"| {c.number} | {_md(c.title)} | {_md(_leads(plan, c))} | {c.completion.label_en} | {_milestones(c)} |"
        )
    lines += ["", "## Scorecard", ""]
    for name, outcome in card.figures.items():
        lines.append(
            f"- **{name.replace('_', ' ')}**: {_md(_value(outcome))} — {_md(outcome.explanation)}"
        )
    if plan.participation:
        lines += [
            "",
            "## Participation and co-creation",
            "",
            "| standard | phase | verdict (stated) | in the document's words |",
            "|---|---|---|---|",
        ]
        for a in plan.participation:
            verdict = a.verdict.label_en if a.verdict else "—"
            lines.append(
                f"| {_AXES.get(a.standard, a.standard)} | {a.phase.label_en} | {verdict} | {_md(a.verdict_phrase or '—')} |"
            )
        if plan.overall_conformity:
            lines += [
                "",
                f"Overall: **{plan.overall_conformity.label_en}** ({_md(plan.overall_conformity_phrase or '')})",
            ]
    for influence in plan.public_influence:
        lines += [
            "",
            f"**Public influence** ({influence.phase.label_en.lower()}): {influence.level.label_en} ({influence.level.label_fr})",
        ]
    if plan.key_recommendations:
        lines += ["", "## IRM key recommendations", ""]
        for rec in plan.key_recommendations:
            lines.append(f"{rec.number}. {_md(rec.text)}")
            for response in plan.responses_to(rec):
                lines.append(f"    - *echoed by:* {_md(response.text)}")
    if plan.planned_actions:
        lines += ["", "## Planned next steps", ""]
        for action in plan.planned_actions:
            when = f"**{action.date}** — " if action.date else ""
            lines.append(f"- {when}{_md(action.text)}")
    return "\n".join(lines) + "\n"


_CSS = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       color: #222; line-height: 1.45; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: 0.9rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
.chart { margin: 1rem 0; max-width: 100%; }
.stated { background: #eef4fb; padding: 0.5rem 1rem; border-left: 4px solid #4575b4; }
.muted { color: #666; }
"""


def _commitment_rows(plan: ActionPlan, card: Scorecard) -> list[tuple[str, float | None, str, str]]:
    rows = []
    for c in plan.commitments:
        progress = card.commitments.get(c.id, {}).get("milestone_progress")
        share = (
            progress.value if progress is not None and isinstance(progress.value, float) else None
        )
        text = c.completion.label_en.lower()
        if share is not None:
            text += f"; milestones {share:.0%}"
        rows.append((f"{c.number}. {c.title}", share, c.completion.value, text))
    return rows


def _conformity_grid(plan: ActionPlan) -> str:
    rows = [axis for axis in _AXES if any(a.standard == axis for a in plan.participation)]
    rows += [a.standard for a in plan.participation if a.standard not in rows]
    phases = [p for p in Phase if any(a.phase is p for a in plan.participation)]
    cells = {}
    for a in plan.participation:
        key = (_AXES.get(a.standard, a.standard), a.phase.label_en.split(",")[0])
        cells[key] = (
            _VERDICT_COLOUR.get(a.verdict, "none") if a.verdict else "none",
            a.verdict.label_en if a.verdict else "no verdict",
        )
    return grid_chart(
        "chart-conformity",
        "Conformity by axis and phase (self-assessment)",
        [_AXES.get(r, r) for r in rows],
        [p.label_en.split(",")[0] for p in phases],
        cells,
    )


def html_report(plan: ActionPlan, card: Scorecard | None = None) -> str:
    """The report as one self-contained HTML page (inline CSS and SVG, no script, no network)."""
    card = card or score(plan)
    e = escape
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{e(plan.language)}"><head><meta charset="utf-8">',
        f"<title>{e(plan.title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{e(plan.title)}</h1>",
        f'<p class="muted">{e(plan.member or plan.country)}'
        + (f" · {e(str(plan.period))}" if plan.period else "")
        + (f" · plan n°{plan.number}" if plan.number is not None else "")
        + (f" · status as of {e(str(plan.status_date))}" if plan.status_date else "")
        + "</p>",
    ]
    for figure in plan.stated_figures:
        out.append(
            f'<p class="stated">Stated by the plan: {e(figure.name)}: <strong>{e(figure.value)}</strong></p>'
        )
    rate = card.figures["completion_rate"]
    out.append(
        f"<p><strong>Completion rate:</strong> {e(_value(rate))}. {e(rate.explanation)}.</p>"
    )
    out.append(
        progress_chart(
            "chart-completion",
            "Completion by commitment (bar: milestone-weighted progress; colour: completion level)",
            _commitment_rows(plan, card),
        )
    )
    statuses = Counter(m.status for _, m in plan.milestones())
    out.append(
        bar_chart(
            "chart-milestones",
            "Milestones by status",
            [(s.label_en, statuses[s]) for s in MilestoneStatus if statuses[s]],
        )
    )
    if plan.ambitions:
        out.append(
            "<h2>Ambitions</h2><ol>" + "".join(f"<li>{e(a)}</li>" for a in plan.ambitions) + "</ol>"
        )
    out.append(
        "<h2>Commitments</h2><table><tr><th>n°</th><th>commitment</th><th>lead</th><th>completion</th><th>milestones</th></tr>"
    )
    for c in plan.commitments:
        out.append(
            f"<tr><td>{c.number}</td><td>{e(c.title)}</td><td>{e(_leads(plan, c))}</td>"
            f"<td>{e(c.completion.label_en)}</td><td>{e(_milestones(c))}</td></tr>"
        )
    out.append("</table>")
    if plan.participation:
        out.append("<h2>Participation and co-creation</h2>")
        out.append(_conformity_grid(plan))
        out.append(
            "<table><tr><th>standard</th><th>phase</th><th>verdict</th><th>in the document's words</th></tr>"
        )
        for a in plan.participation:
            out.append(
                f"<tr><td>{e(_AXES.get(a.standard, a.standard))}</td><td>{e(a.phase.label_en)}</td>"
                f"<td>{e(a.verdict.label_en if a.verdict else '—')}</td><td>{e(a.verdict_phrase or '—')}</td></tr>"
            )
        out.append("</table>")
        if plan.overall_conformity:
            out.append(
                f"<p>Overall: <strong>{e(plan.overall_conformity.label_en)}</strong> ({e(plan.overall_conformity_phrase or '')})</p>"
            )
    for influence in plan.public_influence:
        out.append(
            f"<p><strong>Public influence</strong> ({e(influence.phase.label_en.lower())}): {e(influence.level.label_en)} ({e(influence.level.label_fr)})</p>"
        )
    if plan.key_recommendations:
        out.append("<h2>IRM key recommendations</h2><ol>")
        for rec in plan.key_recommendations:
            echoes = "".join(
                f"<li><em>echoed by:</em> {e(r.text)}</li>" for r in plan.responses_to(rec)
            )
            out.append(f"<li>{e(rec.text)}" + (f"<ul>{echoes}</ul>" if echoes else "") + "</li>")
        out.append("</ol>")
    out.append("<h2>Scorecard</h2><table><tr><th>figure</th><th>value</th><th>why</th></tr>")
    for name, outcome in card.figures.items():
        out.append(
            f"<tr><td>{e(name.replace('_', ' '))}</td><td>{e(_value(outcome))}</td><td>{e(outcome.explanation)}</td></tr>"
        )
    out.append("</table></body></html>")
    return "\n".join(out) + "\n"
