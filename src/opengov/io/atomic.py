"""Atomic writes: a file or a folder of files appears whole, or not at all.

Every writer in :mod:`opengov.io` goes through this module, so every file it writes gets the usual
permissions: a new file ``0o666 & ~umask`` (a new folder ``0o777 & ~umask``), and a file that is
replaced keeps its permission bits. The content is written into a hidden temporary beside the
destination, which is then renamed into place; a failure removes the temporary and leaves the
destination as it was. An ``OSError`` names the destination, never the temporary.
"""

from __future__ import annotations

import os
import secrets
import shutil
import stat
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from opengov.errors import DumpError

__all__ = ["atomic_folder", "atomic_write"]

# The kernel applies the umask (or a folder's default ACL) to the mode given at creation. Creating
# the temporary with os.open(..., 0o666) / os.mkdir(..., 0o777) therefore never reads the umask:
# reading it means os.umask(0) then restoring it, and any thread creating a file in between would
# get a world-writable one. tempfile.mkstemp/mkdtemp always create 0o600/0o700 instead.
_NEW_FILE = 0o666
_NEW_FOLDER = 0o777
# A temporary that will replace an existing file starts private: the existing file's mode is set
# only once the content is written (a reader who opened a more open temporary would keep it).
_PRIVATE_FILE = 0o600
_PRIVATE_FOLDER = 0o700
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
_ATTEMPTS = 100


def atomic_write(path: str | Path, write: Callable[[Path], object]) -> None:
    """Write ``path`` through a temporary file in the same folder, renamed into place.

    ``write`` is called with the temporary's path. If it fails, nothing is left behind and an
    existing file is unchanged. A new file gets ``0o666 & ~umask``; a replaced file keeps its
    permission bits.
    """
    target = Path(path)
    if not target.parent.is_dir():
        raise DumpError(f"{target.parent}: no such folder to write {target.name} into")
    with _naming(target, None):
        keep = _mode_of(target)
        temporary = _create(target, folder=False, private=keep is not None)
        try:
            with _naming(target, temporary):
                write(temporary)
                if keep is not None:
                    os.chmod(temporary, keep)
                os.replace(temporary, target)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise


def atomic_folder(path: str | Path, files: Mapping[str, bytes]) -> None:
    """Write ``files`` (name to content) into the folder ``path``, created if needed.

    The files are first written into a temporary folder beside it. A new folder is then renamed
    into place whole (``0o777 & ~umask``, its files ``0o666 & ~umask``); into an existing folder
    each file is moved in turn, a replaced file keeping its permission bits. A failure while
    writing leaves the folder as it was.
    """
    target = Path(path)
    if target.exists() and not target.is_dir():
        raise DumpError(f"{target} exists and is not a folder")
    with _naming(target, None):
        target.parent.mkdir(parents=True, exist_ok=True)
        existing = target.is_dir()
        staging = _create(target, folder=True, private=existing)
        try:
            with _naming(target, staging):
                for name, data in files.items():
                    (staging / name).write_bytes(data)
                if not existing:
                    os.rename(staging, target)
                    return
                for name in files:
                    keep = _mode_of(target / name)
                    if keep is not None:
                        os.chmod(staging / name, keep)
                    os.replace(staging / name, target / name)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def _mode_of(path: Path) -> int | None:
    """The permission bits of the regular file at ``path``, or None if there is none."""
    try:
        found = path.stat()
    except FileNotFoundError:
        return None
    return stat.S_IMODE(found.st_mode) & 0o777 if stat.S_ISREG(found.st_mode) else None


def _create(target: Path, *, folder: bool, private: bool) -> Path:
    """A new hidden file (or folder) beside ``target``, named after it, with the mode above."""
    for _ in range(_ATTEMPTS):
        candidate = target.parent / f".{target.name}.{secrets.token_hex(4)}.tmp"
        try:
            if folder:
                os.mkdir(candidate, _PRIVATE_FOLDER if private else _NEW_FOLDER)
            else:
                os.close(os.open(candidate, _FLAGS, _PRIVATE_FILE if private else _NEW_FILE))
        except FileExistsError:
            continue
        except OSError as exc:  # no right to write here, a read-only file system, ...
            if exc.errno is not None:
                exc.filename, exc.filename2 = str(target), None
            raise
        return candidate
    raise FileExistsError(f"{target.parent}: no free temporary name for {target.name}")


@contextmanager
def _naming(target: Path, temporary: Path | None) -> Iterator[None]:
    """An ``OSError`` raised inside names ``target`` instead of ``temporary`` (or of nothing)."""
    try:
        yield
    except OSError as exc:
        shown = _shown(exc.filename, target, temporary)
        if shown is not None and exc.errno is not None:  # without errno, str() ignores filename
            exc.filename, exc.filename2 = shown, None
        raise


def _shown(filename: object, target: Path, temporary: Path | None) -> str | None:
    """The name an error about ``filename`` should show, or None to leave it as it is."""
    if filename is None:
        return str(target)
    if temporary is None:
        return None
    name = Path(os.fsdecode(filename)) if isinstance(filename, str | bytes) else None
    if name is None:
        return None
    if name == temporary:
        return str(target)
    if temporary in name.parents:
        return str(target / name.relative_to(temporary))
    return None
