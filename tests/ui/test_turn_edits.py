"""Turn edits from the window, by keys, on the sample: give (with the speaker picker),
split at the cursor, join, section headings. Each is one step Undo names; an annotation
inside the changed turn keeps its words and shows in the turn that holds them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop.ui.actions import ActionId

pytestmark = pytest.mark.ui

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def put_cursor(window, offset: int) -> None:
    window.view.setFocus()
    window.view.scroll_to_offset(offset)


def second_paragraph(window, index: int) -> int:
    """The document offset where the second paragraph of turn `index` begins."""
    turn = window.session.turns[index]
    return turn.text_start + turn.text.index("\n\n") + 2


def annotate(window, start: int, end: int):
    from desktop.core.annotations import CreateAnnotation, new_annotation

    note = new_annotation(window.session.db, window.session.document_id, start, end,
                          note="kept")
    assert window.session.run(CreateAnnotation(note))
    return note


def still_anchored(window, note) -> tuple[str, int]:
    """Who speaks where `note` is, and that turn's number; its words are unchanged."""
    stored = window.session.annotation(note.id)
    assert (stored.start, stored.end, stored.quote) == (note.start, note.end, note.quote)
    assert window.session.text(stored.start, stored.end) == note.quote
    # The highlight is drawn on the same words in the rewritten view.
    assert window.view.offsets.doc_range_to_qt(stored.start, stored.end) is not None
    return window.session.place_of(stored.start)


def pick(qtbot, typed: str, *, enter: bool = True) -> list[list[str]]:
    """Answer the speaker picker when it opens: type, then Enter. The rows it offered."""
    offered: list[list[str]] = []

    def answer() -> None:
        from desktop.ui.speaker_picker import SpeakerPicker

        picker = QApplication.activeModalWidget()
        assert isinstance(picker, SpeakerPicker)
        if typed.isascii():
            qtbot.keyClicks(picker.field, typed)
        else:  # Chinese comes through an input method, not key by key
            picker.field.insert(typed)
        offered.append([picker.list.item(r).text() for r in range(picker.list.count())])
        qtbot.keyClick(picker.field, Qt.Key.Key_Return if enter else Qt.Key.Key_Escape)

    QTimer.singleShot(0, answer)
    return offered


def give_by_keys(window, qtbot, typed: str, *, enter: bool = True) -> list[list[str]]:
    """Press S in the text, answer the picker; the rows it offered. The window is active
    again after (the offscreen platform gives activation back to no one by itself)."""
    offered = pick(qtbot, typed, enter=enter)
    qtbot.keyClick(window.view, Qt.Key.Key_S)
    assert offered, "the picker did not open"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return offered


def speaker_of(window, index: int) -> str | None:
    speaker = window.session.speaker(window.session.turns[index].speaker_id)
    return speaker.name if speaker else None


def test_give_the_turn_at_the_cursor_with_the_picker(window, qtbot) -> None:
    eighth = window.session.turns[7]
    note = annotate(window, eighth.text_start + 2, eighth.text_start + 8)
    put_cursor(window, eighth.text_start + 5)
    offered = give_by_keys(window, qtbot, "陈")
    assert offered == [["陈虞君", "New speaker “陈”"]]
    assert speaker_of(window, 7) == "陈虞君"
    assert still_anchored(window, note) == ("陈虞君", 8)
    assert window.actions[ActionId.UNDO].text() == "&Undo Give turn 8"
    assert "Give turn 8: done" in window.statusBar().currentMessage()
    assert window.view.current_turn() == 7  # the cursor stays in the turn
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert speaker_of(window, 7) == "张家俊"
    assert still_anchored(window, note) == ("张家俊", 8)
    qtbot.keyClick(window.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert speaker_of(window, 7) == "陈虞君"


def test_give_to_a_new_speaker_or_narration_and_cancel(window, qtbot) -> None:
    put_cursor(window, window.session.turns[7].text_start + 5)
    offered = give_by_keys(window, qtbot, "")
    # Everyone, the one speaking it now marked, then narration; the first other is chosen.
    assert offered[0][:3] == ["杨静", "陈虞君", "张家俊 (speaks it now)"]
    assert offered[0][-1] == "Narration (no speaker)"
    assert speaker_of(window, 7) == "杨静"
    window.actions[ActionId.UNDO].trigger()
    put_cursor(window, window.session.turns[7].text_start + 5)  # undo shows the top turn
    give_by_keys(window, qtbot, "记者")
    assert speaker_of(window, 7) == "记者"
    new = window.session.speakers[-1]
    assert (new.name, new.colour) == ("记者", "#ef6c00")
    assert "记者" in [window.speakers_dock.tree.topLevelItem(i).text(1)
                    for i in range(window.speakers_dock.tree.topLevelItemCount())]
    give_by_keys(window, qtbot, "narr")
    assert speaker_of(window, 7) is None
    assert window.session.turns[7].text.startswith("张家俊:")
    give_by_keys(window, qtbot, "吴", enter=False)  # Escape: nothing changes
    assert speaker_of(window, 7) is None
    assert window.actions[ActionId.UNDO].text() == "&Undo Give turn 8"


def test_give_the_selected_turns(window, qtbot) -> None:
    turns = window.session.turns
    window.view.setFocus()
    window.view.scroll_to_offset(turns[7].text_start + 3, select_to=turns[8].text_start + 3)
    give_by_keys(window, qtbot, "吴韶华")
    assert [speaker_of(window, i) for i in (6, 7, 8)] == ["吴韶华"] * 3
    assert window.actions[ActionId.UNDO].text() == "&Undo Give turns 8–9"


def test_split_the_turn_at_the_cursor(window, qtbot) -> None:
    at = second_paragraph(window, 6)
    note = annotate(window, at + 4, at + 12)
    assert still_anchored(window, note) == ("吴韶华", 7)
    put_cursor(window, at)
    qtbot.keyClick(window.view, Qt.Key.Key_S, CTRL_SHIFT)
    turns = window.session.turns
    assert len(turns) == 22 and turns[7].text.startswith("基于源2.0的实践")
    assert turns[6].text.endswith("两方面的创新。")
    assert still_anchored(window, note) == ("吴韶华", 8)
    assert window.actions[ActionId.UNDO].text() == "&Undo Split turn 7"
    assert window.view.current_turn() == 7  # the cursor opens the new turn
    assert window.count_label.text() == "22 of 22 turns shown"
    # The search finds a word of the second part in the new turn.
    window.search_dock.field.setText("紧缺的数据")
    window.search_dock._emit_query()
    assert [h.turn_number for h in window.search.hits] == [8]
    # The new turn can be given at once: S, a name, Enter.
    give_by_keys(window, qtbot, "张家俊")
    assert speaker_of(window, 7) == "张家俊" and speaker_of(window, 6) == "吴韶华"
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(window.session.turns) == 21
    assert still_anchored(window, note) == ("吴韶华", 7)


def test_split_at_the_edge_is_refused_in_one_line(window, qtbot, dialogs) -> None:
    put_cursor(window, window.session.turns[6].text_start)
    qtbot.keyClick(window.view, Qt.Key.Key_S, CTRL_SHIFT)
    assert len(window.session.turns) == 21 and not window.session.history.can_undo
    assert len(dialogs) == 1 and "\n" not in dialogs[0][1]
    assert "Turn 7 cannot be split at the very start or end" in dialogs[0][1]


def test_join_with_the_next_turn(window, qtbot) -> None:
    eighth = window.session.turns[7]
    note = annotate(window, eighth.text_start, eighth.text_start + 6)
    put_cursor(window, window.session.turns[6].text_start + 3)
    qtbot.keyClick(window.view, Qt.Key.Key_J, CTRL_SHIFT)
    turns = window.session.turns
    assert len(turns) == 20 and '张家俊:"跟随无法超越' in turns[6].text
    assert still_anchored(window, note) == ("吴韶华", 7)
    assert window.actions[ActionId.UNDO].text() == "&Undo Join turns 7 and 8"
    window.actions[ActionId.UNDO].trigger()
    assert len(window.session.turns) == 21
    assert still_anchored(window, note) == ("张家俊", 8)


def test_make_a_heading_and_remove_it(window, qtbot) -> None:
    put_cursor(window, window.session.turns[7].text_start + 3)
    qtbot.keyClick(window.view, Qt.Key.Key_H, CTRL_SHIFT)
    sections = window.session.sections
    assert len(sections) == 6 and sections[2].title.startswith("在追赶和超越GPT4")
    assert window.session.turns[7].section_id == sections[2].id
    assert "Question 6" in window.view.toPlainText()
    assert window.actions[ActionId.UNDO].text() == "&Undo Make turn 8 a section heading"
    put_cursor(window, window.session.turns[12].text_start + 3)  # in question 4 now
    qtbot.keyClick(window.view, Qt.Key.Key_Backspace, CTRL_SHIFT)
    assert len(window.session.sections) == 5
    assert window.actions[ActionId.UNDO].text() == "&Undo Remove section 4"
    window.actions[ActionId.UNDO].trigger()
    window.actions[ActionId.UNDO].trigger()
    assert [s.position for s in window.session.sections] == [0, 1, 2, 3, 4]
    put_cursor(window, window.session.turns[0].text_start + 3)  # the introduction
    qtbot.keyClick(window.view, Qt.Key.Key_Backspace, CTRL_SHIFT)
    assert window.statusBar().currentMessage() == "Turn 1 is in no section."


def test_the_reading_views_menu_and_the_turns_menu_offer_them(window) -> None:
    texts = [a.text() for a in window.view.actions()]
    for action_id in (ActionId.GIVE_TURN, ActionId.SPLIT_TURN, ActionId.JOIN_TURNS,
                      ActionId.MAKE_HEADING, ActionId.REMOVE_HEADING):
        assert window.actions[action_id].text() in texts
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus.index("&Turns") == menus.index("&Speakers") + 1


def test_the_compare_view_sends_the_reader_back(window, qtbot) -> None:
    put_cursor(window, window.session.turns[7].text_start + 3)
    window.reading.switch_view()
    window.actions[ActionId.JOIN_TURNS].trigger()
    assert len(window.session.turns) == 21
    assert "reading view" in window.statusBar().currentMessage()


def test_every_turn_edit_is_named_in_chinese() -> None:
    from desktop.core import turn_edits
    from desktop.ui.i18n import install_translator
    from desktop.ui.undo_actions import command_name

    commands = [turn_edits.GiveTurns(1, [7], turn_edits.NARRATION),
                turn_edits.GiveTurns(1, [7, 8, 9], turn_edits.NARRATION),
                turn_edits.GiveTurns(1, [7, 9], turn_edits.NARRATION),
                turn_edits.SplitTurn(1, 7, 100), turn_edits.JoinTurns(1, 7),
                turn_edits.JoinTurns(1, 7, 9), turn_edits.MakeHeading(1, 7),
                turn_edits.RemoveSection(1, 3)]
    try:
        assert install_translator("zh_CN")
        names = [command_name(c.text) for c in commands]
    finally:
        install_translator("en")
    assert names == ["改换第 7 段的发言人", "改换第 7–9 段的发言人", "改换 2 段发言的发言人",
                     "拆分第 7 段发言", "合并第 7 段和第 8 段发言", "合并第 7–9 段发言",
                     "将第 7 段发言设为分节标题", "删除第 3 节"]
    assert command_name("Rename speaker") == "Rename speaker"
