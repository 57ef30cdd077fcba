"""Starting the window: no display, first start with an empty study, bad study files."""

from __future__ import annotations

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
    assert window.session.document_id is None  # shown at once; the import runs in the background
    qtbot.waitUntil(lambda: window.session.document_id is not None, timeout=20000)
    assert [s.name for s in window.session.speakers] == ["杨静", "陈虞君", "张家俊", "吴韶华"]
    assert window.documents_dock.list.count() == 1
    wait_for_tasks()
    window.close()
    window.session.db.close()


def _run_script(script: str) -> subprocess.CompletedProcess:
    """Run a Python script in a fresh process at the project root (offscreen)."""
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=90, cwd=str(__import__("pathlib").Path(__file__).parents[2]),
                          env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})


def test_a_broken_study_is_a_message_and_exit_2(tmp_path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_text("not a database", encoding="utf-8")
    script = f"""
import argparse
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
app = QApplication([])
QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, {str(tmp_path)!r})
QMessageBox.critical = lambda parent, title, text, *a, **k: print("message:", text)
QTimer.singleShot(20000, lambda: app.exit(99))  # never hang
from desktop.ui.app import run_app
print("code:", run_app(argparse.Namespace(db={str(bad)!r})))
"""
    result = _run_script(script)
    lines = result.stdout.splitlines()
    assert any(line.startswith("message:") and "not a Yandu study" in line for line in lines)
    assert lines[-1] == "code: 2", result.stderr[-2000:]
    assert "not a Yandu study" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unexpected_failure_while_opening_is_one_line_and_exit_2(sample_study,
                                                                    tmp_path) -> None:
    script = f"""
import argparse
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
app = QApplication([])
QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, {str(tmp_path)!r})
QMessageBox.critical = lambda parent, title, text, *a, **k: print("message:", text)
QTimer.singleShot(20000, lambda: app.exit(99))  # never hang
from desktop.ui.main_window import MainWindow
def broken(self, db):
    raise RuntimeError("disk went away" + chr(10) + "second line")
MainWindow.attach = broken
from desktop.ui.app import run_app
print("code:", run_app(argparse.Namespace(db={str(sample_study)!r})))
"""
    result = _run_script(script)
    lines = result.stdout.splitlines()
    assert lines and lines[-1] == "code: 2", result.stderr[-2000:]
    assert any("RuntimeError: disk went away" in line for line in lines)
    assert "second line" not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_yandu_paints_the_reader_s_place_before_opening_the_study(make_window, sample_study,
                                                                 qt_settings) -> None:
    first = make_window(sample_study)
    target = first.session.turns[12]
    first.view.scroll_to_offset(target.text_start, top=True)
    top = first.view.top_offset()
    first.close()  # saves the document and the place
    script = f"""
import json, sys, time
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from desktop.ui.settings import APPLICATION, ORGANIZATION
app = QApplication([])
app.setOrganizationName(ORGANIZATION)
app.setApplicationName(APPLICATION)
QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, {str(qt_settings)!r})
from desktop.ui.app import start_window
window = start_window({str(sample_study)!r})
seen = {{}}
def painted():
    seen.update(sqlite_utils="sqlite_utils" in sys.modules, open=window.session.db is not None,
                top=window.view.top_offset(), title=window.windowTitle())
window.view.first_painted.connect(painted)
window.show()
deadline = time.monotonic() + 30
while time.monotonic() < deadline and not (window.session.db is not None and window.view.is_complete):
    app.processEvents()
    time.sleep(0.01)
seen.update(after_top=window.view.top_offset(), document=window.session.document_id,
            turns=len(window.session.turns), panels=window.documents_dock.list.count())
window.close()
print(json.dumps(seen))
"""
    result = _run_script(script)
    seen = __import__("json").loads(result.stdout.splitlines()[-1])
    assert seen["sqlite_utils"] is False, "sqlite-utils loaded before the first paint"
    assert seen["open"] is False  # painted from the quick look, the study opened after
    assert seen["top"] == top and first.session.document_title in seen["title"]
    assert seen["after_top"] == top  # the place is kept when the whole document arrives
    assert seen["document"] == first.session.document_id and seen["turns"] == len(first.session.turns)
    assert seen["panels"] == 1


def test_import_in_the_background_and_errors_in_one_line(window, qtbot, tmp_path,
                                                         dialogs) -> None:
    source = tmp_path / "访谈.txt"
    source.write_text("记者：你好吗？\n\n王五：很好。\n", encoding="utf-8")
    window.importer.import_paths([source])
    assert window.progress.isVisible()
    qtbot.waitUntil(lambda: window.session.document_title == "访谈", timeout=20000)
    assert window.documents_dock.list.count() == 2
    assert not window.progress.isVisible()
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    window.importer.import_paths([empty])
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
window.view.first_painted.connect(window.importer.load_segmenter_later)
assert window.session.document_id is not None
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
    qtbot.waitUntil(lambda: window.session.document_title == "甲", timeout=20000)

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(second))])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    # Qt delivers a drop only to the target of a real drag; hand it over directly.
    window.dropEvent(QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
    qtbot.waitUntil(lambda: window.session.document_title == "乙", timeout=20000)
    assert window.documents_dock.list.count() == 3
    assert [s.name for s in window.session.speakers][-1] == "李四"


def test_a_local_display_without_its_socket_counts_as_none(monkeypatch) -> None:
    from desktop.ui.app import has_display

    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":4242")
    assert not has_display()
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert has_display()


def test_a_window_closed_before_its_study_opens_never_opens_it(sample_study, qtbot) -> None:
    from desktop.ui.app import start_window

    window = start_window(str(sample_study))
    qtbot.addWidget(window)
    window.close()  # at once, before the first paint has opened the study
    qtbot.wait(800)
    assert window.session.db is None and not window.session.watching


def test_keys_and_queries_from_before_the_study_opens(sample_study, qtbot) -> None:
    from desktop.ui.actions import ActionId
    from desktop.ui.app import start_window
    from desktop.ui.tasks import wait_for_tasks

    window = start_window(str(sample_study))
    qtbot.addWidget(window)
    narration = window.actions[ActionId.TOGGLE_NARRATION]
    narration.trigger()  # H, ignored until the study is open
    window.search_dock.field.setText("算力")
    window.search_dock._emit_query()
    qtbot.waitUntil(lambda: window.session.db is not None, timeout=10_000)
    assert narration.isChecked() == window.view.show_narration
    assert window.search.hits and window.search_dock.results.count() == len(window.search.hits)
    wait_for_tasks()
    window.close()
    window.session.db.close()
