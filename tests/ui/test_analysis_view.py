"""The Analysis view: one key away, its tabs filled from the study, charts drawn with
their labels, tables and charts exported, jumps to the reading view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.ui.actions import ActionId

pytestmark = pytest.mark.ui


def _open(window, qtbot):
    window.actions[ActionId.SHOW_ANALYSIS].trigger()
    view = window.reading.analysis
    assert view is not None and window.reading.showing_analysis
    # The words are cut on a worker thread the first time; the tab fills when they are.
    qtbot.waitUntil(lambda: not view.current_tab().stale, timeout=20000)
    return view


def test_the_key_switches_to_analysis_and_back(window, qtbot):
    view = _open(window, qtbot)
    assert window.reading.showing_analysis and not window.reading.showing_compare
    assert view.hasFocus() or view.isAncestorOf(QApplication.focusWidget())
    # Its tables and charts never make the window wider than a 1024-pixel screen.
    window.resize(1024, 700)
    qtbot.wait(50)
    assert window.width() <= 1024
    window.actions[ActionId.SHOW_ANALYSIS].trigger()
    assert window.stack.currentWidget() is window.view
    window.actions[ActionId.SHOW_ANALYSIS].trigger()
    assert window.reading.showing_analysis
    # C goes on to the compare view, and back to reading.
    window.actions[ActionId.SWITCH_VIEW].trigger()
    assert window.reading.showing_compare
    window.actions[ActionId.SWITCH_VIEW].trigger()
    assert window.stack.currentWidget() is window.view


def test_speakers_tab_table_and_charts(window, qtbot):
    from desktop.core.analysis import corpus
    from desktop.ui.analysis import charts

    corpus.forget()  # a first count: the words are cut on a worker thread

    view = _open(window, qtbot)
    tab = view.speakers
    model = tab.table.rows_model
    names = [row[0] for row in model.rows]
    assert names[:4] == ["杨静", "陈虞君", "张家俊", "吴韶华"]
    assert model.data(model.index(1, 4)) == "33.6%"
    share = tab.share_view.chart()
    assert charts.axis_labels(share)[:4] == ["吴韶华", "张家俊", "陈虞君", "杨静"]
    image = tab.share_view.grab().toImage()
    assert image.width() > 100
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    assert len(colours) > 4  # bars and labels drawn, not an empty frame
    assert len(charts.axis_labels(tab.section_view.chart())) == 6


def test_distinctive_word_opens_its_concordance_and_enter_jumps(window, qtbot):
    from desktop.ui.analysis.view import CONCORDANCE

    view = _open(window, qtbot)
    view.show_tab(1)
    words = view.words
    words.show_speaker("吴韶华")
    assert words.table.rows_model.rows
    first = words.table.rows_model.rows[0][0]
    words.table.setCurrentIndex(words.table.model().index(0, 0))
    words.choose_current()
    assert view.tabs.currentIndex() == CONCORDANCE
    tab = view.concordance
    assert tab.query.text() == first and tab.speaker.currentData() == "吴韶华"
    assert tab.shown and all(line.speaker == "吴韶华" for line in tab.shown)
    tab.table.setCurrentIndex(tab.table.model().index(0, 0))
    line = tab.shown[0]
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.view
    cursor = window.view.textCursor()
    assert cursor.selectedText() == line.hit


def test_concordance_sorts_filters_and_exports(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QApplication, QFileDialog

    view = _open(window, qtbot)
    view.show_concordance("算力")
    tab = view.concordance
    assert len(tab.shown) == 32
    tab.sort.setCurrentIndex(tab.sort.findData("left"))
    keys = [line.left_words for line in tab.shown]
    assert keys == sorted(keys)
    tab.speaker.setCurrentIndex(tab.speaker.findData("张家俊"))
    assert {line.speaker for line in tab.shown} == {"张家俊"}
    model = tab.table.rows_model
    assert model.data(model.index(0, 1)) == "算力"
    out = tmp_path / "kwic.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    tab.export_table.click()
    text = out.read_text(encoding="utf-8")
    assert text.splitlines()[0].startswith("Left,Match,Right,Speaker")
    assert text.count("算力") >= len(tab.shown)
    tab.copy_markdown.click()
    assert QApplication.clipboard().text().startswith("| Left | Match | Right |")


def test_terms_and_tags(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from desktop.core.annotations import CreateAnnotation, new_annotation
    from desktop.core.library import document_text

    db = window.session.db
    text = document_text(db, 1)
    start = text.index("循环智能基于ToB")
    window.session.run(CreateAnnotation(new_annotation(db, 1, start, start + 10,
                                                       tags=["业务", "ToB"])))
    view = _open(window, qtbot)
    view.show_tab(3)
    rows = view.terms.table.rows_model.rows
    assert rows[0][0] == "大模型" and rows[0][1] == sum(rows[0][2:])
    assert view.terms.plot.chart().series()
    out = tmp_path / "dispersion.svg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    view.terms.export_plot.click()
    assert "大模型".encode() in out.read_bytes()
    view.show_tab(4)
    tags = view.tags
    assert [r[0] for r in tags.table.rows_model.rows] == ["ToB", "业务"]
    column = tags.matrix.columns.index("陈虞君") + 1
    tags.table.setCurrentIndex(tags.table.model().index(0, column))
    assert tags.annotations.count() == 1
    tags.kind.setCurrentIndex(tags.kind.findData("overlap"))
    assert tags.matrix.count("ToB", "业务") == 1


def test_the_s_key_opens_it_and_escape_goes_back(window, qtbot):
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F)
    view = window.reading.analysis
    assert view is not None and window.reading.showing_analysis
    qtbot.waitUntil(lambda: not view.current_tab().stale, timeout=20000)
    qtbot.keyClick(view.speakers.table, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.view


def test_qt_charts_load_only_when_the_view_is_first_opened():
    import subprocess
    import sys
    from pathlib import Path

    code = ("import sys; import desktop.ui.app, desktop.ui.main_window; "
            "print(any(m.startswith(('PySide6.QtCharts', 'desktop.ui.analysis', "
            "'desktop.core.analysis')) for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[2], timeout=60)
    assert out.stdout.strip() == "False", out.stderr


def test_alt_and_a_digit_choose_a_tab(window, qtbot):
    view = _open(window, qtbot)
    view.speakers.table.setFocus()
    qtbot.keyClick(view.speakers.table, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert view.tabs.currentIndex() == 2
