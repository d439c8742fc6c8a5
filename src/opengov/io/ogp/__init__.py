"""OGP's official commitment export (171 columns): reading it into the model and writing it back.

::

    from opengov.io.ogp import read_export, write_export

    found = read_export("open_parliament_0703.csv")
    for warning in found.warnings:        # opengov.Issue: label / numeric-twin disagreements, ...
        print(warning)
    collection = found.collection         # a PlanCollection: one ActionPlan per Action Plan ID
    write_export(collection, "again.csv")  # derived columns recomputed by opengov.rules

See ``docs/how-to/ogp-export.md`` and ``docs/concepts/ogp-derived-columns.md``.
"""

from opengov.io.ogp._codec import LabelColumn
from opengov.io.ogp._columns import (
    COLUMNS,
    CROSS_ROW_COLUMNS,
    DERIVED_COLUMNS,
    LABEL_COLUMNS,
    PARTLY_DERIVED_COLUMNS,
    TAG_COLUMNS,
)
from opengov.io.ogp._derived import derived_cells, derived_outcomes
from opengov.io.ogp._reader import ExportRead, loads_export, read_export
from opengov.io.ogp._writer import dumps_export, export_rows, write_export

__all__ = [
    "COLUMNS",
    "CROSS_ROW_COLUMNS",
    "DERIVED_COLUMNS",
    "LABEL_COLUMNS",
    "PARTLY_DERIVED_COLUMNS",
    "TAG_COLUMNS",
    "ExportRead",
    "LabelColumn",
    "derived_cells",
    "derived_outcomes",
    "dumps_export",
    "export_rows",
    "loads_export",
    "read_export",
    "write_export",
]
