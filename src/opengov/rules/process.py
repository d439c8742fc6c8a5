"""Process rules: did a member act contrary to (2017 regime) or according to (2021 regime) the
OGP process?

Inputs a document may not hold are explicit arguments, so each rule says what it was told.
"""

from __future__ import annotations

from collections.abc import Sequence

from opengov.model import (
    ActionPlan,
    Completion,
    Conformity,
    Phase,
    PublicInfluence,
    StandardAssessment,
)
from opengov.rules.base import Outcome
from opengov.rules.progress import current_completion

__all__ = ["acted_according_to_process", "acted_contrary_to_process", "influence_during"]

_PROGRESS = frozenset({Completion.LIMITED, Completion.SUBSTANTIAL, Completion.COMPLETE})


def influence_during(plan: ActionPlan, phase: Phase = Phase.DEVELOPMENT) -> PublicInfluence | None:
    """The public-influence level assessed for a phase, if the plan records one."""
    for assessment in plan.public_influence:
        if assessment.phase is phase:
            return assessment.level
    return None


def acted_contrary_to_process(plan: ActionPlan, *, engaged_with_irm: bool | None = None) -> Outcome:
    """2017 regime: contrary to process if (1) the plan was developed with no engagement with
    citizens and civil society (public influence "no consultation"), (2) the government did not
    engage with the IRM, or (3) no commitment made any progress.

    ``engaged_with_irm`` must be given (documents rarely say); ``None`` leaves condition 2
    undetermined. Unknown completions make condition 3 undetermined unless one commitment
    shows progress.
    """
    reasons: list[str] = []
    undetermined: list[str] = []
    level = influence_during(plan)
    if level is None:
        undetermined.append("(1) no public-influence level recorded for development")
    elif level <= PublicInfluence.NO_CONSULTATION:
        reasons.append("(1) the plan was developed with no consultation")
    if engaged_with_irm is None:
        undetermined.append("(2) engagement with the IRM not stated")
    elif not engaged_with_irm:
        reasons.append("(2) the government did not engage with the IRM")
    completions = [current_completion(c)[0] for c in plan.commitments]
    if any(c in _PROGRESS for c in completions):
        pass
    elif any(not c.is_known for c in completions):
        undetermined.append(
            "(3) no commitment is known to have progressed, but some completions are unknown"
        )
    else:
        reasons.append("(3) no commitment made any progress")
    inputs = {
        "influence_development": level.value if level else None,
        "engaged_with_irm": engaged_with_irm,
    }
    if reasons:
        return Outcome("acted_contrary_to_process", True, "; ".join(reasons), inputs)
    if undetermined:
        return Outcome(
            "acted_contrary_to_process", None, "undetermined: " + "; ".join(undetermined), inputs
        )
    return Outcome("acted_contrary_to_process", False, "none of the three conditions holds", inputs)


def acted_according_to_process(
    plan: ActionPlan,
    minimum_requirements: Sequence[StandardAssessment] | None = None,
) -> Outcome:
    """2021 regime: according to process if the minimum requirements are met and public
    influence during co-creation reached at least *involve*.

    ``minimum_requirements`` are the assessments against the 2021 standards (default: the
    plan's participation assessments whose standard id starts with ``ogp-2021``); each counts as
    met when its verdict is full conformity.
    """
    assessments = (
        list(minimum_requirements)
        if minimum_requirements is not None
        else [a for a in plan.participation if a.standard.startswith("ogp-2021")]
    )
    level = influence_during(plan)
    inputs = {
        "influence_development": level.value if level else None,
        **{a.id: a.verdict.value if a.verdict else None for a in assessments},
    }
    failed: list[str] = []
    undetermined: list[str] = []
    if not assessments:
        undetermined.append("no assessment against the 2021 minimum requirements")
    for assessment in assessments:
        if assessment.verdict is None:
            undetermined.append(f"{assessment.standard}: no verdict")
        elif assessment.verdict is not Conformity.FULL:
            failed.append(f"{assessment.standard}: {assessment.verdict.label_en.lower()}")
    if level is None:
        undetermined.append("no public-influence level recorded for co-creation")
    elif level < PublicInfluence.INVOLVE:
        failed.append(f"public influence {level.label_en} is below Involve")
    if failed:
        return Outcome("acted_according_to_process", False, "; ".join(failed), inputs)
    if undetermined:
        return Outcome(
            "acted_according_to_process", None, "undetermined: " + "; ".join(undetermined), inputs
        )
    return Outcome(
        "acted_according_to_process",
        True,
        f"minimum requirements met and influence {level.label_en if level else ''}",
        inputs,
    )
