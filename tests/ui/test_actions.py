"""The action registry: unique keys, the README table, user overrides, the F1 list."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence

from desktop.ui import actions as registry
from desktop.ui import shortcut_table
from desktop.ui.actions import SPECS, ActionId
from desktop.ui.player.keys import PlayerAction

pytestmark = pytest.mark.ui
README = Path(__file__).resolve().parents[2] / "README.md"


def test_no_two_actions_share_a_key(qapp) -> None:
    owners: dict[str, ActionId] = {}
    for action_id, spec in SPECS.items():
        for key in spec.default_sequences():
            text = key.toString(QKeySequence.SequenceFormat.PortableText)
            assert text not in owners, f"{text} is bound to {owners.get(text)} and {action_id}"
            owners[text] = action_id


def test_every_action_has_a_menu_and_text(qapp) -> None:
    assert set(SPECS) == set(ActionId) | set(PlayerAction)  # the player's, from its package
    for spec in SPECS.values():
        assert spec.menu.replace("&", "").strip()  # a registry menu or one an extension adds
        assert spec.text


def test_standard_keys_are_used_where_they_exist(qapp) -> None:
    for action_id, standard in ((ActionId.UNDO, QKeySequence.StandardKey.Undo),
                                (ActionId.REDO, QKeySequence.StandardKey.Redo),
                                (ActionId.IMPORT, QKeySequence.StandardKey.Open),
                                (ActionId.FIND, QKeySequence.StandardKey.Find)):
        assert SPECS[action_id].shortcut == standard
    redo = [k.toString() for k in SPECS[ActionId.REDO].default_sequences()]
    assert "Ctrl+Y" in redo and "Ctrl+Shift+Z" in redo


def test_readme_table_matches_the_registry(qapp) -> None:
    text = README.read_text(encoding="utf-8")
    match = re.search(re.escape(shortcut_table.README_START) + r"\n(.*?)\n"
                      + re.escape(shortcut_table.README_END), text, re.S)
    assert match, "README.md lacks the shortcut table markers"
    assert match.group(1).strip() == shortcut_table.markdown_table().strip(), (
        "README shortcut table is out of date: run `python -m desktop.ui.shortcut_table`")


def test_user_override_is_saved_and_applied(window, make_window, sample_study) -> None:
    from desktop.ui.shortcuts_dialog import ShortcutsDialog

    dialog = ShortcutsDialog(window.actions, window.settings, window, editable=True)
    row = list(SPECS).index(ActionId.NEXT_TURN)
    dialog.table.setCurrentCell(row, 0)
    dialog.editor.setKeySequence(QKeySequence("K"))  # taken by Previous turn
    assert not dialog.assign()
    assert "already used" in dialog.message.text()
    dialog.editor.setKeySequence(QKeySequence("Ctrl+J"))
    assert dialog.assign()
    assert window.actions[ActionId.NEXT_TURN].shortcut().toString() == "Ctrl+J"
    window.settings.sync()
    dialog.close()
    window.close()
    again = make_window(sample_study)
    assert again.actions[ActionId.NEXT_TURN].shortcut().toString() == "Ctrl+J"


def test_f1_lists_every_action(window, qtbot) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.ui.shortcuts_dialog import ShortcutsDialog

    window.actions[ActionId.SHORTCUTS].trigger()
    dialogs = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, ShortcutsDialog) and w.isVisible()]
    assert dialogs
    table = dialogs[0].table
    assert table.rowCount() == len(SPECS)
    texts = {table.item(r, 1).text(): table.item(r, 2).text() for r in range(table.rowCount())}
    assert texts["Annotate selection"] == "A"
    dialogs[0].close()


def test_undo_on_the_toolbar_keeps_its_short_name(window, monkeypatch) -> None:
    # The menu says what would be undone; the toolbar button keeps its width, so the
    # buttons after it do not move under the mouse after every edit.
    from PySide6.QtWidgets import QInputDialog

    undo = window.actions[ActionId.UNDO]
    button = window.menus.toolbar.widgetForAction(undo)
    window.speakers_dock.tree.setCurrentItem(window.speakers_dock.tree.topLevelItem(1))
    window.speakers_dock.tree.setFocus()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("陈虞君博士", True))
    window.actions[ActionId.RENAME_SPEAKER].trigger()
    assert undo.text() == "&Undo Rename speaker"
    assert button.text() == "Undo" and undo.toolTip() == "Undo Rename speaker"


def test_labels_lose_their_mnemonic_in_either_language() -> None:
    assert registry.without_mnemonic("&Undo") == "Undo"
    assert registry.without_mnemonic("撤销“重命名”(&U)") == "撤销“重命名”"
