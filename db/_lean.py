"""sqlite-utils, loaded before anything else of the storage layer imports it."""

from __future__ import annotations

import importlib
import sys


def _load_sqlite_utils() -> None:
    """Import sqlite-utils without numpy and pandas.

    sqlite-utils imports both when they are installed, only to accept their values in
    inserts, which Yandu never passes: that was 0.1-0.3 s of every command's start (the
    exporters' packages bring numpy in). Each is hidden while sqlite-utils loads, then
    importable again as usual for whoever needs it.
    """
    if "sqlite_utils.db" in sys.modules:
        return
    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # import raises ImportError
    try:
        importlib.import_module("sqlite_utils.db")
    finally:
        for name in hidden:
            if sys.modules.get(name, ...) is None:
                del sys.modules[name]


_load_sqlite_utils()

from sqlite_utils import Database  # noqa: E402

__all__ = ["Database"]
