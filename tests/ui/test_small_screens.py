"""The window on small and large screens: panels readable, the transcript the widest
column, lists tall enough to read, nothing cut at a column's edge."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")


def _at_size(window, qtbot, width: int, height: int) -> None:
    """The window at this size, with the panels as a first start sizes them."""
    window.resize(width, height)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == (width, height))
    window.layout_state.first_sizes(window.docks)
    qtbot.wait(50)


# ---- the speakers panel --------------------------------------------------------------


def test_turn_counts_show_whole_however_long_the_names(window, qtbot) -> None:
    from desktop.core.library import Speaker

    _at_size(window, qtbot, 1024, 700)
    dock = window.speakers_dock
    speakers = [Speaker(i, 1, i, name, "中国科学院自动化研究所研究员", "#336699", False, count)
                for i, (name, count) in enumerate((("Professor Alexandra Montgomery-Smith", 1234),
                                                   ("杨静", 19), ("吴韶华", 7)))]
    dock.set_speakers(speakers, set(), True, 0)
    tree, header = dock.tree, dock.tree.header()
    qtbot.waitUntil(lambda: tree.viewport().width() > 0)
    count_column = 3
    right = header.sectionViewportPosition(count_column) + header.sectionSize(count_column)
    assert right <= tree.viewport().width()  # the count column is in the panel...
    for row in range(tree.topLevelItemCount()):  # ...and wide enough for every count
        item = tree.topLevelItem(row)
        rect = tree.visualRect(tree.indexFromItem(item, count_column))
        assert tree.fontMetrics().horizontalAdvance(item.text(count_column)) < rect.width()
    assert tree.horizontalScrollBar().maximum() == 0
    # The long name gives way (ending in an ellipsis), the short ones do not.
    assert header.sectionSize(1) < tree.sizeHintForColumn(1)


def test_turn_counts_stay_whole_when_the_panel_narrows(window, qtbot) -> None:
    from PySide6.QtCore import Qt

    _at_size(window, qtbot, 1400, 900)
    dock = window.speakers_dock
    tree, header = dock.tree, dock.tree.header()
    needed = tree.sizeHintForColumn(3)
    window.resizeDocks([dock], [0], Qt.Orientation.Horizontal)  # as narrow as it goes
    qtbot.waitUntil(lambda: dock.width() < 260)
    assert header.sectionSize(3) >= needed
    assert (header.sectionViewportPosition(3) + header.sectionSize(3)
            <= tree.viewport().width())


# ---- the documents panel -------------------------------------------------------------


def test_long_document_names_end_in_an_ellipsis_not_a_sideways_scroll(window, qtbot) -> None:
    from desktop.core.documents import RenameDocument

    _at_size(window, qtbot, 1024, 700)
    title = "AICC 2023 大模型创新主题圆桌论坛：基础大模型发展的技术突破口与算力荒的应对之道"
    dock = window.documents_dock
    # The sample, renamed: the panel is refilled from the study whenever it changes.
    assert window.session.run(RenameDocument(window.session.document_id, title))
    qtbot.waitUntil(lambda: title in dock.list.item(0).toolTip())
    listing = dock.list
    qtbot.wait(50)
    assert listing.horizontalScrollBar().maximum() == 0
    item = listing.item(0)
    assert title in item.toolTip()  # the whole name is one hover away
    rect = listing.visualRect(listing.indexFromItem(item))
    assert rect.right() <= listing.viewport().width()
    # What is painted: the title cut to the panel's width, then the details line.
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    option.initFrom(listing.viewport())
    option.rect = rect
    option.widget = listing
    listing.itemDelegate().initStyleOption(option, listing.indexFromItem(item))
    first, details = option.text.splitlines()
    assert first.endswith("…") and title.startswith(first[:-1])
    assert option.fontMetrics.horizontalAdvance(first) <= rect.width()
    assert details == "21 turns · 4 speakers"
    assert rect.height() >= 2 * option.fontMetrics.height()  # both lines seen


# ---- the compare view ----------------------------------------------------------------


SLIVER = 4  # pixels: equal columns leave what they cannot share at the edge


def _whole_columns(view) -> list[int]:
    """The columns seen in the view; each must be seen whole."""
    header, width = view.horizontalHeader(), view.viewport().width()
    seen = []
    for column in range(view.model().columnCount()):
        if header.isSectionHidden(column):
            continue
        left = header.sectionViewportPosition(column)
        right = left + header.sectionSize(column)
        if right <= SLIVER or left >= width - SLIVER:
            continue  # not seen, or no more than a line at the edge
        assert left >= 0 and right <= width, f"column {column} is cut at the view's edge"
        seen.append(column)
    return seen


def test_the_compare_view_shows_whole_answer_columns_at_1024(window, qtbot) -> None:
    from PySide6.QtCore import Qt

    _at_size(window, qtbot, 1024, 700)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_C)
    compare = window.reading.compare
    qtbot.waitUntil(lambda: window.stack.currentWidget() is compare)
    answers = compare.model().columnCount() - 1
    # The columns are laid out after the switch: wait until all show, or the rest are a
    # sideways scroll away (the scroll bar's range comes with the layout).
    qtbot.waitUntil(lambda: len(_whole_columns(compare)) == answers + 1
                    or compare.horizontalScrollBar().maximum() > 0)
    seen = _whole_columns(compare)
    assert 0 in seen and len(seen) >= 2  # the question and at least one whole answer
    if len(seen) < answers + 1:  # the rest a sideways step away, each step whole
        scroll = compare.horizontalScrollBar()
        assert scroll.maximum() > 0
        for step in range(1, scroll.maximum() + 1):
            scroll.setValue(step)
            assert len(_whole_columns(compare)) == len(seen)
        assert _whole_columns(compare)[-1] == answers


@pytest.mark.parametrize("width", [260, 300, 420, 560, 700, 900, 1300])
def test_compare_columns_fit_the_width_whichever_it_is(qtbot, width) -> None:
    from desktop.ui.compare_view import CompareView
    from tests.ui.test_editor_and_messages import _compare_data

    view = CompareView()
    qtbot.addWidget(view)
    view.resize(width, 500)
    view.show()
    qtbot.waitExposed(view)
    view.load(*_compare_data(4))
    qtbot.wait(20)
    seen = _whole_columns(view)
    assert len(seen) >= 2
    fits = view.viewport().width() // view.min_column_width()
    assert len(seen) >= min(fits, 5)  # as many whole ones as fit
    view.setColumnHidden(2, True)  # a speaker filtered out: the others take its room
    view.fit_rows()
    assert len(_whole_columns(view)) >= min(len(seen), 4)


# ---- the width the panels give and take back -------------------------------------------


def test_panels_get_their_width_back_when_the_window_widens_again(window, qtbot) -> None:
    from PySide6.QtCore import Qt

    _at_size(window, qtbot, 1400, 900)
    left, right = window.documents_dock, window.annotations_dock
    window.resizeDocks([left, right], [360, 340], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: left.width() > 330 and right.width() > 310)
    wide = (left.width(), right.width())
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    qtbot.waitUntil(lambda: left.width() < wide[0] and right.width() < wide[1])
    assert window.centralWidget().width() >= 0.4 * window.width()
    window.resize(1150, 700)  # a little wider: more back, but the text keeps its share
    qtbot.waitUntil(lambda: window.width() == 1150)
    qtbot.wait(50)
    assert window.centralWidget().width() >= 0.4 * window.width()
    window.resize(1400, 900)
    qtbot.waitUntil(lambda: window.width() == 1400)
    qtbot.waitUntil(lambda: (left.width(), right.width()) == wide)


def test_a_panel_resized_by_hand_while_narrow_is_left_as_it_was_set(window, qtbot) -> None:
    from PySide6.QtCore import Qt

    _at_size(window, qtbot, 1400, 900)
    left = window.documents_dock
    window.resizeDocks([left], [360], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: left.width() > 330)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024 and left.width() < 330)
    window.resizeDocks([left], [245], Qt.Orientation.Horizontal)  # the reader's choice
    qtbot.waitUntil(lambda: left.width() < 260)
    window.resize(1400, 900)
    qtbot.waitUntil(lambda: window.width() == 1400)
    qtbot.wait(50)
    assert left.width() < 260


# ---- first sizes ---------------------------------------------------------------------


@pytest.mark.parametrize("size", [(1024, 700), (1366, 768)])
def test_the_transcript_is_the_widest_column_on_small_screens(window, qtbot, size) -> None:
    _at_size(window, qtbot, *size)
    text = window.centralWidget().width()
    assert text >= 0.45 * window.width()
    assert all(text > dock.width() * 1.5 for dock in window.docks)
    assert all(dock.width() >= 200 for dock in window.docks)  # panels still readable
    tree = window.speakers_dock.tree
    assert tree.horizontalScrollBar().maximum() == 0


def test_lists_take_most_of_their_panels_on_a_large_screen(window, qtbot) -> None:
    _at_size(window, qtbot, 1600, 1000)
    search, glossary = window.search_dock, window.glossary_dock
    line = window.fontMetrics().height()
    assert search.results.height() >= 0.6 * search.height()
    assert search.results.height() >= 12 * line
    assert glossary.list.height() >= 0.4 * glossary.height()
    assert glossary.list.height() >= 10 * line
    notes = window.annotations_dock.list
    assert notes.height() >= 12 * line


def test_the_annotation_filters_fit_a_narrow_panel(window, qtbot) -> None:
    dock = window.annotations_dock
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    from PySide6.QtCore import Qt

    window.resizeDocks([dock], [230], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: dock.width() <= 240)
    for combo in (dock.tag_filter, dock.speaker_filter):
        assert combo.isVisible()
        assert combo.geometry().right() <= dock.widget().width()  # whole, not cut off


def test_the_term_list_ends_long_entries_in_an_ellipsis_not_a_sideways_scroll(window,
                                                                              qtbot) -> None:
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.glossary.prepared, timeout=15000)
    terms = window.glossary_dock.list
    qtbot.waitUntil(lambda: terms.count() > 0)
    assert not terms.horizontalScrollBar().isVisible()  # the entries end in "…" instead
