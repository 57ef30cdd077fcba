"""Errors the storage layer raises, each with a message a user can act on."""

from __future__ import annotations


class StudyError(Exception):
    """A study file cannot be opened or written; the message is for the user, one line."""
