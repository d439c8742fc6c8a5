"""OGP's derived analysis columns, computed by the library's rules.

Each derived column is a rule of :mod:`opengov.rules.irm` or :mod:`opengov.rules.ogp` and a way
of writing its value as OGP does ("1"/"0", "ND", "Yes", "PotImp", ...). :func:`derived_outcomes`
gives the rule outcomes (with their explanations), :func:`derived_cells` the cells.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from opengov.model import Completion, Flag, IRMAssessment, Missing
from opengov.model.vocab import Vocabulary
from opengov.rules import ogp as ogp_rules
from opengov.rules.base import Outcome, RuleSet
from opengov.rules.irm import BindingConstraint, Quadrant

__all__ = ["DERIVED_RULES", "cell_text", "derived_cells", "derived_outcomes"]

_MARKER_TEXT = {"no_data": "ND", "not_reviewed": "NR", "not_applicable": "NA"}
_FLAG_01 = {Flag.YES: "1", Flag.NO: "0"}
_FLAG_YES_NO = {Flag.YES: "Yes", Flag.NO: "No"}
_BINDING = {
    BindingConstraint.NOT_REVIEWED: "NR",
    BindingConstraint.NO_DATA: "ND",
    BindingConstraint.SPECIFICITY: "Spec",
    BindingConstraint.RELEVANCE: "Rel",
    BindingConstraint.POTENTIAL_IMPACT: "PotImp",
    BindingConstraint.COMPLETION: "Cmpl",
    BindingConstraint.STARRED: "STAR",
    BindingConstraint.NONE: "FALSE",
}


def marker_text(member: Vocabulary) -> str | None:
    """ "ND" / "NR" / "NA" for a missing-data member of any vocabulary, else None."""
    missing = member.missing
    return None if missing is None else _MARKER_TEXT[missing.value]


def flag_01(value: Flag) -> str:
    """A flag as OGP writes 0/1 columns (markers as ND / NR / NA)."""
    return _FLAG_01.get(value) or _MARKER_TEXT[value.value]


def flag_yes_no(value: Flag) -> str:
    """A flag as OGP writes the ``Verifiable`` column."""
    return _FLAG_YES_NO.get(value) or _MARKER_TEXT[value.value]


def _set_or_not(value: Flag) -> str:
    """1 only when the flag is yes: missing data counts as 0 (High Completion, High DIOG)."""
    return "1" if value is Flag.YES else "0"


def cell_text(value: Any) -> str:
    """The cell for a rule value: flags 0/1, integers, completion codes, markers, OGP's words."""
    if isinstance(value, Flag):
        return flag_01(value)
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, BindingConstraint):
        return _BINDING[value]
    if isinstance(value, Vocabulary):
        marker = marker_text(value)
        if marker is not None:
            return marker
        if isinstance(value, Completion):
            return str(value.ogp_code)
        return value.label_en
    return str(value)


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
    "Verifiable": ("verifiable", flag_yes_no),
    "_Relevant": ("relevant", flag_01),
    "Starred (2015 Only)": ("star_midterm_2014", flag_01),
    "Starred (Current Formula) Progress Report": ("star_midterm", flag_01),
    "Change In Completion": ("change_in_completion", cell_text),
    "_ChangeCompletion": ("completion_change", cell_text),
    "Starred (Current Formula) End of Term": ("star_end_of_term", flag_01),
    "Max star": ("max_star", flag_01),
    "Ambition Assessed": ("ambition_assessed", flag_01),
    "Comp Assessed": ("completion_assessed", flag_01),
    "DIOG Assessed": ("diog_assessed", flag_01),
    "Midterm Only": ("midterm_only", flag_01),
    "Max Completion": ("max_completion", cell_text),
    "Raw Completion": ("raw_completion", cell_text),
    "High Completion": ("high_completion", _set_or_not),
    "High DIOG": ("strong_results", _set_or_not),
    "High Ambition": ("high_ambition", flag_01),
    **{column: (f"in_quadrant_{q.value}", flag_01) for column, q in _QUADRANT_COLUMNS.items()},
    "Not reviewed": ("not_reviewed", flag_01),
    "CHECKSUM": ("checksum", cell_text),
    "IRM-Based Score": ("irm_based_score", cell_text),
    "Binding constraint": ("binding_constraint", cell_text),
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
    } | {"Active Commitment": flag_01(outcomes["Active Commitment"].value)}


def missing_text(value: Missing) -> str:
    """ "ND" / "NR" / "NA"."""
    return _MARKER_TEXT[value.value]
