"""How deeply nested items may go, in every format, so that hostile input cannot exhaust the stack.

A class holding a list of its own kind (``Evidence.items``) nests without end. The description of
the model says which classes do, and which fields lead to them from each document kind, so
:func:`nesting_problems` walks only those fields of a document's dict form. (The size limit of
input files is :data:`opengov.io._fs.MAX_INPUT_BYTES`.)
"""

from __future__ import annotations

import functools
from typing import Any, NamedTuple

from opengov.issues import Issue
from opengov.model.describe import Shape, describe

__all__ = ["MAX_DEPTH", "nesting_problems"]

#: How deeply nested items (evidence within evidence) may go, in every format.
MAX_DEPTH = 32


class _Route(NamedTuple):
    """Fields leading from a document's root to a list of a recursive class."""

    steps: tuple[tuple[str, bool], ...]  # (field name, holds a list), the last one that list
    nests: str  # the recursive class's own field holding more of its kind ("items")
    name: str  # what the problem calls the items ("evidence")


def nesting_problems(data: Any, cls: type) -> list[Issue]:
    """Issues for items nested deeper than :data:`MAX_DEPTH` in the dict form of a ``cls``."""
    problems: list[Issue] = []
    for route in _routes(cls):
        *before, (last, _) = route.steps
        for where, obj in _follow(data, before):
            problems.extend(_check(obj.get(last), f"{where}.{last}", route))
    return problems


@functools.cache
def _routes(cls: type) -> tuple[_Route, ...]:
    """The routes from ``cls`` to each list of a recursive class (the first on each way)."""
    found: list[_Route] = []
    pending: list[tuple[type, tuple[tuple[str, bool], ...], frozenset[type]]] = [
        (cls, (), frozenset({cls}))
    ]
    while pending:
        current, steps, seen = pending.pop(0)
        for field in describe(current):
            if field.shape is not Shape.OBJECT or field.item in seen:
                continue
            step = (*steps, (field.name, field.many))
            nests = _nesting_field(field.item)
            if nests is not None and field.many:
                found.append(_Route(step, nests, field.item.__name__.lower()))
            else:
                pending.append((field.item, step, seen | {field.item}))
    return tuple(found)


def _nesting_field(cls: type) -> str | None:
    """The field of ``cls`` holding a list of ``cls`` itself, if it has one."""
    for field in describe(cls):
        if field.shape is Shape.OBJECT and field.many and field.item is cls:
            return field.name
    return None


def _follow(data: Any, steps: list[tuple[str, bool]]) -> list[tuple[str, dict[str, Any]]]:
    """The objects reached from ``data`` along ``steps``, with their paths."""
    current: list[tuple[str, dict[str, Any]]] = [("$", data)] if isinstance(data, dict) else []
    for name, many in steps:
        reached: list[tuple[str, dict[str, Any]]] = []
        for where, obj in current:
            value = obj.get(name)
            if many and isinstance(value, list):
                reached.extend(
                    (f"{where}.{name}[{i}]", item)
                    for i, item in enumerate(value)
                    if isinstance(item, dict)
                )
            elif not many and isinstance(value, dict):
                reached.append((f"{where}.{name}", value))
        current = reached
    return current


def _check(items: Any, path: str, route: _Route) -> list[Issue]:
    stack = [(items, path, 1)]
    found: list[Issue] = []
    while stack:
        current, where, level = stack.pop()
        if not isinstance(current, list):
            continue
        if level > MAX_DEPTH:
            message = f"{route.name} nested more than {MAX_DEPTH} levels deep"
            found.append(Issue(where, "too-deep", message))
            continue
        for i, item in enumerate(current):
            if isinstance(item, dict):
                nested = item.get(route.nests)
                stack.append((nested, f"{where}[{i}].{route.nests}", level + 1))
    return found
