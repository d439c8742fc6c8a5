"""A plain-text summary of a plan, for terminals."""

from __future__ import annotations

import textwrap
from collections import Counter

from opengov.model import ActionPlan, Commitment, Completion, MilestoneStatus

__all__ = ["text_report"]

_WIDTH = 100


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _milestone_counts(commitment: Commitment) -> str:
    counts = Counter(m.status for m in commitment.milestones)
    if not counts:
        return "no milestones"
    parts = [f"{counts[s]} {s.label_en.lower()}" for s in MilestoneStatus if counts[s]]
    return f"{len(commitment.milestones)} milestones ({', '.join(parts)})"


def _organisation_names(plan: ActionPlan, ids: list[str]) -> str:
    known = {o.id: o for o in plan.organisations}
    names = [(known[i].acronym or known[i].name) if i in known else i for i in ids]
    return "; ".join(names) if names else "—"


def text_report(plan: ActionPlan) -> str:
    """A readable summary: commitments with completion and milestones, participation,
    public influence, and the IRM recommendations with the responses that echo them."""
    lines: list[str] = []
    heading = plan.title + (f" ({plan.period})" if plan.period else "")
    lines += [heading, "=" * min(len(heading), _WIDTH)]
    facts = [f"Member: {plan.member or plan.country}"]
    if plan.number is not None:
        facts.append(f"plan n°{plan.number}")
    facts.append(f"{len(plan.commitments)} commitments")
    if plan.status_date is not None:
        facts.append(f"status as of {plan.status_date}")
    lines.append(", ".join(facts))
    for figure in plan.stated_figures:
        lines.append(f"Stated: {figure.name}: {figure.value}")
    if plan.ambitions:
        lines += ["", "Ambitions:"]
        lines += [f"  {i}. {_clip(a, _WIDTH - 6)}" for i, a in enumerate(plan.ambitions, 1)]

    completion = Counter(c.completion for c in plan.commitments)
    lines += ["", "Commitments", "-----------"]
    for commitment in plan.commitments:
        lines.append(f"{commitment.number:>3}. {_clip(commitment.title, _WIDTH - 5)}")
        lines.append(
            f"     lead: {_clip(_organisation_names(plan, commitment.lead_organisations), _WIDTH - 11)}"
        )
        lines.append(
            f"     completion: {commitment.completion.label_en.lower()}; {_milestone_counts(commitment)}"
        )
    summary = ", ".join(
        f"{completion[c]} {c.label_en.lower()}" for c in Completion if completion[c]
    )
    lines += ["", f"Completion: {summary or 'no commitments'}"]
    unknown = completion[Completion.UNKNOWN]
    if unknown:
        lines.append(
            f"  ({unknown} of {len(plan.commitments)} commitments have no stated completion level)"
        )

    statuses = Counter(m.status for _, m in plan.milestones())
    if statuses:
        lines.append(
            "Milestones: "
            + ", ".join(
                f"{statuses[s]} {s.label_en.lower()}" for s in MilestoneStatus if statuses[s]
            )
        )

    if plan.participation:
        lines += [
            "",
            "Participation and co-creation (self-assessment)",
            "-----------------------------------------------",
        ]
        for assessment in plan.participation:
            verdict = assessment.verdict.label_en if assessment.verdict else "no verdict"
            lines.append(f"  {assessment.standard:<24} {assessment.phase.value:<15} {verdict}")
        if plan.overall_conformity is not None:
            lines.append(f"  Overall: {plan.overall_conformity.label_en}")
    for influence in plan.public_influence:
        lines.append(
            f"Public influence ({influence.phase.label_en.lower()}): {influence.level.label_en} ({influence.level.label_fr})"
        )

    if plan.key_recommendations:
        lines += ["", "IRM key recommendations", "-----------------------"]
        for rec in plan.key_recommendations:
            lines.extend(
                textwrap.wrap(
                    f"{rec.number}. {rec.text}",
                    _WIDTH,
                    initial_indent="  ",
                    subsequent_indent="     ",
                    max_lines=3,
                    placeholder=" …",
                )
            )
            for response in plan.responses_to(rec):
                lines.append(f"     echoed by: {_clip(response.text, _WIDTH - 16)}")
    return "\n".join(lines) + "\n"
