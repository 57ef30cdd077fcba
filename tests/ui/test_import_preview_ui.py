"""The import preview dialog: the file as it will read, corrected before it is stored."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.core.importing import bundled_sample_path
from desktop.ui.actions import ActionId
from desktop.ui.import_preview import MODERATOR, NAME, TURNS, ImportPreviewDialog

pytestmark = pytest.mark.ui


@pytest.fixture
def sample_dialog(qtbot):
    dialog = ImportPreviewDialog(bundled_sample_path().read_bytes(), "sample.txt")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _rows(dialog):
    table = dialog.table
    return [(table.item(r, NAME).text(), table.item(r, TURNS).text(),
             table.item(r, MODERATOR).checkState() == Qt.CheckState.Checked)
            for r in range(table.rowCount())]


def test_the_sample_shows_its_speakers_sections_and_text(sample_dialog):
    assert _rows(sample_dialog) == [("杨静", "5", True), ("陈虞君", "5", False),
                                    ("张家俊", "5", False), ("吴韶华", "5", False)]
    assert "4 speakers · 21 turns (1 narration) · 5 sections · UTF-8" in \
        sample_dialog.summary.text()
    assert not sample_dialog.doubt.isVisible()
    shown = sample_dialog.text.toPlainText()
    assert "§ 百模大战各显神通" in shown and "\n\n杨静：百模大战" in shown
    assert sample_dialog.options().not_speakers == frozenset()
    assert sample_dialog.options().moderators is None  # the importer decides


def test_space_unticks_a_speaker_and_the_row_stays_to_tick_again(sample_dialog, qtbot):
    table = sample_dialog.table
    table.setFocus()
    table.setCurrentCell(3, NAME)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert table.item(3, NAME).checkState() == Qt.CheckState.Unchecked
    assert sample_dialog.options().not_speakers == frozenset({"吴韶华"})
    sample_dialog.refresh()
    assert table.rowCount() == 4  # still there, to be ticked again
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert sample_dialog.options().not_speakers == frozenset()


def test_choosing_the_moderator_and_the_kind(sample_dialog, qtbot):
    table = sample_dialog.table
    table.item(1, MODERATOR).setCheckState(Qt.CheckState.Checked)
    assert sample_dialog.options().moderators == frozenset({"杨静", "陈虞君"})
    sample_dialog.kind.setCurrentIndex(sample_dialog.kind.findData("interview"))
    assert sample_dialog.options().kind == "interview"
    sample_dialog.refresh()
    assert table.rowCount() == 4


def test_an_encoding_that_does_not_fit_says_so_and_cannot_be_imported(qtbot):
    data = "楊靜：大家好。\n\n陳虞君：你好。\n".encode("big5")
    dialog = ImportPreviewDialog(data, "big5.txt")
    qtbot.addWidget(dialog)
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("UTF-8"))
    dialog.refresh()
    assert "does not read as UTF-8" in dialog.doubt.text()
    assert not dialog.import_button.isEnabled()
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("Big5"))
    dialog.refresh()
    assert dialog.import_button.isEnabled()
    assert [dialog.table.item(r, NAME).text() for r in range(dialog.table.rowCount())] == [
        "楊靜", "陳虞君"]


def test_a_file_without_speakers_says_why_to_look(qtbot):
    dialog = ImportPreviewDialog("一段文字。\n\n又一段。\n".encode(), "plain.txt")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.doubt.isVisible() and "No speakers found" in dialog.doubt.text()
    assert dialog.table.rowCount() == 0


def _choose(monkeypatch, paths):
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *a, **k: ([str(p) for p in paths], ""))


def test_a_doubtful_file_opens_the_preview_and_imports_as_corrected(window, qtbot, tmp_path,
                                                                    monkeypatch):
    source = tmp_path / "notes.txt"
    source.write_text("一段没有发言人的文字。\n\n又一段。\n", encoding="utf-8")
    _choose(monkeypatch, [source])
    before = len(window.session.documents())
    window.importer.choose()
    qtbot.waitUntil(lambda: window.importer.gate.dialog is not None)
    dialog = window.importer.gate.dialog
    assert "No speakers found" in dialog.doubt.text()
    dialog.title_edit.setText("手记")
    dialog.accept()
    qtbot.waitUntil(lambda: len(window.session.documents()) == before + 1)
    assert window.session.documents()[-1].title == "手记"


def test_a_clear_file_imports_without_a_preview_unless_asked(window, qtbot, tmp_path,
                                                             monkeypatch):
    source = tmp_path / "talk.txt"
    source.write_text("甲：你好。\n\n乙：你好。\n\n甲：再见。\n", encoding="utf-8")
    _choose(monkeypatch, [source])
    before = len(window.session.documents())
    window.importer.choose()
    qtbot.waitUntil(lambda: len(window.session.documents()) == before + 1)
    assert window.importer.gate.dialog is None
    other = tmp_path / "other.txt"
    other.write_text("丙：开始。\n\n丁：好的。\n", encoding="utf-8")
    _choose(monkeypatch, [other])
    window.actions[ActionId.IMPORT_WITH_PREVIEW].trigger()
    qtbot.waitUntil(lambda: window.importer.gate.dialog is not None)
    dialog = window.importer.gate.dialog
    dialog.reject()
    qtbot.wait(100)
    assert len(window.session.documents()) == before + 1  # cancelled: nothing stored


FALSE_LABEL = ("主持人：今天谈算力。\n\n张三：我先说。算力很贵，原因如下\n\n成本：电费和芯片。\n\n"
               "李四：我同意。\n\n主持人：下一个问题。\n\n张三：好的。\n\n成本：还是很高。\n\n"
               "李四：是的。\n")


def test_unticking_a_false_speaker_and_choosing_the_kind_shape_the_import(window, qtbot,
                                                                          tmp_path,
                                                                          monkeypatch):
    source = tmp_path / "false-label.txt"
    source.write_text(FALSE_LABEL, encoding="utf-8")
    _choose(monkeypatch, [source])
    window.actions[ActionId.IMPORT_WITH_PREVIEW].trigger()
    qtbot.waitUntil(lambda: window.importer.gate.dialog is not None)
    dialog = window.importer.gate.dialog
    names = [dialog.table.item(r, NAME).text() for r in range(dialog.table.rowCount())]
    assert "成本" in names  # read as a speaker: a heading-like label that recurs
    row = names.index("成本")
    dialog.table.setFocus()
    dialog.table.setCurrentCell(row, NAME)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    dialog.kind.setCurrentIndex(dialog.kind.findData("interview"))
    dialog.refresh()
    assert [s.name for s in dialog.preview.speakers] == ["主持人", "张三", "李四"]
    assert dialog.preview.parsed.kind == "interview"
    assert dialog.table.rowCount() == 4  # 成本 stays listed, to be ticked again
    before = len(window.session.documents())
    dialog.accept()
    qtbot.waitUntil(lambda: window.session.document_title == "false-label")
    session = window.session
    assert len(session.documents()) == before + 1
    assert [s.name for s in session.speakers] == ["主持人", "张三", "李四"]
    zhang = next(s for s in session.speakers if s.name == "张三")
    first = next(t for t in session.turns if t.speaker_id == zhang.id)
    assert "成本：电费和芯片。" in first.text  # the false label's line joined the turn before
