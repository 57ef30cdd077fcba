"""Importing a folder or several files in the window: one progress bar counting files,
Cancel after the file in hand, and a summary of what became of each file."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest

from desktop.ui.controllers.importing import no_speakers_text

pytestmark = pytest.mark.ui

DIALOGUE = "主持人：{n}号问题？\n\n张三：{n}号回答。\n"


@pytest.fixture
def folder(tmp_path, sample_path) -> Path:
    """A folder as people keep them: good files, the sample again (already in the study),
    a binary file, an empty one, a hidden folder and a file that is no transcript."""
    root = tmp_path / "访谈"
    (root / "第二批").mkdir(parents=True)
    (root / ".cache").mkdir()
    (root / "一.txt").write_text(DIALOGUE.format(n=1), encoding="utf-8")
    (root / "第二批" / "二.md").write_text(DIALOGUE.format(n=2), encoding="utf-8")
    (root / "叙述.txt").write_text("只是一段叙述。\n\n还有一段。\n", encoding="utf-8")
    shutil.copy(sample_path, root / "sample.txt")
    (root / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (root / "empty.txt").write_bytes(b"")
    (root / ".cache" / "hidden.txt").write_text(DIALOGUE.format(n=9), encoding="utf-8")
    (root / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return root


def drop(window, *paths: Path) -> None:
    from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    # Qt delivers a drop only to the target of a real drag; hand it over directly.
    window.dropEvent(QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))


def titles(window) -> list[str]:
    return [d.title for d in window.session.documents()]


def test_dropping_a_folder_imports_every_transcript_and_sums_it_up(
        window, qtbot, folder, dialogs):
    drop(window, folder)
    assert window.progress.isVisible()
    qtbot.waitUntil(lambda: bool(dialogs), timeout=30000)
    assert not window.progress.isVisible() and not window.importer.cancel_button.isVisible()
    assert titles(window)[1:] == ["一", "叙述", "二"]
    assert window.documents_dock.list.count() == 4
    assert window.session.document_title == "二"  # the last one imported is open
    [(kind, text)] = dialogs
    assert kind == "warning"  # some files were refused
    parts = text.split("\n\n")
    assert parts[0] == ("Import of 6 files finished: 3 imported, 1 already in the study, "
                        "2 refused.")
    assert parts[1].splitlines() == [
        "Refused:", "• 访谈/empty.txt: empty.txt is empty.",
        "• 访谈/image.txt: image.txt is a binary file (a PNG image), not a transcript."]
    assert parts[2].splitlines() == [
        "Already in the study:", "• 访谈/sample.txt (as “AICC 2023 大模型创新主题圆桌论坛”)"]
    assert parts[3].splitlines() == [no_speakers_text(), "• 访谈/叙述.txt"]
    assert window.statusBar().currentMessage() == parts[0]


def test_several_files_from_the_import_dialog_are_one_batch(
        window, qtbot, tmp_path, dialogs, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from desktop.ui.actions import ActionId

    files = []
    for n in (1, 2):
        files.append(tmp_path / f"{n}.txt")
        files[-1].write_text(DIALOGUE.format(n=n), encoding="utf-8")
    offered = []

    def choose(_parent, _caption, _folder, filters):
        offered.append(filters)
        return [str(f) for f in files], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", choose)
    window.actions[ActionId.IMPORT].trigger()
    qtbot.waitUntil(lambda: bool(dialogs), timeout=30000)
    assert dialogs == [("information", "Import of 2 files finished: 2 imported, 0 already "
                                       "in the study, 0 refused.")]
    assert titles(window)[1:] == ["1", "2"]
    assert "*.txt" in offered[0] and "*.srt" in offered[0] and "*.docx" in offered[0]


@pytest.fixture
def gate(monkeypatch):
    """Holds the import of the second file of a batch until the test opens the gate."""
    from desktop.core.importing import batch

    opened, waiting = threading.Event(), threading.Event()
    real = batch.import_file
    count = [0]

    def import_file(db, path, *, progress=None, **kwargs):
        count[0] += 1
        if count[0] == 2:
            time.sleep(0.1)  # past the progress reports' pace, so this one is shown
            progress(0, 1)
            waiting.set()
            opened.wait(20)
        return real(db, path, progress=progress, **kwargs)

    monkeypatch.setattr(batch, "import_file", import_file)
    return opened, waiting


def test_progress_counts_files_and_cancel_stops_after_the_file_in_hand(
        window, qtbot, tmp_path, dialogs, gate):
    opened, waiting = gate
    folder = tmp_path / "three"
    folder.mkdir()
    for n in (1, 2, 3):
        (folder / f"{n}.txt").write_text(DIALOGUE.format(n=n), encoding="utf-8")
    window.importer.import_paths([folder])
    assert waiting.wait(20)
    bar, cancel = window.progress, window.importer.cancel_button
    qtbot.waitUntil(lambda: bar.text() == "1 of 3 files", timeout=5000)
    assert bar.maximum() == 3000 and bar.isVisible()
    assert cancel.isVisible() and cancel.text() == "Cancel"
    cancel.click()
    assert window.statusBar().currentMessage() == "Stopping after the file in hand…"
    assert not cancel.isEnabled()
    opened.set()
    qtbot.waitUntil(lambda: bool(dialogs), timeout=30000)
    assert dialogs == [("information", "Import stopped after 2 of 3 files: 2 imported, 0 "
                                       "already in the study, 0 refused.")]
    assert titles(window)[1:] == ["1", "2"]  # what was done stays
    assert not bar.isVisible() and not cancel.isVisible() and cancel.isEnabled()


def test_one_file_keeps_its_own_messages(window, qtbot, tmp_path, dialogs):
    source = tmp_path / "叙述.txt"
    source.write_text("只是一段叙述。\n", encoding="utf-8")
    window.importer.import_paths([source])
    qtbot.waitUntil(lambda: bool(dialogs), timeout=30000)
    [(kind, text)] = dialogs
    assert kind == "information"
    assert text == "Imported “叙述”.\n\n" + no_speakers_text()
    assert not window.importer.cancel_button.isVisible()


def test_a_folder_without_transcripts_is_one_line(window, qtbot, tmp_path, dialogs):
    empty = tmp_path / "nothing"
    empty.mkdir()
    (empty / "a.png").write_bytes(b"\x89PNG")
    drop(window, empty)
    qtbot.waitUntil(lambda: bool(dialogs), timeout=30000)
    [(kind, text)] = dialogs
    assert kind == "warning" and "nothing is a folder with no transcripts in it" in text
    assert "\n" not in text and not window.progress.isVisible()
    assert len(titles(window)) == 1


def test_the_summary_in_chinese(window, qtbot, folder, dialogs):
    window.set_language("zh_CN")
    try:
        drop(window, folder)
        qtbot.waitUntil(lambda: bool(dialogs), timeout=30000)
    finally:
        window.set_language("en")
    text = dialogs[0][1]
    assert text.startswith("6 个文件导入完毕：导入 3 个，1 个已在研究库中，拒绝 2 个。")
    assert "未找到发言人" in text


def test_closing_the_window_stops_a_batch_after_the_file_in_hand(
        window, qtbot, tmp_path, dialogs, gate):
    from db import open_study
    from desktop.core import library
    from desktop.ui.tasks import wait_for_tasks

    opened, waiting = gate
    folder = tmp_path / "three"
    folder.mkdir()
    for n in (1, 2, 3):
        (folder / f"{n}.txt").write_text(DIALOGUE.format(n=n), encoding="utf-8")
    window.importer.import_paths([folder])
    assert waiting.wait(20)
    window.close()
    opened.set()
    assert wait_for_tasks(30000)
    db = open_study(window.session.study_path)
    try:
        assert [d.title for d in library.list_documents(db)][1:] == ["1", "2"]
    finally:
        db.close()
