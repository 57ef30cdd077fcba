"""The glossary in the window: marks, the hover card, the toggle key, adding terms."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from desktop.core import glossary
from desktop.core.textnorm import fold
from desktop.ui.actions import ActionId
from desktop.ui.markdown_note import plain_text


def _ready(window, qtbot):
    qtbot.waitUntil(lambda: window.glossary.prepared, timeout=15000)
    return window.glossary


def _document_text(window) -> str:
    return window.session.db.execute("SELECT text FROM documents WHERE id = ?",
                             [window.session.document_id]).fetchone()[0]


def _cursor_inside(window, offset: int):
    """A text cursor one character into document offset `offset`, scrolled to the top."""
    window.view.scroll_to_offset(offset, top=True)
    cursor = window.view.textCursor()
    cursor.setPosition(window.view.offsets.doc_to_qt(offset + 1))
    return cursor


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

    term = glossary.get_term(window.session.db, match.term_id)
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


def test_add_term_from_selection_and_undo(window, qtbot) -> None:
    controller = _ready(window, qtbot)
    text = _document_text(window)
    word = "外部关系"
    start = text.find(word)
    if start < 0:  # any two unmarked characters of the document will do
        start = next(i for i in range(len(text) - 2)
                     if text[i:i + 2].strip() and controller.layer.match_at(i) is None
                     and controller.layer.match_at(i + 1) is None
                     and glossary.find_term(window.session.db, text[i:i + 2]) is None
                     and text[i:i + 2].isalpha())
        word = text[start:start + 2]
    assert glossary.find_term(window.session.db, word) is None
    window.view.scroll_to_offset(start, select_to=start + len(word))

    dialog = window.glossary_terms.open_add_term()
    assert dialog is not None
    assert dialog.field("term").text() == word
    assert word in dialog.field("notes").toPlainText()  # the example sentence
    dialog.field("english").setText("outside relations")
    dialog.accept()

    added = glossary.find_term(window.session.db, word)
    assert added is not None and added.english == "outside relations"
    assert controller.layer.match_at(start) is not None
    assert window.glossary_dock.has_term(added.id)

    window.actions[ActionId.UNDO].trigger()
    assert glossary.find_term(window.session.db, word) is None
    assert controller.layer.match_at(start) is None
    assert not window.glossary_dock.has_term(added.id)


def test_dock_shows_occurrences_by_speaker_and_jumps_to_one(window, qtbot) -> None:
    _ready(window, qtbot)
    dock = window.glossary_dock
    term = glossary.find_term(window.session.db, "算力荒")
    dock.filter.setText("算力")
    shown = [dock.list.item(r).data(0x0100) for r in range(dock.list.count())]
    assert term.id in shown and len(shown) < len(dock.terms)
    dock.select_term(term.id)
    assert "算力荒" in dock.card.toPlainText()

    counts = glossary.find_occurrences(window.session.db, term).counts_by_speaker()
    tree = dock.occurrences
    labels = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert len(labels) == len(counts)
    for name, count in counts.items():
        if name:
            assert any(label.endswith(f"{name} ({count})") for label in labels)

    child = tree.topLevelItem(0).child(0)
    document_id, start, end = child.data(0, 0x0100)
    tree.itemActivated.emit(child, 0)
    assert window.session.document_id == document_id
    assert window.view.selected_range() == (start, end)
    assert _document_text(window)[start:end] == "算力荒"


def test_remove_term_and_undo(window, qtbot) -> None:
    controller = _ready(window, qtbot)
    term = glossary.find_term(window.session.db, "算力荒")
    offset = _document_text(window).index("算力荒")
    window.glossary_dock.select_term(term.id)
    window.actions[ActionId.REMOVE_TERM].trigger()
    assert glossary.get_term(window.session.db, term.id) is None
    left = controller.layer.match_at(offset)  # a shorter term (算力) may still match
    assert left is None or left.term_id != term.id
    assert not window.glossary_dock.has_term(term.id)
    window.actions[ActionId.UNDO].trigger()
    assert glossary.get_term(window.session.db, term.id) == term
    assert controller.layer.match_at(offset).term_id == term.id


def test_suggestions_accept_and_dismiss_with_one_key(window, qtbot) -> None:
    _ready(window, qtbot)
    dock = window.glossary_dock
    window.actions[ActionId.SUGGEST_TERMS].trigger()
    qtbot.waitUntil(lambda: dock.suggestion_list.count() > 2, timeout=20000)
    assert dock.tabs.currentIndex() == 1
    found = [s.candidate for s in dock.suggestions]

    def listed() -> list[str]:
        return [s.candidate for s in dock.suggestions]

    first = dock.current_suggestion()
    assert glossary.find_term(window.session.db, first.candidate) is None
    assert f"×{first.count}" in dock.suggestion_list.currentItem().text()

    window.actions[ActionId.ACCEPT_SUGGESTION].trigger()  # Y
    added = glossary.find_term(window.session.db, first.candidate)
    assert added is not None and window.glossary_dock.has_term(added.id)
    assert listed() == found[1:]
    second = dock.current_suggestion()
    assert second.candidate == found[1]

    window.actions[ActionId.DISMISS_SUGGESTION].trigger()  # X
    assert fold(second.candidate) in glossary.dismissed(window.session.db)
    assert listed() == found[2:] and dock.current_suggestion().candidate == found[2]

    window.actions[ActionId.UNDO].trigger()  # the dismissal: suggested again, in its place
    assert listed() == found[1:]
    window.actions[ActionId.UNDO].trigger()  # the added term: suggested again too
    assert glossary.find_term(window.session.db, first.candidate) is None
    assert listed() == found
    window.actions[ActionId.REDO].trigger()  # a term again: no longer suggested
    assert listed() == found[1:]


def test_key_opens_the_entry_of_the_term_at_the_cursor(window, qtbot) -> None:
    _ready(window, qtbot)
    text = _document_text(window)
    cursor = _cursor_inside(window, text.index("数据飞轮"))
    window.view.setTextCursor(cursor)

    window.actions[ActionId.OPEN_TERM].trigger()
    chosen = window.glossary_dock.current_term()
    assert chosen is not None and "数据飞轮" in (chosen.term, *chosen.aliases)

    cursor.setPosition(window.view.offsets.doc_to_qt(text.index("以下是")))
    window.view.setTextCursor(cursor)
    assert not window.glossary_terms.open_term_at_cursor()
    assert window.glossary_dock.current_term() == chosen  # nothing else chosen


def test_editing_and_resetting_a_term_from_the_panel_are_undoable(window, qtbot) -> None:
    _ready(window, qtbot)
    term = glossary.find_term(window.session.db, "算力荒")
    assert term is not None and term.builtin_key
    window.glossary_dock.select_term(term.id)

    window.actions[ActionId.EDIT_TERM].trigger()
    dialog = window.glossary_terms.dialog
    dialog.field("definition").setPlainText("我自己的释义")
    dialog.accept()
    assert glossary.get_term(window.session.db, term.id).definition == "我自己的释义"
    assert window.session.history.undo_text == "Edit term"

    window.actions[ActionId.RESET_TERM].trigger()
    assert glossary.get_term(window.session.db, term.id).definition == term.definition
    window.session.history.undo()
    assert glossary.get_term(window.session.db, term.id).definition == "我自己的释义"
    window.session.history.undo()
    assert glossary.get_term(window.session.db, term.id).definition == term.definition


def test_a_term_changed_in_another_window_meanwhile_is_kept_and_mine_stays_typed(
        window, qtbot, dialogs) -> None:
    from db import open_study
    from desktop.core.commands import History

    _ready(window, qtbot)
    term = glossary.find_term(window.session.db, "算力荒")
    window.glossary_dock.select_term(term.id)
    window.actions[ActionId.EDIT_TERM].trigger()
    dialog = window.glossary_terms.dialog
    other = open_study(window.session.study_path)
    History(other).run(glossary.EditTerm.of(glossary.get_term(other, term.id),
                                            definition="另一个窗口的释义"))
    other.close()

    dialog.field("definition").setPlainText("我自己的释义")
    dialog.accept()
    assert glossary.get_term(window.session.db, term.id).definition == "另一个窗口的释义"
    assert dialog.isVisible() and dialog.field("definition").toPlainText() == "我自己的释义"
    assert dialog.error.isVisible()
    dialog.accept()  # saving again replaces the other version, knowingly
    assert glossary.get_term(window.session.db, term.id).definition == "我自己的释义"
    assert not dialog.isVisible()


def test_a_click_on_a_marked_term_shows_its_entry_in_the_open_panel(window, qtbot) -> None:
    from PySide6.QtCore import Qt

    _ready(window, qtbot)
    text = _document_text(window)
    cursor = _cursor_inside(window, text.index("数据飞轮"))
    point = window.view.cursorRect(cursor).center()
    window.glossary_dock.show()
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    chosen = window.glossary_dock.current_term()
    assert chosen is not None and "数据飞轮" in (chosen.term, *chosen.aliases)
    assert window.view.hasFocus() or not window.glossary_dock.filter.hasFocus()

    plain = text.index("以下是")
    cursor.setPosition(window.view.offsets.doc_to_qt(plain + 1))
    window.view.scroll_to_offset(plain, top=True)
    point = window.view.cursorRect(cursor).center()
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.glossary_dock.current_term() == chosen  # plain text chooses nothing


def test_the_panel_follows_a_language_switch_and_new_documents(window, qtbot, tmp_path) -> None:
    from PySide6.QtCore import QCoreApplication

    _ready(window, qtbot)
    dock = window.glossary_dock
    term = glossary.find_term(window.session.db, "数据飞轮")
    dock.select_term(term.id)
    before = dock.occurrences.topLevelItemCount()
    assert before >= 1
    window.set_language("zh_CN")  # the switch reaches widgets as a posted event
    try:
        chinese = QCoreApplication.translate("GlossaryDock", "Glossary")
        assert chinese != "Glossary"
        qtbot.waitUntil(lambda: dock.windowTitle() == chinese, timeout=5000)
    finally:
        window.set_language("en")
    qtbot.waitUntil(lambda: dock.windowTitle() == "Glossary", timeout=5000)
    # A second document that also speaks of 数据飞轮: its occurrences join the list.
    other = tmp_path / "second.txt"
    other.write_text("甲：我们也在做数据飞轮。\n乙：数据飞轮很重要。\n", encoding="utf-8")
    window.importer.import_paths([other])
    qtbot.waitUntil(lambda: len(window.documents_dock.document_ids()) == 2, timeout=15000)
    qtbot.waitUntil(lambda: any("second" in dock.occurrences.topLevelItem(i).text(0)
                                for i in range(dock.occurrences.topLevelItemCount())),
                    timeout=15000)


def test_pinyin_made_from_the_term_follows_the_term_and_typed_pinyin_stays(window, qtbot) -> None:
    from desktop.ui.docks.glossary_term_dialog import TermDialog

    _ready(window, qtbot)
    made = TermDialog(window, {"term": "算力荒", "pinyin": glossary.make_pinyin("算力荒")},
                      lambda _values: True)
    made.show()
    made.field("term").end(False)
    qtbot.keyClick(made.field("term"), Qt.Key.Key_Backspace)  # 算力荒 -> 算力
    assert made.field("term").text() == "算力"
    assert made.field("pinyin").text() == glossary.make_pinyin("算力")
    typed = TermDialog(window, {"term": "数据飞轮", "pinyin": "shù jù fēi lún (my reading)"},
                       lambda _values: True)
    typed.show()
    typed.field("term").end(False)
    qtbot.keyClicks(typed.field("term"), "x")  # QTest types Latin keys only
    assert typed.field("pinyin").text() == "shù jù fēi lún (my reading)"


def test_aliases_typed_with_commas_are_each_an_alias_and_each_marked(window, qtbot) -> None:
    # The field's label asks for comma-separated aliases; full-width commas count too.
    controller = _ready(window, qtbot)
    text = _document_text(window)
    dock = window.glossary_dock
    term = glossary.find_term(window.session.db, "算力荒")
    dock.select_term(term.id)
    dialog = window.glossary_terms.open_edit_term()
    dialog.field("aliases").setText("企业应用, 行业场景，服务经验")
    dialog.accept()

    edited = glossary.get_term(window.session.db, term.id)
    assert edited.aliases == ("企业应用", "行业场景", "服务经验")
    for alias in edited.aliases:
        # Somewhere the alias is not inside a longer term: there it is marked as this term.
        starts = [m.start() for m in re.finditer(alias, text)]
        marks = [controller.layer.match_at(start) for start in starts]
        assert any(m is not None and m.term_id == term.id for m in marks), alias
    window.actions[ActionId.UNDO].trigger()
    assert glossary.get_term(window.session.db, term.id).aliases == term.aliases


def test_a_new_suggestion_run_clears_the_last_list(window, qtbot) -> None:
    _ready(window, qtbot)
    dock = window.glossary_dock
    old = glossary.Suggestion("旧候选", 3, 1.0, ("tfidf",), "旧候选在这里。", None, None)
    dock.set_suggestions([old])
    assert dock.suggestion_list.count() == 1
    window.glossary_terms.find_suggestions()
    assert dock.suggestion_list.count() == 0 and dock.current_suggestion() is None
    qtbot.waitUntil(lambda: not window.glossary_terms.suggesting, timeout=30000)
    assert "旧候选" not in [s.candidate for s in dock.suggestions]


def test_adding_a_word_that_is_already_a_term_opens_that_term(window, qtbot) -> None:
    _ready(window, qtbot)
    text = _document_text(window)
    start = text.index("算力荒")
    window.view.scroll_to_offset(start, select_to=start + 3)
    terms_before = len(glossary.list_terms(window.session.db))
    dialog = window.glossary_terms.open_add_term()
    term = glossary.find_term(window.session.db, "算力荒")
    assert dialog is not None and dialog.field("term").text() == "算力荒"
    assert window.glossary_dock.current_term().id == term.id
    assert "already in the glossary" in window.statusBar().currentMessage()
    dialog.field("english").setText("compute famine")
    dialog.accept()
    assert glossary.get_term(window.session.db, term.id).english == "compute famine"
    assert len(glossary.list_terms(window.session.db)) == terms_before


def test_occurrences_list_the_open_document_first(window, qtbot) -> None:
    from desktop.core.importing import import_bytes

    _ready(window, qtbot)
    talk = "甲：算力荒还会持续。\n\n乙：算力荒是普遍问题。\n".encode()
    other = import_bytes(window.session.db, talk, "其他座谈.txt", title="其他座谈").document_id
    dock = window.glossary_dock
    term = glossary.find_term(window.session.db, "算力荒")
    for document_id, title in ((other, "其他座谈"), (window.session.document_id, None)):
        window.session.open_document(document_id)
        dock.select_term(term.id)
        dock.show_current()
        first = dock.occurrences.topLevelItem(0).text(0)
        if title:
            assert first.startswith(f"{title} · ")
        else:
            assert not first.startswith("其他座谈")


def test_the_panes_of_the_glossary_panel_say_what_they_are_when_empty(window) -> None:
    dock = window.glossary_dock
    assert dock.card.toPlainText() == "" or dock.current_term() is not None
    assert dock.card.placeholderText() == "Choose a term to see its entry."
    assert not dock.occurrences.isHeaderHidden()
    assert dock.occurrences.headerItem().text(0) == "Where it occurs, by speaker"
