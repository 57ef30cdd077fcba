"""Code points <-> UTF-16: anchors must survive characters outside the BMP."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.ui.offsets import OffsetMap, TurnSpan, code_points_in, utf16_len


def test_utf16_len_counts_astral_characters_twice() -> None:
    assert utf16_len("abc") == 3
    assert utf16_len("研读") == 2
    assert utf16_len("𠮷") == 2
    assert utf16_len("a😀b") == 4


def test_code_points_in_rounds_down_inside_a_surrogate_pair() -> None:
    text = "a𠮷b"
    assert [code_points_in(text, u) for u in range(5)] == [0, 1, 1, 2, 3]


def _map(turns: list[tuple[int, str]], gap: int = 3) -> OffsetMap:
    """Turns at the given document offsets, each preceded by a `gap`-unit label in the view."""
    offsets = OffsetMap()
    qt = 0
    for index, (doc_start, text) in enumerate(turns):
        qt += gap
        offsets.add(TurnSpan(index, doc_start, text, qt, index * 3, index * 3 + 2))
        qt += utf16_len(text) + 1
    return offsets


def test_offsets_after_astral_characters_stay_right() -> None:
    # document: "王：𠮷好😀吗\n李：好" — speech starts at 2 and 10
    offsets = _map([(2, "𠮷好😀吗"), (10, "好")])
    # 好 is code point 3 of the document (2 + 1) and Qt position 3 + 2
    assert offsets.doc_to_qt(3) == 5
    assert offsets.qt_to_doc(5) == 3
    # 吗 is after the emoji: code point 5, Qt 3 + 2 + 1 + 2 = 8
    assert offsets.doc_to_qt(5) == 8
    assert offsets.qt_to_doc(8) == 5
    assert offsets.qt_range_to_doc(5, 8) == (3, 5)


def test_positions_in_labels_snap_into_speech() -> None:
    offsets = _map([(2, "甲乙"), (10, "丙丁")])
    second_qt = offsets.spans[1].qt_start
    # A selection starting in the second label begins at the second speech.
    assert offsets.qt_to_doc(second_qt - 1, forward=True) == 10
    # ...and one ending there ends with the first speech.
    assert offsets.qt_to_doc(second_qt - 1, forward=False) == 4
    assert offsets.doc_range_to_qt(5, 9) is None  # only label text: nothing to draw


@given(st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=6))
def test_round_trip_for_any_text(texts: list[str]) -> None:
    doc_start, turns = 0, []
    for text in texts:
        doc_start += 2  # a label
        turns.append((doc_start, text))
        doc_start += len(text)
    offsets = _map(turns)
    for span in offsets.spans:
        for i in range(len(span.text) + 1):
            qt = offsets.doc_to_qt(span.doc_start + i)
            assert qt == span.qt_start + utf16_len(span.text[:i])
            assert offsets.qt_to_doc(qt) == span.doc_start + i


def test_a_range_across_turns_is_cut_into_one_piece_per_turn() -> None:
    offsets = _map([(2, "甲乙"), (10, "丙丁"), (20, "戊")])
    pieces = offsets.doc_range_pieces(3, 21)
    first, second, third = offsets.spans
    assert pieces == [(first.qt_start + 1, first.qt_end), (second.qt_start, second.qt_end),
                      (third.qt_start, third.qt_start + 1)]
    assert offsets.doc_range_pieces(5, 9) == []  # only a label
