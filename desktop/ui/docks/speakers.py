"""The speakers panel: swatch, name, role, turn count and a checkbox per speaker."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.library import Speaker
from desktop.ui.docks.common import swatch_icon
from desktop.ui.i18n import fill

NARRATION = -1  # the item data of the narration row


class SpeakersDock(QDockWidget):
    """Lists a document's speakers; checkboxes drive the speaker filter."""

    speaker_toggled = Signal(int, bool)  # speaker id (NARRATION for narration), shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speakers_dock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.tree = QTreeWidget(body)
        self.tree.setObjectName("speakers_tree")
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnCount(4)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        # Every column is sized by fit_columns: the number and the turn count always
        # whole, the name and then the role elided when the panel is narrow.
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.tree.header().setMinimumSectionSize(8)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.installEventFilter(self)
        self.tree.viewport().installEventFilter(self)
        self.count_label = QLabel(body)
        self.count_label.setObjectName("visible_turns")
        layout.addWidget(self.tree)
        layout.addWidget(self.count_label)
        self.setWidget(body)
        self._updating = False
        self.retranslate()

    def retranslate(self) -> None:
        """Set the texts again after a language switch."""
        self.setWindowTitle(self.tr("Speakers"))
        self.tree.setHeaderLabels(["#", self.tr("Speaker"), self.tr("Role"), self.tr("Turns")])
        self.fit_columns()

    def fit_columns(self) -> None:
        """Share the list's width: the number and the turn count get what they need (a
        count cut to its first digit reads as another number), the name what it needs
        unless that leaves the role under a third of the rest; the role takes what is
        left. Names and roles that do not fit end in an ellipsis (tooltips hold them)."""
        tree, header = self.tree, self.tree.header()

        def needs(column: int) -> int:
            return max(tree.sizeHintForColumn(column), header.sectionSizeHint(column))

        number, count = needs(0), needs(3)
        rest = max(tree.viewport().width() - number - count, 0)
        name = min(needs(1), max(rest - needs(2), rest * 2 // 3))
        for column, width in enumerate((number, name, rest - name, count)):
            header.resizeSection(column, width)

    def add_actions(self, actions: Sequence[QAction]) -> None:
        """Offer the window's speaker actions in the context menu."""
        self.tree.addActions(list(actions))

    def set_speakers(self, speakers: Sequence[Speaker], hidden: set[int],
                     show_narration: bool, narration_turns: int) -> None:
        """Fill the list (in speaker order, numbered like the 1–9 keys)."""
        self._updating = True
        current = self.current_speaker_id()
        try:
            self.tree.clear()
            for number, speaker in enumerate(speakers, start=1):
                item = QTreeWidgetItem([str(number) if number <= 9 else "", speaker.name,
                                        speaker.role, str(speaker.turn_count)])
                item.setIcon(1, swatch_icon(speaker.colour))
                item.setToolTip(1, speaker.name)
                item.setToolTip(2, speaker.role)
                item.setData(0, Qt.ItemDataRole.UserRole, speaker.id)
                item.setCheckState(1, Qt.CheckState.Unchecked if speaker.id in hidden
                                   else Qt.CheckState.Checked)
                if speaker.is_moderator:
                    font = item.font(1)
                    font.setBold(True)
                    item.setFont(1, font)
                    item.setToolTip(1, fill(self.tr("%1 (moderator)"), speaker.name))
                item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight)
                self.tree.addTopLevelItem(item)
                if speaker.id == current:
                    self.tree.setCurrentItem(item)
            if narration_turns:
                item = QTreeWidgetItem(["", self.tr("Narration"), "", str(narration_turns)])
                item.setData(0, Qt.ItemDataRole.UserRole, NARRATION)
                item.setCheckState(1, Qt.CheckState.Checked if show_narration
                                   else Qt.CheckState.Unchecked)
                font = item.font(1)
                font.setItalic(True)
                item.setFont(1, font)
                item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight)
                self.tree.addTopLevelItem(item)
            self.fit_columns()
        finally:
            self._updating = False

    def set_checks(self, hidden: set[int], show_narration: bool) -> None:
        """Reflect the filter without emitting signals."""
        self._updating = True
        try:
            for i in range(self.tree.topLevelItemCount()):
                item = self.tree.topLevelItem(i)
                sid = item.data(0, Qt.ItemDataRole.UserRole)
                shown = show_narration if sid == NARRATION else sid not in hidden
                item.setCheckState(1, Qt.CheckState.Checked if shown
                                   else Qt.CheckState.Unchecked)
        finally:
            self._updating = False

    def set_counts(self, visible: int, total: int) -> None:
        """Show how many turns the filter lets through."""
        self.count_label.setText(fill(self.tr("%1 of %2 turns shown"), str(visible),
                                      str(total)))

    def current_speaker_id(self) -> int | None:
        """The selected speaker's id, or None (narration row or nothing selected)."""
        item = self.tree.currentItem()
        if item is None:
            return None
        sid = item.data(0, Qt.ItemDataRole.UserRole)
        return None if sid == NARRATION else int(sid)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        """Space toggles the current row's checkbox, whichever column is current; the
        columns follow the list's width."""
        if watched is self.tree.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        elif (watched is self.tree and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Space and not event.modifiers()):
            item = self.tree.currentItem()
            if item is not None:
                checked = item.checkState(1) == Qt.CheckState.Checked
                item.setCheckState(1, Qt.CheckState.Unchecked if checked
                                   else Qt.CheckState.Checked)
                return True
        return super().eventFilter(watched, event)

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._updating or column != 1:
            return
        sid = item.data(0, Qt.ItemDataRole.UserRole)
        self.speaker_toggled.emit(int(sid), item.checkState(1) == Qt.CheckState.Checked)
