"""What the Analysis view's tabs share: where they read (the scope) and a row of buttons."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class Scope:
    """The study and the documents a tab counts in (None: every document)."""

    db: Database
    document_ids: list[int] | None
    several: bool  # more than one document: speakers are joined by name
    # Runs work(db, progress) on a worker thread, then on_done(result) here (the
    # session's `run_in_background`, keywords `on_done` and `writes`).
    run_in_background: Callable[..., None] | None = None


def button_row(*buttons: QPushButton, stretch_first: bool = True) -> QHBoxLayout:
    """Buttons in a row, pushed to the right."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    if stretch_first:
        row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row


class Tab(QWidget):
    """A tab that computes only when shown and when what it shows has changed."""

    needs_words = False  # counts words: the transcript's words must be cut first

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scope: Scope | None = None
        self.stale = True

    def set_scope(self, scope: Scope | None) -> None:
        """Read from `scope` next time the tab is shown."""
        self.scope = scope
        self.stale = True

    def refresh_if_stale(self) -> None:
        if self.stale and self.scope is not None:
            self.stale = False
            self.fill(self.scope)

    def fill(self, scope: Scope) -> Any:  # pragma: no cover - each tab fills itself
        raise NotImplementedError

    def retranslate(self) -> None:
        """Texts in the interface language."""
