"""The one exception type the core raises for problems a user must hear about."""

from __future__ import annotations


class YanduError(Exception):
    """A problem with the user's input or files; `str(err)` is a one-line message for them."""
