"""``--plan ID``: one plan out of a document, or an error that lists the plans there are."""

from __future__ import annotations

import difflib

from opengov.errors import OpenGovError
from opengov.model import ActionPlan, PlanCollection

__all__ = ["pick_plan"]

#: How many plan ids the error lists before saying how many more there are.
SHOWN = 20


def _names(ids: list[str]) -> str:
    return ", ".join(repr(i) for i in ids)


def _close(wanted: str, ids: list[str]) -> list[str]:
    """Ids that look like ``wanted``, ignoring case (``ap_fra01`` finds ``AP_FRA01``)."""
    by_folded: dict[str, list[str]] = {}
    for plan_id in ids:
        by_folded.setdefault(plan_id.casefold(), []).append(plan_id)
    found = difflib.get_close_matches(wanted.casefold(), list(by_folded), n=3, cutoff=0.6)
    return [plan_id for folded in found for plan_id in by_folded[folded]]


def pick_plan(document: ActionPlan | PlanCollection, plan_id: str, source: str) -> ActionPlan:
    """The plan of ``document`` whose id is ``plan_id``: one of a collection's plans, or the
    plan itself. Otherwise an :class:`~opengov.OpenGovError` naming ``source``, suggesting
    close ids and listing the ids there are (the first :data:`SHOWN` of them)."""
    plans = document.plans if isinstance(document, PlanCollection) else [document]
    for plan in plans:
        if plan.id == plan_id:
            return plan
    ids = [plan.id for plan in plans]
    lines = [f"{source}: no plan with id {plan_id!r}"]
    close = _close(plan_id, ids)
    if close:
        lines.append(f"  did you mean {_names(close)}?")
    if not ids:
        lines.append("  the collection holds no plans")
    else:
        count = f"{len(ids)} plans" if len(ids) != 1 else "1 plan"
        more = f", and {len(ids) - SHOWN} more" if len(ids) > SHOWN else ""
        lines.append(f"  {source} holds {count}: {_names(ids[:SHOWN])}{more}")
    raise OpenGovError("\n".join(lines))
