"""Reading and writing files: the format is chosen from the path's suffix."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from attrs import frozen

from opengov.errors import DumpError, LoadError, Problem
from opengov.io import json as json_format

__all__ = ["FORMATS", "Format", "atomic_write", "dump", "format_for", "load"]


@frozen
class Format:
    """A file format: its name, suffixes, and text reader and writer."""

    name: str
    suffixes: tuple[str, ...]
    read_text: Callable[[str], Any]
    write_text: Callable[[object], str]


#: Formats by name. Later formats register themselves here.
FORMATS: dict[str, Format] = {
    "json": Format("json", (".json",), json_format.loads, json_format.dumps),
}


def format_for(path: str | Path, explicit: str | None = None) -> Format:
    """The format named ``explicit``, or the one whose suffix ``path`` ends with."""
    if explicit is not None:
        try:
            return FORMATS[explicit]
        except KeyError:
            raise DumpError(f"unknown format {explicit!r} (known: {', '.join(FORMATS)})") from None
    name = str(path).lower()
    for fmt in FORMATS.values():
        if name.endswith(fmt.suffixes):
            return fmt
    known = ", ".join(s for fmt in FORMATS.values() for s in fmt.suffixes)
    raise DumpError(f"cannot tell the format of {str(path)!r} from its suffix (known: {known})")


def atomic_write(path: str | Path, write: Callable[[Path], None]) -> None:
    """Write ``path`` through a temporary file in the same folder, renamed into place.

    If ``write`` fails, nothing is left behind and an existing file is unchanged.
    """
    target = Path(path)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or "."
    )
    os.close(handle)
    try:
        write(Path(temporary))
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def load(
    source: str | Path, *, format: str | None = None, expected: type[Any] | None = None
) -> Any:
    """Read a model object from a file path, or from JSON text.

    The format comes from the suffix (``.json``) unless ``format`` names it. Raises
    :class:`~opengov.LoadError` naming the file and the place of every problem.
    """
    if isinstance(source, str) and source.lstrip().startswith("{"):
        return json_format.loads(source, expected=expected)
    path = Path(source)
    fmt = format_for(path, format) if format else _format_or_load_error(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LoadError([Problem("", "no such file")], source=str(path)) from None
    except IsADirectoryError:
        raise LoadError([Problem("", "is a folder, not a file")], source=str(path)) from None
    except UnicodeDecodeError as exc:
        raise LoadError(
            [Problem(f"byte {exc.start}", "not UTF-8 text")], source=str(path)
        ) from None
    except OSError as exc:
        raise LoadError([Problem("", exc.strerror or str(exc))], source=str(path)) from None
    try:
        return (
            fmt.read_text(text) if expected is None else json_format.loads(text, expected=expected)
        )
    except LoadError as exc:
        raise LoadError(exc.problems, source=str(path)) from None


def _format_or_load_error(path: Path) -> Format:
    try:
        return format_for(path)
    except DumpError as exc:
        raise LoadError([Problem("", str(exc))], source=str(path)) from None


def dump(obj: object, dest: str | Path | None = None, *, format: str | None = None) -> str | None:
    """Write a model object to ``dest`` (format from its suffix), or return JSON text if no dest.

    Files are written atomically: a failure never leaves a half-written file.
    """
    if dest is None:
        return (FORMATS[format] if format else FORMATS["json"]).write_text(obj)
    fmt = format_for(dest, format)
    text = fmt.write_text(obj)

    def write(temporary: Path) -> None:
        temporary.write_text(text, encoding="utf-8")

    atomic_write(dest, write)
    return None
