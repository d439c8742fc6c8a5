"""Action plans, commitments, milestones and the people and bodies behind them."""

from __future__ import annotations

from collections.abc import Iterator

from attrs import define, field
from attrs.converters import optional

from opengov.model._fields import (
    facts,
    list_field,
    to_completion,
    to_conformity,
    to_date_span,
    to_milestone_status,
    to_schedule_adherence,
)
from opengov.model.dates import DateSpan
from opengov.model.irm import (
    CommitmentRecommendation,
    IRMAssessment,
    KeyRecommendation,
    PlannedAction,
    Report,
    Response,
)
from opengov.model.standards import InfluenceAssessment, StandardAssessment
from opengov.model.vocabularies import (
    Completion,
    Conformity,
    MilestoneStatus,
    OGPValue,
    ScheduleAdherence,
)

__all__ = [
    "ActionPlan",
    "Commitment",
    "Consultation",
    "Contact",
    "ExtraField",
    "Milestone",
    "Organisation",
    "PlanCollection",
    "Resource",
    "StatedFigure",
]


@define(kw_only=True)
class ExtraField:
    """A value from a source that has no field of its own in the model, kept verbatim.

    Importers use it so that nothing is dropped (an OGP export column such as ``Region``);
    ``name`` is the source's own name for it.
    """

    name: str
    value: str


@define(kw_only=True)
class Resource:
    """A document, page or dataset cited as a resource or as evidence."""

    label: str
    url: str | None = None


@define(kw_only=True)
class Organisation:
    """A public body or other organisation.

    A hierarchy chain written as one name ("Ministère …, Direction interministérielle du
    numérique, Etalab") is ONE organisation: ``name`` keeps it verbatim and ``hierarchy`` lists
    its levels, outermost first.
    """

    id: str
    name: str
    acronym: str | None = None
    hierarchy: list[str] = list_field()
    url: str | None = None


@define(kw_only=True)
class Contact:
    """A point of contact. Names and e-mail addresses are personal data."""

    id: str
    name: str = field(metadata=facts(personal=True, plain=True))
    role: str | None = None
    organisation: str | None = None
    email: str | None = field(default=None, metadata=facts(personal=True, plain=True))


@define(kw_only=True)
class Milestone:
    """A milestone or action of a commitment.

    ``status`` is the normalised status; ``status_phrase`` keeps the report's words. A status the
    document does not state is ``MilestoneStatus.UNKNOWN``, never a guess. ``organisation`` names
    the responsible body (an organisation id) where a milestone belongs to one ministry, and
    ``added_after_adoption`` flags rows added after the plan was adopted ("Ajout").
    """

    id: str
    title: str
    description: str | None = None
    status: MilestoneStatus = field(default=MilestoneStatus.UNKNOWN, converter=to_milestone_status)
    status_phrase: str | None = None
    due: DateSpan | None = field(default=None, converter=to_date_span)
    completed: DateSpan | None = field(default=None, converter=to_date_span)
    evidence: str | None = None
    resources: list[Resource] = list_field()
    organisation: str | None = field(default=None, metadata=facts(references=Organisation))
    added_after_adoption: bool = False


@define(kw_only=True)
class Commitment:
    """A commitment (*engagement*) of an action plan.

    ``lead_organisations`` and ``supporting_organisations`` hold organisation ids (see
    :attr:`ActionPlan.organisations`); ``other_actors`` is free text as the plan words it.
    ``completion`` is ``Completion.UNKNOWN`` unless a source states it; ``completion_note`` says
    where the value comes from or why it is unknown. ``irm`` holds the IRM's assessment.
    ``number`` orders commitments; ``reference`` keeps the number as the plan writes it when it
    is not a plain integer ("1.1.", "3b").
    """

    id: str
    number: int
    title: str
    reference: str | None = None
    short_title: str | None = None
    goal: str | None = None
    objectives: list[str] = list_field()
    description: str | None = None
    themes: list[str] = list_field()
    ogp_values: list[OGPValue] = list_field()
    lead_organisations: list[str] = list_field(references=Organisation)
    supporting_organisations: list[str] = list_field(references=Organisation)
    other_actors: list[str] = list_field()
    period: DateSpan | None = field(default=None, converter=to_date_span)
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
    irm_recommendation: CommitmentRecommendation | None = None
    irm: IRMAssessment | None = None
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
    """A figure exactly as a document states it ("76%"), with what it measures."""

    name: str
    value: str
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
class ActionPlan:
    """An OGP action plan of a member (national or local).

    ``id`` is the root of every child id (``fr-2018-2020`` → ``fr-2018-2020/c01`` →
    ``fr-2018-2020/c01/m2``). ``country`` is an ISO 3166-1 alpha-2 code (``FR``); ``member``
    names the national or local government. ``language`` (BCP 47) is the language of the plan's
    text.
    """

    id: str
    country: str = field(metadata=facts(plain=True))
    title: str
    member: str | None = None
    period: DateSpan | None = field(default=None, converter=to_date_span)
    number: int | None = None
    language: str = field(default="en", metadata=facts(plain=True))
    url: str | None = None
    description: str | None = None
    ambitions: list[str] = list_field()
    lead_organisation: str | None = field(default=None, metadata=facts(references=Organisation))
    status_date: DateSpan | None = field(default=None, converter=to_date_span)
    stated_figures: list[StatedFigure] = list_field()
    organisations: list[Organisation] = list_field()
    commitments: list[Commitment] = list_field()
    participation: list[StandardAssessment] = list_field()
    public_influence: list[InfluenceAssessment] = list_field()
    overall_conformity: Conformity | None = field(default=None, converter=optional(to_conformity))
    overall_conformity_phrase: str | None = None
    reports: list[Report] = list_field()
    key_recommendations: list[KeyRecommendation] = list_field()
    responses: list[Response] = list_field()
    planned_actions: list[PlannedAction] = list_field()
    consultations: list[Consultation] = list_field()
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
