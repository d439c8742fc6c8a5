"""Conformity derived from real findings, phase by phase; the IRM beside the self-assessment."""

from __future__ import annotations

import datetime as dt
import json
import re

import attrs
import pytest

from opengov import standards
from opengov.cli.main import main
from opengov.model import (
    ActionPlan,
    Conformity,
    Finding,
    Flag,
    InfluenceAssessment,
    IRMPlanFindings,
    Phase,
    PublicInfluence,
    Requirement,
    RequirementFinding,
    Standard,
    StandardAssessment,
    StandardSet,
)
from opengov.rules import (
    ConformityRule,
    acted_according_to_process,
    acted_contrary_to_process,
    beside_irm,
    derive_conformity,
    differing_requirements,
    score,
)
from opengov.rules.process import ProcessCase, procedural_review_rules

DEV, IMPL, WHOLE = Phase.DEVELOPMENT, Phase.IMPLEMENTATION, Phase.WHOLE_CYCLE
SHIPPED = standards.load_all()
_SOURCE = re.compile(r"^fr-2018-2020/report/self-assessment, line (\d+)$")


# --- the France plan's findings --------------------------------------------------------------


def test_every_finding_quotes_the_report_on_the_line_it_cites(
    france: ActionPlan, seed_text: str
) -> None:
    lines = seed_text.splitlines()
    ogp_2017 = standards.load("ogp-2017")
    count = 0
    for assessment in france.participation:
        for finding in assessment.findings:
            count += 1
            match = _SOURCE.match(finding.source or "")
            assert match, finding.source
            line = lines[int(match[1]) - 1]
            assert finding.quote
            for part in finding.quote.split(" … "):
                assert part in line, (finding.requirement, part)
            assert finding.reason
            assert finding.finding is not Finding.UNKNOWN
            ogp_2017.requirement(finding.requirement)  # a shipped requirement
    assert count >= 14


def test_seven_stated_verdicts_are_derived_and_five_agree(france: ActionPlan) -> None:
    card = score(france, standards=SHIPPED)
    stated = [line for line in card.conformity if line.stated is not None]
    assert len(card.conformity) == 9
    assert len(stated) == 7
    assert all(line.derived.value is not None for line in stated)
    agreeing = [line for line in stated if line.agrees]
    assert len(agreeing) == 5
    for line in stated:
        assert line.derived.inputs["rule"] == "basic-requirements"
        if not line.agrees:
            assert line.differing
            assert set(line.differing) <= set(line.derived.inputs["decided_by"])
            assert "phase_gap" in line.derived.inputs


def test_the_alternative_verdict_is_kept_and_counts_as_agreement(france: ActionPlan) -> None:
    co_ownership = [a for a in france.participation if a.verdict_alternative is not None]
    assert [a.phase for a in co_ownership] == [DEV, IMPL]
    assert {a.stated_verdicts for a in co_ownership} == {
        (Conformity.LIMITED, Conformity.NOT_APPLICABLE)
    }
    # Had the findings all been "not applicable", the alternative would agree.
    not_applicable = attrs.evolve(
        co_ownership[0],
        findings=[
            attrs.evolve(f, finding=Finding.NOT_APPLICABLE) for f in co_ownership[0].findings
        ],
    )
    plan = attrs.evolve(france, participation=[not_applicable])
    (line,) = score(plan, standards=SHIPPED).conformity
    assert line.derived.value is Conformity.NOT_APPLICABLE
    assert line.agrees is True


def test_cli_score_json_shows_stated_and_derived(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["score", "fr-2018-2020", "--json"]) == 0
    card = json.loads(capsys.readouterr().out)
    stated = [c for c in card["conformity"] if c["stated"]]
    assert len(stated) == 7
    assert all(c["derived"]["value"] for c in stated)
    assert sum(c["agrees"] is True for c in stated) >= 5
    for line in stated:
        if line["agrees"] is False:
            assert line["differing_requirements"]
            assert line["derived"]["inputs"]["rule"] == "basic-requirements"
    alternatives = {c["stated_alternative"] for c in card["conformity"]}
    assert alternatives == {None, "not_applicable"}
    contrary = card["figures"]["acted_contrary_to_process"]
    assert contrary["value"] is False
    assert contrary["inputs"]["regime"] == "2017"
    assert contrary["inputs"]["irm"]["source"] == "https://www.opengovpartnership.org/?p=40545"
    assert {"late_plan", "below_involve_or_inform", "no_repository", "no_progress"} <= set(
        contrary["inputs"]
    )
    topics = [row["topic"] for row in card["beside_irm"]]
    assert topics == ["multistakeholder_forum", "public_influence[development]", "process"]


# --- the IRM's findings on the France plan ---------------------------------------------------


def test_the_design_report_s_plan_level_findings(france: ActionPlan) -> None:
    (design,) = france.irm_findings
    report_ids = [r.id for r in france.reports]
    assert design.report in report_ids
    assert design.source == "https://www.opengovpartnership.org/?p=40545"
    assert design.multistakeholder_forum is Flag.NO
    assert [(a.phase, a.level) for a in design.public_influence] == [(DEV, PublicInfluence.INVOLVE)]
    assert design.acted_contrary_to_process is Flag.NO
    assert design.acted_according_to_process is Flag.NO_DATA
    counts = (
        design.relevant_commitments,
        design.transformative_commitments,
        design.potentially_starred_commitments,
    )
    assert counts == (18, 2, 2)


def test_france_did_not_act_contrary_to_process_says_the_irm(france: ActionPlan) -> None:
    outcome = acted_contrary_to_process(france)
    assert outcome.value is False
    assert outcome.inputs["regime"] == "2017"
    assert outcome.inputs["decided_by"] == ["irm_findings[fr-2018-2020/irm/design]"]
    assert "procedural-review" in outcome.explanation
    assert "opengovpartnership.org/?p=40545" in outcome.explanation
    for condition in ("late_plan", "below_involve_or_inform", "no_repository", "no_progress"):
        assert condition in outcome.inputs
        assert condition in outcome.explanation
    # The repository condition is read from the self-assessment's finding on information/b4.
    assert outcome.inputs["no_repository"] is False
    assert acted_according_to_process(france).value is True


def test_the_irm_statement_is_kept_when_the_plan_s_data_disagree(france: ActionPlan) -> None:
    plan = attrs.evolve(france, commitments=[])
    outcome = acted_contrary_to_process(plan, due=dt.date(2016, 1, 1), repository=False)
    assert outcome.inputs["no_repository"] is True
    assert outcome.value is False
    assert "disagree with the IRM" in outcome.explanation


def test_without_the_irm_the_conditions_decide(france: ActionPlan) -> None:
    plan = attrs.evolve(france, irm_findings=[])
    outcome = acted_contrary_to_process(plan)
    assert outcome.value is None  # late plan and implementation influence unknown
    assert "irm" not in outcome.inputs


def test_an_action_plan_review_s_acted_according_decides_in_2022(france: ActionPlan) -> None:
    review = IRMPlanFindings(id="x/irm/apr", acted_according_to_process=Flag.NO, source="u")
    plan = attrs.evolve(france, period="2021/2023", irm_findings=[review])
    outcome = acted_contrary_to_process(plan)
    assert (outcome.inputs["regime"], outcome.value) == ("2022", True)
    assert acted_according_to_process(plan).value is False


def test_the_irm_s_influence_level_decides_the_2017_threshold(france: ActionPlan) -> None:
    irm = IRMPlanFindings(
        id="x/irm/design",
        public_influence=[
            InfluenceAssessment(phase=DEV, level=PublicInfluence.CONSULT),
            InfluenceAssessment(phase=IMPL, level=PublicInfluence.INFORM),
        ],
    )
    plan = attrs.evolve(france, irm_findings=[irm])
    outcome = acted_contrary_to_process(plan)
    assert outcome.value is True
    assert outcome.inputs["decided_by"] == ["below_involve_or_inform"]
    evaluation = procedural_review_rules("2017").evaluation(ProcessCase(plan=plan))
    condition = evaluation["below_involve_or_inform"]
    # The government self-assessed Involve; the IRM's Consult is what counts.
    assert (
        condition.inputs["decided_by"] == "irm_findings[x/irm/design].public_influence[development]"
    )


def test_the_scorecard_sets_the_government_beside_the_irm(france: ActionPlan) -> None:
    rows = {row.topic: row for row in beside_irm(france)}
    forum = rows["multistakeholder_forum"]
    assert (forum.government, forum.irm, forum.agrees) == ("no", "no", True)
    assert forum.government_source is not None
    assert forum.government_source.endswith("ogp-2017/co-ownership/b1")
    influence = rows["public_influence[development]"]
    assert (influence.government, influence.irm, influence.agrees) == ("involve", "involve", True)
    process = rows["process"]
    assert (process.government, process.irm, process.agrees) == ("partial", "no", None)
    assert (process.government_answers, process.irm_answers) == (
        "overall_conformity",
        "acted_contrary_to_process",
    )
    assert score(france).beside_irm == beside_irm(france)


def test_a_disagreement_with_the_irm_is_shown() -> None:
    plan = ActionPlan(
        id="x",
        country="XX",
        title="X",
        participation=[
            StandardAssessment(
                id="x/participation/1",
                standard="ogp-2017/co-ownership",
                findings=[
                    RequirementFinding(requirement="ogp-2017/co-ownership/b1", finding="met")
                ],
            )
        ],
        irm_findings=[IRMPlanFindings(id="x/irm", multistakeholder_forum=Flag.NO)],
    )
    (forum, _process) = beside_irm(plan)
    assert (forum.government, forum.irm, forum.agrees) == ("yes", "no", False)


def test_no_irm_findings_nothing_beside() -> None:
    assert beside_irm(ActionPlan(id="x", country="XX", title="X")) == []


# --- the rule: phases, levels, replaceability ------------------------------------------------


def _requirement(rid: str, phase: Phase = WHOLE, level: str = "basic") -> Requirement:
    return Requirement(id=f"s/1/{rid}", text_en=rid, phase=phase, level=level)


STANDARDS = StandardSet(
    id="s",
    title="s",
    standards=[
        Standard(
            id="s/1",
            regime="test",
            number=1,
            title_en="one",
            requirements=[
                _requirement("w1"),
                _requirement("d1", DEV),
                _requirement("i1", IMPL),
                _requirement("a1", level="advanced"),
            ],
        )
    ],
)


def _assessment(
    phase: Phase, *findings: tuple[str, Finding], verdict: str | None = None
) -> StandardAssessment:
    return StandardAssessment(
        id="p/participation/1",
        standard="s/1",
        phase=phase,
        verdict=verdict,
        findings=[RequirementFinding(requirement=f"s/1/{r}", finding=f) for r, f in findings],
    )


MET, NOT_MET, PARTLY = Finding.MET, Finding.NOT_MET, Finding.PARTLY_MET


@pytest.mark.parametrize(
    ("phase", "expected", "outside"),
    [
        (WHOLE, Conformity.FULL, ["s/1/d1", "s/1/i1"]),
        (DEV, Conformity.PARTIAL, ["s/1/i1"]),
        (IMPL, Conformity.PARTIAL, ["s/1/d1"]),
    ],
)
def test_requirements_are_filtered_by_the_assessment_s_phase(
    phase: Phase, expected: Conformity, outside: list[str]
) -> None:
    # w1 met throughout; d1 partly met in development; i1 not met in implementation.
    findings = (("w1", MET), ("d1", PARTLY), ("i1", NOT_MET), ("a1", NOT_MET))
    outcome = derive_conformity(_assessment(phase, *findings), STANDARDS)
    assert outcome.value is expected
    assert outcome.inputs["outside_phase"] == outside
    assert outcome.inputs["advanced"] == ["s/1/a1"]
    assert "advanced steps, not deciding" in outcome.explanation


def test_a_phase_with_no_requirements_of_its_own_says_so() -> None:
    gapped = attrs.evolve(
        STANDARDS,
        standards=[
            attrs.evolve(
                STANDARDS.standards[0],
                requirements=[_requirement("w1"), _requirement("i1", IMPL)],
            )
        ],
    )
    outcome = derive_conformity(_assessment(DEV, ("w1", NOT_MET)), gapped)
    assert outcome.value is Conformity.LIMITED
    assert "no development requirements" in outcome.inputs["phase_gap"]
    assert "phase_gap" not in derive_conformity(_assessment(IMPL, ("w1", MET)), gapped).inputs


def test_a_finding_on_an_unknown_requirement_is_counted_and_named() -> None:
    assessment = attrs.evolve(
        _assessment(WHOLE, ("w1", MET)),
        findings=[RequirementFinding(requirement="s/1/zz", finding=NOT_MET)],
    )
    outcome = derive_conformity(assessment, STANDARDS)
    assert outcome.value is Conformity.LIMITED
    assert outcome.inputs["not_in_set"] == ["s/1/zz"]


def test_several_sets_give_the_one_the_assessment_names(france: ActionPlan) -> None:
    dialogue_dev = next(
        a for a in france.participation if a.standard == "ogp-2017/dialogue" and a.phase is DEV
    )
    outcome = derive_conformity(dialogue_dev, SHIPPED)
    assert outcome.inputs["advanced"] == ["ogp-2017/dialogue/a3"]
    assert "ogp-2017 holds no development requirements" in outcome.inputs["phase_gap"]
    assert "advanced" not in derive_conformity(dialogue_dev).inputs  # no set: every finding counts
    unknown_set = attrs.evolve(dialogue_dev, standard="elsewhere/dialogue")
    assert "advanced" not in derive_conformity(unknown_set, SHIPPED).inputs


@pytest.mark.parametrize(
    ("stated", "derived", "expected"),
    [
        ("full", Conformity.PARTIAL, ["s/1/d1"]),
        ("limited", Conformity.PARTIAL, ["s/1/w1", "s/1/d1"]),
        ("partial", Conformity.PARTIAL, []),
        ("not_applicable", Conformity.PARTIAL, ["s/1/w1", "s/1/d1"]),
    ],
)
def test_differing_requirements(stated: str, derived: Conformity, expected: list[str]) -> None:
    assessment = _assessment(DEV, ("w1", MET), ("d1", PARTLY), verdict=stated)
    assert differing_requirements(assessment, derived, STANDARDS) == expected


def test_the_rule_is_replaceable_through_the_scorecard(france: ActionPlan) -> None:
    lenient = ConformityRule(
        "any-met",
        "one requirement met or partly met is full conformity",
        lambda fs: (
            Conformity.FULL if any(f.finding in (MET, PARTLY) for f in fs) else Conformity.LIMITED
        ),
    )
    card = score(france, standards=SHIPPED, conformity_rule=lenient)
    stated = [line for line in card.conformity if line.stated is not None]
    assert {line.derived.inputs["rule"] for line in stated} == {"any-met"}
    # The dialogue rows stated full now agree; the limited rows stay limited (nothing met).
    assert sum(bool(line.agrees) for line in stated) == 6
