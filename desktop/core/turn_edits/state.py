"""What a turn edit records of a document before and after it, and how a recorded state
is written back (same row ids; the search index rows of the turns whose text changes)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.core import search_index

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database


@dataclass(frozen=True)
class State:
    """What a turn edit may change in one document."""

    speakers: tuple[tuple, ...]  # every speaker's row, by id
    sections: tuple[tuple, ...]  # every section's row, by id
    layout: tuple[tuple, ...]  # (id, position, section_id) of every turn, by position
    rows: tuple[tuple, ...]  # whole rows of the turns the step touches, by id
    stamps: tuple[tuple, ...] = ()  # (turn id, start ms) of the turns stamped while listening


def table_columns(db: Database, table: str) -> list[str]:
    """A table's columns (all of them: a later schema step's too)."""
    return [row[0] for row in db.execute(
        "SELECT name FROM pragma_table_info(?) ORDER BY cid", [table]).fetchall()]


def snapshot(db: Database, document_id: int, turn_ids: Iterable[int]) -> State:
    ids = sorted(set(turn_ids))
    rows: list[tuple] = []
    for i in range(0, len(ids), 500):  # SQLite limits bound parameters
        chunk = ids[i : i + 500]
        rows += db.execute(f"SELECT * FROM turns WHERE id IN ({','.join('?' * len(chunk))}) "
                           "ORDER BY id", chunk).fetchall()
    return State(
        speakers=tuple(db.execute("SELECT * FROM speakers WHERE document_id = ? ORDER BY id",
                                  [document_id]).fetchall()),
        sections=tuple(db.execute("SELECT * FROM sections WHERE document_id = ? ORDER BY id",
                                  [document_id]).fetchall()),
        layout=tuple(db.execute("SELECT id, position, section_id FROM turns "
                                "WHERE document_id = ? ORDER BY position",
                                [document_id]).fetchall()),
        rows=tuple(sorted(rows)),
        stamps=tuple(db.execute(
            "SELECT turn_id, start_ms FROM turn_stamps WHERE turn_id IN "
            "(SELECT id FROM turns WHERE document_id = ?) ORDER BY turn_id",
            [document_id]).fetchall()),
    )


def _insert_sql(table: str, columns: Sequence[str]) -> str:
    """INSERT of whole rows of `table` (one of the tables a turn edit records)."""
    names = ", ".join(f'"{c}"' for c in columns)
    return f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"


def insert_row(db: Database, table: str, row: dict) -> int:
    """Insert one row given as column -> value; its id."""
    return db.execute(_insert_sql(table, list(row)), list(row.values())).lastrowid


def _insert(db: Database, table: str, columns: list[str], rows: Iterable[tuple]) -> None:
    db.conn.executemany(_insert_sql(table, columns), list(rows))


def _update(db: Database, table: str, columns: list[str], rows: Iterable[tuple]) -> None:
    """Overwrite whole rows (their id is their first column)."""
    names = ", ".join(f'"{c}" = ?' for c in columns[1:])
    db.conn.executemany(f"UPDATE {table} SET {names} WHERE id = ?",
                        [(*row[1:], row[0]) for row in rows])


def restore(db: Database, target: State, current: State) -> None:
    """Write `target` back over `current` (what the study holds now)."""
    speaker_cols, section_cols, turn_cols = (table_columns(db, t) for t in
                                             ("speakers", "sections", "turns"))
    speakers_now = {r[0]: r for r in current.speakers}
    speakers_then = {r[0]: r for r in target.speakers}
    sections_now = {r[0]: r for r in current.sections}
    sections_then = {r[0]: r for r in target.sections}
    layout_now = {r[0]: r for r in current.layout}
    layout_then = {r[0]: r for r in target.layout}
    rows_now = {r[0]: r for r in current.rows}
    rows_then = {r[0]: r for r in target.rows}
    text_at = turn_cols.index("text")
    headline_at = turn_cols.index("headline")

    # Speakers and sections first, so that turns may refer to them.
    _insert(db, "speakers", speaker_cols,
            [r for i, r in speakers_then.items() if i not in speakers_now])
    _update(db, "speakers", speaker_cols,
            [r for i, r in speakers_then.items() if i in speakers_now and speakers_now[i] != r])
    position_at = section_cols.index("position")
    # Positions are unique in a document: park the present ones below zero meanwhile.
    db.conn.executemany("UPDATE sections SET position = ? WHERE id = ?",
                        [(-1 - r[position_at], i) for i, r in sections_now.items()])
    _insert(db, "sections", section_cols,
            [r for i, r in sections_then.items() if i not in sections_now])

    gone = [i for i in layout_now if i not in layout_then]
    unindex_turns(db, gone)
    db.conn.executemany("DELETE FROM turns WHERE id = ?", [(i,) for i in gone])
    moved = [(i, r[1]) for i, r in layout_then.items()
             if i in layout_now and layout_now[i][1] != r[1]]
    db.conn.executemany("UPDATE turns SET position = ? WHERE id = ?",
                        [(-1 - position, i) for i, position in moved])
    db.conn.executemany("UPDATE turns SET position = ? WHERE id = ?",
                        [(position, i) for i, position in moved])
    added = [r for i, r in rows_then.items() if i not in layout_now]
    _insert(db, "turns", turn_cols, added)
    _update(db, "turns", turn_cols,
            [r for i, r in rows_then.items() if i in layout_now and rows_now.get(i) != r])
    db.conn.executemany("UPDATE turns SET section_id = ? WHERE id = ?",
                        [(r[2], i) for i, r in layout_then.items()
                         if i in layout_now and layout_now[i][2] != r[2]])
    reindexed = [r[0] for r in added] + [
        i for i, r in rows_then.items() if i in rows_now and i in layout_now
        and (rows_now[i][text_at], rows_now[i][headline_at]) != (r[text_at], r[headline_at])]
    index_turns(db, reindexed)

    db.conn.executemany("DELETE FROM sections WHERE id = ?",
                        [(i,) for i in sections_now if i not in sections_then])
    _update(db, "sections", section_cols,
            [r for i, r in sections_then.items() if i in sections_now])
    db.conn.executemany("DELETE FROM speakers WHERE id = ?",
                        [(i,) for i in speakers_now if i not in speakers_then])
    if target.stamps != current.stamps:  # a joined turn's stamp comes back with the turn
        db.conn.executemany("DELETE FROM turn_stamps WHERE turn_id = ?",
                            [(r[0],) for r in current.stamps])
        db.conn.executemany("INSERT INTO turn_stamps (turn_id, start_ms) VALUES (?, ?)",
                            list(target.stamps))


def unindex_turns(db: Database, turn_ids: Sequence[int]) -> None:
    search_index.unindex_turns(db, turn_ids)


def index_turns(db: Database, turn_ids: Sequence[int]) -> None:
    """(Re)index these turns from what the study holds now."""
    if not turn_ids:
        return
    unindex_turns(db, turn_ids)
    pairs = []
    for i in range(0, len(turn_ids), 500):
        chunk = list(turn_ids[i : i + 500])
        pairs += db.execute(f"SELECT id, text FROM turns WHERE id IN "
                            f"({','.join('?' * len(chunk))})", chunk).fetchall()
    search_index.index_turns(db, pairs)
