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

from attrs import frozen

from opengov.model import (
    Completion,
    DidItOpenGovernment,
    EarlyResults,
    Flag,
    IRMAssessment,
    Missing,
    PotentialImpact,
    Specificity,
)
from opengov.model.vocab import Vocabulary
from opengov.rules.base import Outcome, Rule, RuleSet

__all__ = [
    "STAR_2014",
    "STAR_2015",
    "BindingConstraint",
    "Quadrant",
    "StarRule",
    "ambitious",
    "binding_constraint",
    "commitment_rules",
    "high_ambition",
    "high_completion",
    "irm_based_score",
    "max_star",
    "not_reviewed",
    "quadrant",
    "quadrant_flags",
    "raw_completion",
    "relevant",
    "star_end_of_term",
    "star_midterm",
    "strong_results",
    "verifiable",
]

_MARKERS = {
    "no_data": Flag.NO_DATA,
    "not_reviewed": Flag.NOT_REVIEWED,
    "not_applicable": Flag.NOT_APPLICABLE,
}


def _marker(member: Vocabulary) -> Flag | None:
    """The missing-data state of a member (ND / NR / NA), or None for a real value."""
    return _MARKERS.get(member.value)


def _level(member: Vocabulary) -> int | None:
    """The OGP numeric code of a real value; None for missing-data states."""
    return None if _marker(member) else member.ogp_code


def _name(member: Vocabulary) -> str:
    return member.label_en


def _flag(condition: bool) -> Flag:
    return Flag.YES if condition else Flag.NO


class BindingConstraint(Vocabulary):
    """The first star condition a commitment fails (OGP's "Binding constraint")."""

    NOT_REVIEWED = ("not_reviewed", "Not reviewed", "Non évalué", None, ("NR",))
    NO_DATA = ("no_data", "No data", "Pas de données", None, ("ND",))
    SPECIFICITY = ("specificity", "Specificity", "Spécificité", None, ("Spec",))
    RELEVANCE = ("relevance", "Relevance", "Pertinence", None, ("Rel",))
    POTENTIAL_IMPACT = (
        "potential_impact",
        "Potential impact",
        "Impact potentiel",
        None,
        ("PotImp",),
    )
    COMPLETION = ("completion", "Completion", "Avancement", None, ("Cmpl",))
    STARRED = ("starred", "Starred", "Étoilé", None, ("STAR",))
    NONE = ("none", "No binding constraint", "Aucune contrainte", None, ("FALSE",))


class Quadrant(Vocabulary):
    """OGP's analysis quadrants of ambition × completion (or strong results)."""

    AMBITIOUS_AND_COMPLETE = (
        "ambitious_and_complete",
        "Ambitious and complete, or strong results",
        "Ambitieux et réalisé, ou résultats forts",
    )
    AMBITIOUS_NOT_COMPLETE = (
        "ambitious_not_complete",
        "Ambitious but not complete",
        "Ambitieux mais non réalisé",
    )
    COMPLETE_NOT_AMBITIOUS = (
        "complete_not_ambitious",
        "Complete but not ambitious",
        "Réalisé mais peu ambitieux",
    )
    NEITHER = ("neither", "Not complete or ambitious", "Ni réalisé ni ambitieux")
    NOT_REVIEWED = ("not_reviewed", "Not reviewed", "Non évalué")
    UNCLASSIFIED = (
        "unclassified",
        "Not classified (missing data)",
        "Non classé (données manquantes)",
    )


# --- design predicates -------------------------------------------------------------------------


def verifiable(a: IRMAssessment) -> Outcome:
    """Verifiable: specificity Medium or High; from 2017 the IRM records it directly."""
    inputs = {"specificity": a.specificity.value, "verifiable": a.verifiable.value}
    level = _level(a.specificity)
    if level is not None:
        ok = level >= Specificity.MEDIUM.ogp_code  # type: ignore[operator]
        why = f"specificity is {_name(a.specificity)}, {'at least' if ok else 'below'} Medium"
        return Outcome("verifiable", _flag(ok), why, inputs)
    if a.specificity is Specificity.NOT_REVIEWED:
        return Outcome("verifiable", Flag.NOT_REVIEWED, "specificity was not reviewed (NR)", inputs)
    why = (
        f"no specificity score ({_name(a.specificity)}): the IRM's own verifiable judgement is used"
    )
    return Outcome("verifiable", a.verifiable, why, inputs)


_VALUE_FIELDS = ("access_to_information", "civic_participation", "public_accountability")


def relevant(a: IRMAssessment) -> Outcome:
    """Relevant to OGP values: access to information, civic participation or public
    accountability (technology and innovation alone does not count)."""
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


def ambitious(a: IRMAssessment, minimum: PotentialImpact = PotentialImpact.MODERATE) -> Outcome:
    """Ambitious: potential impact at least ``minimum`` (Moderate, or Transformative)."""
    inputs = {"potential_impact": a.potential_impact.value}
    marker = _marker(a.potential_impact)
    if marker is not None:
        return Outcome(
            "ambitious", marker, f"potential impact is {_name(a.potential_impact)}", inputs
        )
    ok = (_level(a.potential_impact) or 0) >= (minimum.ogp_code or 0)
    why = f"potential impact is {_name(a.potential_impact)}, {'at least' if ok else 'below'} {_name(minimum)}"
    return Outcome("ambitious", _flag(ok), why, inputs)


# --- implementation predicates -----------------------------------------------------------------


def raw_completion(a: IRMAssessment) -> Outcome:
    """The most recent completion: end of term if assessed, else mid-term."""
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


def high_completion(a: IRMAssessment) -> Outcome:
    """High completion: the most recent completion is Substantial or Complete."""
    raw = raw_completion(a)
    completion: Completion = raw.value
    if not completion.is_known:
        return Outcome(
            "high_completion",
            _MARKERS.get(completion.value, Flag.NO_DATA),
            f"no completion ({raw.explanation})",
            raw.inputs,
        )
    ok = completion in _HIGH_COMPLETION
    return Outcome(
        "high_completion", _flag(ok), f"{raw.explanation} is {_name(completion)}", raw.inputs
    )


def strong_results(a: IRMAssessment) -> Outcome:
    """Strong results: "did it open government?" Major or Outstanding, or significant early results."""
    inputs = {
        "did_it_open_government": a.did_it_open_government.value,
        "early_results": a.early_results.value,
    }
    diog = _level(a.did_it_open_government)
    early = _level(a.early_results)
    if diog is not None and diog >= (DidItOpenGovernment.MAJOR.ogp_code or 0):
        return Outcome(
            "strong_results",
            Flag.YES,
            f"did it open government: {_name(a.did_it_open_government)}",
            inputs,
        )
    if early is not None and early >= (EarlyResults.SIGNIFICANT.ogp_code or 0):
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


def _star_conditions(
    a: IRMAssessment, rule: StarRule, completion: Completion, verifiable_flag: Flag
) -> tuple[bool, list[str]]:
    failed = []
    if verifiable_flag is not Flag.YES:
        failed.append(
            f"not verifiable (specificity {_name(a.specificity)}, verifiable {_name(a.verifiable)})"
        )
    rel = relevant(a)
    if rel.value is not Flag.YES:
        failed.append(f"not relevant ({rel.explanation})")
    impact = _level(a.potential_impact)
    if impact is None or impact < (rule.minimum_impact.ogp_code or 0):
        failed.append(
            f"potential impact {_name(a.potential_impact)} below {_name(rule.minimum_impact)}"
        )
    if completion not in _HIGH_COMPLETION:
        failed.append(f"completion {_name(completion)}, not Substantial or Complete")
    return not failed, failed


def star_midterm(a: IRMAssessment, rule: StarRule = STAR_2015) -> Outcome:
    """Starred at mid-term (design scores + mid-term completion).

    Plans assessed after the 2017 method change have no specificity score and get no mid-term
    star: ND, or NA when the mid-term report assessed design only (completion NA).
    """
    name = f"star_midterm_{rule.name}"
    inputs = {
        "specificity": a.specificity.value,
        "relevant": relevant(a).value.value,
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
    ok, failed = _star_conditions(a, rule, a.completion_midterm, verifiable(a).value)
    why = "all four star conditions met" if ok else "; ".join(failed)
    return Outcome(name, _flag(ok), why, inputs)


def star_end_of_term(a: IRMAssessment, rule: StarRule = STAR_2015) -> Outcome:
    """Starred at the end of term (design scores + end-of-term completion)."""
    name = f"star_end_of_term_{rule.name}"
    year = a.end_of_term_report_year
    inputs = {
        "specificity": a.specificity.value,
        "verifiable": a.verifiable.value,
        "relevant": relevant(a).value.value,
        "potential_impact": a.potential_impact.value,
        "completion_end_of_term": a.completion_end_of_term.value,
        "end_of_term_report_year": year.value if isinstance(year, Missing) else year,
    }
    completion = a.completion_end_of_term
    if completion is Completion.NOT_REVIEWED:
        return Outcome(name, Flag.NOT_REVIEWED, "end-of-term completion was not reviewed", inputs)
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
    design = (a.specificity, relevant(a).value, a.potential_impact)
    if any(member.value == "not_reviewed" for member in design):
        return Outcome(name, Flag.NO_DATA, "the design was not reviewed", inputs)
    ok, failed = _star_conditions(a, rule, completion, verifiable(a).value)
    why = "all four star conditions met" if ok else "; ".join(failed)
    return Outcome(name, _flag(ok), why, inputs)


def max_star(a: IRMAssessment, rule: StarRule = STAR_2015) -> Outcome:
    """The star at the most recent assessment: end of term if decided, else mid-term."""
    end = star_end_of_term(a, rule)
    mid = star_midterm(a, rule)
    inputs = {"star_end_of_term": end.value.value, "star_midterm": mid.value.value}
    if end.value in (Flag.YES, Flag.NO):
        return Outcome("max_star", end.value, f"end of term: {end.explanation}", inputs)
    if mid.value in (Flag.YES, Flag.NO):
        return Outcome("max_star", mid.value, f"mid-term: {mid.explanation}", inputs)
    if Flag.NOT_APPLICABLE in (end.value, mid.value):
        return Outcome("max_star", Flag.NOT_APPLICABLE, "no star assessment applies", inputs)
    return Outcome("max_star", Flag.NO_DATA, "no star could be computed", inputs)


def potentially_starred(a: IRMAssessment, rule: StarRule = STAR_2015) -> Outcome:
    """Potentially starred (design stage): the star rule without completion."""
    name = f"potentially_starred_{rule.name}"
    inputs = {
        "specificity": a.specificity.value,
        "verifiable": a.verifiable.value,
        "relevant": relevant(a).value.value,
        "potential_impact": a.potential_impact.value,
    }
    ok, failed = _star_conditions(a, rule, Completion.COMPLETE, verifiable(a).value)
    missing = [
        m
        for m in (verifiable(a).value, relevant(a).value, _marker(a.potential_impact))
        if m in _MARKERS.values()
    ]
    if not ok and missing and len(missing) == len(failed):
        return Outcome(name, missing[0], "; ".join(failed), inputs)
    why = "verifiable, relevant and ambitious enough for a star" if ok else "; ".join(failed)
    return Outcome(name, _flag(ok), why, inputs)


# --- OGP's analysis columns --------------------------------------------------------------------


def high_ambition(a: IRMAssessment) -> Outcome:
    """High ambition: potential impact Moderate or Transformative and relevant."""
    inputs = {"potential_impact": a.potential_impact.value, "relevant": relevant(a).value.value}
    marker = _marker(a.potential_impact)
    if marker is not None:
        return Outcome(
            "high_ambition", marker, f"potential impact is {_name(a.potential_impact)}", inputs
        )
    amb = ambitious(a)
    rel = relevant(a)
    ok = amb.value is Flag.YES and rel.value is Flag.YES
    return Outcome("high_ambition", _flag(ok), f"{amb.explanation}; {rel.explanation}", inputs)


def not_reviewed(a: IRMAssessment) -> Outcome:
    """Not reviewed: the IRM published no progress report for the plan (year NR)."""
    year = a.progress_report_year
    shown = year.value if isinstance(year, Missing) else year
    ok = year is Missing.NOT_REVIEWED
    why = "no IRM progress report (NR)" if ok else f"progress report year: {shown}"
    return Outcome("not_reviewed", _flag(ok), why, {"progress_report_year": shown})


def quadrant_flags(a: IRMAssessment) -> dict[Quadrant, bool]:
    """Membership of each OGP quadrant, as OGP's export computes it (flags can overlap with
    "not reviewed")."""
    ha, hc, hd = high_ambition(a).value, high_completion(a).value, strong_results(a).value
    raw: Completion = raw_completion(a).value
    assessed = raw.is_known and raw not in (Completion.WITHDRAWN, Completion.UNCLEAR)
    return {
        Quadrant.AMBITIOUS_AND_COMPLETE: (ha is Flag.YES and hc is Flag.YES) or hd is Flag.YES,
        Quadrant.AMBITIOUS_NOT_COMPLETE: ha is Flag.YES
        and hc is not Flag.YES
        and hd is not Flag.YES,
        Quadrant.COMPLETE_NOT_AMBITIOUS: ha is Flag.NO and hc is Flag.YES and hd is not Flag.YES,
        Quadrant.NEITHER: ha is Flag.NO and hc is not Flag.YES and hd is not Flag.YES and assessed,
        Quadrant.NOT_REVIEWED: not_reviewed(a).value is Flag.YES,
    }


def quadrant(a: IRMAssessment) -> Outcome:
    """The commitment's analysis quadrant (ambition × completion, or strong results)."""
    flags = quadrant_flags(a)
    inputs = {
        "high_ambition": high_ambition(a).value.value,
        "high_completion": high_completion(a).value.value,
        "strong_results": strong_results(a).value.value,
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


def irm_based_score(a: IRMAssessment) -> Outcome:
    """OGP's "IRM-based score": 4 ambitious and complete (or strong results), 3 ambitious but not
    complete, 2 complete but not ambitious, −1 not reviewed, else 1."""
    found = quadrant(a)
    score = _SCORES.get(found.value, 1)
    return Outcome("irm_based_score", score, found.explanation, found.inputs)


def binding_constraint(a: IRMAssessment, rule: StarRule = STAR_2015) -> Outcome:
    """The first star condition that fails, in OGP's order: specificity, relevance, potential
    impact, completion; "starred" when none fails and the commitment is starred."""
    inputs = {
        "progress_report_year": not_reviewed(a).inputs["progress_report_year"],
        "specificity": a.specificity.value,
        "relevant": relevant(a).value.value,
        "potential_impact": a.potential_impact.value,
        "raw_completion": raw_completion(a).value.value,
    }
    if not_reviewed(a).value is Flag.YES:
        return Outcome(
            "binding_constraint",
            BindingConstraint.NOT_REVIEWED,
            "the plan was not reviewed",
            inputs,
        )
    if a.specificity is Specificity.NOT_REVIEWED:
        return Outcome(
            "binding_constraint", BindingConstraint.NO_DATA, "the design was not reviewed", inputs
        )
    spec = _level(a.specificity)
    if spec is not None and spec < (Specificity.MEDIUM.ogp_code or 0):
        return Outcome(
            "binding_constraint",
            BindingConstraint.SPECIFICITY,
            f"specificity {_name(a.specificity)} is below Medium",
            inputs,
        )
    if relevant(a).value is Flag.NO:
        return Outcome(
            "binding_constraint",
            BindingConstraint.RELEVANCE,
            "not relevant to an OGP value",
            inputs,
        )
    impact = _level(a.potential_impact)
    if impact is not None and impact < (rule.minimum_impact.ogp_code or 0):
        return Outcome(
            "binding_constraint",
            BindingConstraint.POTENTIAL_IMPACT,
            f"potential impact {_name(a.potential_impact)} is below {_name(rule.minimum_impact)}",
            inputs,
        )
    raw: Completion = raw_completion(a).value
    if raw in (Completion.NOT_STARTED, Completion.LIMITED):
        return Outcome(
            "binding_constraint", BindingConstraint.COMPLETION, f"completion {_name(raw)}", inputs
        )
    if max_star(a, rule).value is Flag.YES:
        return Outcome("binding_constraint", BindingConstraint.STARRED, "starred", inputs)
    return Outcome(
        "binding_constraint",
        BindingConstraint.NONE,
        "no condition failed on the data available, but no star either",
        inputs,
    )


def _rule(name: str, description: str, function: object) -> Rule[IRMAssessment]:
    return Rule(name, description, "IRM rubric / OGP commitment export", function)  # type: ignore[arg-type]


def commitment_rules(star: StarRule = STAR_2015) -> RuleSet[IRMAssessment]:
    """The IRM commitment rules as a rule set (star rules for ``star``)."""
    return RuleSet.of(
        f"irm-{star.name}",
        f"IRM commitment rules with the {star.name} star rule",
        [
            _rule(
                "verifiable",
                "specificity Medium or High (or the IRM's verifiable judgement)",
                verifiable,
            ),
            _rule(
                "relevant",
                "relevant to access to information, civic participation or public accountability",
                relevant,
            ),
            _rule("ambitious", "potential impact Moderate or Transformative", ambitious),
            _rule(
                "high_completion", "most recent completion Substantial or Complete", high_completion
            ),
            _rule("strong_results", "did it open government Major or Outstanding", strong_results),
            _rule(
                "star_midterm",
                f"starred at mid-term ({star.name} rule)",
                lambda a: star_midterm(a, star),
            ),
            _rule(
                "star_end_of_term",
                f"starred at end of term ({star.name} rule)",
                lambda a: star_end_of_term(a, star),
            ),
            _rule("max_star", "starred at the most recent assessment", lambda a: max_star(a, star)),
            _rule(
                "potentially_starred",
                "the star rule without completion",
                lambda a: potentially_starred(a, star),
            ),
            _rule("high_ambition", "ambitious and relevant", high_ambition),
            _rule("quadrant", "ambition × completion quadrant", quadrant),
            _rule("irm_based_score", "OGP's IRM-based score", irm_based_score),
            _rule(
                "binding_constraint",
                "the first star condition that fails",
                lambda a: binding_constraint(a, star),
            ),
        ],
    )
