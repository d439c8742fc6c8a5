"""Reports, the IRM's key recommendations, and the responses that echo them."""

from __future__ import annotations

from attrs import define, field
from attrs.converters import optional

from opengov.model._fields import (
    check_language_tag,
    facts,
    list_field,
    to_completion,
    to_continuation_stance,
    to_date_span,
    to_did_it_open_government,
    to_early_results,
    to_flag,
    to_irm_placeholder,
    to_irm_report_kind,
    to_potential_for_results,
    to_potential_impact,
    to_specificity,
)
from opengov.model.dates import DateSpan
from opengov.model.standards import InfluenceAssessment
from opengov.model.vocabularies import (
    Completion,
    ContinuationStance,
    DidItOpenGovernment,
    EarlyResults,
    Flag,
    IRMPlaceholder,
    IRMReportKind,
    Missing,
    PotentialForResults,
    PotentialImpact,
    Specificity,
)

__all__ = [
    "CommitmentRecommendation",
    "IRMAssessment",
    "IRMLabel",
    "IRMPlanFindings",
    "IRMReview",
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
    kind: IRMReportKind = field(default=IRMReportKind.PROGRESS, converter=to_irm_report_kind)
    title: str | None = None
    date: DateSpan | None = field(default=None, converter=to_date_span)
    url: str | None = None
    author: str | None = None


@define(kw_only=True)
class KeyRecommendation:
    """One of the numbered key recommendations of an IRM report."""

    id: str
    number: int
    text: str
    report: str | None = field(default=None, metadata=facts(references=Report))


@define(kw_only=True)
class Response:
    """An action or news item that echoes one or more key recommendations.

    ``echoes`` holds key-recommendation ids; :meth:`ActionPlan.responses_to` answers the other
    direction.
    """

    id: str
    text: str
    echoes: list[str] = list_field(references=KeyRecommendation)
    url: str | None = None


@define(kw_only=True)
class PlannedAction:
    """A step planned for the next action plan, with its (often partial) date."""

    id: str
    text: str
    date: DateSpan | None = field(default=None, converter=to_date_span)
    recommendations: list[str] = list_field(references=KeyRecommendation)


@define(kw_only=True)
class CommitmentRecommendation:
    """What the IRM recommends for a commitment in the next plan."""

    stance: ContinuationStance = field(
        default=ContinuationStance.NOT_STATED, converter=to_continuation_stance
    )
    statement: str | None = None
    measures: list[str] = list_field()


ReportYear = int | Missing
"""The publication year of an IRM report, or why there is none (ND / NR / NA)."""


@define(kw_only=True)
class ValueRelevance:
    """The IRM's reading of which OGP values a commitment is relevant to, value by value."""

    access_to_information: Flag = field(default=Flag.NO_DATA, converter=to_flag)
    civic_participation: Flag = field(default=Flag.NO_DATA, converter=to_flag)
    public_accountability: Flag = field(default=Flag.NO_DATA, converter=to_flag)
    technology_and_innovation: Flag = field(default=Flag.NO_DATA, converter=to_flag)


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
    specificity: Specificity = field(default=Specificity.NO_DATA, converter=to_specificity)
    verifiable: Flag = field(default=Flag.NO_DATA, converter=to_flag)
    values: ValueRelevance = field(factory=ValueRelevance)
    relevant: Flag = field(default=Flag.NO_DATA, converter=to_flag)
    potential_impact: PotentialImpact = field(
        default=PotentialImpact.NO_DATA, converter=to_potential_impact
    )
    open_government_lens: Flag = field(default=Flag.NO_DATA, converter=to_flag)
    potential_for_results: PotentialForResults = field(
        default=PotentialForResults.NO_DATA, converter=to_potential_for_results
    )
    promising: Flag = field(default=Flag.NO_DATA, converter=to_flag)
    # implementation
    progress_report_year: ReportYear = Missing.NO_DATA
    completion_midterm: Completion = field(default=Completion.NO_DATA, converter=to_completion)
    end_of_term_report_year: ReportYear = Missing.NO_DATA
    completion_end_of_term: Completion = field(default=Completion.NO_DATA, converter=to_completion)
    did_it_open_government: DidItOpenGovernment = field(
        default=DidItOpenGovernment.NO_DATA, converter=to_did_it_open_government
    )
    diog_access_to_information: DidItOpenGovernment = field(
        default=DidItOpenGovernment.NO_DATA, converter=to_did_it_open_government
    )
    diog_civic_participation: DidItOpenGovernment = field(
        default=DidItOpenGovernment.NO_DATA, converter=to_did_it_open_government
    )
    diog_public_accountability: DidItOpenGovernment = field(
        default=DidItOpenGovernment.NO_DATA, converter=to_did_it_open_government
    )
    early_results: EarlyResults = field(default=EarlyResults.NO_DATA, converter=to_early_results)
    carried_forward: Flag = field(default=Flag.NO_DATA, converter=to_flag)


@define(kw_only=True)
class IRMLabel:
    """One label of an IRM review as the report or OGP's page words it ("Ambition (see
    definition)": "High"), in the language it was shown in. ``state`` marks a placeholder value
    ("Pending IRM Review"): a state of the review, never an assessment."""

    name: str = field(metadata=facts(plain=True))
    value: str = field(metadata=facts(plain=True))
    language: str | None = field(
        default=None, validator=check_language_tag, metadata=facts(plain=True)
    )
    state: IRMPlaceholder | None = field(default=None, converter=optional(to_irm_placeholder))


@define(kw_only=True)
class IRMReview:
    """One dated IRM review of a commitment, from one report of one type.

    ``labels`` keeps the review's labels and values verbatim, in the rubric of its generation
    (Starred, Potential Impact, Ambition, Early Results, Well-Designed? …); ``assessment`` holds
    what can be read into the model's rubric. ``state`` is ``pending_review`` or ``no_data``
    when the review holds only placeholders, ``None`` when no source says.
    """

    id: str
    report: str | None = field(default=None, metadata=facts(references=Report))
    kind: IRMReportKind | None = field(default=None, converter=optional(to_irm_report_kind))
    date: DateSpan | None = field(default=None, converter=to_date_span)
    state: IRMPlaceholder | None = field(default=None, converter=optional(to_irm_placeholder))
    labels: list[IRMLabel] = list_field()
    assessment: IRMAssessment | None = None
    source: str | None = None
    note: str | None = None


@define(kw_only=True)
class IRMPlanFindings:
    """What one IRM report states about a whole plan: its process and its commitments in
    numbers (the design report's "at a glance" figures, the action plan review's compliance).

    Every field is what the report states; ``no_data`` / ``None`` where it states nothing.
    ``source`` is where the statements were read (an address), ``report`` the report they come
    from. The government's own view of the same points is in the plan's ``participation`` and
    ``public_influence``; the scorecard sets the two side by side.
    """

    id: str
    report: str | None = field(default=None, metadata=facts(references=Report))
    source: str | None = None
    multistakeholder_forum: Flag = field(default=Flag.NO_DATA, converter=to_flag)
    public_influence: list[InfluenceAssessment] = list_field()
    acted_contrary_to_process: Flag = field(default=Flag.NO_DATA, converter=to_flag)
    acted_according_to_process: Flag = field(default=Flag.NO_DATA, converter=to_flag)
    relevant_commitments: int | None = None
    transformative_commitments: int | None = None
    potentially_starred_commitments: int | None = None
    note: str | None = None
