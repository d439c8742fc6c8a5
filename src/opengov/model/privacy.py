"""Personal data: which fields hold it, and copies of objects without it."""

from __future__ import annotations

from typing import overload

import attrs

from opengov.model.plan import ActionPlan, PlanCollection

__all__ = ["is_personal", "without_personal_data"]


def is_personal(field: attrs.Attribute) -> bool:  # type: ignore[type-arg]
    """True when an attrs field is marked as personal data."""
    return bool(field.metadata.get("personal_data"))


@overload
def without_personal_data(document: ActionPlan) -> ActionPlan: ...
@overload
def without_personal_data(document: PlanCollection) -> PlanCollection: ...
def without_personal_data(document: ActionPlan | PlanCollection) -> ActionPlan | PlanCollection:
    """A copy of a plan (or of every plan of a collection) with every point of contact left
    out; the original is unchanged."""
    if isinstance(document, PlanCollection):
        return attrs.evolve(document, plans=[without_personal_data(p) for p in document.plans])
    commitments = [attrs.evolve(c, contacts=[]) for c in document.commitments]
    return attrs.evolve(document, commitments=commitments)
