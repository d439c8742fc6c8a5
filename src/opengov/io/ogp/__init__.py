"""OGP's official commitment export (171 columns): reading it into the model."""

from opengov.io.ogp.cells import CellError, assessment_from_record

__all__ = ["CellError", "assessment_from_record"]
