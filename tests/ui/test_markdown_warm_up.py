"""The Markdown renderer (with pygments, ≈0.1 s to import) loads in the background after
the first paint: the first note or glossary card shown does not wait for it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.ui


def test_the_markdown_renderer_loads_after_the_first_paint_off_the_gui_thread(
        sample_study, tmp_path) -> None:
    script = f"""
import os, sys, threading, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
imported_on = []

class Spy:
    def find_spec(self, name, path=None, target=None):
        if name in ("markdown", "pygments"):
            imported_on.append((name, threading.current_thread() is threading.main_thread()))
        return None

sys.meta_path.insert(0, Spy())
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, {str(tmp_path)!r})
from desktop.ui.app import build_window
from desktop.ui.tasks import wait_for_tasks
window = build_window({str(sample_study)!r})
window.view.first_painted.connect(window.importer.load_segmenter_later)
before = "markdown" in sys.modules
window.show()
deadline = time.monotonic() + 20
while time.monotonic() < deadline and "pygments" not in sys.modules:
    app.processEvents()
    time.sleep(0.02)
wait_for_tasks()
print(before, sorted(imported_on))
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60, cwd=str(Path(__file__).parents[2]))
    assert result.stdout.strip().splitlines()[-1:] == [
        "False [('markdown', False), ('pygments', False)]"], result.stderr[-2000:]
