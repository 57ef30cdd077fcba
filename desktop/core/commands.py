"""Undoable edits: each command applies and reverts itself inside one transaction.

The window never writes to the study directly: it runs a command through `History`,
gets back a `Changes` value saying what to refresh, and names the step in its Edit
menu from `History.undo_text` / `redo_text`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from desktop.core.errors import YanduError

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database



@dataclass(frozen=True)
class Changes:
    """What an edit touched, so views refresh only what they must."""

    annotations: bool = False
    speakers: bool = False
    glossary: bool = False
    documents: bool = False
    document_ids: frozenset[int] = field(default_factory=frozenset)


class StaleStep(YanduError):
    """A step found the study not as it expected: another window or program changed what
    it edits. Nothing is written, and the undo history, which may hold more such steps,
    is cleared."""


class Command(Protocol):
    """An edit that knows how to apply and revert itself."""

    #: Short name of the step, shown as "Undo <text>".
    text: str

    def apply(self, db: Database) -> Changes: ...

    def revert(self, db: Database) -> Changes: ...


class History:
    """Runs commands against a study and keeps the undo and redo stacks."""

    def __init__(self, db: Database, limit: int = 1000) -> None:
        self.db = db
        self.limit = limit
        self._undo: list[Command] = []
        self._redo: list[Command] = []

    def run(self, command: Command) -> Changes:
        """Apply `command` in one transaction and make it undoable."""
        changes = self._in_transaction(command.apply)
        self._undo.append(command)
        del self._undo[: -self.limit]
        self._redo.clear()
        return changes

    def undo(self) -> Changes:
        """Revert the last command; nothing happens when there is none."""
        if not self._undo:
            return Changes()
        changes = self._in_transaction(self._undo[-1].revert)
        self._redo.append(self._undo.pop())
        return changes

    def redo(self) -> Changes:
        """Apply again the last undone command."""
        if not self._redo:
            return Changes()
        changes = self._in_transaction(self._redo[-1].apply)
        self._undo.append(self._redo.pop())
        return changes

    def _in_transaction(self, step: Callable[[Database], Changes]) -> Changes:
        try:
            with self.db.atomic():
                return step(self.db)
        except StaleStep:
            self.clear()
            raise

    def clear(self) -> None:
        """Forget every step (after the study changes underneath, e.g. another study opened)."""
        self._undo.clear()
        self._redo.clear()

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_text(self) -> str:
        """The name of the step Undo would revert, or '' when there is none."""
        return self._undo[-1].text if self._undo else ""

    @property
    def redo_text(self) -> str:
        """The name of the step Redo would apply, or '' when there is none."""
        return self._redo[-1].text if self._redo else ""
