"""Reading and writing files: the format is named, or chosen from the path.

``.json`` is the library's JSON; a folder (an existing one, or a path ending in ``/``) holds CSV
tables, and ``.zip`` a zip of them; ``.ttl``, ``.nt`` and ``.jsonld`` are RDF. ``format=`` names
one of :data:`FORMATS` instead, e.g. ``format="csv"`` for a new folder given as a
:class:`~pathlib.Path` (which keeps no trailing ``/``).

Formats are registered by module path, as rdflib registers its plugins: each :class:`Format`
names the module that reads and writes it, imported on first use (so ``import opengov`` does not
import rdflib). Every format module has the same verbs: ``load(path, **options)`` and
``dump(obj, path, **options)``, and for a text format ``loads(text, **options)`` and
``dumps(obj, **options)``; a format's own options (``zip=True``, ``format="turtle"``) are given
to each verb, so one module can serve several formats.
"""

from __future__ import annotations

import importlib
import inspect
import os
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType, ModuleType
from typing import Any

from attrs import field, frozen

from opengov.errors import DumpError, LoadError, UnknownFormatError
from opengov.io import json as json_format
from opengov.io._fs import MAX_INPUT_BYTES
from opengov.issues import Issue

__all__ = ["FORMATS", "Format", "dump", "format_for", "load", "loads"]


def _read_only(options: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(options))


@frozen
class Format:
    """A file format: its name, the path endings it claims, the module that reads and writes it,
    and the options that module's verbs get for this format."""

    name: str
    suffixes: tuple[str, ...]
    module: str
    """The module with the verbs ``load``, ``dump`` (and ``loads``, ``dumps`` for text)."""
    options: Mapping[str, Any] = field(factory=dict, converter=_read_only)

    def plugin(self) -> ModuleType:
        """The format's module (imported on first use: the RDF formats need rdflib)."""
        return importlib.import_module(self.module)

    @property
    def text(self) -> bool:
        """The format is text: its module reads and writes strings (``loads``, ``dumps``)."""
        plugin = self.plugin()
        return hasattr(plugin, "loads") and hasattr(plugin, "dumps")

    def load(self, path: Path) -> Any:
        """Read a model object from ``path``."""
        return self.plugin().load(path, **self.options)

    def loads(self, text: str) -> Any:
        """Read a model object from text (a text format only)."""
        return self.plugin().loads(text, **self.options)

    def dump(self, obj: object, path: Path, options: Mapping[str, Any]) -> None:
        """Write ``obj`` to ``path``; the ``options`` this format's writer does not take, or that
        the format sets itself, are ignored (``spreadsheet_safe`` means nothing to JSON)."""
        write = self.plugin().dump
        taken = set(inspect.signature(write).parameters) - set(self.options)
        given = {name: value for name, value in options.items() if name in taken}
        write(obj, path, **given, **self.options)

    def dumps(self, obj: object) -> str:
        """The text of ``obj`` (a text format only)."""
        text: str = self.plugin().dumps(obj, **self.options)
        return text


FORMATS: dict[str, Format] = {
    "json": Format("json", (".json",), "opengov.io.json"),
    "csv": Format("csv", ("/",), "opengov.io.csv"),
    "csv-zip": Format("csv-zip", (".zip",), "opengov.io.csv", {"zip": True}),
    "turtle": Format("turtle", (".ttl",), "opengov.io.rdf", {"format": "turtle"}),
    "nt": Format("nt", (".nt",), "opengov.io.rdf", {"format": "nt"}),
    "json-ld": Format("json-ld", (".jsonld", ".json-ld"), "opengov.io.rdf", {"format": "json-ld"}),
}
"""Formats by name: ``json``, ``csv`` (a folder), ``csv-zip``, ``turtle``, ``nt``, ``json-ld``."""


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
    starting with ``{`` or ``[`` is read as JSON (unless ``format`` names another format), even
    when it is also a file's name (give that as a :class:`~pathlib.Path`); any other text is a
    path; text in another format goes to :func:`loads`. Raises :class:`~opengov.LoadError`
    naming the file and the place of every problem, and :class:`~opengov.UnknownFormatError` for
    a format name that is not known.
    """
    fmt_named = None if format is None else named_format(format)
    if isinstance(source, Mapping):
        if fmt_named is not None and fmt_named.name != "json":
            message = f"a dict is read as a JSON document, not as {fmt_named.name}"
            raise LoadError([Issue("$", "bad-argument", message)])
        return json_format.from_dict(dict(source), expected=expected)
    given: object = source  # untyped callers may pass anything
    if not isinstance(given, str | os.PathLike):
        message = (
            f"cannot read a value of type {type(given).__name__}: expected a path, a document "
            "dict or JSON text (bytes, or text in another format: use opengov.loads)"
        )
        raise LoadError([Issue("", "bad-argument", message)])
    as_json = fmt_named is None or fmt_named.name == "json"
    if as_json and isinstance(source, str) and source.lstrip()[:1] in ("{", "["):
        try:
            return json_format.loads(source, expected=expected)
        except LoadError as exc:
            raise _named_a_file(exc, source) from None
    try:
        path = Path(source)
        fmt = format_for(path, format)
        exists, is_dir = path.exists(), path.is_dir()
    except DumpError as exc:
        raise LoadError([Issue(str(source)[:80], "unknown-format", str(exc))]) from None
    except (OSError, ValueError) as exc:  # a name too long, a NUL byte in the name, ...
        shown = str(source)[:80] + ("..." if len(str(source)) > 80 else "")
        message = f"not a path that can be read ({exc.__class__.__name__})"
        raise LoadError([Issue(shown, "bad-path", message)]) from None
    if fmt.name == "csv":
        if not is_dir:
            raise LoadError([Issue("", "not-found", "no such folder")], source=str(path))
    elif not exists:
        raise LoadError([Issue("", "not-found", "no such file")], source=str(path))
    elif is_dir:
        raise LoadError([Issue("", "not-a-file", "is a folder, not a file")], source=str(path))
    elif path.stat().st_size > MAX_INPUT_BYTES:
        limit = MAX_INPUT_BYTES // 2**20
        message = f"larger than the {limit} MiB input limit"
        raise LoadError([Issue("", "too-large", message)], source=str(path))
    try:
        obj = fmt.load(path)
    except LoadError as exc:
        raise LoadError(exc.issues, source=exc.source or str(path)) from None
    except RecursionError:
        raise LoadError([Issue("", "too-deep", "nested too deeply")], source=str(path)) from None
    except OSError as exc:
        raise LoadError(
            [Issue("", "unreadable", exc.strerror or str(exc))], source=str(path)
        ) from None
    if expected is not None and not isinstance(obj, expected):
        message = f"expected a {expected.__name__}, got a {type(obj).__name__}"
        raise LoadError([Issue("$.kind", "wrong-kind", message)], source=str(path))
    return obj


def _named_a_file(exc: LoadError, text: str) -> LoadError:
    """``exc``, read from text that is also the name of a file, saying how to read the file."""
    try:
        named = len(text) < 4096 and Path(text).is_file()
    except (OSError, ValueError):
        named = False
    if not named:
        return exc
    hint = Issue(
        "",
        "bad-argument",
        "text starting with { or [ is read as JSON: a file of this "
        "name exists, give it as a pathlib.Path to read it",
    )
    return LoadError([*exc.issues, hint], source=exc.source)


def loads(text: str | bytes, *, format: str = "json", expected: type[Any] | None = None) -> Any:
    """Read a model object from text in a text format: ``json`` (the default), ``turtle``,
    ``nt`` or ``json-ld``.

    Raises :class:`~opengov.LoadError` with the place of every problem,
    :class:`~opengov.UnknownFormatError` for an unknown format name.
    """
    fmt = named_format(format)
    if not fmt.text:
        message = f"the {fmt.name} format is not text: read it from its path with load()"
        raise LoadError([Issue("", "bad-argument", message)])
    given: object = text  # untyped callers may pass anything
    if not isinstance(given, str | bytes):
        message = f"expected text, got a {type(given).__name__}"
        raise LoadError([Issue("", "bad-argument", message)])
    if fmt.name == "json":
        return json_format.loads(text, expected=expected)
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise LoadError([Issue(f"byte {exc.start}", "not-utf8", "not UTF-8 text")]) from None
    obj = fmt.loads(text)
    if expected is not None and not isinstance(obj, expected):
        message = f"expected a {expected.__name__}, got a {type(obj).__name__}"
        raise LoadError([Issue("$.kind", "wrong-kind", message)])
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
    (CSV), ``base`` (RDF base IRI); a format ignores those it does not take. Files are written
    atomically: a failure never leaves a half-written file. Raises :class:`~opengov.UnknownFormatError` for an unknown format name.
    """
    if dest is None:
        fmt = named_format("json" if format is None else format)
        if not fmt.text:
            raise DumpError(f"the {fmt.name} format needs a destination path")
        return fmt.dumps(obj)
    fmt = format_for(dest, format)
    fmt.dump(obj, Path(dest), options)
    return None
