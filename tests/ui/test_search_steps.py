"""The Search panel's counts, and F3 / Shift+F3 stepping through every match in the text."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor

from desktop.core import textnorm
from desktop.ui.actions import ActionId

pytestmark = pytest.mark.ui


def _search(window, query: str) -> None:
    window.search_dock.field.setText(query)
    window.search_dock._emit_query()


def _places(window, word: str) -> list[tuple[int, int]]:
    """Every (start, end) of `word` in the open document's headlines and speeches, found
    by plain substring search on the folded text (the sample folds length for length)."""
    folded = textnorm.fold(word)
    found = []
    for headline, headline_start, text, text_start in window.session.db.execute(
            "SELECT headline, headline_start, text, text_start FROM turns "
            "WHERE document_id = ? ORDER BY position", [window.session.document_id]):
        for part, offset in ((headline, headline_start), (text, text_start)):
            part = textnorm.fold(part)
            at = part.find(folded)
            while at >= 0:
                found.append((offset + at, offset + at + len(word)))
                at = part.find(folded, at + len(word))
    return found


def _step(window, direction: int = 1) -> tuple[int, str]:
    """Press F3 (or Shift+F3); the selection it leaves, as (Qt position, text)."""
    action = ActionId.FIND_NEXT if direction > 0 else ActionId.FIND_PREVIOUS
    window.actions[action].trigger()
    cursor = window.view.textCursor()
    return cursor.selectionStart(), cursor.selectedText()


def test_the_panel_counts_turns_and_matches(window) -> None:
    _search(window, "算力")
    places = _places(window, "算力")
    turns = {window.view.turn_at_offset(start) for start, _ in places}
    assert len(places) == 37 and len(turns) == 9  # as a reader counted them
    assert window.search_dock.status.text() == "9 turns, 37 matches"
    _search(window, "开源")
    assert window.search_dock.status.text() == "1 turn, 1 match"


def test_f3_visits_every_match_in_reading_order_then_wraps(window) -> None:
    _search(window, "算力")
    count = len(_places(window, "算力"))
    seen = []
    for number in range(1, count + 1):
        seen.append(_step(window))
        assert window.statusBar().currentMessage() == f"Match {number} of {count}"
    positions = [position for position, _ in seen]
    assert all(text == "算力" for _, text in seen)
    assert positions == sorted(positions) and len(set(positions)) == count
    assert count > len(window.search.hits)  # several in one turn, each visited
    assert _step(window) == seen[0]  # past the last: back to the first, saying so
    assert "first" in window.statusBar().currentMessage()
    assert _step(window, -1) == seen[-1]  # before the first: on to the last
    assert "last" in window.statusBar().currentMessage()
    backwards = [_step(window, -1) for _ in range(count - 1)]
    assert backwards == seen[-2::-1]


def test_shift_f3_first_goes_to_the_last_match(window) -> None:
    _search(window, "算力")
    last = max(_places(window, "算力"))
    _step(window, -1)
    assert window.view.selected_range() == last


def test_f3_goes_past_the_first_page_before_the_hits_are_counted(window, monkeypatch) -> None:
    from desktop.ui.controllers import search as search_controller

    monkeypatch.setattr(search_controller, "SEARCH_PAGE", 3)
    # A count that takes long (a common word in a large library): it has not come back.
    monkeypatch.setattr(window.session, "run_in_background", lambda *a, **k: None)
    _search(window, "算力")
    assert window.search_dock.status.text() == "First 3 shown; counting the rest…"
    positions = [_step(window)[0] for _ in range(37)]
    assert positions == sorted(positions) and len(set(positions)) == 37
    assert len(window.search.hits) == 9
    assert _step(window)[0] == positions[0]  # round again: no more hits were found
    assert window.search._search_more is None


def test_a_count_that_fails_leaves_the_hits_shown_said(window, monkeypatch) -> None:
    from desktop.ui.controllers import search as search_controller

    monkeypatch.setattr(search_controller, "SEARCH_PAGE", 3)
    monkeypatch.setattr(window.session, "run_in_background",
                        lambda _work, _done, on_error, **_k: on_error(OSError("gone")))
    _search(window, "算力")
    assert window.search_dock.status.text() == "3 results"


def test_f3_goes_past_the_first_page_of_hits(window, monkeypatch, qtbot) -> None:
    from desktop.ui.controllers import search as search_controller

    monkeypatch.setattr(search_controller, "SEARCH_PAGE", 3)
    _search(window, "算力")
    assert len(window.search.hits) == 3
    # The page is full: how many there are in all is counted on a worker thread.
    assert window.search_dock.status.text() == "First 3 shown; counting the rest…"
    qtbot.waitUntil(lambda: window.search_dock.status.text()
                    == "9 turns, 37 matches — first 3 shown")
    seen = [_step(window) for _ in range(37)]
    positions = [position for position, _ in seen]
    assert positions == sorted(positions) and len(set(positions)) == 37
    assert len(window.search.hits) == 9  # fetched page by page as F3 went on
    # Underlined: the matches of the page F3 is in and its neighbours, not every hit's.
    marked = set(window.search_layer.ranges)
    assert set(window.search.hits[8].matches) <= marked
    assert not set(window.search.hits[0].matches) & marked
    assert _step(window) == seen[0]
    # Before the first match backwards, every hit is fetched at once to find the last.
    _search(window, "算力")
    window.view.moveCursor(QTextCursor.MoveOperation.Start)
    assert len(window.search.hits) == 3
    assert _step(window, -1) == seen[-1] and len(window.search.hits) == 9
    # From a place further on, F3 goes to the first match after it, fetching as needed.
    _search(window, "算力")
    places = sorted(_places(window, "算力"))
    _put_cursor(window, places[20][0] + 1)
    assert _step(window) == seen[21]
    assert window.view.selected_range() == places[21]
    assert _step(window, -1) == seen[20]


def test_a_new_search_clears_the_old_selection_and_f3_goes_on_from_there(window) -> None:
    _search(window, "算力")
    _step(window)
    _step(window)
    _, here = window.view.selected_range()
    _search(window, "模型")
    # The reader stays where they were, with nothing of the last search selected.
    assert not window.view.textCursor().hasSelection()
    assert window.view.cursor_offset() == here
    # F3 goes to the first match after the cursor, Shift+F3 to the last before it.
    places = sorted(_places(window, "模型"))
    after = [p for p in places if p[0] >= here]
    assert after and len(after) < len(places)
    _step(window)
    assert window.view.selected_range() == after[0]
    _put_cursor(window, here)
    _step(window, -1)
    assert window.view.selected_range() == [p for p in places if p[0] < here][-1]


def test_f3_wraps_from_after_the_last_match(window) -> None:
    _search(window, "算力")
    places = sorted(_places(window, "算力"))
    _put_cursor(window, places[-1][1] + 1)
    _step(window)
    assert window.view.selected_range() == places[0]
    assert "first" in window.statusBar().currentMessage()


def _put_cursor(window, offset: int) -> None:
    """Click into the text at a document offset, as a reader moving on would."""
    cursor = window.view.textCursor()
    cursor.setPosition(window.view.offsets.doc_to_qt(offset))
    window.view.setTextCursor(cursor)


def test_activating_a_hit_then_f3_goes_on_inside_that_hit(window) -> None:
    _search(window, "算力")
    row = next(i for i, hit in enumerate(window.search.hits) if len(hit.matches) >= 3)
    window.search_dock.hit_activated.emit(row)
    matches = window.search.hits[row].matches
    assert window.view.textCursor().selectedText() == "算力"
    _step(window)
    _step(window)
    assert window.view.selected_range() == matches[2]
    assert window.search.hit_row == row and window.search.hit_stop == 2


def test_the_counts_in_chinese(qtbot) -> None:
    from types import SimpleNamespace

    from PySide6.QtCore import QCoreApplication, QEvent

    from desktop.core.search_counts import Tally
    from desktop.ui.docks.search import SearchDock
    from desktop.ui.i18n import install_translator

    # Windows of earlier tests, closed with their studies, go first: a language switch
    # would reach them too.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    dock = SearchDock()
    qtbot.addWidget(dock)
    dock.field.setText("算力")
    hits = [SimpleNamespace(snippet=f"第{i}段", snippet_matches=[]) for i in range(3)]
    shown = []
    try:
        assert install_translator("zh_CN")
        for counts in (Tally(3, 0, 37), Tally(9, 1, 38), Tally(1, 0, 1)):
            dock.set_hits(hits[:counts.hits], str, counts.hits, tally=counts)
            shown.append(dock.status.text())
    finally:
        install_translator("en")
    assert shown == ["3 段发言，37 处匹配", "9 段发言，1 条批注，38 处匹配 — 显示前 3 条",
                     "1 段发言，1 处匹配"]
    dock.set_hits(hits, str, 10, tally=Tally(9, 1, 38))
    assert dock.status.text() == "9 turns, 1 note, 38 matches — first 3 shown"


def test_the_keys_step_and_the_whole_study_steps_in_its_own_order(window, qtbot) -> None:
    from PySide6.QtCore import Qt

    _search(window, "算力")
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F3)
    first = window.view.selected_range()
    qtbot.keyClick(window.view, Qt.Key.Key_F3)
    second = window.view.selected_range()
    assert first < second
    qtbot.keyClick(window.view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.view.selected_range() == first
    # Searching every document lists the best hits first; F3 follows that list, every
    # match of a hit before the next hit.
    window.search_dock.whole_study.setChecked(True)
    assert window.search.hits[0].turn_id != min(h.turn_id for h in window.search.hits)  # not text order
    expected = [(row, i) for row, hit in enumerate(window.search.hits)
                for i in range(len(hit.matches))]
    visited = []
    for _ in expected:
        _step(window)
        visited.append((window.search.hit_row, window.search.hit_stop))
    assert visited == expected


def test_enter_in_the_search_box_goes_to_the_first_match_and_gives_the_keys_to_the_text(
        window, qtbot) -> None:
    from PySide6.QtCore import Qt

    window.show()
    qtbot.waitExposed(window)
    window.actions[ActionId.FIND].trigger()
    field = window.search_dock.field
    field.setText("算力")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.search.hit_row == 0
    assert window.view.hasFocus()
    selected = window.view.textCursor().selectedText()
    assert selected == "算力"
    qtbot.keyClick(window.view, Qt.Key.Key_J)  # a command now, not more of the query
    assert field.text() == "算力"
