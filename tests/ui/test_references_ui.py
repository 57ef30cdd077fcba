"""The record's references in the window: the margin beside each turn, the annotation
list and search results say the page and line (or time) a passage has in its record."""

from __future__ import annotations

import pytest

from db import open_study
from desktop.core import library
from desktop.core.annotations import CreateAnnotation, new_annotation
from desktop.core.importing import import_file

pytestmark = pytest.mark.ui

COURT = ("CHIEF JUSTICE ROBERTS: We'll hear argument first this morning.\n\n"
         "MR. SMITH: Mr. Chief Justice, and may it please the Court.\n\n"
         "JUSTICE THOMAS: Counsel, what is the standard of review?\n\n"
         "MR. SMITH: De novo, Justice Thomas.\n")


@pytest.fixture
def court_window(make_window, tmp_path, qtbot):
    """A court record with page 3 (lines 1–3) and page 4 (line 1) marked, as a
    line-numbered record's import leaves it."""
    source = tmp_path / "argument.txt"
    source.write_text(COURT, encoding="utf-8")
    study = tmp_path / "court.sqlite"
    db = open_study(study)
    doc_id = import_file(db, source).document_id
    turns = library.turns(db, doc_id)
    rows = [(0, "3", 1), (turns[1].start, "3", 2), (turns[2].start, "3", 3),
            (turns[3].start, "4", 1)]
    with db.atomic():
        for at, page, line in rows:
            db.execute("INSERT INTO source_marks (document_id, at, page, line) "
                       "VALUES (?, ?, ?, ?)", [doc_id, at, page, line])
    db.close()
    window = make_window(study)
    qtbot.waitUntil(lambda: window.view.is_complete)
    return window


def test_the_margin_shows_page_and_line_beside_each_turn(court_window, qtbot):
    view = court_window.view
    assert view.margin.labels == ["3:1", "3:2", "3:3", "4:1"]
    width = view.margin.needed_width()
    assert width > 0
    assert view.viewportMargins().left() >= width  # room made even in a narrow window
    court_window.resize(700, 500)
    qtbot.wait(50)
    assert view.viewportMargins().left() >= width
    assert view.margin.geometry().width() == view.viewportMargins().left()
    image = view.margin.grab().toImage()
    background = image.pixelColor(0, 0)
    assert any(image.pixelColor(x, y) != background
               for x in range(image.width()) for y in range(min(image.height(), 80))), \
        "nothing painted in the margin"


def test_annotations_and_search_hits_say_where_they_are(court_window, qtbot):
    session = court_window.session
    turn = session.turns[3]
    annotation = new_annotation(session.db, session.document_id, turn.text_start,
                                turn.text_start + 7, note="standard")
    assert session.run(CreateAnnotation(annotation))
    item = court_window.annotations.dock.list.item(0)
    assert "turn 4 · p. 4, l. 1" in item.text()
    court_window.search.run_search("review", whole_study=False)
    qtbot.waitUntil(lambda: bool(court_window.search.hits))
    assert "p. 3, l. 3" in court_window.search._describe_hit(court_window.search.hits[0])


def test_a_record_without_references_has_no_margin(window):
    assert window.view.margin.labels == []
    assert window.view.margin.needed_width() == 0
