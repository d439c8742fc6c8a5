"""CSV tables: one file per list type, in a folder or a ``.zip``.

Each table is RFC 4180 CSV (UTF-8, comma, CRLF, a header row). A missing value is an empty cell;
an empty text is written ``""`` (a quoted empty field), so the two stay distinct. ``meta.csv``
holds the document's ``schema_version``, ``kind`` and whether the cells were made
``spreadsheet_safe``.

``spreadsheet_safe=True`` prefixes text cells that a spreadsheet would run as a formula
(leading ``=``, ``+``, ``-``, ``@``, tab or carriage return) with an apostrophe, and writes a
byte-order mark so spreadsheets read UTF-8; reading the tables back removes exactly those
apostrophes and returns the original text.
"""

from __future__ import annotations

import re
import stat
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from opengov.errors import LoadError
from opengov.io._document import KINDS, SCHEMA_VERSION, document_kind
from opengov.io._fs import atomic_folder, atomic_write, no_gc, read_regular_file
from opengov.io._spreadsheet import neutralise as _neutralise
from opengov.io._spreadsheet import restore as _restore
from opengov.io._tables import (
    EMPTY_TEXT,
    Cell,
    Column,
    Field,
    TableSchema,
    schema_for,
    table_lines,
    unflatten_rows,
)
from opengov.issues import Issue

__all__ = [
    "Column",
    "TableSchema",
    "decode_table",
    "dump",
    "encode_table",
    "load",
    "read_folder",
    "read_tables",
    "read_zip",
    "schema_for",
    "write_folder",
    "write_zip",
]

META = "meta"
_NEEDS_QUOTES = re.compile(r'[",\r\n]')
_FIELD = re.compile(r'"((?:[^"]|"")*)"|([^,"\r\n]*)')
_MAX_TABLE_BYTES = 512 * 1024 * 1024
_MAX_TOTAL_BYTES = 1024 * 1024 * 1024
_MAX_TABLES = 1000


# --- cells --------------------------------------------------------------------------------------


def _field(cell: Cell) -> str:
    if cell is None:
        return ""
    if cell == "" or _NEEDS_QUOTES.search(cell):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def _quoted(field: object) -> str:
    if field is EMPTY_TEXT:
        return '""'
    text = field if isinstance(field, str) else str(field)
    if _NEEDS_QUOTES.search(text):
        return '"' + text.replace('"', '""') + '"'
    return text


def _line(fields: list[Field]) -> str:
    """The CSV line of a row of fields (see :func:`~opengov.io._tables.table_fields`), quoting
    the fields that need it."""
    return ",".join([_quoted(field) for field in fields])


def encode_table(
    header: list[str], rows: Iterable[list[Cell]] | Iterable[str], written: bool = False
) -> str:
    """CSV text of a table (CRLF line ends, ``""`` for empty text, nothing for missing).

    ``rows`` are lists of cells (``None`` for a missing value), or with ``written=True`` their
    CSV lines already written (see :func:`~opengov.io._tables.table_lines`).
    """
    if written:
        lines = [",".join([_field(name) for name in header]), *rows, ""]
        return "\r\n".join(lines)
    return encode_table(
        header,
        [_line(["" if cell is None else cell or EMPTY_TEXT for cell in row]) for row in rows],
        True,
    )


def decode_table(text: str, name: str) -> tuple[list[str], list[list[Cell]]]:
    """Parse CSV text into a header and rows of cells (``None`` for empty unquoted fields).

    Raises :class:`~opengov.LoadError` naming the table, line and column of malformed input.
    """
    text = text.removeprefix("\ufeff")
    records: list[list[Cell]] = []
    position, line, length = 0, 1, len(text)
    find = text.find
    while position < length:
        # Fast path: a line with no quote is a whole record of unquoted fields.
        end = find("\n", position)
        stop = length if end < 0 else end
        if find('"', position, stop) < 0:
            raw_line = text[position:stop]
            if raw_line.endswith("\r"):
                raw_line = raw_line[:-1]
            if "\r" not in raw_line:
                records.append([cell or None for cell in raw_line.split(",")])
                position = stop + 1
                line += 1
                continue
        record: list[Cell] = []
        while True:
            match = _FIELD.match(text, position)
            assert match is not None  # the pattern matches the empty string
            if match.group(1) is not None:
                value: Cell = match.group(1).replace('""', '"')
                line += match.group(1).count("\n")
            else:
                raw = match.group(2)
                value = raw if raw else None
            position = match.end()
            record.append(value)
            if position >= length:
                break
            char = text[position]
            if char == ",":
                position += 1
                continue
            if char == "\r" and text.startswith("\r\n", position):
                position += 2
                break
            if char in "\r\n":
                position += 1
                break
            where = f"{name}.csv line {line}, column {len(record)}"
            raise LoadError(
                [
                    Issue(
                        where,
                        "csv-syntax",
                        "malformed CSV: a quote inside an unquoted field or after a quoted one",
                    )
                ]
            )
        line += 1
        records.append(record)
    if not records:
        raise LoadError(
            [Issue(f"{name}.csv", "csv-header", "empty file: a header row is required")]
        )
    header_cells = records[0]
    if any(cell is None for cell in header_cells):
        raise LoadError(
            [Issue(f"{name}.csv line 1", "csv-header", "empty column name in the header")]
        )
    header = [cell for cell in header_cells if cell is not None]
    if len(set(header)) != len(header):
        raise LoadError(
            [Issue(f"{name}.csv line 1", "duplicate-column", "a column name appears twice")]
        )
    rows = records[1:]
    for number, row in enumerate(rows, start=2):
        if len(row) != len(header):
            raise LoadError(
                [
                    Issue(
                        f"{name}.csv row {number}",
                        "csv-width",
                        f"has {len(row)} cells, the header has {len(header)}",
                    )
                ]
            )
    return header, rows


# --- documents ----------------------------------------------------------------------------------


def _tables_text(obj: object, spreadsheet_safe: bool) -> dict[str, str]:
    with no_gc():
        return _encode_tables(obj, spreadsheet_safe)


def _encode_tables(obj: object, spreadsheet_safe: bool) -> dict[str, str]:
    kind = document_kind(obj)
    files: dict[str, str] = {}
    meta: list[list[Cell]] = [
        ["schema_version", SCHEMA_VERSION],
        ["kind", kind],
        ["spreadsheet_safe", "true" if spreadsheet_safe else "false"],
    ]
    files[META] = encode_table(["key", "value"], meta)
    tables = table_lines(obj, _line, _neutralise if spreadsheet_safe else None)
    for name, schema in schema_for(type(obj)).items():
        files[name] = encode_table(schema.header, tables[name], True)
    if spreadsheet_safe:
        files = {name: "\ufeff" + text for name, text in files.items()}
    return files


def write_folder(obj: object, folder: str | Path, *, spreadsheet_safe: bool = False) -> None:
    """Write the tables of a plan (or standard set) into ``folder`` (created if needed).

    The tables are first written into a temporary folder beside it, then moved into place, so a
    failure leaves the folder as it was (see :func:`opengov.io._fs.atomic_folder`).
    """
    files = _tables_text(obj, spreadsheet_safe)
    atomic_folder(folder, {f"{name}.csv": text.encode("utf-8") for name, text in files.items()})


def write_zip(obj: object, path: str | Path, *, spreadsheet_safe: bool = False) -> None:
    """Write the tables of a plan (or standard set) into a zip file."""
    files = _tables_text(obj, spreadsheet_safe)

    def write(tmp: Path) -> None:
        # the fastest deflate: tables of text still shrink four to six times
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            for name, text in files.items():
                archive.writestr(f"{name}.csv", text.encode("utf-8"))

    atomic_write(path, write)


def read_tables(files: dict[str, str], *, source: str = "") -> Any:
    """Rebuild a plan (or standard set) from CSV texts keyed by table name."""
    with no_gc():
        return _read_tables(files, source=source)


def _read_tables(files: dict[str, str], *, source: str = "") -> Any:
    if META not in files:
        raise LoadError(
            [Issue("meta.csv", "csv-meta", "missing: the tables need their meta.csv")],
            source=source or None,
        )
    meta_header, meta_rows = decode_table(files[META], META)
    if meta_header != ["key", "value"]:
        raise LoadError(
            [Issue("meta.csv line 1", "csv-meta", "expected the columns key,value")],
            source=source or None,
        )
    meta = {row[0]: row[1] for row in meta_rows if row[0] is not None}
    version, kind = meta.get("schema_version"), meta.get("kind")
    if version != SCHEMA_VERSION:
        raise LoadError(
            [
                Issue(
                    "meta.csv",
                    "schema-version",
                    f"unsupported schema_version {version!r} (this library writes {SCHEMA_VERSION})",
                )
            ],
            source=source or None,
        )
    if kind not in KINDS:
        raise LoadError(
            [
                Issue(
                    "meta.csv",
                    "unknown-kind",
                    f"kind must be one of {', '.join(KINDS)}, got {kind!r}",
                )
            ],
            source=source or None,
        )
    safe = meta.get("spreadsheet_safe", "false")
    if safe not in ("true", "false"):
        raise LoadError(
            [
                Issue(
                    "meta.csv", "csv-meta", f"spreadsheet_safe must be true or false, got {safe!r}"
                )
            ],
            source=source or None,
        )
    cls = KINDS[kind]
    schemas = schema_for(cls)
    tables: dict[str, tuple[list[str], list[list[Cell]]]] = {}
    problems: list[Issue] = []
    for name, text in files.items():
        if name == META:
            continue
        try:
            header, rows = decode_table(text, name)
        except LoadError as exc:
            problems.extend(exc.issues)
            continue
        schema = schemas.get(name)
        if safe == "true" and schema is not None:
            text_columns = {c.name for c in schema.columns if c.text}
            at = [i for i, column in enumerate(header) if column in text_columns]
            for row in rows:
                for i in at:
                    cell = row[i]
                    if cell is not None:
                        row[i] = _restore(cell)
        tables[name] = (header, rows)
    if problems:
        raise LoadError(problems, source=source or None)
    return unflatten_rows(tables, cls, source=source)


def read_folder(folder: str | Path) -> Any:
    """Read the tables in ``folder``."""
    path = Path(folder)
    files: dict[str, str] = {}
    for entry in sorted(path.glob("*.csv")):
        files[entry.stem] = _decode(read_regular_file(entry), entry.name, str(path))
    if not files:
        raise LoadError([Issue("", "not-found", "no .csv tables in this folder")], source=str(path))
    return read_tables(files, source=str(path))


def read_zip(path: str | Path) -> Any:
    """Read the tables in a zip file (at most 1,000 tables and 1 GiB uncompressed)."""
    source = str(path)
    if not stat.S_ISREG(Path(path).stat().st_mode):
        raise LoadError(
            [Issue("", "not-a-file", "not a regular file (a device, a pipe or a folder)")],
            source=source,
        )
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise LoadError(
            [Issue("", "bad-zip", f"not a readable zip file ({exc})")], source=source
        ) from None
    files: dict[str, str] = {}
    with archive:
        members = [info for info in archive.infolist() if not info.filename.endswith("/")]
        if len(members) > _MAX_TABLES:
            message = (
                f"{len(members)} files: more than the {_MAX_TABLES} tables a document can have"
            )
            raise LoadError([Issue("", "too-large", message)], source=source)
        declared = sum(info.file_size for info in members)
        if declared > _MAX_TOTAL_BYTES:
            raise LoadError([Issue("", "too-large", "more than 1 GiB uncompressed")], source=source)
        names: dict[str, str] = {}
        for info in members:  # check every name before extracting anything
            name = info.filename.rsplit("/", 1)[-1]
            if not name.endswith(".csv"):
                message = "unexpected file in the archive (only .csv tables)"
                raise LoadError([Issue(info.filename, "zip-member", message)], source=source)
            table = name.removesuffix(".csv")
            if table in names:
                message = f"the table {name} appears twice (also as {names[table]})"
                raise LoadError([Issue(info.filename, "zip-member", message)], source=source)
            names[table] = info.filename
            if info.file_size > _MAX_TABLE_BYTES:
                message = "table larger than 512 MiB uncompressed"
                raise LoadError([Issue(info.filename, "too-large", message)], source=source)
        if META not in names:
            raise LoadError(
                [Issue("meta.csv", "csv-meta", "missing: the tables need their meta.csv")],
                source=source,
            )
        for info in members:
            name = info.filename.rsplit("/", 1)[-1]
            files[name.removesuffix(".csv")] = _decode(
                _extract(archive, info, source), info.filename, source
            )
    return read_tables(files, source=source)


def _extract(archive: zipfile.ZipFile, info: zipfile.ZipInfo, source: str) -> bytes:
    """A member's bytes, reading no more than it declares (a lying header is an error)."""
    try:
        with archive.open(info) as member:
            data = member.read(info.file_size + 1)
    except (
        zipfile.BadZipFile,
        OSError,
        EOFError,
        zlib.error,
        RuntimeError,
        NotImplementedError,
        ValueError,
    ) as exc:
        raise LoadError(
            [Issue(info.filename, "bad-zip", f"cannot be extracted ({exc})")], source=source
        ) from None
    if len(data) > info.file_size:
        raise LoadError(
            [Issue(info.filename, "bad-zip", "larger than its declared size")], source=source
        )
    return data


def _decode(data: bytes, name: str, source: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LoadError(
            [Issue(f"{name} byte {exc.start}", "not-utf8", "not UTF-8 text")], source=source
        ) from None


def to_text_files(obj: object, *, spreadsheet_safe: bool = False) -> dict[str, str]:
    """The CSV text of every table, keyed by file name (``plans.csv``, ...)."""
    return {f"{name}.csv": text for name, text in _tables_text(obj, spreadsheet_safe).items()}


# --- the verbs of a format ----------------------------------------------------------------------


def load(path: str | Path, *, zip: bool = False) -> Any:
    """Read the tables of the folder ``path``, or of the zip ``path`` with ``zip=True``."""
    return read_zip(path) if zip else read_folder(path)


def dump(
    obj: object, path: str | Path, *, zip: bool = False, spreadsheet_safe: bool = False
) -> None:
    """Write the tables into the folder ``path``, or the zip ``path`` with ``zip=True``."""
    if zip:
        write_zip(obj, path, spreadsheet_safe=spreadsheet_safe)
    else:
        write_folder(obj, path, spreadsheet_safe=spreadsheet_safe)
