"""Where the study is, and a quick read-only look into it before it is opened.

The window paints the reader's place from it, and opens the study itself (checks, upgrade,
write access) right after that first paint. Anything unexpected — no file, not SQLite,
tables missing — gives None: the window then waits for the real opening, which explains
the problem in one line.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from db.health import SQLITE_MAGIC, read_header


def peek_study(path: str | Path) -> sqlite3.Connection | None:
    """A read-only connection to the study at `path`, or None if it cannot be read as one."""
    path = Path(path)
    try:
        if read_header(path, len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            return None
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except (OSError, sqlite3.Error):
        return None
    try:
        conn.execute("SELECT id FROM turns LIMIT 1").fetchall()
    except sqlite3.Error:
        conn.close()
        return None
    return conn


def default_study_path() -> Path:
    """The study used when neither --db nor YANDU_DB names one."""
    env = os.environ.get("YANDU_DB")
    if env:
        return Path(env).expanduser()
    import platformdirs  # only when no study is named

    return Path(platformdirs.user_data_dir("yandu", appauthor=False)) / "study.sqlite"
