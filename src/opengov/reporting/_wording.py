"""The sentences every report format shares, so text, Markdown and HTML say the same thing.

Milestones: how many of all are done and how many have an unknown status, each count with what
it is out of — never a share of the known ones alone. "Done" and "unknown" are what the progress
rules say (:data:`opengov.rules.progress.DEFAULT_MILESTONE_WEIGHTS`: a status weighing 1 is done,
a status with no weight is unknown). Commitments: the completion rate of
:func:`opengov.rules.progress.completion_rate`, with its unknowns and range.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable

from attrs import frozen

from opengov.model import (
    ActionPlan,
    Commitment,
    Completion,
    Milestone,
    MilestoneStatus,
    StatedFigure,
    text_in,
)
from opengov.model.standards import Standard, StandardSet
from opengov.model.text import Translated
from opengov.reporting._frame import Frame
from opengov.rules.progress import DEFAULT_MILESTONE_WEIGHTS, CompletionRate, current_completion

__all__ = [
    "DONE_STATUSES",
    "MilestoneCounts",
    "Shown",
    "completion_levels",
    "completion_sentence",
    "leads",
    "one_line",
    "sentence",
    "shipped_standard_sets",
    "shown",
    "standard_name",
    "standard_order",
]

#: Statuses counted as done: those the progress rules weigh as fully done.
DONE_STATUSES = frozenset(s for s, w in DEFAULT_MILESTONE_WEIGHTS.items() if w == 1)
_LIST_SEP = " · "
_SPACES = re.compile(r"[ \t\n\r\f\v]+")


def one_line(text: str) -> str:
    """``text`` on one line: each run of white space becomes one space, except no-break spaces
    ("25\u00a0%"), which stay."""
    return _SPACES.sub(" ", text).strip(" ")


def sentence(text: str) -> str:
    """``text`` with a capital first letter."""
    return text[:1].upper() + text[1:]


@frozen
class MilestoneCounts:
    """Milestones counted by status."""

    by_status: dict[MilestoneStatus, int]

    @classmethod
    def of(cls, milestones: Iterable[Milestone]) -> MilestoneCounts:
        """Count ``milestones`` by status."""
        counts = Counter(m.status for m in milestones)
        return cls({s: counts[s] for s in MilestoneStatus if counts[s]})

    @property
    def total(self) -> int:
        """All milestones."""
        return sum(self.by_status.values())

    @property
    def done(self) -> int:
        """Milestones whose status is a done one."""
        return sum(n for s, n in self.by_status.items() if s in DONE_STATUSES)

    @property
    def unknown(self) -> int:
        """Milestones whose status the progress rules cannot weigh (unknown)."""
        return sum(n for s, n in self.by_status.items() if s not in DEFAULT_MILESTONE_WEIGHTS)

    def summary(self, frame: Frame) -> str:
        """Done of all, and unknown: "milestones done: 1 of 4 (25%); status unknown: 3", or "no
        milestones"."""
        if not self.total:
            return frame("no_milestones")
        text = frame(
            "milestones_done",
            done=self.done,
            total=self.total,
            share=frame.percent(self.done / self.total),
        )
        if self.unknown:
            text += frame("sep") + frame("milestones_unknown", count=self.unknown)
        return text

    def breakdown(self, frame: Frame) -> str:
        """Every status present, in vocabulary order: "Done (2) · In progress (1) · Unknown (3)"."""
        return _LIST_SEP.join(f"{frame.label(s)} ({n})" for s, n in self.by_status.items())

    @property
    def tells_more(self) -> bool:
        """Whether the breakdown says more than :meth:`summary`: a status other than plain
        done or unknown is present."""
        return any(s not in (MilestoneStatus.DONE, MilestoneStatus.UNKNOWN) for s in self.by_status)

    def full(self, frame: Frame) -> str:
        """The summary, followed by the breakdown when it tells more."""
        if not self.tells_more:
            return self.summary(frame)
        return f"{self.summary(frame)} — {self.breakdown(frame)}"


def completion_levels(plan: ActionPlan, frame: Frame) -> str:
    """Commitments by completion level: "Limited (1) · Unknown (20)"."""
    counts = Counter(current_completion(c)[0] for c in plan.commitments)
    if not counts:
        return frame("no_commitments")
    return _LIST_SEP.join(f"{frame.label(c)} ({counts[c]})" for c in Completion if counts[c])


def completion_sentence(rate: CompletionRate, frame: Frame) -> str:
    """The completion rate with what it is out of: achieved of known, unknowns, and the range
    over all counted commitments."""
    if rate.rate is None:
        parts = [frame("rate_none_known")]
    else:
        parts = [
            frame(
                "rate_known",
                achieved=rate.achieved,
                known=rate.known,
                rate=frame.percent(rate.rate),
            )
        ]
    if rate.unknown and rate.lowest is not None and rate.highest is not None:
        parts.append(
            frame(
                "rate_unknown",
                unknown=rate.unknown,
                counted=rate.counted,
                lowest=frame.percent(rate.lowest),
                highest=frame.percent(rate.highest),
            )
        )
    if rate.excluded:
        parts.append(frame("rate_excluded", excluded=rate.excluded))
    return frame("sep").join(parts)


@frozen
class Shown:
    """A text field as a report shows it: the text in the report's language where the object
    has it, else in its own language, named in ``fallback`` so the report can say so."""

    text: str
    language: str
    fallback: str | None

    def marked(self) -> str:
        """The text, followed by ``[es]`` when it is not in the report's language."""
        return f"{self.text} [{self.fallback}]" if self.fallback else self.text


def shown(obj: Translated, name: str, plan: ActionPlan, frame: Frame) -> Shown:
    """Field ``name`` of ``obj`` in the report's language, falling back visibly to the
    language the object's text is written in (its own ``language``, else the plan's)."""
    own = getattr(obj, "language", None) or plan.language
    text, found = text_in(obj, name, frame.lang, default_language=own)
    same = found.split("-")[0].lower() == frame.lang
    return Shown(text or "", found, None if same else found)


def stated_by(figure: StatedFigure, frame: Frame) -> str:
    """Who states a figure: the plan, or the source the figure names."""
    return frame("stated_by", source=figure.source) if figure.source else frame("stated")


def leads(plan: ActionPlan, commitment: Commitment) -> str:
    """The lead organisations' acronyms (or names), "—" if none."""
    known = {o.id: o for o in plan.organisations}
    names = [
        (known[i].acronym or known[i].name) if i in known else i
        for i in commitment.lead_organisations
    ]
    return "; ".join(names) or "—"


@functools.cache
def shipped_standard_sets() -> tuple[StandardSet, ...]:
    """The shipped standard sets, read once: the conformity rules' requirements."""
    from opengov import standards

    return tuple(standards.load_all())


@functools.cache
def _standards() -> dict[str, Standard]:
    return {s.id: s for standard_set in shipped_standard_sets() for s in standard_set.standards}


def standard_name(standard_id: str, frame: Frame) -> str:
    """A shipped standard's title in the frame's language (English if it has none there), or
    the id of a standard not shipped."""
    standard = _standards().get(standard_id)
    if standard is None:
        return standard_id
    if frame.lang == "fr" and standard.title_fr:
        return standard.title_fr
    return standard.title_en


def standard_order(standard_id: str) -> tuple[bool, str, int]:
    """A sort key: shipped standards in their published order, others after."""
    standard = _standards().get(standard_id)
    if standard is None:
        return (True, standard_id, 0)
    return (False, standard.regime, standard.number)
