"""The glossary in the window: marks, the hover card, the toggle key, adding terms."""

from __future__ import annotations

import re

from PySide6.QtGui import QTextCursor

from desktop.core import glossary
from desktop.ui.actions import ActionId
from desktop.ui.markdown_note import plain_text


def _ready(window, qtbot):
    qtbot.waitUntil(lambda: window.glossary.prepared, timeout=15000)
    return window.glossary


def _document_text(window) -> str:
    return window.db.execute("SELECT text FROM documents WHERE id = ?",
                             [window.document_id]).fetchone()[0]


def _marked_spans(window) -> set[tuple[int, int]]:
    return {(s.cursor.selectionStart(), s.cursor.selectionEnd())
            for s in window.glossary.layer.selections(window.view)}


def test_layer_marks_a_term_and_the_hover_shows_its_definition(window, qtbot) -> None:
    controller = _ready(window, qtbot)
    text = _document_text(window)
    offset = text.index("算力荒")
    window.view.scroll_to_offset(offset, top=True)

    match = controller.layer.match_at(offset + 1)
    assert match is not None and text[match.start:match.end] == "算力荒"
    span = window.view.offsets.doc_range_to_qt(match.start, match.end)
    assert span in _marked_spans(window)

    term = glossary.get_term(window.db, match.term_id)
    assert term is not None and term.definition
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(span[0] + 1)
    tip = window.view.tooltip_at(window.view.cursorRect(cursor).center())
    shown = re.sub(r"<[^>]+>", "", tip)
    assert "算力荒" in shown
    assert plain_text(term.definition).splitlines()[0][:12] in shown

    window.actions[ActionId.TOGGLE_GLOSSARY].trigger()  # G hides the marks
    assert span not in _marked_spans(window)
    assert controller.layer.tooltip(window.view, offset + 1) == ""
    window.actions[ActionId.TOGGLE_GLOSSARY].trigger()
    assert span in _marked_spans(window)


def test_hover_card_escapes_user_text_and_drops_remote_images(qapp) -> None:
    from desktop.ui.glossary_layer import term_card

    term = glossary.new_term("<b>x</b>", english="<script>", definition="![a](http://x/i.png)")
    card = term_card(term)
    assert "<script>" not in card and "&lt;b&gt;x&lt;/b&gt;" in card
    assert "<img" not in card and "http://x/i.png" not in card
