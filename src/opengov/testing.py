"""Hypothesis strategies for every model class, for this library's tests and for yours.

Install with ``pip install opengov-ogp[testing]``. Text strategies mix ordinary words with the
characters that break naive serialisers: commas, quotes, semicolons, newlines, «», ’, a leading
``=`` (spreadsheet formulas), emoji and non-Latin scripts. Generated plans have consistent,
unique ids and valid references, so they also pass :func:`opengov.validate`'s error checks.

Example::

    from hypothesis import given
    from opengov.testing import action_plans

    @given(action_plans())
    def test_round_trip(plan):
        assert opengov.load(opengov.dump(plan)) == plan
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - depends on the installation
    raise ImportError(
        "opengov.testing needs hypothesis: pip install 'opengov-ogp[testing]'"
    ) from exc

from opengov.model import (
    ActionPlan,
    Commitment,
    CommitmentRecommendation,
    Completion,
    Conformity,
    Consultation,
    Contact,
    ContinuationStance,
    DateSpan,
    DidItOpenGovernment,
    EarlyResults,
    Evidence,
    ExtraField,
    Finding,
    Flag,
    InfluenceAssessment,
    IRMAssessment,
    IRMReportKind,
    KeyRecommendation,
    Milestone,
    MilestoneStatus,
    Missing,
    OGPValue,
    Organisation,
    PartialDate,
    Phase,
    PlanCollection,
    PlannedAction,
    PotentialForResults,
    PotentialImpact,
    Precision,
    PublicInfluence,
    Qualifier,
    Report,
    RequirementFinding,
    Resource,
    Response,
    ScheduleAdherence,
    Specificity,
    StandardAssessment,
    StatedFigure,
    ValueRelevance,
)
from opengov.model.vocab import Vocabulary

__all__ = [
    "NASTY_STRINGS",
    "action_plans",
    "commitments",
    "contacts",
    "date_spans",
    "irm_assessments",
    "milestones",
    "nasty_text",
    "organisations",
    "partial_dates",
    "plan_collections",
    "resources",
    "vocabulary",
]

V = TypeVar("V", bound=Vocabulary)

#: Strings that have broken serialisers before.
NASTY_STRINGS = (
    "",
    " ",
    "a,b",
    'say "hi"',
    "it's",
    "l’État",
    "« guillemets »",
    "semi;colon",
    "line\nbreak",
    "carriage\r\nreturn",
    "tab\there",
    "=SUM(1+1)",
    "+cmd|' /C calc'!A0",
    "-1",
    "@SUM(1+1)",
    '=HYPERLINK("http://example.com")',
    "🇫🇷 emoji 🎉",
    "Ελληνικά / 日本語 / العربية",
    "NULL",
    "None",
    "ND",
    "<p>html</p>",
    "trailing space ",
    "back\\slash",
    "#hash",
    '"quoted,comma"',
)

_TEXT_ALPHABET = st.characters(
    blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029"
) | st.sampled_from(["\n", "\t", ",", ";", '"', "'", "’", "«", "»", "=", "🎉"])


def nasty_text(min_size: int = 0, max_size: int = 40) -> st.SearchStrategy[str]:
    """Text that mixes known troublemakers with arbitrary printable characters."""
    generated = st.text(_TEXT_ALPHABET, min_size=min_size, max_size=max_size)
    known = st.sampled_from([s for s in NASTY_STRINGS if len(s) >= min_size])
    return st.one_of(known, generated)


def _titles() -> st.SearchStrategy[str]:
    return nasty_text(min_size=1).filter(lambda s: s.strip() != "")


def vocabulary(cls: type[V]) -> st.SearchStrategy[V]:
    """Any member of a vocabulary."""
    return st.sampled_from(list(cls))


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


@st.composite
def partial_dates(draw: st.DrawFn, min_year: int = 2000, max_year: int = 2035) -> PartialDate:
    """A partial date of any precision, possibly qualified."""
    precision = draw(st.sampled_from(list(Precision)))
    year = draw(st.integers(min_year, max_year))
    if precision is Precision.DAY:
        day = draw(st.dates(dt.date(year, 1, 1), dt.date(year, 12, 31)))
        return PartialDate.from_date(day)
    limits = {Precision.SEMESTER: 2, Precision.QUARTER: 4, Precision.MONTH: 12}
    part = draw(st.integers(1, limits[precision])) if precision in limits else None
    qualifier = draw(_optional(st.sampled_from(list(Qualifier))))
    return PartialDate(year, precision, part, qualifier=qualifier)


@st.composite
def date_spans(draw: st.DrawFn) -> DateSpan:
    """A single partial date, a closed range or an open range, with or without a phrase."""
    first = draw(partial_dates())
    phrase = draw(_optional(nasty_text(min_size=1)))
    shape = draw(st.sampled_from(["single", "range", "open-start", "open-end"]))
    if shape == "single":
        return DateSpan.of(first, phrase)
    if shape == "open-start":
        return DateSpan(None, first, phrase)
    if shape == "open-end":
        return DateSpan(first, None, phrase)
    second = draw(partial_dates(min_year=first.year + 1, max_year=first.year + 5))
    return DateSpan(first, second, phrase)


def _urls() -> st.SearchStrategy[str]:
    return st.builds(
        lambda host, path: f"https://{host}.example.org/{path}",
        st.from_regex(r"[a-z]{1,10}", fullmatch=True),
        st.from_regex(r"[a-z0-9/_\-]{0,20}", fullmatch=True),
    )


def resources() -> st.SearchStrategy[Resource]:
    """A resource with a label and an optional URL."""
    return st.builds(Resource, label=nasty_text(), url=_optional(_urls()))


def organisations(ident: str) -> st.SearchStrategy[Organisation]:
    """An organisation with the given id."""
    return st.builds(
        Organisation,
        id=st.just(ident),
        name=_titles(),
        acronym=_optional(nasty_text(max_size=8)),
        hierarchy=st.lists(_titles(), max_size=3),
        url=_optional(_urls()),
    )


def contacts(ident: str) -> st.SearchStrategy[Contact]:
    """A point of contact with the given id."""
    return st.builds(
        Contact,
        id=st.just(ident),
        name=_titles(),
        role=_optional(nasty_text()),
        organisation=_optional(nasty_text()),
        email=_optional(st.emails()),
    )


@st.composite
def milestones(draw: st.DrawFn, ident: str, organisation_ids: list[str] | None = None) -> Milestone:
    """A milestone with the given id; ``organisation`` is drawn from ``organisation_ids``."""
    orgs = organisation_ids or []
    return Milestone(
        id=ident,
        title=draw(_titles()),
        description=draw(_optional(nasty_text(max_size=200))),
        status=draw(vocabulary(MilestoneStatus)),
        status_phrase=draw(_optional(nasty_text())),
        due=draw(_optional(date_spans())),
        completed=draw(_optional(date_spans())),
        evidence=draw(_optional(nasty_text(max_size=200))),
        resources=draw(st.lists(resources(), max_size=2)),
        organisation=draw(_optional(st.sampled_from(orgs))) if orgs else None,
        added_after_adoption=draw(st.booleans()),
    )


def _report_years() -> st.SearchStrategy[int | Missing]:
    return st.integers(2012, 2030) | vocabulary(Missing)


def irm_assessments() -> st.SearchStrategy[IRMAssessment]:
    """An IRM assessment mixing real values and ND / NR / NA states."""
    return st.builds(
        IRMAssessment,
        specificity=vocabulary(Specificity),
        verifiable=vocabulary(Flag),
        values=st.builds(
            ValueRelevance,
            access_to_information=vocabulary(Flag),
            civic_participation=vocabulary(Flag),
            public_accountability=vocabulary(Flag),
            technology_and_innovation=vocabulary(Flag),
        ),
        relevant=vocabulary(Flag),
        potential_impact=vocabulary(PotentialImpact),
        open_government_lens=vocabulary(Flag),
        potential_for_results=vocabulary(PotentialForResults),
        promising=vocabulary(Flag),
        progress_report_year=_report_years(),
        completion_midterm=vocabulary(Completion),
        end_of_term_report_year=_report_years(),
        completion_end_of_term=vocabulary(Completion),
        did_it_open_government=vocabulary(DidItOpenGovernment),
        diog_access_to_information=vocabulary(DidItOpenGovernment),
        diog_civic_participation=vocabulary(DidItOpenGovernment),
        diog_public_accountability=vocabulary(DidItOpenGovernment),
        early_results=vocabulary(EarlyResults),
        carried_forward=vocabulary(Flag),
    )


@st.composite
def commitments(
    draw: st.DrawFn, ident: str, number: int, organisation_ids: list[str] | None = None
) -> Commitment:
    """A commitment with the given id and number, referencing ``organisation_ids``."""
    orgs = organisation_ids or []
    pick = st.lists(st.sampled_from(orgs), max_size=3, unique=True) if orgs else st.just([])
    n_milestones = draw(st.integers(0, 4))
    n_contacts = draw(st.integers(0, 2))
    return Commitment(
        id=ident,
        number=number,
        title=draw(_titles()),
        short_title=draw(_optional(nasty_text())),
        goal=draw(_optional(nasty_text(max_size=300))),
        objectives=draw(st.lists(nasty_text(), max_size=3)),
        description=draw(_optional(nasty_text(max_size=300))),
        themes=draw(st.lists(nasty_text(), max_size=2)),
        ogp_values=draw(st.lists(vocabulary(OGPValue), max_size=4, unique=True)),
        lead_organisations=draw(pick),
        supporting_organisations=draw(pick),
        other_actors=draw(st.lists(nasty_text(), max_size=3)),
        period=draw(_optional(date_spans())),
        completion=draw(vocabulary(Completion)),
        completion_note=draw(_optional(nasty_text())),
        results=draw(_optional(nasty_text(max_size=300))),
        schedule=draw(_optional(nasty_text())),
        schedule_adherence=draw(vocabulary(ScheduleAdherence)),
        next_steps=draw(_optional(nasty_text())),
        resources=draw(st.lists(resources(), max_size=3)),
        contacts=[draw(contacts(f"{ident}/contact{i}")) for i in range(1, n_contacts + 1)],
        milestones=[draw(milestones(f"{ident}/m{i}", orgs)) for i in range(1, n_milestones + 1)],
        irm=draw(_optional(irm_assessments())),
        reference=draw(_optional(nasty_text(max_size=10))),
        extra=draw(_extra()),
        irm_recommendation=draw(
            _optional(
                st.builds(
                    CommitmentRecommendation,
                    stance=vocabulary(ContinuationStance),
                    statement=_optional(nasty_text()),
                    measures=st.lists(nasty_text(), max_size=3),
                )
            )
        ),
    )


def _extra() -> st.SearchStrategy[list[ExtraField]]:
    return st.lists(st.builds(ExtraField, name=_titles(), value=nasty_text()), max_size=2)


def _evidence(depth: int = 2) -> st.SearchStrategy[Evidence]:
    children = st.lists(_evidence(depth - 1), max_size=2) if depth > 0 else st.just([])
    return st.builds(Evidence, text=_titles(), url=_optional(_urls()), items=children)


@st.composite
def action_plans(draw: st.DrawFn, max_commitments: int = 5) -> ActionPlan:
    """A whole plan: organisations, commitments, participation, IRM recommendations and more."""
    plan_id = draw(st.from_regex(r"[a-z]{2}-[0-9]{4}-[0-9]{4}", fullmatch=True))
    org_ids = [f"{plan_id}/org/{i}" for i in range(1, draw(st.integers(0, 4)) + 1)]
    numbers = draw(st.lists(st.integers(1, 60), max_size=max_commitments, unique=True))
    rec_ids = [f"{plan_id}/irm-rec/{i}" for i in range(1, draw(st.integers(0, 5)) + 1)]
    report_ids = [f"{plan_id}/report/{i}" for i in range(1, draw(st.integers(0, 2)) + 1)]
    echo = st.lists(st.sampled_from(rec_ids), max_size=3, unique=True) if rec_ids else st.just([])
    return ActionPlan(
        id=plan_id,
        country=draw(st.from_regex(r"[A-Z]{2}", fullmatch=True)),
        title=draw(_titles()),
        member=draw(_optional(nasty_text())),
        period=draw(_optional(date_spans())),
        number=draw(_optional(st.integers(1, 9))),
        language=draw(st.sampled_from(["en", "fr", "es", "pt-BR"])),
        url=draw(_optional(_urls())),
        description=draw(_optional(nasty_text(max_size=200))),
        ambitions=draw(st.lists(nasty_text(), max_size=5)),
        lead_organisation=draw(_optional(st.sampled_from(org_ids))) if org_ids else None,
        status_date=draw(_optional(date_spans())),
        stated_figures=draw(
            st.lists(
                st.builds(
                    StatedFigure, name=_titles(), value=_titles(), note=_optional(nasty_text())
                ),
                max_size=2,
            )
        ),
        organisations=[draw(organisations(i)) for i in org_ids],
        commitments=[draw(commitments(f"{plan_id}/c{n:02d}", n, org_ids)) for n in sorted(numbers)],
        participation=[
            StandardAssessment(
                id=f"{plan_id}/participation/{i}",
                standard=draw(
                    st.sampled_from(
                        ["ogp-2017/information", "ogp-2017/dialogue", "ogp-2017/co-ownership"]
                    )
                ),
                phase=draw(vocabulary(Phase)),
                evidence=draw(st.lists(_evidence(), max_size=3)),
                findings=draw(
                    st.lists(
                        st.builds(
                            RequirementFinding,
                            requirement=_titles(),
                            finding=vocabulary(Finding),
                            reason=_optional(nasty_text()),
                        ),
                        max_size=3,
                    )
                ),
                actions=draw(st.lists(nasty_text(), max_size=2)),
                verdict=draw(_optional(vocabulary(Conformity))),
                verdict_phrase=draw(_optional(nasty_text())),
                note=draw(_optional(nasty_text())),
            )
            for i in range(1, draw(st.integers(0, 3)) + 1)
        ],
        public_influence=draw(
            st.lists(
                st.builds(
                    InfluenceAssessment,
                    phase=vocabulary(Phase),
                    level=vocabulary(PublicInfluence),
                    note=_optional(nasty_text()),
                ),
                max_size=2,
            )
        ),
        overall_conformity=draw(_optional(vocabulary(Conformity))),
        overall_conformity_phrase=draw(_optional(nasty_text())),
        reports=[
            Report(
                id=i,
                kind=draw(vocabulary(IRMReportKind)),
                title=draw(_optional(nasty_text())),
                date=draw(_optional(date_spans())),
                url=draw(_optional(_urls())),
                author=draw(_optional(nasty_text())),
            )
            for i in report_ids
        ],
        key_recommendations=[
            KeyRecommendation(
                id=rec_id,
                number=n,
                text=draw(_titles()),
                report=draw(st.sampled_from(report_ids)) if report_ids else None,
            )
            for n, rec_id in enumerate(rec_ids, 1)
        ],
        responses=[
            Response(
                id=f"{plan_id}/response/{i}",
                text=draw(_titles()),
                echoes=draw(echo),
                url=draw(_optional(_urls())),
            )
            for i in range(1, draw(st.integers(0, 3)) + 1)
        ],
        planned_actions=[
            PlannedAction(
                id=f"{plan_id}/planned/{i}",
                text=draw(_titles()),
                date=draw(_optional(date_spans())),
                recommendations=draw(echo),
            )
            for i in range(1, draw(st.integers(0, 3)) + 1)
        ],
        extra=draw(_extra()),
        consultations=[
            Consultation(
                id=f"{plan_id}/consultation/{i}",
                title=draw(_titles()),
                period=draw(_optional(date_spans())),
                description=draw(_optional(nasty_text())),
                url=draw(_optional(_urls())),
                observations=draw(st.lists(nasty_text(), max_size=2)),
            )
            for i in range(1, draw(st.integers(0, 2)) + 1)
        ],
    )


@st.composite
def plan_collections(draw: st.DrawFn, max_plans: int = 3) -> PlanCollection:
    """A collection of plans with distinct ids."""
    plans = draw(
        st.lists(action_plans(max_commitments=2), max_size=max_plans, unique_by=lambda p: p.id)
    )
    return PlanCollection(
        id=draw(st.from_regex(r"[a-z]{3,8}", fullmatch=True)),
        title=draw(_optional(nasty_text())),
        description=draw(_optional(nasty_text())),
        source=draw(_optional(nasty_text())),
        plans=plans,
    )
