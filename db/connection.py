"""Open a study file: checks, pragmas, backup before migrating, then migrations."""

from __future__ import annotations

import datetime as _dt
import os
import sqlite3
from pathlib import Path

import platformdirs
from sqlite_utils import Database

from db.errors import StudyError
from db.migrations import MIGRATIONS

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def default_study_path() -> Path:
    """The study used when neither --db nor YANDU_DB names one."""
    env = os.environ.get("YANDU_DB")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("yandu", appauthor=False)) / "study.sqlite"


def _configure(conn: sqlite3.Connection, *, wal: bool) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
        # NORMAL is durable across application crashes in WAL mode; only an OS crash
        # or power cut can lose the very last commits, never corrupt the file.
        conn.execute("PRAGMA synchronous = NORMAL")


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as fh:
            head = fh.read(100)
    except PermissionError as exc:
        raise StudyError(f"Cannot read the study {path}: permission denied.") from exc
    except OSError as exc:
        raise StudyError(f"Cannot read the study {path}: {exc.strerror or exc}.") from exc
    if len(head) == 0:
        return  # an empty file is a new study
    if not head.startswith(SQLITE_MAGIC):
        raise StudyError(f"{path} is not a Yandu study (not an SQLite database).")
    if len(head) < 100:
        raise StudyError(f"The study {path} is truncated or damaged.")


def _backup_before_migrating(path: Path, pending: list[str]) -> Path:
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.name}.before-{pending[0]}-{stamp}.bak")
    src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(backup)
        try:
            src.backup(dst)  # consistent even with a WAL file beside it
        finally:
            dst.close()
    finally:
        src.close()
    return backup


def _migrate(db: Database, path: Path | None) -> None:
    known = {m.name for m in MIGRATIONS._migrations}
    applied = [m.name for m in MIGRATIONS.applied(db)]
    unknown = [name for name in applied if name not in known]
    if unknown:
        where = f"The study {path}" if path else "This study"
        raise StudyError(
            f"{where} was written by a newer Yandu (schema step {unknown[-1]}); "
            "update Yandu to open it."
        )
    pending = [m.name for m in MIGRATIONS.pending(db)]
    if not pending:
        return
    if path is not None and applied:
        try:
            _backup_before_migrating(path, pending)
        except (sqlite3.Error, OSError) as exc:
            raise StudyError(
                f"Cannot write a backup of {path} before upgrading it: {exc}."
            ) from exc
    try:
        MIGRATIONS.apply(db)
    except sqlite3.Error as exc:
        raise StudyError(f"Cannot upgrade the study: {exc}.") from exc


def open_study(path: str | os.PathLike[str] | None = None, *, create: bool = True) -> Database:
    """Open (and create or upgrade) the study at `path`; raise StudyError with a clear message."""
    path = Path(path).expanduser() if path is not None else default_study_path()
    if path.is_dir():
        raise StudyError(f"{path} is a folder, not a study file.")
    exists = path.exists()
    if exists:
        _check_header(path)
    elif not create:
        raise StudyError(f"No study at {path}.")
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StudyError(f"Cannot create the folder {path.parent}: {exc.strerror}.") from exc
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise StudyError(f"Cannot open the study {path}: {exc}.") from exc
    db = Database(conn)
    try:
        _configure(conn, wal=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        _migrate(db, path)
    except StudyError:
        conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StudyError(_describe_sqlite_error(path, exc)) from exc
    return db


def open_memory_study() -> Database:
    """A migrated in-memory study, for tests and scratch work."""
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    _configure(conn, wal=False)
    db = Database(conn)
    MIGRATIONS.apply(db)
    return db


def _describe_sqlite_error(path: Path, exc: sqlite3.DatabaseError) -> str:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return f"The study {path} is locked by another program; close it and try again."
    if "readonly" in text or "read-only" in text:
        return f"The study {path} is read-only; copy it somewhere writable to work on it."
    if "unable to open" in text:
        return f"Cannot open the study {path}: the file or its folder is not writable."
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return f"The study {path} is damaged ({exc}); restore it from a backup."
    if "disk" in text and "full" in text:
        return f"The disk holding {path} is full; free some space and try again."
    return f"Cannot use the study {path}: {exc}."


def describe_write_error(path: Path | None, exc: sqlite3.Error) -> str:
    """Turn an SQLite write failure into a one-line message for the user."""
    return _describe_sqlite_error(path or Path("(in memory)"), exc)


def backup_study(db: Database, destination: str | os.PathLike[str]) -> Path:
    """Write a consistent copy of the open study to `destination`."""
    dest = Path(destination)
    dst = sqlite3.connect(dest)
    try:
        db.conn.backup(dst)
    finally:
        dst.close()
    return dest
