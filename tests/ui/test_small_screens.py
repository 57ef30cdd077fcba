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
    from desktop.core.library import DocumentInfo

    _at_size(window, qtbot, 1024, 700)
    title = "AICC 2023 大模型创新主题圆桌论坛：基础大模型发展的技术突破口与算力荒的应对之道"
    dock = window.documents_dock
    dock.set_documents([DocumentInfo(1, title, "aicc.txt", "utf-8", "txt", "2024-05-01", 21, 4),
                        DocumentInfo(2, "Short", "b.txt", "utf-8", "txt", "2024-05-01", 3, 2)], 1)
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
