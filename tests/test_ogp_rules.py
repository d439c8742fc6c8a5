"""Rules for OGP's export-only analysis columns (opengov.rules.ogp): boundaries and markers,
agreement with OGP's own cells, and an export → import round trip over arbitrary assessments."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from opengov import to_dataframe
from opengov.io.ogp import (
    LABEL_COLUMNS,
    derived_cells,
    dumps_export,
    loads_export,
)
from opengov.model import (
    ActionPlan,
    Commitment,
    Completion,
    CompletionChange,
    DidItOpenGovernment,
    EarlyResults,
    Flag,
    IRMAssessment,
    Missing,
    PotentialForResults,
    PotentialImpact,
    Quadrant,
    Specificity,
    ValueRelevance,
)
from opengov.rules import score
from opengov.rules.base import Evaluation, Outcome, Rule, RuleSet
from opengov.rules.irm import commitment_rules, relevant, verifiable
from opengov.rules.ogp import (
    ACTIVE_SINCE,
    active_commitment,
    ambition_assessed,
    change_in_completion,
    checksum,
    completion_assessed,
    completion_change,
    diog_assessed,
    export_rules,
    max_completion,
    midterm_only,
)
from opengov.testing import irm_assessments


def completions(mid: Completion, end: Completion) -> IRMAssessment:
    return IRMAssessment(completion_midterm=mid, completion_end_of_term=end)


@pytest.mark.parametrize(
    ("mid", "end", "change", "direction"),
    [
        (Completion.LIMITED, Completion.COMPLETE, 2, CompletionChange.INCREASE),
        (Completion.SUBSTANTIAL, Completion.SUBSTANTIAL, 0, CompletionChange.NO_CHANGE),
        (Completion.COMPLETE, Completion.NOT_STARTED, -3, CompletionChange.DECREASE),
        (Completion.WITHDRAWN, Completion.UNCLEAR, 1, CompletionChange.INCREASE),
        (Completion.LIMITED, Completion.NOT_REVIEWED, Missing.NOT_REVIEWED, CompletionChange.NOT_REVIEWED),
        (Completion.NOT_REVIEWED, Completion.NOT_REVIEWED, Missing.NOT_REVIEWED, CompletionChange.NOT_REVIEWED),
        (Completion.NOT_APPLICABLE, Completion.COMPLETE, Missing.NO_DATA, CompletionChange.NO_DATA),
        (Completion.NO_DATA, Completion.LIMITED, Missing.NO_DATA, CompletionChange.NO_DATA),
        (Completion.LIMITED, Completion.NO_DATA, Missing.NO_DATA, CompletionChange.NO_DATA),
    ],
)  # fmt: skip
def test_change_in_completion(
    mid: Completion, end: Completion, change: int | Missing, direction: CompletionChange
) -> None:
    a = completions(mid, end)
    assert completion_change(a).value == change
    assert change_in_completion(a).value is direction
    assert completion_change(a).inputs == {
        "completion_midterm": mid.value,
        "completion_end_of_term": end.value,
    }


@pytest.mark.parametrize(
    ("mid", "end", "level", "assessed"),
    [
        (Completion.NO_DATA, Completion.COMPLETE, 3, Flag.YES),
        (Completion.COMPLETE, Completion.NOT_STARTED, 0, Flag.YES),
        (Completion.LIMITED, Completion.NO_DATA, 1, Flag.YES),
        (Completion.NOT_APPLICABLE, Completion.NO_DATA, Missing.NO_DATA, Flag.NO),
        (Completion.UNCLEAR, Completion.NO_DATA, Missing.NO_DATA, Flag.NO),
        (Completion.WITHDRAWN, Completion.NO_DATA, Missing.NO_DATA, Flag.NO),
        (Completion.NOT_REVIEWED, Completion.NOT_REVIEWED, Missing.NOT_REVIEWED, Flag.NO),
    ],
)
def test_max_completion_and_completion_assessed(
    mid: Completion, end: Completion, level: int | Missing, assessed: Flag
) -> None:
    a = completions(mid, end)
    assert max_completion(a).value == level
    assert completion_assessed(a).value is assessed


@pytest.mark.parametrize(
    ("mid", "end", "expected"),
    [
        (Completion.LIMITED, Completion.COMPLETE, Flag.NO),
        (Completion.LIMITED, Completion.NO_DATA, Flag.YES),
        (Completion.NOT_APPLICABLE, Completion.NO_DATA, Flag.YES),
        (Completion.NO_DATA, Completion.NO_DATA, Flag.YES),
        (Completion.NOT_REVIEWED, Completion.NOT_REVIEWED, Flag.NOT_REVIEWED),
        (Completion.NOT_REVIEWED, Completion.NO_DATA, Flag.NO_DATA),
        (Completion.NOT_REVIEWED, Completion.SUBSTANTIAL, Flag.NO),
    ],
)
def test_midterm_only(mid: Completion, end: Completion, expected: Flag) -> None:
    outcome = midterm_only(completions(mid, end))
    assert outcome.value is expected
    assert outcome.explanation


def test_assessed_flags() -> None:
    assert ambition_assessed(IRMAssessment()).value is Flag.NO
    assert ambition_assessed(IRMAssessment(potential_impact=PotentialImpact.NONE)).value is Flag.YES
    assert (
        ambition_assessed(IRMAssessment(potential_for_results=PotentialForResults.UNCLEAR)).value
        is Flag.YES
    )
    assert (
        ambition_assessed(IRMAssessment(potential_impact=PotentialImpact.NOT_REVIEWED)).value
        is Flag.NO
    )
    assert diog_assessed(IRMAssessment()).value is Flag.NO
    assert (
        diog_assessed(IRMAssessment(did_it_open_government=DidItOpenGovernment.WORSENS)).value
        is Flag.YES
    )
    assert (
        diog_assessed(IRMAssessment(early_results=EarlyResults.NO_NOTABLE_RESULTS)).value
        is Flag.YES
    )
    assert (
        diog_assessed(
            IRMAssessment(did_it_open_government=DidItOpenGovernment.NOT_APPLICABLE)
        ).value
        is Flag.NO
    )


def test_checksum_counts_the_quadrant_flags() -> None:
    unclassified = IRMAssessment()
    assert checksum(unclassified).value == 0
    assert checksum(unclassified).explanation == "flags set: none"
    not_reviewed_but_major = IRMAssessment(
        progress_report_year=Missing.NOT_REVIEWED,
        did_it_open_government=DidItOpenGovernment.MAJOR,
    )
    assert checksum(not_reviewed_but_major).value == 2


def test_active_commitment() -> None:
    assert ACTIVE_SINCE == 2024
    assert active_commitment(2024).value is Flag.YES
    assert active_commitment(2023).value is Flag.NO
    assert active_commitment(2023, since=2022).value is Flag.YES
    assert active_commitment(None).value is Flag.NO


def test_export_rules_are_a_rule_set() -> None:
    rules = export_rules()
    assert isinstance(rules, RuleSet)
    outcomes = rules.evaluate(completions(Completion.LIMITED, Completion.COMPLETE))
    assert outcomes["change_in_completion"].value is CompletionChange.INCREASE
    assert (
        str(outcomes["max_completion"]) == "max_completion: 3 — end-of-term completion is Complete"
    )


@settings(max_examples=300, deadline=None)
@given(irm_assessments())
def test_rules_decide_every_assessment(a: IRMAssessment) -> None:
    for outcome in export_rules().evaluate(a).values():
        assert outcome.explanation
    assert isinstance(midterm_only(a).value, Flag)
    assert checksum(a).value in {0, 1, 2}
    change = completion_change(a).value
    assert isinstance(change, Missing) or -5 <= change <= 5
    cells = derived_cells(a, 2020)
    assert all(isinstance(v, str) and v for v in cells.values())


# --- agreement with OGP's own cells (each rule fed with the file's own inputs) -----------------


def _code(value: object) -> str:
    if isinstance(value, Flag | Missing | CompletionChange):
        return {"yes": "1", "no": "0", "no_data": "ND", "not_reviewed": "NR"}.get(
            value.value, "NA" if value.value == "not_applicable" else value.label_en
        )
    return str(value)


RULE_COLUMNS: dict[str, Callable[[IRMAssessment], str]] = {
    "Ambition Assessed": lambda a: _code(ambition_assessed(a).value),
    "Comp Assessed": lambda a: _code(completion_assessed(a).value),
    "DIOG Assessed": lambda a: _code(diog_assessed(a).value),
    "Midterm Only": lambda a: _code(midterm_only(a).value),
    "Max Completion": lambda a: _code(max_completion(a).value),
    "Change In Completion": lambda a: _code(change_in_completion(a).value),
    "_ChangeCompletion": lambda a: _code(completion_change(a).value),
}


@pytest.mark.parametrize("column", list(RULE_COLUMNS))
def test_rules_reproduce_the_ogp_export(
    column: str, ogp_rows_and_assessments: list[tuple[dict[str, str], IRMAssessment]]
) -> None:
    rows = [row for row, _ in ogp_rows_and_assessments]
    disagree = []
    for number, (row, assessment) in enumerate(ogp_rows_and_assessments, start=2):
        mine = RULE_COLUMNS[column](assessment)
        if mine != row[column]:
            disagree.append(
                f"row {number} {row['Commitment Unique Identifier']}: {row[column]!r} vs {mine!r}"
            )
    print(f"{column}: {len(rows) - len(disagree)}/{len(rows)} agree", *disagree, sep="\n  ")
    documented = {"Change In Completion": 4, "_ChangeCompletion": 9}
    assert len(disagree) == documented.get(column, 0)


def test_active_commitment_reproduces_the_export(ogp_export_rows: list[dict[str, str]]) -> None:
    for row in ogp_export_rows:
        flag = active_commitment(int(row["Action Plan End Year"])).value
        assert _code(flag) == row["Active Commitment"]


# --- export → import keeps every assessment ----------------------------------------------------


def expressible(a: IRMAssessment) -> bool:
    """OGP's layout has a label for every value of the assessment."""
    return all(getattr(a, lc.field) in lc.written for lc in LABEL_COLUMNS)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(irm_assessments().filter(expressible))
def test_written_assessments_read_back(a: IRMAssessment) -> None:
    plan = ActionPlan(id="AP_TST01", country="TST", title="test", number=1, period="2020/2022")
    plan.commitments.append(Commitment(id="AP_TST01/TS0001", number=1, title="t", irm=a))
    text = dumps_export(plan)
    found = loads_export(text)
    assert found.errors == [] and found.warnings == []
    (back,) = found.plans[0].commitments
    assert back.irm is not None
    expected = attrs.evolve(
        a,
        verifiable=verifiable(a).value,
        relevant=relevant(a).value,
        open_government_lens=Flag.NO_DATA,
        promising=Flag.NO_DATA,
    )
    assert back.irm == expected
    assert dumps_export(found.collection) == text


# --- consumers take the rule set -----------------------------------------------------------------


def _never_relevant(a: IRMAssessment, ev: Evaluation[IRMAssessment]) -> Outcome:
    return Outcome("relevant", Flag.NO, "nothing is relevant here", {})


def test_score_and_the_export_follow_a_replaced_rule() -> None:
    """Replacing ``relevant`` changes the stars, quadrant and binding constraint that
    ``score()``, the export's derived columns and ``to_dataframe`` give, consistently."""
    starred = IRMAssessment(
        specificity=Specificity.HIGH,
        values=ValueRelevance(
            access_to_information=Flag.YES,
            civic_participation=Flag.NO,
            public_accountability=Flag.NO,
        ),
        relevant=Flag.YES,
        potential_impact=PotentialImpact.TRANSFORMATIVE,
        progress_report_year=2015,
        completion_midterm=Completion.SUBSTANTIAL,
    )
    plan = ActionPlan(
        id="xx-2014-2016",
        country="XX",
        title="A plan",
        commitments=[Commitment(id="xx-2014-2016/c01", number=1, title="One", irm=starred)],
    )
    changed = commitment_rules().replace(
        Rule("relevant", "never relevant", "test", _never_relevant)
    )

    shipped_card = score(plan).commitments["xx-2014-2016/c01"]
    changed_card = score(plan, rules=changed).commitments["xx-2014-2016/c01"]
    assert shipped_card["star_2015"].value is Flag.YES
    assert shipped_card["star_2014"].value is Flag.YES
    assert changed_card["star_2015"].value is Flag.NO
    assert changed_card["star_2014"].value is Flag.NO
    assert changed_card["quadrant"].value is Quadrant.COMPLETE_NOT_AMBITIOUS
    assert changed_card["irm_based_score"].value == 2

    shipped_row = derived_cells(starred, 2016)
    changed_row = derived_cells(starred, 2016, rules=export_rules(changed))
    assert shipped_row["_Relevant"] == "1"
    assert changed_row["_Relevant"] == "0"
    for column in ("Starred (2015 Only)", "Starred (Current Formula) Progress Report", "Max star"):
        assert (shipped_row[column], changed_row[column]) == ("1", "0"), column
    assert shipped_row["Binding constraint"] == "STAR"
    assert changed_row["Binding constraint"] == "Rel"
    assert shipped_row["Ambitious and complete, or DIOG"] == "1"
    assert changed_row["Complete but not ambitious"] == "1"
    assert changed_row["IRM-Based Score"] == "2"

    written = list(csv.DictReader(io.StringIO(dumps_export(plan, rules=export_rules(changed)))))
    assert written[0]["Binding constraint"] == "Rel"
    assert written[0]["Max star"] == "0"

    frame = to_dataframe(plan, rules=changed)
    assert list(frame["starred_2015"]) == ["no"]
    assert list(frame["quadrant"]) == [Quadrant.COMPLETE_NOT_AMBITIOUS.value]
