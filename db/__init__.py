"""Storage for Yandu: one SQLite file per study, opened and migrated here.

Nothing in this package imports Qt. Its names load on first use, so that a module can
import `db` (for StudyError, say) without loading sqlite-utils before a study is opened:
the window paints first and opens its study afterwards (sqlite-utils takes about 0.2 s
to import, as long again as the bare window takes to paint).
"""

# No `from __future__ import annotations` here: it would bind the name `annotations` in this
# package and shadow the `db.annotations` module in `from db import annotations`.
import importlib

_EXPORTS = {
    "StudyError": "db.errors",
    "default_study_path": "db.peek",
    "open_memory_study": "db.connection",
    "open_study": "db.connection",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'db' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
