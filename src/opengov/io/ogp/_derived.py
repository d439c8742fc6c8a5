"""OGP's derived analysis columns, computed by the library's rules.

Each derived column is a rule of :mod:`opengov.rules.irm` or :mod:`opengov.rules.ogp` and a way
of writing its value as OGP does ("1"/"0", "ND", "Yes", "PotImp", ...: see
:mod:`opengov.io.ogp._codec`). :func:`derived_outcomes`
gives the rule outcomes (with their explanations), :func:`derived_cells` the cells.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from opengov.io.ogp._codec import FLAG_01, FLAG_YES_NO, value_text
from opengov.model import Flag, IRMAssessment, Quadrant
from opengov.rules import ogp as ogp_rules
from opengov.rules.base import Outcome, RuleSet

__all__ = ["DERIVED_RULES", "derived_cells", "derived_outcomes"]


def _set_or_not(value: Flag) -> str:
    """1 only when the flag is yes: missing data counts as 0 (High Completion, High DIOG)."""
    return "1" if value is Flag.YES else "0"


_QUADRANT_COLUMNS = {
    "Ambitious and complete, or DIOG": Quadrant.AMBITIOUS_AND_COMPLETE,
    "Ambitious but not complete": Quadrant.AMBITIOUS_NOT_COMPLETE,
    "Complete but not ambitious": Quadrant.COMPLETE_NOT_AMBITIOUS,
    "Not complete or ambitious": Quadrant.NEITHER,
}

#: Derived column → (the rule of an export rule set that computes it, how its value is written).
#: ``Active Commitment`` depends on the plan, not the assessment, and is handled by
#: :func:`derived_outcomes`. The "current formula" columns follow the set's own star rule; OGP's
#: "Starred (2015 Only)" column holds the 2014 rule's mid-term star.
DERIVED_RULES: dict[str, tuple[str, Callable[[Any], str]]] = {
    "Verifiable": ("verifiable", FLAG_YES_NO.write),
    "_Relevant": ("relevant", FLAG_01.write),
    "Starred (2015 Only)": ("star_midterm_2014", FLAG_01.write),
    "Starred (Current Formula) Progress Report": ("star_midterm", FLAG_01.write),
    "Change In Completion": ("change_in_completion", value_text),
    "_ChangeCompletion": ("completion_change", value_text),
    "Starred (Current Formula) End of Term": ("star_end_of_term", FLAG_01.write),
    "Max star": ("max_star", FLAG_01.write),
    "Ambition Assessed": ("ambition_assessed", FLAG_01.write),
    "Comp Assessed": ("completion_assessed", FLAG_01.write),
    "DIOG Assessed": ("diog_assessed", FLAG_01.write),
    "Midterm Only": ("midterm_only", FLAG_01.write),
    "Max Completion": ("max_completion", value_text),
    "Raw Completion": ("raw_completion", value_text),
    "High Completion": ("high_completion", _set_or_not),
    "High DIOG": ("strong_results", _set_or_not),
    "High Ambition": ("high_ambition", FLAG_01.write),
    **{
        column: (f"in_quadrant_{q.value}", FLAG_01.write) for column, q in _QUADRANT_COLUMNS.items()
    },
    "Not reviewed": ("not_reviewed", FLAG_01.write),
    "CHECKSUM": ("checksum", value_text),
    "IRM-Based Score": ("irm_based_score", value_text),
    "Binding constraint": ("binding_constraint", value_text),
}


def derived_outcomes(
    a: IRMAssessment,
    end_year: int | None,
    active_since: int = ogp_rules.ACTIVE_SINCE,
    *,
    rules: RuleSet[IRMAssessment] | None = None,
) -> dict[str, Outcome]:
    """Every derived column's rule outcome for one commitment (``Verifiable`` and ``_Relevant``
    included), keyed by column name.

    ``rules`` is an export rule set (:func:`opengov.rules.ogp.export_rules`, the default); a
    changed set changes every column that depends on the changed rule.
    """
    evaluation = (ogp_rules.export_rules() if rules is None else rules).evaluation(a)
    out = {column: evaluation[rule] for column, (rule, _write) in DERIVED_RULES.items()}
    out["Active Commitment"] = ogp_rules.active_commitment(end_year, active_since)
    return out


def derived_cells(
    a: IRMAssessment,
    end_year: int | None,
    active_since: int = ogp_rules.ACTIVE_SINCE,
    *,
    rules: RuleSet[IRMAssessment] | None = None,
) -> dict[str, str]:
    """Every derived column's cell for one commitment, as OGP writes it (the values of
    :func:`derived_outcomes`)."""
    outcomes = derived_outcomes(a, end_year, active_since, rules=rules)
    return {
        column: write(outcomes[column].value) for column, (_rule, write) in DERIVED_RULES.items()
    } | {"Active Commitment": FLAG_01.write(outcomes["Active Commitment"].value)}
