"""opengov: a typed, testable data model for open-government action plans.

The everyday API::

    import opengov
    plan = opengov.load("plan.json")          # or opengov.datasets.load("fr-2018-2020")
    plan = opengov.load("tables", format="csv")  # a folder of CSV tables
    for issue in opengov.validate(plan):
        print(issue)
    opengov.dump(plan, "plan.json")

The model lives in :mod:`opengov.model`, rules in :mod:`opengov.rules`, formats in
:mod:`opengov.io`. ``import opengov`` does not import rdflib.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from opengov import datasets
from opengov._version import __version__
from opengov.errors import (
    AmbiguousStatusError,
    DateParseError,
    DumpError,
    LoadError,
    OpenGovError,
    StatusError,
    UnknownDatasetError,
    UnknownFormatError,
    VocabularyError,
)
from opengov.issues import Issue, Severity
from opengov.model import (
    SCALES,
    ActionPlan,
    ActivityStatus,
    Commitment,
    Completion,
    Conformity,
    Contact,
    DateSpan,
    IRMPlaceholder,
    Milestone,
    MilestoneStatus,
    OGPValue,
    Organisation,
    PlanCollection,
    PublicInfluence,
    Resource,
    StatusReading,
    StatusScale,
    StatusWord,
    irm_placeholder,
    parse_date,
    parse_status,
    read_status,
    register_scale,
)
from opengov.model.privacy import without_personal_data
from opengov.rules.validation import validate

__all__ = [
    "SCALES",
    "ActionPlan",
    "ActivityStatus",
    "AmbiguousStatusError",
    "Commitment",
    "Completion",
    "Conformity",
    "Contact",
    "DateParseError",
    "DateSpan",
    "DumpError",
    "IRMPlaceholder",
    "Issue",
    "LoadError",
    "Milestone",
    "MilestoneStatus",
    "OGPValue",
    "OpenGovError",
    "Organisation",
    "PlanCollection",
    "PublicInfluence",
    "Resource",
    "Severity",
    "StatusError",
    "StatusReading",
    "StatusScale",
    "StatusWord",
    "UnknownDatasetError",
    "UnknownFormatError",
    "VocabularyError",
    "__version__",
    "datasets",
    "dump",
    "irm_placeholder",
    "load",
    "loads",
    "parse_date",
    "parse_status",
    "read_status",
    "register_scale",
    "to_dataframe",
    "validate",
]


def load(source: str | os.PathLike[str] | Mapping[str, Any], *, format: str | None = None) -> Any:
    """Read a plan from a file or folder, from a document dict, or from JSON text.

    The format comes from the path's name (``.json``, ``.zip``, ``.ttl``, ``.nt``, ``.jsonld``;
    an existing folder holds CSV tables) unless ``format`` names one: ``"json"``, ``"csv"`` (a
    folder of tables), ``"csv-zip"``, ``"turtle"``, ``"nt"`` or ``"json-ld"``. A dict is read as
    the JSON document it would be (``schema_version``, ``kind``, fields); text starting with ``{``
    is JSON; text in another format goes to :func:`loads`. Raises :class:`LoadError` listing every
    problem with its place in the input, :class:`UnknownFormatError` for an unknown format name.
    """
    # Imported on first use: ``import opengov`` stays light (no converter, no format code).
    from opengov.io.files import load as load_file

    return load_file(source, format=format)


def loads(text: str | bytes, *, format: str = "json") -> Any:
    """Read a plan from text: ``"json"`` (the default), ``"turtle"``, ``"nt"`` or ``"json-ld"``.

    Raises :class:`LoadError` listing every problem with its place in the text.
    """
    # Imported on first use: ``import opengov`` stays light (no converter, no format code).
    from opengov.io.files import loads as load_text

    return load_text(text, format=format)


def dump(
    obj: object,
    dest: str | os.PathLike[str] | None = None,
    *,
    format: str | None = None,
    personal_data: bool = True,
    spreadsheet_safe: bool = False,
    base: str | None = None,
) -> str | None:
    """Write a plan to ``dest``, or return its text (JSON unless ``format`` says otherwise).

    The format comes from ``dest``: ``.json``; a folder (an existing one, or a path ending in
    ``/``) for CSV tables, ``.zip`` for a zip of them; ``.ttl``, ``.nt``, ``.jsonld`` for RDF;
    ``format`` names it instead (``format="csv"`` for a new folder given as a ``Path``).
    ``personal_data=False`` leaves out every point of contact (names and e-mail addresses);
    ``spreadsheet_safe=True`` neutralises CSV cells a spreadsheet would run as formulas;
    ``base`` is the base IRI of RDF output. Files are written atomically.
    """
    # Imported on first use: ``import opengov`` stays light (no converter, no format code).
    from opengov.io.files import dump as dump_file

    if (not personal_data and isinstance(obj, ActionPlan)) or (
        not personal_data and isinstance(obj, PlanCollection)
    ):
        obj = without_personal_data(obj)
    options: dict[str, object] = {"spreadsheet_safe": spreadsheet_safe}
    if base is not None:
        options["base"] = base
    return dump_file(obj, dest, format=format, **options)


def to_dataframe(obj: Any, level: str = "commitment", *, rules: Any = None) -> Any:
    """A pandas DataFrame with one row per commitment or per milestone of a plan or collection.

    ``rules`` is the IRM rule set behind the star and quadrant columns (default: the shipped
    one). Needs pandas: ``pip install "opengov-ogp[pandas]"``. See
    :func:`opengov.io.dataframe.to_dataframe`.
    """
    # Imported on first use: pandas is an optional dependency.
    from opengov.io.dataframe import to_dataframe as frame

    return frame(obj, level, rules=rules)
