"""Starting the window: no display, first start with an empty study, bad study files."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

pytestmark = pytest.mark.ui


def test_without_a_display_yandu_says_so_and_exits_2(tmp_path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "desktop", "--db", str(tmp_path / "s.db")],
                            capture_output=True, text=True, env=env, timeout=60,
                            cwd=str(__import__("pathlib").Path(__file__).parents[2]))
    assert result.returncode == 2
    assert "no display" in result.stderr
    assert "yandu show" in result.stderr
    assert "Traceback" not in result.stderr


def test_first_start_imports_and_opens_the_sample(tmp_path, qtbot, dialogs) -> None:
    from desktop.ui.app import build_window
    from desktop.ui.tasks import wait_for_tasks

    window = build_window(str(tmp_path / "new.sqlite"))
    qtbot.addWidget(window)
    window.show()
    assert window.document_id is None  # shown at once; the import runs in the background
    qtbot.waitUntil(lambda: window.document_id is not None, timeout=20000)
    assert [s.name for s in window.speakers] == ["杨静", "陈虞君", "张家俊", "吴韶华"]
    assert window.documents_dock.list.count() == 1
    wait_for_tasks()
    window.close()
    window.db.close()


def test_a_broken_study_is_a_message_and_exit_2(tmp_path, monkeypatch, dialogs) -> None:
    from desktop.ui import app

    bad = tmp_path / "bad.sqlite"
    bad.write_text("not a database", encoding="utf-8")
    monkeypatch.setattr("PySide6.QtWidgets.QApplication.exec", lambda *a: 0)
    code = app.run_app(argparse.Namespace(db=str(bad)))
    assert code == 2
    assert dialogs and "not a Yandu study" in dialogs[0][1]


def test_import_in_the_background_and_errors_in_one_line(window, qtbot, tmp_path,
                                                         dialogs) -> None:
    source = tmp_path / "访谈.txt"
    source.write_text("记者：你好吗？\n\n王五：很好。\n", encoding="utf-8")
    window.import_paths([source])
    assert window.progress.isVisible()
    qtbot.waitUntil(lambda: window.document_title == "访谈", timeout=20000)
    assert window.documents_dock.list.count() == 2
    assert not window.progress.isVisible()
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    window.import_paths([empty])
    qtbot.waitUntil(lambda: bool(dialogs), timeout=20000)
    kind, text = dialogs[0]
    assert kind == "warning" and "empty.txt" in text and "\n" not in text
    assert "Traceback" not in text


def test_segmenter_loads_after_the_first_paint(sample_study, tmp_path) -> None:
    script = f"""
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, {str(tmp_path)!r})
from desktop.ui.app import build_window
window = build_window({str(sample_study)!r})
window.view.first_painted.connect(window.load_segmenter_later)
assert window.document_id is not None
before = any(m.split(".")[0] in ("jieba", "rjieba") for m in sys.modules)
window.show()
deadline = time.monotonic() + 20
while time.monotonic() < deadline:
    app.processEvents()
    if "desktop.core.segment" in sys.modules and sys.modules["desktop.core.segment"].is_ready():
        break
    time.sleep(0.02)
print(before, sys.modules["desktop.core.segment"].is_ready())
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60, cwd=str(__import__("pathlib").Path(__file__).parents[2]))
    assert result.stdout.split() == ["False", "True"], result.stderr[-2000:]


def test_file_import_action_and_drag_and_drop(window, qtbot, tmp_path, monkeypatch) -> None:
    from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QFileDialog

    from desktop.ui.actions import ActionId

    first = tmp_path / "甲.txt"
    first.write_text("主持人：第一个问题？\n\n张三：回答一。\n", encoding="utf-8")
    second = tmp_path / "乙.txt"
    second.write_text("主持人：第二个问题？\n\n李四：回答二。\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(first)], ""))
    window.actions[ActionId.IMPORT].trigger()
    qtbot.waitUntil(lambda: window.document_title == "甲", timeout=20000)

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(second))])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    # Qt delivers a drop only to the target of a real drag; hand it over directly.
    window.dropEvent(QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
    qtbot.waitUntil(lambda: window.document_title == "乙", timeout=20000)
    assert window.documents_dock.list.count() == 3
    assert [s.name for s in window.speakers][-1] == "李四"


def test_a_local_display_without_its_socket_counts_as_none(monkeypatch) -> None:
    from desktop.ui.app import has_display

    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":4242")
    assert not has_display()
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert has_display()
