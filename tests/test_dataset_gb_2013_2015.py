"""The bundled UK 2013-15 excerpt: a milestone table whose dates mix M/D/Y and D/M/Y, and two
status scales (the tracker's and the end-of-term self-assessment's)."""

from __future__ import annotations

import opengov
from opengov.model import Completion, MilestoneStatus


def test_milestone_status_columns_read_in_either_order() -> None:
    plan = opengov.datasets.load("gb-2013-2015")
    milestone = plan.commitment(1).milestone("gb-2013-2015/c01/m2")
    columns = [(u.date.phrase, u.date.iso(), u.status_phrase) for u in milestone.progress if u.date]
    assert columns == [
        ("4/30/2014", "2014-04-30", "Behind schedule"),
        ("30/9/2014", "2014-09-30", "Behind schedule"),
        ("31/1/2015", "2015-01-31", "Behind schedule"),
        ("30/06/2015", "2015-06-30", "Closed"),
        ("31/12/2015", "2015-12-31", "Closed"),
    ]
    assert {u.scale for u in milestone.progress} == {"uk-2013-tracker"}
    assert milestone.status is MilestoneStatus.UNKNOWN and milestone.status_phrase == "Closed"


def test_commitment_completion_is_the_self_assessments() -> None:
    plan = opengov.datasets.load("gb-2013-2015")
    first = plan.commitment(1)
    assert [(u.reporter.value, u.scale, u.status_phrase) for u in first.progress] == [
        ("tracker", "uk-2013-tracker", "In progress"),
        ("government", "uk-2013-self-assessment", "Completed"),
    ]
    assert {c.number: c.completion for c in plan.commitments} == {
        1: Completion.COMPLETE,
        2: Completion.WITHDRAWN,
        5: Completion.SUBSTANTIAL,
        7: Completion.COMPLETE,
        8: Completion.LIMITED,
        12: Completion.SUBSTANTIAL,
        13: Completion.COMPLETE,
        21: Completion.SUBSTANTIAL,
    }


def test_a_milestone_with_two_deadlines_is_due_by_the_later() -> None:
    milestone = opengov.datasets.load("gb-2013-2015").commitment(1).milestone("gb-2013-2015/c01/m6")
    assert milestone.due is not None
    assert milestone.due.phrase == "by April 2014, followed by their ALBs by September 2014"
    assert milestone.due.iso() == "../2014-09"
