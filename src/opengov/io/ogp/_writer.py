"""Writing plans back to OGP's 171-column commitment export.

Base columns come from the typed fields (and from ``extra``, verbatim); the derived analysis
columns are computed by the library's rules, never copied. The file is written as OGP writes it:
UTF-8 without BOM, CRLF between records, bare LF inside quoted cells, minimal quoting, and no line
break after the last record.

``spreadsheet_safe=True`` is for a file that people will open in a spreadsheet (Excel,
LibreOffice, Google Sheets): every cell that a spreadsheet would run as a formula (leading ``=``,
``+``, ``-``, ``@``, tab or carriage return) gets an apostrophe in front, as the CSV tables do
(:mod:`opengov.io._spreadsheet`), and the file starts with a byte-order mark so that spreadsheets
read it as UTF-8. :func:`~opengov.io.ogp.read_export` with ``spreadsheet_safe=True`` reads the
original text back.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from pathlib import Path

from opengov.io._fs import atomic_write
from opengov.io._spreadsheet import neutralise
from opengov.io.ogp._codec import FLAG_01, write_label, write_year
from opengov.io.ogp._codes import ogp_code
from opengov.io.ogp._columns import (
    COLUMNS,
    COMMITMENT_EXTRA_COLUMNS,
    LABEL_COLUMNS,
    PARTLY_DERIVED_COLUMNS,
    PLAN_COLUMNS,
    TAG_COLUMNS,
    VALUE_COLUMNS,
)
from opengov.io.ogp._derived import derived_cells
from opengov.model import (
    ActionPlan,
    Commitment,
    ExtraField,
    Flag,
    IRMAssessment,
    PlanCollection,
)
from opengov.rules.base import RuleSet
from opengov.rules.ogp import ACTIVE_SINCE

__all__ = ["dumps_export", "export_rows", "write_export"]

Plans = PlanCollection | ActionPlan | Iterable[ActionPlan]

_EXTRA_DEFAULTS = {"Commitment Dummy": "1", "Theme": "NA", "Start Date": "NA", "End Date": "NA"}


def _plans(plans: Plans) -> list[ActionPlan]:
    if isinstance(plans, PlanCollection):
        return list(plans.plans)
    if isinstance(plans, ActionPlan):
        return [plans]
    found = list(plans)
    for plan in found:
        if not isinstance(plan, ActionPlan):
            raise TypeError(
                f"write_export expects action plans or a plan collection, got a {type(plan).__name__}"
            )
    return found


def _ordered(plans: list[ActionPlan]) -> list[tuple[ActionPlan, Commitment]]:
    """Rows in the export's order: by commitment number when numbers are unique across the
    collection (as :func:`read_export` makes them), else plan by plan."""
    pairs = [(plan, c) for plan in plans for c in plan.commitments]
    numbers = [c.number for _, c in pairs]
    if len(set(numbers)) == len(numbers):
        pairs.sort(key=lambda pair: pair[1].number)
    return pairs


def export_rows(
    plans: Plans,
    *,
    active_since: int = ACTIVE_SINCE,
    rules: RuleSet[IRMAssessment] | None = None,
    spreadsheet_safe: bool = False,
) -> list[list[str]]:
    """The export's records for these plans (header first), every cell as text.

    ``rules`` is the export rule set the derived columns come from (default:
    :func:`opengov.rules.ogp.export_rules`); ``spreadsheet_safe=True`` neutralises the cells a
    spreadsheet would run as formulas.
    """
    rows: list[list[str]] = [list(COLUMNS)]
    plan_list = _plans(plans)
    plan_cells = {id(plan): _plan_cells(plan) for plan in plan_list}
    for plan, commitment in _ordered(plan_list):
        row = _row(plan, plan_cells[id(plan)], commitment, active_since, rules)
        rows.append([neutralise(cell) for cell in row] if spreadsheet_safe else row)
    return rows


def dumps_export(
    plans: Plans,
    *,
    active_since: int = ACTIVE_SINCE,
    rules: RuleSet[IRMAssessment] | None = None,
    spreadsheet_safe: bool = False,
) -> str:
    """The export's text for these plans (see :func:`write_export`)."""
    buffer = io.StringIO()
    if spreadsheet_safe:
        buffer.write("\ufeff")
    csv.writer(buffer, lineterminator="\r\n").writerows(
        export_rows(
            plans, active_since=active_since, rules=rules, spreadsheet_safe=spreadsheet_safe
        )
    )
    text = buffer.getvalue()
    return text[:-2] if text.endswith("\r\n") else text


def write_export(
    plans: Plans,
    path: str | Path,
    *,
    active_since: int = ACTIVE_SINCE,
    rules: RuleSet[IRMAssessment] | None = None,
    spreadsheet_safe: bool = False,
) -> int:
    """Write plans (a collection, one plan, or several) as OGP's 171-column export.

    Returns the number of commitment rows written. ``active_since`` is the year from which a
    plan still running counts as active (``Active Commitment``; 2024 for the sample). ``rules``
    is the export rule set the derived columns come from (default:
    :func:`opengov.rules.ogp.export_rules`). ``spreadsheet_safe=True`` neutralises the cells a
    spreadsheet would run as formulas and writes a byte-order mark: use it for a file people
    will open in a spreadsheet. The file is written atomically.
    """
    text = dumps_export(
        plans, active_since=active_since, rules=rules, spreadsheet_safe=spreadsheet_safe
    )
    atomic_write(path, lambda tmp: tmp.write_bytes(text.encode("utf-8")))
    return sum(len(plan.commitments) for plan in _plans(plans))


# --- cells --------------------------------------------------------------------------------------


def _extras(fields: Iterable[ExtraField]) -> dict[str, str]:
    return {f.name: f.value for f in fields}


def _plan_cells(plan: ActionPlan) -> dict[str, str]:
    extra = _extras(plan.extra)
    start = plan.period.start.year if plan.period and plan.period.start else None
    end = plan.period.end.year if plan.period and plan.period.end else None
    duration = str(end - start) if start is not None and end is not None else "ND"
    typed = {
        "Country/Locality": plan.member or plan.country,
        "Action Plan Number": None if plan.number is None else str(plan.number),
        "Code": ogp_code(plan.country, extra.get("Code")),
        "Year Of Submission": None if start is None else str(start),
        "Action Plan End Year": None if end is None else str(end),
        "Action Plan Duration (Years)": extra.get("Action Plan Duration (Years)", duration),
        "Action Plan ID": plan.id,
    }
    cells = {}
    for column in PLAN_COLUMNS:
        value = typed.get(column)
        if value is None:
            value = extra.get(column, "ND")
        cells[column] = value
    cells["_end_year"] = "" if end is None else str(end)
    return cells


def _flag_cell(value: Flag, column: str, extra: Mapping[str, str]) -> str:
    """A flag's cell, in the source's own spelling while that still says the same."""
    written = extra.get(column)
    if written is not None and FLAG_01.read(written)[0] is value:
        return written
    return FLAG_01.write(value)


def _row(
    plan: ActionPlan,
    plan_cells: Mapping[str, str],
    c: Commitment,
    active_since: int,
    rules: RuleSet[IRMAssessment] | None,
) -> list[str]:
    extra = _extras(c.extra)
    a = c.irm or IRMAssessment()
    end_year_text = plan_cells["_end_year"]
    cells: dict[str, str] = {}
    for column in PLAN_COLUMNS:
        cells[column] = extra.get(column, plan_cells[column])
    prefix = f"{plan.id}/"
    cells["Commitment Unique Identifier"] = c.id[len(prefix) :] if c.id.startswith(prefix) else c.id
    cells["Commitment Number"] = c.reference if c.reference is not None else str(c.number)
    cells["Commitment Title"] = c.title
    cells["Short Title"] = c.short_title if c.short_title is not None else c.title
    cells["Full Text"] = c.description if c.description is not None else "NA"
    names = {org.id: org.name for org in plan.organisations}
    lead = [names.get(org, org) for org in c.lead_organisations]
    cells["Lead Institution"] = ", ".join(lead) if lead else "NA"
    supporting = [names.get(org, org) for org in c.supporting_organisations] + c.other_actors
    cells["Supporting Institution(s)"] = ", ".join(supporting) if supporting else "NA"
    themes = set(c.themes)
    for column in TAG_COLUMNS:
        cells[column] = "1" if column in themes else extra.get(column, "0")
    for column in COMMITMENT_EXTRA_COLUMNS:
        cells[column] = extra.get(column, _EXTRA_DEFAULTS.get(column, "ND"))
    for lc in LABEL_COLUMNS:
        label, twin = write_label(lc, getattr(a, lc.field), extra.get(lc.column))
        cells[lc.column], cells[lc.twin] = label, extra.get(lc.twin, twin)
    for field, column in VALUE_COLUMNS:
        cells[column] = _flag_cell(getattr(a.values, field), column, extra)
    cells["Carried Forward"] = _flag_cell(a.carried_forward, "Carried Forward", extra)
    cells["Report Publication Year (Progress Report)"] = write_year(a.progress_report_year)
    cells["Report Publication Year (End Of Term)"] = write_year(a.end_of_term_report_year)
    end_year = _year(end_year_text)
    if "Action Plan End Year" in extra:
        end_year = _year(extra["Action Plan End Year"]) or end_year
    cells.update(derived_cells(a, end_year, active_since, rules=rules))
    # Verifiable and _Relevant: the rule's value (the IRM's own input where it is not derived), in
    # the source's spelling when that says the same thing ("1" for "Yes").
    for column in PARTLY_DERIVED_COLUMNS:
        written = extra.get(column)
        if written is not None and FLAG_01.same(written, cells[column]):
            cells[column] = written
    return [cells[column] for column in COLUMNS]


def _year(text: str | None) -> int | None:
    """A four-digit year, else None."""
    if text and len(text) == 4 and text.isascii() and text.isdigit():
        return int(text)
    return None
