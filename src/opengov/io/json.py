"""JSON: the library's own format (the converter's dict, with an envelope)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from opengov.errors import DumpError, LoadError
from opengov.io._converter import surrogate_problems
from opengov.io._document import from_document, to_document
from opengov.io._fs import atomic_write, no_gc, read_regular_file
from opengov.io._json_keys import duplicate_keys
from opengov.issues import Issue

__all__ = ["dump", "dump_bytes", "dumps", "from_dict", "load", "loads", "to_dict"]


def to_dict(obj: object) -> dict[str, Any]:
    """The JSON-ready document of a model object (with ``schema_version`` and ``kind``)."""
    return to_document(obj)


def from_dict(data: Any, *, expected: type[Any] | None = None) -> Any:
    """Rebuild a model object from a document dict; raises :class:`~opengov.LoadError`."""
    problems = surrogate_problems(data)
    if problems:
        raise LoadError(problems)
    return from_document(data, expected=expected)


def dump_bytes(obj: object, *, indent: bool = True) -> bytes:
    """The UTF-8 JSON of a model object (indented by two spaces unless ``indent=False``)."""
    document = to_document(obj)
    option = orjson.OPT_APPEND_NEWLINE | (orjson.OPT_INDENT_2 if indent else 0)
    try:
        with no_gc():
            return orjson.dumps(document, option=option)
    except (orjson.JSONEncodeError, TypeError) as exc:
        raise DumpError(f"cannot write JSON: {exc}") from None


def dumps(obj: object, *, indent: bool = True) -> str:
    """The JSON text of a model object."""
    return dump_bytes(obj, indent=indent).decode("utf-8")


def loads(text: str | bytes, *, expected: type[Any] | None = None) -> Any:
    """Read a model object from JSON text; raises :class:`~opengov.LoadError` (also for a key
    given twice in one object, which JSON parsers would otherwise read as the last one)."""
    try:
        with no_gc():
            data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        if "UTF-8" in exc.msg and isinstance(text, bytes):
            try:
                text.decode("utf-8")
            except UnicodeDecodeError as bad:
                raise LoadError(
                    [Issue(f"byte {bad.start}", "not-utf8", "not UTF-8 text")]
                ) from None
        where = f"line {exc.lineno}, column {exc.colno}"
        message = exc.msg.replace("unexpected end of data", "the text ends too early")
        raise LoadError([Issue(where, "json-syntax", f"not valid JSON: {message}")]) from None
    repeated = duplicate_keys(text, data)
    if repeated:
        raise LoadError(repeated)
    return from_document(data, expected=expected)


def load(path: str | Path, *, expected: type[Any] | None = None) -> Any:
    """Read a model object from a JSON file; raises :class:`~opengov.LoadError`."""
    return loads(read_regular_file(Path(path)), expected=expected)


def dump(obj: object, path: str | Path, *, indent: bool = True) -> None:
    """Write the JSON of a model object to ``path`` (atomically)."""
    data = dump_bytes(obj, indent=indent)
    atomic_write(path, lambda tmp: tmp.write_bytes(data))
