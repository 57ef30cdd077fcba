"""Term lists from the Glossary menu: import (one undoable step) and export."""

from __future__ import annotations

import csv

import pytest

from desktop.core import glossary
from desktop.ui.actions import ActionId

pytestmark = pytest.mark.ui


def _ready(window, qtbot):
    qtbot.waitUntil(lambda: window.glossary.prepared, timeout=15000)


def test_export_writes_every_term_where_the_user_chose(window, qtbot, tmp_path,
                                                        monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    _ready(window, qtbot)
    target = tmp_path / "术语.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.actions[ActionId.EXPORT_TERMS].trigger()
    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    terms = glossary.list_terms(window.session.db)
    assert rows[0][0] == "term" and len(rows) == len(terms) + 1
    assert "算力荒" in {row[0] for row in rows[1:]}
    assert window.statusBar().currentMessage() == f"Wrote {len(terms)} terms to {target}"


def test_import_adds_and_merges_as_one_step_that_undo_takes_back(window, qtbot, tmp_path,
                                                                  monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    _ready(window, qtbot)
    source = tmp_path / "list.tsv"
    source.write_text("term\taliases\tenglish\n"
                      "量子退火\t\tquantum annealing\n"
                      "算力荒\t算力饥荒\t\n", encoding="utf-8")
    before = glossary.find_term(window.session.db, "算力荒")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    window.actions[ActionId.IMPORT_TERMS].trigger()

    added = glossary.find_term(window.session.db, "量子退火")
    assert added is not None and added.english == "quantum annealing"
    assert "算力饥荒" in glossary.get_term(window.session.db, before.id).aliases
    assert window.statusBar().currentMessage() == (
        "Term list: 1 added, 1 merged into existing terms, 0 already known.")
    assert window.glossary_dock.has_term(added.id)
    assert window.actions[ActionId.UNDO].text() == "&Undo Import terms"
    window.actions[ActionId.UNDO].trigger()
    assert glossary.find_term(window.session.db, "量子退火") is None
    assert glossary.get_term(window.session.db, before.id).aliases == before.aliases


def test_a_list_without_terms_is_one_message_and_changes_nothing(window, qtbot, tmp_path,
                                                                  dialogs) -> None:
    _ready(window, qtbot)
    empty = tmp_path / "empty.csv"
    empty.write_text("\n\n", encoding="utf-8")
    count = len(glossary.list_terms(window.session.db))
    assert not window.term_lists.import_list(str(empty))
    assert dialogs == [("warning", "empty.csv has no terms to import.")]
    assert len(glossary.list_terms(window.session.db)) == count
