"""Small window messages, the annotation editor (discard prompt, Tab order), compare columns."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import QTranslator

from desktop.ui.i18n import translations_folder

pytestmark = pytest.mark.ui


def _hits(count: int) -> list[SimpleNamespace]:
    return [SimpleNamespace(snippet=f"第{i}段", snippet_matches=[]) for i in range(count)]


def test_search_count_says_one_result_and_many_results(qtbot) -> None:
    from desktop.ui.docks.search import SearchDock

    dock = SearchDock()
    qtbot.addWidget(dock)
    dock.field.setText("算力")
    shown = {}
    for count in (0, 1, 2, 7):
        dock.set_hits(_hits(count), lambda hit: "Turn")
        shown[count] = dock.status.text()
    assert shown == {0: "0 results", 1: "1 result", 2: "2 results", 7: "7 results"}


def test_search_count_in_chinese_has_one_form() -> None:
    # Read from the shipped .qm without installing it: installing would retranslate every
    # window still open in the test run.
    translator = QTranslator()
    assert translator.load("yandu_zh_CN", str(translations_folder()))
    assert translator.translate("SearchDock", "1 result") == "1 条结果"
    assert translator.translate("SearchDock", "%1 results") == "%1 条结果"


# ---- the annotation editor ------------------------------------------------------------


@pytest.fixture
def editor(qtbot):
    """A new-annotation editor on its own, shown."""
    from desktop.ui.annotation_editor import AnnotationEditor, AnnotationValues

    dialog = AnnotationEditor("算力是关键", AnnotationValues("", (), "#ffd54f"), ["技术"])
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def _button(box, text: str):
    return next(b for b in box.buttons() if b.text() == text)


def test_esc_on_a_typed_note_asks_and_keep_editing_loses_nothing(editor, qtbot) -> None:
    from PySide6.QtCore import Qt

    qtbot.keyClicks(editor.note, "second careful note")
    qtbot.keyClick(editor.note, Qt.Key.Key_Escape)
    box = editor.discard_prompt
    assert box is not None and box.isVisible()
    assert box.text() == "Discard this note?"
    assert editor.isVisible()
    _button(box, "&Keep editing").click()
    assert editor.discard_prompt is None and editor.isVisible()
    assert editor.note.toPlainText() == "second careful note"

    # Esc in the question keeps the note too: only the Discard button drops it.
    qtbot.keyClick(editor.note, Qt.Key.Key_Escape)
    qtbot.keyClick(editor.discard_prompt, Qt.Key.Key_Escape)
    assert editor.isVisible() and editor.note.toPlainText() == "second careful note"

    with qtbot.waitSignal(editor.rejected):
        qtbot.keyClick(editor.note, Qt.Key.Key_Escape)
        _button(editor.discard_prompt, "&Discard").click()
    assert not editor.isVisible()


def test_cancel_and_closing_ask_too_and_tags_count_as_a_change(editor, qtbot) -> None:
    editor.tags.setText("技术")
    editor.cancel_button.click()
    assert editor.discard_prompt is not None and editor.isVisible()
    _button(editor.discard_prompt, "&Keep editing").click()
    editor.close()
    assert editor.discard_prompt is not None and editor.isVisible()
    with qtbot.waitSignal(editor.rejected):
        _button(editor.discard_prompt, "&Discard").click()


def test_an_unchanged_editor_closes_at_once(qtbot) -> None:
    from PySide6.QtCore import Qt

    from desktop.ui.annotation_editor import AnnotationEditor, AnnotationValues

    dialog = AnnotationEditor("q", AnnotationValues("old **note**", ("a", "b"), "#81c784"), [],
                              is_new=False)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.note.setPlainText("changed")
    dialog.note.setPlainText("old **note**")  # typed back: nothing to lose
    dialog.tags.setText("a,b")  # the same tags written another way
    dialog.colour.setCurrentIndex(3)  # the colour alone is not worth a question
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.note, Qt.Key.Key_Escape)
    assert dialog.discard_prompt is None and not dialog.isVisible()


def test_tab_goes_note_tags_colour_buttons_never_the_preview(editor, qtbot) -> None:
    from PySide6.QtCore import Qt

    editor.activateWindow()
    editor.note.setFocus()
    qtbot.keyClicks(editor.note, "note")
    qtbot.keyClick(editor.note, Qt.Key.Key_Tab)
    assert editor.focusWidget() is editor.tags
    qtbot.keyClicks(editor.focusWidget(), "tech, claim")  # (QTest types ASCII only)
    assert editor.tags.text() == "tech, claim"
    assert editor.note.toPlainText() == "note"
    chain = []
    for _ in range(3):
        qtbot.keyClick(editor.focusWidget(), Qt.Key.Key_Tab)
        chain.append(editor.focusWidget())
    assert chain == [editor.colour, editor.save_button, editor.cancel_button]
    assert editor.preview.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_window_keep_editing_then_save_stores_the_note(window, qtbot) -> None:
    from PySide6.QtCore import Qt

    from db import annotations as rows

    view = window.view
    view.setFocus()
    window.view.scroll_to_offset(window.session.turns[5].text_start)
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_A)
    editor = window.annotations.editor
    qtbot.keyClicks(editor.note, "kept")
    qtbot.keyClick(editor.note, Qt.Key.Key_Escape)
    _button(editor.discard_prompt, "&Keep editing").click()
    assert window.annotations.editor is editor
    qtbot.keyClick(editor.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [a.note for a in rows.for_document(window.session.db, window.session.document_id)] == ["kept"]

    qtbot.keyClick(view, Qt.Key.Key_A)
    qtbot.keyClicks(window.annotations.editor.note, "dropped")
    qtbot.keyClick(window.annotations.editor.note, Qt.Key.Key_Escape)
    _button(window.annotations.editor.discard_prompt, "&Discard").click()
    assert window.annotations.editor is None
    assert [a.note for a in rows.for_document(window.session.db, window.session.document_id)] == ["kept"]


# ---- the compare view ----------------------------------------------------------------


def _compare_data(speaker_count: int):
    from desktop.core.library import Section, Speaker, Turn

    speakers = [Speaker(i, 1, i, f"发言人{i}", "", "#336699", False, 1)
                for i in range(speaker_count)]
    sections = [Section(j, 1, j, f"第{j + 1}个问题") for j in range(3)]
    turns = []
    for section in sections:
        for speaker in speakers:
            text = "大模型的算力与数据飞轮的问题" * 3
            turns.append(Turn(len(turns), 1, len(turns), speaker.id, section.id, 0, 0, "", "",
                              0, 0, text, None, None))
    return turns, speakers, sections


@pytest.fixture
def compare(qtbot):
    """A compare view 1000 pixels wide, shown."""
    from desktop.ui.compare_view import CompareView

    view = CompareView()
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_many_speakers_keep_readable_columns_and_scroll_sideways(compare, qtbot) -> None:
    compare.load(*_compare_data(70))
    header = compare.horizontalHeader()
    from desktop.ui.compare_view import MIN_COLUMN_CHARS

    readable = compare.fontMetrics().horizontalAdvance("中" * MIN_COLUMN_CHARS)
    widths = [header.sectionSize(c) for c in range(1, 71)]
    assert min(widths) >= readable
    assert header.length() > compare.viewport().width()
    qtbot.waitUntil(lambda: compare.horizontalScrollBar().maximum() > 0)
    # The last speaker's answers can be scrolled into view.
    compare.scrollTo(compare.compare_model.index(0, 70))
    assert compare.horizontalScrollBar().value() > 0
    assert compare.visualRect(compare.compare_model.index(0, 70)).right() <= (
        compare.viewport().width())


def test_a_few_speakers_still_share_the_width_without_scrolling(compare, qtbot) -> None:
    compare.load(*_compare_data(3))
    header = compare.horizontalHeader()
    widths = [header.sectionSize(c) for c in range(1, 4)]
    assert max(widths) - min(widths) <= 1  # an equal share of what the question leaves
    assert abs(header.length() - compare.viewport().width()) <= 1
    assert min(widths) > compare.min_column_width()
    assert compare.horizontalScrollBar().maximum() == 0


# ---- the export dialog's message ------------------------------------------------------


def test_export_error_keeps_its_end_and_wraps_inside_the_dialog(window, qtbot) -> None:
    import sqlite3

    from db import StudyError
    from desktop.ui.export_dialog import ExportDialog, one_line

    # What a damaged study reports: SQLite's check puts its findings on several lines.
    damage = StudyError("The study /home/reader/.local/share/yandu/study.sqlite is damaged "
                        "(*** in database main ***\nOn tree page 6 cell 69: Offset 43690 out "
                        "of range 186..4092\nOn tree page 6 cell 68: Offset 43690 out of "
                        "range 186..4092); restore it from a backup.")
    assert one_line(damage).endswith("186..4092); restore it from a backup.")
    assert "\n" not in one_line(damage)
    assert one_line(sqlite3.OperationalError("")) == "OperationalError"

    dialog = ExportDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog._failed(damage)
    label = dialog.message
    assert label.text() == one_line(damage)
    assert label.wordWrap()
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))
    # Two lines or more, and no wider than the dialog: nothing is cut off at the edge.
    assert label.height() >= 2 * label.fontMetrics().height()
    assert label.geometry().right() <= dialog.width()


# ---- import failures ------------------------------------------------------------------


def test_every_bad_import_is_one_dialog_naming_the_file_once(window, qtbot, dialogs,
                                                             tmp_path) -> None:
    from desktop.core import library
    from desktop.ui.tasks import running_tasks

    files = {"binary.txt": b"\x00\x01\x02abc" * 100, "empty.txt": b"",
             "broken.docx": b"PK\x03\x04 not really a zip"}
    documents = len(library.list_documents(window.session.db))
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        dialogs.clear()
        window.importer.import_paths([tmp_path / name])
        qtbot.waitUntil(lambda: running_tasks() == 0 and bool(dialogs), timeout=10000)
        [(kind, message)] = dialogs
        assert kind == "warning"
        assert message.count(name) == 1, message
        assert "\n" not in message
        assert window.statusBar().currentMessage() == message
    assert len(library.list_documents(window.session.db)) == documents  # nothing half-imported


def test_an_import_error_without_the_name_gets_it_in_front() -> None:
    from pathlib import Path

    from db import StudyError
    from desktop.ui.controllers.importing import named_error

    assert named_error(Path("/in/a.txt"), StudyError("The study is locked.")) == (
        "a.txt: The study is locked.")
    assert named_error(Path("/in/a.txt"), StudyError("a.txt is empty.")) == "a.txt is empty."


def test_the_documents_panel_has_room_for_each_title_and_its_details(window) -> None:
    panel = window.documents_dock.list
    item = panel.item(0)
    assert "\n" in item.text()  # the title, then turns and speakers
    lines = len(item.text().splitlines())
    # Qt alone sizes the entry to the text's bare height; the style's margins then cut
    # the last line off.
    assert panel.sizeHintForRow(0) >= lines * panel.fontMetrics().lineSpacing() + 6
