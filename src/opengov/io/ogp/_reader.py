"""Reading OGP's 171-column commitment export into typed plans.

:func:`read_export` groups the rows by action plan and returns an :class:`ExportRead`: the
:class:`~opengov.model.PlanCollection`, the warnings (a numeric twin that disagrees with its label,
a label written in an unusual way, a plan column that differs between two rows of one plan, ...)
and the rows that could not be read, each an :class:`~opengov.Issue` with its row number, column,
commitment identifier and value. Nothing is silently dropped: a value with no typed home is kept
verbatim in ``extra``, and an unreadable row is reported while the others still load.

Row numbers count the header as row 1, so the first commitment is row 2 (as a spreadsheet shows).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from attrs import define

from opengov.errors import LoadError
from opengov.io._fs import read_regular_file
from opengov.io._spreadsheet import restore
from opengov.io.ogp._codec import (
    FLAG_01,
    FLAG_YES_NO,
    FlagCodec,
    LabelColumn,
    read_label,
    read_marker,
    read_year,
    twin_of,
)
from opengov.io.ogp._codes import country_of
from opengov.io.ogp._columns import (
    COLUMNS,
    COMMITMENT_EXTRA_COLUMNS,
    DERIVED_COLUMNS,
    LABEL_COLUMNS,
    PARTLY_DERIVED_COLUMNS,
    PLAN_COLUMNS,
    PLAN_EXTRA_COLUMNS,
    TAG_COLUMNS,
    VALUE_COLUMNS,
)
from opengov.io.ogp._derived import derived_cells, derived_outcomes
from opengov.issues import Issue, Severity
from opengov.model import (
    ActionPlan,
    Commitment,
    DateSpan,
    ExtraField,
    Flag,
    IRMAssessment,
    Missing,
    Organisation,
    PlanCollection,
    Specificity,
    ValueRelevance,
)
from opengov.model.dates import PartialDate
from opengov.model.vocab import Vocabulary, normalise_label
from opengov.rules.base import RuleSet
from opengov.rules.ogp import ACTIVE_SINCE, export_rules

__all__ = ["ExportRead", "loads_export", "read_export"]

_COLUMN_INDEX = {name: i for i, name in enumerate(COLUMNS)}
_OPTIONAL_COLUMNS = frozenset(DERIVED_COLUMNS)
_DERIVING = (Flag.NO, Flag.NOT_REVIEWED)  # all three value flags No (or NR) decide relevance
_SLUG = re.compile(r"[^a-z0-9]+")


def _cell_issue(
    row: int,
    column: str,
    code: str,
    message: str,
    *,
    value: str | None = None,
    commitment: str | None = None,
    severity: Severity = Severity.ERROR,
) -> Issue:
    """An issue located at a cell: path ``row N, column 'X'``, with row and column as data."""
    return Issue(
        f"row {row}, column {column!r}",
        code,
        message,
        severity,
        value=value,
        row=row,
        column=column,
        commitment=commitment,
    )


@define
class ExportRead:
    """What :func:`read_export` found: the plans, the warnings and the unreadable rows.

    ``warnings`` are issues of severity warning about rows that were read; their ``code`` says
    what happened: ``"twin"`` (a numeric twin disagrees with its label; both are kept),
    ``"label"`` (a label spelled unusually, read leniently and kept verbatim), ``"plan"`` (a plan
    column differs between rows of one plan), ``"tag"`` (a policy-area cell that is not 0/1),
    ``"column"`` (a column missing or unknown) or ``"derived"`` (OGP's derived value differs from
    the rule's; only with ``check_derived=True``). ``errors`` are the issues (severity error)
    that left a row out. Each has the path ``row N, column 'X'`` and its ``row``, ``column``,
    ``value`` (the cell) and ``commitment`` (the row's Commitment Unique Identifier).
    """

    collection: PlanCollection
    warnings: list[Issue]
    errors: list[Issue]
    rows: int
    source: str | None = None

    @property
    def plans(self) -> list[ActionPlan]:
        """The action plans, in order of first appearance in the export."""
        return self.collection.plans

    @property
    def commitments(self) -> int:
        """How many commitments were read."""
        return sum(len(plan.commitments) for plan in self.collection.plans)

    @property
    def ok(self) -> bool:
        """True when every row was read."""
        return not self.errors

    def raise_for_errors(self) -> None:
        """Raise :class:`~opengov.LoadError` listing every unreadable row, if there is one."""
        if self.errors:
            raise LoadError(self.errors, source=self.source)


# --- the public functions -----------------------------------------------------------------------


def read_export(
    path: str | Path,
    *,
    check_derived: bool = False,
    strict: bool = False,
    active_since: int = ACTIVE_SINCE,
    rules: RuleSet[IRMAssessment] | None = None,
    spreadsheet_safe: bool = False,
) -> ExportRead:
    """Read OGP's commitment export (``.csv``, UTF-8) into a plan collection.

    Rows are grouped into one :class:`~opengov.model.ActionPlan` per ``Action Plan ID``. An
    unreadable row (a truncated row, an unknown label) is listed in ``errors`` and left out;
    the others load. ``strict=True`` raises :class:`~opengov.LoadError` instead. A missing column
    or a file that is not a CSV table always raises :class:`~opengov.LoadError`.
    ``check_derived=True`` also compares OGP's derived columns with the library's rules and
    reports each difference as a warning of code ``"derived"``. ``rules`` is the export rule set
    (default: :func:`opengov.rules.ogp.export_rules`) that derives an empty ``Verifiable`` or
    ``_Relevant`` cell and that the derived columns are compared with. ``spreadsheet_safe=True``
    reads a file written with :func:`~opengov.io.ogp.write_export`'s ``spreadsheet_safe=True``:
    the apostrophe put before each would-be formula is removed.
    """
    source = str(path)
    try:
        data = read_regular_file(Path(path))
    except OSError as exc:
        raise LoadError(
            [Issue("", "unreadable", exc.strerror or str(exc))], source=source
        ) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LoadError(
            [Issue(f"byte {exc.start}", "not-utf8", "not UTF-8 text")], source=source
        ) from None
    return loads_export(
        text,
        source=source,
        check_derived=check_derived,
        strict=strict,
        active_since=active_since,
        rules=rules,
        spreadsheet_safe=spreadsheet_safe,
    )


def loads_export(
    text: str,
    *,
    source: str | None = None,
    check_derived: bool = False,
    strict: bool = False,
    active_since: int = ACTIVE_SINCE,
    rules: RuleSet[IRMAssessment] | None = None,
    spreadsheet_safe: bool = False,
) -> ExportRead:
    """Read the export from its text (see :func:`read_export`)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    records = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(records)
    except StopIteration:
        raise LoadError(
            [Issue("row 1", "csv-header", "empty file: no header row")], source=source
        ) from None
    except csv.Error as exc:
        raise LoadError(
            [Issue("row 1", "csv-syntax", f"not a CSV table: {exc}")], source=source
        ) from None
    reader = _Reader(header, source, check_derived, active_since, rules or export_rules())
    row = 1
    try:
        for row, cells in enumerate(records, start=2):
            reader.read_row(row, [restore(cell) for cell in cells] if spreadsheet_safe else cells)
    except csv.Error as exc:
        raise LoadError(
            [Issue(f"row {row + 1}", "csv-syntax", f"not a CSV table: {exc}")], source=source
        ) from None
    result = reader.result()
    if strict:
        result.raise_for_errors()
    return result


# --- the reader ---------------------------------------------------------------------------------


@define
class _PlanState:
    plan: ActionPlan
    first_row: int
    cells: dict[str, str]
    organisations: dict[str, str]
    commitments: dict[str, int]
    end_year: int | None


class _Reader:
    def __init__(
        self,
        header: list[str],
        source: str | None,
        check_derived: bool,
        active_since: int,
        rules: RuleSet[IRMAssessment],
    ) -> None:
        self.source = source
        self.check_derived = check_derived
        self.active_since = active_since
        self.rules = rules
        self.warnings: list[Issue] = []
        self.errors: list[Issue] = []
        self.plans: dict[str, _PlanState] = {}
        self.records = 0
        self.header = header
        self.width = len(header)
        self._check_header(header)
        self.index = {name: i for i, name in enumerate(header)}
        self.unknown = [name for name in header if name not in _COLUMN_INDEX]
        self.absent = [name for name in DERIVED_COLUMNS if name not in self.index]

    def _check_header(self, header: list[str]) -> None:
        problems: list[Issue] = []
        seen: set[str] = set()
        for number, name in enumerate(header, start=1):
            if name in seen:
                problems.append(
                    Issue(
                        f"row 1, column {number}",
                        "duplicate-column",
                        f"duplicate column {name!r}",
                        row=1,
                        column=name,
                    )
                )
            seen.add(name)
        for name in COLUMNS:
            if name not in seen and name not in _OPTIONAL_COLUMNS:
                problems.append(_cell_issue(1, name, "missing-column", "missing from the header"))
        if problems:
            raise LoadError(problems, source=self.source)
        for name in header:
            if name not in _COLUMN_INDEX:
                self.warnings.append(
                    _cell_issue(
                        1,
                        name,
                        "column",
                        "not a column of OGP's 171-column layout: kept in each commitment's "
                        "extra, not written back",
                        severity=Severity.WARNING,
                    )
                )
        for name in COLUMNS:
            if name not in seen:
                self.warnings.append(
                    _cell_issue(
                        1,
                        name,
                        "column",
                        "missing: a derived column, computed on export",
                        severity=Severity.WARNING,
                    )
                )

    # -- rows --------------------------------------------------------------------------------

    def read_row(self, row: int, cells: list[str]) -> None:
        self.records += 1
        if len(cells) != self.width:
            at = self.index["Commitment Unique Identifier"]
            ident = cells[at] if at < len(cells) else None
            if not cells:
                message = "an empty line, not a record"
                self.errors.append(_cell_issue(row, self.header[0], "csv-width", message))
            elif len(cells) < self.width:
                missing = self.header[len(cells)]
                message = f"the row has {len(cells)} cells, expected {self.width}: truncated"
                self.errors.append(
                    _cell_issue(row, missing, "csv-width", message, commitment=ident or None)
                )
            else:
                message = f"the row has {len(cells)} cells, expected {self.width}"
                beyond = "(beyond the last column)"
                self.errors.append(_cell_issue(row, beyond, "csv-width", message, commitment=ident))
            return
        record = dict(zip(self.header, cells, strict=True))
        state = _Row(self, row, record)
        state.read()
        if state.errors:
            self.errors.extend(state.errors)
            return
        self.warnings.extend(state.warnings)

    def result(self) -> ExportRead:
        collection = PlanCollection(
            id="ogp-export",
            title="OGP commitment export",
            source=self.source,
            plans=[state.plan for state in self.plans.values()],
        )
        return ExportRead(collection, self.warnings, self.errors, self.records, self.source)


class _Row:
    """One record being read: collects its warnings and errors."""

    def __init__(self, reader: _Reader, row: int, record: dict[str, str]) -> None:
        self.reader = reader
        self.row = row
        self.record = record
        self.ident = record["Commitment Unique Identifier"]
        self.extra: dict[str, str] = {}
        self.warnings: list[Issue] = []
        self.errors: list[Issue] = []

    # -- reporting -----------------------------------------------------------------------------

    def warn(self, column: str, message: str, value: str | None, code: str) -> None:
        self.warnings.append(
            _cell_issue(
                self.row,
                column,
                code,
                message,
                value=value,
                commitment=self.ident,
                severity=Severity.WARNING,
            )
        )

    def fail(self, column: str, code: str, message: str, value: str | None) -> None:
        self.errors.append(
            _cell_issue(self.row, column, code, message, value=value, commitment=self.ident or None)
        )

    # -- cells ---------------------------------------------------------------------------------

    def label(self, lc: LabelColumn) -> Vocabulary | None:
        text = self.record[lc.column]
        member, exact = read_label(lc, text)
        if member is None:
            known = ", ".join(label for label in lc.labels)
            self.fail(lc.column, "unknown-label", f"unknown label (expected one of: {known})", text)
            return None
        if not exact:
            self.extra[lc.column] = text
            if text not in lc.labels:
                written = lc.written[member]
                self.warn(
                    lc.column, f"label {text!r} read as {written!r}; kept as written", text, "label"
                )
        self.twin(lc, text, twin_of(lc, member) if text not in lc.labels else lc.labels[text][1])
        return member

    def twin(self, lc: LabelColumn, label: str, expected: str) -> None:
        value = self.record[lc.twin]
        if value != expected:
            self.extra[lc.twin] = value
            self.warn(
                lc.twin,
                f"numeric twin {value!r} disagrees with {lc.column} {label!r} "
                f"(which is {expected!r}); both kept, the twin is written back as it is",
                value,
                "twin",
            )

    def flag(self, column: str, codec: FlagCodec, optional: bool = False) -> Flag | None:
        text = self.record[column]
        if optional and text == "":
            return None
        found, exact = codec.read(text)
        if found is None:
            expected = ", ".join(codec.exact)
            self.fail(column, "unknown-label", f"expected one of {expected}", text)
            return None
        if not exact:
            self.extra[column] = text
            written = codec.write(found)
            self.warn(column, f"{text!r} read as {written!r}; kept as written", text, "label")
        return found

    def year(self, column: str) -> int | Missing | None:
        text = self.record[column]
        found = read_year(text)
        if found is None:
            self.fail(column, "bad-year", "expected a year, ND, NR or NA", text)
        return found

    # -- the row ---------------------------------------------------------------------------------

    def read(self) -> None:
        record = self.record
        plan_id = record["Action Plan ID"]
        if not plan_id.strip():
            self.fail("Action Plan ID", "empty-cell", "empty: every row needs its plan", plan_id)
        if not self.ident.strip():
            self.fail(
                "Commitment Unique Identifier",
                "empty-cell",
                "empty: every row needs its id",
                self.ident,
            )
        assessment = self.assessment()
        themes = self.themes()
        for column in COMMITMENT_EXTRA_COLUMNS:
            self.extra[column] = record[column]
        if self.errors or assessment is None:
            return
        state = self.reader.plans.get(plan_id)
        if state is None:
            state = self.new_plan(plan_id)
        else:
            self.compare_plan(state)
        duplicate = state.commitments.get(self.ident)
        if duplicate is not None:
            self.fail(
                "Commitment Unique Identifier",
                "duplicate-id",
                f"the same commitment appears at row {duplicate} of plan {plan_id}",
                self.ident,
            )
            return
        commitment = self.commitment(state, assessment, themes)
        state.commitments[self.ident] = self.row
        state.plan.commitments.append(commitment)
        if self.reader.check_derived:
            self.compare_derived(assessment, state.end_year)

    def assessment(self) -> IRMAssessment | None:
        members: dict[str, Vocabulary | None] = {lc.field: self.label(lc) for lc in LABEL_COLUMNS}
        values = {field: self.flag(column, FLAG_01) for field, column in VALUE_COLUMNS}
        carried = self.flag("Carried Forward", FLAG_01)
        progress_year = self.year("Report Publication Year (Progress Report)")
        end_year = self.year("Report Publication Year (End Of Term)")
        verifiable = self.flag("Verifiable", FLAG_YES_NO, optional=True)
        relevant = self.flag("_Relevant", FLAG_01, optional=True)
        if self.errors:
            return None
        assert carried is not None and progress_year is not None and end_year is not None
        assessment = IRMAssessment(
            values=ValueRelevance(**values),  # type: ignore[arg-type]  # None only with errors
            carried_forward=carried,
            progress_report_year=progress_year,
            end_of_term_report_year=end_year,
            verifiable=Flag.NO_DATA if verifiable is None else verifiable,
            relevant=Flag.NO_DATA if relevant is None else relevant,
            **members,  # type: ignore[arg-type]  # None only with errors
        )
        # An empty Verifiable / _Relevant cell is fine where the rule derives it (older plans).
        if verifiable is None:
            if assessment.specificity.rank is None and (
                assessment.specificity is not Specificity.NOT_REVIEWED
            ):
                self.fail(
                    "Verifiable",
                    "empty-cell",
                    "empty, but it is the IRM's own input for plans without a specificity score",
                    "",
                )
                return None
            assessment.verifiable = self.reader.rules.outcome("verifiable", assessment).value
        if relevant is None:
            flags = [getattr(assessment.values, f) for f, _ in VALUE_COLUMNS[:3]]
            derived = Flag.YES in flags or (len(set(flags)) == 1 and flags[0] in _DERIVING)
            if not derived:
                self.fail(
                    "_Relevant",
                    "empty-cell",
                    "empty, but it is the IRM's own input when the OGP value columns do not "
                    "decide it (ND)",
                    "",
                )
                return None
            assessment.relevant = self.reader.rules.outcome("relevant", assessment).value
        return assessment

    def themes(self) -> list[str]:
        record = self.record
        themes = []
        for column in TAG_COLUMNS:
            text = record[column]
            if text == "1":
                themes.append(column)
            elif text != "0":
                self.extra[column] = text
                if read_marker(text) is None:
                    self.warn(
                        column, "a policy-area tag that is not 0 or 1: kept as written", text, "tag"
                    )
        return themes

    def new_plan(self, plan_id: str) -> _PlanState:
        record = self.record
        cells = {column: record[column] for column in PLAN_COLUMNS}
        plan_extra: dict[str, str] = {c: record[c] for c in PLAN_EXTRA_COLUMNS}
        number_text = record["Action Plan Number"]
        number = _integer(number_text)
        if number is None:
            plan_extra["Action Plan Number"] = number_text
            self.warn(
                "Action Plan Number", "not a whole number: kept as written", number_text, "plan"
            )
        start_text, end_text = record["Year Of Submission"], record["Action Plan End Year"]
        period = _period(_integer(start_text), _integer(end_text))
        end_year = _integer(end_text)
        if period is None:
            plan_extra["Year Of Submission"] = start_text
            plan_extra["Action Plan End Year"] = end_text
            self.warn(
                "Action Plan End Year",
                f"no period from {start_text!r} to {end_text!r}: both kept as written",
                end_text,
                "plan",
            )
        member, code = record["Country/Locality"], record["Code"]
        country = country_of(code) or code
        if country != code:
            plan_extra["Code"] = code  # OGP's own code, kept verbatim beside the ISO one
        shown = f"{start_text}–{end_text}"
        plan = ActionPlan(
            id=plan_id,
            country=country,
            member=member,
            title=f"{member} action plan {number_text} ({shown})",
            number=number,
            period=period,
            extra=[ExtraField(name=c, value=plan_extra[c]) for c in COLUMNS if c in plan_extra],
        )
        state = _PlanState(plan, self.row, cells, {}, {}, end_year)
        self.reader.plans[plan_id] = state
        return state

    def compare_plan(self, state: _PlanState) -> None:
        for column, first in state.cells.items():
            value = self.record[column]
            if value != first:
                self.extra[column] = value
                self.warn(
                    column,
                    f"differs from row {state.first_row} of the same plan ({first!r}): kept "
                    "for this commitment",
                    value,
                    "plan",
                )

    def organisation(self, state: _PlanState, name: str) -> str:
        found = state.organisations.get(name)
        if found is not None:
            return found
        slug = _SLUG.sub("-", normalise_label(name)).strip("-")[:60].strip("-") or "organisation"
        identifier = f"{state.plan.id}/org/{slug}"
        taken = {org.id for org in state.plan.organisations}
        suffix = 2
        while identifier in taken:
            identifier = f"{state.plan.id}/org/{slug}-{suffix}"
            suffix += 1
        state.plan.organisations.append(Organisation(id=identifier, name=name))
        state.organisations[name] = identifier
        return identifier

    def commitment(
        self, state: _PlanState, assessment: IRMAssessment, themes: list[str]
    ) -> Commitment:
        record = self.record
        lead = record["Lead Institution"]
        supporting = record["Supporting Institution(s)"]
        extra = [ExtraField(name=c, value=self.extra[c]) for c in COLUMNS if c in self.extra]
        extra.extend(ExtraField(name=c, value=record[c]) for c in self.reader.unknown)
        return Commitment(
            id=f"{state.plan.id}/{self.ident}",
            number=self.row - 1,
            title=record["Commitment Title"],
            reference=record["Commitment Number"],
            short_title=record["Short Title"],
            description=record["Full Text"],
            themes=themes,
            lead_organisations=[] if lead == "NA" else [self.organisation(state, lead)],
            other_actors=[] if supporting == "NA" else [supporting],
            irm=assessment,
            extra=extra,
        )

    def compare_derived(self, assessment: IRMAssessment, end_year: int | None) -> None:
        cells = derived_cells(
            assessment, end_year, self.reader.active_since, rules=self.reader.rules
        )
        outcomes = None
        for column in (*PARTLY_DERIVED_COLUMNS, *DERIVED_COLUMNS):
            ogp = self.record.get(column)
            if ogp is None or ogp == "" or column in self.extra:
                continue
            mine = cells[column]
            if ogp == mine:
                continue
            if outcomes is None:
                outcomes = derived_outcomes(
                    assessment, end_year, self.reader.active_since, rules=self.reader.rules
                )
            self.warn(
                column,
                f"OGP wrote {ogp!r}, the rule gives {mine!r} ({outcomes[column].explanation})",
                ogp,
                "derived",
            )


_PLAIN_INTEGER = re.compile(r"0|[1-9][0-9]{0,17}")


def _integer(text: str) -> int | None:
    """A whole number written the plain way ("3", never "03", "3.0" or 5,000 digits), else None."""
    return int(text) if _PLAIN_INTEGER.fullmatch(text) else None


def _period(start: int | None, end: int | None) -> DateSpan | None:
    if start is None or end is None or end < start or not (1 <= start <= 9999 and end <= 9999):
        return None
    if start == end:
        return DateSpan.of(PartialDate(start))
    return DateSpan(PartialDate(start), PartialDate(end))
