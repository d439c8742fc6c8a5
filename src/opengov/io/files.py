"""Reading and writing files: the format is named, or chosen from the path.

``.json`` is the library's JSON; a folder (an existing one, or a path ending in ``/``) holds CSV
tables, and ``.zip`` a zip of them; RDF formats register themselves when available
(``.ttl``, ``.nt``, ``.jsonld``). ``format=`` names one of :data:`FORMATS` instead, e.g.
``format="csv"`` for a new folder given as a :class:`~pathlib.Path` (which keeps no trailing
``/``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from attrs import frozen

from opengov.errors import DumpError, LoadError, Problem, UnknownFormatError
from opengov.io import json as json_format
from opengov.io.atomic import atomic_write
from opengov.io.limits import MAX_INPUT_BYTES, read_regular_file

__all__ = ["FORMATS", "Format", "atomic_write", "dump", "format_for", "load", "loads"]

Reader = Callable[[Path], Any]
Writer = Callable[[object, Path, dict[str, Any]], None]


@frozen
class Format:
    """A file format: its name, the path endings it claims, and how to read and write it (and,
    for a text format, how to turn an object into text and back)."""

    name: str
    suffixes: tuple[str, ...]
    read: Reader
    write: Writer
    to_text: Callable[[object], str] | None = None
    from_text: Callable[[str], Any] | None = None


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

    def from_text(text: str) -> Any:
        from opengov.io.rdf import loads

        return loads(text, format=name)

    return Format(name, suffixes, read, write, to_text, from_text)


#: Formats by name.
FORMATS: dict[str, Format] = {
    "json": Format(
        "json", (".json",), _read_json, _write_json, json_format.dumps, json_format.loads
    ),
    "csv": Format("csv", ("/",), _read_csv_folder, _write_csv_folder),
    "csv-zip": Format("csv-zip", (".zip",), _read_csv_zip, _write_csv_zip),
    "turtle": _rdf_format("turtle", (".ttl",)),
    "nt": _rdf_format("nt", (".nt",)),
    "json-ld": _rdf_format("json-ld", (".jsonld", ".json-ld")),
}


def named_format(name: str) -> Format:
    """The format called ``name``; raises :class:`~opengov.UnknownFormatError` listing them."""
    try:
        return FORMATS[name]
    except (KeyError, TypeError):  # TypeError: not a name at all (a list, ...)
        raise UnknownFormatError(name, FORMATS) from None


def format_for(path: str | os.PathLike[str], explicit: str | None = None) -> Format:
    """The format named ``explicit``, or the one the path calls for."""
    if explicit is not None:
        return named_format(explicit)
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
        f"cannot tell the format of {text!r} from its name (known endings: {known}; a folder "
        f"means CSV tables); or name the format ({', '.join(FORMATS)}) with format= (--to in "
        "the CLI)"
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
    source: str | os.PathLike[str] | Mapping[str, Any],
    *,
    format: str | None = None,
    expected: type[Any] | None = None,
) -> Any:
    """Read a model object from a path, from a document dict, or from JSON text.

    A path's format comes from its name unless ``format`` names one of :data:`FORMATS` (e.g.
    ``"csv"`` for a folder). A dict is a document (what :func:`opengov.io.json.to_dict` returns:
    ``schema_version``, ``kind`` and the fields), structured exactly as its JSON would be. Text
    starting with ``{`` or ``[`` is read as JSON (unless ``format`` names another format); any
    other text is a path; text in another format goes to :func:`loads`. Raises
    :class:`~opengov.LoadError` naming the file and the place of every problem, and
    :class:`~opengov.UnknownFormatError` for a format name that is not known.
    """
    fmt_named = None if format is None else named_format(format)
    if isinstance(source, Mapping):
        if fmt_named is not None and fmt_named.name != "json":
            message = f"a dict is read as a JSON document, not as {fmt_named.name}"
            raise LoadError([Problem("$", message)])
        return json_format.from_dict(dict(source), expected=expected)
    given: object = source  # untyped callers may pass anything
    if not isinstance(given, str | os.PathLike):
        message = (
            f"cannot read a value of type {type(given).__name__}: expected a path, a document "
            "dict or JSON text (bytes, or text in another format: use opengov.loads)"
        )
        raise LoadError([Problem("", message)])
    as_json = fmt_named is None or fmt_named.name == "json"
    if as_json and isinstance(source, str) and source.lstrip()[:1] in ("{", "["):
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


def loads(text: str | bytes, *, format: str = "json", expected: type[Any] | None = None) -> Any:
    """Read a model object from text in a text format: ``json`` (the default), ``turtle``,
    ``nt`` or ``json-ld``.

    Raises :class:`~opengov.LoadError` with the place of every problem,
    :class:`~opengov.UnknownFormatError` for an unknown format name.
    """
    fmt = named_format(format)
    if fmt.from_text is None:
        message = f"the {fmt.name} format is not text: read it from its path with load()"
        raise LoadError([Problem("", message)])
    given: object = text  # untyped callers may pass anything
    if not isinstance(given, str | bytes):
        raise LoadError([Problem("", f"expected text, got a {type(given).__name__}")])
    if fmt.name == "json":
        return json_format.loads(text, expected=expected)
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise LoadError([Problem(f"byte {exc.start}", "not UTF-8 text")]) from None
    obj = fmt.from_text(text)
    if expected is not None and not isinstance(obj, expected):
        message = f"expected a {expected.__name__}, got a {type(obj).__name__}"
        raise LoadError([Problem("$.kind", message)])
    return obj


def dump(
    obj: object,
    dest: str | os.PathLike[str] | None = None,
    *,
    format: str | None = None,
    **options: Any,
) -> str | None:
    """Write a model object to ``dest``, or return its text if no dest.

    The format comes from ``dest``'s name unless ``format`` names one of :data:`FORMATS`
    (``format="csv"`` writes CSV tables into the folder ``dest``). Options: ``spreadsheet_safe``
    (CSV), ``base`` (RDF base IRI). Files are written atomically: a failure never leaves a
    half-written file. Raises :class:`~opengov.UnknownFormatError` for an unknown format name.
    """
    if dest is None:
        fmt = named_format("json" if format is None else format)
        if fmt.to_text is None:
            raise DumpError(f"the {fmt.name} format needs a destination path")
        return fmt.to_text(obj)
    fmt = format_for(dest, format)
    fmt.write(obj, Path(dest), options)
    return None
