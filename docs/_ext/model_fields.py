"""Griffe extension: a table of fields under each model class of the API reference.

For every attrs class of ``opengov.model``, the class docstring gains a "Fields:" section listing
each field with its type (as written in the annotation), its default and its meaning. Meanings
come from ``opengov/model/data/fields.toml`` through :func:`opengov.model.describe.field_doc`;
defaults come from the attrs class itself, so the table cannot drift from the code.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs
import griffe

from opengov.model.describe import field_doc, model_classes, public_fields

PACKAGE = "opengov"


def default_text(field: attrs.Attribute[Any]) -> str | None:
    """The default of a field as Python source (``None`` when the field is required)."""
    default = field.default
    if default is attrs.NOTHING:
        return None
    factory = getattr(default, "factory", None)  # an attrs.Factory (a function in attrs' stubs)
    if factory is not None:
        return "[]" if factory is list else f"{factory.__name__}()"
    if isinstance(default, enum.Enum):
        return f"{type(default).__name__}.{default.name}"
    return repr(default)


class ModelFields(griffe.Extension):
    """Add a "Fields:" table to the docstring of every attrs class of ``opengov.model``."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        if pkg.path != PACKAGE:
            return
        for cls in model_classes():
            documented = pkg.modules_collection.get_member(f"{cls.__module__}.{cls.__qualname__}")
            add_fields_section(documented, cls)


def add_fields_section(documented: griffe.Class, cls: type) -> None:
    """Append the "Fields:" section to the parsed docstring of ``documented``.

    Parsing happens here, so extensions that rewrite docstring text (``sphinx_roles.py``) must
    be listed before this one in ``mkdocs.yml``.
    """
    rows = []
    for field in public_fields(cls):
        member = documented.members[field.name]
        assert isinstance(member, griffe.Attribute), f"{documented.path}.{field.name}"
        default = default_text(field)
        rows.append(
            griffe.DocstringParameter(
                field.name,
                annotation=member.annotation,
                description=field_doc(cls, field.name).doc,
                value=default,
            )
        )
    if documented.docstring is None:
        documented.docstring = griffe.Docstring("", parent=documented)
    documented.docstring.parsed.append(griffe.DocstringSectionParameters(rows, title="Fields:"))
