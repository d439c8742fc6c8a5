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
from opengov.rules.base import Outcome
from opengov.rules.irm import (
    STAR_2014,
    STAR_2015,
    BindingConstraint,
    Quadrant,
    binding_constraint,
    high_ambition,
    high_completion,
    irm_based_score,
    max_star,
    not_reviewed,
    quadrant,
    quadrant_flags,
    raw_completion,
    relevant,
    star_end_of_term,
    star_midterm,
    strong_results,
    verifiable,
)

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
    return _MARKER_TEXT.get(member.value)


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


def _quadrant_outcome(q: Quadrant) -> Callable[[IRMAssessment], Outcome]:
    def rule(a: IRMAssessment) -> Outcome:
        flags = quadrant_flags(a)
        found = quadrant(a)
        on = flags[q]
        why = f"{'in' if on else 'not in'} this quadrant (the commitment's: {found.explanation})"
        return Outcome(f"quadrant_{q.value}", Flag.YES if on else Flag.NO, why, found.inputs)

    return rule


#: Derived column → (rule over an assessment, how its value is written). ``Active Commitment``
#: depends on the plan, not the assessment, and is handled by :func:`derived_outcomes`.
DERIVED_RULES: dict[str, tuple[Callable[[IRMAssessment], Outcome], Callable[[Any], str]]] = {
    "Verifiable": (verifiable, flag_yes_no),
    "_Relevant": (relevant, flag_01),
    "Starred (2015 Only)": (lambda a: star_midterm(a, STAR_2014), flag_01),
    "Starred (Current Formula) Progress Report": (lambda a: star_midterm(a, STAR_2015), flag_01),
    "Change In Completion": (ogp_rules.change_in_completion, cell_text),
    "_ChangeCompletion": (ogp_rules.completion_change, cell_text),
    "Starred (Current Formula) End of Term": (lambda a: star_end_of_term(a, STAR_2015), flag_01),
    "Max star": (lambda a: max_star(a, STAR_2015), flag_01),
    "Ambition Assessed": (ogp_rules.ambition_assessed, flag_01),
    "Comp Assessed": (ogp_rules.completion_assessed, flag_01),
    "DIOG Assessed": (ogp_rules.diog_assessed, flag_01),
    "Midterm Only": (ogp_rules.midterm_only, flag_01),
    "Max Completion": (ogp_rules.max_completion, cell_text),
    "Raw Completion": (raw_completion, cell_text),
    "High Completion": (high_completion, _set_or_not),
    "High Ambition": (high_ambition, flag_01),
    "High DIOG": (strong_results, _set_or_not),
    "Ambitious and complete, or DIOG": (
        _quadrant_outcome(Quadrant.AMBITIOUS_AND_COMPLETE),
        flag_01,
    ),
    "Ambitious but not complete": (_quadrant_outcome(Quadrant.AMBITIOUS_NOT_COMPLETE), flag_01),
    "Complete but not ambitious": (_quadrant_outcome(Quadrant.COMPLETE_NOT_AMBITIOUS), flag_01),
    "Not complete or ambitious": (_quadrant_outcome(Quadrant.NEITHER), flag_01),
    "Not reviewed": (not_reviewed, flag_01),
    "CHECKSUM": (ogp_rules.checksum, cell_text),
    "IRM-Based Score": (irm_based_score, cell_text),
    "Binding constraint": (lambda a: binding_constraint(a, STAR_2015), cell_text),
}


def derived_outcomes(
    a: IRMAssessment, end_year: int | None, active_since: int = ogp_rules.ACTIVE_SINCE
) -> dict[str, Outcome]:
    """Every derived column's rule outcome for one commitment (``Verifiable`` and ``_Relevant``
    included), keyed by column name."""
    out = {column: rule(a) for column, (rule, _write) in DERIVED_RULES.items()}
    out["Active Commitment"] = ogp_rules.active_commitment(end_year, active_since)
    return out


_QUADRANT_COLUMNS = {
    "Ambitious and complete, or DIOG": Quadrant.AMBITIOUS_AND_COMPLETE,
    "Ambitious but not complete": Quadrant.AMBITIOUS_NOT_COMPLETE,
    "Complete but not ambitious": Quadrant.COMPLETE_NOT_AMBITIOUS,
    "Not complete or ambitious": Quadrant.NEITHER,
}


def derived_cells(
    a: IRMAssessment, end_year: int | None, active_since: int = ogp_rules.ACTIVE_SINCE
) -> dict[str, str]:
    """Every derived column's cell for one commitment, as OGP writes it.

    The same values as :func:`derived_outcomes`, without building the explanations: the four
    quadrant cells come from one call of :func:`~opengov.rules.irm.quadrant_flags`.
    """
    out: dict[str, str] = {}
    flags = quadrant_flags(a)
    for column, (rule, write) in DERIVED_RULES.items():
        q = _QUADRANT_COLUMNS.get(column)
        out[column] = ("1" if flags[q] else "0") if q is not None else write(rule(a).value)
    out["Active Commitment"] = flag_01(ogp_rules.active_commitment(end_year, active_since).value)
    return out


def missing_text(value: Missing) -> str:
    """ "ND" / "NR" / "NA"."""
    return _MARKER_TEXT[value.value]
