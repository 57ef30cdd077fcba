"""Timestamps as stored in a study: UTC, ISO 8601, to the second."""

from __future__ import annotations

import datetime as _dt


def now_iso() -> str:
    """The current UTC time, e.g. '2026-11-27T18:31:42Z'."""
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
