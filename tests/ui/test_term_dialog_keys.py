"""The add-term dialog's keys: Enter in a one-line field saves (as OK does); in the
definition and the notes Enter starts a new line, and Ctrl+Enter saves."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

pytestmark = pytest.mark.ui


@pytest.fixture
def dialog(window, qtbot):
    from desktop.ui.docks.glossary_term_dialog import TermDialog

    saved: list[dict] = []

    def on_accept(values: dict) -> bool:
        saved.append(values)
        return True

    made = TermDialog(window, {"term": "算力荒"}, on_accept)
    made.saved = saved
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    made.activateWindow()
    return made


@pytest.mark.parametrize("name", ["term", "aliases", "pinyin", "english", "category"])
@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_in_a_one_line_field_saves(dialog, qtbot, name, key) -> None:
    field = dialog.field(name)
    field.setFocus()
    qtbot.keyClicks(field, "x")
    qtbot.keyClick(field, key)
    assert len(dialog.saved) == 1 and dialog.saved[0][name].endswith("x")
    assert not dialog.isVisible()


@pytest.mark.parametrize("name", ["definition", "notes"])
def test_enter_in_the_definition_or_notes_makes_a_new_line_and_ctrl_enter_saves(
        dialog, qtbot, name) -> None:
    field = dialog.field(name)
    field.setFocus()
    qtbot.keyClicks(field, "a")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClicks(field, "b")
    assert dialog.isVisible() and not dialog.saved
    assert field.toPlainText() == "a\nb"
    qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(dialog.saved) == 1 and dialog.saved[0][name] == "a\nb"
    assert not dialog.isVisible()


def test_ctrl_enter_in_a_one_line_field_saves_too(dialog, qtbot) -> None:
    qtbot.keyClick(dialog.field("english"), Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
    assert len(dialog.saved) == 1 and not dialog.isVisible()


def test_enter_does_not_save_when_the_save_is_refused(window, qtbot) -> None:
    from desktop.ui.docks.glossary_term_dialog import TermDialog

    made = TermDialog(window, {"term": "算力荒"}, lambda _values: False)
    qtbot.addWidget(made)
    made.show()
    qtbot.keyClick(made.field("english"), Qt.Key.Key_Return)
    assert made.isVisible() and made.field("term").text() == "算力荒"
