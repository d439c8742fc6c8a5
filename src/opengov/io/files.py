"""Reading and writing files: the format is chosen from the path.

``.json`` is the library's JSON; a folder (an existing one, or a path ending in ``/``) holds CSV
tables, and ``.zip`` a zip of them; RDF formats register themselves when available
(``.ttl``, ``.nt``, ``.jsonld``).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from attrs import frozen

from opengov.errors import DumpError, LoadError, Problem
from opengov.io import json as json_format
from opengov.io.atomic import atomic_write
from opengov.io.limits import MAX_INPUT_BYTES, read_regular_file

__all__ = ["FORMATS", "Format", "atomic_write", "dump", "format_for", "load"]

Reader = Callable[[Path], Any]
Writer = Callable[[object, Path, dict[str, Any]], None]


@frozen
class Format:
    """A file format: its name, the path endings it claims, and how to read and write it."""

    name: str
    suffixes: tuple[str, ...]
    read: Reader
    write: Writer
    to_text: Callable[[object], str] | None = None


def _read_json(path: Path) -> Any:
    return json_format.loads(read_regular_file(path))


def _write_json(obj: object, path: Path, options: dict[str, Any]) -> None:
    data = json_format.dump_bytes(obj)
    atomic_write(path, lambda tmp: tmp.write_bytes(data))


def _read_csv_folder(path: Path) -> Any:
    from opengov.io.csv import read_folder

    return read_folder(path)


def _write_csv_folder(obj: object, path: Path, options: dict[str, Any]) -> None:
    from opengov.io.csv import write_folder

    write_folder(obj, path, spreadsheet_safe=bool(options.get("spreadsheet_safe")))


def _read_csv_zip(path: Path) -> Any:
    from opengov.io.csv import read_zip

    return read_zip(path)


def _write_csv_zip(obj: object, path: Path, options: dict[str, Any]) -> None:
    from opengov.io.csv import write_zip

    write_zip(obj, path, spreadsheet_safe=bool(options.get("spreadsheet_safe")))


def _rdf_format(name: str, suffixes: tuple[str, ...]) -> Format:
    def read(path: Path) -> Any:
        from opengov.io.rdf import loads

        return loads(_read_text(path), format=name)

    def write(obj: object, path: Path, options: dict[str, Any]) -> None:
        from opengov.io.rdf import dumps

        text = dumps(obj, format=name, base=options.get("base"))
        atomic_write(path, lambda tmp: _write_text(tmp, text))

    def to_text(obj: object) -> str:
        from opengov.io.rdf import dumps

        return dumps(obj, format=name)

    return Format(name, suffixes, read, write, to_text)


#: Formats by name.
FORMATS: dict[str, Format] = {
    "json": Format("json", (".json",), _read_json, _write_json, json_format.dumps),
    "csv": Format("csv", ("/",), _read_csv_folder, _write_csv_folder),
    "csv-zip": Format("csv-zip", (".zip",), _read_csv_zip, _write_csv_zip),
    "turtle": _rdf_format("turtle", (".ttl",)),
    "nt": _rdf_format("nt", (".nt",)),
    "json-ld": _rdf_format("json-ld", (".jsonld", ".json-ld")),
}


def format_for(path: str | Path, explicit: str | None = None) -> Format:
    """The format named ``explicit``, or the one the path calls for."""
    if explicit is not None:
        try:
            return FORMATS[explicit]
        except KeyError:
            raise DumpError(f"unknown format {explicit!r} (known: {', '.join(FORMATS)})") from None
    text = str(path)
    if text.endswith(("/", os.sep)) or Path(text).is_dir():
        return FORMATS["csv"]
    lowered = text.lower()
    for fmt in FORMATS.values():
        if fmt.name != "csv" and lowered.endswith(fmt.suffixes):
            return fmt
    known = ", ".join(s for fmt in FORMATS.values() for s in fmt.suffixes)
    if lowered.endswith(".csv"):
        raise DumpError(
            f"cannot tell the format of {text!r}: a single .csv file is not one of this library's "
            "formats (CSV tables are a folder or a .zip); for OGP's commitment export, use "
            "`opengov ogp import` or opengov.io.ogp.read_export"
        )
    raise DumpError(
        f"cannot tell the format of {text!r} from its name (known endings: {known}; "
        "a folder means CSV tables)"
    )


def _write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="")


def _read_text(path: Path) -> str:
    try:
        return read_regular_file(path).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LoadError(
            [Problem(f"byte {exc.start}", "not UTF-8 text")], source=str(path)
        ) from None


def load(
    source: str | Path, *, format: str | None = None, expected: type[Any] | None = None
) -> Any:
    """Read a model object from a path (format from its name), or from JSON text.

    Text starting with ``{`` or ``[`` is read as JSON; anything else is a path. Raises
    :class:`~opengov.LoadError` naming the file and the place of every problem.
    """
    if isinstance(source, str) and source.lstrip()[:1] in ("{", "["):
        return json_format.loads(source, expected=expected)
    try:
        path = Path(source)
        fmt = format_for(path, format)
        exists, is_dir = path.exists(), path.is_dir()
    except DumpError as exc:
        raise LoadError([Problem(str(source)[:80], str(exc))]) from None
    except (OSError, ValueError) as exc:  # a name too long, a NUL byte in the name, ...
        shown = str(source)[:80] + ("..." if len(str(source)) > 80 else "")
        message = f"not a path that can be read ({exc.__class__.__name__})"
        raise LoadError([Problem(shown, message)]) from None
    if fmt.name == "csv":
        if not is_dir:
            raise LoadError([Problem("", "no such folder")], source=str(path))
    elif not exists:
        raise LoadError([Problem("", "no such file")], source=str(path))
    elif is_dir:
        raise LoadError([Problem("", "is a folder, not a file")], source=str(path))
    elif path.stat().st_size > MAX_INPUT_BYTES:
        limit = MAX_INPUT_BYTES // 2**20
        raise LoadError([Problem("", f"larger than the {limit} MiB input limit")], source=str(path))
    try:
        obj = fmt.read(path)
    except LoadError as exc:
        raise LoadError(exc.problems, source=exc.source or str(path)) from None
    except RecursionError:
        raise LoadError([Problem("", "nested too deeply")], source=str(path)) from None
    except OSError as exc:
        raise LoadError([Problem("", exc.strerror or str(exc))], source=str(path)) from None
    if expected is not None and not isinstance(obj, expected):
        message = f"expected a {expected.__name__}, got a {type(obj).__name__}"
        raise LoadError([Problem("$.kind", message)], source=str(path))
    return obj


def dump(
    obj: object,
    dest: str | Path | None = None,
    *,
    format: str | None = None,
    **options: Any,
) -> str | None:
    """Write a model object to ``dest`` (format from its name), or return its text if no dest.

    Options: ``spreadsheet_safe`` (CSV), ``base`` (RDF base IRI). Files are written atomically:
    a failure never leaves a half-written file.
    """
    if dest is None:
        fmt = FORMATS[format or "json"]
        if fmt.to_text is None:
            raise DumpError(f"the {fmt.name} format needs a destination path")
        return fmt.to_text(obj)
    fmt = format_for(dest, format)
    fmt.write(obj, Path(dest), options)
    return None
