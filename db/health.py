"""Checks that a study file is sound before Yandu uses it, and plain words for SQLite errors.

Everything here only reads: a file that fails a check is left exactly as it was.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

from db.errors import StudyError

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
# Above this size the b-tree check on open is skipped: it reads the whole file. Measured
# here: a 323 MB study (400,000 turns) opens in 0.45 s with the check from the page cache,
# about 2 s from disk; a typical study of a few MB in milliseconds. Damage met later is
# still reported (SQLite says "malformed" and `describe` turns that into a message).
QUICK_CHECK_MAX_BYTES = 256 * 2**20

# Primary SQLite result codes (the low byte of an extended code).
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_NOMEM = 7
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_TOOBIG = 18
SQLITE_CONSTRAINT = 19
SQLITE_NOTADB = 26


def _wal_has_frames(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


# (device, inode) -> a read-only descriptor of a study, kept open for the life of the process.
_held: dict[tuple[int, int], int] = {}
_held_lock = threading.Lock()


def read_header(path: Path, size: int = HEADER_SIZE) -> bytes:
    """The first `size` bytes of the file at `path`, read without closing any descriptor.

    POSIX drops every lock a process holds on a file when it closes *any* descriptor of
    that file. Opening and closing a study to read its header would silently take
    SQLite's locks away from the connections this process already has on it, and another
    process (a second window, `yandu`, `sqlite3`) could then checkpoint and delete the
    write-ahead log under them: their later writes would be lost and the file damaged.
    So, as SQLite itself does, the descriptor stays open until the process ends (one per
    study file; where locks are not tied to descriptors, it is closed at once).
    """
    if os.name != "posix":
        with path.open("rb") as fh:
            return fh.read(size)
    st = os.stat(path)
    with _held_lock:
        fd = _held.get((st.st_dev, st.st_ino))
        if fd is None:
            fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
            opened = os.fstat(fd)  # the path may have been replaced since the stat
            fd = _held.setdefault((opened.st_dev, opened.st_ino), fd)
    return os.pread(fd, size, 0)


def check_header(path: Path) -> None:
    """Refuse a file that is not an SQLite database or whose header shows it truncated."""
    try:
        head = read_header(path)
        size = path.stat().st_size
    except PermissionError as exc:
        raise StudyError(f"Cannot read the study {path}: permission denied.") from exc
    except OSError as exc:
        raise StudyError(f"Cannot read the study {path}: {exc.strerror or exc}.") from exc
    if not head:
        return  # an empty file becomes a new study
    if not head.startswith(SQLITE_MAGIC):
        if len(head) < len(SQLITE_MAGIC) and SQLITE_MAGIC.startswith(head):
            raise StudyError(f"The study {path} is truncated or damaged.")
        raise StudyError(f"{path} is not a Yandu study (not an SQLite database).")
    if len(head) < HEADER_SIZE:
        raise StudyError(f"The study {path} is truncated or damaged.")
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise StudyError(f"The study {path} is damaged (impossible page size); "
                         "restore it from a backup.")
    if _wal_has_frames(path):
        # Committed pages may still live in the write-ahead log; SQLite will fold them in,
        # so the main file's own size says nothing yet.
        return
    pages = int.from_bytes(head[28:32], "big")
    change_counter = head[24:28]
    valid_for = head[92:96]
    if size % page_size:
        raise StudyError(f"The study {path} is truncated or damaged (its size is not a whole "
                         "number of pages); restore it from a backup.")
    if pages and change_counter == valid_for and size < pages * page_size:
        raise StudyError(f"The study {path} is truncated: it holds {size // page_size} of its "
                         f"{pages} pages; restore it from a backup.")


def check_structure(conn: sqlite3.Connection, path: Path) -> None:
    """Run SQLite's quick b-tree check (read-only); refuse a damaged study."""
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    if size > QUICK_CHECK_MAX_BYTES:
        return
    rows = conn.execute("PRAGMA quick_check(3)").fetchall()
    problems = [r[0] for r in rows if r[0] != "ok"]
    if problems:
        raise StudyError(
            f"The study {path} is damaged ({problems[0]}); restore it from a backup "
            f"or try `sqlite3 {path.name} .recover`."
        )


def primary_code(exc: BaseException) -> int | None:
    """The primary SQLite result code of an sqlite3 error, when Python recorded one."""
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def describe(path: Path | None, exc: BaseException, *, writing: bool = False) -> str:
    """A one-line message a user can act on, for an SQLite error on the study at `path`."""
    where = f"the study {path}" if path is not None else "the study"
    lost = " Your last change was not saved." if writing else ""
    code = primary_code(exc)
    text = str(exc).lower()
    if code in (SQLITE_BUSY, SQLITE_LOCKED) or "locked" in text or "busy" in text:
        return (f"{where[0].upper()}{where[1:]} is locked by another program (or another "
                f"Yandu window is saving); close it or wait, then try again.{lost}")
    if code == SQLITE_FULL or "disk is full" in text or "database or disk is full" in text:
        return (f"The disk holding {where} is full; free some space and try again.{lost} "
                "Everything saved before is intact.")
    if code == SQLITE_READONLY or "readonly" in text or "read-only" in text:
        return (f"{where[0].upper()}{where[1:]} is read-only (the file or its folder cannot be "
                f"written); copy it somewhere writable to change it.{lost}")
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB) or "malformed" in text or "not a database" in text:
        return (f"{where[0].upper()}{where[1:]} is damaged ({exc}); restore it from a backup."
                f"{lost}")
    if code == SQLITE_CANTOPEN or "unable to open" in text:
        return f"Cannot open {where}: the file or its folder is missing or not accessible.{lost}"
    if code == SQLITE_PERM:
        return f"Permission denied on {where}.{lost}"
    if code == SQLITE_IOERR or "disk i/o" in text:
        return (f"The disk holding {where} reported an error ({exc}); check the drive, "
                f"then try again.{lost}")
    if code == SQLITE_NOMEM:
        return f"Out of memory while using {where}.{lost}"
    if code == SQLITE_TOOBIG:
        return f"A value is too large to store in {where}.{lost}"
    if code == SQLITE_CONSTRAINT:
        return f"The change conflicts with what {where} holds ({exc}).{lost}"
    return f"Cannot use {where}: {exc}.{lost}"
