"""Rules for the analysis columns that only OGP's commitment export carries.

:mod:`opengov.rules.irm` holds the IRM's own rules (verifiable, relevant, stars, quadrants, score,
binding constraint). OGP's 171-column export adds bookkeeping columns built on them: the change in
completion between the two IRM reports, the completion rescaled to 0–3, whether ambition,
completion or "did it open government?" was assessed at all, whether only a mid-term assessment
exists, a checksum over the quadrant flags, and whether the plan is still running. Each rule here
is a small pure function returning an :class:`~opengov.rules.base.Outcome` with an explanation.

The formulas were recovered from the export itself (every one reproduces OGP's own column on the
558-row sample; see ``docs/concepts/ogp-derived-columns.md``). Missing data is never a zero: the
rules return ND / NR / NA where OGP does.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from opengov.model import Completion, CompletionChange, Flag, IRMAssessment, Missing, Quadrant
from opengov.model.vocab import Vocabulary, rank_of
from opengov.rules.base import Evaluation, Outcome, Rule, RuleSet
from opengov.rules.irm import STAR_2015, commitment_rules

__all__ = [
    "ACTIVE_SINCE",
    "active_commitment",
    "ambition_assessed",
    "change_in_completion",
    "checksum",
    "completion_assessed",
    "completion_change",
    "diog_assessed",
    "export_rules",
    "max_completion",
    "midterm_only",
]

#: The year of the sample export's snapshot (July 2024): a commitment is "active" when its plan
#: ends in this year or later.
ACTIVE_SINCE = 2024


def _missing(member: Vocabulary) -> Missing:
    """The ND / NR / NA state of a missing-data member of any vocabulary (ND otherwise)."""
    return member.missing or Missing.NO_DATA


def _flag(condition: bool) -> Flag:
    return Flag.YES if condition else Flag.NO


def _completion_inputs(a: IRMAssessment) -> dict[str, str]:
    return {
        "completion_midterm": a.completion_midterm.value,
        "completion_end_of_term": a.completion_end_of_term.value,
    }


_Ev = Evaluation[IRMAssessment]


# --- completion -------------------------------------------------------------------------------


def _completion_change(a: IRMAssessment, ev: _Ev) -> Outcome:
    inputs = _completion_inputs(a)
    end, mid = a.completion_end_of_term, a.completion_midterm
    if end is Completion.NOT_REVIEWED:
        return Outcome(
            "completion_change", Missing.NOT_REVIEWED, "end of term not reviewed", inputs
        )
    if not (end.is_known and mid.is_known):
        return Outcome(
            "completion_change",
            Missing.NO_DATA,
            f"needs both completions (mid-term {mid.label_en}, end of term {end.label_en})",
            inputs,
        )
    diff = rank_of(end) - rank_of(mid)
    return Outcome(
        "completion_change",
        diff,
        f"{mid.label_en} at mid-term, {end.label_en} at end of term: {diff:+d}",
        inputs,
    )


def _change_in_completion(a: IRMAssessment, ev: _Ev) -> Outcome:
    change = ev["completion_change"]
    value = change.value
    if isinstance(value, Missing):
        return Outcome(
            "change_in_completion", CompletionChange(value.value), change.explanation, change.inputs
        )
    direction = (
        CompletionChange.INCREASE
        if value > 0
        else CompletionChange.DECREASE
        if value < 0
        else CompletionChange.NO_CHANGE
    )
    return Outcome("change_in_completion", direction, change.explanation, change.inputs)


def _max_completion(a: IRMAssessment, ev: _Ev) -> Outcome:
    raw = ev["raw_completion"]
    completion: Completion = raw.value
    if not completion.is_known:
        return Outcome("max_completion", _missing(completion), raw.explanation, raw.inputs)
    code = rank_of(completion)
    if code < rank_of(Completion.NOT_STARTED):
        return Outcome(
            "max_completion",
            Missing.NO_DATA,
            f"{raw.explanation} is {completion.label_en}: not on the 0-3 scale",
            raw.inputs,
        )
    level = code - rank_of(Completion.NOT_STARTED)
    return Outcome(
        "max_completion", level, f"{raw.explanation} is {completion.label_en}", raw.inputs
    )


def _completion_assessed(a: IRMAssessment, ev: _Ev) -> Outcome:
    raw = ev["raw_completion"]
    completion: Completion = raw.value
    ok = completion.is_known and completion not in (Completion.WITHDRAWN, Completion.UNCLEAR)
    why = f"{raw.explanation}: {completion.label_en}"
    return Outcome("completion_assessed", _flag(ok), why, raw.inputs)


def _midterm_only(a: IRMAssessment, ev: _Ev) -> Outcome:
    inputs = _completion_inputs(a)
    end, mid = a.completion_end_of_term, a.completion_midterm
    if end.is_known:
        return Outcome("midterm_only", Flag.NO, f"end-of-term completion {end.label_en}", inputs)
    if mid is Completion.NOT_REVIEWED:
        marker = Flag(_missing(end).value)
        return Outcome(
            "midterm_only",
            marker,
            f"mid-term not reviewed; end of term {end.label_en}",
            inputs,
        )
    return Outcome(
        "midterm_only",
        Flag.YES,
        f"no end-of-term completion ({end.label_en}); mid-term {mid.label_en}",
        inputs,
    )


# --- assessed at all ----------------------------------------------------------------------------


def _ambition_assessed(a: IRMAssessment, ev: _Ev) -> Outcome:
    inputs = {
        "potential_impact": a.potential_impact.value,
        "potential_for_results": a.potential_for_results.value,
    }
    impact = a.potential_impact.rank
    results = a.potential_for_results.rank
    if impact is not None:
        return Outcome(
            "ambition_assessed",
            Flag.YES,
            f"potential impact {a.potential_impact.label_en}",
            inputs,
        )
    if results is not None:
        return Outcome(
            "ambition_assessed",
            Flag.YES,
            f"potential for results {a.potential_for_results.label_en}",
            inputs,
        )
    return Outcome(
        "ambition_assessed",
        Flag.NO,
        f"neither potential impact ({a.potential_impact.label_en}) nor potential for results "
        f"({a.potential_for_results.label_en}) scored",
        inputs,
    )


def _diog_assessed(a: IRMAssessment, ev: _Ev) -> Outcome:
    inputs = {
        "did_it_open_government": a.did_it_open_government.value,
        "early_results": a.early_results.value,
    }
    if a.did_it_open_government.rank is not None:
        return Outcome(
            "diog_assessed",
            Flag.YES,
            f"did it open government: {a.did_it_open_government.label_en}",
            inputs,
        )
    if a.early_results.rank is not None:
        return Outcome(
            "diog_assessed", Flag.YES, f"early results: {a.early_results.label_en}", inputs
        )
    return Outcome(
        "diog_assessed",
        Flag.NO,
        f"no score (did it open government {a.did_it_open_government.label_en}, "
        f"early results {a.early_results.label_en})",
        inputs,
    )


# --- consistency and bookkeeping ----------------------------------------------------------------


def _checksum(a: IRMAssessment, ev: _Ev) -> Outcome:
    flags: dict[Quadrant, bool] = ev.value("quadrant_flags")
    on = [q for q, set_ in flags.items() if set_]
    names = ", ".join(q.label_en for q in on) or "none"
    return Outcome(
        "checksum",
        len(on),
        f"flags set: {names}",
        {q.value: flags[q] for q in Quadrant if q in flags},
    )


def active_commitment(end_year: int | None, since: int = ACTIVE_SINCE) -> Outcome:
    """The plan ends in ``since`` or later (``Active Commitment``; the sample was taken in 2024)."""
    inputs = {"end_year": end_year, "since": since}
    if end_year is None:
        return Outcome("active_commitment", Flag.NO, "the plan's end year is not known", inputs)
    ok = end_year >= since
    why = f"the plan ends in {end_year}, {'not before' if ok else 'before'} {since}"
    return Outcome("active_commitment", _flag(ok), why, inputs)


_SOURCE = "OGP commitment export (recovered formula)"


def _rule(
    name: str, description: str, body: Callable[[IRMAssessment, _Ev], Outcome]
) -> Rule[IRMAssessment]:
    return Rule(name, description, _SOURCE, body)


def _in_quadrant(q: Quadrant) -> Callable[[IRMAssessment, _Ev], Outcome]:
    def body(a: IRMAssessment, ev: _Ev) -> Outcome:
        flags: dict[Quadrant, bool] = ev.value("quadrant_flags")
        found = ev["quadrant"]
        on = flags[q]
        why = f"{'in' if on else 'not in'} this quadrant (the commitment's: {found.explanation})"
        return Outcome(f"in_quadrant_{q.value}", _flag(on), why, found.inputs)

    return body


#: The quadrants OGP's export gives a 0/1 column each.
EXPORT_QUADRANTS = (
    Quadrant.AMBITIOUS_AND_COMPLETE,
    Quadrant.AMBITIOUS_NOT_COMPLETE,
    Quadrant.COMPLETE_NOT_AMBITIOUS,
    Quadrant.NEITHER,
)


def export_rules(irm: RuleSet[IRMAssessment] | None = None) -> RuleSet[IRMAssessment]:
    """The rules behind OGP's export analysis columns: the IRM rule set ``irm`` (default:
    :func:`~opengov.rules.irm.commitment_rules` with the 2015 star rule) and the export-only
    rules built on it (``in_quadrant_<quadrant>`` for each quadrant column).

    ``active_commitment`` needs the plan's end year and is not part of it.
    """
    return _shipped_export_rules() if irm is None else _extend(irm)


@functools.cache
def _shipped_export_rules() -> RuleSet[IRMAssessment]:
    return _extend(commitment_rules(STAR_2015))


def _extend(irm: RuleSet[IRMAssessment]) -> RuleSet[IRMAssessment]:
    return irm.extend(
        f"ogp-export/{irm.name}",
        f"OGP export analysis columns, on {irm.name}",
        [
            _rule("completion_change", "end-of-term minus mid-term completion", _completion_change),
            _rule("change_in_completion", "Increase / No Change / Decrease", _change_in_completion),
            _rule("max_completion", "completion rescaled to 0-3", _max_completion),
            _rule("completion_assessed", "a completion level was assessed", _completion_assessed),
            _rule("midterm_only", "only the mid-term stage was assessed", _midterm_only),
            _rule("ambition_assessed", "potential impact or results scored", _ambition_assessed),
            _rule(
                "diog_assessed", "did it open government or early results scored", _diog_assessed
            ),
            _rule("checksum", "number of quadrant flags set", _checksum),
            *(
                _rule(f"in_quadrant_{q.value}", f"in the quadrant {q.label_en}", _in_quadrant(q))
                for q in EXPORT_QUADRANTS
            ),
        ],
    )


# --- the rules one at a time (evaluated in the shipped export set) ------------------------------


def completion_change(a: IRMAssessment) -> Outcome:
    """End-of-term minus mid-term completion, on OGP's 0–5 scale (``_ChangeCompletion``).

    NR when the end of term was not reviewed; ND when either completion is missing (including a
    mid-term NA: design-only mid-term report).
    """
    return export_rules().outcome("completion_change", a)


def change_in_completion(a: IRMAssessment) -> Outcome:
    """Increase / No Change / Decrease between the two reports (``Change In Completion``)."""
    return export_rules().outcome("change_in_completion", a)


def max_completion(a: IRMAssessment) -> Outcome:
    """The most recent completion rescaled Not Started..Complete → 0..3 (``Max Completion``).

    Withdrawn and Unclear have no place on that scale (ND); ND / NR are copied from the raw
    completion.
    """
    return export_rules().outcome("max_completion", a)


def completion_assessed(a: IRMAssessment) -> Outcome:
    """A completion from Not Started to Complete was assessed (``Comp Assessed``)."""
    return export_rules().outcome("completion_assessed", a)


def midterm_only(a: IRMAssessment) -> Outcome:
    """Only the mid-term stage was assessed (``Midterm Only``).

    No: an end-of-term completion exists. When the mid-term was not reviewed, the end-of-term
    state (ND / NR) is copied. Otherwise yes, even when the mid-term completion itself is ND or NA.
    """
    return export_rules().outcome("midterm_only", a)


def ambition_assessed(a: IRMAssessment) -> Outcome:
    """Potential impact (to 2020) or potential for results (2021+) was scored (``Ambition Assessed``)."""
    return export_rules().outcome("ambition_assessed", a)


def diog_assessed(a: IRMAssessment) -> Outcome:
    """ "Did it open government?" or early results were scored (``DIOG Assessed``)."""
    return export_rules().outcome("diog_assessed", a)


def checksum(a: IRMAssessment) -> Outcome:
    """The number of quadrant flags set, "not reviewed" included (``CHECKSUM``): 1 for a
    classified commitment, 0 when ambition or completion is missing, 2 when a not-reviewed plan
    still has strong results."""
    return export_rules().outcome("checksum", a)
