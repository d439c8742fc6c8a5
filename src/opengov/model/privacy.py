"""Personal data: which fields hold it, and copies of objects without it."""

from __future__ import annotations

from typing import TypeVar

import attrs

from opengov.model.plan import ActionPlan

__all__ = ["is_personal", "without_personal_data"]

P = TypeVar("P", bound=ActionPlan)


def is_personal(field: attrs.Attribute) -> bool:  # type: ignore[type-arg]
    """True when an attrs field is marked as personal data."""
    return bool(field.metadata.get("personal_data"))


def without_personal_data(plan: P) -> P:
    """A copy of ``plan`` with every point of contact left out (the original is unchanged)."""
    commitments = [attrs.evolve(c, contacts=[]) for c in plan.commitments]
    return attrs.evolve(plan, commitments=commitments)
