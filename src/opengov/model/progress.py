"""Progress over time: dated updates on commitments, milestones and indicators, and budgets.

A commitment's (or sub-commitment's, milestone's, indicator's) ``progress`` lists what each
source reported and when: the status word as written on the scale the source declares, its
normalised meaning, a percentage and the percentage expected by then where given. The current
status is the latest update (:func:`latest_update`); :func:`status_changes` shows what changed
between two reporting dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from attrs import define, field

from opengov.model._fields import facts, list_field, to_completion, to_date_span, to_reporter
from opengov.model.common import Resource
from opengov.model.dates import DateSpan
from opengov.model.vocabularies import Completion, Reporter

__all__ = ["Budget", "ProgressUpdate", "latest_update", "status_changes"]


@define(kw_only=True)
class ProgressUpdate:
    """What one source reported on one date about the progress of one unit.

    ``status_phrase`` keeps the source's word and ``scale`` the id of the status scale it
    belongs to (see :mod:`opengov.model.scales`); ``completion`` is its normalised meaning,
    ``Completion.UNKNOWN`` when the scale gives none. ``percent`` and ``expected_percent`` are
    0-100 where the source states them.
    """

    id: str
    date: DateSpan | None = field(default=None, converter=to_date_span)
    reporter: Reporter = field(default=Reporter.UNKNOWN, converter=to_reporter)
    source: str | None = None
    scale: str | None = field(default=None, metadata=facts(plain=True))
    status_phrase: str | None = None
    completion: Completion = field(default=Completion.UNKNOWN, converter=to_completion)
    percent: float | None = None
    expected_percent: float | None = None
    note: str | None = None
    evidence: list[Resource] = list_field()


@define(kw_only=True)
class Budget:
    """Money set aside, as the source states it: an amount and currency where they can be read,
    and always the phrase as written ("KES 2 billion", "Sin presupuesto asignado")."""

    amount: float | None = None
    currency: str | None = field(default=None, metadata=facts(plain=True))
    phrase: str | None = None
    note: str | None = None


def _reported_by(update: ProgressUpdate, day: dt.date | None) -> bool:
    if day is None:
        return True
    earliest = update.date.earliest if update.date is not None else None
    return earliest is not None and earliest <= day


def _order(update: ProgressUpdate) -> dt.date:
    latest = update.date.latest if update.date is not None else None
    earliest = update.date.earliest if update.date is not None else None
    return latest or earliest or dt.date.min


def latest_update(
    updates: Iterable[ProgressUpdate], as_of: dt.date | None = None
) -> ProgressUpdate | None:
    """The most recent dated update known on ``as_of`` (default: the latest of all).

    Updates without a date are only used when no dated one exists and ``as_of`` is not given
    (then the last one listed). ``None`` when nothing was reported by then.
    """
    listed = list(updates)
    dated = [u for u in listed if u.date is not None and u.date.earliest is not None]
    known = [u for u in dated if _reported_by(u, as_of)]
    if known:
        return max(known, key=_order)
    if as_of is None and listed and not dated:
        return listed[-1]
    return None


def status_changes(
    updates: Iterable[ProgressUpdate], start: dt.date, end: dt.date
) -> tuple[ProgressUpdate | None, ProgressUpdate | None]:
    """The status known at ``start`` and at ``end``: compare them to see a change."""
    listed = list(updates)
    return latest_update(listed, start), latest_update(listed, end)
