"""Write a deflated zip archive, compressing on every core while its content is still being made.

``zipfile`` compresses one member at a time on one core, once the member is whole. Here a
member's content may arrive in pieces, members interleaved, and each full chunk of a member is
compressed in a thread as soon as it is there (zlib releases the interpreter lock while it
works): every chunk is primed with the 32 KiB before it, so the ratio stays
that of one stream, and ends on a byte boundary with a sync flush; an empty final block ends
the member. Joined, the chunks are one valid deflate stream, and since chunks are cut at fixed
offsets of the member's bytes the archive is the same however the content was fed and however
many cores there are. The archive is laid out by hand when it is closed (local headers with
the sizes known, a central directory, ZIP64 records where a size, an offset or the count needs
them), as APPNOTE 6.3 describes and ``zipfile`` reads.
"""

from __future__ import annotations

import os
import stat
import struct
import time
import zlib
from collections.abc import Iterable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from types import TracebackType
from typing import BinaryIO, TypeVar

__all__ = ["CHUNK", "DeflatedZip", "write_deflated_zip"]

#: Bytes of a member compressed as one piece of work.
CHUNK = 1 << 20
_WINDOW = 32 * 1024
_LEVEL = 1
_FINAL_EMPTY_BLOCK = b"\x03\x00"
_DEFLATED = 8
_VERSION_DEFLATE = 20
_VERSION_ZIP64 = 45
_MADE_ON_UNIX = 3
_UTF8_NAME = 0x800
_MODE = (stat.S_IFREG | 0o644) << 16
_LIMIT_32 = 0xFFFFFFFF
_LIMIT_16 = 0xFFFF

_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_END64 = struct.Struct("<4sQ2H2L4Q")
_LOCATOR64 = struct.Struct("<4sLQL")

_T = TypeVar("_T")


class _Member:
    """One member being written: its checksum and size so far, its chunks (compressed or
    being compressed), the bytes not yet making a full chunk, and the 32 KiB before them."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.crc = 0
        self.size = 0
        self.chunks: list[Future[bytes]] = []
        self.pending: list[bytes] = []
        self.pending_size = 0
        self.tail = b""


class DeflatedZip:
    """A deflated zip archive written into ``out``: :meth:`add` content to members (in any
    order, as often as needed; members are laid out in the order they were first named), then
    :meth:`close` (or leave the ``with`` block). ``date_time`` (year, month, day, hour, minute,
    second) dates every member, the local time at opening by default. ``force_zip64`` writes the
    ZIP64 records even where the sizes do not need them, as ``zipfile`` does for a member of
    unknown size; readers take both."""

    def __init__(
        self,
        out: BinaryIO,
        *,
        date_time: tuple[int, int, int, int, int, int] | None = None,
        force_zip64: bool = False,
    ) -> None:
        self._out = out
        self._stamp = _dos_time(date_time or time.localtime()[:6])
        self._force_zip64 = force_zip64
        self._members: dict[str, _Member] = {}
        workers = _cores()
        self._executor: Executor | None = ThreadPoolExecutor(workers) if workers > 1 else None

    def add(self, name: str, data: bytes) -> None:
        """Append ``data`` to the member ``name`` (created empty at its first mention)."""
        member = self._members.get(name)
        if member is None:
            member = self._members[name] = _Member(name)
        if not data:
            return
        member.crc = zlib.crc32(data, member.crc)
        member.size += len(data)
        member.pending.append(data)
        member.pending_size += len(data)
        if member.pending_size >= CHUNK:
            self._compress(member, whole_chunks_only=True)

    def close(self) -> None:
        """Compress what is left, wait for every chunk and write the archive out."""
        try:
            offset = 0
            directory: list[bytes] = []
            for member in self._members.values():
                self._compress(member, whole_chunks_only=False)
            for member in self._members.values():
                parts = [chunk.result() for chunk in member.chunks]
                parts.append(_FINAL_EMPTY_BLOCK)
                packed = sum(len(part) for part in parts)
                header = _Header(member, packed, offset, self._stamp, self._force_zip64)
                local = header.local()
                self._out.write(local)
                for part in parts:
                    self._out.write(part)
                directory.append(header.central())
                offset += len(local) + packed
            _write_end(self._out, directory, offset, self._force_zip64)
        finally:
            self._stop()

    def _compress(self, member: _Member, *, whole_chunks_only: bool) -> None:
        """Start compressing the member's pending bytes: its full chunks, or all of them."""
        data = member.pending[0] if len(member.pending) == 1 else b"".join(member.pending)
        end = len(data) - len(data) % CHUNK if whole_chunks_only else len(data)
        view = memoryview(data)
        for start in range(0, end, CHUNK):
            primer = member.tail if start == 0 else view[max(0, start - _WINDOW) : start]
            chunk = view[start : min(start + CHUNK, end)]
            member.chunks.append(self._submit(chunk, primer))
        if end >= _WINDOW:
            member.tail = bytes(view[end - _WINDOW : end])
        elif end:
            member.tail = (member.tail + bytes(view[:end]))[-_WINDOW:]
        member.pending = [data[end:]] if end < len(data) else []
        member.pending_size = len(data) - end

    def _submit(self, chunk: memoryview, primer: bytes | memoryview) -> Future[bytes]:
        if self._executor is None:
            return _done(_deflate(chunk, primer))
        return self._executor.submit(_deflate, chunk, primer)

    def _stop(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(cancel_futures=True)
            self._executor = None

    def __enter__(self) -> DeflatedZip:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if kind is None:
            self.close()
        else:
            self._stop()


def write_deflated_zip(
    out: BinaryIO,
    members: Iterable[tuple[str, bytes]],
    *,
    date_time: tuple[int, int, int, int, int, int] | None = None,
    force_zip64: bool = False,
) -> None:
    """Write ``members`` (name, content) into ``out`` as a deflated zip archive (see
    :class:`DeflatedZip`)."""
    with DeflatedZip(out, date_time=date_time, force_zip64=force_zip64) as archive:
        for name, data in members:
            archive.add(name, data)


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def _deflate(chunk: memoryview, primer: bytes | memoryview) -> bytes:
    """One chunk as raw deflate, primed with the bytes just before it, ending on a byte
    boundary (a sync flush), not final: the member's last block comes after every chunk."""
    if primer:
        compressor = zlib.compressobj(_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS, zdict=primer)
    else:
        compressor = zlib.compressobj(_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(chunk) + compressor.flush(zlib.Z_SYNC_FLUSH)


def _done(value: _T) -> Future[_T]:
    future: Future[_T] = Future()
    future.set_result(value)
    return future


def _dos_time(moment: tuple[int, ...]) -> tuple[int, int]:
    """MS-DOS time and date, as zip headers hold them (from 1980, to two seconds)."""
    year, month, day, hour, minute, second = moment
    date = (max(year, 1980) - 1980) << 9 | month << 5 | day
    clock = hour << 11 | minute << 5 | second // 2
    return clock, date


class _Header:
    """The local and central headers of one member."""

    def __init__(
        self, member: _Member, packed: int, offset: int, stamp: tuple[int, int], force_zip64: bool
    ) -> None:
        self.name = member.name.encode("utf-8")
        self.flags = 0 if member.name.isascii() else _UTF8_NAME
        self.crc, self.size, self.packed, self.offset = member.crc, member.size, packed, offset
        self.stamp = stamp
        self.sizes64 = force_zip64 or self.size >= _LIMIT_32 or packed >= _LIMIT_32
        self.version = _VERSION_ZIP64 if self.sizes64 or offset >= _LIMIT_32 else _VERSION_DEFLATE

    def _fields(self, extra: bytes) -> tuple[int, ...]:
        """What both headers hold, from the flags to the length of the extra field."""
        sizes = (_LIMIT_32, _LIMIT_32) if self.sizes64 else (self.packed, self.size)
        return (self.flags, _DEFLATED, *self.stamp, self.crc, *sizes, len(self.name), len(extra))

    def local(self) -> bytes:
        extra = struct.pack("<2H2Q", 1, 16, self.size, self.packed) if self.sizes64 else b""
        fixed = _LOCAL.pack(b"PK\x03\x04", self.version, 0, *self._fields(extra))
        return fixed + self.name + extra

    def central(self) -> bytes:
        wide = [self.size, self.packed] if self.sizes64 else []
        offset = self.offset
        if offset >= _LIMIT_32:
            wide.append(offset)
            offset = _LIMIT_32
        extra = struct.pack(f"<2H{len(wide)}Q", 1, 8 * len(wide), *wide) if wide else b""
        version = (self.version, _MADE_ON_UNIX, self.version, 0)
        attributes = (0, 0, 0, _MODE, offset)  # comment length, disk, internal, external
        fixed = _CENTRAL.pack(b"PK\x01\x02", *version, *self._fields(extra), *attributes)
        return fixed + self.name + extra


def _write_end(out: BinaryIO, directory: list[bytes], start: int, force_zip64: bool) -> None:
    """The central directory, then its end records (ZIP64 ones first where needed)."""
    for entry in directory:
        out.write(entry)
    count, size = len(directory), sum(len(entry) for entry in directory)
    if force_zip64 or count >= _LIMIT_16 or size >= _LIMIT_32 or start >= _LIMIT_32:
        out.write(
            _END64.pack(
                b"PK\x06\x06",
                _END64.size - 12,
                _MADE_ON_UNIX << 8 | _VERSION_ZIP64,
                _VERSION_ZIP64,
                0,
                0,
                count,
                count,
                size,
                start,
            )
        )
        out.write(_LOCATOR64.pack(b"PK\x06\x07", 0, start + size, 1))
        count, size, start = min(count, _LIMIT_16), min(size, _LIMIT_32), min(start, _LIMIT_32)
    out.write(_END.pack(b"PK\x05\x06", 0, 0, count, count, size, start, 0))
