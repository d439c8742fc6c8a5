"""The reports' colours, defined once: one per milestone status and per conformity verdict.

Unknown is a grey no other status or verdict uses, so an unknown milestone can never be read
as done. Shades follow ColorBrewer's RdYlGn and PuOr schemes.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from opengov.model import Conformity, MilestoneStatus

__all__ = ["MILESTONE_COLOURS", "NO_VERDICT", "TRACK", "UNKNOWN", "VERDICT_COLOURS", "ink"]

#: The colour of anything unknown: a status, a verdict not stated.
UNKNOWN = "#bababa"
#: The background of a bar.
TRACK = "#f4f4f4"

#: One colour per milestone status.
MILESTONE_COLOURS: Mapping[MilestoneStatus, str] = MappingProxyType(
    {
        MilestoneStatus.DONE: "#1a9850",
        MilestoneStatus.DONE_ONGOING: "#66bd63",
        MilestoneStatus.SUBSTANTIALLY_DONE: "#a6d96a",
        MilestoneStatus.PARTIALLY_DONE: "#fee08b",
        MilestoneStatus.IN_PROGRESS: "#74add1",
        MilestoneStatus.NOT_DONE: "#d73027",
        MilestoneStatus.SUSPENDED: "#8073ac",
        MilestoneStatus.NOT_ADDRESSED: "#fdae61",
        MilestoneStatus.UNKNOWN: UNKNOWN,
    }
)

#: One colour per conformity verdict.
VERDICT_COLOURS: Mapping[Conformity, str] = MappingProxyType(
    {
        Conformity.FULL: "#1a9850",
        Conformity.PARTIAL: "#fee08b",
        Conformity.LIMITED: "#f46d43",
        Conformity.NOT_APPLICABLE: "#ffffff",
    }
)
#: The colour of an assessment with no stated verdict.
NO_VERDICT = UNKNOWN


def ink(fill: str) -> str:
    """Black or white text, whichever contrasts more with ``fill`` (``#rrggbb``, WCAG 2)."""
    channels = (int(fill[i : i + 2], 16) / 255 for i in (1, 3, 5))
    red, green, blue = (
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    )
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    on_black = (luminance + 0.05) / 0.05
    on_white = 1.05 / (luminance + 0.05)
    return "#000000" if on_black >= on_white else "#ffffff"
