"""Reports, the IRM's key recommendations, and the responses that echo them."""

from __future__ import annotations

from attrs import define

from opengov.model._fields import date_field, list_field, vocab_field
from opengov.model.dates import DateSpan
from opengov.model.vocabularies import ContinuationStance, IRMReportKind

__all__ = [
    "CommitmentRecommendation",
    "KeyRecommendation",
    "PlannedAction",
    "Report",
    "Response",
]


@define(kw_only=True)
class Report:
    """A report on a plan: an IRM product or the government's self-assessment."""

    id: str
    kind: IRMReportKind = vocab_field(IRMReportKind, IRMReportKind.PROGRESS)
    title: str | None = None
    date: DateSpan | None = date_field()
    url: str | None = None
    author: str | None = None


@define(kw_only=True)
class KeyRecommendation:
    """One of the numbered key recommendations of an IRM report."""

    id: str
    number: int
    text: str
    report: str | None = None


@define(kw_only=True)
class Response:
    """An action or news item that echoes one or more key recommendations.

    ``echoes`` holds key-recommendation ids; :meth:`ActionPlan.responses_to` answers the other
    direction.
    """

    id: str
    text: str
    echoes: list[str] = list_field()
    url: str | None = None


@define(kw_only=True)
class PlannedAction:
    """A step planned for the next action plan, with its (often partial) date."""

    id: str
    text: str
    date: DateSpan | None = date_field()
    recommendations: list[str] = list_field()


@define(kw_only=True)
class CommitmentRecommendation:
    """What the IRM recommends for a commitment in the next plan."""

    stance: ContinuationStance = vocab_field(ContinuationStance, ContinuationStance.NOT_STATED)
    statement: str | None = None
    measures: list[str] = list_field()
