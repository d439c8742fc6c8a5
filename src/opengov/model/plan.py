"""Action plans, commitments, milestones and the people and bodies behind them."""

from __future__ import annotations

from collections.abc import Iterator

from attrs import define, field
from attrs.converters import optional

from opengov.model._fields import (
    check_language_tag,
    check_language_tags,
    facts,
    list_field,
    to_completion,
    to_conformity,
    to_date_span,
    to_member_level,
    to_milestone_status,
    to_organisation_role,
    to_plan_event_kind,
    to_schedule_adherence,
)
from opengov.model.common import ExtraField, Resource
from opengov.model.dates import DateSpan
from opengov.model.irm import (
    CommitmentRecommendation,
    IRMAssessment,
    IRMPlanFindings,
    IRMReview,
    KeyRecommendation,
    PlannedAction,
    Report,
    Response,
)
from opengov.model.progress import Budget, ProgressUpdate
from opengov.model.standards import InfluenceAssessment, StandardAssessment
from opengov.model.text import AlternativeTitle, Translation
from opengov.model.vocabularies import (
    Completion,
    Conformity,
    MemberLevel,
    MilestoneStatus,
    OGPValue,
    OrganisationRole,
    PlanEventKind,
    ScheduleAdherence,
)

__all__ = [
    "ActionPlan",
    "Amendment",
    "Axis",
    "Commitment",
    "Consultation",
    "Contact",
    "IRMCluster",
    "Indicator",
    "Milestone",
    "Organisation",
    "PlanCollection",
    "PlanEvent",
    "StatedFigure",
    "SubCommitment",
]


@define(kw_only=True)
class Organisation:
    """A public body or other organisation.

    A hierarchy chain written as one name ("Ministère …, Direction interministérielle du
    numérique, Etalab") is ONE organisation: ``name`` keeps it verbatim and ``hierarchy`` lists
    its levels, outermost first. ``role`` says what kind of body it is (government, civil
    society …) where a source says so; ``code`` is a department code ("rcmp-grc").
    """

    id: str
    name: str
    acronym: str | None = None
    hierarchy: list[str] = list_field()
    url: str | None = None
    role: OrganisationRole = field(default=OrganisationRole.UNKNOWN, converter=to_organisation_role)
    code: str | None = field(default=None, metadata=facts(plain=True))
    translations: list[Translation] = list_field()


@define(kw_only=True)
class Contact:
    """A point of contact. Names and e-mail addresses are personal data."""

    id: str
    name: str = field(metadata=facts(personal=True, plain=True))
    role: str | None = None
    organisation: str | None = None
    email: str | None = field(default=None, metadata=facts(personal=True, plain=True))


@define(kw_only=True)
class Indicator:
    """An indicator or deliverable: the finest unit a plan tracks, with its own deadline, leads,
    target and progress (under a milestone, or directly under a commitment)."""

    id: str
    reference: str | None = None
    title: str
    description: str | None = None
    due: DateSpan | None = field(default=None, converter=to_date_span)
    lead_organisations: list[str] = list_field(references=Organisation)
    lead_as_written: str | None = None
    baseline: str | None = None
    target: str | None = None
    progress: list[ProgressUpdate] = list_field()
    translations: list[Translation] = list_field()


@define(kw_only=True)
class Milestone:
    """A milestone or action of a commitment.

    ``status`` is the normalised status; ``status_phrase`` keeps the report's words. A status the
    document does not state is ``MilestoneStatus.UNKNOWN``, never a guess. ``organisation`` names
    the responsible body (an organisation id) where a milestone belongs to one ministry, and
    ``added_after_adoption`` flags rows added after the plan was adopted ("Ajout").
    Where a source names several leads, ``lead_organisations`` lists them (``lead_as_written``
    keeps the source's words); ``progress`` holds dated updates, ``indicators`` the units
    tracked under the milestone.
    """

    id: str
    reference: str | None = None
    title: str
    description: str | None = None
    status: MilestoneStatus = field(default=MilestoneStatus.UNKNOWN, converter=to_milestone_status)
    status_phrase: str | None = None
    start: DateSpan | None = field(default=None, converter=to_date_span)
    due: DateSpan | None = field(default=None, converter=to_date_span)
    completed: DateSpan | None = field(default=None, converter=to_date_span)
    evidence: str | None = None
    resources: list[Resource] = list_field()
    organisation: str | None = field(default=None, metadata=facts(references=Organisation))
    lead_organisations: list[str] = list_field(references=Organisation)
    lead_as_written: str | None = None
    added_after_adoption: bool = False
    indicators: list[Indicator] = list_field()
    progress: list[ProgressUpdate] = list_field()
    translations: list[Translation] = list_field()


@define(kw_only=True)
class SubCommitment:
    """A part of a commitment with its own leads, milestones and progress (Tunisia's
    "sous-engagements")."""

    id: str
    reference: str | None = None
    title: str
    description: str | None = None
    period: DateSpan | None = field(default=None, converter=to_date_span)
    lead_organisations: list[str] = list_field(references=Organisation)
    supporting_organisations: list[str] = list_field(references=Organisation)
    lead_as_written: str | None = None
    milestones: list[Milestone] = list_field()
    indicators: list[Indicator] = list_field()
    progress: list[ProgressUpdate] = list_field()
    translations: list[Translation] = list_field()


@define(kw_only=True)
class Axis:
    """A theme, axis or topic under which a plan groups its commitments ("Topic 1: …")."""

    id: str
    reference: str | None = None
    title: str
    description: str | None = None
    translations: list[Translation] = list_field()


@define(kw_only=True)
class Commitment:
    """A commitment (*engagement*) of an action plan.

    ``lead_organisations`` and ``supporting_organisations`` hold organisation ids (see
    :attr:`ActionPlan.organisations`); ``other_actors`` is free text as the plan words it.
    ``completion`` is ``Completion.UNKNOWN`` unless a source states it; ``completion_note`` says
    where the value comes from or why it is unknown. ``irm`` holds the IRM's assessment.
    ``number`` orders commitments; ``reference`` keeps the number as the plan writes it when it
    is not a plain integer ("1.1.", "3b", "Compromiso 3.2"); ``ogp_id`` is OGP's own id
    (``FR0035``). ``axis`` and ``cluster`` name the plan's grouping and the IRM's cluster.
    ``progress`` holds dated updates from every source; ``irm_reviews`` the IRM's dated reviews
    as each report worded them. ``language`` is set only when the commitment's text is in
    another language than the plan's (a source gives it only in English in a Spanish plan);
    its milestones and other parts are in that language too.
    """

    id: str
    number: int
    title: str
    reference: str | None = None
    ogp_id: str | None = field(default=None, metadata=facts(plain=True))
    language: str | None = field(
        default=None, validator=check_language_tag, metadata=facts(plain=True)
    )
    short_title: str | None = None
    other_titles: list[AlternativeTitle] = list_field()
    axis: str | None = field(default=None, metadata=facts(references=Axis))
    goal: str | None = None
    objectives: list[str] = list_field()
    description: str | None = None
    themes: list[str] = list_field()
    ogp_values: list[OGPValue] = list_field()
    lead_organisations: list[str] = list_field(references=Organisation)
    supporting_organisations: list[str] = list_field(references=Organisation)
    other_actors: list[str] = list_field()
    lead_as_written: str | None = None
    period: DateSpan | None = field(default=None, converter=to_date_span)
    budget: Budget | None = None
    completion: Completion = field(default=Completion.UNKNOWN, converter=to_completion)
    completion_note: str | None = None
    results: str | None = None
    schedule: str | None = None
    schedule_adherence: ScheduleAdherence = field(
        default=ScheduleAdherence.UNKNOWN, converter=to_schedule_adherence
    )
    next_steps: str | None = None
    resources: list[Resource] = list_field()
    contacts: list[Contact] = list_field()
    milestones: list[Milestone] = list_field()
    sub_commitments: list[SubCommitment] = list_field()
    indicators: list[Indicator] = list_field()
    progress: list[ProgressUpdate] = list_field()
    irm_recommendation: CommitmentRecommendation | None = None
    irm: IRMAssessment | None = None
    irm_reviews: list[IRMReview] = list_field()
    translations: list[Translation] = list_field()
    extra: list[ExtraField] = list_field()

    def milestone(self, milestone_id: str) -> Milestone:
        """The milestone with this id (``KeyError`` if none)."""
        for milestone in self.milestones:
            if milestone.id == milestone_id:
                return milestone
        raise KeyError(milestone_id)

    def _repr_html_(self) -> str:
        """HTML for notebooks (drawn by :mod:`opengov.reporting.notebook`)."""
        # Presentation lives in the reporting layer, imported only when a notebook asks.
        from opengov.reporting.notebook import commitment_html

        return commitment_html(self)


@define(kw_only=True)
class StatedFigure:
    """A figure exactly as a document states it ("76%"), with what it measures.

    ``source`` says who states it when it is not the plan's own document (the IRM's action
    plan review, a civil-society summary); ``note`` is context.
    """

    name: str
    value: str
    source: str | None = None
    note: str | None = None


@define(kw_only=True)
class Consultation:
    """A public consultation held on a plan or on its self-assessment."""

    id: str
    title: str
    period: DateSpan | None = field(default=None, converter=to_date_span)
    description: str | None = None
    url: str | None = None
    observations: list[str] = list_field()


@define(kw_only=True)
class PlanEvent:
    """A dated event in the life of a plan: submitted, launched, a self-assessment published.

    ``label`` keeps the source's own name for it ("Date Submitted", "Action Plan End"); two
    events of one kind with different dates are kept, as sources sometimes disagree.
    """

    kind: PlanEventKind = field(default=PlanEventKind.OTHER, converter=to_plan_event_kind)
    label: str | None = None
    date: DateSpan | None = field(default=None, converter=to_date_span)
    source: str | None = None


@define(kw_only=True)
class Amendment:
    """A change to an adopted plan: an extension of its end, an added or removed commitment."""

    id: str
    decided: DateSpan | None = field(default=None, converter=to_date_span)
    new_end: DateSpan | None = field(default=None, converter=to_date_span)
    description: str | None = None
    url: str | None = None


@define(kw_only=True)
class IRMCluster:
    """Commitments the IRM assesses together as one."""

    id: str
    title: str | None = None
    commitments: list[str] = list_field(references=Commitment)


@define(kw_only=True)
class ActionPlan:
    """An OGP action plan of a member (national or local).

    ``id`` is the root of every child id (``fr-2018-2020`` → ``fr-2018-2020/c01`` →
    ``fr-2018-2020/c01/m2``). ``country`` is an ISO 3166-1 alpha-2 code (``FR``); ``member``
    names the national or local government, ``member_level`` says which. ``language`` (BCP
    47) is the language of the plan's text fields; ``languages`` lists every language the plan
    is published in, and text in the others is kept as translations (see
    :mod:`opengov.model.text`).
    """

    id: str
    country: str = field(metadata=facts(plain=True))
    title: str
    other_titles: list[AlternativeTitle] = list_field()
    member: str | None = None
    member_level: MemberLevel = field(default=MemberLevel.UNKNOWN, converter=to_member_level)
    period: DateSpan | None = field(default=None, converter=to_date_span)
    number: int | None = None
    language: str = field(default="en", validator=check_language_tag, metadata=facts(plain=True))
    languages: list[str] = field(
        factory=list, validator=check_language_tags, metadata=facts(plain=True)
    )
    url: str | None = None
    description: str | None = None
    ambitions: list[str] = list_field()
    lead_organisation: str | None = field(default=None, metadata=facts(references=Organisation))
    status_date: DateSpan | None = field(default=None, converter=to_date_span)
    stated_figures: list[StatedFigure] = list_field()
    events: list[PlanEvent] = list_field()
    amendments: list[Amendment] = list_field()
    organisations: list[Organisation] = list_field()
    axes: list[Axis] = list_field()
    commitments: list[Commitment] = list_field()
    irm_clusters: list[IRMCluster] = list_field()
    participation: list[StandardAssessment] = list_field()
    public_influence: list[InfluenceAssessment] = list_field()
    irm_findings: list[IRMPlanFindings] = list_field()
    overall_conformity: Conformity | None = field(default=None, converter=optional(to_conformity))
    overall_conformity_phrase: str | None = None
    reports: list[Report] = list_field()
    key_recommendations: list[KeyRecommendation] = list_field()
    responses: list[Response] = list_field()
    planned_actions: list[PlannedAction] = list_field()
    consultations: list[Consultation] = list_field()
    translations: list[Translation] = list_field()
    extra: list[ExtraField] = list_field()

    # --- look-ups -----------------------------------------------------------------------------

    def commitment(self, number: int) -> Commitment:
        """The commitment with this number (``KeyError`` if none)."""
        for commitment in self.commitments:
            if commitment.number == number:
                return commitment
        raise KeyError(number)

    def organisation(self, organisation_id: str) -> Organisation:
        """The organisation with this id (``KeyError`` if none)."""
        for organisation in self.organisations:
            if organisation.id == organisation_id:
                return organisation
        raise KeyError(organisation_id)

    def milestones(self) -> Iterator[tuple[Commitment, Milestone]]:
        """Every milestone of the plan with its commitment, in order."""
        for commitment in self.commitments:
            for milestone in commitment.milestones:
                yield commitment, milestone

    def responses_to(self, recommendation: KeyRecommendation | str) -> list[Response]:
        """The responses that echo a key recommendation (given as object or id)."""
        rec_id = recommendation if isinstance(recommendation, str) else recommendation.id
        return [response for response in self.responses if rec_id in response.echoes]

    def recommendations_echoed_by(self, response: Response) -> list[KeyRecommendation]:
        """The key recommendations a response echoes, in the plan's order."""
        return [rec for rec in self.key_recommendations if rec.id in response.echoes]

    def _repr_html_(self) -> str:
        """HTML for notebooks (drawn by :mod:`opengov.reporting.notebook`)."""
        # Presentation lives in the reporting layer, imported only when a notebook asks.
        from opengov.reporting.notebook import plan_html

        return plan_html(self)


@define(kw_only=True)
class PlanCollection:
    """Several action plans in one document (an OGP export, a member's series of plans)."""

    id: str
    title: str | None = None
    description: str | None = None
    source: str | None = None
    plans: list[ActionPlan] = list_field()

    def plan(self, plan_id: str) -> ActionPlan:
        """The plan with this id (``KeyError`` if none)."""
        for plan in self.plans:
            if plan.id == plan_id:
                return plan
        raise KeyError(plan_id)
