"""Quitting abandons work that only reads (suggestions) and waits for work that writes."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from desktop.ui.tasks import (
    Task,
    cancel_reading_tasks,
    run_task,
    running_tasks,
    wait_for_tasks,
)

pytestmark = pytest.mark.ui

ROOT = Path(__file__).resolve().parents[2]

# A whole application, started as `yandu` starts it: a reading task that would keep a
# processor busy for ten minutes, a writing task that takes a second, and a quit a fifth
# of a second in.
QUITTING_APP = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, sys.argv[2])
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from desktop.ui.tasks import run_task

    out = Path(sys.argv[1])

    def reading(progress):
        end, step = time.monotonic() + 600, 0
        try:
            while time.monotonic() < end:
                sum(range(20000))  # pure Python, as suggestions are
                step += 1
                progress(step, 0)
            (out / "read-to-the-end").write_text("yes")
        finally:  # reached only if the work stops while Python still runs
            (out / "stopped").write_text(str(step))

    def writing(progress):
        time.sleep(1.0)
        (out / "written").write_text("whole")

    def main():
        app = QApplication([])
        run_task(reading, print, writes=False)
        run_task(writing, print)
        QTimer.singleShot(200, app.quit)
        return app.exec()

    code = main()
    (out / "loop-ended").write_text("yes")
    sys.exit(code)
""")


def test_quitting_abandons_reading_work_and_waits_for_writing(tmp_path):
    script = tmp_path / "app.py"
    script.write_text(QUITTING_APP, encoding="utf-8")
    # Abandoned, the reading task ends the process in seconds; waited for, it would run
    # into this timeout. How many seconds is the machine's business, not the test's.
    done = subprocess.run([sys.executable, str(script), str(tmp_path), str(ROOT)],
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "loop-ended").exists()
    assert (tmp_path / "written").read_text() == "whole"  # waited for, not cut short
    assert not (tmp_path / "read-to-the-end").exists()  # abandoned,
    assert int((tmp_path / "stopped").read_text()) > 0  # at a step, before Python ended


def test_cancelling_stops_a_reading_task_at_its_next_step(qtbot):
    results, steps = [], []
    release = threading.Event()

    def reading(progress):
        for step in range(3000):
            release.wait(0.01)
            steps.append(step)
            progress(step, 3000)
        return "finished"

    def writing(progress):
        release.wait(5)
        return "written"

    run_task(reading, results.append, results.append, writes=False)
    run_task(writing, results.append, results.append)
    qtbot.waitUntil(lambda: len(steps) > 3, timeout=5000)
    assert cancel_reading_tasks() == 1
    assert cancel_reading_tasks() == 0  # already cancelled; the writing task never is
    # Its 3,000 steps would take 30 s: it leaves at the next one.
    qtbot.waitUntil(lambda: running_tasks() == 1, timeout=10000)
    assert len(steps) < 3000 and results == []  # nothing reported for a cancelled task
    release.set()
    qtbot.waitUntil(lambda: results == ["written"], timeout=5000)
    assert wait_for_tasks(3000) and running_tasks() == 0


def test_a_task_cancelled_before_it_starts_never_runs():
    called = []
    task = Task(lambda progress: called.append(1), writes=False)
    task.cancel()
    task.run()
    assert task.cancelled and called == []


def test_window_suggestions_show_progress_and_are_abandoned_on_quit(window, qtbot,
                                                                   monkeypatch):
    from desktop.core import glossary

    qtbot.waitUntil(lambda: window.glossary.prepared, timeout=15000)
    dock = window.glossary_dock
    steps = []
    real = glossary.suggest

    def slow_suggest(db, *, document_id=None, progress=None, **kwargs):
        found = real(db, document_id=document_id, progress=progress, **kwargs)
        for step in range(3000):  # as long as a very long document would take
            time.sleep(0.01)
            steps.append(step)
            progress(step, 3000)
        return found

    monkeypatch.setattr(glossary, "suggest", slow_suggest)
    window.glossary_terms.find_suggestions()
    qtbot.waitUntil(lambda: dock.suggestion_status.text().endswith("%") and bool(steps),
                    timeout=15000)
    assert cancel_reading_tasks() == 1  # what quitting does
    assert wait_for_tasks(2000)
    assert len(steps) < 3000 and dock.suggestion_list.count() == 0


def test_the_window_gets_the_interpreter_back_quickly_while_work_runs(qtbot):
    import sys

    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=5000)  # none left from before
    usual = sys.getswitchinterval()
    release = threading.Event()
    results = []
    run_task(lambda progress: release.wait(5), results.append)
    assert sys.getswitchinterval() <= 0.001 < usual
    release.set()
    qtbot.waitUntil(lambda: results == [True], timeout=5000)
    assert sys.getswitchinterval() == usual


def test_progress_reaches_the_window_a_few_times_a_second_and_at_the_end(qtbot):
    reported, results = [], []

    def busy(progress):
        for step in range(1, 2001):
            time.sleep(0.0002)
            progress(step, 2000)
        return "done"

    run_task(busy, results.append, progress=lambda d, t: reported.append(d))
    qtbot.waitUntil(lambda: results == ["done"], timeout=10000)
    assert 1 <= len(reported) < 200 and reported[-1] == 2000


def test_progress_without_a_total_is_told_at_most_every_few_hundredths(qtbot):
    # With no total (0) no step is the last: told at every step, a busy worker flooded the
    # GUI thread with events and its timers (a quit, a search pause) waited for minutes.
    told = []

    def work(progress):
        end = time.monotonic() + 0.5
        step = 0
        while time.monotonic() < end:
            step += 1
            progress(step, 0)
        return step

    done = []
    run_task(work, done.append, progress=lambda d, t: told.append(d))
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    assert done[0] > 1000  # many steps...
    assert len(told) <= 0.5 / 0.05 + 2  # ...told once every PROGRESS_EVERY at most
