"""The rows of a report's "progress over time" table, read from the scorecard."""

from __future__ import annotations

from attrs import frozen

from opengov.model import ActionPlan, Completion, Reporter
from opengov.reporting._frame import Frame
from opengov.rules.base import Outcome
from opengov.rules.progress import progress_units

__all__ = ["ProgressRow", "progress_rows"]


@frozen
class ProgressRow:
    """One progress update as a report shows it (``unit`` empty on a unit's later rows)."""

    unit: str
    date: str
    reporter: str
    status: str
    completion: str
    percent: str
    expected: str


def _percent(value: float | None, f: Frame) -> str:
    return "—" if value is None else f.percent(value / 100)


def progress_rows(plan: ActionPlan, outcome: Outcome | None, f: Frame) -> list[ProgressRow]:
    """Every update of a progress history (:func:`~opengov.rules.progress.progress_history`),
    unit by unit in the plan's order."""
    if outcome is None or not outcome.value:
        return []
    titles = {unit.id: title for _, title, unit in progress_units(plan)}
    rows: list[ProgressRow] = []
    for unit_id, updates in outcome.value.items():
        for i, update in enumerate(updates):
            completion = Completion(update["completion"])
            rows.append(
                ProgressRow(
                    unit="" if i else titles.get(unit_id, unit_id),
                    date=update["date"] or "—",
                    reporter=f.label(Reporter(update["reporter"])),
                    status=update["status_phrase"] or "—",
                    completion=f.label(completion) if completion.is_known else "—",
                    percent=_percent(update["percent"], f),
                    expected=_percent(update["expected_percent"], f),
                )
            )
    return rows
