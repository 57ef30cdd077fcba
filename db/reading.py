"""A study opened for reading alone, without sqlite-utils: `yandu list` and `yandu show`.

Opening a study properly (`db.connection.open_study`) loads sqlite-utils (about 0.1 s,
more than a bare Python start), checks the file and upgrades it. A command that only
reads a study already at this version's schema needs none of that: it gets a plain
read-only connection, which the read-side queries take as they take a `Database`. A study
that is older (it must be upgraded first), newer (it must be refused) or not a study at
all gives None, and the caller opens it properly, which says what is wrong in one line.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from db.peek import peek_study

# The schema step this version of Yandu ends with (`db.migrations`; a test keeps the two
# in step). Step names sort in the order they are applied: a study whose last applied step
# is this one has every step and nothing newer.
CURRENT_STEP = "0014_documents_listing"


def open_current_for_reading(path: str | Path) -> sqlite3.Connection | None:
    """A read-only connection to the study at `path` if it is at this version's schema,
    else None."""
    conn = peek_study(path)
    if conn is None:
        return None
    try:
        last = conn.execute(
            "SELECT max(name) FROM _sqlite_migrations WHERE migration_set = 'yandu'"
        ).fetchone()[0]
    except sqlite3.Error:
        last = None
    if last != CURRENT_STEP:
        conn.close()
        return None
    return conn
