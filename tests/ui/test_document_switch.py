"""Opening another document while the reader is far into a long one: the marks of the
layers (search matches, glossary terms) are never drawn at the old document's places."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.ui


def _out_of_range(qtlog) -> list[str]:
    return [r.message for r in qtlog.records if "out of range" in r.message]


def test_switching_documents_far_into_a_long_one_draws_nothing_out_of_range(
        long_window, qtbot, qtlog) -> None:
    from desktop.core.importing import import_bytes

    window = long_window
    qtbot.waitUntil(lambda: window.glossary.prepared, timeout=15000)
    long_id = window.session.document_id
    talk = "甲：算力荒还会持续。\n\n乙：数据飞轮是普遍问题。\n".encode()
    short_id = import_bytes(window.session.db, talk, "短的.txt", title="短的").document_id
    window.session.library_changed()
    window.search_dock.field.setText("算力")
    window.search_dock._emit_query()
    assert window.search.hits
    last = window.session.turns[-1]
    window.navigator.go_to(long_id, last.text_start, last.text_start + 2)
    assert window.view.verticalScrollBar().value() > 0  # far down the long document

    window.navigator.open_document(short_id)
    assert window.session.document_id == short_id
    window.navigator.go_back()  # and back into the long one, then to the short one again
    window.navigator.open_document(short_id)
    qtbot.wait(50)
    assert _out_of_range(qtlog) == []


def test_f3_through_every_document_draws_nothing_out_of_range(long_window, qtbot,
                                                               qtlog) -> None:
    from desktop.core.importing import import_bytes

    window = long_window
    long_id = window.session.document_id
    talk = "甲：算力荒还会持续。\n\n乙：这是普遍问题。\n".encode()
    short_id = import_bytes(window.session.db, talk, "短的.txt", title="短的").document_id
    window.session.library_changed()
    window.search_dock.whole_study.setChecked(True)
    window.search_dock.field.setText("算力荒")  # six questions of the long one, one short
    window.search_dock._emit_query()
    hits = window.search.hits
    far = max((row for row, hit in enumerate(hits) if hit.document_id == long_id),
              key=lambda row: hits[row].matches[0][0])
    short = next(row for row, hit in enumerate(hits) if hit.document_id == short_id)
    window.search.jump_to_hit(far)
    assert window.view.verticalScrollBar().value() > 0  # far down the long document
    window.search.jump_to_hit(short)
    assert window.session.document_id == short_id
    for _ in range(2 * len(hits)):  # F3 on, through both documents, twice round
        window.search.step_hit(1)
    qtbot.wait(50)
    assert _out_of_range(qtlog) == []
