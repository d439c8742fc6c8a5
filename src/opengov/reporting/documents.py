"""The report people read, as Markdown or as a self-contained HTML page with inline SVG charts,
framed in the plan's language (or the one asked for)."""

from __future__ import annotations

import re

from opengov.model import ActionPlan, MilestoneStatus, Phase
from opengov.reporting._charts import (
    Bar,
    Cell,
    Segment,
    StackedRow,
    bar_chart,
    grid_chart,
    stacked_chart,
)
from opengov.reporting._conformity import irm_row, verdict_rows
from opengov.reporting._escape import html, markdown
from opengov.reporting._frame import Frame, report_frame
from opengov.reporting._palette import MILESTONE_COLOURS, NO_VERDICT, VERDICT_COLOURS
from opengov.reporting._progress import progress_rows
from opengov.reporting._wording import (
    MilestoneCounts,
    Shown,
    completion_levels,
    completion_sentence,
    leads,
    sentence,
    shipped_standard_sets,
    shown,
    standard_name,
    standard_order,
    stated_by,
)
from opengov.reporting.scorecard_view import value_text
from opengov.rules import score
from opengov.rules.base import Outcome
from opengov.rules.progress import CompletionRate, current_completion
from opengov.rules.scorecard import Scorecard

__all__ = ["html_report", "markdown_report"]


_md = markdown


def _md_shown(text: Shown) -> str:
    """A text for Markdown, followed by ``[es]`` when it is not in the report's language."""
    return _md(text.text) + (f" [{_md(text.fallback)}]" if text.fallback else "")


def _figure_name(name: str, f: Frame) -> str:
    return f.get(f"figure.{name}", name.replace("_", " "))


def _figure_value(name: str, outcome: Outcome, f: Frame) -> str:
    if name == "milestone_statuses" and isinstance(outcome.value, dict):
        statuses = {MilestoneStatus(k): n for k, n in outcome.value.items()}
        return MilestoneCounts(statuses).breakdown(f) or f("value_none")
    return value_text(outcome, f)


def _rate(card: Scorecard) -> CompletionRate:
    rate: CompletionRate = card.figures["completion_rate"].value
    return rate


def markdown_report(
    plan: ActionPlan, card: Scorecard | None = None, *, lang: str | None = None
) -> str:
    """The report as Markdown, framed in ``lang`` (``"en"``, ``"fr"``, ``"es"``), by default
    the plan's language when there is a frame for it, else English."""
    f = report_frame(plan.language, lang)
    card = card or score(plan, standards=shipped_standard_sets())
    lines = [f"# {_md_shown(shown(plan, 'title', plan, f))}", ""]
    facts = [f.pair(f"**{f('member')}**", _md(plan.member or plan.country))]
    if plan.period:
        facts.append(f.pair(f"**{f('period')}**", _md(plan.period)))
    if plan.number is not None:
        facts.append(f"**{f('plan_number', number=plan.number)}**")
    if plan.status_date:
        facts.append(f.pair(f"**{f('status_date')}**", _md(plan.status_date)))
    lines += ["  \n".join(facts), ""]
    for figure in plan.stated_figures:
        value = f"**{_md(figure.value)}**"
        lines.append("> " + f.pair(_md(stated_by(figure, f)), f.pair(_md(figure.name), value)))
    lines += ["", f.pair(f"**{f('completion_rate')}**", completion_sentence(_rate(card), f))]
    if plan.ambitions:
        lines += ["", f"## {f('ambitions')}", ""]
        lines += [f"{i}. {_md(a)}" for i, a in enumerate(plan.ambitions, 1)]
    lines += [
        "",
        f"## {f('commitments')}",
        "",
        f"| {f('number')} | {f('commitment')} | {f('lead')} | {f('completion')} | {f('milestones')} |",
        "|---:|---|---|---|---|",
    ]
    for c in plan.commitments:
        counts = MilestoneCounts.of(c.milestones).full(f)
        lines.append(
            f"| {_md(c.number)} | {_md_shown(shown(c, 'title', plan, f))} | {_md(leads(plan, c))} | {f.label(current_completion(c)[0])} | {_md(counts)} |"
        )
    rows = progress_rows(plan, card.figures.get("progress_history"), f)
    if rows:
        keys = ("unit", "date", "by", "status", "meaning", "percent", "expected")
        lines += ["", f"## {f('progress_heading')}", ""]
        lines.append("| " + " | ".join(f(f"progress_{k}") for k in keys) + " |")
        lines.append("|---|---|---|---|---|---:|---:|")
        for row in rows:
            cells = (row.unit, row.date, row.reporter, row.status, row.completion)
            lines.append(
                "| "
                + " | ".join(_md(c) for c in cells)
                + f" | {_md(row.percent)} | {_md(row.expected)} |"
            )
    lines += ["", f.pair(f"**{f('completion_heading')}**", completion_levels(plan, f))]
    all_milestones = MilestoneCounts.of(m for _, m in plan.milestones())
    if all_milestones.total:
        lines += ["", _md(sentence(all_milestones.full(f)))]
    lines += ["", f"## {f('scorecard')}", ""]
    for name, outcome in card.figures.items():
        value = _md(_figure_value(name, outcome, f))
        lines.append(
            f"- {f.pair(f'**{_figure_name(name, f)}**', value)} — {_md(outcome.explanation)}"
        )
    if plan.participation:
        lines += [
            "",
            f"## {f('participation')}",
            "",
            "| " + " | ".join(f(key) for key in _VERDICT_COLUMNS) + " |",
            "|---|---|---|---|---|---|",
        ]
        for verdict_row in verdict_rows(plan, f, card.conformity):
            verdict_cells = verdict_row.cells
            lines.append("| " + " | ".join(_md(c) for c in verdict_cells) + " |")
        if plan.overall_conformity:
            phrase = (
                f" ({_md(plan.overall_conformity_phrase)})"
                if plan.overall_conformity_phrase
                else ""
            )
            lines += [
                "",
                f.pair(f("overall"), f"**{f.label(plan.overall_conformity)}**{phrase}"),
            ]
    for influence in plan.public_influence:
        where = f"**{f('public_influence')}** ({f.label(influence.phase).lower()})"
        lines += ["", f.pair(where, f.label(influence.level))]
    if card.beside_irm:
        lines += ["", f"## {f('beside_irm')}", "", f"| | {f('government')} | {f('irm')} |"]
        lines.append("|---|---|---|")
        for side in card.beside_irm:
            lines.append("| " + " | ".join(_md(c) for c in irm_row(side, f)) + " |")
    if plan.key_recommendations:
        lines += ["", f"## {f('irm_recommendations')}", ""]
        for rec in plan.key_recommendations:
            lines.append(f"{_md(rec.number)}. {_md(rec.text)}")
            echoed = f"*{f('echoed_by')}*"
            for response in plan.responses_to(rec):
                lines.append("    - " + f.pair(echoed, _md(response.text)))
    if plan.planned_actions:
        lines += ["", f"## {f('next_steps')}", ""]
        for action in plan.planned_actions:
            when = f"**{_md(action.date)}** — " if action.date else ""
            lines.append(f"- {when}{_md(action.text)}")
    return "\n".join(lines) + "\n"


#: The columns of the participation table: stated and derived verdicts side by side.
_VERDICT_COLUMNS = (
    "standard",
    "phase",
    "verdict_stated",
    "in_words",
    "verdict_derived",
    "verdict_agreement",
)

#: The page style every HTML report shares.
PAGE_CSS = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       color: #222; line-height: 1.45; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: 0.9rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
"""
_CSS = (
    PAGE_CSS
    + """
.chart { margin: 1rem 0; max-width: 100%; }
.stated { background: #eef4fb; padding: 0.5rem 1rem; border-left: 4px solid #4575b4; }
.muted { color: #666; }
"""
)


def _commitments_chart(plan: ActionPlan, f: Frame) -> str:
    rows = []
    for c in plan.commitments:
        counts = MilestoneCounts.of(c.milestones)
        segments = tuple(
            Segment(
                status.value,
                n,
                MILESTONE_COLOURS[status],
                f.pair(f.label(status), f.of(n, counts.total)),
            )
            for status, n in counts.by_status.items()
        )
        rows.append(
            StackedRow(
                f"{c.number}. {c.title}",
                segments,
                (f.pair(f("completion"), f.label(current_completion(c)[0])), counts.summary(f)),
            )
        )
    present = {s for c in plan.commitments for s in MilestoneCounts.of(c.milestones).by_status}
    legend = [(f.label(s), MILESTONE_COLOURS[s]) for s in MilestoneStatus if s in present]
    return stacked_chart(
        "chart-commitments",
        f("chart_commitments"),
        rows,
        legend,
        more=f("chart_more", count="{count}"),
    )


def _milestones_chart(plan: ActionPlan, f: Frame) -> str:
    counts = MilestoneCounts.of(m for _, m in plan.milestones())
    bars = [Bar(f.label(s), n, MILESTONE_COLOURS[s]) for s, n in counts.by_status.items()]
    return bar_chart("chart-milestones", f("chart_milestones"), bars)


def _conformity_grid(plan: ActionPlan, f: Frame) -> str:
    standards = sorted({a.standard for a in plan.participation}, key=standard_order)
    phases = [p for p in Phase if any(a.phase is p for a in plan.participation)]
    cells = {
        (standard_name(a.standard, f), f.label(a.phase)): (
            Cell(f.label(a.verdict), VERDICT_COLOURS[a.verdict])
            if a.verdict
            else Cell(f("no_verdict"), NO_VERDICT)
        )
        for a in plan.participation
    }
    return grid_chart(
        "chart-conformity",
        f("chart_conformity"),
        [standard_name(s, f) for s in standards],
        [f.label(p) for p in phases],
        cells,
        empty=Cell("—", NO_VERDICT),
        more=f("chart_more", count="{count}"),
    )


_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")


def _html_text(text: Shown) -> str:
    """A text in its language (``und``, undetermined, if the data's tag is not one); one not in
    the report's language says which it is."""
    lang = text.language if _LANGUAGE_TAG.fullmatch(text.language) else "und"
    body = f'<span lang="{lang}">{html(text.text)}</span>'
    if text.fallback:
        body += f' <span class="muted">[{html(text.fallback)}]</span>'
    return body


def html_report(plan: ActionPlan, card: Scorecard | None = None, *, lang: str | None = None) -> str:
    """The report as one self-contained HTML page (inline CSS and SVG, no script, no network),
    framed in ``lang`` (``"en"``, ``"fr"``, ``"es"``), by default the plan's language when
    there is a frame for it, else English."""
    f = report_frame(plan.language, lang)
    card = card or score(plan, standards=shipped_standard_sets())
    e = html
    title = shown(plan, "title", plan, f)
    facts = [e(plan.member or plan.country)]
    if plan.period:
        facts.append(e(str(plan.period)))
    if plan.number is not None:
        facts.append(e(f("plan_number", number=plan.number)))
    if plan.status_date:
        facts.append(e(f.pair(f("status_date"), plan.status_date)))
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{e(f.lang)}"><head><meta charset="utf-8">',
        f"<title>{e(title.text)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_html_text(title)}</h1>",
        f'<p class="muted">{" · ".join(facts)}</p>',
    ]
    for figure in plan.stated_figures:
        value = f"<strong>{e(figure.value)}</strong>"
        who = e(stated_by(figure, f))
        out.append(f'<p class="stated">{f.pair(who, f.pair(e(figure.name), value))}</p>')
    rate = f"<strong>{e(f('completion_rate'))}</strong>"
    out.append(f"<p>{f.pair(rate, e(completion_sentence(_rate(card), f)))}.</p>")
    out.append(_commitments_chart(plan, f))
    out.append(_milestones_chart(plan, f))
    if plan.ambitions:
        out.append(
            f"<h2>{e(f('ambitions'))}</h2><ol>"
            + "".join(f"<li>{e(a)}</li>" for a in plan.ambitions)
            + "</ol>"
        )
    header = "".join(
        f"<th>{e(f(key))}</th>"
        for key in ("number", "commitment", "lead", "completion", "milestones")
    )
    out.append(f"<h2>{e(f('commitments'))}</h2><table><tr>{header}</tr>")
    for c in plan.commitments:
        milestones = MilestoneCounts.of(c.milestones).full(f)
        out.append(
            f"<tr><td>{e(c.number)}</td><td>{_html_text(shown(c, 'title', plan, f))}</td>"
            f"<td>{e(leads(plan, c))}</td>"
            f"<td>{e(f.label(current_completion(c)[0]))}</td><td>{e(milestones)}</td></tr>"
        )
    out.append("</table>")
    rows = progress_rows(plan, card.figures.get("progress_history"), f)
    if rows:
        keys = ("unit", "date", "by", "status", "meaning", "percent", "expected")
        header = "".join(f"<th>{e(f(f'progress_{k}'))}</th>" for k in keys)
        out.append(f"<h2>{e(f('progress_heading'))}</h2><table><tr>{header}</tr>")
        for row in rows:
            cells = (row.unit, row.date, row.reporter, row.status, row.completion)
            out.append(
                "<tr>"
                + "".join(f"<td>{e(c)}</td>" for c in cells)
                + f"<td>{e(row.percent)}</td><td>{e(row.expected)}</td></tr>"
            )
        out.append("</table>")
    out.append(f"<p>{e(f.pair(f('completion_heading'), completion_levels(plan, f)))}</p>")
    all_milestones = MilestoneCounts.of(m for _, m in plan.milestones())
    if all_milestones.total:
        out.append(f"<p>{e(sentence(all_milestones.full(f)))}</p>")
    if plan.participation:
        out.append(f"<h2>{e(f('participation'))}</h2>")
        out.append(_conformity_grid(plan, f))
        header = "".join(f"<th>{e(f(key))}</th>" for key in _VERDICT_COLUMNS)
        out.append(f"<table><tr>{header}</tr>")
        for verdict_row in verdict_rows(plan, f, card.conformity):
            verdict_cells = verdict_row.cells
            out.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in verdict_cells) + "</tr>")
        out.append("</table>")
        if plan.overall_conformity:
            phrase = (
                f" ({e(plan.overall_conformity_phrase)})" if plan.overall_conformity_phrase else ""
            )
            verdict = f"<strong>{e(f.label(plan.overall_conformity))}</strong>{phrase}"
            out.append(f"<p>{f.pair(e(f('overall')), verdict)}</p>")
    for influence in plan.public_influence:
        where = (
            f"<strong>{e(f('public_influence'))}</strong> ({e(f.label(influence.phase).lower())})"
        )
        out.append(f"<p>{f.pair(where, e(f.label(influence.level)))}</p>")
    if card.beside_irm:
        out.append(f"<h2>{e(f('beside_irm'))}</h2>")
        out.append(f"<table><tr><th></th><th>{e(f('government'))}</th><th>{e(f('irm'))}</th></tr>")
        for side in card.beside_irm:
            out.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in irm_row(side, f)) + "</tr>")
        out.append("</table>")
    if plan.key_recommendations:
        out.append(f"<h2>{e(f('irm_recommendations'))}</h2><ol>")
        for rec in plan.key_recommendations:
            echoed = f"<em>{e(f('echoed_by'))}</em>"
            echoes = "".join(
                f"<li>{f.pair(echoed, e(r.text))}</li>" for r in plan.responses_to(rec)
            )
            out.append(f"<li>{e(rec.text)}" + (f"<ul>{echoes}</ul>" if echoes else "") + "</li>")
        out.append("</ol>")
    if plan.planned_actions:
        out.append(f"<h2>{e(f('next_steps'))}</h2><ul>")
        for action in plan.planned_actions:
            when = f"<strong>{e(str(action.date))}</strong> — " if action.date else ""
            out.append(f"<li>{when}{e(action.text)}</li>")
        out.append("</ul>")
    header = "".join(f"<th>{e(f(key))}</th>" for key in ("figure", "value", "why"))
    out.append(f"<h2>{e(f('scorecard'))}</h2><table><tr>{header}</tr>")
    for name, outcome in card.figures.items():
        out.append(
            f"<tr><td>{e(_figure_name(name, f))}</td><td>{e(_figure_value(name, outcome, f))}</td>"
            f'<td lang="en">{e(outcome.explanation)}</td></tr>'
        )
    out.append("</table></body></html>")
    return "\n".join(out) + "\n"
