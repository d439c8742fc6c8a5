"""The IRM's commitment-level rules: verifiable, relevant, ambitious, stars, quadrants, score.

Each function takes an :class:`~opengov.model.IRMAssessment` and returns an
:class:`~opengov.rules.base.Outcome` whose value is a :class:`~opengov.model.Flag` (yes / no, or the
missing-data state that stops the rule: ND, NR, NA) or another small vocabulary, with an
explanation naming the inputs that decided it.

Sources: the IRM's published rubrics (DOMAIN.md §4) and OGP's commitment export, whose derived
columns these rules reproduce (see ``docs/concepts/rules.md`` for each rule, its agreement with
the export and the rows that disagree).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from attrs import frozen

from opengov.model import (
    BindingConstraint,
    Completion,
    DidItOpenGovernment,
    EarlyResults,
    Flag,
    IRMAssessment,
    Missing,
    PotentialImpact,
    Quadrant,
    Specificity,
)
from opengov.model.vocab import Vocabulary, rank_of
from opengov.rules.base import Evaluation, Outcome, Rule, RuleSet

__all__ = [
    "STAR_2014",
    "STAR_2015",
    "STAR_RULES",
    "StarRule",
    "ambitious",
    "binding_constraint",
    "commitment_rules",
    "high_ambition",
    "high_completion",
    "irm_based_score",
    "max_star",
    "not_reviewed",
    "potentially_starred",
    "quadrant",
    "quadrant_flags",
    "raw_completion",
    "relevant",
    "star_end_of_term",
    "star_midterm",
    "strong_results",
    "verifiable",
]


def _marker(member: Vocabulary) -> Flag | None:
    """The missing-data state of a member (ND / NR / NA) as a flag, or None for a real value."""
    missing = member.missing
    return None if missing is None else Flag(missing.value)


def _level(member: Vocabulary) -> int | None:
    """The rank of a real value on its scale; None for missing-data states."""
    return member.rank


def _name(member: Vocabulary) -> str:
    return member.label_en


def _flag(condition: bool) -> Flag:
    return Flag.YES if condition else Flag.NO


# --- design predicates -------------------------------------------------------------------------
#
# Each rule body takes the assessment and the evaluation it runs in; a rule that builds on another
# reads it as ``ev["relevant"]``, so the rule set decides which "relevant" that is.

_Ev = Evaluation[IRMAssessment]


def _verifiable(a: IRMAssessment, ev: _Ev) -> Outcome:
    inputs = {"specificity": a.specificity.value, "verifiable": a.verifiable.value}
    level = _level(a.specificity)
    if level is not None:
        ok = level >= rank_of(Specificity.MEDIUM)
        why = f"specificity is {_name(a.specificity)}, {'at least' if ok else 'below'} Medium"
        return Outcome("verifiable", _flag(ok), why, inputs)
    if a.specificity is Specificity.NOT_REVIEWED:
        return Outcome("verifiable", Flag.NOT_REVIEWED, "specificity was not reviewed (NR)", inputs)
    why = (
        f"no specificity score ({_name(a.specificity)}): the IRM's own verifiable judgement is used"
    )
    return Outcome("verifiable", a.verifiable, why, inputs)


_VALUE_FIELDS = ("access_to_information", "civic_participation", "public_accountability")


def _relevant(a: IRMAssessment, ev: _Ev) -> Outcome:
    flags = {name: getattr(a.values, name) for name in _VALUE_FIELDS}
    inputs = {**{k: v.value for k, v in flags.items()}, "relevant": a.relevant.value}
    inputs["technology_and_innovation"] = a.values.technology_and_innovation.value
    yes = [name.replace("_", " ") for name, flag in flags.items() if flag is Flag.YES]
    if yes:
        return Outcome("relevant", Flag.YES, f"relevant to {', '.join(yes)}", inputs)
    if all(flag is Flag.NO for flag in flags.values()):
        tech = (
            " (technology and innovation alone does not count)"
            if a.values.technology_and_innovation is Flag.YES
            else ""
        )
        return Outcome(
            "relevant",
            Flag.NO,
            "not relevant to access to information, civic participation or public accountability"
            + tech,
            inputs,
        )
    if all(flag is Flag.NOT_REVIEWED for flag in flags.values()):
        return Outcome("relevant", Flag.NOT_REVIEWED, "relevance was not reviewed (NR)", inputs)
    return Outcome(
        "relevant",
        a.relevant,
        "no value-by-value relevance: the IRM's own relevance judgement is used",
        inputs,
    )


def _ambitious_at(minimum: PotentialImpact) -> Callable[[IRMAssessment, _Ev], Outcome]:
    def rule(a: IRMAssessment, ev: _Ev) -> Outcome:
        inputs = {"potential_impact": a.potential_impact.value}
        marker = _marker(a.potential_impact)
        if marker is not None:
            return Outcome(
                "ambitious", marker, f"potential impact is {_name(a.potential_impact)}", inputs
            )
        ok = rank_of(a.potential_impact) >= rank_of(minimum)
        why = f"potential impact is {_name(a.potential_impact)}, {'at least' if ok else 'below'} {_name(minimum)}"
        return Outcome("ambitious", _flag(ok), why, inputs)

    return rule


# --- implementation predicates -----------------------------------------------------------------


def _raw_completion(a: IRMAssessment, ev: _Ev) -> Outcome:
    inputs = {
        "completion_midterm": a.completion_midterm.value,
        "completion_end_of_term": a.completion_end_of_term.value,
    }
    if a.completion_end_of_term.is_known:
        return Outcome("raw_completion", a.completion_end_of_term, "end-of-term completion", inputs)
    if a.completion_midterm.is_known:
        return Outcome(
            "raw_completion",
            a.completion_midterm,
            "no end-of-term completion: mid-term completion",
            inputs,
        )
    if (
        a.completion_midterm is Completion.NOT_REVIEWED
        and a.completion_end_of_term is Completion.NOT_REVIEWED
    ):
        return Outcome(
            "raw_completion", Completion.NOT_REVIEWED, "completion was not reviewed", inputs
        )
    return Outcome("raw_completion", Completion.NO_DATA, "no completion assessed", inputs)


_HIGH_COMPLETION = {Completion.SUBSTANTIAL, Completion.COMPLETE}


def _high_completion(a: IRMAssessment, ev: _Ev) -> Outcome:
    raw = ev["raw_completion"]
    completion: Completion = raw.value
    if not completion.is_known:
        return Outcome(
            "high_completion",
            _marker(completion) or Flag.NO_DATA,
            f"no completion ({raw.explanation})",
            raw.inputs,
        )
    ok = completion in _HIGH_COMPLETION
    return Outcome(
        "high_completion", _flag(ok), f"{raw.explanation} is {_name(completion)}", raw.inputs
    )


def _strong_results(a: IRMAssessment, ev: _Ev) -> Outcome:
    inputs = {
        "did_it_open_government": a.did_it_open_government.value,
        "early_results": a.early_results.value,
    }
    diog = _level(a.did_it_open_government)
    early = _level(a.early_results)
    if diog is not None and diog >= rank_of(DidItOpenGovernment.MAJOR):
        return Outcome(
            "strong_results",
            Flag.YES,
            f"did it open government: {_name(a.did_it_open_government)}",
            inputs,
        )
    if early is not None and early >= rank_of(EarlyResults.SIGNIFICANT):
        return Outcome(
            "strong_results", Flag.YES, f"early results: {_name(a.early_results)}", inputs
        )
    if diog is None and early is None:
        marker = _marker(a.did_it_open_government) or Flag.NO_DATA
        return Outcome(
            "strong_results",
            marker,
            "no 'did it open government?' or early-results assessment",
            inputs,
        )
    parts = [
        f"did it open government: {_name(a.did_it_open_government)}" if diog is not None else "",
        f"early results: {_name(a.early_results)}" if early is not None else "",
    ]
    return Outcome("strong_results", Flag.NO, "; ".join(p for p in parts if p), inputs)


# --- stars -------------------------------------------------------------------------------------


@frozen
class StarRule:
    """A star rule: verifiable ∧ relevant ∧ potential impact ≥ ``minimum_impact`` ∧ completion
    Substantial or Complete.

    The 2014 rule accepts Moderate impact; from 2015 the impact must be Transformative.
    ``last_star_year`` is the last year of end-of-term reports that carry stars (IRM results
    reports from 2021 replaced stars with early results).
    """

    name: str
    minimum_impact: PotentialImpact
    last_star_year: int = 2020


STAR_2014 = StarRule("2014", PotentialImpact.MODERATE)
STAR_2015 = StarRule("2015", PotentialImpact.TRANSFORMATIVE)

#: The star rules every commitment rule set also evaluates under their own names
#: (``star_midterm_2014``, ``max_star_2015``, ...), whichever star rule the set is built on.
STAR_RULES = (STAR_2014, STAR_2015)

_RuleBody = Callable[[IRMAssessment, _Ev], Outcome]


def _star_conditions(
    a: IRMAssessment, ev: _Ev, rule: StarRule, completion: Completion
) -> tuple[bool, list[str]]:
    failed = []
    if ev.value("verifiable") is not Flag.YES:
        failed.append(
            f"not verifiable (specificity {_name(a.specificity)}, verifiable {_name(a.verifiable)})"
        )
    rel = ev["relevant"]
    if rel.value is not Flag.YES:
        failed.append(f"not relevant ({rel.explanation})")
    impact = _level(a.potential_impact)
    if impact is None or impact < rank_of(rule.minimum_impact):
        failed.append(
            f"potential impact {_name(a.potential_impact)} below {_name(rule.minimum_impact)}"
        )
    if completion not in _HIGH_COMPLETION:
        failed.append(f"completion {_name(completion)}, not Substantial or Complete")
    return not failed, failed


def _star_midterm(rule: StarRule) -> _RuleBody:
    name = f"star_midterm_{rule.name}"

    def body(a: IRMAssessment, ev: _Ev) -> Outcome:
        inputs = {
            "specificity": a.specificity.value,
            "relevant": ev.value("relevant").value,
            "potential_impact": a.potential_impact.value,
            "completion_midterm": a.completion_midterm.value,
        }
        if a.specificity is Specificity.NOT_REVIEWED:
            return Outcome(
                name, Flag.NOT_REVIEWED, "the commitment was not reviewed (specificity NR)", inputs
            )
        if _level(a.specificity) is None:
            if a.completion_midterm is Completion.NOT_APPLICABLE:
                return Outcome(
                    name,
                    Flag.NOT_APPLICABLE,
                    "no mid-term completion assessment (design-only mid-term report)",
                    inputs,
                )
            return Outcome(
                name,
                Flag.NO_DATA,
                f"no specificity score ({_name(a.specificity)}): assessed after the star method",
                inputs,
            )
        ok, failed = _star_conditions(a, ev, rule, a.completion_midterm)
        why = "all four star conditions met" if ok else "; ".join(failed)
        return Outcome(name, _flag(ok), why, inputs)

    return body


def _star_end_of_term(rule: StarRule) -> _RuleBody:
    name = f"star_end_of_term_{rule.name}"

    def body(a: IRMAssessment, ev: _Ev) -> Outcome:
        year = a.end_of_term_report_year
        relevance = ev.value("relevant")
        inputs = {
            "specificity": a.specificity.value,
            "verifiable": a.verifiable.value,
            "relevant": relevance.value,
            "potential_impact": a.potential_impact.value,
            "completion_end_of_term": a.completion_end_of_term.value,
            "end_of_term_report_year": year.value if isinstance(year, Missing) else year,
        }
        completion = a.completion_end_of_term
        if completion is Completion.NOT_REVIEWED:
            return Outcome(
                name, Flag.NOT_REVIEWED, "end-of-term completion was not reviewed", inputs
            )
        if not completion.is_known:
            return Outcome(
                name, Flag.NO_DATA, f"no end-of-term completion ({_name(completion)})", inputs
            )
        if not isinstance(year, int) or year > rule.last_star_year:
            shown = year if isinstance(year, int) else _name(year)
            return Outcome(
                name,
                Flag.NO_DATA,
                f"end-of-term report year {shown}: only reports up to {rule.last_star_year} carry stars",
                inputs,
            )
        design = (a.specificity, relevance, a.potential_impact)
        if any(member.value == "not_reviewed" for member in design):
            return Outcome(name, Flag.NO_DATA, "the design was not reviewed", inputs)
        ok, failed = _star_conditions(a, ev, rule, completion)
        why = "all four star conditions met" if ok else "; ".join(failed)
        return Outcome(name, _flag(ok), why, inputs)

    return body


def _max_star(midterm: str, end_of_term: str) -> _RuleBody:
    def body(a: IRMAssessment, ev: _Ev) -> Outcome:
        end = ev[end_of_term]
        mid = ev[midterm]
        inputs = {"star_end_of_term": end.value.value, "star_midterm": mid.value.value}
        if end.value in (Flag.YES, Flag.NO):
            return Outcome("max_star", end.value, f"end of term: {end.explanation}", inputs)
        if mid.value in (Flag.YES, Flag.NO):
            return Outcome("max_star", mid.value, f"mid-term: {mid.explanation}", inputs)
        if Flag.NOT_APPLICABLE in (end.value, mid.value):
            return Outcome("max_star", Flag.NOT_APPLICABLE, "no star assessment applies", inputs)
        return Outcome("max_star", Flag.NO_DATA, "no star could be computed", inputs)

    return body


def _potentially_starred(rule: StarRule) -> _RuleBody:
    name = f"potentially_starred_{rule.name}"

    def body(a: IRMAssessment, ev: _Ev) -> Outcome:
        verifiable_flag, relevant_flag = ev.value("verifiable"), ev.value("relevant")
        inputs = {
            "specificity": a.specificity.value,
            "verifiable": a.verifiable.value,
            "relevant": relevant_flag.value,
            "potential_impact": a.potential_impact.value,
        }
        ok, failed = _star_conditions(a, ev, rule, Completion.COMPLETE)
        missing = [
            m
            for m in (verifiable_flag, relevant_flag, _marker(a.potential_impact))
            if m is not None and m.missing is not None
        ]
        if not ok and missing and len(missing) == len(failed):
            return Outcome(name, missing[0], "; ".join(failed), inputs)
        why = "verifiable, relevant and ambitious enough for a star" if ok else "; ".join(failed)
        return Outcome(name, _flag(ok), why, inputs)

    return body


# --- OGP's analysis columns --------------------------------------------------------------------


def _high_ambition(a: IRMAssessment, ev: _Ev) -> Outcome:
    rel = ev["relevant"]
    inputs = {"potential_impact": a.potential_impact.value, "relevant": rel.value.value}
    marker = _marker(a.potential_impact)
    if marker is not None:
        return Outcome(
            "high_ambition", marker, f"potential impact is {_name(a.potential_impact)}", inputs
        )
    amb = ev["ambitious"]
    ok = amb.value is Flag.YES and rel.value is Flag.YES
    return Outcome("high_ambition", _flag(ok), f"{amb.explanation}; {rel.explanation}", inputs)


def _not_reviewed(a: IRMAssessment, ev: _Ev) -> Outcome:
    year = a.progress_report_year
    shown = year.value if isinstance(year, Missing) else year
    ok = year is Missing.NOT_REVIEWED
    why = "no IRM progress report (NR)" if ok else f"progress report year: {shown}"
    return Outcome("not_reviewed", _flag(ok), why, {"progress_report_year": shown})


def _quadrant_flags(a: IRMAssessment, ev: _Ev) -> Outcome:
    ha, hc, hd = (
        ev.value("high_ambition"),
        ev.value("high_completion"),
        ev.value("strong_results"),
    )
    raw: Completion = ev.value("raw_completion")
    assessed = raw.is_known and raw not in (Completion.WITHDRAWN, Completion.UNCLEAR)
    flags = {
        Quadrant.AMBITIOUS_AND_COMPLETE: (ha is Flag.YES and hc is Flag.YES) or hd is Flag.YES,
        Quadrant.AMBITIOUS_NOT_COMPLETE: ha is Flag.YES
        and hc is not Flag.YES
        and hd is not Flag.YES,
        Quadrant.COMPLETE_NOT_AMBITIOUS: ha is Flag.NO and hc is Flag.YES and hd is not Flag.YES,
        Quadrant.NEITHER: ha is Flag.NO and hc is not Flag.YES and hd is not Flag.YES and assessed,
        Quadrant.NOT_REVIEWED: ev.value("not_reviewed") is Flag.YES,
    }
    inputs = {
        "high_ambition": ha.value,
        "high_completion": hc.value,
        "strong_results": hd.value,
        "raw_completion": raw.value,
    }
    on = ", ".join(q.label_en for q, set_ in flags.items() if set_) or "none"
    return Outcome("quadrant_flags", flags, f"flags set: {on}", inputs)


def _quadrant(a: IRMAssessment, ev: _Ev) -> Outcome:
    flags: dict[Quadrant, bool] = ev.value("quadrant_flags")
    inputs = {
        "high_ambition": ev.value("high_ambition").value,
        "high_completion": ev.value("high_completion").value,
        "strong_results": ev.value("strong_results").value,
    }
    for member, on in flags.items():
        if on:
            return Outcome("quadrant", member, _name(member), inputs)
    return Outcome("quadrant", Quadrant.UNCLASSIFIED, "ambition or completion not assessed", inputs)


_SCORES = {
    Quadrant.AMBITIOUS_AND_COMPLETE: 4,
    Quadrant.AMBITIOUS_NOT_COMPLETE: 3,
    Quadrant.COMPLETE_NOT_AMBITIOUS: 2,
    Quadrant.NOT_REVIEWED: -1,
}


def _irm_based_score(a: IRMAssessment, ev: _Ev) -> Outcome:
    found = ev["quadrant"]
    score = _SCORES.get(found.value, 1)
    return Outcome("irm_based_score", score, found.explanation, found.inputs)


def _binding_constraint(rule: StarRule, max_star_rule: str) -> _RuleBody:
    def body(a: IRMAssessment, ev: _Ev) -> Outcome:
        unreviewed = ev["not_reviewed"]
        relevance: Flag = ev.value("relevant")
        inputs = {
            "progress_report_year": unreviewed.inputs["progress_report_year"],
            "specificity": a.specificity.value,
            "relevant": relevance.value,
            "potential_impact": a.potential_impact.value,
            "raw_completion": ev.value("raw_completion").value,
        }

        def found(member: BindingConstraint, why: str) -> Outcome:
            return Outcome("binding_constraint", member, why, inputs)

        if unreviewed.value is Flag.YES:
            return found(BindingConstraint.NOT_REVIEWED, "the plan was not reviewed")
        if a.specificity is Specificity.NOT_REVIEWED:
            return found(BindingConstraint.NO_DATA, "the design was not reviewed")
        spec = _level(a.specificity)
        if spec is not None and spec < rank_of(Specificity.MEDIUM):
            return found(
                BindingConstraint.SPECIFICITY, f"specificity {_name(a.specificity)} is below Medium"
            )
        if relevance is Flag.NO:
            return found(BindingConstraint.RELEVANCE, "not relevant to an OGP value")
        impact = _level(a.potential_impact)
        if impact is not None and impact < rank_of(rule.minimum_impact):
            return found(
                BindingConstraint.POTENTIAL_IMPACT,
                f"potential impact {_name(a.potential_impact)} is below {_name(rule.minimum_impact)}",
            )
        raw: Completion = ev.value("raw_completion")
        if raw in (Completion.NOT_STARTED, Completion.LIMITED):
            return found(BindingConstraint.COMPLETION, f"completion {_name(raw)}")
        if ev.value(max_star_rule) is Flag.YES:
            return found(BindingConstraint.STARRED, "starred")
        return found(
            BindingConstraint.NONE, "no condition failed on the data available, but no star either"
        )

    return body


# --- the rule set ------------------------------------------------------------------------------

_SOURCE = "IRM rubric / OGP commitment export"


def _rule(name: str, description: str, body: _RuleBody) -> Rule[IRMAssessment]:
    return Rule(name, description, _SOURCE, body)


def _star_rules(star: StarRule, suffix: str) -> list[Rule[IRMAssessment]]:
    """The star rules of ``star``, named with ``suffix`` ("" for the set's own star rule)."""
    return [
        _rule(
            f"star_midterm{suffix}", f"starred at mid-term ({star.name} rule)", _star_midterm(star)
        ),
        _rule(
            f"star_end_of_term{suffix}",
            f"starred at end of term ({star.name} rule)",
            _star_end_of_term(star),
        ),
        _rule(
            f"max_star{suffix}",
            f"starred at the most recent assessment ({star.name} rule)",
            _max_star(f"star_midterm{suffix}", f"star_end_of_term{suffix}"),
        ),
        _rule(
            f"potentially_starred{suffix}",
            f"the {star.name} star rule without completion",
            _potentially_starred(star),
        ),
    ]


@functools.cache
def commitment_rules(star: StarRule = STAR_2015) -> RuleSet[IRMAssessment]:
    """The IRM commitment rules as a rule set, built on the star rule ``star``.

    ``star_midterm``, ``star_end_of_term``, ``max_star``, ``potentially_starred`` and
    ``binding_constraint`` follow ``star``; every shipped star rule is also evaluated under its own
    name (``star_midterm_2014``, ``max_star_2015``, ...). Rules read the rules they build on
    through the set: replacing ``relevant`` changes the stars, quadrants, score and binding
    constraint the set computes.
    """
    named = [rule for each in STAR_RULES for rule in _star_rules(each, f"_{each.name}")]
    return RuleSet.of(
        f"irm-{star.name}",
        f"IRM commitment rules with the {star.name} star rule",
        [
            _rule(
                "verifiable",
                "specificity Medium or High (or the IRM's verifiable judgement)",
                _verifiable,
            ),
            _rule(
                "relevant",
                "relevant to access to information, civic participation or public accountability",
                _relevant,
            ),
            _rule(
                "ambitious",
                "potential impact Moderate or Transformative",
                _ambitious_at(PotentialImpact.MODERATE),
            ),
            _rule("raw_completion", "the most recent completion", _raw_completion),
            _rule(
                "high_completion",
                "most recent completion Substantial or Complete",
                _high_completion,
            ),
            _rule("strong_results", "did it open government Major or Outstanding", _strong_results),
            *_star_rules(star, ""),
            _rule("high_ambition", "ambitious and relevant", _high_ambition),
            _rule("not_reviewed", "no IRM progress report (NR)", _not_reviewed),
            _rule("quadrant_flags", "membership of each OGP quadrant", _quadrant_flags),
            _rule("quadrant", "ambition × completion quadrant", _quadrant),
            _rule("irm_based_score", "OGP's IRM-based score", _irm_based_score),
            _rule(
                "binding_constraint",
                "the first star condition that fails",
                _binding_constraint(star, "max_star"),
            ),
            *named,
        ],
    )


# --- the rules one at a time -------------------------------------------------------------------
#
# Each function below evaluates one rule of the shipped set (``commitment_rules``); to change a
# rule, change the set and evaluate the set.


def verifiable(a: IRMAssessment) -> Outcome:
    """Verifiable: specificity Medium or High; from 2017 the IRM records it directly."""
    return commitment_rules().outcome("verifiable", a)


def relevant(a: IRMAssessment) -> Outcome:
    """Relevant to OGP values: access to information, civic participation or public
    accountability (technology and innovation alone does not count)."""
    return commitment_rules().outcome("relevant", a)


def ambitious(a: IRMAssessment, minimum: PotentialImpact = PotentialImpact.MODERATE) -> Outcome:
    """Ambitious: potential impact at least ``minimum`` (Moderate, or Transformative)."""
    return _ambitious_at(minimum)(a, commitment_rules().evaluation(a))


def raw_completion(a: IRMAssessment) -> Outcome:
    """The most recent completion: end of term if assessed, else mid-term."""
    return commitment_rules().outcome("raw_completion", a)


def high_completion(a: IRMAssessment) -> Outcome:
    """High completion: the most recent completion is Substantial or Complete."""
    return commitment_rules().outcome("high_completion", a)


def strong_results(a: IRMAssessment) -> Outcome:
    """Strong results: "did it open government?" Major or Outstanding, or significant early results."""
    return commitment_rules().outcome("strong_results", a)


def star_midterm(a: IRMAssessment, rule: StarRule = STAR_2015) -> Outcome:
    """Starred at mid-term (design scores + mid-term completion).

    Plans assessed after the 2017 method change have no specificity score and get no mid-term
    star: ND, or NA when the mid-term report assessed design only (completion NA).
    """
    return commitment_rules(rule).outcome("star_midterm", a)


def star_end_of_term(a: IRMAssessment, rule: StarRule = STAR_2015) -> Outcome:
    """Starred at the end of term (design scores + end-of-term completion)."""
    return commitment_rules(rule).outcome("star_end_of_term", a)


def max_star(a: IRMAssessment, rule: StarRule = STAR_2015) -> Outcome:
    """The star at the most recent assessment: end of term if decided, else mid-term."""
    return commitment_rules(rule).outcome("max_star", a)


def potentially_starred(a: IRMAssessment, rule: StarRule = STAR_2015) -> Outcome:
    """Potentially starred (design stage): the star rule without completion."""
    return commitment_rules(rule).outcome("potentially_starred", a)


def high_ambition(a: IRMAssessment) -> Outcome:
    """High ambition: potential impact Moderate or Transformative and relevant."""
    return commitment_rules().outcome("high_ambition", a)


def not_reviewed(a: IRMAssessment) -> Outcome:
    """Not reviewed: the IRM published no progress report for the plan (year NR)."""
    return commitment_rules().outcome("not_reviewed", a)


def quadrant_flags(a: IRMAssessment) -> dict[Quadrant, bool]:
    """Membership of each OGP quadrant, as OGP's export computes it (flags can overlap with
    "not reviewed")."""
    flags: dict[Quadrant, bool] = commitment_rules().outcome("quadrant_flags", a).value
    return flags


def quadrant(a: IRMAssessment) -> Outcome:
    """The commitment's analysis quadrant (ambition × completion, or strong results)."""
    return commitment_rules().outcome("quadrant", a)


def irm_based_score(a: IRMAssessment) -> Outcome:
    """OGP's "IRM-based score": 4 ambitious and complete (or strong results), 3 ambitious but not
    complete, 2 complete but not ambitious, −1 not reviewed, else 1."""
    return commitment_rules().outcome("irm_based_score", a)


def binding_constraint(a: IRMAssessment, rule: StarRule = STAR_2015) -> Outcome:
    """The first star condition that fails, in OGP's order: specificity, relevance, potential
    impact, completion; "starred" when none fails and the commitment is starred."""
    return commitment_rules(rule).outcome("binding_constraint", a)
