"""Limits every reader enforces, so that hostile input cannot exhaust memory, time or the stack."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

from opengov.errors import LoadError, Problem

__all__ = ["MAX_DEPTH", "MAX_INPUT_BYTES", "nesting_problems", "read_regular_file"]

#: Inputs larger than this are refused (a guard against hostile files).
MAX_INPUT_BYTES = 1024 * 1024 * 1024

#: How deeply nested items (evidence within evidence) may go, in every format.
MAX_DEPTH = 32


def nesting_problems(data: Any) -> list[Problem]:
    """Problems for evidence nested deeper than :data:`MAX_DEPTH` in a document's dict form."""
    problems: list[Problem] = []
    if isinstance(data, dict) and isinstance(data.get("plans"), list):
        documents = [(f"$.plans[{p}]", plan) for p, plan in enumerate(data["plans"])]
    else:
        documents = [("$", data)]
    for prefix, plan in documents:
        assessments = plan.get("participation") if isinstance(plan, dict) else None
        if not isinstance(assessments, list):
            continue
        for a, assessment in enumerate(assessments):
            items = assessment.get("evidence") if isinstance(assessment, dict) else None
            path = f"{prefix}.participation[{a}].evidence"
            problems.extend(_check(items, path, 1))
    return problems


def _check(items: Any, path: str, depth: int) -> list[Problem]:
    stack = [(items, path, depth)]
    found: list[Problem] = []
    while stack:
        current, where, level = stack.pop()
        if not isinstance(current, list):
            continue
        if level > MAX_DEPTH:
            found.append(Problem(where, f"evidence nested more than {MAX_DEPTH} levels deep"))
            continue
        for i, item in enumerate(current):
            if isinstance(item, dict):
                stack.append((item.get("items"), f"{where}[{i}].items", level + 1))
    return found


def read_regular_file(path: Path, limit: int | None = None) -> bytes:
    """The bytes of a regular file, refusing devices, pipes and files over the input limit.

    Reads at most the limit plus one byte, so a file that grows while it is read cannot exhaust
    memory either.
    """
    limit = MAX_INPUT_BYTES if limit is None else limit
    try:
        info = path.stat()
    except OSError as exc:
        raise LoadError([Problem(path.name, exc.strerror or str(exc))], source=str(path)) from None
    if not stat.S_ISREG(info.st_mode):
        raise LoadError(
            [Problem(path.name, "not a regular file (a device, a pipe or a folder)")],
            source=str(path),
        )
    with path.open("rb") as handle:
        # read(n) allocates n bytes up front: ask for what the file holds, not for the limit.
        data = handle.read(min(info.st_size, limit) + 1)
        while len(data) <= limit:  # the file grew while it was read
            more = handle.read(min(2**20, limit + 1 - len(data)))
            if not more:
                break
            data += more
    if len(data) > limit:
        raise LoadError(
            [Problem(path.name, f"larger than the {limit // 2**20} MiB input limit")],
            source=str(path),
        )
    return data
