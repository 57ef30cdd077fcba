"""Storage for Yandu: one SQLite file per study, opened and migrated here.

Nothing in this package imports Qt.
"""

from __future__ import annotations

from db.connection import default_study_path, open_study, open_memory_study
from db.errors import StudyError

__all__ = ["StudyError", "default_study_path", "open_memory_study", "open_study"]
