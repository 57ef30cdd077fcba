"""Choosing who a turn goes to, by keyboard: a speaker of the document, a new speaker, or
narration. Typing filters the list (a name no one has offers a new speaker); Up and Down
choose, Enter gives, Escape cancels."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.library import Speaker
from desktop.ui.i18n import fill

# What an item of the list gives: ("speaker", id), ("new", name) or ("narration", None).
Choice = tuple[str, object]
_ROLE = Qt.ItemDataRole.UserRole
_MOVES = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


def _key(name: str) -> str:
    """A name as the speakers' names are compared: case, width and spacing ignored."""
    return "".join(unicodedata.normalize("NFKC", name).casefold().split())


class SpeakerPicker(QDialog):
    """A small list of the document's speakers under a field that filters it."""

    def __init__(self, speakers: Sequence[Speaker], owner: int | None, question: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speaker_picker")
        self.setWindowTitle(self.tr("Give to speaker"))
        self.speakers, self.owner = list(speakers), owner
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Type to filter, or a new speaker's name"))
        self.field.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setObjectName("speaker_choices")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(question, self))
        layout.addWidget(self.field)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.field.textChanged.connect(self._refill)
        self.field.installEventFilter(self)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self._refill("")
        self.field.setFocus()

    def _refill(self, typed: str) -> None:
        """The speakers whose names hold what is typed, narration, and a new speaker."""
        wanted = _key(typed)
        self.list.clear()
        exact = None
        for speaker in self.speakers:
            if wanted and wanted not in _key(speaker.name):
                continue
            item = QListWidgetItem(_swatch(speaker.colour), speaker.name, self.list)
            item.setData(_ROLE, ("speaker", speaker.id))
            if speaker.id == self.owner:
                item.setText(fill(self.tr("%1 (speaks it now)"), speaker.name))
            if wanted and _key(speaker.name) == wanted:
                exact = item
        narration = self.tr("Narration (no speaker)")
        if not wanted or wanted in _key(narration) or wanted in "narration":
            item = QListWidgetItem(narration, self.list)
            item.setData(_ROLE, ("narration", None))
        name = " ".join(typed.split())
        if name and exact is None:
            item = QListWidgetItem(fill(self.tr("New speaker “%1”"), name), self.list)
            item.setData(_ROLE, ("new", name))
        self.list.setCurrentRow(self._first_choice(exact))

    def _first_choice(self, exact: QListWidgetItem | None) -> int:
        """The row chosen as the list changes: the name typed in full, else the first
        that is not the turn's speaker now."""
        if exact is not None:
            return self.list.row(exact)
        for row in range(self.list.count()):
            kind, value = self.list.item(row).data(_ROLE)
            if (kind, value) != ("speaker", self.owner) and not (
                    kind == "narration" and self.owner is None):
                return row
        return 0

    def choice(self) -> Choice | None:
        """What the chosen row gives, or None when the list is empty."""
        item = self.list.currentItem()
        return None if item is None else item.data(_ROLE)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Up, Down, Page Up and Page Down in the field move through the list."""
        if (watched is self.field and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() in _MOVES):
            self.list.keyPressEvent(event)
            return True
        return super().eventFilter(watched, event)


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)
