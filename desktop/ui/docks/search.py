"""The search panel: a query field, a scope and the results list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.kwic import mark
from desktop.ui.i18n import fill


class SearchDock(QDockWidget):
    """Type to search (after a short pause, or at once with Enter); activate a hit to jump."""

    query_changed = Signal(str, bool)  # query, whole study
    hit_activated = Signal(int)  # row in the results

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search_dock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.field = QLineEdit(body)
        self.field.setObjectName("search_field")
        self.field.setClearButtonEnabled(True)
        self.whole_study = QCheckBox(body)
        self.status = QLabel(body)
        self.results = QListWidget(body)
        self.results.setObjectName("search_results")
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        for widget in (self.field, self.whole_study, self.status, self.results):
            layout.addWidget(widget)
        self.setWidget(body)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._emit_query)
        self.field.textEdited.connect(lambda _t: self._timer.start())
        self.field.returnPressed.connect(self._enter)
        self.whole_study.toggled.connect(lambda _c: self._emit_query())
        self.results.itemActivated.connect(self._activated)
        self.results.itemClicked.connect(self._activated)
        self._shown: tuple | None = None  # what set_hits was last given, to say it again
        self.retranslate()

    def retranslate(self) -> None:
        """Set the texts again after a language switch."""
        self.setWindowTitle(self.tr("Search"))
        self.field.setPlaceholderText(self.tr("Search words, phrases…"))
        self.whole_study.setText(self.tr("All &documents"))
        self.whole_study.setToolTip(self.tr(
            "Search every document, best matches first; otherwise the open document, "
            "in reading order"))
        if self._shown is not None:  # the hits' labels and counts, in the new language
            row = self.results.currentRow()
            hits, describe, total, tally = self._shown
            self.set_hits(hits, describe, total, tally=tally)
            self.results.setCurrentRow(row)

    def _enter(self) -> None:
        self._timer.stop()
        if self.results.count() and self.field.text().strip() == getattr(self, "_last", None):
            self.results.setCurrentRow(0)
            self.hit_activated.emit(0)
            return
        self._emit_query()

    def _emit_query(self) -> None:
        self._last = self.field.text().strip()
        self.query_changed.emit(self._last, self.whole_study.isChecked())

    def search_again(self) -> None:
        """Ask for the query in the box again, if there is one."""
        if self.field.text().strip():
            self._emit_query()

    def set_hits(self, hits: Sequence[Any], describe, total: int | None = None, *,
                 tally: Any = None, counting: bool = False) -> None:
        """Show hits; `describe(hit)` gives the header line of each; `total` is how many
        there are when only the first ones are shown; `tally` (turns, notes, matches in
        all, as `search_counts.Tally`) says what they count; `counting`: there are more
        than these, and how many is still being worked out (`show_tally` says it)."""
        self._shown = (hits, describe, total, tally)
        self.results.clear()
        for row, hit in enumerate(hits):
            text = f"{describe(hit)}\n{mark(hit.snippet, hit.snippet_matches)}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row)
            self.results.addItem(item)
        if self.field.text().strip() and counting:
            self.status.setText(fill(self.tr("First %1 shown; counting the rest…"),
                                     str(len(hits))))
        elif self.field.text().strip() and tally is not None and tally.hits:
            counted = self.tally_text(tally.turns, tally.notes, tally.matches)
            if tally.hits > len(hits):
                counted = fill(self.tr("%1 — first %2 shown"), counted, str(len(hits)))
            self.status.setText(counted)
        elif self.field.text().strip() and total is not None and total > len(hits):
            self.status.setText(fill(self.tr("First %1 of %2 results"), str(len(hits)),
                                     str(total)))
        elif self.field.text().strip():
            # English has a singular; Chinese uses one form for every count.
            self.status.setText(self.tr("1 result") if len(hits) == 1 else
                                fill(self.tr("%1 results"), str(len(hits))))
        else:
            self.status.clear()

    def show_tally(self, tally: Any) -> None:
        """Say what the hits shown count, once counted (see `set_hits`); None when they
        could not be counted: the hits shown are said."""
        hits, describe, total, _ = self._shown
        self._shown = (hits, describe, total, tally)
        if tally is None:
            self.status.setText(fill(self.tr("%1 results"), str(len(hits))))
            return
        counted = self.tally_text(tally.turns, tally.notes, tally.matches)
        if tally.hits > len(hits):
            counted = fill(self.tr("%1 — first %2 shown"), counted, str(len(hits)))
        self.status.setText(counted)

    def tally_text(self, turns: int, notes: int, matches: int) -> str:
        """"9 turns, 37 matches": what a search found, each count saying what it counts
        (a hit is a turn or a note; a match is one highlighted occurrence in it)."""
        # English has a singular; Chinese uses one form for every count.
        parts = []
        if turns:
            parts.append(self.tr("1 turn") if turns == 1 else
                         fill(self.tr("%1 turns"), str(turns)))
        if notes:
            parts.append(self.tr("1 note") if notes == 1 else
                         fill(self.tr("%1 notes"), str(notes)))
        parts.append(self.tr("1 match") if matches == 1 else
                     fill(self.tr("%1 matches"), str(matches)))
        text = parts[0]
        for part in parts[1:]:
            text = fill(self.tr("%1, %2"), text, part)
        return text

    def set_message(self, message: str) -> None:
        """Show a one-line message (e.g. a bad query) instead of results."""
        self._shown = None
        self.results.clear()
        self.status.setText(message)

    def _activated(self, item: QListWidgetItem) -> None:
        self.hit_activated.emit(int(item.data(Qt.ItemDataRole.UserRole)))
