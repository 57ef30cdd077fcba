"""The window on the sample: reading, filtering by keys, compare view, restoring state."""

from __future__ import annotations

import html

import pytest
from PySide6.QtCore import Qt

from desktop.ui.actions import ActionId

pytestmark = pytest.mark.ui


def _speech_shown(window, index: int) -> bool:
    span = window.view.offsets.spans[index]
    block = window.view.document().findBlockByNumber(span.last_block)
    return block.isVisible()


def test_opening_the_sample_shows_every_turn_with_speakers_and_sections(window) -> None:
    assert window.session.document_id is not None
    names = [s.name for s in window.session.speakers]
    assert names == ["杨静", "陈虞君", "张家俊", "吴韶华"]
    text = window.view.toPlainText()
    # Every turn's speech is in the view, in order.
    position = 0
    for turn in window.session.turns:
        found = text.find(turn.text, position)
        assert found >= 0, turn.text[:20]
        position = found + len(turn.text)
    # Headlines sit beside the speaker's name; sections read as numbered headers.
    assert "陈虞君　提升大模型长文本能力,降低幻觉问题" in text
    assert len(window.view.section_blocks) == 5
    assert window.view.visible_turn_count() == len(window.session.turns) == 21
    assert "21 of 21" in window.count_label.text()
    tree = window.speakers_dock.tree
    assert tree.topLevelItem(0).text(1) == "杨静"
    assert tree.topLevelItem(0).text(2) == "新智元创始人&CEO"
    assert tree.topLevelItem(0).text(3) == "5"


def test_speaker_keys_toggle_solo_and_show_all(window, qtbot) -> None:
    view = window.view
    view.setFocus()
    chen = window.session.speakers[1]
    chen_turns = [i for i, t in enumerate(window.session.turns) if t.speaker_id == chen.id]
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert chen.id in view.hidden_speakers
    assert not any(_speech_shown(window, i) for i in chen_turns)
    assert view.visible_turn_count() == 16
    item = window.speakers_dock.tree.topLevelItem(1)
    assert item.checkState(1) == Qt.CheckState.Unchecked
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert view.visible_turn_count() == 21

    qtbot.keyClick(view, Qt.Key.Key_3, Qt.KeyboardModifier.ShiftModifier)
    zhang = window.session.speakers[2]
    shown = [i for i in range(len(window.session.turns)) if view.turn_shown(i)]
    assert shown and all(window.session.turns[i].speaker_id == zhang.id for i in shown)
    assert view.visible_turn_count() == 5
    assert "5 of 21" in window.count_label.text()
    # The moderator is hidden, so each header repeats its question.
    doc = view.document()
    titles = [doc.findBlockByNumber(s.title_block) for s in view.section_blocks]
    assert all(b.isVisible() for b in titles)
    assert titles[1].text().startswith("基础大模型发展的技术突破口是什么")

    qtbot.keyClick(view, Qt.Key.Key_0)
    assert view.visible_turn_count() == 21
    assert not any(b.isVisible() for b in titles)  # the moderator asks them again
    qtbot.keyClick(view, Qt.Key.Key_H)
    assert view.visible_turn_count() == 20  # the opening narration hidden
    assert not _speech_shown(window, 0)


def test_filter_checkbox_in_the_panel(window) -> None:
    item = window.speakers_dock.tree.topLevelItem(3)
    item.setCheckState(1, Qt.CheckState.Unchecked)
    assert window.session.speakers[3].id in window.view.hidden_speakers
    assert window.view.visible_turn_count() == 16


def test_compare_view_cells_hold_each_answer_headline_first(window, qtbot) -> None:
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_C)
    assert window.stack.currentWidget() is window.reading.compare
    model = window.reading.compare.compare_model
    assert model.rowCount() == 5
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Question", "陈虞君", "张家俊", "吴韶华"]
    assert model.index(1, 0).data().startswith("基础大模型发展的技术突破口是什么")
    cell = model.index(0, 1).data()
    assert cell.startswith("【提升大模型长文本能力,降低幻觉问题】\n循环智能基于ToB")
    # Row 2 (question 2): 吴韶华 answered first in the transcript but keeps his column.
    assert model.index(1, 3).data().startswith("【算法数据双创新,打造内部飞轮】")
    # A click on a cell jumps to that turn in the reading view...
    rect = window.reading.compare.visualRect(model.index(0, 3))
    qtbot.mouseClick(window.reading.compare.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentWidget() is window.view
    assert window.session.turns[window.view.current_turn()].headline == "筑基基础大模型,助力行业落地"
    qtbot.keyClick(window.view, Qt.Key.Key_C)
    # ...and so does Enter.
    window.reading.compare.setCurrentIndex(model.index(1, 2))
    qtbot.keyClick(window.reading.compare, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.view
    turn = window.session.turns[window.view.current_turn()]
    assert turn.speaker_id == window.session.speakers[2].id
    assert turn.text.startswith("在追赶和超越GPT4的过程中")
    # ...and Back returns to where we were.
    window.actions[ActionId.BACK].trigger()
    assert window.view.current_turn() != window.session.turns.index(turn)


def test_navigation_by_turn_and_section(window) -> None:
    window.view.setFocus()
    window.actions[ActionId.NEXT_TURN].trigger()
    assert window.view.current_turn() == 1
    window.actions[ActionId.NEXT_SECTION].trigger()
    second = window.view.section_blocks[1].turn_indexes[0]
    assert window.view.current_turn() == second
    window.actions[ActionId.PREVIOUS_TURN].trigger()
    assert window.view.current_turn() == second - 1
    # Hidden turns are skipped.
    window.speaker_filter.set_filter({window.session.speakers[1].id}, True)
    index = 0
    window.view.scroll_to_turn(0)
    for _ in range(6):
        window.actions[ActionId.NEXT_TURN].trigger()
        index = window.view.current_turn()
        assert window.session.turns[index].speaker_id != window.session.speakers[1].id


def test_restart_restores_document_filter_scroll_and_view(make_window, sample_study) -> None:
    first = make_window(sample_study)
    first.speaker_filter.set_filter({first.session.speakers[0].id}, False)
    target = first.session.turns[12]
    first.view.scroll_to_offset(target.text_start, top=True)
    top = first.view.top_offset()
    first.reading.switch_view()
    first.speakers_dock.hide()
    first.close()

    second = make_window(sample_study)
    assert second.session.document_id == first.session.document_id
    assert second.view.hidden_speakers == {first.session.speakers[0].id}
    assert second.view.show_narration is False
    assert second.view.visible_turn_count() == 15
    assert second.stack.currentWidget() is second.reading.compare
    assert not second.speakers_dock.isVisible()
    assert second.view.top_offset() == top


def test_twenty_thousand_void_qt_calls_do_not_crash(qapp, qtbot) -> None:
    # PySide6 6.12.0 on Python 3.11 aborts after ~5,000 calls of Qt methods returning None.
    from PySide6.QtWidgets import QPlainTextEdit

    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    for i in range(20_000):
        if i % 3 == 0:
            qapp.processEvents()
        elif i % 3 == 1:
            edit.update()
        else:
            edit.setPlainText("研读")
    assert edit.toPlainText() == "研读"


def test_changes_by_another_program_appear_and_clear_undo(window, qtbot) -> None:
    from db import open_study
    from desktop.core.annotations import CreateAnnotation, new_annotation

    # The window's own background writes (the glossary made ready) are done: a write seen
    # now is another program's.
    qtbot.waitUntil(lambda: window.glossary.prepared, timeout=15000)

    turn = window.session.turns[4]
    window.session.run(CreateAnnotation(new_annotation(
        window.session.db, window.session.document_id, turn.text_start, turn.text_start + 2)))
    assert window.actions[ActionId.UNDO].isEnabled()
    other = open_study(window.session.study_path)
    try:
        CreateAnnotation(new_annotation(other, window.session.document_id, turn.text_start + 5,
                                        turn.text_start + 9, note="from the CLI")).apply(other)
    finally:
        other.close()
    window.session.check_outside_changes()
    assert window.annotations_dock.list.count() == 2
    assert any(a.note == "from the CLI" for a in window.session.annotations)
    assert not window.actions[ActionId.UNDO].isEnabled()
    # Undo went with a reason the reader is told.
    assert window.statusBar().currentMessage().startswith("Another program changed the study")


def test_hover_shows_the_role_and_the_note(window) -> None:
    from desktop.core.annotations import CreateAnnotation, new_annotation

    view = window.view
    turn_index = 5
    turn = window.session.turns[turn_index]
    window.session.run(CreateAnnotation(new_annotation(
        window.session.db, window.session.document_id, turn.text_start, turn.text_start + 8,
        note="**important** <script>alert(1)</script> ![](http://example.com/x.png)",
        tags=["t1"])))
    view.scroll_to_offset(turn.text_start + 3)
    note_tip = view.tooltip_at(view.cursorRect().center())
    assert "<strong>important</strong>" in note_tip and "#t1" in note_tip
    assert "<script" not in note_tip and "<img" not in note_tip  # sanitised
    label_block = view.document().findBlockByNumber(view.offsets.spans[turn_index].first_block + 1)
    cursor = view.textCursor()
    cursor.setPosition(label_block.position() + 1)
    view.setTextCursor(cursor)
    role_tip = view.tooltip_at(view.cursorRect().center())
    speaker = next(s for s in window.session.speakers if s.id == turn.speaker_id)
    assert speaker.name in role_tip and html.escape(speaker.role) in role_tip


def test_speaker_filter_without_the_mouse(window, qtbot) -> None:
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    tree = window.speakers_dock.tree
    assert tree.hasFocus()
    tree.setCurrentItem(tree.topLevelItem(0))
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert window.session.speakers[1].id in window.view.hidden_speakers
    qtbot.keyClick(tree, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.view.hasFocus()


def test_compare_columns_follow_the_speaker_filter(window) -> None:
    window.reading.switch_view()
    window.speaker_filter.toggle_speaker(3)  # 张家俊, the second answer column
    assert window.reading.compare.isColumnHidden(2)
    assert not window.reading.compare.isColumnHidden(1)
    window.speaker_filter.show_all()
    assert not window.reading.compare.isColumnHidden(2)


def test_a_wide_window_keeps_the_lines_to_a_readable_measure(window, qtbot) -> None:
    from PySide6.QtWidgets import QDockWidget

    from desktop.ui.transcript_view import MEASURE

    view = window.view
    column = (view.fontMetrics().horizontalAdvance("中") * MEASURE
              + 2 * int(view.document().documentMargin()))
    window.resize(1600, 900)
    window.show()
    for dock in window.findChildren(QDockWidget):
        dock.hide()
    qtbot.waitUntil(lambda: view.viewportMargins().left() > 0)
    margins = view.viewportMargins()
    assert margins.left() == margins.right()  # centred
    assert column - 2 <= view.viewport().width() <= column + 2
    window.resize(column // 2, 900)  # narrower than the measure: the text fills the view
    qtbot.waitUntil(lambda: view.viewportMargins().left() == 0)


def test_a_narrowed_window_takes_width_from_the_panels_not_only_the_text(window, qtbot) -> None:
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.layout_state.first_sizes(window.docks)  # as on a first start: over 300 pixels each
    qtbot.waitUntil(lambda: window.documents_dock.width() > 300)
    wide = (window.documents_dock.width(), window.annotations_dock.width())
    assert window.centralWidget().width() >= 0.45 * window.width()  # nothing to give up
    window.resize(1300, 900)
    qtbot.waitUntil(lambda: window.width() == 1300)
    assert (window.documents_dock.width(), window.annotations_dock.width()) == wide
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    qtbot.wait(50)
    assert window.centralWidget().width() >= 0.4 * window.width()
    assert window.documents_dock.width() < wide[0] and window.annotations_dock.width() < wide[1]
    assert min(window.documents_dock.width(), window.annotations_dock.width()) > 200
