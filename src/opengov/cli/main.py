"""The ``opengov`` command: thin wrappers over the library. It never prints a traceback.

Exit codes: 0 success (or a valid plan), 1 a plan with validation errors (or an OGP export
imported with unreadable rows), 2 unreadable input or bad usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from opengov import datasets
from opengov._version import __version__
from opengov.cli._output import err, out, out_json
from opengov.errors import LoadError, OpenGovError
from opengov.io._fs import atomic_write
from opengov.io.files import dump, load
from opengov.issues import Severity
from opengov.model import ActionPlan, PlanCollection
from opengov.model.privacy import without_personal_data
from opengov.reporting._frame import LANGUAGES
from opengov.rules.process import REGIMES
from opengov.rules.validation import validate as validate_document

__all__ = ["main"]

DEFAULT_DATASET = "fr-2018-2020"


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        raise _UsageError(message)


def _read(source: str) -> Any:
    """A bundled dataset by name, or a file: a command-line argument is never JSON text, even
    when a file's name starts with ``{`` or ``[``."""
    if source in datasets.names() and not Path(source).exists():
        return datasets.load(source)
    return load(Path(source))


def _read_plans(source: str, plan_id: str | None) -> ActionPlan | PlanCollection:
    """A plan or a plan collection; with ``plan_id``, the one plan of that id."""
    obj = _read(source)
    if not isinstance(obj, ActionPlan | PlanCollection):
        raise OpenGovError(
            f"{source}: expected an action plan or a plan collection, got a {type(obj).__name__}"
        )
    if plan_id is None:
        return obj
    from opengov.cli.selection import pick_plan

    return pick_plan(obj, plan_id, source)


def _cmd_validate(args: argparse.Namespace) -> int:
    document = _read(args.source)
    if not isinstance(document, ActionPlan | PlanCollection):
        raise OpenGovError(
            f"{args.source}: expected an action plan or a plan collection, got a {type(document).__name__}"
        )
    issues = validate_document(document)
    shown = [i for i in issues if args.all or i.severity != Severity.INFO]
    for issue in shown:
        label = "" if issue.severity == Severity.ERROR else f"{issue.severity}: "
        out(f"{issue.path}: {label}{issue.message} [{issue.code}]")
    errors = sum(1 for i in issues if i.severity == Severity.ERROR)
    if errors:
        err(f"{args.source}: invalid ({errors} error(s))")
        return 1
    err(f"{args.source}: valid")
    return 0


def _cmd_convert(args: argparse.Namespace) -> int:
    obj = _read(args.source)
    if args.no_personal_data:
        obj = without_personal_data(obj)
    dump(obj, args.dest, format=args.to, spreadsheet_safe=args.spreadsheet_safe, base=args.base)
    err(f"wrote {args.dest}")
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from opengov.reporting import text_report
    from opengov.reporting.documents import html_report, markdown_report

    document = _read_plans(args.source, args.plan)
    if isinstance(document, PlanCollection):
        from opengov.reporting.collection import FORMATS

        return _write_report(FORMATS[args.format](document, None), args.output)
    plan = document
    render = {"text": text_report, "markdown": markdown_report, "html": html_report}[args.format]
    text = render(plan, lang=args.lang)
    return _write_report(text, args.output)


def _write_report(text: str, output: str | None) -> int:
    if output is None:
        out(text, end="")
        return 0
    atomic_write(output, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    err(f"wrote {output}")
    return 0


def _cmd_score(args: argparse.Namespace) -> int:
    from opengov import standards
    from opengov.reporting.scorecard_view import scorecard_dict, scorecard_text
    from opengov.rules import score

    document = _read_plans(args.source, args.plan)
    sets = standards.load_all()
    if isinstance(document, PlanCollection):
        from opengov.reporting.collection import collection_scores_text

        cards = [
            score(plan, as_of=args.as_of, regime=args.regime, standards=sets)
            for plan in document.plans
        ]
        if args.json:
            out_json([scorecard_dict(c) for c in cards])
        else:
            out(collection_scores_text(document, cards), end="")
        return 0
    card = score(document, as_of=args.as_of, regime=args.regime, standards=sets)
    if args.json:
        out_json(scorecard_dict(card))
    else:
        out(scorecard_text(card), end="")
    return 0


def _cmd_publish(args: argparse.Namespace) -> int:
    from opengov.io.rdf import publish
    from opengov.io.rdf._publish import shown_endpoint

    obj = _read(args.source)
    graph = publish(
        obj,
        args.endpoint,
        graph=args.graph,
        base=args.base or opengov_base(),
        timeout=args.timeout,
        personal_data=not args.no_personal_data,
    )
    err(f"published {args.source} to {shown_endpoint(args.endpoint)} as graph <{graph}>")
    return 0


def opengov_base() -> str:
    from opengov.io.rdf import DEFAULT_BASE

    return DEFAULT_BASE


def _cmd_schema(args: argparse.Namespace) -> int:
    from opengov.io.schema import json_schema

    out_json(json_schema(args.kind))
    return 0


def _iso_day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a day (YYYY-MM-DD): {text!r}") from None


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"not a positive number of seconds: {text!r}")
    return value


_PLAN_HELP = "the plan of this id in a collection (without it: one line per plan)"


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="opengov",
        description="Validate, convert and report on open-government action plans.",
        epilog=f"SOURCE is a file or the name of a bundled dataset ({', '.join(datasets.names()) or 'none'}).",
    )
    parser.add_argument("--version", action="version", version=f"opengov {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    validate = commands.add_parser("validate", help="check a plan; exit 1 if it has errors")
    validate.add_argument("source", metavar="SOURCE")
    validate.add_argument("--all", action="store_true", help="also show informational notes")
    validate.set_defaults(run=_cmd_validate)

    convert = commands.add_parser("convert", help="convert a plan between formats")
    convert.add_argument("source", metavar="SOURCE")
    convert.add_argument(
        "dest",
        metavar="DEST",
        help="output: .json, .ttl, .nt, .jsonld, a folder (DEST/) for CSV tables, or .zip of them",
    )
    convert.add_argument("--to", metavar="FORMAT", help="format name, overriding DEST's ending")
    convert.add_argument("--no-personal-data", action="store_true", help="leave out contacts")
    convert.add_argument(
        "--spreadsheet-safe",
        action="store_true",
        help="CSV tables people will open in a spreadsheet: neutralise cells it would run as "
        "formulas (an apostrophe before a leading = + - @, tab or CR; read back exactly)",
    )
    convert.add_argument("--base", metavar="IRI", help="RDF: base IRI of the minted resources")
    convert.set_defaults(run=_cmd_convert)

    report = commands.add_parser(
        "report", help="print a readable summary of a plan, or a line per plan of a collection"
    )
    report.add_argument("source", metavar="SOURCE", nargs="?", default=DEFAULT_DATASET)
    report.add_argument("--plan", metavar="ID", help=_PLAN_HELP)
    report.add_argument(
        "--format",
        choices=["text", "markdown", "html"],
        default="text",
        help="html: a self-contained page with inline SVG charts",
    )
    report.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of the terminal"
    )
    report.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="language of the report's headings and labels (default: the plan's, else en)",
    )
    report.set_defaults(run=_cmd_report)

    score = commands.add_parser(
        "score", help="print the scorecard of a plan, or a line per plan of a collection"
    )
    score.add_argument("source", metavar="SOURCE", nargs="?", default=DEFAULT_DATASET)
    score.add_argument("--plan", metavar="ID", help=_PLAN_HELP)
    score.add_argument("--json", action="store_true", help="machine-readable output")
    score.add_argument(
        "--as-of", type=_iso_day, metavar="DAY", help="count overdue milestones on DAY"
    )
    score.add_argument(
        "--regime",
        choices=list(REGIMES),
        help="the procedural-review regime (default: chosen from the plan's start)",
    )
    score.set_defaults(run=_cmd_score)

    publish = commands.add_parser(
        "publish", help="replace the plan's named graph at a SPARQL 1.1 Graph Store endpoint"
    )
    publish.add_argument("source", metavar="SOURCE")
    publish.add_argument(
        "--endpoint",
        required=True,
        metavar="URL",
        help="Graph Store URL (Oxigraph: http://host:port/store)",
    )
    publish.add_argument("--graph", metavar="IRI", help="named graph (default: the plan's IRI)")
    publish.add_argument("--base", metavar="IRI", help="base IRI of the minted resources")
    publish.add_argument("--no-personal-data", action="store_true", help="leave out contacts")
    publish.add_argument(
        "--timeout",
        type=_seconds,
        default=60.0,
        metavar="SECONDS",
        help="give up when the store does not answer within SECONDS (default 60)",
    )
    publish.set_defaults(run=_cmd_publish)

    schema = commands.add_parser("schema", help="print the JSON Schema of the JSON form")
    schema.add_argument(
        "kind", nargs="?", default="action_plan", choices=["action_plan", "standard_set"]
    )
    schema.set_defaults(run=_cmd_schema)

    from opengov.cli.ogp import register as register_ogp

    register_ogp(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return 2
        code: int = args.run(args)
        return code
    except _UsageError as exc:
        err(f"opengov: error: {exc}")
        return 2
    except LoadError as exc:
        err(f"opengov: cannot read {exc}")
        return 2
    except OpenGovError as exc:
        err(f"opengov: error: {exc}")
        return 2
    except OSError as exc:
        err(f"opengov: error: {exc.filename or ''}: {exc.strerror or exc}")
        return 2
    except KeyboardInterrupt:
        err("opengov: interrupted")
        return 130
    except Exception as exc:
        err(f"opengov: internal error: {type(exc).__name__}: {exc}")
        return 2


def run() -> NoReturn:
    """Entry point for ``python -m opengov``."""
    sys.exit(main())
