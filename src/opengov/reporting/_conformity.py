"""Stated and derived conformity verdicts, and the IRM beside the self-assessment, worded for
the reports (plain strings; each document format escapes them its own way)."""

from __future__ import annotations

from attrs import frozen

from opengov.model import ActionPlan, Conformity, Phase, PublicInfluence
from opengov.reporting._frame import Frame
from opengov.reporting._wording import shipped_standard_sets, standard_name
from opengov.rules.beside_irm import SideBySide
from opengov.rules.scorecard import ConformityLine, conformity_lines

__all__ = ["VerdictRow", "irm_row", "verdict_rows"]


@frozen
class VerdictRow:
    """One participation assessment as a report shows it."""

    standard: str
    phase: str
    stated: str
    phrase: str
    derived: str
    agreement: str

    @property
    def cells(self) -> tuple[str, str, str, str, str, str]:
        """The row's cells, in the order of the reports' participation table."""
        return (self.standard, self.phase, self.stated, self.phrase, self.derived, self.agreement)


def _stated(line: ConformityLine, frame: Frame) -> str:
    if line.stated is None:
        return "—"
    verdict = frame.label(line.stated)
    if line.alternative is None:
        return verdict
    alternative = frame.label(line.alternative)
    alternative = alternative[:1].lower() + alternative[1:]
    return frame("verdict_alternative", verdict=verdict, alternative=alternative)


def _agreement(line: ConformityLine, frame: Frame) -> str:
    if line.agrees is None:
        return "—"
    if line.agrees:
        return frame("verdicts_agree")
    return frame("verdicts_differ", requirements=", ".join(line.differing) or "—")


def verdict_rows(
    plan: ActionPlan, frame: Frame, lines: list[ConformityLine] | None = None
) -> list[VerdictRow]:
    """Each participation assessment: standard, phase, stated verdict (with its alternative),
    the document's words, the verdict derived from findings and whether the two agree."""
    lines = conformity_lines(plan, shipped_standard_sets()) if lines is None else lines
    rows: list[VerdictRow] = []
    for assessment, line in zip(plan.participation, lines, strict=True):
        derived = line.derived.value
        rows.append(
            VerdictRow(
                standard_name(assessment.standard, frame),
                frame.label(assessment.phase),
                _stated(line, frame),
                assessment.verdict_phrase or "—",
                frame.label(derived) if derived is not None else "—",
                _agreement(line, frame),
            )
        )
    return rows


_QUESTIONS = {
    "multistakeholder_forum": "irm_forum",
    "overall_conformity": "overall",
    "acted_contrary_to_process": "irm_acted_contrary",
    "acted_according_to_process": "irm_acted_according",
}
_ANSWERS = {"yes": "value_yes", "no": "value_no", "partly": "value_partly"}


def _question(answers: str, frame: Frame) -> str:
    if answers.startswith("public_influence["):
        phase = Phase(answers.removeprefix("public_influence[").removesuffix("]"))
        return f"{frame('public_influence')} ({frame.label(phase).lower()})"
    return frame(_QUESTIONS[answers])


def _answer(answers: str, code: str | None, frame: Frame) -> str:
    if code is None:
        return "—"
    if code in _ANSWERS:
        return frame(_ANSWERS[code])
    if answers.startswith("public_influence["):
        return frame.label(PublicInfluence(code))
    return frame.label(Conformity(code))


def irm_row(row: SideBySide, frame: Frame) -> tuple[str, str, str]:
    """A side-by-side point as three cells in ``frame``'s language: the question, the
    government's answer and the IRM's (each prefixed by its own question where the two differ)."""
    government = _answer(row.government_answers, row.government, frame)
    irm = _answer(row.irm_answers, row.irm, frame)
    if row.government_answers == row.irm_answers:
        return _question(row.government_answers, frame), government, irm
    return (
        frame("irm_process"),
        frame.pair(_question(row.government_answers, frame), government),
        frame.pair(_question(row.irm_answers, frame), irm),
    )
