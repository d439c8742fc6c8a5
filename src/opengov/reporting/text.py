"""A plain-text summary of a plan, for terminals, framed in the plan's language."""

from __future__ import annotations

import textwrap

from opengov._display import terminal
from opengov.model import ActionPlan
from opengov.reporting._conformity import verdict_rows
from opengov.reporting._escape import plain
from opengov.reporting._frame import Frame, report_frame
from opengov.reporting._progress import progress_rows
from opengov.reporting._wording import (
    MilestoneCounts,
    completion_levels,
    completion_sentence,
    leads,
    one_line,
    sentence,
    shown,
    stated_by,
)
from opengov.rules.progress import (
    CompletionRate,
    completion_rate,
    current_completion,
    progress_history,
)

__all__ = ["text_report"]

_WIDTH = 100


def _clip(text: str, width: int) -> str:
    text = one_line(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def _wrapped(text: str, indent: str, hang: str = "") -> list[str]:
    return textwrap.wrap(
        one_line(text),
        _WIDTH,
        initial_indent=indent,
        subsequent_indent=indent + hang,
        break_on_hyphens=False,
    )


def _heading(text: str) -> list[str]:
    return [text, "-" * min(len(text), _WIDTH)]


def text_report(plan: ActionPlan, *, lang: str | None = None) -> str:
    """A readable summary: commitments with completion and milestones, the completion rate,
    participation, public influence, and the IRM recommendations with the responses that
    echo them. Framed in ``lang`` (``"en"``, ``"fr"``, ``"es"``), by default the plan's
    language when there is a frame for it, else English."""
    f: Frame = report_frame(plan.language, lang)
    lines: list[str] = []
    p = plain
    heading = p(shown(plan, "title", plan, f).marked()) + (
        f" ({p(plan.period)})" if plan.period else ""
    )
    lines += [heading, "=" * min(len(heading), _WIDTH)]
    facts = [f.pair(f("member"), p(plan.member or plan.country))]
    if plan.number is not None:
        facts.append(f("plan_number", number=plan.number))
    facts.append(f("commitment_count", count=len(plan.commitments)))
    if plan.status_date is not None:
        facts.append(f.pair(f("status_date"), p(plan.status_date)))
    lines.append(" · ".join(facts))
    for figure in plan.stated_figures:
        lines.append(f.pair(p(stated_by(figure, f)), f.pair(p(figure.name), p(figure.value))))
    if plan.ambitions:
        lines += ["", f.pair(f("ambitions"), "").rstrip()]
        lines += [f"  {i}. {_clip(p(a), _WIDTH - 6)}" for i, a in enumerate(plan.ambitions, 1)]

    lines += ["", *_heading(f("commitments"))]
    for commitment in plan.commitments:
        title = p(shown(commitment, "title", plan, f).marked())
        lines.append(f"{commitment.number:>3}. {_clip(title, _WIDTH - 5)}")
        lines.append("     " + _clip(f.pair(f("lead"), p(leads(plan, commitment))), _WIDTH - 5))
        lines.append("     " + f.pair(f("completion"), f.label(current_completion(commitment)[0])))
        lines += _wrapped(MilestoneCounts.of(commitment.milestones).full(f), "     ", "  ")

    rate: CompletionRate = completion_rate(plan).value
    lines += ["", f.pair(f("completion_heading"), completion_levels(plan, f))]
    lines += _wrapped(f.pair(f("completion_rate"), completion_sentence(rate, f)), "", "  ")
    milestones = MilestoneCounts.of(m for _, m in plan.milestones())
    if milestones.total:
        lines += _wrapped(sentence(milestones.full(f)), "", "  ")

    rows = progress_rows(plan, progress_history(plan), f)
    if rows:
        lines += ["", *_heading(f("progress_heading"))]
        for row in rows:
            if row.unit:
                lines.append("  " + _clip(p(row.unit), _WIDTH - 2))
            line = f"{p(row.date)} · {p(row.reporter)} · {p(row.status)} ({p(row.completion)})"
            if row.percent != "—":
                line += f" · {p(row.percent)}"
            if row.expected != "—":
                line += f" / {f('progress_expected')} {p(row.expected)}"
            lines += _wrapped(line, "    ", "  ")

    if plan.participation:
        lines += ["", *_heading(f"{f('participation')} ({f('self_assessment')})")]
        for verdict in verdict_rows(plan, f):
            stated = f("no_verdict") if verdict.stated == "—" else verdict.stated
            where = f"{p(verdict.standard)} — {verdict.phase}"
            lines += _wrapped(f.pair(where, stated), "  ", "  ")
            if verdict.derived != "—":
                agreement = p(verdict.agreement)
                derived = f"{f.pair(f('verdict_derived'), verdict.derived)} ({agreement})"
                lines += _wrapped(derived, "    ", "    ")
        if plan.overall_conformity is not None:
            lines.append("  " + f.pair(f("overall"), f.label(plan.overall_conformity)))
    for influence in plan.public_influence:
        where = f"{f('public_influence')} ({f.label(influence.phase).lower()})"
        lines.append(f.pair(where, f.label(influence.level)))

    if plan.key_recommendations:
        lines += ["", *_heading(f("irm_recommendations"))]
        for rec in plan.key_recommendations:
            lines.extend(
                textwrap.wrap(
                    f"{p(rec.number)}. {p(rec.text)}",
                    _WIDTH,
                    initial_indent="  ",
                    subsequent_indent="     ",
                    max_lines=3,
                    placeholder=" …",
                )
            )
            for response in plan.responses_to(rec):
                echo = f.pair(f("echoed_by"), "")
                lines.append(f"     {echo}{_clip(p(response.text), _WIDTH - 6 - len(echo))}")
    return terminal("\n".join(lines) + "\n")
