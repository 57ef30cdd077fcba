"""File > New document from clipboard: the clipboard's web page or text, under a title."""

from __future__ import annotations

import pytest

from desktop.ui.controllers.importing import no_speakers_text

pytestmark = pytest.mark.ui

TALK = "主持人：算力够吗？\n\n张三：不够。\n"


@pytest.fixture
def clipboard(qapp):
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QGuiApplication

    board = QGuiApplication.clipboard()

    def put(text: str | None = None, html: str | None = None) -> None:
        mime = QMimeData()
        if text is not None:
            mime.setText(text)
        if html is not None:
            mime.setHtml(html)
        board.setMimeData(mime)

    yield put
    board.clear()


@pytest.fixture
def title_dialog(monkeypatch):
    """The title dialog answered at once: records the title offered, answers with
    `answer` (None: the one offered; False: Cancel)."""
    from PySide6.QtWidgets import QInputDialog

    asked: list[str] = []
    answer: list = [None]

    def get_text(_parent, _title, _label, *args, text: str = "", **kwargs):
        asked.append(text)
        if answer[0] is False:
            return "", False
        return (text if answer[0] is None else answer[0]), True

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    return asked, answer


def test_the_registry_has_the_action_in_the_file_menu_on_its_own_key(window):
    from desktop.ui.actions import ActionId

    action = window.actions[ActionId.NEW_FROM_CLIPBOARD]
    assert [k.toString() for k in action.shortcuts()] == ["Ctrl+Shift+V"]
    file_menu = window.menuBar().actions()[0].menu()
    assert action in file_menu.actions()
    others = [a for i, a in window.actions.items() if i != ActionId.NEW_FROM_CLIPBOARD]
    assert not any(k in action.shortcuts() for a in others for k in a.shortcuts())


def test_text_on_the_clipboard_becomes_a_document(window, qtbot, clipboard, title_dialog,
                                                  dialogs):
    from PySide6.QtCore import Qt

    asked, answer = title_dialog
    clipboard(text="\n  " + TALK)
    answer[0] = "  算力   对话 "
    qtbot.keyClick(window.view, Qt.Key.Key_V,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert asked == ["主持人：算力够吗？"]  # the first line with words on it
    qtbot.waitUntil(lambda: window.session.document_title == "算力 对话", timeout=20000)
    assert [s.name for s in window.session.speakers] == ["主持人", "张三"]
    assert window.documents_dock.list.count() == 2
    assert window.statusBar().currentMessage() == "Imported “算力 对话”."
    assert dialogs == []


def test_the_title_offered_is_short(window, qtbot, clipboard, title_dialog):
    from desktop.ui.actions import ActionId

    asked, _answer = title_dialog
    clipboard(text="很长的第一行" * 20 + "\n\n张三：好。\n")
    window.actions[ActionId.NEW_FROM_CLIPBOARD].trigger()
    assert len(asked[0]) == 60 and asked[0].startswith("很长的第一行")
    qtbot.waitUntil(lambda: window.session.document_title == asked[0], timeout=20000)


def test_html_on_the_clipboard_is_passed_on_as_a_web_page(window, clipboard, title_dialog,
                                                          monkeypatch):
    from desktop.core.importing import parser
    from desktop.ui.actions import ActionId

    calls = []
    monkeypatch.setattr(window.importer, "import_data",
                        lambda data, name, title: calls.append((data, name, title)))
    monkeypatch.setitem(parser.FORMATS, ".html", "html")  # as a Yandu that reads pages
    page = "<h1>圆桌实录</h1><p><b>主持人：</b>算力够吗？</p>"
    clipboard(text="圆桌实录\n主持人：算力够吗？", html=page)
    window.actions[ActionId.NEW_FROM_CLIPBOARD].trigger()
    [(data, name, title)] = calls
    assert name == "clipboard.html" and title == "圆桌实录"
    assert page.encode() in data and data.startswith(b'<meta charset="utf-8">')
    # Only HTML, no plain text beside it: the title comes from the page's text.
    calls.clear()
    clipboard(html=page)
    window.actions[ActionId.NEW_FROM_CLIPBOARD].trigger()
    assert calls[0][1:] == ("clipboard.html", "圆桌实录")


def test_html_falls_back_to_the_text_where_pages_are_not_read(window, clipboard,
                                                              title_dialog, monkeypatch):
    from desktop.core.importing import parser
    from desktop.ui.actions import ActionId

    calls = []
    monkeypatch.setattr(window.importer, "import_data",
                        lambda data, name, title: calls.append((data, name, title)))
    monkeypatch.delitem(parser.FORMATS, ".html", raising=False)
    clipboard(text=TALK, html="<p>主持人：算力够吗？</p>")
    window.actions[ActionId.NEW_FROM_CLIPBOARD].trigger()
    assert calls == [(TALK.encode(), "clipboard.txt", "主持人：算力够吗？")]


def test_an_empty_clipboard_says_so(window, clipboard, title_dialog, dialogs):
    from desktop.ui.actions import ActionId

    asked, _answer = title_dialog
    for empty in ({}, {"text": "  \n\t "}, {"html": "   "}):
        window.statusBar().clearMessage()
        clipboard(**empty)
        window.actions[ActionId.NEW_FROM_CLIPBOARD].trigger()
        assert window.statusBar().currentMessage() == (
            "The clipboard holds no text to make a document of.")
    assert asked == [] and dialogs == []
    assert window.documents_dock.list.count() == 1


def test_cancelling_the_title_imports_nothing(window, qtbot, clipboard, title_dialog,
                                             monkeypatch):
    from desktop.ui.actions import ActionId

    _asked, answer = title_dialog
    answer[0] = False
    started = []
    monkeypatch.setattr(window.session, "run_in_background", lambda *a, **k: started.append(a))
    clipboard(text=TALK)
    window.actions[ActionId.NEW_FROM_CLIPBOARD].trigger()
    assert started == [] and not window.progress.isVisible()
    assert window.documents_dock.list.count() == 1


def test_pasted_prose_says_no_speakers_were_found(window, qtbot, clipboard, title_dialog,
                                                  dialogs):
    from desktop.ui.actions import ActionId

    _asked, answer = title_dialog
    answer[0] = ""  # no title given: one is made
    clipboard(text="只是一段叙述。\n\n还有一段。\n")
    window.actions[ActionId.NEW_FROM_CLIPBOARD].trigger()
    qtbot.waitUntil(lambda: bool(dialogs), timeout=20000)
    [(kind, text)] = dialogs
    assert kind == "information"
    assert text.startswith("Imported “Pasted text ")
    assert text.endswith("\n\n" + no_speakers_text())
    assert window.session.document_title.startswith("Pasted text ")


def test_the_same_clipboard_twice_is_already_there(window, qtbot, clipboard, title_dialog):
    from desktop.ui.actions import ActionId

    clipboard(text=TALK)
    window.actions[ActionId.NEW_FROM_CLIPBOARD].trigger()
    qtbot.waitUntil(lambda: window.documents_dock.list.count() == 2, timeout=20000)
    qtbot.waitUntil(lambda: not window.progress.isVisible(), timeout=20000)
    window.actions[ActionId.NEW_FROM_CLIPBOARD].trigger()
    qtbot.waitUntil(lambda: "already in the study" in window.statusBar().currentMessage(),
                    timeout=20000)
    assert window.documents_dock.list.count() == 2
