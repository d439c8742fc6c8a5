"""Progress rules over a plan: completion rate, milestone-weighted progress, overdue milestones.

An unknown completion counts as unknown — never as "not started": rates come with the number of
commitments they could not count and the range the true figure lies in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from fractions import Fraction
from typing import Any

from attrs import frozen

from opengov.model import (
    ActionPlan,
    Commitment,
    Completion,
    Milestone,
    MilestoneStatus,
    ProgressUpdate,
    latest_update,
)
from opengov.rules.base import Outcome

__all__ = [
    "DEFAULT_MILESTONE_WEIGHTS",
    "CompletionRate",
    "completion_rate",
    "current_completion",
    "milestone_progress",
    "overdue_milestones",
    "progress_history",
    "progress_units",
]

_ACHIEVED = frozenset({Completion.SUBSTANTIAL, Completion.COMPLETE})
_SCALE = frozenset(
    {Completion.NOT_STARTED, Completion.LIMITED, Completion.SUBSTANTIAL, Completion.COMPLETE}
)


@frozen
class CompletionRate:
    """Share of commitments substantially or fully complete, honest about unknowns.

    ``rate`` is over the commitments whose completion is known (``None`` if none is);
    ``lowest`` and ``highest`` bound the rate over all counted commitments, had every unknown
    been not achieved or achieved. Withdrawn and not-applicable commitments are left out.
    """

    achieved: int
    known: int
    unknown: int
    excluded: int

    @property
    def counted(self) -> int:
        """Commitments the rate is about (known + unknown)."""
        return self.known + self.unknown

    @property
    def rate(self) -> float | None:
        """Achieved / known, or None when no completion is known."""
        return self.achieved / self.known if self.known else None

    @property
    def lowest(self) -> float | None:
        """The rate if every unknown commitment was not achieved."""
        return self.achieved / self.counted if self.counted else None

    @property
    def highest(self) -> float | None:
        """The rate if every unknown commitment was achieved."""
        return (self.achieved + self.unknown) / self.counted if self.counted else None


def completion_rate(plan: ActionPlan, as_of: dt.date | None = None) -> Outcome:
    """The completion rate: commitments Substantial or Complete (the report's "76%").

    A commitment with dated progress updates counts with its latest one known on ``as_of``
    (see :func:`current_completion`); others with the completion the document states."""
    achieved = known = unknown = excluded = from_history = 0
    completions: dict[str, str] = {}
    for commitment in plan.commitments:
        completion, update = current_completion(commitment, as_of)
        completions[commitment.id] = completion.value
        from_history += update is not None
        if completion in _SCALE:
            known += 1
            achieved += completion in _ACHIEVED
        elif completion in (Completion.WITHDRAWN, Completion.NOT_APPLICABLE):
            excluded += 1
        else:
            unknown += 1
    result = CompletionRate(achieved, known, unknown, excluded)
    parts = [
        f"{achieved} of {known} commitments with a known completion are substantial or complete"
    ]
    if unknown:
        assert result.lowest is not None and result.highest is not None
        parts.append(
            f"{unknown} of {result.counted} have no known completion, so the rate over all lies "
            f"between {result.lowest:.0%} and {result.highest:.0%}"
        )
    if excluded:
        parts.append(f"{excluded} withdrawn or not applicable left out")
    if from_history:
        when = f" known on {as_of.isoformat()}" if as_of is not None else ""
        parts.append(f"{from_history} read from their latest progress update{when}")
    return Outcome("completion_rate", result, "; ".join(parts), completions)


#: Default weight of each milestone status in milestone-weighted progress (a documented choice:
#: replace it with your own mapping). Unknown statuses are left out and counted.
DEFAULT_MILESTONE_WEIGHTS: Mapping[MilestoneStatus, Fraction] = {
    MilestoneStatus.DONE: Fraction(1),
    MilestoneStatus.DONE_ONGOING: Fraction(1),
    MilestoneStatus.SUBSTANTIALLY_DONE: Fraction(3, 4),
    MilestoneStatus.PARTIALLY_DONE: Fraction(1, 2),
    MilestoneStatus.IN_PROGRESS: Fraction(1, 4),
    MilestoneStatus.NOT_DONE: Fraction(0),
    MilestoneStatus.SUSPENDED: Fraction(0),
    MilestoneStatus.NOT_ADDRESSED: Fraction(0),
}


def milestone_progress(
    commitment: Commitment,
    status_weights: Mapping[MilestoneStatus, Fraction] = DEFAULT_MILESTONE_WEIGHTS,
    milestone_weights: Mapping[str, float] | None = None,
) -> Outcome:
    """Progress of a commitment from its milestones: the weighted mean of status weights.

    ``milestone_weights`` (by milestone id, default 1 each) lets important milestones count
    more. Milestones whose status has no weight (unknown) are left out; the value is ``None``
    when no milestone can be counted.
    """
    total = weight_sum = 0.0
    left_out: list[Milestone] = []
    for milestone in commitment.milestones:
        if milestone.status not in status_weights:
            left_out.append(milestone)
            continue
        weight = (milestone_weights or {}).get(milestone.id, 1.0)
        total += weight * float(status_weights[milestone.status])
        weight_sum += weight
    inputs = {m.id: m.status.value for m in commitment.milestones}
    counted = len(commitment.milestones) - len(left_out)
    if not counted or weight_sum == 0:
        why = "no milestone with a known status" if commitment.milestones else "no milestones"
        return Outcome("milestone_progress", None, why, inputs)
    value = total / weight_sum
    why = f"{counted} milestones counted, weighted progress {value:.0%}"
    if left_out:
        why += f"; {len(left_out)} with an unknown status left out"
    return Outcome("milestone_progress", value, why, inputs)


_FINISHED = frozenset({MilestoneStatus.DONE, MilestoneStatus.DONE_ONGOING})


def overdue_milestones(plan: ActionPlan, as_of: dt.date) -> Outcome:
    """Milestones whose due date has passed by ``as_of`` (its latest possible day) and that are
    not done. Milestones with an unknown status are listed separately, not as overdue."""
    overdue: list[str] = []
    undetermined: list[str] = []
    for _, milestone in plan.milestones():
        if milestone.due is None or not milestone.due.is_over_by(as_of):
            continue
        if milestone.status is MilestoneStatus.UNKNOWN:
            undetermined.append(milestone.id)
        elif milestone.status not in _FINISHED:
            overdue.append(milestone.id)
    why = f"{len(overdue)} milestones past due as of {as_of.isoformat()} and not done"
    if undetermined:
        why += f"; {len(undetermined)} past due with an unknown status"
    return Outcome(
        "overdue_milestones",
        overdue,
        why,
        {"as_of": as_of.isoformat(), "unknown_status": undetermined},
    )


def progress_units(plan: ActionPlan) -> Iterator[tuple[str, str, Any]]:
    """Every unit of a plan that can carry progress: (kind, title, unit), outermost first."""
    for commitment in plan.commitments:
        yield from _with_indicators("commitment", commitment)
        for sub in commitment.sub_commitments:
            yield from _with_indicators("sub_commitment", sub)
            for milestone in sub.milestones:
                yield from _with_indicators("milestone", milestone)
        for milestone in commitment.milestones:
            yield from _with_indicators("milestone", milestone)


def _with_indicators(kind: str, unit: Any) -> Iterator[tuple[str, str, Any]]:
    yield kind, unit.title, unit
    for indicator in unit.indicators:
        yield "indicator", indicator.title, indicator


def current_completion(
    commitment: Commitment, as_of: dt.date | None = None
) -> tuple[Completion, ProgressUpdate | None]:
    """A commitment's completion: from its latest dated update known on ``as_of`` (default: the
    latest of all) whose status means something on the completion scale, else the completion
    the document states (with ``None`` as the update)."""
    known = [u for u in commitment.progress if u.completion.is_known]
    update = latest_update(known, as_of)
    if update is not None:
        return update.completion, update
    return commitment.completion, None


def _update_record(update: ProgressUpdate) -> dict[str, Any]:
    return {
        "id": update.id,
        "date": update.date.iso() if update.date is not None else None,
        "reporter": update.reporter.value,
        "status_phrase": update.status_phrase,
        "completion": update.completion.value,
        "percent": update.percent,
        "expected_percent": update.expected_percent,
    }


def progress_history(plan: ActionPlan, as_of: dt.date | None = None) -> Outcome:
    """Every unit's dated progress updates (known on ``as_of``), in date order, with the units
    whose status changed between their first and latest update."""
    history: dict[str, list[dict[str, Any]]] = {}
    changed: list[str] = []
    count = 0
    for _, _, unit in progress_units(plan):
        updates = [u for u in unit.progress if as_of is None or _known_on(u, as_of)]
        if not updates:
            continue
        ordered = sorted(updates, key=_update_order)
        history[unit.id] = [_update_record(u) for u in ordered]
        count += len(ordered)
        words = [(u.completion, u.status_phrase, u.percent) for u in ordered]
        if len(set(words)) > 1:
            changed.append(unit.id)
    if not history:
        return Outcome("progress_history", {}, "no dated progress updates", {})
    when = f" as of {as_of.isoformat()}" if as_of is not None else ""
    why = f"{count} progress updates on {len(history)} units{when}"
    if changed:
        why += f"; {len(changed)} changed status over time"
    return Outcome("progress_history", history, why, {"changed": changed})


def _known_on(update: ProgressUpdate, day: dt.date) -> bool:
    earliest = update.date.earliest if update.date is not None else None
    return earliest is not None and earliest <= day


def _update_order(update: ProgressUpdate) -> tuple[int, dt.date]:
    if update.date is None or update.date.earliest is None:
        return (1, dt.date.max)  # undated updates after the dated ones, in listed order
    return (0, update.date.latest or update.date.earliest)
