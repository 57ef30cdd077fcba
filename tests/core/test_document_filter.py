"""The documents panel's filter and sort, on the library's entries."""

from __future__ import annotations

from desktop.core import document_filter
from desktop.core.document_filter import DocumentFilter
from desktop.core.documents import Attributes
from desktop.core.library import DocumentInfo


def _doc(id_: int, title: str, imported: str = "2026-01-01T00:00:00Z", turns: int = 10,
         source: str = "") -> DocumentInfo:
    return DocumentInfo(id_, title, source or f"{id_}.txt", "utf-8", "text", imported, turns, 2)


DOCS = [
    _doc(1, "立法院 第1次會議", "2026-01-03T00:00:00Z", 300, "lyr-0001.txt"),
    _doc(2, "Earnings call Q3", "2026-01-01T00:00:00Z", 120),
    _doc(3, "医疗听证会", "2026-01-02T00:00:00Z", 120),
    _doc(4, "earnings call Q1", "2026-01-04T00:00:00Z", 40),
]
ATTRS = {
    1: Attributes(date="2023-03-01", event="院會", collection="立法院"),
    2: Attributes(date="2024-10-30", language="en", collection="Calls"),
    3: Attributes(source="https://example.org/hearing"),
    4: Attributes(date="2024-04-30", collection="Calls"),
}


def _ids(found) -> list[int]:
    return [d.id for d in found]


def test_no_filter_keeps_the_library_order():
    assert _ids(DocumentFilter(DOCS, ATTRS).shown()) == [1, 2, 3, 4]


def test_every_word_must_match_somewhere():
    f = DocumentFilter(DOCS, ATTRS)
    assert _ids(f.shown("earnings")) == [2, 4]
    assert _ids(f.shown("EARNINGS q3")) == [2]
    assert _ids(f.shown("calls 2024-04")) == [4]  # a collection and a date
    assert _ids(f.shown("example.org")) == [3]  # the source
    assert _ids(f.shown("lyr-0001")) == [1]  # the file name
    assert _ids(f.shown("earnings hearing")) == []


def test_words_are_compared_folded_as_search_folds_them():
    f = DocumentFilter(DOCS, ATTRS)
    assert _ids(f.shown("醫療")) == [3]  # traditional finds simplified
    assert _ids(f.shown("会议")) == [1]  # and simplified finds traditional
    assert _ids(f.shown("ＥＡＲＮＩＮＧＳ")) == [2, 4]  # full-width letters


def test_orders():
    f = DocumentFilter(DOCS, ATTRS)
    assert _ids(f.shown(order=document_filter.TITLE)) == [4, 2, 3, 1]  # q1 before q3
    # The latest date first, the undated last.
    assert _ids(f.shown(order=document_filter.DATE)) == [2, 4, 1, 3]
    assert _ids(f.shown(order=document_filter.IMPORTED)) == [4, 1, 3, 2]
    # Ties keep the library's order.
    assert _ids(f.shown(order=document_filter.TURNS)) == [1, 2, 3, 4]
    assert _ids(f.shown(order="no such order")) == [1, 2, 3, 4]


def test_filter_and_order_together():
    f = DocumentFilter(DOCS, ATTRS)
    assert _ids(f.shown("calls", document_filter.IMPORTED)) == [4, 2]


def test_a_document_without_attributes_is_listed():
    f = DocumentFilter(DOCS, {})
    assert _ids(f.shown(order=document_filter.DATE)) == [1, 2, 3, 4]
    assert _ids(f.shown("医疗")) == [3]
