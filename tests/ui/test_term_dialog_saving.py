"""OK in the term dialog: the dialog closes at once, and what the new term redraws (the
marks, the panel, its card) follows, once; a failed save brings the dialog back."""

from __future__ import annotations

import pytest

from desktop.core import glossary

pytestmark = pytest.mark.ui


def _add_term_dialog(window, qtbot):
    qtbot.waitUntil(lambda: window.glossary.prepared, timeout=15000)
    layer, db = window.glossary.layer, window.session.db
    text = window.session.text(0, window.session.turns[-1].end)
    start = next(i for i in range(len(text) - 2) if text[i:i + 2].isalpha()
                 and layer.match_at(i) is None and layer.match_at(i + 1) is None
                 and glossary.find_term(db, text[i:i + 2]) is None)
    window.view.scroll_to_offset(start, select_to=start + 2)
    dialog = window.glossary_terms.open_add_term()
    assert dialog is not None and dialog.isVisible()
    dialog.field("english").setText("a word")
    return dialog, text[start:start + 2]


def test_ok_closes_the_dialog_before_the_window_redraws_and_shows_the_card_once(
        window, qtbot) -> None:
    dialog, word = _add_term_dialog(window, qtbot)
    window.glossary_dock.show()
    shown_while_redrawing = []
    window.session.changes_applied.connect(lambda _c: shown_while_redrawing.append(
        dialog.isVisible()))
    cards = []
    show_current = window.glossary_dock.show_current
    window.glossary_dock.show_current = lambda: (cards.append(
        window.glossary_dock.current_term()), show_current())[1]
    dialog.accept()
    assert shown_while_redrawing == [False]
    assert not dialog.isVisible()
    added = glossary.find_term(window.session.db, word)
    assert added is not None and added.english == "a word"
    assert [term.id for term in cards] == [added.id]  # not the term chosen before, too
    assert window.glossary_dock.current_term().id == added.id


def test_a_failed_save_brings_the_dialog_back_as_typed(window, qtbot, dialogs,
                                                       monkeypatch) -> None:
    import sqlite3

    dialog, word = _add_term_dialog(window, qtbot)

    def locked(_command):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(window.session.history, "run", locked)
    dialog.accept()
    assert dialogs and dialogs[0][0] in ("warning", "critical")  # said why
    assert dialog.isVisible()
    assert dialog.field("term").text() == word and dialog.field("english").text() == "a word"
    assert glossary.find_term(window.session.db, word) is None
    monkeypatch.undo()
    dialog.accept()  # saving again, once the study can be written
    assert not dialog.isVisible() and glossary.find_term(window.session.db, word) is not None
