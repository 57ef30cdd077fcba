"""Storage for Yandu: one SQLite file per study, opened and migrated here.

Nothing in this package imports Qt.
"""

# No `from __future__ import annotations` here: it would bind the name `annotations` in this
# package and shadow the `db.annotations` module in `from db import annotations`.
from db.connection import default_study_path, open_memory_study, open_study
from db.errors import StudyError

__all__ = ["StudyError", "default_study_path", "open_memory_study", "open_study"]
