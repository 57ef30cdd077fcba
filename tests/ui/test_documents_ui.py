"""The documents panel: rename, properties, order, delete and re-import, by keyboard, each
undone from the Edit menu's Undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from desktop.ui.actions import ActionId

pytestmark = pytest.mark.ui

CTRL, SHIFT, ALT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier,
                    Qt.KeyboardModifier.AltModifier)
TALK = "主持人：大模型的算力从哪里来？\n\n张三：算力荒是普遍问题。\n"


def _panel(window, qtbot):
    """The documents panel's list with the keyboard in it (Ctrl+1)."""
    qtbot.keyClick(window.view, Qt.Key.Key_1, CTRL)
    listing = window.documents_dock.list
    qtbot.waitUntil(listing.hasFocus)
    return listing


def _titles(window) -> list[str]:
    listing = window.documents_dock.list
    return [listing.item(row).text().split("\n")[0] for row in range(listing.count())]


def _add_talk(window) -> int:
    from desktop.core.importing import import_bytes

    doc = import_bytes(window.session.db, TALK.encode(), "talk.txt").document_id
    window.session.library_changed()
    return doc


def _annotate(window, quote: str, note: str = "") -> None:
    from desktop.core.annotations import CreateAnnotation, new_annotation

    session = window.session
    text = session.text(0, len(session.turns) and session.turns[-1].end)
    start = text.index(quote)
    session.run(CreateAnnotation(new_annotation(session.db, session.document_id, start,
                                                start + len(quote), note=note)))


def test_rename_from_the_panel_and_undo(window, qtbot, monkeypatch) -> None:
    asked = []

    def answer(_parent, title, label, _mode, text):
        asked.append((title, label, text))
        return "  AICC 圆桌 ", True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    listing = _panel(window, qtbot)
    old = _titles(window)[0]
    qtbot.keyClick(listing, Qt.Key.Key_F2, CTRL | SHIFT)
    assert asked == [("Rename document", f"New title for “{old}”:", old)]
    assert _titles(window) == ["AICC 圆桌"]
    assert window.windowTitle().startswith("AICC 圆桌 — ")
    assert window.actions[ActionId.UNDO].text() == "&Undo Rename document"
    window.actions[ActionId.UNDO].trigger()
    assert _titles(window) == [old] and window.windowTitle().startswith(old)


def test_delete_asks_with_the_count_then_undo_brings_it_back(window, qtbot, monkeypatch,
                                                             tmp_path) -> None:
    _annotate(window, "数据飞轮", "flywheel")
    _annotate(window, "算力荒")
    sample = window.session.document_id
    talk = _add_talk(window)
    questions = []
    reply = [QMessageBox.StandardButton.No]
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, text, *_a: questions.append(text) or reply[0])
    listing = _panel(window, qtbot)
    window.documents_dock.select(sample)
    qtbot.keyClick(listing, Qt.Key.Key_Delete, SHIFT)
    title = window.session.document_title
    assert questions[0].startswith(f"Delete “{title}” and its 2 annotations?")
    assert len(window.session.documents()) == 2  # No: nothing goes

    reply[0] = QMessageBox.StandardButton.Yes
    qtbot.keyClick(listing, Qt.Key.Key_Delete, SHIFT)
    assert [d.id for d in window.session.documents()] == [talk]
    assert window.session.document_id == talk  # the next one opens
    backups = list(tmp_path.glob("study.sqlite.before-delete-document-*.bak"))
    assert len(backups) == 1
    qtbot.waitUntil(lambda: str(backups[0]) in window.feedback.current())

    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert [d.id for d in window.session.documents()] == [sample, talk]
    assert window.session.document_id == sample  # shown where the step happened
    assert [a.note for a in window.session.annotations] == ["flywheel", ""]
    assert window.annotations_dock.list.count() == 2


def test_deleting_the_only_document_leaves_an_empty_window(window, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a: QMessageBox.StandardButton.Yes)
    window.actions[ActionId.DELETE_DOCUMENT].trigger()
    assert window.session.documents() == [] and window.session.document_id is None
    assert window.view.toPlainText().strip() == ""
    assert "no document" in window.windowTitle()
    window.actions[ActionId.UNDO].trigger()
    assert window.session.document_id is not None and window.session.turns


def test_reimport_carries_one_annotation_and_lists_the_other(window, qtbot, monkeypatch,
                                                             tmp_path, dialogs,
                                                             sample_path) -> None:
    from PySide6.QtWidgets import QFileDialog

    _annotate(window, "数据飞轮", "flywheel")
    _annotate(window, "算力荒", "shortage")
    old_id, old_title = window.session.document_id, window.session.document_title
    changed = tmp_path / "aicc-v2.txt"
    changed.write_text(sample_path.read_text(encoding="utf-8").replace("算力荒", "算力短缺"),
                       encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: (str(changed), ""))
    qtbot.keyClick(window.view, Qt.Key.Key_R, CTRL | SHIFT)
    qtbot.waitUntil(lambda: window.session.document_id != old_id, timeout=20000)
    assert window.session.document_title == old_title
    assert [a.note for a in window.session.annotations] == ["flywheel"]
    kind, text = dialogs[-1]
    assert kind == "information"
    assert "1 of 2 annotations were carried over" in text
    assert "• “算力荒” — shortage" in text
    assert _titles(window) == [f"(old) {old_title}", old_title]
    assert window.actions[ActionId.UNDO].text() == "&Undo Re-import document"

    window.actions[ActionId.UNDO].trigger()  # one step: the new version goes
    assert window.session.document_id == old_id
    assert _titles(window) == [old_title]
    assert len(window.session.annotations) == 2
    window.actions[ActionId.REDO].trigger()
    assert window.session.document_id != old_id and _titles(window)[1] == old_title


def test_reimporting_the_same_file_says_so(window, qtbot, monkeypatch, dialogs,
                                           sample_path) -> None:
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: (str(sample_path), ""))
    window.actions[ActionId.REIMPORT_DOCUMENT].trigger()
    qtbot.waitUntil(lambda: bool(dialogs), timeout=20000)
    assert dialogs[-1][0] == "warning" and "is the same file as document 1" in dialogs[-1][1]
    assert len(window.session.documents()) == 1 and not window.session.history.can_undo


def test_properties_group_the_panel_by_collection(window, qtbot) -> None:
    talk = _add_talk(window)
    listing = _panel(window, qtbot)
    window.documents_dock.select(talk)
    qtbot.keyClick(listing, Qt.Key.Key_Return, ALT)
    dialog = window.document_edits.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.date.setText("2023-7-28")
    dialog.collection.setCurrentText("Roundtables")
    dialog.event.setText("AICC")
    dialog.accept()
    assert dialog.isVisible() and "YYYY-MM-DD" in dialog.message.text()
    dialog.date.setText("2023-07-28")
    dialog.accept()
    assert not dialog.isVisible()
    # The talk's collection comes after the sample's group ("No collection").
    assert _titles(window) == ["No collection", "AICC 2023 大模型创新主题圆桌论坛",
                               "Roundtables", "talk"]
    header = listing.item(2)
    assert not header.flags() & Qt.ItemFlag.ItemIsSelectable
    assert listing.item(3).text() == "talk\n2023-07-28 · 2 turns · 2 speakers"
    assert "Event: AICC" in listing.item(3).toolTip()
    window.actions[ActionId.UNDO].trigger()
    assert _titles(window) == ["AICC 2023 大模型创新主题圆桌论坛", "talk"]


def test_move_down_and_up_by_keyboard(window, qtbot) -> None:
    talk = _add_talk(window)
    listing = _panel(window, qtbot)
    first = window.session.document_id
    window.documents_dock.select(first)
    qtbot.keyClick(listing, Qt.Key.Key_Down, ALT | SHIFT)
    assert window.documents_dock.document_ids() == [talk, first]
    assert window.documents_dock.current_id() == first  # the moved one stays chosen
    qtbot.keyClick(listing, Qt.Key.Key_Down, ALT | SHIFT)  # already last: said, not done
    assert "bottom" in window.feedback.current()
    qtbot.keyClick(listing, Qt.Key.Key_Up, ALT | SHIFT)
    assert window.documents_dock.document_ids() == [first, talk]


def test_the_panel_offers_its_actions_in_a_context_menu(window) -> None:
    listing = window.documents_dock.list
    assert listing.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    names = [a.objectName() for a in listing.actions()]
    assert names == ["document.rename", "document.properties", "document.reimport",
                     "document.move_up", "document.move_down", "document.delete"]
    menu = window.menu("&Documents")
    assert [a.objectName() for a in menu.actions() if a.objectName()] == names


def test_the_question_and_the_menu_in_chinese(window, qtbot, monkeypatch) -> None:
    from desktop.ui.i18n import install_translator

    _annotate(window, "数据飞轮")
    _annotate(window, "算力荒")
    title = window.session.document_title
    questions = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *_a: questions.append(
        text) or QMessageBox.StandardButton.No)
    assert install_translator("zh_CN")
    try:
        qtbot.waitUntil(lambda: window.menu("&Documents").title() == "文档(&D)")
        assert window.actions[ActionId.RENAME_DOCUMENT].text() == "重命名文档(&N)…"
        window.actions[ActionId.DELETE_DOCUMENT].trigger()
        assert questions[0].startswith(f"删除“{title}”及其 2 条批注吗？\n\n删除前会先")
    finally:
        install_translator("en")
    qtbot.waitUntil(lambda: window.menu("&Documents").title() == "&Documents")


def _shown_ids(window) -> list[int]:
    return window.documents_dock.document_ids()


def test_the_filter_narrows_the_list_and_escape_empties_it(window, qtbot) -> None:
    sample = window.session.document_id
    talk = _add_talk(window)
    dock = window.documents_dock
    assert _shown_ids(window) == [sample, talk]
    listing = _panel(window, qtbot)
    qtbot.keyClick(listing, Qt.Key.Key_Backtab, SHIFT)  # from the list back to the filter
    assert dock.filter_edit.hasFocus()
    qtbot.keyClicks(dock.filter_edit, "talk")
    assert _shown_ids(window) == [talk]
    qtbot.keyClicks(dock.filter_edit, " nothing")
    assert _shown_ids(window) == []
    seen = [dock.list.item(r) for r in range(dock.list.count())
            if not dock.list.item(r).isHidden()]
    assert [item.text() for item in seen] == ["No document matches “talk nothing”."]
    qtbot.keyClick(dock.filter_edit, Qt.Key.Key_Escape)
    assert dock.filter_edit.text() == "" and _shown_ids(window) == [sample, talk]
    # Down goes on to the list, with a document chosen; Return there opens it.
    qtbot.keyClicks(dock.filter_edit, "talk")
    qtbot.keyClick(dock.filter_edit, Qt.Key.Key_Down)
    assert dock.list.hasFocus() and dock.current_id() == talk
    qtbot.keyClick(dock.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.session.document_id == talk)


def test_the_order_is_chosen_kept_and_given_up_for_a_move(window, qtbot, make_window,
                                                          sample_study) -> None:
    sample = window.session.document_id
    talk = _add_talk(window)
    dock = window.documents_dock
    dock.order_actions["imported"].trigger()
    assert _shown_ids(window) == [talk, sample]  # the latest import first
    dock.order_actions["title"].trigger()
    assert "Title" in dock.order_button.toolTip()
    titles = _titles(window)
    assert titles == sorted(titles, key=str.casefold)
    window.close()
    again = make_window(sample_study)
    assert again.documents_dock.order == "title"  # kept between sessions
    # Moving a document shows the library's order, where the move is seen.
    again.documents_dock.select(talk)
    again.documents_dock.list.setFocus()
    qtbot.waitUntil(again.documents_dock.list.hasFocus)
    again.actions[ActionId.MOVE_DOCUMENT_UP].trigger()
    assert again.documents_dock.order == "library"
    assert _shown_ids(again) == [talk, sample]


def test_opening_a_document_marks_it_without_listing_the_library_again(window, qtbot,
                                                                        monkeypatch) -> None:
    from desktop.core import documents

    sample = window.session.document_id
    talk = _add_talk(window)
    listed = []
    catalogue = documents.catalogue
    monkeypatch.setattr(documents, "catalogue", lambda *a, **k: listed.append(1) or
                        catalogue(*a, **k))
    dock = window.documents_dock

    def bold() -> list[int]:
        return [dock.list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(dock.list.count())
                if dock.list.item(r).font().bold()]

    assert bold() == [sample]
    window.session.open_document(talk)
    assert bold() == [talk] and dock.current_id() == talk
    assert window.windowTitle().startswith("talk")
    assert listed == []
