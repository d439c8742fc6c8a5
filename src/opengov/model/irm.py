"""Reports, the IRM's key recommendations, and the responses that echo them."""

from __future__ import annotations

from attrs import define, field

from opengov.model._fields import date_field, list_field, vocab_field
from opengov.model.dates import DateSpan
from opengov.model.vocabularies import (
    Completion,
    ContinuationStance,
    DidItOpenGovernment,
    EarlyResults,
    Flag,
    IRMReportKind,
    Missing,
    PotentialForResults,
    PotentialImpact,
    Specificity,
)

__all__ = [
    "CommitmentRecommendation",
    "IRMAssessment",
    "KeyRecommendation",
    "PlannedAction",
    "Report",
    "ReportYear",
    "Response",
    "ValueRelevance",
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


ReportYear = int | Missing
"""The publication year of an IRM report, or why there is none (ND / NR / NA)."""


@define(kw_only=True)
class ValueRelevance:
    """The IRM's reading of which OGP values a commitment is relevant to, value by value."""

    access_to_information: Flag = vocab_field(Flag, Flag.NO_DATA)
    civic_participation: Flag = vocab_field(Flag, Flag.NO_DATA)
    public_accountability: Flag = vocab_field(Flag, Flag.NO_DATA)
    technology_and_innovation: Flag = vocab_field(Flag, Flag.NO_DATA)


@define(kw_only=True)
class IRMAssessment:
    """The IRM's assessment of one commitment, across its reports.

    Holds both rubric generations. Up to 2020: specificity, relevance to OGP values, potential
    impact, completion at mid-term and end of term, "did it open government?". From 2021: verifiable,
    the open-government lens, potential for results, promising, early results. Every indicator
    defaults to ``NO_DATA``; ND / NR / NA are states of their own, never zeros. Derived figures
    (stars, quadrants, scores) are not stored: :mod:`opengov.rules` computes them.
    """

    # design
    specificity: Specificity = vocab_field(Specificity, Specificity.NO_DATA)
    verifiable: Flag = vocab_field(Flag, Flag.NO_DATA)
    values: ValueRelevance = field(factory=ValueRelevance)
    relevant: Flag = vocab_field(Flag, Flag.NO_DATA)
    potential_impact: PotentialImpact = vocab_field(PotentialImpact, PotentialImpact.NO_DATA)
    open_government_lens: Flag = vocab_field(Flag, Flag.NO_DATA)
    potential_for_results: PotentialForResults = vocab_field(
        PotentialForResults, PotentialForResults.NO_DATA
    )
    promising: Flag = vocab_field(Flag, Flag.NO_DATA)
    # implementation
    progress_report_year: ReportYear = Missing.NO_DATA
    completion_midterm: Completion = vocab_field(Completion, Completion.NO_DATA)
    end_of_term_report_year: ReportYear = Missing.NO_DATA
    completion_end_of_term: Completion = vocab_field(Completion, Completion.NO_DATA)
    did_it_open_government: DidItOpenGovernment = vocab_field(
        DidItOpenGovernment, DidItOpenGovernment.NO_DATA
    )
    diog_access_to_information: DidItOpenGovernment = vocab_field(
        DidItOpenGovernment, DidItOpenGovernment.NO_DATA
    )
    diog_civic_participation: DidItOpenGovernment = vocab_field(
        DidItOpenGovernment, DidItOpenGovernment.NO_DATA
    )
    diog_public_accountability: DidItOpenGovernment = vocab_field(
        DidItOpenGovernment, DidItOpenGovernment.NO_DATA
    )
    early_results: EarlyResults = vocab_field(EarlyResults, EarlyResults.NO_DATA)
    carried_forward: Flag = vocab_field(Flag, Flag.NO_DATA)
