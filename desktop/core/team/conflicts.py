"""The conflicts a sync met, and putting back the side that lost (an undoable step).

A conflict keeps both sides: the values kept (on every copy) and those that lost. Keeping
the lost side writes it as this member's own edit, so the next sync sends it and, being
the latest change, it is kept on every copy; dismissing keeps what is there.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.core import search_index
from desktop.core.clock import now_iso
from desktop.core.commands import Changes, StaleStep
from desktop.core.team.folder import TeamError

if TYPE_CHECKING:
    from sqlite_utils import Database

_KEYS = {"documents": ["id"], "speakers": ["id"], "sections": ["id"], "turns": ["id"],
         "annotations": ["id"], "glossary_terms": ["id"]}
# What names a row to a reader, by table.
_LABELS = {"documents": "title", "speakers": "name", "sections": "title", "turns": "text",
           "annotations": "quote", "glossary_terms": "term"}
_KINDS = {"edit": "edited by both", "deleted": "deleted and edited", "refused": "not applied"}


@dataclass(frozen=True)
class Conflict:
    """One change that lost to another member's."""

    id: int
    table: str
    key: list
    kind: str
    kept_by: str
    kept_at: str
    kept: dict
    lost_by: str
    lost_at: str
    lost: dict
    found_at: str
    label: str  # the row as a reader knows it (a quote, a name, a title)

    @property
    def can_keep_lost(self) -> bool:
        return self.kind != "refused" and bool(self.lost)

    def describe(self) -> str:
        what = self.table.removesuffix("s").replace("_", " ")
        return f"{what} {self.label!r}: {_KINDS.get(self.kind, self.kind)}"

    def to_dict(self) -> dict:
        return {"id": self.id, "table": self.table, "key": self.key, "kind": self.kind,
                "label": self.label, "kept_by": self.kept_by, "kept_at": self.kept_at,
                "kept": self.kept, "lost_by": self.lost_by, "lost_at": self.lost_at,
                "lost": self.lost, "found_at": self.found_at}


def _label(db: Database, table: str, key: list, values: dict) -> str:
    column = _LABELS.get(table)
    if column is None:
        return json.dumps(key, ensure_ascii=False)
    text = values.get(column)
    if text is None and table in _KEYS:
        row = db.execute(f'SELECT "{column}" FROM {table} WHERE id = ?', key[:1]).fetchone()
        text = row[0] if row else None
    text = " ".join(str(text if text is not None else key[0]).split())
    return text if len(text) <= 40 else text[:39] + "…"


def open_conflicts(db: Database, *, include_resolved: bool = False) -> list[Conflict]:
    """The conflicts not settled yet (all of them with `include_resolved`), oldest first."""
    where = "" if include_resolved else "WHERE resolved_at IS NULL"
    try:
        rows = db.execute(
            "SELECT id, tbl, pk, kind, kept_by, kept_at, kept, lost_by, lost_at, lost, "
            f"found_at FROM team_conflicts {where} ORDER BY id").fetchall()
    except Exception:  # noqa: BLE001 — a study from before the team tables
        return []
    found = []
    for cid, table, pk, kind, kept_by, kept_at, kept, lost_by, lost_at, lost, at in rows:
        key, kept_v, lost_v = json.loads(pk), json.loads(kept), json.loads(lost)
        found.append(Conflict(cid, table, key, kind, kept_by, kept_at, kept_v, lost_by,
                              lost_at, lost_v, at,
                              _label(db, table, key, {**lost_v, **kept_v})))
    return found


def get(db: Database, conflict_id: int) -> Conflict:
    for conflict in open_conflicts(db, include_resolved=True):
        if conflict.id == conflict_id:
            return conflict
    raise TeamError(f"No conflict {conflict_id}; `yandu team conflicts` lists them.")


def _changes(table: str) -> Changes:
    return Changes(annotations=table == "annotations",
                   speakers=table in ("speakers", "turns", "sections"),
                   glossary=table == "glossary_terms",
                   documents=table in ("documents", "turns", "sections"))


def _row(db: Database, table: str, key: list) -> dict | None:
    cur = db.execute(f"SELECT * FROM {table} WHERE id = ?", key[:1])
    row = cur.fetchone()
    return None if row is None else dict(zip([d[0] for d in cur.description], row,
                                              strict=True))


def _write(db: Database, table: str, key: list, values: dict | None,
           before: dict | None) -> None:
    """Make the row hold `values` (None: no row), re-indexing turns' and notes' text."""
    if values is not None:  # only the table's own columns
        known = {r[0] for r in db.execute("SELECT name FROM pragma_table_info(?)", [table])}
        values = {name: value for name, value in values.items() if name in known}
    if table == "turns" and before is not None:
        search_index.unindex_turns(db, key[:1])
    if values is None:
        db.execute(f"DELETE FROM {table} WHERE id = ?", key[:1])
    elif before is None:
        names = list(values)
        db.execute(f"INSERT INTO {table} ({', '.join(chr(34) + n + chr(34) for n in names)}) "
                   f"VALUES ({', '.join('?' * len(names))})", [values[n] for n in names])
    else:
        sets = ", ".join(f'"{n}" = ?' for n in values)
        db.execute(f"UPDATE {table} SET {sets} WHERE id = ?", [*values.values(), key[0]])
    if table == "turns" and values is not None:
        search_index.index_turns(db, [(key[0], _row(db, table, key)["text"])])
    if table == "annotations":
        row = _row(db, table, key)
        if row is None:
            search_index.unindex_annotation(db, key[0])
        else:
            search_index.index_annotation(db, key[0], row["note"])


@dataclass
class SettleConflict:
    """Settle a conflict: keep the side that lost (`keep_lost`), or what the copy holds."""

    conflict: Conflict
    keep_lost: bool
    text: str = "Settle conflict"
    _before: dict | None = None
    _after: dict | None = None

    def apply(self, db: Database) -> Changes:
        c = self.conflict
        done = db.execute("SELECT resolved_at FROM team_conflicts WHERE id = ?",
                          [c.id]).fetchone()
        if done is None or done[0] is not None:
            raise StaleStep("This conflict was settled meanwhile; nothing was changed.")
        if self.keep_lost:
            if c.table not in _KEYS or not c.can_keep_lost:
                raise TeamError("This side cannot be put back; it can only be dismissed.")
            self._before = _row(db, c.table, c.key)
            if self._before is None and not _whole(db, c.table, c.lost):
                raise TeamError("The row was deleted: the edit that lost cannot be put "
                                "back on it.")
            wanted = c.lost if self._before is None else {**self._before, **c.lost}
            _write(db, c.table, c.key, wanted, self._before)
            self._after = _row(db, c.table, c.key)
        db.execute("UPDATE team_conflicts SET resolved_at = ?, resolution = ? WHERE id = ?",
                   [now_iso(), "lost" if self.keep_lost else "kept", c.id])
        return _changes(c.table)

    def revert(self, db: Database) -> Changes:
        c = self.conflict
        if self.keep_lost:
            if _row(db, c.table, c.key) != self._after:
                raise StaleStep("This row was changed meanwhile; nothing was changed.")
            _write(db, c.table, c.key, self._before, self._after)
        db.execute("UPDATE team_conflicts SET resolved_at = NULL, resolution = '' "
                   "WHERE id = ?", [c.id])
        return _changes(c.table)


def _whole(db: Database, table: str, values: dict) -> bool:
    names = {r[0] for r in db.execute(f"SELECT name FROM pragma_table_info('{table}')")}
    return names <= set(values)
