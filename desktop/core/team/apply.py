"""Apply another member's changeset: the later change wins, deletes win, losers are kept.

The session extension applies each change whose old values match the copy; for the others
it asks `_Resolver`, which decides the same way on every copy (see the package's rules),
and keeps what lost for `team_conflicts`. Afterwards the turns and notes the file changed
are indexed again, and rows left without their parent (deleted elsewhere) go.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import apsw

from desktop.core import search_index
from desktop.core.team.changes import column_stamp, keep_stamp, key_text, set_columns
from desktop.core.team.folder import Header
from desktop.core.team.tables import SHARED, SHOWN


@dataclass
class Lost:
    """A change that lost, for `team_conflicts`."""

    table: str
    key: str
    kind: str  # "edit" (two edits), "deleted" (an edit of a deleted row), "refused"
    kept_by: str
    kept_at: str
    kept: dict
    lost_by: str
    lost_at: str
    lost: dict


def _key(change: apsw.TableChange) -> str:
    row = change.new if change.op == "INSERT" else change.old
    return key_text([row[i] for i in sorted(change.pk_columns)])


def _named(names: list[str], values, only=None) -> dict:
    """Column -> value of the columns a change sets (blobs left out: they are sources)."""
    out = {}
    for i, value in enumerate(values or ()):
        if value is apsw.no_change or (only is not None and i not in only):
            continue
        out[names[i]] = None if isinstance(value, bytes) else value
    return out


class _Resolver:
    """The conflict handler for one file; remembers what it decided."""

    def __init__(self, conn: apsw.Connection, header: Header, me: str,
                 names: dict[str, list[str]]) -> None:
        self.conn = conn
        self.header = header
        self.me = me
        self.names = names
        self.skipped: set[tuple[str, str]] = set()
        self.lost: list[Lost] = []
        self.orphans = False  # rows whose parent is gone were applied

    def stamp_of(self, table: str, key: str) -> tuple[str, str]:
        at = self.header.stamps.get(table, {}).get(key, self.header.made_at)
        return at, self.header.user

    def local_stamp(self, table: str, key: str, cols: list[str]) -> tuple[str, str]:
        return column_stamp(self.conn, table, key, cols)

    def __call__(self, reason: int, change: apsw.TableChange) -> int:
        if reason == apsw.SQLITE_CHANGESET_FOREIGN_KEY:
            self.orphans = True
            return apsw.SQLITE_CHANGESET_OMIT  # rows without a parent go afterwards
        table, key = change.name, _key(change)
        names = self.names[table]
        theirs = self.stamp_of(table, key)
        if reason == apsw.SQLITE_CHANGESET_NOTFOUND:
            self.skipped.add((table, key))
            if change.op == "UPDATE":  # deleted here: the delete wins
                self._lose(table, key, "deleted", ("", ""), {}, theirs,
                           _named(names, change.new))
            return apsw.SQLITE_CHANGESET_OMIT
        if reason == apsw.SQLITE_CHANGESET_CONSTRAINT:
            self.skipped.add((table, key))
            self._lose(table, key, "refused", ("", ""), {}, theirs,
                       _named(names, change.new if change.op != "DELETE" else change.old))
            return apsw.SQLITE_CHANGESET_OMIT
        current = change.conflict
        if change.op == "DELETE":  # edited here, deleted there: the delete wins
            self._lose(table, key, "deleted", theirs, {},
                       self.local_stamp(table, key, list(names)), _named(names, current))
            return apsw.SQLITE_CHANGESET_REPLACE
        changed = {i for i, v in enumerate(change.new) if v is not apsw.no_change}
        if all(current[i] == change.new[i] for i in changed):
            return apsw.SQLITE_CHANGESET_OMIT  # already so here
        mine = self.local_stamp(table, key, set_columns(change, names))
        if theirs >= mine:
            self._lose(table, key, "edit", theirs, _named(names, change.new), mine,
                       _named(names, current, changed))
            return apsw.SQLITE_CHANGESET_REPLACE
        self.skipped.add((table, key))
        self._lose(table, key, "edit", mine, _named(names, current, changed), theirs,
                   _named(names, change.new))
        return apsw.SQLITE_CHANGESET_OMIT

    def _lose(self, table: str, key: str, kind: str, kept: tuple[str, str], kept_values: dict,
              lost: tuple[str, str], lost_values: dict) -> None:
        if table not in SHOWN or kept[1] == lost[1]:
            return  # made the same way everywhere, or one member's own later change
        self.lost.append(Lost(table, key, kind, kept[1], kept[0], kept_values, lost[1],
                              lost[0], lost_values))


def _touched(changeset: bytes) -> tuple[set, set, set]:
    """Turn ids, annotation ids and deleted document ids a changeset touches."""
    turns, notes, documents = set(), set(), set()
    for change in apsw.Changeset.iter(changeset):
        if change.name not in SHARED:
            continue
        row = change.new if change.op == "INSERT" else change.old
        if change.name == "turns":
            turns.add(row[0])
        elif change.name == "annotations":
            notes.add(row[0])
        elif change.name == "documents" and change.op == "DELETE":
            documents.add(row[0])
    return turns, notes, documents


def _unindex_turns(conn: apsw.Connection, ids: list[int]) -> None:
    """Take turns out of the contentless gram index, with the tokens it holds for them."""
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT t.id, t.headline, t.text FROM turns t JOIN turn_chars_docsize d "
            f"ON d.id = t.id WHERE t.id IN ({marks})", chunk).fetchall()
        conn.executemany("INSERT INTO turn_chars (turn_chars, rowid, chars) "
                         "VALUES ('delete', ?, ?)",
                         [(tid, search_index.turn_tokens(h, t)) for tid, h, t in rows])


def _index_turns(conn: apsw.Connection, ids: list[int]) -> None:
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(f"SELECT id, headline, text FROM turns WHERE id IN ({marks})",
                            chunk).fetchall()
        conn.executemany("INSERT INTO turn_chars (rowid, chars) VALUES (?, ?)",
                         [(tid, search_index.turn_tokens(h, t)) for tid, h, t in rows])


def _drop_orphans(conn: apsw.Connection) -> int:
    """Delete rows whose parent is gone (a delete won over an addition to what it deleted)."""
    dropped = 0
    while True:
        rows = conn.execute("PRAGMA foreign_key_check").fetchall()
        if not rows:
            return dropped
        for table, rowid, _parent, _fk in rows:
            if table == "turns":
                _unindex_turns(conn, [rowid])
            conn.execute(f'DELETE FROM "{table}" WHERE rowid = ?', [rowid])
            dropped += 1


def apply_file(conn: apsw.Connection, header: Header, changeset: bytes, me: str,
               names: dict[str, list[str]]) -> tuple[int, list[Lost]]:
    """Apply one member's file in the sync's transaction; (changes, what lost)."""
    turns, notes, documents = _touched(changeset)
    for doc in documents:
        turns.update(r[0] for r in conn.execute("SELECT id FROM turns WHERE document_id = ?",
                                                [doc]))
    turn_ids = sorted(turns)
    _unindex_turns(conn, turn_ids)
    resolver = _Resolver(conn, header, me, names)
    # Only the shared tables: a file naming any other (the copy's own settings, its record
    # of changes) is not followed there.
    apsw.Changeset.apply(changeset, conn, filter=lambda table: table in SHARED,
                         conflict=resolver)
    if (resolver.orphans and _drop_orphans(conn)) or documents:
        for table in ("annotation_index", "annotation_chars"):
            conn.execute(f"DELETE FROM {table} WHERE annotation_id NOT IN "
                         "(SELECT id FROM annotations)")
    _index_turns(conn, turn_ids)
    for note_id in sorted(notes):
        search_index.unindex_annotation(conn, note_id)
        row = conn.execute("SELECT note FROM annotations WHERE id = ?", [note_id]).fetchall()
        if row:
            search_index.index_annotation(conn, note_id, row[0][0])
    count = 0
    for change in apsw.Changeset.iter(changeset):
        if change.name not in SHARED:
            continue
        count += 1
        table, key = change.name, _key(change)
        if change.op == "DELETE" or (table, key) not in resolver.skipped:
            keep_stamp(conn, table, key, change.op, set_columns(change, names[table]),
                       resolver.stamp_of(table, key))
    return count, resolver.lost


def record_lost(conn: apsw.Connection, lost: list[Lost], found_at: str) -> None:
    conn.executemany(
        "INSERT INTO team_conflicts (tbl, pk, kind, kept_by, kept_at, kept, lost_by, "
        "lost_at, lost, found_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(x.table, x.key, x.kind, x.kept_by, x.kept_at,
          json.dumps(x.kept, ensure_ascii=False), x.lost_by, x.lost_at,
          json.dumps(x.lost, ensure_ascii=False), found_at) for x in lost])
