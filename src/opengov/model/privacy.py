"""Personal data: copies of documents without it, by the fields' own marks.

A field declared with ``facts(personal=True)`` holds personal data. :func:`without_personal_data`
walks the model description: an optional personal field is cleared (``None``, or an empty
list), and an object whose required field is personal (a contact's name) is left out of the
list that holds it. Whatever class a marked field is added to, it is cleared everywhere.
"""

from __future__ import annotations

from typing import Any, TypeVar

import attrs

from opengov.model.describe import FieldInfo, Shape, describe

__all__ = ["is_personal", "without_personal_data"]

T = TypeVar("T")


def is_personal(field: FieldInfo) -> bool:
    """True when a field of the model description is marked as personal data."""
    return field.personal


def without_personal_data(document: T) -> T:
    """A copy of a document (a plan, a collection, any model object) with every personal field
    cleared and every object that cannot exist without one left out; the original is unchanged."""
    stripped: T = _strip(document)
    return stripped


def _strip(obj: Any) -> Any:
    info = describe(type(obj))
    changes: dict[str, Any] = {}
    for field in info.fields:
        value = getattr(obj, field.name)
        if field.personal:
            if field.many:
                changes[field.name] = []
            elif field.optional:
                changes[field.name] = None
            continue
        if field.shape is not Shape.OBJECT or value is None:
            continue
        if field.many:
            kept = [_strip(item) for item in value if not describe(type(item)).personal]
            if len(kept) != len(value) or any(a is not b for a, b in zip(kept, value, strict=True)):
                changes[field.name] = kept
        elif describe(type(value)).personal and field.optional:
            changes[field.name] = None
        else:
            stripped = _strip(value)
            if stripped is not value:
                changes[field.name] = stripped
    return attrs.evolve(obj, **changes) if changes else obj
