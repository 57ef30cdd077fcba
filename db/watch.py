"""Noticing changes another process (a second window, the command line) made to the study.

SQLite's `PRAGMA data_version` changes on a connection whenever *another* connection has
committed to the file since it was last asked; the connection's own commits leave it
alone (the window already refreshes those from `Changes`). Asking costs microseconds and
reads nothing from disk, so the window polls it with a QTimer (`desktop/ui/session.py`).

On a change the window should reload what it shows, and forget its undo history
(`History.clear()`): an undo recorded before the other process wrote could otherwise
put back a note over the other process's newer edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database


def data_version(db: Database) -> int:
    """The connection's current data version (changes when another connection commits)."""
    return db.execute("PRAGMA data_version").fetchone()[0]


class StudyWatcher:
    """Remembers the study's data version and says when another process has changed it."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._seen = data_version(db)

    def changed(self) -> bool:
        """True once for each batch of commits other connections made since the last call."""
        now = data_version(self.db)
        if now == self._seen:
            return False
        self._seen = now
        return True
