"""A long transcript is written screen first, the rest right after the first paint."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

def _reload(window, **kwargs) -> None:
    session = window.session
    window.view.load(session.turns, session.speakers, session.sections, **kwargs)


def _written_at_once(window) -> str:
    """The view's text as the whole document written in one go."""
    from PySide6.QtGui import QTextDocument

    from desktop.ui.transcript_build import fill_document, make_formats

    doc = QTextDocument()
    view = window.view
    fill_document(doc, view.turns, view.speakers, view.sections, make_formats(view.palette()),
                  view.tr("Question %1"))
    return doc.toPlainText()


def test_the_first_screen_comes_first_and_the_rest_follows(long_window, qtbot) -> None:
    view = long_window.view
    _reload(long_window)
    written = len(view.offsets.spans)
    assert 0 < written < len(long_window.session.turns)
    assert not view.is_complete
    assert view.toPlainText() == _written_at_once(long_window)[: len(view.toPlainText())]
    qtbot.waitUntil(lambda: view.is_complete)
    assert len(view.offsets.spans) == len(long_window.session.turns)
    assert view.toPlainText() == _written_at_once(long_window)
    sections = [s.index for s in view.section_blocks]
    assert sections == list(range(len(long_window.session.sections)))


def test_reopening_far_down_writes_that_place_first_then_keeps_it(long_window, qtbot) -> None:
    view = long_window.view
    target = long_window.session.turns[700]
    _reload(long_window, near_offset=target.start)
    assert not view.is_complete
    assert view.offsets.span_of_turn(700) is not None
    assert view.offsets.span_of_turn(0) is None  # the start comes later
    view.scroll_to_offset(target.text_start, top=True)
    assert not view.is_complete  # nothing outside the written part was needed
    assert view.top_offset() == target.text_start
    qtbot.waitUntil(lambda: view.is_complete)
    assert view.toPlainText() == _written_at_once(long_window)
    assert view.top_offset() == target.text_start  # the reader stays where they were
    assert view.cursor_offset() == target.text_start


def test_a_selection_made_before_the_rest_is_written_is_kept(long_window, qtbot) -> None:
    view = long_window.view
    target = long_window.session.turns[500]
    _reload(long_window, near_offset=target.start)
    view.scroll_to_offset(target.text_start, top=True)
    view.scroll_to_offset(target.text_start + 2, select_to=target.text_start + 6)
    view.complete()
    assert view.is_complete
    assert view.selected_range() == (target.text_start + 2, target.text_start + 6)
    assert view.textCursor().selectedText() == target.text[2:6]


def test_a_jump_past_the_written_part_writes_the_rest_first(long_window) -> None:
    view = long_window.view
    _reload(long_window)
    last = long_window.session.turns[-1]
    view.scroll_to_offset(last.text_start + 2)
    assert view.is_complete
    assert view.cursor_offset() == last.text_start + 2


def test_turns_written_later_follow_the_speaker_filter(long_window, qtbot) -> None:
    view = long_window.view
    hidden = next(s.id for s in long_window.session.speakers if s.name == "乙某")
    view.hidden_speakers = {hidden}
    _reload(long_window)
    qtbot.waitUntil(lambda: view.is_complete)
    doc = view.document()
    for index, span in enumerate(view.offsets.spans):
        shown = long_window.session.turns[index].speaker_id != hidden
        assert doc.findBlockByNumber(span.last_block).isVisible() == shown, index
    expected = sum(1 for t in long_window.session.turns if t.speaker_id != hidden)
    assert view.visible_turn_count() == expected


def test_glossary_terms_are_found_only_in_the_turns_drawn_or_hovered(long_window, qtbot) -> None:
    controller = long_window.glossary
    qtbot.waitUntil(lambda: controller.prepared, timeout=20000)
    layer = controller.layer
    view = long_window.view
    view.scroll_to_turn(0)
    view.refresh_decorations()
    drawn = {s.cursor.selectedText() for s in layer.selections(view)}
    assert {"算力荒", "数据飞轮"} <= drawn
    assert 0 < len(layer._found) < len(long_window.session.turns) // 2  # only turns near the screen
    last = long_window.session.turns[-1]
    offset = last.text_start + last.text.index("数据飞轮") + 1
    match = layer.match_at(offset)  # a turn far from the screen, found when asked
    assert match is not None and match.matched == "数据飞轮"
    whole = controller.matcher.find(long_window.session.db.execute(
        "SELECT text FROM documents WHERE id = ?", [long_window.session.document_id]).fetchone()[0])
    near = [m for m in whole if last.start <= m.start < last.end]
    assert layer.matches_between(last.start, last.end) == near


def test_a_selection_reaching_back_before_the_written_part_writes_the_rest(long_window) -> None:
    view = long_window.view
    target = long_window.session.turns[700]
    _reload(long_window, near_offset=target.start)
    earlier = long_window.session.turns[10]
    assert view.offsets.span_of_turn(10) is None
    view.scroll_to_offset(earlier.text_start, select_to=target.text_start + 3)
    assert view.is_complete
    assert view.selected_range()[0] == earlier.text_start


def test_going_back_to_a_hidden_speaker_far_from_the_written_part_reveals_it(long_window,
                                                                            tmp_path) -> None:
    from desktop.core.importing import import_file

    window = long_window
    first = window.session.document_id
    hidden = next(s.id for s in window.session.speakers if s.name == "乙某")
    index = next(i for i in range(700, 900) if window.session.turns[i].speaker_id == hidden)
    target = window.session.turns[index]
    window.speaker_filter.set_filter({hidden}, True)
    window.view.scroll_to_offset(window.session.turns[0].text_start, top=True)
    other = tmp_path / "other.txt"
    other.write_text("甲：另一份文件。\n\n乙：第二段。\n", encoding="utf-8")
    assert window.session.open_document(import_file(window.session.db, other).document_id)
    window.navigator.go_to(first, target.text_start + 1)  # reopens at the top, then jumps
    view = window.view
    assert hidden not in view.hidden_speakers
    span = view.offsets.span_at_doc(target.text_start + 1)
    assert view.document().findBlockByNumber(span.last_block).isVisible()
    assert view.cursor_offset() == target.text_start + 1


def test_a_selection_on_the_first_screen_survives_the_rest_and_the_filter(long_window,
                                                                           qtbot) -> None:
    view = long_window.view
    hidden = next(s.id for s in long_window.session.speakers if s.name == "乙某")
    view.hidden_speakers = {hidden}
    _reload(long_window)  # from the top: the rest is appended, and hidden as it comes
    turn = next(t for t in long_window.session.turns[:20] if t.speaker_id != hidden)
    view.scroll_to_offset(turn.text_start + 1, select_to=turn.text_start + 5)
    qtbot.waitUntil(lambda: view.is_complete)
    assert view.selected_range() == (turn.text_start + 1, turn.text_start + 5)


def test_section_steps_reach_sections_not_written_yet(long_window) -> None:
    from desktop.ui.actions import ActionId

    view = long_window.view
    near = long_window.session.turns[-60]
    _reload(long_window, near_offset=near.start)
    assert len(view.section_blocks) < len(long_window.session.sections)
    view.scroll_to_offset(near.text_start, top=True)
    for _ in range(len(long_window.session.sections) + 1):
        long_window.actions[ActionId.PREVIOUS_SECTION].trigger()
    assert view.current_turn() == 0  # the first question, far before the first screen
