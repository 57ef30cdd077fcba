"""Study mode in the window: a whole review by keys, the passage, due counts, progress."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from db import open_study
from desktop.core import library
from desktop.core.glossary import ensure_builtin
from desktop.core.review import deck, progress, schedule
from desktop.ui.actions import ActionId
from desktop.ui.tasks import wait_for_tasks


@pytest.fixture
def headlines_due(sample_study):
    """The sample study with every card but the 15 headline answers graded Easy."""
    db = open_study(sample_study)
    ensure_builtin(db)  # as the window would on opening: the terms are in the deck
    deck.sync(db)
    for card in deck.cards(db):
        if card.content.kind != "who":
            schedule.grade(db, card.id, schedule.EASY)
    db.close()
    return sample_study


def _open_review(window, qtbot):
    """Press R in the window; the review dialog, active (keys reach the active window)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_R)
    dialog = window.review.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _press(qtbot, widget, key: str) -> None:
    qtbot.keyClicks(widget, key) if key != " " else qtbot.keyClick(widget, Qt.Key.Key_Space)


def test_a_whole_review_by_keys(make_window, headlines_due, qtbot):
    window = make_window(headlines_due)
    qtbot.waitUntil(lambda: window.glossary.prepared, timeout=15000)
    wait_for_tasks()
    qtbot.waitUntil(lambda: window.review.due_label.text() == "15 cards due")
    dialog = _open_review(window, qtbot)
    assert len(dialog.cards) == 15
    first = dialog.card.content
    assert dialog.choices.text() == "A  陈虞君   B  张家俊   C  吴韶华"
    # Grading before the answer is shown does nothing.
    _press(qtbot, dialog, "3")
    assert dialog.index == 0 and not dialog.answer_shown
    _press(qtbot, dialog, " ")
    assert dialog.answer_shown and dialog.answer.text() == first.back
    _press(qtbot, dialog, "3")
    assert dialog.index == 1
    # A choice answers a "who said this?" card: right or not, then the grade.
    for _ in range(14):
        answer = dialog.card.content.detail["answer"]
        letter = "ABC"[dialog.card.content.choices.index(answer)]
        _press(qtbot, dialog, letter.lower())
        assert dialog.answer.text().startswith("Right.")
        _press(qtbot, dialog, "4")
    assert dialog.card is None and dialog.front.text() == "Done: 15 cards reviewed."
    assert window.review.due_label.text() == "No cards due"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    db = window.session.db
    graded = [c for c in deck.cards(db) if c.content.kind == "who"]
    assert all(c.reviews == 1 for c in graded)
    assert sorted(deck.log(db, c.id)[0][0] for c in graded) == [3] + [4] * 14


def test_d_chooses_another_deck(make_window, sample_study, qtbot):
    window = make_window(sample_study)
    qtbot.waitUntil(lambda: window.glossary.prepared, timeout=15000)
    wait_for_tasks()
    dialog = _open_review(window, qtbot)
    everything = len(dialog.cards)
    labels = [dialog.deck.itemText(i) for i in range(dialog.deck.count())]
    assert labels[0] == "Every card" and labels[1].startswith("This document: ")
    assert any(label.startswith("Terms: ") for label in labels)
    _press(qtbot, dialog, "d")
    assert dialog.deck.currentIndex() == 1 and 15 <= len(dialog.cards) < everything
    qtbot.keyClick(dialog, Qt.Key.Key_D, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.deck.currentIndex() == 0 and len(dialog.cards) == everything
    qtbot.keyClick(dialog, Qt.Key.Key_D, Qt.KeyboardModifier.ShiftModifier)
    category = dialog.deck.currentText().removeprefix("Terms: ")
    assert {c.content.kind for c in dialog.cards} <= {"term", "term_reverse"}
    assert {c.content.detail["category"] for c in dialog.cards} == {category}


def test_o_opens_the_passage_of_the_card(make_window, headlines_due, qtbot):
    window = make_window(headlines_due)
    dialog = _open_review(window, qtbot)
    headline = dialog.card.content.front
    _press(qtbot, dialog, "o")
    assert window.view.textCursor().selectedText() == headline
    assert dialog.isVisible()  # the review goes on


def _hover_tip(listing, qtbot) -> str:
    """The tooltip a hover over the list's first entry shows (made when asked for)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    at = listing.visualItemRect(listing.item(0)).center()
    event = QHelpEvent(QEvent.Type.ToolTip, at, listing.viewport().mapToGlobal(at))
    QApplication.sendEvent(listing.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible)
    return QToolTip.text()


def test_reading_progress_follows_scrolling_and_continue_goes_on(window, qtbot):
    session = window.session
    doc = session.document_id
    turns = library.turns(session.db, doc)
    window.view.scroll_to_turn(0)
    qtbot.waitUntil(lambda: window.view.is_complete or window.view.painted)
    window.review.tracker.settle()
    read = progress.read_turn_ids(session.db, doc)
    assert read and turns[0].id in read and turns[-1].id not in read
    window.view.scroll_to_turn(len(turns) - 1)
    window.review.tracker.settle()
    assert turns[-1].id in progress.read_turn_ids(session.db, doc)
    assert "% read" in _hover_tip(window.documents_dock.list, qtbot)
    assert window.review.read_label.text().endswith("% read")
    assert window.review.read_label.text() != "0% read"
    # Continue: the first turn not read yet, at the top of the view.
    first_unread = progress.first_unread(session.db, doc)
    window.view.scroll_to_turn(0)
    window.actions[ActionId.CONTINUE_READING].trigger()
    assert window.view.current_turn() == first_unread.position
    assert window.view.top_offset() == first_unread.text_start
    # The tracker itself waits for the screen to rest.
    assert window.review.tracker.timer.isActive()


def test_the_window_starts_without_the_scheduler_or_the_deck():
    import subprocess
    import sys

    code = ("import sys; import desktop.ui.main_window; "
            "print(sorted(m for m in sys.modules if m == 'fsrs' or m.startswith("
            "'desktop.core.review')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
