"""The file system as every format uses it: atomic writes, bounded reads, bulk work.

Writes are atomic: a file or a folder of files appears whole, or not at all. Every writer in
:mod:`opengov.io` goes through :func:`atomic_write` or :func:`atomic_folder`, so every file it
writes gets the usual permissions: a new file ``0o666 & ~umask`` (a new folder
``0o777 & ~umask``), and a file that is replaced keeps its permission bits. The content is
written into a hidden temporary beside the destination, which is then renamed into place; a
failure removes the temporary and leaves the destination as it was. An ``OSError`` names the
destination (and, in a folder of tables, the table), never the temporary. A temporary is named
``.DEST.PID-RANDOM.tmp`` after the process writing it: one left behind by a writer that was
killed (its process is gone, or it is older than :data:`STALE_AFTER` seconds) is removed the next
time DEST is written.

Reads go through :func:`read_regular_file`, which refuses devices, pipes and files over
:data:`MAX_INPUT_BYTES` (a guard against hostile input). :func:`no_gc` pauses the cyclic garbage
collector around bulk work (building or writing a large document allocates millions of objects
that the collector would scan again and again for nothing).
"""

from __future__ import annotations

import ctypes
import errno
import functools
import gc
import os
import re
import secrets
import shutil
import stat
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from opengov.errors import DumpError, LoadError
from opengov.issues import Issue

__all__ = [
    "MAX_INPUT_BYTES",
    "atomic_folder",
    "atomic_write",
    "no_gc",
    "read_regular_file",
    "read_text_file",
    "write_text_file",
]

#: Inputs larger than this are refused (a guard against hostile files).
MAX_INPUT_BYTES = 1024 * 1024 * 1024

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
#: Seconds after which a temporary left beside a destination is removed even if the process that
#: wrote it may still be running (a process id can be reused, or belong to another machine).
STALE_AFTER = 24 * 3600
_TEMPORARY = re.compile(r"\.(?:(?P<pid>[0-9]+)-)?[0-9a-f]{8}\.tmp")


# --- writing ------------------------------------------------------------------------------------


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
        _sweep(target)
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
    """Write ``files`` (name to content) as the folder ``path``, created if needed.

    The files are written into a temporary folder beside it, which then takes the folder's
    place whole: a reader (or a writer killed at any point) sees the old folder or the new one,
    never a mix of their files. A new folder gets ``0o777 & ~umask``, its files ``0o666 &
    ~umask``; an existing folder is exchanged with the new one in one step (Linux's
    ``renameat2(RENAME_EXCHANGE)``; elsewhere it is moved aside first, so that for an instant
    there is no folder, never a mixed one), the folder and each replaced file keeping their
    permission bits. Files of the old folder that are not ``.csv`` tables are carried over; old
    tables the new document does not have are gone with the old folder. A failure while
    writing leaves the folder as it was.
    """
    target = Path(path)
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise DumpError(f"{target} exists and is not a folder")
    with _naming(target, None):
        target.parent.mkdir(parents=True, exist_ok=True)
        _sweep(target)
        existing = target.is_dir()
        staging = _create(target, folder=True, private=existing)
        try:
            with _naming(target, staging):
                for name, data in files.items():
                    (staging / name).write_bytes(data)
                if not existing:
                    os.rename(staging, target)
                    return
                _carry_over(target, staging, files)
                os.chmod(staging, stat.S_IMODE(target.stat().st_mode))
                _swap(staging, target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def _carry_over(old: Path, new: Path, files: Mapping[str, bytes]) -> None:
    """Give the new folder's files the modes of the old ones they replace, and the old folder's
    entries that are not tables (hard links where the file system allows, else copies)."""
    for entry in os.scandir(old):
        if entry.name in files:
            keep = _mode_of(Path(entry.path))
            if keep is not None:
                os.chmod(new / entry.name, keep)
        elif entry.name.endswith(".csv"):
            continue  # a table of the old document only
        elif entry.is_symlink():
            os.symlink(os.readlink(entry.path), new / entry.name)
        elif entry.is_dir():
            shutil.copytree(entry.path, new / entry.name, symlinks=True)
        else:
            try:
                os.link(entry.path, new / entry.name)
            except OSError:
                shutil.copy2(entry.path, new / entry.name)


_RENAME_EXCHANGE = 2  # linux/fs.h
_AT_FDCWD = -100


def _swap(staging: Path, target: Path) -> None:
    """Put ``staging`` in the place of the folder ``target``; afterwards ``staging`` holds the
    old folder (to be removed)."""
    if _exchange(staging, target):
        return
    aside = _create(target, folder=True, private=True)
    os.rmdir(aside)
    os.rename(target, aside)
    try:
        os.rename(staging, target)
    except BaseException:
        os.rename(aside, target)
        raise
    os.rename(aside, staging)  # the old folder, where the caller removes it


def _exchange(first: Path, second: Path) -> bool:
    """Exchange two paths in one step where the system can (Linux 3.15+ with glibc 2.28+);
    False where it cannot, so the caller does it another way."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    done = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if done == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False  # not in this kernel, or not on this file system
    raise OSError(error, os.strerror(error), str(second))


@functools.cache
def _renameat2() -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        function: Callable[..., int] = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    return function


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
        candidate = target.parent / f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp"
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


def _sweep(target: Path) -> None:
    """Remove the temporaries of ``target`` that a killed writer left behind: those of a process
    that no longer runs, and those older than :data:`STALE_AFTER`. A symbolic link of that name
    is left alone; an entry that cannot be removed is left for the next time."""
    prefix = f".{target.name}"
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return
    now = time.time()
    for entry in entries:
        if not entry.name.startswith(prefix):
            continue
        found = _TEMPORARY.fullmatch(entry.name, len(prefix))
        if found is None:
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            pid = found.group("pid")  # none in the names of earlier versions: by age only
            dead = pid is not None and not _running(int(pid))
            if not (dead or now - info.st_mtime > STALE_AFTER):
                continue
            if stat.S_ISDIR(info.st_mode):
                shutil.rmtree(entry.path)
            elif stat.S_ISREG(info.st_mode):
                os.unlink(entry.path)
        except OSError:
            continue


def _running(pid: int) -> bool:
    """Whether a process of that id runs on this machine (this one does)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    except OverflowError:  # an id beyond any process's
        return False
    return True


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


# --- reading ------------------------------------------------------------------------------------


def read_regular_file(path: Path, limit: int | None = None) -> bytes:
    """The bytes of a regular file, refusing devices, pipes and files over the input limit.

    Reads at most the limit plus one byte, so a file that grows while it is read cannot exhaust
    memory either.
    """
    limit = MAX_INPUT_BYTES if limit is None else limit
    try:
        info = path.stat()
    except OSError as exc:
        raise LoadError(
            [Issue(path.name, "unreadable", exc.strerror or str(exc))], source=str(path)
        ) from None
    if not stat.S_ISREG(info.st_mode):
        raise LoadError(
            [Issue(path.name, "not-a-file", "not a regular file (a device, a pipe or a folder)")],
            source=str(path),
        )
    with path.open("rb") as handle:
        # read(n) allocates n bytes up front: ask for what the file holds, not for the limit.
        data = handle.read(min(info.st_size, limit) + 1)
        while len(data) <= limit:  # the file grew while it was read
            more = handle.read(min(2**20, limit + 1 - len(data)))
            if not more:
                break
            data += more
    if len(data) > limit:
        raise LoadError(
            [Issue(path.name, "too-large", f"larger than the {limit // 2**20} MiB input limit")],
            source=str(path),
        )
    return data


def read_text_file(path: Path) -> str:
    """The UTF-8 text of a regular file (as :func:`read_regular_file` reads it)."""
    try:
        return read_regular_file(path).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LoadError(
            [Issue(f"byte {exc.start}", "not-utf8", "not UTF-8 text")], source=str(path)
        ) from None


def write_text_file(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` in UTF-8, line ends as they are, atomically."""
    atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8", newline=""))


# --- bulk work ----------------------------------------------------------------------------------


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector around bulk work (restored afterwards)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
