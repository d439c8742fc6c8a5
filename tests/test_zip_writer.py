"""The zip writer: archives that ``zipfile`` and ``unzip`` read back exactly, ZIP64 where needed,
the same bytes on one core or several, and a ratio no worse than one deflate stream."""

from __future__ import annotations

import io
import random
import shutil
import subprocess
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import opengov
from opengov.io import _zip_writer
from opengov.io import csv as ogcsv
from opengov.io._zip_writer import write_deflated_zip
from opengov.model import ActionPlan

WHEN = (2026, 12, 1, 19, 45, 30)
SMALL_CHUNK = 64

names = st.text(
    st.characters(blacklist_categories=["Cs", "Cc"], blacklist_characters="/\\"),
    min_size=1,
    max_size=20,
)
contents = st.one_of(
    st.binary(max_size=4 * SMALL_CHUNK + 3),
    st.builds(lambda text, n: text.encode() * n, st.text(max_size=30), st.integers(0, 40)),
)


def archive(members: list[tuple[str, bytes]], **options: object) -> bytes:
    out = io.BytesIO()
    write_deflated_zip(out, members, date_time=WHEN, **options)  # type: ignore[arg-type]
    return out.getvalue()


def read_back(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as opened:
        assert opened.testzip() is None
        for info in opened.infolist():
            assert info.date_time == WHEN
            assert info.compress_type == zipfile.ZIP_DEFLATED
        return [(info.filename, opened.read(info)) for info in opened.infolist()]


@settings(max_examples=150, deadline=None)
@given(
    members=st.lists(
        st.tuples(names, st.lists(contents, max_size=4)),
        max_size=6,
        unique_by=lambda member: member[0],
    ),
    order=st.randoms(use_true_random=False),
    force_zip64=st.booleans(),
)
def test_every_member_reads_back(
    members: list[tuple[str, list[bytes]]], order: random.Random, force_zip64: bool
) -> None:
    """Chunks of 64 bytes: members of none, one and several chunks, each checked by CRC; the
    pieces of the members fed interleaved give the same archive as each member fed whole."""
    whole = [(name, b"".join(pieces)) for name, pieces in members]
    interleaved = [(name, b"") for name, _ in members]  # names them in order
    left = [(name, list(pieces)) for name, pieces in members if pieces]
    while left:
        name, pieces = order.choice(left)
        interleaved.append((name, pieces.pop(0)))
        if not pieces:
            left.remove((name, pieces))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_zip_writer, "CHUNK", SMALL_CHUNK)
        written = archive(whole, force_zip64=force_zip64)
        assert archive(interleaved, force_zip64=force_zip64) == written
    assert read_back(written) == whole


def test_one_core_writes_the_same_bytes_as_several(monkeypatch: pytest.MonkeyPatch) -> None:
    members = [("a.csv", b"id,title\r\n" + b"c1,Open data\r\n" * 5000), ("empty.csv", b"")]
    monkeypatch.setattr(_zip_writer, "CHUNK", 4096)
    several = archive(members)
    monkeypatch.setattr(_zip_writer, "_cores", lambda: 1)
    assert archive(members) == several
    assert read_back(several) == members


def test_the_ratio_is_that_of_one_stream(
    monkeypatch: pytest.MonkeyPatch, france: ActionPlan
) -> None:
    """Each chunk is primed with the 32 KiB before it: cut into 64 KiB chunks, the France
    commitments repeated to 4 MiB compress within 1% of a single deflate stream (unprimed
    chunks would each start from nothing)."""
    table = ogcsv.to_text_files(france)["commitments.csv"].encode()
    data = (table * (4 * 2**20 // len(table) + 1))[: 4 * 2**20]
    monkeypatch.setattr(_zip_writer, "CHUNK", 64 * 1024)
    with zipfile.ZipFile(io.BytesIO(archive([("c.csv", data)]))) as opened:
        packed = opened.getinfo("c.csv").compress_size
    one = zlib.compressobj(1, zlib.DEFLATED, -15)
    single = len(one.compress(data) + one.flush())
    assert packed <= single * 1.01, (packed, single)


@pytest.mark.parametrize("force_zip64", [False, True])
def test_zip64_records(force_zip64: bool) -> None:
    """Forced, the ZIP64 end records and extra fields are written and read; the entry count
    the loader reads from the end records before opening the archive agrees."""
    members = [(f"t{i}.csv", f"row {i}\r\n".encode() * i) for i in range(5)]
    data = archive(members, force_zip64=force_zip64)
    assert (b"PK\x06\x06" in data) is force_zip64
    assert read_back(data) == members
    with zipfile.ZipFile(io.BytesIO(data)) as opened:
        extras = [info.extra for info in opened.infolist()]
    assert all(extra.startswith(b"\x01\x00") for extra in extras) is force_zip64


@pytest.mark.parametrize("force_zip64", [False, True])
def test_entry_count_from_the_end_records(tmp_path: Path, force_zip64: bool) -> None:
    path = tmp_path / "t.zip"
    path.write_bytes(archive([(f"t{i}.csv", b"x") for i in range(7)], force_zip64=force_zip64))
    assert ogcsv.zip_entry_count(path) == 7


@pytest.mark.skipif(shutil.which("unzip") is None, reason="Info-ZIP unzip is not installed")
@pytest.mark.parametrize("force_zip64", [False, True])
def test_unzip_tests_the_archive(tmp_path: Path, force_zip64: bool) -> None:
    """A second reader, written independently of Python's."""
    path = tmp_path / "t.zip"
    table = b"id,title\r\n" + "c1,Données ouvertes\r\n".encode() * 100_000
    path.write_bytes(
        archive([("meta.csv", b"key,value\r\n"), ("été.csv", table)], force_zip64=force_zip64)
    )
    checked = subprocess.run(["unzip", "-t", str(path)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "No errors detected" in checked.stdout


def test_a_plan_written_to_a_zip_loads_back(tmp_path: Path, france: ActionPlan) -> None:
    path = tmp_path / "plan.zip"
    ogcsv.write_zip(france, path)
    assert opengov.load(path) == france
    with zipfile.ZipFile(path) as opened:
        assert opened.testzip() is None
        assert {info.filename for info in opened.infolist()} == set(ogcsv.to_text_files(france))


def test_a_failed_write_stops_the_compression() -> None:
    """The output refusing a write ends the call with that error, the threads stopped."""

    class Full(io.RawIOBase):
        def writable(self) -> bool:
            return True

        def write(self, data: object) -> int:
            raise OSError(28, "No space left on device")

    members = [("a.csv", b"a" * 3_000_000), ("b.csv", b"b" * 3_000_000)]
    with pytest.raises(OSError, match="No space left"):
        write_deflated_zip(Full(), members)  # type: ignore[arg-type]
