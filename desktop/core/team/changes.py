"""What this member changed since its last sync, as one changeset of the session extension.

Schema step 0013's triggers note each changed row (`team_dirty`) and the row as it was
before (`team_old_<table>`); the changeset is made by recording, in a scratch database in
memory that holds those old rows, a session that writes the rows as they are now. It thus
holds, for each row, the old values a receiving copy checks before it changes anything.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import apsw

from desktop.core.team.tables import SHARED


@dataclass(frozen=True)
class Local:
    """This member's changes: the changeset and when each updated or deleted row changed."""

    changeset: bytes
    stamps: dict[str, dict[str, str]]  # table -> key (JSON array) -> when it changed
    rows: list[tuple[str, str, str, list[str]]]  # (table, key, op, columns it sets)
    count: int


def key_text(values: list | tuple) -> str:
    """A row's key as team tables store it: a JSON array, as SQLite's json_array writes it."""
    return json.dumps(list(values), ensure_ascii=False, separators=(",", ":"))


def columns(conn: apsw.Connection, table: str) -> list[tuple[str, str, int]]:
    """(name, declared type, position in the primary key) of each column of `table`."""
    return [(name, kind, pk) for name, kind, pk in conn.execute(
        f"SELECT name, type, pk FROM pragma_table_info('{table}') ORDER BY cid")]


def key_columns(cols: list[tuple[str, str, int]]) -> list[str]:
    return [name for name, _, pk in sorted(cols, key=lambda c: c[2]) if pk]


def _where(keys: list[str]) -> str:
    return " AND ".join(f'"{k}" = ?' for k in keys)


def collect(conn: apsw.Connection) -> Local:
    """The changeset of this member's changes since its last sync (empty when none)."""
    dirty: dict[str, list[tuple[str, str]]] = {}
    for table, key, at in conn.execute("SELECT tbl, pk, at FROM team_dirty ORDER BY tbl, pk"):
        dirty.setdefault(table, []).append((key, at))
    if not dirty:
        return Local(b"", {}, [], 0)
    scratch = apsw.Connection(":memory:")
    layout = {}
    for table in SHARED:
        if table not in dirty:
            continue
        cols = columns(conn, table)
        keys = key_columns(cols)
        layout[table] = (cols, keys)
        body = ", ".join(f'"{name}" {kind}' for name, kind, _ in cols)
        scratch.execute(f'CREATE TABLE "{table}" ({body}, PRIMARY KEY '
                        f'({", ".join(chr(34) + k + chr(34) for k in keys)}))')
        marks = ", ".join("?" * len(cols))
        with scratch:
            scratch.executemany(f'INSERT OR REPLACE INTO "{table}" VALUES ({marks})',
                                conn.execute(f"SELECT * FROM team_old_{table}").fetchall())
    session = apsw.Session(scratch, "main")
    session.attach()
    at_of: dict[tuple[str, str], str] = {}
    with scratch:
        for table, (cols, keys) in layout.items():
            marks = ", ".join("?" * len(cols))
            for key, at in dirty[table]:
                values = json.loads(key)
                at_of[(table, key_text(values))] = at
                now = conn.execute(f'SELECT * FROM "{table}" WHERE {_where(keys)}',
                                   values).fetchall()
                if now:
                    scratch.execute(f'INSERT OR REPLACE INTO "{table}" VALUES ({marks})',
                                    now[0])
                else:
                    scratch.execute(f'DELETE FROM "{table}" WHERE {_where(keys)}', values)
    changeset = session.changeset()
    session.close()
    stamps: dict[str, dict[str, str]] = {}
    rows = []
    for change in apsw.Changeset.iter(changeset):
        table = change.name
        names = [c[0] for c in layout[table][0]]
        row = change.new if change.op == "INSERT" else change.old
        key = key_text([row[i] for i in sorted(change.pk_columns)])
        rows.append((table, key, change.op, set_columns(change, names)))
        if change.op != "INSERT":
            stamps.setdefault(table, {})[key] = at_of[(table, key)]
    scratch.close()
    return Local(changeset, stamps, rows, len(rows))


def set_columns(change: apsw.TableChange, names: list[str]) -> list[str]:
    """The columns an update sets ('' for a whole row inserted, none for a delete)."""
    if change.op == "INSERT":
        return [""]
    if change.op == "DELETE":
        return []
    return [names[i] for i, v in enumerate(change.new) if v is not apsw.no_change]


def after(stamp: str) -> str:
    """The stamp a millisecond after `stamp` (stamps are UTC, to the millisecond)."""
    import datetime

    moment = datetime.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ")
    moment += datetime.timedelta(milliseconds=1)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def column_stamp(conn: apsw.Connection, table: str, key: str,
                 cols: list[str]) -> tuple[str, str]:
    """(when, by whom) of the newest of these columns' values here (a column never
    changed since its row was inserted has the row's stamp; ('', '') when unknown)."""
    found = conn.execute(
        f"SELECT max(at || char(31) || by) FROM team_stamps WHERE tbl = ? AND pk = ? "
        f"AND col IN ({', '.join('?' * (len(cols) + 1))})", [table, key, "", *cols]
    ).fetchall()[0][0]
    if not found:
        return "", ""
    at, _, by = found.partition("\x1f")
    return at, by


def keep_stamp(conn: apsw.Connection, table: str, key: str, op: str, cols: list[str],
               stamp: tuple[str, str]) -> None:
    """Note (when, by whom) of the values a change gave a row here."""
    if op in ("INSERT", "DELETE"):
        conn.execute("DELETE FROM team_stamps WHERE tbl = ? AND pk = ?", [table, key])
    if op == "DELETE":
        return
    conn.executemany(
        "INSERT INTO team_stamps (tbl, pk, col, at, by) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (tbl, pk, col) DO UPDATE SET at = excluded.at, by = excluded.by "
        "WHERE (excluded.at, excluded.by) > (team_stamps.at, team_stamps.by)",
        [(table, key, col, *stamp) for col in cols])


def forget(conn: apsw.Connection) -> None:
    """Empty the record of changes, once they are in a file (in the sync's transaction)."""
    conn.execute("DELETE FROM team_dirty")
    for table in SHARED:
        conn.execute(f"DELETE FROM team_old_{table}")
