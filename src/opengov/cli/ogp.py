"""``opengov ogp``: OGP's 171-column commitment export, in and out.

``opengov ogp import EXPORT.csv DEST`` reads the export and writes ONE document holding every plan
(a plan collection; the format comes from DEST's ending, as with ``opengov convert``).
``opengov ogp export SOURCE DEST.csv`` writes a plan collection or a single plan (a file, a bundled
dataset, or another export) back to the layout, with the derived columns computed by the rules.
``opengov ogp check EXPORT.csv`` compares OGP's derived columns with the rules, column by column.

Warnings and unreadable rows are printed as ``EXPORT.csv: row N (ID), column 'X': message`` lines
on stderr. Errors are raised as :class:`~opengov.OpenGovError` for ``opengov.cli.main`` to print:
never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from opengov._display import field
from opengov.cli._output import err, out
from opengov.errors import LoadError, OpenGovError
from opengov.io.files import dump, format_for, load
from opengov.issues import SHOWN_ISSUES, Issue, Severity
from opengov.model import ActionPlan, PlanCollection

__all__ = ["register"]


def _read_export(path: str, *, check_derived: bool = False, spreadsheet_safe: bool = False) -> Any:
    from opengov.io.ogp import read_export

    if not Path(path).is_file():
        if Path(path).is_dir():
            raise LoadError([Issue("", "not-a-file", "is a folder, not a file")], source=path)
        raise LoadError([Issue("", "not-found", "no such file")], source=path)
    return read_export(path, check_derived=check_derived, spreadsheet_safe=spreadsheet_safe)


def _read_source(source: str) -> ActionPlan | PlanCollection:
    """A document (any format ``opengov.load`` reads), a bundled dataset, or an OGP export."""
    from opengov import datasets

    obj: Any
    if source in datasets.names() and not Path(source).exists():
        obj = datasets.load(source)
    elif source.lower().endswith(".csv"):
        found = _read_export(source)
        _print_issues(source, found, quiet=True)
        found.raise_for_errors()
        obj = found.collection
    else:
        obj = load(Path(source))  # a path, never JSON text
    if not isinstance(obj, ActionPlan | PlanCollection):
        raise OpenGovError(
            f"{source}: expected an action plan or a plan collection, got a {type(obj).__name__}"
        )
    return obj


def _line(issue: Issue) -> str:
    """``row N (ID), column 'X': message``, with the cell's value for an unreadable row."""
    who = f" ({field(issue.commitment)})" if issue.commitment else ""
    shown = ""
    if issue.severity is Severity.ERROR and issue.value is not None:
        shown = f" (value {issue.value!r})"
    return f"row {issue.row}{who}, column {issue.column!r}: {issue.message}{shown}"


def _print_issues(source: str, found: Any, *, quiet: bool) -> None:
    """The warnings (unless ``quiet``) and the unreadable rows, the first
    :data:`~opengov.issues.SHOWN_ISSUES` of each, then how many more there are."""
    if not quiet:
        for warning in found.warnings[:SHOWN_ISSUES]:
            err(f"{source}: warning: {_line(warning)}")
        _more(source, len(found.warnings), "warnings")
    for error in found.errors[:SHOWN_ISSUES]:
        err(f"{source}: {_line(error)}")
    _more(source, len(found.errors), "unreadable rows' problems")


def _more(source: str, count: int, what: str) -> None:
    if count > SHOWN_ISSUES:
        err(
            f"{source}: … and {count - SHOWN_ISSUES:,} more {what} (opengov.io.ogp.read_export "
            "lists them all)"
        )


def _cmd_import(args: argparse.Namespace) -> int:
    format_for(args.dest, args.to)  # an unknown ending fails before the export is read
    found = _read_export(
        args.export, check_derived=args.check_derived, spreadsheet_safe=args.spreadsheet_safe
    )
    if args.strict:
        found.raise_for_errors()
    _print_issues(args.export, found, quiet=args.quiet)
    dump(found.collection, args.dest, format=args.to)
    kinds = Counter(w.code for w in found.warnings)
    shown = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    err(
        f"wrote {args.dest}: {len(found.plans)} plans, {found.commitments} commitments "
        f"from {found.rows} rows ({len(found.warnings)} warnings{': ' + shown if shown else ''})"
    )
    if found.errors:
        err(
            f"{args.export}: {len(found.errors)} problem(s) in {len({e.row for e in found.errors})} "
            "row(s): those rows were left out (use --strict to write nothing)"
        )
        return 1
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from opengov.io.ogp import write_export

    document = _read_source(args.source)
    rows = write_export(
        document,
        args.dest,
        active_since=args.active_since,
        spreadsheet_safe=args.spreadsheet_safe,
    )
    err(f"wrote {args.dest}: {rows} rows")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from opengov.io.ogp import DERIVED_COLUMNS, PARTLY_DERIVED_COLUMNS

    found = _read_export(args.export, check_derived=True)
    for error in found.errors:
        err(f"{args.export}: {_line(error)}")
    derived = [w for w in found.warnings if w.code == "derived"]
    by_column = Counter(w.column for w in derived)
    total = found.commitments
    for column in (*PARTLY_DERIVED_COLUMNS, *DERIVED_COLUMNS):
        agree = total - by_column[column]
        share = 100.0 * agree / total if total else 0.0
        out(f"{column}: {agree}/{total} rows agree ({share:.1f}%)")
    if args.rows:
        for warning in derived:
            out(f"  {_line(warning)}")
    return 1 if found.errors else 0


def _cmd_help(parser: argparse.ArgumentParser) -> Any:
    def run(args: argparse.Namespace) -> int:
        parser.print_help(sys.stderr)
        return 2

    return run


def register(commands: Any) -> None:
    """Add the ``ogp`` command (``import``, ``export``, ``check``) to the CLI's subparsers."""
    ogp = commands.add_parser(
        "ogp",
        help="OGP's 171-column commitment export: import it, export back to it",
        description="Read OGP's commitment export into one plan collection, or write plans "
        "back to its 171-column layout (derived columns computed by the library's rules).",
    )
    ogp.set_defaults(run=_cmd_help(ogp))
    actions = ogp.add_subparsers(dest="ogp_command", metavar="ACTION")

    load = actions.add_parser(
        "import", help="read EXPORT.csv and write every plan as one document (a collection)"
    )
    load.add_argument("export", metavar="EXPORT.csv", help="OGP's commitment export")
    load.add_argument(
        "dest",
        metavar="DEST",
        help="output: .json, .ttl, .nt, .jsonld, a folder (DEST/) for CSV tables, or .zip",
    )
    load.add_argument("--to", metavar="FORMAT", help="format name, overriding DEST's ending")
    load.add_argument(
        "--strict", action="store_true", help="write nothing if any row cannot be read (exit 2)"
    )
    load.add_argument(
        "--check-derived",
        action="store_true",
        help="also warn where OGP's derived columns differ from the library's rules",
    )
    load.add_argument("--quiet", action="store_true", help="do not print the warnings")
    load.add_argument(
        "--spreadsheet-safe",
        action="store_true",
        help="the export was written with 'ogp export --spreadsheet-safe': remove the apostrophe "
        "put before each would-be formula",
    )
    load.set_defaults(run=_cmd_import)

    save = actions.add_parser(
        "export", help="write a plan collection or a plan as OGP's 171-column export"
    )
    save.add_argument(
        "source",
        metavar="SOURCE",
        help="a document (.json, CSV tables, RDF), a bundled dataset, or an OGP export (.csv)",
    )
    save.add_argument("dest", metavar="DEST.csv")
    save.add_argument(
        "--active-since",
        type=int,
        default=2024,
        metavar="YEAR",
        help="'Active Commitment' is 1 for plans ending in YEAR or later (default 2024, the "
        "sample's snapshot year)",
    )
    save.add_argument(
        "--spreadsheet-safe",
        action="store_true",
        help="for a file people will open in a spreadsheet (Excel, LibreOffice, Google Sheets): "
        "put an apostrophe before every cell that would run as a formula (starting with = + - @, "
        "tab or CR) and start the file with a byte-order mark; 'ogp import --spreadsheet-safe' "
        "reads the original text back. Leave it off for a file other programs read",
    )
    save.set_defaults(run=_cmd_export)

    check = actions.add_parser(
        "check", help="compare OGP's derived columns with the library's rules, per column"
    )
    check.add_argument("export", metavar="EXPORT.csv")
    check.add_argument("--rows", action="store_true", help="list every disagreeing row")
    check.set_defaults(run=_cmd_check)
