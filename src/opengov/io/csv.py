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

import contextlib
import errno
import os
import re
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from opengov.errors import LoadError
from opengov.io._document import KINDS, SCHEMA_VERSION, document_kind
from opengov.io._fs import atomic_folder, atomic_write, no_gc
from opengov.io._spreadsheet import neutralise as _neutralise
from opengov.io._spreadsheet import restore as _restore
from opengov.io._tables import (
    EMPTY_TEXT,
    Cell,
    Column,
    Field,
    TableSchema,
    expected_columns,
    schema_for,
    table_lines,
    unflatten_rows,
)
from opengov.io._zip_writer import DeflatedZip
from opengov.issues import Issue, listed

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
_MAX_META_BYTES = 64 * 1024
#: The longest header line read before the rows (a real one is a few hundred bytes).
_MAX_HEADER_BYTES = 4 * 1024 * 1024
#: The most rows (lines) a table may have: fifty times the largest table of the 1,000-plan
#: benchmark corpus (100,000 milestones).
_MAX_ROWS = 5_000_000
#: How far a table may be compressed: tables of text reach 5 to 15 times; a zip bomb 1,000.
_MAX_RATIO = 100
#: Tables up to this size are not checked (a long repeated text may compress 200 times, and
#: reading 16 MiB is harmless); a bomb expands to far more.
_RATIO_FLOOR = 16 * 1024 * 1024
#: The end-of-central-directory record sits in the last 22 bytes plus a comment of up to 64 KiB.
_EOCD_SEARCH = 22 + 65535
#: What a column name looks like (``title``, ``lead_organisations``, ``date.phrase``).
_COLUMN_NAME = re.compile(r"[A-Za-z0-9_.\-]{1,64}")


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


_PIECE = 1 << 20
"""Characters of a table's lines gathered before they are handed on, when handed on as made."""


def _tables_text(obj: object, spreadsheet_safe: bool) -> dict[str, str]:
    """The CSV text of the meta table and of every table, by table name."""
    files: dict[str, str] = {}

    def add(name: str, text: str) -> None:
        files[name] = files.get(name, "") + text

    with no_gc():
        _table_pieces(obj, spreadsheet_safe, add, as_made=False)
    return files


def _table_pieces(
    obj: object, spreadsheet_safe: bool, add: Callable[[str, str], object], *, as_made: bool
) -> None:
    """Hand the CSV text of the meta table and of every table to ``add`` (table name, text):
    first an empty text for each table in order, then each table's text whole or, ``as_made``,
    in pieces of about :data:`_PIECE` characters while the tables are still being made (each
    plan of a collection, each commitment of a plan); a table's text is its pieces joined."""
    bom = "\ufeff" if spreadsheet_safe else ""
    meta: list[list[Cell]] = [
        ["schema_version", SCHEMA_VERSION],
        ["kind", document_kind(obj)],
        ["spreadsheet_safe", "true" if spreadsheet_safe else "false"],
    ]
    add(META, bom + encode_table(["key", "value"], meta))
    schemas = schema_for(type(obj))
    heads = {
        name: bom + ",".join(_field(c) for c in schema.header) for name, schema in schemas.items()
    }
    for name in schemas:
        add(name, "")

    def piece(name: str, lines: list[str]) -> str:
        head = heads.pop(name, None)
        if head is not None:
            lines.insert(0, head)
        lines.append("")
        return "\r\n".join(lines)

    counted = dict.fromkeys(schemas, 0)
    size = dict.fromkeys(schemas, 0)

    def hand_on(tables: dict[str, list[str]]) -> None:
        for name, lines in tables.items():
            seen = counted[name]
            if len(lines) > seen:
                size[name] += sum(map(len, lines[seen:]))
                counted[name] = len(lines)
                if size[name] >= _PIECE:
                    add(name, piece(name, lines))
                    lines.clear()
                    counted[name] = size[name] = 0

    neutralise = _neutralise if spreadsheet_safe else None
    tables = table_lines(obj, _line, neutralise, hand_on if as_made else None)
    for name in schemas:
        add(name, piece(name, tables[name]))


def write_folder(obj: object, folder: str | Path, *, spreadsheet_safe: bool = False) -> None:
    """Write the tables of a plan (or standard set) into ``folder`` (created if needed).

    The tables are first written into a temporary folder beside it, then moved into place, so a
    failure leaves the folder as it was (see :func:`opengov.io._fs.atomic_folder`).
    """
    files = _tables_text(obj, spreadsheet_safe)
    atomic_folder(folder, {f"{name}.csv": text.encode("utf-8") for name, text in files.items()})


def write_zip(obj: object, path: str | Path, *, spreadsheet_safe: bool = False) -> None:
    """Write the tables of a plan (or standard set) into a zip file.

    The tables are compressed while they are being made, on every core (see
    :mod:`opengov.io._zip_writer`); the zip is written beside ``path`` and moved into place.
    """

    def write(tmp: Path) -> None:
        with tmp.open("wb") as out, DeflatedZip(out) as archive, no_gc():

            def add(name: str, text: str) -> None:
                archive.add(f"{name}.csv", text.encode("utf-8"))

            _table_pieces(obj, spreadsheet_safe, add, as_made=True)

    atomic_write(path, write)


def read_tables(files: dict[str, str], *, source: str = "") -> Any:
    """Rebuild a plan (or standard set) from CSV texts keyed by table name."""
    with no_gc():
        return _read_tables(files, source=source)


def _read_meta(text: str, source: str) -> tuple[type, bool]:
    """The document class and the spreadsheet-safe flag that ``meta.csv`` states."""
    meta_header, meta_rows = decode_table(text, META)
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
    return KINDS[kind], safe == "true"


def _read_tables(files: dict[str, str], *, source: str = "") -> Any:
    if META not in files:
        raise LoadError(
            [Issue("meta.csv", "csv-meta", "missing: the tables need their meta.csv")],
            source=source or None,
        )
    cls, spreadsheet_safe = _read_meta(files[META], source)
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
        if spreadsheet_safe and schema is not None:
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


class _Vanished(Exception):
    """A table listed in the folder was gone when opened, or the folder was swapped away while
    it was read: a writer replaced it."""


#: How many times a folder replaced while it is read is read again.
_READ_ATTEMPTS = 5


def read_folder(folder: str | Path) -> Any:
    """Read the tables in ``folder``: regular files only (a link is refused, never followed),
    each table's header checked against the schema before any row is read. The folder is
    opened once and every table read through it, so a folder swapped by a writer meanwhile is
    read whole, old or new (or read again, if the old one was removed under the reader)."""
    path = Path(folder)
    for _ in range(_READ_ATTEMPTS):
        try:
            files = _folder_files(path)
        except _Vanished:
            continue
        return read_tables(files, source=str(path))
    message = f"the folder changed while it was read, {_READ_ATTEMPTS} times: read it again"
    raise LoadError([Issue("", "unreadable", message)], source=str(path))


def _folder_files(path: Path) -> dict[str, str]:
    source = str(path)
    with _open_folder(path) as tables:
        names = sorted(name for name in os.listdir(tables) if name.endswith(".csv"))
        if (not names or f"{META}.csv" not in names) and _replaced(tables, path):
            raise _Vanished(source)  # the old folder, being removed by the writer that swapped it
        if not names:
            message = "no .csv tables in this folder"
            raise LoadError([Issue("", "not-found", message)], source=source)
        if len(names) > _MAX_TABLES:
            message = f"{len(names):,} tables: more than the {_MAX_TABLES} a document can have"
            raise LoadError([Issue("", "too-large", message)], source=source)
        if f"{META}.csv" not in names:
            raise LoadError(
                [Issue("meta.csv", "csv-meta", "missing: the tables need their meta.csv")],
                source=source,
            )
        with _open_table(tables, f"{META}.csv", source) as handle:
            meta = _decode(
                _read_handle(handle, _MAX_META_BYTES, "meta.csv", source), "meta.csv", source
            )
        tables_named = [name for name in names if name != f"{META}.csv"]
        heads: dict[str, bytes] = {}
        for name in tables_named:  # every header first: one line each
            with _open_table(tables, name, source) as handle:
                heads[name.removesuffix(".csv")] = handle.readline(_MAX_HEADER_BYTES)
        _check_headers(meta, heads, source)
        files = {META: meta}
        for name in tables_named:
            with _open_table(tables, name, source) as handle:
                data = _read_handle(handle, _MAX_TABLE_BYTES, name, source)
            files[name.removesuffix(".csv")] = _table_text(data, name, source)
        if _replaced(tables, path):  # read while being removed: some tables may be missing
            raise _Vanished(source)
    return files


def _replaced(folder: int, path: Path) -> bool:
    """Whether ``path`` no longer names the folder open as ``folder`` (a writer swapped it)."""
    held = os.fstat(folder)
    try:
        now = os.stat(path)
    except OSError:
        return True
    return (held.st_dev, held.st_ino) != (now.st_dev, now.st_ino)


@contextlib.contextmanager
def _open_folder(path: Path) -> Iterator[int]:
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as exc:
        code = "not-found" if isinstance(exc, FileNotFoundError) else "unreadable"
        raise LoadError([Issue("", code, exc.strerror or str(exc))], source=str(path)) from None
    try:
        yield descriptor
    finally:
        os.close(descriptor)


def _open_table(folder: int, name: str, source: str) -> BinaryIO:
    """A table of the folder, opened without following a link; refused unless a regular file."""
    try:
        descriptor = os.open(name, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0), dir_fd=folder)
    except FileNotFoundError:
        raise _Vanished(name) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            message = "a link: the tables must be regular files in the folder itself"
            raise LoadError([Issue(name, "link", message)], source=source) from None
        raise LoadError(
            [Issue(name, "unreadable", exc.strerror or str(exc))], source=source
        ) from None
    handle = os.fdopen(descriptor, "rb")
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        handle.close()
        message = "not a regular file (a device, a pipe or a folder)"
        raise LoadError([Issue(name, "not-a-file", message)], source=source)
    return handle


def _read_handle(handle: BinaryIO, limit: int, name: str, source: str) -> bytes:
    """All of an open table, refused past ``limit`` bytes (reading no further than that)."""
    data = handle.read(limit + 1)
    if len(data) > limit:
        message = f"larger than the {limit:,}-byte limit of a table"
        raise LoadError([Issue(name, "too-large", message)], source=source)
    return data


def read_zip(path: str | Path) -> Any:
    """Read the tables in a zip file: at most 1,000 tables (counted from the archive's end
    record before its directory is read), 512 MiB a table and 1 GiB in all uncompressed, a
    table compressed at most 100 times, every header checked before any row is read."""
    source = str(path)
    if not stat.S_ISREG(Path(path).stat().st_mode):
        raise LoadError(
            [Issue("", "not-a-file", "not a regular file (a device, a pipe or a folder)")],
            source=source,
        )
    declared_entries = zip_entry_count(path)
    if declared_entries is not None and declared_entries > _MAX_TABLES:
        message = (
            f"{declared_entries:,} files: more than the {_MAX_TABLES} tables a document can have"
        )
        raise LoadError([Issue("", "too-large", message)], source=source)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise LoadError(
            [Issue("", "bad-zip", f"not a readable zip file ({exc})")], source=source
        ) from None
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
        names: dict[str, zipfile.ZipInfo] = {}
        for info in members:  # check every name and size before extracting anything
            name = info.filename.rsplit("/", 1)[-1]
            if not name.endswith(".csv"):
                message = "unexpected file in the archive (only .csv tables)"
                raise LoadError([Issue(info.filename, "zip-member", message)], source=source)
            table = name.removesuffix(".csv")
            if table in names:
                message = f"the table {name} appears twice (also as {names[table].filename})"
                raise LoadError([Issue(info.filename, "zip-member", message)], source=source)
            names[table] = info
            _check_member_size(info, source)
        if META not in names:
            raise LoadError(
                [Issue("meta.csv", "csv-meta", "missing: the tables need their meta.csv")],
                source=source,
            )
        meta = _decode(_extract(archive, names[META], source), "meta.csv", source)
        heads = {
            table: _member_first_line(archive, info, source)
            for table, info in names.items()
            if table != META
        }
        _check_headers(meta, heads, source)
        files = {META: meta}
        for table, info in names.items():
            if table != META:
                files[table] = _table_text(_extract(archive, info, source), info.filename, source)
    return read_tables(files, source=source)


def _check_member_size(info: zipfile.ZipInfo, source: str) -> None:
    if info.filename.rsplit("/", 1)[-1] == "meta.csv" and info.file_size > _MAX_META_BYTES:
        message = f"meta.csv larger than {_MAX_META_BYTES // 1024} KiB"
        raise LoadError([Issue(info.filename, "too-large", message)], source=source)
    if info.file_size > _MAX_TABLE_BYTES:
        message = "table larger than 512 MiB uncompressed"
        raise LoadError([Issue(info.filename, "too-large", message)], source=source)
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > _RATIO_FLOOR and ratio > _MAX_RATIO:
        message = (
            f"compressed {ratio:,.0f} times ({info.file_size:,} bytes from "
            f"{info.compress_size:,}): more than the {_MAX_RATIO} times a table of text reaches"
        )
        raise LoadError([Issue(info.filename, "zip-bomb", message)], source=source)


def zip_entry_count(path: str | Path) -> int | None:
    """How many entries a zip file's end-of-central-directory record declares (ZIP64 too),
    read from the file's tail alone; ``None`` when no such record is found (then the zip
    reader says what is wrong)."""
    with open(path, "rb") as handle:
        size = handle.seek(0, os.SEEK_END)
        tail_start = max(0, size - _EOCD_SEARCH)
        handle.seek(tail_start)
        tail = handle.read()
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or len(tail) < at + 22:
            return None
        count: int = int.from_bytes(tail[at + 10 : at + 12], "little")
        if count != 0xFFFF:
            return count
        locator = at - 20  # the ZIP64 end-of-central-directory locator precedes the record
        if locator < 0 or tail[locator : locator + 4] != b"PK\x06\x07":
            return count
        record = int.from_bytes(tail[locator + 8 : locator + 16], "little")
        if record + 56 > size:
            return None
        handle.seek(record)
        head = handle.read(56)
        if head[:4] != b"PK\x06\x06":
            return None
        return int.from_bytes(head[32:40], "little")


def _member_first_line(archive: zipfile.ZipFile, info: zipfile.ZipInfo, source: str) -> bytes:
    try:
        with archive.open(info) as member:
            return member.readline(_MAX_HEADER_BYTES)
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, RuntimeError, ValueError) as exc:
        raise LoadError(
            [Issue(info.filename, "bad-zip", f"cannot be extracted ({exc})")], source=source
        ) from None


def _check_headers(meta: str, heads: dict[str, bytes], source: str) -> None:
    """Refuse unknown tables and columns from the meta table and the header lines alone,
    before any row is read (so a huge table with a wrong header costs one line)."""
    cls, _ = _read_meta(meta, source)
    schemas = schema_for(cls)
    problems: list[Issue] = []
    for name, head in heads.items():
        schema = schemas.get(name)
        if schema is None:
            message = f"unknown table (expected: {listed(list(schemas))})"
            problems.append(Issue(f"{name}.csv", "unknown-table", message))
            continue
        if len(head) >= _MAX_HEADER_BYTES and not head.endswith(b"\n"):
            message = f"a header line longer than {_MAX_HEADER_BYTES:,} bytes: not a table's"
            problems.append(Issue(f"{name}.csv line 1", "too-large", message))
            continue
        try:
            header, _ = decode_table(_decode(head, f"{name}.csv", source), name)
        except LoadError:
            continue  # a header broken across lines: the full read says where
        expected = expected_columns(schema)
        unknown = [cell for cell in header if cell not in expected]
        if unknown:
            problems.append(
                Issue(f"{name}.csv line 1", "unknown-column", _unknown_columns(unknown))
            )
    if problems:
        raise LoadError(problems, source=source)


def _unknown_columns(cells: list[str]) -> str:
    """Name the unknown columns that look like column names; count the others, never quoting
    them (a header may be the first line of a file that is not a table)."""
    named = [cell for cell in cells if _COLUMN_NAME.fullmatch(cell)]
    others = len(cells) - len(named)
    parts = [f"unknown column(s): {listed(named)}"] if named else []
    if others:
        parts.append(f"{others:,} header cell(s) that are not column names")
    return "; ".join(parts)


def _table_text(data: bytes, name: str, source: str) -> str:
    """A table's text, refused when it has more rows than a table may have."""
    text = _decode(data, name, source)
    rows = text.count("\n")
    if rows > _MAX_ROWS:
        message = f"{rows:,} lines: more than the {_MAX_ROWS:,} rows a table may have"
        raise LoadError([Issue(name, "too-large", message)], source=source)
    return text


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
