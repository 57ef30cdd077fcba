"""Make a team, join it, and sync a member's copy with it.

`create` and `join` work on the study through sqlite3 like every other command; `sync`
opens its own apsw connection (the session extension), and must be the only connection
of its process to the study: two copies of SQLite in one process may drop each other's
file locks (the window runs it as `yandu sync` in a process of its own).
"""

from __future__ import annotations

import datetime
import json
import os
import shutil
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from db import ids
from desktop.core.clock import now_iso
from desktop.core.team import folder as tf
from desktop.core.team.folder import Header, TeamError
from desktop.core.team.tables import SHARED

if TYPE_CHECKING:
    import apsw
    from sqlite_utils import Database

USER_KEY, FOLDER_KEY, TEAM_KEY = "team_user", "team_folder", "team_id"
SEQ_KEY, LAST_KEY, APPLYING_KEY = "team_seq", "team_last_sync", "team_applying"
_OWN_KEYS = (USER_KEY, FOLDER_KEY, TEAM_KEY, SEQ_KEY, LAST_KEY, APPLYING_KEY, ids.BASE_KEY)


@dataclass(frozen=True)
class TeamInfo:
    """A team study's member, its folder and team."""

    user: str
    folder: Path
    team_id: str
    id_base: int


@dataclass(frozen=True)
class SyncReport:
    """What a sync did."""

    at: str
    sent: int  # changes sent (in at most one new file)
    received: int  # changes applied from other members' files
    files: int  # files applied
    conflicts: int  # new conflicts
    open_conflicts: int
    waiting: int  # files not applied yet: incomplete, or after files not here yet

    def to_dict(self) -> dict:
        return asdict(self)

    def local_time(self) -> str:
        """When the sync ran, as HH:MM on this machine's clock."""
        try:
            moment = datetime.datetime.strptime(self.at, "%Y-%m-%dT%H:%M:%S.%fZ")
        except ValueError:
            return self.at
        return moment.replace(tzinfo=datetime.UTC).astimezone().strftime("%H:%M")

    def summary(self) -> str:
        waiting = f", {self.waiting} waiting for earlier files" if self.waiting else ""
        return (f"sent {self.sent} change(s), received {self.received} from {self.files} "
                f"file(s), {self.conflicts} new conflict(s), {self.open_conflicts} open"
                f"{waiting}")


def stamp_now() -> str:
    """Now as change stamps are written (UTC, milliseconds), as the triggers of schema step
    0013 write them: all stamps must compare as text in time order."""
    moment = datetime.datetime.now(datetime.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _meta(db, key: str) -> str | None:
    rows = list(db.execute("SELECT value FROM study_meta WHERE key = ?", [key]))
    return rows[0][0] if rows else None


def team_info(db) -> TeamInfo | None:
    """The team this study belongs to (any connection with `execute`), or None."""
    try:
        user = _meta(db, USER_KEY)
    except Exception:  # noqa: BLE001 — a study from before the team tables
        return None
    if user is None:
        return None
    return TeamInfo(user, Path(_meta(db, FOLDER_KEY) or ""), _meta(db, TEAM_KEY) or "",
                    int(_meta(db, ids.BASE_KEY) or 0))


def last_sync(db) -> SyncReport | None:
    """What the last sync of this copy did, or None."""
    try:
        value = _meta(db, LAST_KEY)
        return SyncReport(**json.loads(value)) if value else None
    except (ValueError, TypeError, sqlite3.Error):
        return None


def schema_step() -> str:
    from db.migrations import MIGRATIONS

    return MIGRATIONS._migrations[-1].name


def _known_steps() -> set[str]:
    from db.migrations import MIGRATIONS

    return {m.name for m in MIGRATIONS._migrations}


def _set_meta(db, values: dict[str, object]) -> None:
    for key, value in values.items():
        db.execute("INSERT OR REPLACE INTO study_meta (key, value) VALUES (?, ?)",
                   [key, str(value)])


def create(db: Database, folder: Path, user: str) -> TeamInfo:
    """Make the open study a team's, with its base copy and its first member in `folder`."""
    from db.connection import study_path_of

    user = tf.check_user_name(user)
    found = team_info(db)
    if found is not None:
        raise TeamError(f"This study is already a team's (folder {found.folder}).")
    if study_path_of(db) is None:
        raise TeamError("Only a study saved in a file can be a team's.")
    folder = folder.expanduser().resolve()
    if (folder / tf.TEAM_FILE).exists():
        raise TeamError(f"{folder} already holds a team; join it with "
                        "`yandu team join FOLDER --user NAME --db NEW.sqlite`.")
    try:
        (folder / user).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise TeamError(f"Cannot make the team folder {folder}: {exc.strerror}.") from exc
    info = TeamInfo(user, folder, str(uuid.uuid4()), tf.choose_block(folder, user))
    # The built-in glossary is in the base: members' copies must not each seed it (its
    # terms' ids are made where they are made, and two copies of a term cannot both be).
    from desktop.core.glossary import ensure_builtin

    ensure_builtin(db)
    with db.atomic():
        _set_meta(db, {USER_KEY: user, FOLDER_KEY: folder, TEAM_KEY: info.team_id,
                       ids.BASE_KEY: info.id_base, SEQ_KEY: 0})
    _write_base(db, folder / tf.BASE_FILE)
    tf.write_json(folder / user / tf.MEMBER_FILE, {"user": user, "id_base": info.id_base,
                                                   "joined_at": now_iso()})
    tf.write_json(folder / tf.TEAM_FILE, {"format": tf.FORMAT, "id": info.team_id,
                                          "created_by": user, "created_at": now_iso(),
                                          "schema": schema_step()})
    return info


def _write_base(db: Database, base: Path) -> None:
    """The study as the team begins, without this member's own data: what a member who
    joins starts from (the files bring it up to date)."""
    tmp = base.with_name(f".{base.name}.tmp")
    tmp.unlink(missing_ok=True)
    out = sqlite3.connect(tmp)
    try:
        db.conn.backup(out)
        out.execute("PRAGMA journal_mode = DELETE")
        marks = ",".join("?" * len(_OWN_KEYS))
        out.execute(f"DELETE FROM study_meta WHERE key IN ({marks})", _OWN_KEYS)
        for table in ("recordings", "reading_progress", "team_dirty", "team_stamps",
                      "team_seen", "team_conflicts", *(f"team_old_{t}" for t in SHARED)):
            out.execute(f"DELETE FROM {table}")
        out.commit()
    finally:
        out.close()
    os.replace(tmp, base)


def join(folder: Path, user: str, study: Path) -> SyncReport:
    """Make a member's copy of the team's study at `study`, and bring it up to date."""
    from db import open_study

    user = tf.check_user_name(user)
    folder = folder.expanduser().resolve()
    team = tf.read_team(folder)
    if study.exists():
        raise TeamError(f"{study} already exists; give the name of a new file for your copy.")
    if user in tf.members(folder) or (folder / user).exists():
        raise TeamError(f"The team already has a member named {user!r}; choose another name.")
    base = folder / tf.BASE_FILE
    if not base.is_file():
        raise TeamError(f"{folder} has no {tf.BASE_FILE} (not synced here yet?).")
    tmp = study.with_name(f".{study.name}.joining")
    try:
        shutil.copyfile(base, tmp)
    except OSError as exc:
        raise TeamError(f"Cannot write {study}: {exc.strerror}.") from exc
    os.replace(tmp, study)
    id_base = tf.choose_block(folder, user)
    db = open_study(study)
    try:
        with db.atomic():
            _set_meta(db, {USER_KEY: user, FOLDER_KEY: folder, TEAM_KEY: team.get("id", ""),
                           ids.BASE_KEY: id_base, SEQ_KEY: 0})
    finally:
        db.conn.close()
    (folder / user).mkdir(exist_ok=True)
    tf.write_json(folder / user / tf.MEMBER_FILE, {"user": user, "id_base": id_base,
                                                   "joined_at": now_iso()})
    return sync(study)


def _connect(path: Path) -> apsw.Connection:
    import apsw

    conn = apsw.Connection(str(path))
    conn.set_busy_timeout(5000)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def sync(path: Path, *, clock: Callable[[], str] = stamp_now,
         before_commit: Callable[[], None] | None = None) -> SyncReport:
    """Send this member's changes and apply the others', in one transaction.

    `before_commit` is called just before the commit (tests stop a sync there)."""
    from db import open_study

    db = open_study(path, create=False)  # checks the file and brings its schema up to date
    try:
        info = team_info(db)
    finally:
        db.conn.close()
    if info is None:
        raise TeamError(f"{path} is not a team's study; make it one with `yandu team create "
                        "FOLDER --user NAME`, or join a team with `yandu team join`.")
    if not (info.folder / tf.TEAM_FILE).is_file():
        raise TeamError(f"The team folder {info.folder} is not there (not mounted, or not "
                        "synced to this machine yet).")
    if tf.read_team(info.folder).get("id") != info.team_id:
        raise TeamError(f"{info.folder} holds another team than this study's.")
    import apsw

    try:
        conn = _connect(path)
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                report = _sync_in(conn, info, clock)
                if before_commit is not None:
                    before_commit()
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        finally:
            conn.close()
    except apsw.BusyError as exc:
        raise TeamError(f"The study {path} is busy (another program is writing to it); "
                        "sync again in a moment. Nothing was changed.") from exc
    except apsw.Error as exc:
        raise TeamError(f"Cannot sync {path}: {exc}. Nothing was changed.") from exc
    return report


def _incoming(info: TeamInfo, seen: dict[str, int]) -> tuple[dict[str, list], int]:
    """Each other member's files not applied yet, in order, up to the first that is not
    whole; a file of a newer schema stops the sync before anything is written."""
    known = _known_steps()
    pending: dict[str, list] = {}
    waiting = 0
    for sub in sorted(info.folder.iterdir()):
        if not sub.is_dir() or sub.name == info.user or sub.name.startswith("."):
            continue
        files = tf.numbered_files(sub)
        run = []
        for seq in sorted(n for n in files if n > seen.get(sub.name, 0)):
            read = tf.read_changeset(files[seq])
            if read is None or read[0].user != sub.name or read[0].seq != seq:
                waiting += len([n for n in files if n >= seq])
                break  # still arriving: it and what follows wait for the next sync
            if read[0].schema not in known:
                raise TeamError(
                    f"{files[seq]} was written by a newer Yandu (schema step "
                    f"{read[0].schema}); update Yandu to sync. Nothing was changed.")
            run.append(read)
        if run:
            pending[sub.name] = run
    return pending, waiting


def _sync_in(conn: apsw.Connection, info: TeamInfo, clock: Callable[[], str]) -> SyncReport:
    import apsw

    from desktop.core.team import apply, changes

    me = info.user
    seen = {u: s for u, s in conn.execute("SELECT user, seq FROM team_seen")}
    pending, waiting = _incoming(info, seen)
    now = clock()
    # Send first: what this member changed is stamped before others' changes are weighed.
    local = changes.collect(conn)
    if local.count:
        mine = tf.numbered_files(info.folder / me)
        seq = max(int(_meta(conn, SEQ_KEY) or 0), max(mine, default=0)) + 1
        stamps = _stamp_sent(conn, local, now, me)
        header = Header(me, seq, schema_step(), now, dict(seen), stamps, local.count)
        changes.forget(conn)
        _set_meta(conn, {SEQ_KEY: seq})
        tf.write_changeset(info.folder / me, header, local.changeset)
    names = {t: [c[0] for c in changes.columns(conn, t)] for t in SHARED}
    _set_meta(conn, {APPLYING_KEY: 1})
    received = files = 0
    lost: list = []
    progress = True
    while progress:
        progress = False
        for user in sorted(pending):
            while pending[user]:
                header, body = pending[user][0]
                if any(seen.get(u, 0) < s for u, s in header.after.items() if u != me):
                    break  # after files of others that are not here yet
                try:
                    count, lost_here = apply.apply_file(conn, header, body, me, names)
                except (apsw.Error, ValueError) as exc:
                    raise TeamError(
                        f"{info.folder / user / f'{header.seq}.changeset'} cannot be "
                        f"applied ({exc}); nothing was changed. Ask {user} to sync again."
                    ) from exc
                received += count
                files += 1
                lost += lost_here
                seen[user] = header.seq
                pending[user].pop(0)
                progress = True
    waiting += sum(len(run) for run in pending.values())
    conn.execute("DELETE FROM study_meta WHERE key = ?", [APPLYING_KEY])
    conn.executemany("INSERT OR REPLACE INTO team_seen (user, seq) VALUES (?, ?)",
                     list(seen.items()))
    apply.record_lost(conn, lost, now)
    open_count = conn.execute("SELECT count(*) FROM team_conflicts WHERE resolved_at IS NULL"
                              ).fetchall()[0][0]
    report = SyncReport(now, local.count, received, files, len(lost), open_count, waiting)
    _set_meta(conn, {LAST_KEY: json.dumps(report.to_dict())})
    return report


def _stamp_sent(conn: apsw.Connection, local, now: str, me: str) -> dict:
    """The stamps of the changes sent, as receivers will see them, kept here too.

    A change is stamped when it was made, but always after the values it replaced, so a
    member whose clock is behind still orders its own edits after what it edited."""
    from desktop.core.team.changes import after, column_stamp, keep_stamp

    stamps: dict[str, dict[str, str]] = {}
    for table, key, op, cols in local.rows:
        if op == "INSERT":
            keep_stamp(conn, table, key, op, cols, (now, me))
            continue
        at = local.stamps[table][key]
        if op == "UPDATE":
            replaced = column_stamp(conn, table, key, cols)[0]
            if replaced and at <= replaced:
                at = after(replaced)
        stamps.setdefault(table, {})[key] = at
        keep_stamp(conn, table, key, op, cols, (at, me))
    return stamps
