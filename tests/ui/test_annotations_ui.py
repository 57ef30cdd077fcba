"""Annotating in the window: through actions and through real key presses, with undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from db import annotations as rows
from desktop.ui.actions import ActionId
from desktop.ui.offsets import utf16_len

pytestmark = pytest.mark.ui


def _select(window, start: int, end: int) -> None:
    """Select document range [start, end) in the view, as a user would."""
    window.view.scroll_to_offset(start, select_to=end)


def _stored(window):
    return rows.for_document(window.session.db, window.session.document_id)


def _save_editor(qtbot, window, note: str = "", tags: str = "", colour_index: int | None = None):
    editor = window.annotations.editor
    assert editor is not None and editor.isVisible()
    if note:
        editor.note.setPlainText(note)
    if tags:
        editor.tags.setText(tags)
    if colour_index is not None:
        editor.colour.setCurrentIndex(colour_index)
    qtbot.keyClick(editor.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.annotations.editor is None


def test_create_edit_delete_with_actions_and_undo_redo_each(window, qtbot) -> None:
    turn = window.session.turns[5]
    start = turn.text_start + 2
    _select(window, start, start + 6)
    window.actions[ActionId.ANNOTATE].trigger()
    _save_editor(qtbot, window, "**关键** point", "算力, 模型")
    [created] = _stored(window)
    assert (created.start, created.end) == (start, start + 6)
    assert created.quote == turn.text[2:8]
    assert created.tags == ("模型", "算力")
    assert window.actions[ActionId.UNDO].text() == "&Undo Create annotation"
    assert len(window.annotation_layer.selections(window.view)) == 1
    assert window.annotations_dock.list.count() == 1
    assert "#算力" in window.annotations_dock.list.item(0).text()

    window.view.scroll_to_offset(start + 1)
    window.actions[ActionId.EDIT_ANNOTATION].trigger()
    assert window.annotations.editor.note.toPlainText() == "**关键** point"
    _save_editor(qtbot, window, "changed note")
    assert _stored(window)[0].note == "changed note"
    assert window.actions[ActionId.UNDO].text() == "&Undo Edit annotation"

    window.view.scroll_to_offset(start + 1)
    window.actions[ActionId.DELETE_ANNOTATION].trigger()
    assert _stored(window) == []
    assert window.annotations_dock.list.count() == 0
    assert window.actions[ActionId.UNDO].text() == "&Undo Delete annotation"

    window.actions[ActionId.UNDO].trigger()  # delete undone
    assert _stored(window)[0].note == "changed note"
    window.actions[ActionId.UNDO].trigger()  # edit undone
    assert _stored(window)[0].note == "**关键** point"
    window.actions[ActionId.UNDO].trigger()  # create undone
    assert _stored(window) == []
    assert not window.actions[ActionId.UNDO].isEnabled()
    assert window.actions[ActionId.REDO].text() == "&Redo Create annotation"
    for expected in ("**关键** point", "changed note"):
        window.actions[ActionId.REDO].trigger()
        assert _stored(window)[0].note == expected
    window.actions[ActionId.REDO].trigger()
    assert _stored(window) == []


def test_annotating_by_real_key_presses(window, qtbot) -> None:
    view = window.view
    view.setFocus()
    turn = window.session.turns[5]
    window.view.scroll_to_offset(turn.text_start)
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_A)
    editor = window.annotations.editor
    assert editor is not None
    qtbot.keyClicks(editor.note, "note typed")
    qtbot.keyClick(editor.note, Qt.Key.Key_Tab)  # Tab leaves the note for the tags
    qtbot.keyClicks(editor.tags, "kw")
    qtbot.keyClick(editor.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [created] = _stored(window)
    assert created.quote == turn.text[:4]
    assert created.note == "note typed"
    assert created.tags == ("kw",)

    # E edits the annotation under the cursor; Esc cancels without a change.
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.keyClick(view, Qt.Key.Key_E)
    assert window.annotations.editor is not None
    qtbot.keyClick(window.annotations.editor.note, Qt.Key.Key_Escape)
    assert window.annotations.editor is None
    assert _stored(window)[0].note == "note typed"
    qtbot.keyClick(view, Qt.Key.Key_E)
    window.annotations.editor.note.selectAll()
    qtbot.keyClicks(window.annotations.editor.note, "retyped")
    qtbot.keyClick(window.annotations.editor.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert _stored(window)[0].note == "retyped"

    # Delete removes it; Ctrl+Z brings it back, Ctrl+Y and Ctrl+Shift+Z redo.
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert _stored(window) == []
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _stored(window)[0].note == "retyped"
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _stored(window)[0].note == "note typed"
    qtbot.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert _stored(window)[0].note == "retyped"
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert _stored(window) == []


def test_panel_click_scrolls_to_the_annotation_and_delete_from_the_panel(window, qtbot) -> None:
    from desktop.core.annotations import CreateAnnotation, new_annotation

    late = window.session.turns[-1]
    annotation = new_annotation(window.session.db, window.session.document_id, late.text_start,
                                late.text_start + 5, note="late", tags=["x"])
    window.session.run(CreateAnnotation(annotation))
    window.view.scroll_to_turn(0)
    item = window.annotations_dock.list.item(0)
    window.annotations_dock.list.setCurrentItem(item)
    window.annotations_dock.annotation_activated.emit(annotation.id)
    cursor = window.view.textCursor()
    assert window.view.selected_range() == (annotation.start, annotation.end)
    assert window.view.turn_index_at(cursor.position()) == len(window.session.turns) - 1
    window.annotations_dock.list.setFocus()
    qtbot.keyClick(window.annotations_dock.list, Qt.Key.Key_Delete)
    assert _stored(window) == []


def test_overlapping_annotations_stay_distinguishable(window) -> None:
    from desktop.core.annotations import CreateAnnotation, new_annotation

    turn = window.session.turns[5]
    a = new_annotation(window.session.db, window.session.document_id, turn.text_start, turn.text_start + 10,
                       colour="#ffd54f")
    b = new_annotation(window.session.db, window.session.document_id, turn.text_start + 5,
                       turn.text_start + 15, colour="#64b5f6")
    window.session.run(CreateAnnotation(a))
    window.session.run(CreateAnnotation(b))
    first, second = window.annotation_layer.selections(window.view)
    assert first.format.background().color().alpha() < 255  # translucent: overlaps mix
    assert not first.format.fontUnderline()
    assert second.format.fontUnderline()  # the second layer is also underlined
    assert window.view.tooltip_at(window.view.cursorRect(
        window.view.textCursor()).center()) is not None


def test_anchor_after_astral_characters(make_window, tmp_path, qtbot) -> None:
    from db import open_study
    from desktop.core.importing import import_file

    source = tmp_path / "astral.txt"
    source.write_text("主持人：大家好𠮷😀，欢迎。\n\n嘉宾：谢谢𠮷𠮷，我想说😀重点在这里。\n",
                      encoding="utf-8")
    study = tmp_path / "astral.sqlite"
    db = open_study(study)
    import_file(db, source)
    db.close()
    window = make_window(study)
    text = window.session.db.execute("SELECT text FROM documents").fetchone()[0]
    start = text.index("重点")
    _select(window, start, start + 2)
    cursor = window.view.textCursor()
    assert cursor.selectedText() == "重点"
    assert window.view.selected_range() == (start, start + 2)
    window.actions[ActionId.ANNOTATE].trigger()
    _save_editor(qtbot, window, "astral")
    [created] = _stored(window)
    assert created.quote == "重点"
    assert (created.start, created.end) == (start, start + 2)
    # The highlight is drawn over the same characters.
    [selection] = window.annotation_layer.selections(window.view)
    assert selection.cursor.selectedText() == "重点"
    qt_start = selection.cursor.selectionStart()
    assert qt_start - cursor.selectionStart() == 0
    assert utf16_len(text[:start]) != start  # the test really crosses astral characters
    # An annotation over the astral characters themselves.
    emoji = text.index("𠮷𠮷")
    _select(window, emoji, emoji + 2)
    assert window.view.textCursor().selectedText() == "𠮷𠮷"
    window.actions[ActionId.ANNOTATE].trigger()
    _save_editor(qtbot, window)
    assert [a.quote for a in _stored(window)] == ["𠮷𠮷", "重点"]
    moved = QTextCursor(window.view.document())
    assert moved is not None


def test_retag_and_recolour_are_named_steps(window, qtbot) -> None:
    from desktop.core.annotations import CreateAnnotation, new_annotation

    turn = window.session.turns[6]
    window.session.run(CreateAnnotation(new_annotation(
        window.session.db, window.session.document_id, turn.text_start, turn.text_start + 4, note="n",
        tags=["a"])))
    window.view.scroll_to_offset(turn.text_start + 1)
    window.actions[ActionId.EDIT_ANNOTATION].trigger()
    _save_editor(qtbot, window, tags="a, b")
    assert window.actions[ActionId.UNDO].text() == "&Undo Retag annotation"
    window.view.scroll_to_offset(turn.text_start + 1)
    window.actions[ActionId.EDIT_ANNOTATION].trigger()
    _save_editor(qtbot, window, colour_index=3)
    assert window.actions[ActionId.UNDO].text() == "&Undo Recolour annotation"
    assert _stored(window)[0].colour == window.annotation_layer.annotations[0].colour != "#ffd54f"
    window.actions[ActionId.UNDO].trigger()
    window.actions[ActionId.UNDO].trigger()
    assert _stored(window)[0].tags == ("a",) and _stored(window)[0].colour == "#ffd54f"


def test_panel_filters_by_tag_and_speaker(window) -> None:
    from desktop.core.annotations import CreateAnnotation, new_annotation

    for index, tags in ((5, ["算力"]), (6, ["数据"]), (7, ["算力", "数据"])):
        turn = window.session.turns[index]
        window.session.run(CreateAnnotation(new_annotation(
            window.session.db, window.session.document_id, turn.text_start, turn.text_start + 3, tags=tags)))
    dock = window.annotations_dock
    assert dock.list.count() == 3
    dock.tag_filter.setCurrentIndex(dock.tag_filter.findData("算力"))
    assert dock.list.count() == 2
    speaker, _number = window.session.place_of(window.session.turns[7].text_start)
    dock.speaker_filter.setCurrentIndex(dock.speaker_filter.findData(speaker))
    assert dock.visible_ids() == [window.session.annotations[2].id]
    # The tags come back as completions in the editor.
    assert window.session.known_tags() == ["数据", "算力"]


def test_another_module_can_add_a_layer_a_dock_and_a_menu(window) -> None:
    from PySide6.QtGui import QTextCharFormat
    from PySide6.QtWidgets import QDockWidget, QLabel

    from desktop.ui.decorations import make_selection

    turn = window.session.turns[5]

    class DottedLayer:
        def selections(self, view):
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            selection = make_selection(view, turn.text_start, turn.text_start + 2, fmt)
            return [selection] if selection else []

        def tooltip(self, view, offset):
            return "<b>term</b>" if turn.text_start <= offset < turn.text_start + 2 else ""

    window.view.add_layer(DottedLayer())
    dotted = [s for s in window.view.extraSelections()
              if s.format.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine]
    assert len(dotted) == 1 and dotted[0].cursor.selectedText() == turn.text[:2]
    window.view.scroll_to_offset(turn.text_start + 1)
    assert "<b>term</b>" in window.view.tooltip_at(window.view.cursorRect().center())

    dock = QDockWidget("Glossary", window)
    dock.setObjectName("glossary_dock")
    dock.setWidget(QLabel("terms"))
    window.add_dock(dock, Qt.DockWidgetArea.RightDockWidgetArea)
    assert dock.toggleViewAction() in window.panel_menu.actions()
    tools = window.menu("&Glossary")
    assert tools is window.menu("&Glossary")
    menus = window.menuBar().actions()  # after the registry's own menus, before Help
    assert tools.menuAction() in menus[-3:-1] and menus[-1].text() == "&Help"


def test_highlights_follow_the_scrolling_in_a_long_transcript(long_window, qtbot) -> None:
    from desktop.core.annotations import CreateAnnotation, new_annotation

    window = long_window
    first, last = window.session.turns[0], window.session.turns[-1]
    for turn in (first, last):
        window.session.run(CreateAnnotation(new_annotation(
            window.session.db, window.session.document_id, turn.text_start, turn.text_start + 3)))
    qtbot.waitUntil(lambda: window.view.is_complete)  # the rest follows the first screen
    window.view.scroll_to_turn(0)
    drawn = [s.cursor.selectedText() for s in window.view.extraSelections()]
    assert drawn == [first.text[:3]]  # the far end is not drawn while out of sight
    bar = window.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    drawn = [s.cursor.selectedText() for s in window.view.extraSelections()]
    assert drawn == [last.text[:3]]


def test_undo_shows_the_document_it_changes(window, tmp_path) -> None:
    from desktop.core.annotations import CreateAnnotation, new_annotation
    from desktop.core.importing import import_file

    source = tmp_path / "other.txt"
    source.write_text("甲：你好。\n\n乙：再见。\n", encoding="utf-8")
    other = import_file(window.session.db, source).document_id
    first = window.session.document_id
    turn = window.session.turns[3]
    window.session.run(CreateAnnotation(new_annotation(
        window.session.db, first, turn.text_start, turn.text_start + 2)))
    window.session.open_document(other)
    window.actions[ActionId.UNDO].trigger()
    assert window.session.document_id == first
    assert _stored(window) == []


def test_annotating_a_headline(window, qtbot) -> None:
    index, turn = next((i, t) for i, t in enumerate(window.session.turns) if t.headline)
    row = window.session.db.execute("SELECT headline_start FROM turns WHERE id = ?",
                            [turn.id]).fetchone()
    start = row[0]
    window.view.scroll_to_offset(start, select_to=start + 4)
    assert window.view.textCursor().selectedText() == turn.headline[:4]
    window.actions[ActionId.ANNOTATE].trigger()
    _save_editor(qtbot, window, "on the headline")
    [created] = _stored(window)
    assert created.quote == turn.headline[:4] and created.start == start
    [drawn] = window.view.extraSelections()
    assert drawn.cursor.selectedText() == turn.headline[:4]


def _edit_elsewhere(window, annotation_id: str, note: str) -> None:
    """Change a note through a second connection, as another Yandu window would."""
    from db import open_study
    from desktop.core.annotations import EditAnnotation
    from desktop.core.commands import History

    other = open_study(window.session.study_path)
    try:
        History(other).run(EditAnnotation.of(rows.get(other, annotation_id), note=note))
    finally:
        other.close()


def _editing_a_new_note(window, qtbot):
    """Annotate a passage with the note "first" and open the editor on it again."""
    start = window.session.turns[5].text_start + 2
    _select(window, start, start + 4)
    window.actions[ActionId.ANNOTATE].trigger()
    _save_editor(qtbot, window, "first")
    [created] = _stored(window)
    window.view.scroll_to_offset(start + 1)
    window.actions[ActionId.EDIT_ANNOTATION].trigger()
    return created


def test_a_note_changed_in_another_window_meanwhile_is_kept_and_mine_comes_back(
        window, qtbot, dialogs) -> None:
    created = _editing_a_new_note(window, qtbot)
    _edit_elsewhere(window, created.id, "from the other window")

    window.annotations.editor.note.setPlainText("mine")
    qtbot.keyClick(window.annotations.editor.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert _stored(window)[0].note == "from the other window"
    assert [kind for kind, _ in dialogs] == ["warning"] and "another window" in dialogs[0][1]
    # Nothing typed is lost: the editor is back with it, on the other window's version.
    assert window.annotations.editor is not None and window.annotations.editor.note.toPlainText() == "mine"
    assert window.annotations.editor.is_changed()  # Esc would ask before dropping it
    assert not window.actions[ActionId.UNDO].isEnabled()
    qtbot.keyClick(window.annotations.editor.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert _stored(window)[0].note == "mine" and window.annotations.editor is None
    window.actions[ActionId.UNDO].trigger()
    assert _stored(window)[0].note == "from the other window"


def test_a_note_deleted_in_another_window_meanwhile_can_be_saved_again(
        window, qtbot, dialogs) -> None:
    created = _editing_a_new_note(window, qtbot)
    window.session.db.execute("DELETE FROM annotations WHERE id = ?", [created.id])
    window.annotations.editor.note.setPlainText("mine")
    qtbot.keyClick(window.annotations.editor.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert _stored(window) == [] and window.annotations.editor.note.toPlainText() == "mine"
    assert window.annotations.editor.is_changed()
    qtbot.keyClick(window.annotations.editor.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [again] = _stored(window)
    assert (again.start, again.end, again.note) == (created.start, created.end, "mine")


def test_a_note_that_could_not_be_saved_comes_back_in_the_editor(
        window, qtbot, dialogs, monkeypatch) -> None:
    import sqlite3

    from desktop.core.commands import History

    def locked(self, command):
        raise sqlite3.OperationalError("database is locked")  # e.g. a long import writing

    start = window.session.turns[5].text_start + 2
    _select(window, start, start + 4)
    window.actions[ActionId.ANNOTATE].trigger()
    with monkeypatch.context() as patch:
        patch.setattr(History, "run", locked)
        window.annotations.editor.note.setPlainText("typed while the study was busy")
        qtbot.keyClick(window.annotations.editor.note, Qt.Key.Key_Return,
                       Qt.KeyboardModifier.ControlModifier)
        assert _stored(window) == [] and [kind for kind, _ in dialogs] == ["warning"]
        assert window.annotations.editor.note.toPlainText() == "typed while the study was busy"
        assert window.annotations.editor.is_changed()
    qtbot.keyClick(window.annotations.editor.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [created] = _stored(window)
    assert (created.start, created.note) == (start, "typed while the study was busy")

    window.view.scroll_to_offset(start + 1)
    window.actions[ActionId.EDIT_ANNOTATION].trigger()
    with monkeypatch.context() as patch:
        patch.setattr(History, "run", locked)
        window.annotations.editor.note.setPlainText("edited while busy")
        qtbot.keyClick(window.annotations.editor.note, Qt.Key.Key_Return,
                       Qt.KeyboardModifier.ControlModifier)
        assert window.annotations.editor.note.toPlainText() == "edited while busy"
    qtbot.keyClick(window.annotations.editor.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert _stored(window)[0].note == "edited while busy" and window.annotations.editor is None


def test_the_annotation_list_says_who_speaks_and_in_which_turn(window) -> None:
    from desktop.core.annotations import CreateAnnotation, new_annotation

    session = window.session
    turn = session.turns[6]
    speaker = session.speaker(turn.speaker_id)
    window.session.run(CreateAnnotation(new_annotation(
        session.db, session.document_id, turn.text_start, turn.text_start + 4, note="要点")))
    text = window.annotations_dock.list.item(0).text()
    assert text.splitlines()[0] == f"{speaker.name} · turn 7"
