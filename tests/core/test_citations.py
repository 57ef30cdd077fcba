"""Citations: a passage's page, printed line, time and turn, as a reader writes them."""

from __future__ import annotations

import csv
import io
import json

import pytest

from desktop.core import library
from desktop.core.citations import Citation, SourceMarks, clock
from desktop.core.errors import YanduError
from desktop.core.export import ExportOptions, render_markdown
from desktop.core.export.quotes_csv import COLUMNS, rows
from desktop.core.export.webannotation import YANDU_CITATION, build_collection
from tests.core.export_fixture import EXPORTED_AT, build_study


@pytest.mark.parametrize(("citation", "en", "zh"), [
    (Citation(turn_number=7), "turn 7", "第 7 次发言"),
    (Citation(turn_number=7, page="12"), "p. 12", "第 12 页"),
    (Citation(turn_number=7, page="23", line=4, line_end=9), "p. 23, l. 4–9", "第 23 页第 4–9 行"),
    (Citation(page="23", page_end="24", line=20, line_end=3), "pp. 23:20–24:3",
     "第 23 页第 20 行至第 24 页第 3 行"),
    (Citation(page="23", page_end="24"), "pp. 23–24", "第 23 页至第 24 页"),
    (Citation(turn_number=3, start_ms=754_000), "[12:34]", "[12:34]"),
    (Citation(page="5", start_ms=3_723_000), "p. 5, [1:02:03]", "第 5 页，[1:02:03]"),
    (Citation(), "", ""),
])
def test_a_citation_reads_as_a_reader_writes_it(citation, en, zh):
    assert citation.text("en") == en
    assert citation.text("zh") == zh


def test_an_unknown_language_is_a_one_line_error():
    with pytest.raises(YanduError, match="^Unknown export language 'fr'"):
        Citation(turn_number=1).text("fr")


def test_clock_has_hours_only_past_the_hour():
    assert clock(0) == "00:00"
    assert clock(59_999) == "00:59"
    assert clock(3_600_000) == "1:00:00"


def test_marks_cite_the_last_page_line_and_time_at_or_before_the_passage():
    # A court page: page 3 starts at 0, lines 1..3 at 0, 10, 20; page 4 at 30, line 1.
    marks = SourceMarks([(0, "3", None, None), (0, "", 1, None), (10, "", 2, None),
                         (20, "", 3, None), (30, "4", None, None), (30, "", 1, None)])
    assert marks.cite(12, 25) == Citation(page="3", line=2, line_end=3)
    assert marks.cite(12, 15) == Citation(page="3", line=2)
    assert marks.cite(25, 35) == Citation(page="3", page_end="4", line=3, line_end=1)
    # The last character decides the end: a passage ending just before line 3 is on line 2.
    assert marks.cite(10, 20) == Citation(page="3", line=2)


def test_without_marks_a_turn_gives_its_number_and_its_own_times(memory_db):
    build_study(memory_db)
    doc_id = library.list_documents(memory_db)[0].id
    turn = library.turns(memory_db, doc_id)[2]
    marks = SourceMarks.load(memory_db, doc_id)
    assert not marks
    assert marks.cite(turn.text_start, turn.text_end, turn) == Citation(turn_number=3)


def _mark(db, doc_id: int, at: int, page: str = "", line: int | None = None,
          time_ms: int | None = None) -> None:
    db.execute("INSERT INTO source_marks (document_id, at, page, line, time_ms) "
               "VALUES (?, ?, ?, ?, ?)", [doc_id, at, page, line, time_ms])


@pytest.fixture
def paged_study(memory_db):
    """The export study, as if its record had pages: page 12 from the start, page 13 from
    the fourth turn (张家俊's first answer), and a time mark in the sixth turn."""
    build_study(memory_db)
    doc_id = library.list_documents(memory_db)[0].id
    turns = library.turns(memory_db, doc_id)
    _mark(memory_db, doc_id, 0, page="12")
    _mark(memory_db, doc_id, turns[3].start, page="13")
    _mark(memory_db, doc_id, turns[5].text_start, time_ms=754_000)
    return memory_db


def test_every_export_carries_the_citation(paged_study):
    options = ExportOptions(exported_at=EXPORTED_AT, with_glossary=False)
    markdown = render_markdown(paged_study, options)
    assert "> — p. 12\n" in markdown  # 陈虞君's quote, turn 3, on page 12
    assert "> — p. 13\n" in markdown  # 张家俊's, turn 4
    assert "> — p. 13, \\[12:34\\]\n" in markdown  # the sixth turn is timed; [ is escaped
    chinese = render_markdown(paged_study, ExportOptions(exported_at=EXPORTED_AT,
                                                         with_glossary=False, language="zh"))
    assert "> — 第 12 页\n" in chinese

    table = rows(paged_study, options)
    by_column = [dict(zip(COLUMNS, row, strict=True)) for row in table]
    assert [(r["turn"], r["page"], r["time"], r["citation"]) for r in by_column] == [
        (3, "12", "", "p. 12"), (4, "13", "", "p. 13"), (5, "13", "", "p. 13"),
        (6, "13", "12:34", "p. 13, [12:34]")]

    collection = build_collection(paged_study, options)
    cited = [item[YANDU_CITATION] for item in collection["first"]["items"]]
    assert cited[0] == {"turn_number": 3, "page": "12"}
    assert cited[3] == {"turn_number": 6, "page": "13", "start_ms": 754_000,
                        "time_kind": "cue"}
    json.dumps(collection)  # still JSON


def test_the_quote_list_has_the_citation_columns_at_the_end():
    assert COLUMNS[-7:] == ("turn", "page", "line", "time", "citation", "time_end",
                            "time_kind")
    buffer = io.StringIO()
    csv.writer(buffer).writerow(COLUMNS)
    assert buffer.getvalue().startswith("document,section,speaker,quote")
