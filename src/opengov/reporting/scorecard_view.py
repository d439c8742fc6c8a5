"""Scorecards for people (text) and machines (a JSON-ready dict)."""

from __future__ import annotations

from enum import Enum
from typing import Any

import attrs

from opengov._display import terminal
from opengov.reporting._escape import plain
from opengov.reporting._frame import Frame
from opengov.rules.base import Outcome
from opengov.rules.progress import CompletionRate
from opengov.rules.scorecard import Scorecard

__all__ = ["scorecard_dict", "scorecard_text", "value_text"]

_ENGLISH = Frame("en")


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, CompletionRate):
        return {
            **attrs.asdict(value),
            "rate": value.rate,
            "lowest": value.lowest,
            "highest": value.highest,
        }
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _outcome(outcome: Outcome) -> dict[str, Any]:
    return {
        "value": _plain(outcome.value),
        "explanation": outcome.explanation,
        "inputs": _plain(dict(outcome.inputs)),
    }


def scorecard_dict(card: Scorecard) -> dict[str, Any]:
    """The scorecard as plain JSON-ready data."""
    return {
        "plan": card.plan_id,
        "title": card.title,
        "as_of": card.as_of.isoformat() if card.as_of else None,
        "unknown_completions": card.unknown_completions,
        "stated": card.stated,
        "figures": {name: _outcome(o) for name, o in card.figures.items()},
        "conformity": [
            {
                "assessment": line.assessment,
                "standard": line.standard,
                "phase": line.phase,
                "stated": line.stated.value if line.stated else None,
                "stated_alternative": line.alternative.value if line.alternative else None,
                "derived": _outcome(line.derived),
                "agrees": line.agrees,
                "differing_requirements": list(line.differing),
            }
            for line in card.conformity
        ],
        "beside_irm": [attrs.asdict(row) for row in card.beside_irm],
        "commitments": {
            cid: {name: _outcome(o) for name, o in outcomes.items()}
            for cid, outcomes in card.commitments.items()
        },
    }


def value_text(outcome: Outcome, frame: Frame = _ENGLISH) -> str:
    """A short readable form of an outcome's value, in ``frame``'s language (English by
    default); a completion rate says what it is out of."""
    value = outcome.value
    if value is None:
        return frame("value_unknown")
    if isinstance(value, CompletionRate):
        known = (
            frame("rate_value_none")
            if value.rate is None
            else frame("rate_value", rate=frame.percent(value.rate), known=value.known)
        )
        if not value.unknown or value.lowest is None or value.highest is None:
            return known
        return frame(
            "rate_value_range",
            known=known,
            unknown=value.unknown,
            lowest=frame.percent(value.lowest),
            highest=frame.percent(value.highest),
            counted=value.counted,
        )
    if isinstance(value, bool):
        return frame("value_yes" if value else "value_no")
    if isinstance(value, float):
        return frame.percent(value)
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, list):
        return str(len(value))
    if outcome.rule == "progress_history" and isinstance(value, dict):
        updates = sum(len(entries) for entries in value.values())
        return frame("progress_value", updates=updates, units=len(value))
    if isinstance(value, dict):
        return ", ".join(f"{k} {v}" for k, v in value.items()) or frame("value_none")
    return str(value)


def _conformity_lines(card: Scorecard) -> list[str]:
    rule = next((line.derived.inputs.get("rule") for line in card.conformity), None)
    lines = ["", f"Conformity (stated / derived from findings by rule {rule})"]
    for line in card.conformity:
        stated = line.stated.value if line.stated else "—"
        if line.alternative is not None:
            stated += f" (or {line.alternative.value})"
        derived = plain(value_text(line.derived))
        verdict = {True: "agree", False: "differ", None: "—"}[line.agrees]
        where = f"{plain(line.standard):<24} {plain(line.phase):<15}"
        lines.append(f"  {where} {stated:<31} {derived:<15} {verdict}")
        if line.agrees is False:
            lines.append("      differs on: " + plain(", ".join(line.differing)))
            gap = line.derived.inputs.get("phase_gap")
            if gap:
                lines.append(f"      {plain(gap)}")
    return lines


def scorecard_text(card: Scorecard) -> str:
    """A readable scorecard: each figure, its value and why (every value from the plan on one
    line, controls escaped and bidi isolated: see :mod:`opengov.reporting._escape`)."""
    p = plain
    lines = [f"Scorecard: {p(card.title)}", ""]
    if card.as_of:
        lines.append(f"As of {card.as_of.isoformat()}")
    for name, value in card.stated.items():
        lines.append(f"Stated: {p(name)}: {p(value)}")
    lines.append(f"Commitments with no known completion: {card.unknown_completions}")
    lines.append("")
    for name, outcome in card.figures.items():
        regime = outcome.inputs.get("regime")
        label = name.replace("_", " ") + (f" (regime {p(regime)})" if regime else "")
        lines.append(f"{label}: {p(value_text(outcome))}")
        lines.append(f"    {p(outcome.explanation)}")
    history = card.figures.get("progress_history")
    if history is not None and history.value:
        lines += ["", "Progress over time (date, reported by, status as written, completion, %)"]
        for unit, updates in history.value.items():
            lines.append(f"  {p(unit)}")
            for update in updates:
                percent = "" if update["percent"] is None else f" {update['percent']:g}%"
                if update["expected_percent"] is not None:
                    percent += f" (expected {update['expected_percent']:g}%)"
                phrase = p(update["status_phrase"] or "—")
                lines.append(
                    f"    {p(update['date'] or '—'):<12} {p(update['reporter']):<14} {phrase} "
                    f"[{p(update['completion'])}]{percent}"
                )
    if card.conformity:
        lines += _conformity_lines(card)
    if card.beside_irm:
        lines += ["", "Self-assessment beside the IRM (government / IRM)"]
        for row in card.beside_irm:
            agrees = {True: "agree", False: "differ", None: "—"}[row.agrees]
            government, irm = p(row.government or "not stated"), p(row.irm or "not stated")
            if row.government_answers != row.irm_answers:
                government = f"{row.government_answers} {government}"
                irm = f"{row.irm_answers} {irm}"
            lines.append(f"  {p(row.topic):<30} {government} / {irm} [{agrees}]")
            sources = (
                f"government: {p(row.government_source or '—')}; IRM: {p(row.irm_source or '—')}"
            )
            lines.append(f"      {sources}" + (f"; {row.note}" if row.note else ""))
    lines += ["", "Commitments"]
    for cid, outcomes in card.commitments.items():
        parts = [f"{name.replace('_', ' ')} {value_text(o)}" for name, o in outcomes.items()]
        lines.append(f"  {p(cid)}: {p('; '.join(parts))}")
    return terminal("\n".join(lines) + "\n")
