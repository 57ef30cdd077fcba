"""The team's conflicts panel: changes that lost to another member's, to keep either side.

It only shows what `TeamController` gives it and says which button was pressed; settling
a conflict is an undoable step the controller runs.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.docks.common import elide
from desktop.ui.i18n import fill

# lupdate reads the texts below through this marker; they are translated when shown.
QT_TRANSLATE_NOOP = lambda context, text: text  # noqa: E731

_KINDS = {
    "edit": QT_TRANSLATE_NOOP("TeamConflictsDock", "%1 and %2 both changed it"),
    "deleted": QT_TRANSLATE_NOOP("TeamConflictsDock", "%1 deleted it while %2 changed it"),
    "refused": QT_TRANSLATE_NOOP("TeamConflictsDock", "%2's change could not be applied"),
}


class TeamConflictsDock(QDockWidget):
    """Each open conflict: what was kept on every copy, and what lost."""

    settle = Signal(int, bool)  # conflict id, whether to put back the side that lost

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("team_conflicts_dock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.summary = QLabel(body)
        self.summary.setWordWrap(True)
        self.list = QListWidget(body)
        self.list.setObjectName("team_conflicts")
        self.list.setWordWrap(True)
        self.detail = QLabel(body)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        self.keep_button = QPushButton(body)
        self.keep_button.setObjectName("keep_kept")
        self.lost_button = QPushButton(body)
        self.lost_button.setObjectName("keep_lost")
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.lost_button)
        for widget in (self.summary, self.list, self.detail):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.setWidget(body)
        self._conflicts: list = []
        self.list.currentRowChanged.connect(self._show_current)
        self.keep_button.clicked.connect(lambda: self._settle(False))
        self.lost_button.clicked.connect(lambda: self._settle(True))
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Team conflicts"))
        self.keep_button.setText(self.tr("Keep what is here"))
        self.keep_button.setToolTip(self.tr("The change kept on every copy stays"))
        self.lost_button.setText(self.tr("Put back the other side"))
        self.lost_button.setToolTip(self.tr("Write the side that lost as your own change; "
                                            "the next sync sends it (Undo takes it back)"))
        self.show_conflicts(self._conflicts)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_conflicts(self, conflicts: Sequence) -> None:
        """List these conflicts (`desktop.core.team.conflicts.Conflict`)."""
        row = max(self.list.currentRow(), 0)
        self._conflicts = list(conflicts)
        self.list.clear()
        for c in self._conflicts:
            kind = _KINDS.get(c.kind, _KINDS["edit"])
            what = fill(QCoreApplication.translate("TeamConflictsDock", kind), c.kept_by or "?",
                        c.lost_by or "?")
            item = QListWidgetItem(f"{elide(c.label, 40)}\n{what}")
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.list.addItem(item)
        self.summary.setText(fill(self.tr("%1 open conflict(s). The later change was kept "
                                          "on every copy."), str(len(self._conflicts)))
                             if self._conflicts else self.tr("No conflicts."))
        if self._conflicts:
            self.list.setCurrentRow(min(row, len(self._conflicts) - 1))
        self._show_current(self.list.currentRow())

    def current(self):
        row = self.list.currentRow()
        return self._conflicts[row] if 0 <= row < len(self._conflicts) else None

    def _show_current(self, _row: int) -> None:
        c = self.current()
        self.keep_button.setEnabled(c is not None)
        self.lost_button.setEnabled(c is not None and c.can_keep_lost)
        if c is None:
            self.detail.clear()
            return
        lines = []
        for name in sorted(set(c.kept) | set(c.lost)):
            if name in ("updated_at", "created_at"):
                continue
            kept, lost = c.kept.get(name), c.lost.get(name)
            if kept != lost:
                lines.append(fill(self.tr("%1: kept “%2”, lost “%3”"), name,
                                  elide(str(kept if kept is not None else "—"), 60),
                                  elide(str(lost if lost is not None else "—"), 60)))
        self.detail.setText("\n".join(lines))

    def _settle(self, keep_lost: bool) -> None:
        c = self.current()
        if c is not None:
            self.settle.emit(c.id, keep_lost)
