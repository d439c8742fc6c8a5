"""JSON: the library's own format (the converter's dict, with an envelope)."""

from __future__ import annotations

import json
from typing import Any

from opengov.errors import LoadError, Problem
from opengov.io.document import from_document, to_document

__all__ = ["dumps", "from_dict", "loads", "to_dict"]


def to_dict(obj: object) -> dict[str, Any]:
    """The JSON-ready document of a model object (with ``schema_version`` and ``kind``)."""
    return to_document(obj)


def from_dict(data: Any, *, expected: type[Any] | None = None) -> Any:
    """Rebuild a model object from a document dict; raises :class:`~opengov.LoadError`."""
    return from_document(data, expected=expected)


def dumps(obj: object, *, indent: int | None = 2) -> str:
    """The JSON text of a model object."""
    return json.dumps(to_document(obj), ensure_ascii=False, indent=indent) + "\n"


def loads(text: str | bytes, *, expected: type[Any] | None = None) -> Any:
    """Read a model object from JSON text; raises :class:`~opengov.LoadError`."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise LoadError([Problem(where, f"not valid JSON: {exc.msg}")]) from None
    except UnicodeDecodeError as exc:
        raise LoadError([Problem(f"byte {exc.start}", "not UTF-8 text")]) from None
    return from_document(data, expected=expected)
