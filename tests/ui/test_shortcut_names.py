"""Keys in the shortcut list and its messages are written as the README writes them
(Alt+Left), whatever the interface language: Qt's own names (Alt+左方向) are not shown."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence

from desktop.ui import actions as registry
from desktop.ui import shortcut_table
from desktop.ui.actions import SPECS, ActionId

pytestmark = pytest.mark.ui


@pytest.fixture
def chinese(qapp):
    from desktop.ui.i18n import install_translator

    assert install_translator("zh_CN")
    yield
    install_translator("en")


def _keys(dialog) -> dict[ActionId, str]:
    table = dialog.table
    return {registry.find_action(table.item(r, 2).data(0x0100)): table.item(r, 2).text()
            for r in range(table.rowCount())}


def test_the_list_names_keys_as_the_readme_does_in_chinese(window, chinese, qtbot) -> None:
    from desktop.ui.shortcuts_dialog import ShortcutsDialog

    back = window.actions[ActionId.BACK].shortcut()
    assert back.toString(QKeySequence.SequenceFormat.NativeText) != "Alt+Left"  # Qt's own
    dialog = ShortcutsDialog(window.actions, window.settings, window)
    qtbot.addWidget(dialog)
    keys = _keys(dialog)
    assert keys[ActionId.BACK] == "Alt+Left"
    readme = {spec: row[2] for spec, row in zip(SPECS, shortcut_table.shortcut_rows(),
                                                strict=True)}
    assert keys == readme  # the same names as the README's table


def test_a_refused_key_is_named_the_same_way(window, chinese, qtbot) -> None:
    from desktop.ui.shortcuts_dialog import ShortcutsDialog

    dialog = ShortcutsDialog(window.actions, window.settings, window, editable=True)
    qtbot.addWidget(dialog)
    dialog.table.setCurrentCell(list(SPECS).index(ActionId.NEXT_TURN), 0)
    dialog.editor.setKeySequence(QKeySequence("Alt+Left"))  # Back's
    assert not dialog.assign()
    assert "Alt+Left" in dialog.message.text()


def test_the_key_typed_for_a_new_shortcut_is_named_the_same_way(window, chinese,
                                                                   qtbot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    from desktop.ui.shortcuts_dialog import ShortcutsDialog

    dialog = ShortcutsDialog(window.actions, window.settings, window, editable=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert dialog.editor.keySequence() == QKeySequence("Alt+Left")
    assert dialog.editor.findChild(QLineEdit).text() == "Alt+Left"
