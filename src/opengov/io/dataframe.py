"""pandas DataFrames of plans: one row per commitment or per milestone (``pip install opengov-ogp[pandas]``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from opengov.model import ActionPlan, Commitment, IRMAssessment, MilestoneStatus, PlanCollection
from opengov.rules.base import RuleSet
from opengov.rules.irm import commitment_rules
from opengov.rules.progress import milestone_progress

__all__ = ["commitment_rows", "milestone_rows", "to_dataframe"]

_DONE = {MilestoneStatus.DONE, MilestoneStatus.DONE_ONGOING}


def _plans(obj: ActionPlan | PlanCollection | Iterable[ActionPlan]) -> list[ActionPlan]:
    if isinstance(obj, ActionPlan):
        return [obj]
    if isinstance(obj, PlanCollection):
        return list(obj.plans)
    plans = list(obj)
    if not all(isinstance(p, ActionPlan) for p in plans):
        raise TypeError("to_dataframe expects an ActionPlan, a PlanCollection or action plans")
    return plans


def _names(plan: ActionPlan, ids: list[str]) -> str:
    known = {o.id: o.name for o in plan.organisations}
    return "; ".join(known.get(i, i) for i in ids)


def _irm_columns(commitment: Commitment, rules: RuleSet[IRMAssessment]) -> dict[str, Any]:
    a = commitment.irm
    if a is None:
        return {}
    evaluation = rules.evaluation(a)
    return {
        "irm_specificity": a.specificity.value,
        "irm_potential_impact": a.potential_impact.value,
        "irm_completion_midterm": a.completion_midterm.value,
        "irm_completion_end_of_term": a.completion_end_of_term.value,
        "irm_did_it_open_government": a.did_it_open_government.value,
        "starred_2014": evaluation.value("max_star_2014").value,
        "starred_2015": evaluation.value("max_star_2015").value,
        "quadrant": evaluation.value("quadrant").value,
    }


def commitment_rows(
    obj: ActionPlan | PlanCollection | Iterable[ActionPlan],
    *,
    rules: RuleSet[IRMAssessment] | None = None,
) -> list[dict[str, Any]]:
    """One dict per commitment (the rows of :func:`to_dataframe` at commitment level).

    ``rules`` is the IRM rule set behind the star and quadrant columns (default:
    :func:`~opengov.rules.irm.commitment_rules`).
    """
    irm_rules = commitment_rules() if rules is None else rules
    rows = []
    for plan in _plans(obj):
        for c in plan.commitments:
            progress = milestone_progress(c).value
            rows.append(
                {
                    "plan_id": plan.id,
                    "country": plan.country,
                    "plan_title": plan.title,
                    "commitment_id": c.id,
                    "number": c.number,
                    "reference": c.reference,
                    "title": c.title,
                    "completion": c.completion.value,
                    "schedule_adherence": c.schedule_adherence.value,
                    "lead_organisations": _names(plan, c.lead_organisations),
                    "milestones": len(c.milestones),
                    "milestones_done": sum(m.status in _DONE for m in c.milestones),
                    "milestones_unknown": sum(
                        m.status is MilestoneStatus.UNKNOWN for m in c.milestones
                    ),
                    "milestone_progress": progress,
                    "irm_stance": c.irm_recommendation.stance.value
                    if c.irm_recommendation
                    else None,
                    **_irm_columns(c, irm_rules),
                }
            )
    return rows


def milestone_rows(obj: ActionPlan | PlanCollection | Iterable[ActionPlan]) -> list[dict[str, Any]]:
    """One dict per milestone (the rows of :func:`to_dataframe` at milestone level)."""
    rows = []
    for plan in _plans(obj):
        orgs = {o.id: o.name for o in plan.organisations}
        for c, m in plan.milestones():
            rows.append(
                {
                    "plan_id": plan.id,
                    "commitment_id": c.id,
                    "commitment_number": c.number,
                    "milestone_id": m.id,
                    "title": m.title,
                    "status": m.status.value,
                    "status_phrase": m.status_phrase,
                    "due": m.due.iso() if m.due else None,
                    "due_phrase": m.due.phrase if m.due else None,
                    "due_earliest": m.due.earliest if m.due else None,
                    "due_latest": m.due.latest if m.due else None,
                    "completed": m.completed.iso() if m.completed else None,
                    "organisation": orgs.get(m.organisation, m.organisation)
                    if m.organisation
                    else None,
                    "added_after_adoption": m.added_after_adoption,
                }
            )
    return rows


def to_dataframe(
    obj: ActionPlan | PlanCollection | Iterable[ActionPlan],
    level: str = "commitment",
    *,
    rules: RuleSet[IRMAssessment] | None = None,
) -> Any:
    """A pandas DataFrame with one row per commitment (``level="commitment"``) or milestone.

    Dates become ``datetime64`` columns (``due_earliest``, ``due_latest``); vocabulary values
    are their stable codes. ``rules`` is the IRM rule set behind the star and quadrant columns.
    Needs pandas: ``pip install "opengov-ogp[pandas]"``.
    """
    try:  # pandas is an optional dependency, imported when a frame is asked for
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise ImportError('to_dataframe needs pandas: pip install "opengov-ogp[pandas]"') from exc
    if level == "commitment":
        return pd.DataFrame(commitment_rows(obj, rules=rules))
    if level == "milestone":
        frame = pd.DataFrame(milestone_rows(obj))
        for column in ("due_earliest", "due_latest"):
            if column in frame:
                frame[column] = pd.to_datetime(frame[column])
        return frame
    raise ValueError(f"level must be 'commitment' or 'milestone', got {level!r}")
