"""Help > Keyboard Shortcuts: every action and its keys; optionally reassign them."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import actions as registry
from desktop.ui import shortcut_settings
from desktop.ui.actions import SPECS, ActionId
from desktop.ui.i18n import fill
from desktop.ui.shortcut_table import shortcut_rows

# Keys are named as the README names them (Alt+Left), in every interface language: Qt's
# native names follow its own translation (Alt+左方向), which the README cannot.
KEY_NAMES = QKeySequence.SequenceFormat.PortableText


def find_conflict(actions: dict[ActionId, QAction], action_id: ActionId,
                  key: QKeySequence) -> ActionId | None:
    """Another action already bound to `key`, if any."""
    for other_id, action in actions.items():
        if other_id != action_id and key in action.shortcuts():
            return other_id
    return None


class ShortcutsDialog(QDialog):
    """A filterable table of actions and keys; editable when opened to change shortcuts."""

    def __init__(self, actions: dict[ActionId, QAction], settings: QSettings,
                 parent: QWidget | None = None, *, editable: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.actions = actions
        self.settings = settings
        self.setWindowTitle(self.tr("Change shortcuts") if editable
                            else self.tr("Keyboard shortcuts"))
        self.resize(620, 640)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter…"))
        self.table = QTableWidget(self)
        self.table.setObjectName("shortcuts_table")
        self.table.setColumnCount(3)
        self.table.setHorizontalHeaderLabels([self.tr("Menu"), self.tr("Action"),
                                              self.tr("Keys")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        self.message = QLabel(self)
        self.editor: QKeySequenceEdit | None = None
        if editable:
            row = QHBoxLayout()
            self.editor = QKeySequenceEdit(self)
            self.editor.setMaximumSequenceLength(1)  # one key, taken at once
            field = self.editor.findChild(QLineEdit)
            if field is not None:  # the key typed, named as the list names it
                field.textChanged.connect(lambda _text, f=field: self._name_typed_key(f))
            assign = QPushButton(self.tr("&Assign"), self)
            reset = QPushButton(self.tr("&Default"), self)
            row.addWidget(QLabel(self.tr("New key:"), self))
            row.addWidget(self.editor, 1)
            row.addWidget(assign)
            row.addWidget(reset)
            layout.addLayout(row)
            assign.clicked.connect(self.assign)
            reset.clicked.connect(self.reset)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self._apply_filter)
        self.fill()
        self.filter.setFocus()

    def fill(self) -> None:
        """(Re)list every action."""
        rows = shortcut_rows(self.actions)
        self.table.setRowCount(len(rows))
        for row, (action_id, (menu, text, keys)) in enumerate(zip(SPECS, rows, strict=True)):
            for column, value in enumerate((menu, text, keys)):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, action_id.value)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        self._apply_filter(self.filter.text())

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.table.rowCount()):
            cells = " ".join(self.table.item(row, c).text() for c in range(3)).casefold()
            self.table.setRowHidden(row, bool(needle) and needle not in cells)

    def _name_typed_key(self, field: QLineEdit) -> None:
        key = self.editor.keySequence() if self.editor is not None else QKeySequence()
        if not key.isEmpty() and field.text() != key.toString(KEY_NAMES):
            field.setText(key.toString(KEY_NAMES))

    def _selected(self) -> ActionId | None:
        item = self.table.currentItem()
        return registry.find_action(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def assign(self) -> bool:
        """Give the selected action the key in the editor (refused if another has it)."""
        action_id = self._selected()
        if action_id is None or self.editor is None:
            return False
        key = self.editor.keySequence()
        if key.isEmpty():
            keys: list[QKeySequence] = []
        else:
            conflict = find_conflict(self.actions, action_id, key)
            if conflict is not None:
                self.message.setText(fill(
                    self.tr("%1 is already used by “%2”."),
                    key.toString(KEY_NAMES),
                    registry.without_mnemonic(self.actions[conflict].text())))
                return False
            keys = [key]
        self.actions[action_id].setShortcuts(keys)
        shortcut_settings.save_override(self.settings, action_id, keys)
        self.message.setText(self.tr("Saved."))
        self.fill()
        return True

    def reset(self) -> None:
        """Give the selected action its default keys back."""
        action_id = self._selected()
        if action_id is None:
            return
        self.actions[action_id].setShortcuts(SPECS[action_id].default_sequences())
        shortcut_settings.save_override(self.settings, action_id, None)
        self.fill()
