"""Open a study file: checks, pragmas, backup before migrating, then migrations.

Every failure is a StudyError with a one-line message, and a file that is refused is left
exactly as it was: the checks only read, and nothing is written (not even the journal
mode) until the file is known to be a sound Yandu study this version understands.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
import socket
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from db import health
from db._lean import Database
from db.errors import StudyError
from db.migrations import MIGRATIONS
from db.peek import default_study_path

SQLITE_MAGIC = health.SQLITE_MAGIC
BUSY_TIMEOUT_MS = 5000


class Study(Database):
    """A study database: a sqlite-utils Database that knows its file.

    Its outermost transactions start with BEGIN IMMEDIATE, taking the write lock before
    the first read. With a plain BEGIN, a transaction that read before another process
    committed cannot upgrade to a writer (SQLITE_BUSY at once, the busy timeout is not
    consulted); with IMMEDIATE it waits its turn, so two windows on one study both save.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path | None, *,
                 read_only: bool = False) -> None:
        super().__init__(conn)
        self.study_path = path
        self.read_only = read_only

    def _begin_immediate(self) -> None:
        _poll_for_write_lock(self.conn, BUSY_TIMEOUT_MS / 1000)

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Study]:
        """One transaction (a savepoint when nested); rolled back if the block raises."""
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        self._begin_immediate()
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self.rollback()
            raise


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return (code & 0xFF) == 5 if code is not None else "locked" in str(exc)


def _poll_for_write_lock(conn: sqlite3.Connection, timeout: float) -> None:
    """BEGIN IMMEDIATE, trying again every millisecond for up to `timeout` seconds.

    SQLite's own busy handler sleeps longer and longer between tries (up to 100 ms), so
    a save could keep missing the short gaps between an import's transactions; polling,
    it takes the lock within a millisecond of the import letting it go.
    """
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc) or time.monotonic() > deadline:
                    raise
            time.sleep(0.001)
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_MS)}")


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_MS)}")
    conn.execute("PRAGMA foreign_keys = ON")


# Each turn's speech and headline as they were before this connection first changed them
# since the turn was last (re)indexed. The character-pair index keeps no copy of what it
# indexed, and FTS5 removes a row only when given the same tokens again, so an edit that
# rewrites a turn before re-indexing it must still find what the index holds. Temporary:
# per connection, never written to the study.
_OLD_TURNS = """
CREATE TEMP TABLE IF NOT EXISTS yandu_turns_indexed (
    id INTEGER PRIMARY KEY, headline TEXT NOT NULL, text TEXT NOT NULL);
CREATE TEMP TRIGGER IF NOT EXISTS yandu_turns_indexed_keep
BEFORE UPDATE OF headline, text ON main.turns
WHEN old.headline IS NOT new.headline OR old.text IS NOT new.text
BEGIN
    INSERT OR IGNORE INTO yandu_turns_indexed (id, headline, text)
        VALUES (old.id, old.headline, old.text);
END;
"""


def _keep_indexed_text(conn: sqlite3.Connection) -> None:
    """Install the temporary trigger that remembers turns' indexed text (see above)."""
    if conn.execute("SELECT 1 FROM main.sqlite_master WHERE type = 'table' "
                    "AND name = 'turns'").fetchone() is None:
        return
    with contextlib.suppress(sqlite3.Error):  # a read-only study never edits turns
        conn.executescript(_OLD_TURNS)


def _running(pid: int, host: str) -> bool:
    """Whether the process that started an import may still be running it."""
    if host != socket.gethostname():
        return True  # another machine's process: it cannot be checked from here
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, owned by someone else
    return True


def remove_abandoned_imports(conn: sqlite3.Connection) -> int:
    """Take out of the search index what imports that were killed had written; return
    how many such imports there were.

    An import writes its turns' index rows first, each batch in a short transaction, with
    the tokens kept in `search_staging` (schema step 0012); its turns come last, in one
    transaction. If the process dies in between, its rows are taken out of the index
    again here with those tokens (FTS5 removes a row of a contentless table only so), and
    the study is as it was before the import. Searches leave staged rows out meanwhile.
    """
    try:
        runs = conn.execute("SELECT id, pid, host, last_turn >= first_turn "
                            "FROM import_runs").fetchall()
    except sqlite3.OperationalError:
        return 0  # a study from before step 0012
    dead = [(run_id, staging) for run_id, pid, host, staging in runs
            if not _running(pid, host)]
    for run_id, staging in dead:
        conn.execute("BEGIN IMMEDIATE")
        try:
            if staging:  # else its turns were written: only the kept tokens are left
                conn.execute("INSERT INTO turn_chars (turn_chars, rowid, chars) SELECT "
                             "'delete', turn_id, chars FROM search_staging WHERE run_id = ?",
                             [run_id])
            conn.execute("DELETE FROM search_staging WHERE run_id = ?", [run_id])
            conn.execute("DELETE FROM import_runs WHERE id = ?", [run_id])
            restore_merging(conn)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return len(dead)


# FTS5's own merge settings (its defaults), which an import sets aside while it writes.
AUTOMERGE, CRISISMERGE = 4, 16


def restore_merging(conn: sqlite3.Connection) -> None:
    """Put FTS5's merge settings back on the turn index once no import is running."""
    if conn.execute("SELECT 1 FROM import_runs LIMIT 1").fetchone() is None:
        conn.execute("INSERT INTO turn_chars (turn_chars, rank) VALUES ('automerge', ?)",
                     [AUTOMERGE])
        conn.execute("INSERT INTO turn_chars (turn_chars, rank) VALUES ('crisismerge', ?)",
                     [CRISISMERGE])


def _use_wal(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA journal_mode = WAL")
    # NORMAL is durable across application crashes in WAL mode; only an OS crash
    # or power cut can lose the very last commits, never corrupt the file.
    conn.execute("PRAGMA synchronous = NORMAL")


def _uri(path: Path, **params: str) -> str:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"{path.resolve().as_uri()}?{query}"


def _writable(path: Path) -> bool:
    # WAL needs the folder too: SQLite creates study.sqlite-wal and -shm beside the file.
    return os.access(path.parent, os.W_OK | os.X_OK) and (
        not path.exists() or os.access(path, os.W_OK)
    )


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    if not read_only:
        return sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn = sqlite3.connect(_uri(path, mode="ro"), uri=True, isolation_level=None,
                           check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        wal = path.with_name(path.name + "-wal")
        if health.primary_code(exc) != health.SQLITE_CANTOPEN or (
            wal.exists() and wal.stat().st_size > 0
        ):
            raise
    # A WAL study in a folder we cannot write: SQLite cannot create the shared-memory
    # file. With no log beside it the file alone is the whole study, so it may be read
    # as immutable.
    return sqlite3.connect(_uri(path, mode="ro", immutable="1"), uri=True,
                           isolation_level=None, check_same_thread=False)


def _backup_before_migrating(path: Path, pending: list[str]) -> Path:
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.name}.before-{pending[0]}-{stamp}.bak")
    n = 1
    while backup.exists():
        n += 1
        backup = path.with_name(f"{path.name}.before-{pending[0]}-{stamp}-{n}.bak")
    src = sqlite3.connect(_uri(path, mode="ro"), uri=True)
    try:
        dst = sqlite3.connect(backup)
        try:
            src.backup(dst)  # consistent even with a WAL file beside it
        finally:
            dst.close()
    except BaseException:
        with contextlib.suppress(OSError):
            backup.unlink()  # never leave a half-written backup that looks whole
        raise
    finally:
        src.close()
    return backup


def _check_is_yandu(db: Database, path: Path | None) -> None:
    """Refuse another program's database, and a study from a newer Yandu."""
    where = f"The study {path}" if path else "This study"
    tables = set(db.table_names())
    applied = [m.name for m in MIGRATIONS.applied(db)] if tables else []
    if tables and not applied:
        raise StudyError(f"{path} is an SQLite database but not a Yandu study; "
                         "Yandu will not change it.")
    known = {m.name for m in MIGRATIONS._migrations}
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise StudyError(
            f"{where} was written by a newer Yandu (schema step {unknown[-1]}); "
            "update Yandu to open it."
        )


def _migrate(db: Study, path: Path | None) -> None:
    pending = [m.name for m in MIGRATIONS.pending(db)]
    if not pending:
        return
    applied = [m.name for m in MIGRATIONS.applied(db)]
    if db.read_only:
        raise StudyError(f"The study {path} was made by an older Yandu and must be upgraded; "
                         "open it once with write access.")
    if path is not None and applied:
        try:
            _backup_before_migrating(path, pending)
        except (sqlite3.Error, OSError) as exc:
            raise StudyError(
                f"Cannot write a backup of {path} before upgrading it, so it was left as it "
                f"was: {exc}."
            ) from exc
    try:
        # All pending steps in one transaction: an upgrade that fails half way leaves the
        # study exactly as it was, not at some step in between.
        with db.atomic():
            MIGRATIONS.apply(db)
    except sqlite3.Error as exc:
        raise StudyError(f"Cannot upgrade the study, so it was left as it was: {exc}.") from exc


def open_study(
    path: str | os.PathLike[str] | None = None,
    *,
    create: bool = True,
    read_only: bool = False,
) -> Study:
    """Open (and create or upgrade) the study at `path`; raise StudyError with a clear message.

    With `read_only`, the study is opened for viewing only: nothing is written, and every
    write raises an error that `describe_write_error` explains.
    """
    path = Path(path).expanduser() if path is not None else default_study_path()
    if path.is_dir():
        raise StudyError(f"{path} is a folder, not a study file.")
    exists = path.exists()
    if exists:
        health.check_header(path)
    elif not create or read_only:
        raise StudyError(f"No study at {path}.")
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StudyError(f"Cannot create the folder {path.parent}: {exc.strerror}.") from exc
    if not read_only and not _writable(path):
        what = "study" if exists else "folder for the study"
        target = path if exists else path.parent
        raise StudyError(
            f"The {what} {target} is read-only; open it read-only to view it, "
            "or copy it somewhere writable to work on it."
        )
    try:
        conn = _connect(path, read_only)
    except sqlite3.Error as exc:
        raise StudyError(health.describe(path, exc)) from exc
    db = Study(conn, path, read_only=read_only)
    try:
        _configure(conn)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        _check_is_yandu(db, path)
        if exists:
            health.check_structure(conn, path)
        if not exists:
            # Pages an import frees (FTS5 rewrites its segments as it merges them) are
            # handed back to the file system after it, not kept as free space.
            conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
        if not read_only:
            _use_wal(conn)
        _migrate(db, path)
        _keep_indexed_text(conn)
        if not read_only:
            # Locked by a running import: its own next step, or the next open, does it.
            with contextlib.suppress(sqlite3.OperationalError):
                remove_abandoned_imports(conn)
    except StudyError:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        raise StudyError(health.describe(path, exc)) from exc
    return db


def open_memory_study() -> Study:
    """A migrated in-memory study, for tests and scratch work."""
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    _configure(conn)
    db = Study(conn, None)
    MIGRATIONS.apply(db)
    _keep_indexed_text(conn)
    return db


def study_path_of(db: Database) -> Path | None:
    """The file behind an open study, or None for one in memory."""
    return getattr(db, "study_path", None)


def describe_error(path: Path | None, exc: BaseException) -> str:
    """Turn any SQLite failure on the study into a one-line message for the user."""
    return health.describe(path, exc)


def describe_write_error(path: Path | None, exc: BaseException) -> str:
    """Turn an SQLite failure while saving into a one-line message for the user."""
    return health.describe(path, exc, writing=True)


@contextlib.contextmanager
def writing(db: Database) -> Iterator[Database]:
    """Run a save; an SQLite failure becomes a StudyError saying what happened.

    The transaction inside has already been rolled back by then, so the study holds
    exactly what it held before the save.
    """
    try:
        yield db
    except sqlite3.Error as exc:
        raise StudyError(describe_write_error(study_path_of(db), exc)) from exc


def backup_study(db: Database, destination: str | os.PathLike[str]) -> Path:
    """Write a consistent copy of the open study to `destination`."""
    dest = Path(destination)
    dst = sqlite3.connect(dest)
    try:
        db.conn.backup(dst)
    finally:
        dst.close()
    return dest
