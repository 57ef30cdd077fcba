"""Speaker edits from the window (undoable), search with jumps, back and forward."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.ui.actions import ActionId

pytestmark = pytest.mark.ui


def test_rename_and_merge_speakers_with_undo(window, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    window.speakers_dock.tree.setCurrentItem(window.speakers_dock.tree.topLevelItem(1))
    window.speakers_dock.tree.setFocus()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("陈虞君博士", True))
    window.actions[ActionId.RENAME_SPEAKER].trigger()
    assert [s.name for s in window.session.speakers][1] == "陈虞君博士"
    assert "陈虞君博士" in window.view.toPlainText()
    assert window.speakers_dock.tree.topLevelItem(1).text(1) == "陈虞君博士"
    assert window.actions[ActionId.UNDO].text() == "&Undo Rename speaker"

    # Merge 吴韶华 into 张家俊: chosen by the cursor in one of 吴韶华's turns.
    wu = window.session.speakers[3]
    wu_turn = next(i for i, t in enumerate(window.session.turns) if t.speaker_id == wu.id)
    window.view.setFocus()
    window.view.scroll_to_offset(window.session.turns[wu_turn].text_start + 1)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("张家俊", True))
    window.actions[ActionId.MERGE_SPEAKER].trigger()
    assert [s.name for s in window.session.speakers] == ["杨静", "陈虞君博士", "张家俊"]
    assert window.session.speakers[2].turn_count == 10
    assert window.actions[ActionId.UNDO].text() == "&Undo Merge speakers"

    window.actions[ActionId.UNDO].trigger()
    assert [s.name for s in window.session.speakers] == ["杨静", "陈虞君博士", "张家俊", "吴韶华"]
    window.actions[ActionId.UNDO].trigger()
    assert [s.name for s in window.session.speakers][1] == "陈虞君"
    window.actions[ActionId.REDO].trigger()
    assert [s.name for s in window.session.speakers][1] == "陈虞君博士"


def test_rename_to_an_existing_name_is_one_line_and_changes_nothing(window, monkeypatch,
                                                                    dialogs) -> None:
    from PySide6.QtWidgets import QInputDialog

    window.speakers_dock.tree.setCurrentItem(window.speakers_dock.tree.topLevelItem(1))
    window.speakers_dock.tree.setFocus()
    # The name is refused; the dialog comes back with what was typed, and is cancelled.
    answers = iter([("张家俊", True), ("张家俊", False)])
    offered = []

    def ask(parent, title, label, echo, text):
        offered.append(text)
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getText", ask)
    window.actions[ActionId.RENAME_SPEAKER].trigger()
    assert dialogs and "\n" not in dialogs[0][1] and "merge" in dialogs[0][1]
    assert offered == ["陈虞君", "张家俊"]
    assert [s.name for s in window.session.speakers][1] == "陈虞君"
    assert not window.actions[ActionId.UNDO].isEnabled()


def test_role_colour_and_moderator(window, monkeypatch) -> None:
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QColorDialog, QInputDialog

    window.speakers_dock.tree.setCurrentItem(window.speakers_dock.tree.topLevelItem(2))
    window.speakers_dock.tree.setFocus()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("研究员", True))
    window.actions[ActionId.SPEAKER_ROLE].trigger()
    assert window.session.speakers[2].role == "研究员"
    assert window.speakers_dock.tree.topLevelItem(2).text(2) == "研究员"
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#123456"))
    window.actions[ActionId.SPEAKER_COLOUR].trigger()
    assert window.session.speakers[2].colour == "#123456"
    window.actions[ActionId.SPEAKER_MODERATOR].trigger()
    assert window.session.speakers[2].is_moderator
    window.actions[ActionId.UNDO].trigger()
    assert not window.session.speakers[2].is_moderator


def test_search_jumps_to_the_match_and_back_returns(window, qtbot) -> None:
    window.actions[ActionId.FIND].trigger()
    field = window.search_dock.field
    assert field.hasFocus() or window.search_dock.isVisible()
    field.setText("算力荒")
    window.search_dock._emit_query()
    assert window.search.hits
    assert window.search_dock.results.count() == len(window.search.hits)
    assert "【算力荒】" in window.search_dock.results.item(0).text()
    before = window.navigator.here()
    window.search_dock.results.setFocus()
    window.search_dock.results.setCurrentRow(0)
    qtbot.keyClick(window.search_dock.results, Qt.Key.Key_Return)
    start, end = window.search.hits[0].matches[0]
    assert window.view.selected_range() == (start, end)
    assert window.view.textCursor().selectedText() == "算力荒"
    window.actions[ActionId.BACK].trigger()
    assert window.navigator.here() == before
    window.actions[ActionId.FORWARD].trigger()
    assert window.view.cursor_offset() == start


def test_search_reveals_a_hidden_speaker_and_says_so(window, qtbot) -> None:
    window.search_dock.field.setText("算力荒")
    window.search_dock._emit_query()
    hit = window.search.hits[0]
    speaker = next(s for s in window.session.speakers if s.name == hit.speaker)
    window.speaker_filter.set_filter({speaker.id}, True)
    window.search.jump_to_hit(0)
    assert speaker.id not in window.view.hidden_speakers
    assert window.view.textCursor().selectedText() == "算力荒"
    qtbot.waitUntil(lambda: window.statusBar().currentMessage()
                    == f"{speaker.name} is shown again, to reach this place.")


def test_next_and_previous_annotation(window) -> None:
    from desktop.core.annotations import CreateAnnotation, new_annotation

    spots = [window.session.turns[i].text_start + 1 for i in (3, 9, 15)]
    for start in spots:
        window.session.run(CreateAnnotation(new_annotation(
            window.session.db, window.session.document_id, start, start + 4)))
    window.view.scroll_to_turn(0)
    for expected in spots:
        window.actions[ActionId.NEXT_ANNOTATION].trigger()
        assert window.view.selected_range() == (expected, expected + 4)
    window.actions[ActionId.PREVIOUS_ANNOTATION].trigger()
    assert window.view.selected_range() == (spots[1], spots[1] + 4)


def test_search_matches_are_marked_in_the_transcript(window) -> None:
    window.search_dock.field.setText("算力荒")
    window.search_dock._emit_query()
    marked = window.search_layer.selections(window.view)
    expected = sum(len(h.matches) for h in window.search.hits if h.kind == "turn")
    assert expected and len(marked) == expected
    assert all(s.cursor.selectedText() == "算力荒" for s in marked)
    window.search_dock.field.clear()
    window.search_dock._emit_query()
    assert window.search_layer.selections(window.view) == []


def test_the_open_document_in_reading_order_the_whole_study_best_first(window) -> None:
    from desktop.core.search import search

    window.search_dock.field.setText("算力")
    window.search_dock._emit_query()
    starts = [hit.matches[0][0] for hit in window.search.hits]
    assert len(starts) > 3 and starts == sorted(starts)  # F3 walks the text
    window.search_dock.whole_study.setChecked(True)
    window.search_dock._emit_query()
    best = search(window.session.db, "算力", limit=200, order="relevance")
    assert [h.turn_id for h in window.search.hits] == [h.turn_id for h in best]
    assert [h.turn_id for h in window.search.hits] != sorted(h.turn_id for h in window.search.hits)


def test_a_full_page_of_hits_says_how_many_there_are_in_all(window, monkeypatch,
                                                            qtbot) -> None:
    from desktop.core.search import search
    from desktop.core.search_counts import tally
    from desktop.ui.controllers import search as search_controller

    monkeypatch.setattr(search_controller, "SEARCH_PAGE", 3)
    window.search_dock.field.setText("算力")
    window.search_dock._emit_query()
    total = tally(window.session.db, "算力", document_id=window.session.document_id, matches=False).hits
    assert len(window.search.hits) == 3 < total
    matches = sum(len(h.matches) for h in search(window.session.db, "算力", limit=1000,
                                                 document_id=window.session.document_id))
    qtbot.waitUntil(lambda: window.search_dock.status.text() == (
        f"{total} turns, {matches} matches — first 3 shown"))
    window.search_dock.field.setText("幻觉")
    window.search_dock._emit_query()
    assert len(window.search.hits) < 3
    matches = sum(len(h.matches) for h in window.search.hits)
    assert window.search_dock.status.text() == f"{len(window.search.hits)} turns, {matches} matches"


def test_an_index_left_stale_by_an_upgrade_is_refilled_in_the_background(
        make_window, sample_study, qtbot) -> None:
    from db import open_study
    from desktop.core import search_index

    db = open_study(sample_study)
    db.execute("INSERT INTO turn_chars (turn_chars) VALUES ('delete-all')")  # what a schema step that re-indexes leaves
    db.execute("INSERT INTO study_meta (key, value) VALUES (?, '1')", [search_index.STALE_KEY])
    db.close()
    window = make_window(sample_study)
    qtbot.waitUntil(lambda: not window.search.refilling_index, timeout=20000)
    assert not search_index.is_stale(window.session.db)
    window.search.run_search("算力", False)
    assert window.search.hits  # found through the refilled index
    # While a refill runs, a search says so instead of waiting for it.
    window.search.refilling_index = True
    window.search.run_search("算力", False)
    assert "up to date" in window.search_dock.status.text()
    window.search.refilling_index = False


def test_a_search_of_the_document_follows_the_reader_to_another_one(window) -> None:
    from desktop.core.importing import import_bytes

    first = window.session.document_id
    window.search_dock.field.setText("算力")
    window.search_dock._emit_query()
    assert window.search.hits and window.search_layer.ranges
    talk = "甲：算力不够。\n\n乙：没有算力，就没有大模型。\n".encode()
    other = import_bytes(window.session.db, talk, "other.txt").document_id
    window.session.open_document(other)
    # The hits, their underlines and F3 are this document's, not the old one's.
    text = window.session.db.execute("SELECT text FROM documents WHERE id = ?", [other]).fetchone()[0]
    assert len(window.search.hits) == 2 and {h.document_id for h in window.search.hits} == {other}
    assert [text[s:e] for s, e in window.search_layer.ranges] == ["算力", "算力"]
    window.actions[ActionId.FIND_NEXT].trigger()
    assert window.session.document_id == other
    assert window.view.selected_range() == window.search_layer.ranges[0]
    # A search of the whole study keeps its hits; the open document's are underlined.
    window.search_dock.whole_study.setChecked(True)
    window.search_dock._emit_query()
    hits = list(window.search.hits)
    window.session.open_document(first)
    assert window.search.hits == hits
    assert window.search_layer.ranges == [m for h in hits if h.document_id == first
                                          for m in h.matches][:len(window.search_layer.ranges)]
    assert window.search_layer.ranges


def test_search_results_follow_a_renamed_speaker(window, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    window.search_dock.field.setText("算力荒")
    window.search_dock._emit_query()
    labels = [window.search_dock.results.item(i).text()
              for i in range(window.search_dock.results.count())]
    assert any("陈虞君" in label for label in labels)
    window.speakers_dock.tree.setCurrentItem(window.speakers_dock.tree.topLevelItem(1))
    window.speakers_dock.tree.setFocus()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("陈虞君博士", True))
    window.actions[ActionId.RENAME_SPEAKER].trigger()
    labels = [window.search_dock.results.item(i).text()
              for i in range(window.search_dock.results.count())]
    assert any("陈虞君博士" in label for label in labels)
    assert not any("陈虞君" in label and "陈虞君博士" not in label for label in labels)


def test_merge_offers_a_panellist_not_the_moderator_and_says_what_it_did(window,
                                                                         monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    asked = {}

    def choose(parent, title, label, items, current, editable):
        asked["default"] = items[current]
        return items[current], True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    wu = next(i for i, s in enumerate(window.session.speakers) if s.name == "吴韶华")
    window.speakers_dock.tree.setCurrentItem(window.speakers_dock.tree.topLevelItem(wu))
    window.speakers_dock.tree.setFocus()
    window.actions[ActionId.MERGE_SPEAKER].trigger()
    moderators = {s.name for s in window.session.speakers if s.is_moderator}
    assert asked["default"] == "陈虞君" and asked["default"] not in moderators
    assert window.statusBar().currentMessage() == (
        "The turns of 吴韶华 are now 陈虞君's; Undo gives them back.")
    window.actions[ActionId.UNDO].trigger()

    zhang = next(i for i, s in enumerate(window.session.speakers) if s.name == "张家俊")
    window.speakers_dock.tree.setCurrentItem(window.speakers_dock.tree.topLevelItem(zhang))
    window.speakers_dock.tree.setFocus()
    window.actions[ActionId.SPEAKER_NARRATION].trigger()
    assert "张家俊" not in [s.name for s in window.session.speakers]
    assert window.statusBar().currentMessage() == (
        "The turns of 张家俊 are narration now; Undo brings the speaker back.")


def test_number_keys_name_the_speakers_they_show_or_hide(window) -> None:
    toggle = [window.actions[ActionId(f"speaker.toggle_{n}")] for n in range(1, 10)]
    solo = [window.actions[ActionId(f"speaker.solo_{n}")] for n in range(1, 10)]
    names = [s.name for s in window.session.speakers]
    assert len(names) == 4
    assert [a.text() for a in toggle[:4]] == [f"Show or hide speaker {n}: {name}"
                                              for n, name in enumerate(names, 1)]
    assert solo[1].text() == f"Show only speaker 2: {names[1]}"
    assert all(a.isVisible() for a in toggle[:4] + solo[:4])
    assert not any(a.isVisible() for a in toggle[4:] + solo[4:])
    solo[1].trigger()
    assert window.view.hidden_speakers == {s.id for s in window.session.speakers if s.name != names[1]}


def test_a_speaker_name_with_a_placeholder_in_it_is_shown_as_typed(window,
                                                                   monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    window.speakers_dock.tree.setCurrentItem(window.speakers_dock.tree.topLevelItem(1))
    window.speakers_dock.tree.setFocus()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Agent %1", True))
    window.actions[ActionId.RENAME_SPEAKER].trigger()
    assert window.actions[ActionId("speaker.toggle_2")].text() == (
        "Show or hide speaker 2: Agent %1")
