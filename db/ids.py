"""Integer ids for new rows, in the member's own range in a team's study.

Two members of a team insert rows on their own copies, and SQLite would give both the
same next id (one above the largest). So in a team's study each member allocates the
ids of its new rows in a range of its own: `BLOCK` ids from `team_id_base` (study_meta),
a multiple of `BLOCK` that the member chose when it joined (see `desktop.core.team`).
Rows from before the team and from other members keep their ids. A tag's id is made
from its name, so that two members who make the same tag make the same row.

Outside a team every function returns None: SQLite gives the id, as it always did.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # hints only
    from sqlite_utils import Database

BASE_KEY = "team_id_base"
BLOCK = 1 << 40  # ids of one member: 1.1 × 10^12
TAG_BASE = 1 << 62  # tags' ids made from their names lie above every member's range

_UPPER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def base_of(db: Database) -> int | None:
    """The first id of this member's range, or None outside a team."""
    try:
        row = db.execute("SELECT value FROM study_meta WHERE key = ?", [BASE_KEY]).fetchone()
    except Exception:  # a study from before the table: no team
        return None
    return int(row[0]) if row else None


def next_id(db: Database, table: str, base: int | None = None) -> int | None:
    """The id for a new row of `table` (a table with an integer `id`), or None to let
    SQLite choose it (outside a team)."""
    if base is None:
        base = base_of(db)
        if base is None:
            return None
    top = db.execute(f"SELECT max(id) FROM {table} WHERE id >= ? AND id < ?",
                     [base, base + BLOCK]).fetchone()[0]
    return base if top is None else top + 1


def next_ids(db: Database, table: str, count: int) -> list[int | None]:
    """Ids for `count` new rows of `table`, in order (None each outside a team)."""
    first = next_id(db, table)
    if first is None:
        return [None] * count
    return list(range(first, first + count))


def tag_id_for(db: Database, name: str) -> int | None:
    """The id a new tag named `name` takes in a team's study (from its name, compared as
    the tags' NOCASE collation compares it), or None outside a team."""
    if base_of(db) is None:
        return None
    digest = hashlib.sha256(name.translate(_UPPER).encode("utf-8")).digest()
    return TAG_BASE + int.from_bytes(digest[:6], "big")
