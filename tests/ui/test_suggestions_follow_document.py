"""Suggested terms belong to the document they were found in: opening another one clears
them, and a run finishing after the switch does not list the old document's."""

from __future__ import annotations

import pytest

from desktop.core import glossary

pytestmark = pytest.mark.ui


def _other_document(window) -> int:
    from desktop.core.importing import import_bytes

    talk = "甲：数据飞轮转起来了。\n\n乙：算力荒还在。\n".encode()
    return import_bytes(window.session.db, talk, "另一场.txt", title="另一场").document_id


def test_opening_another_document_clears_the_suggestions(window, qtbot) -> None:
    qtbot.waitUntil(lambda: window.glossary.prepared, timeout=15000)
    dock = window.glossary_dock
    found = glossary.Suggestion("旧候选", 3, 1.0, ("tfidf",), "旧候选在这里。",
                                window.session.document_id, 0)
    dock.set_suggestions([found])
    assert dock.suggestion_list.count() == 1
    window.session.open_document(_other_document(window))
    assert dock.suggestion_list.count() == 0 and dock.suggestions == []


def test_a_run_that_ends_after_a_switch_lists_nothing(window, qtbot) -> None:
    qtbot.waitUntil(lambda: window.glossary.prepared, timeout=15000)
    other = _other_document(window)
    terms = window.glossary_terms
    terms.find_suggestions()  # on a worker: it ends after the switch below
    window.session.open_document(other)  # while the run is still going
    qtbot.waitUntil(lambda: not terms.suggesting, timeout=30000)
    assert window.glossary_dock.suggestion_list.count() == 0
