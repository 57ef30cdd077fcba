"""Background work on QThreadPool, with results and progress handed back on the GUI thread.

A task that touches the study opens its own connection: sqlite connections belong to
the thread that made them.

When the application is about to quit, a task that writes (an import, an export) is
waited for, so nothing is left half-written; one that only reads (`writes=False`:
suggestions, say) is cancelled and stops at its next progress call.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

ProgressFn = Callable[[int, int], None]

PROGRESS_EVERY = 0.05  # seconds between progress reports: each one is work for the window
# While work runs beside the window, the window's thread waits this long at most for the
# interpreter after each call into Qt; with Python's 5 ms a key press, which makes dozens
# of such calls, took a fifth of a second while suggestions were computed.
SWITCH_INTERVAL = 0.001


class TaskCancelled(Exception):
    """Raised by a cancelled task's progress function: the work stops there."""


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)
    cancelled = Signal()


class Task(QRunnable):
    """Runs `fn(progress)` on a worker thread."""

    def __init__(self, fn: Callable[[ProgressFn], Any], *, writes: bool = True) -> None:
        super().__init__()
        self.fn = fn
        self.writes = writes
        self.signals = _Signals()
        self._cancel = threading.Event()
        self._reported = 0.0
        self.setAutoDelete(False)  # the Python side keeps the task alive until it reports

    def cancel(self) -> None:
        """Ask the work to stop: its next progress call raises TaskCancelled."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        """Whether `cancel` was called."""
        return self._cancel.is_set()

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise TaskCancelled
        now = time.monotonic()
        # The last step is always told; with no total known (0) none is the last, and
        # telling every one would flood the GUI thread with events that starve its timers.
        if now - self._reported >= PROGRESS_EVERY or 0 < total <= done:
            self._reported = now
            self.signals.progress.emit(done, total)

    @Slot()
    def run(self) -> None:
        """Call the function; report its result or its exception."""
        try:
            if self._cancel.is_set():  # cancelled while it waited for a thread
                self.signals.cancelled.emit()
                return
            try:
                result = self.fn(self._progress)
            except TaskCancelled:
                self.signals.cancelled.emit()
            except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread as a value
                self.signals.failed.emit(exc)
            else:
                self.signals.done.emit(result)
        except RuntimeError:
            # The application is closing and took the signals' object with it: there is
            # nobody left to tell, and nothing the work did is lost (it wrote the study).
            pass


class _Relay(QObject):
    """Lives on the GUI thread, so signals from the worker reach it queued."""

    def __init__(self, task: Task, on_done, on_error, progress) -> None:
        super().__init__()
        self.task, self.on_done, self.on_error, self.on_progress = (
            task, on_done, on_error, progress)

    @Slot(object)
    def done(self, result: Any) -> None:
        _forget(self.task)
        self.on_done(result)

    @Slot(object)
    def failed(self, exc: BaseException) -> None:
        _forget(self.task)
        if self.on_error is not None:
            self.on_error(exc)

    @Slot(int, int)
    def progress(self, done: int, total: int) -> None:
        if self.on_progress is not None and not self.task.cancelled:
            self.on_progress(done, total)

    @Slot()
    def cancelled(self) -> None:
        _forget(self.task)


_running: dict[Task, _Relay] = {}
_watching_quit = False
_usual_switch_interval: float | None = None  # Python's own, while any task runs


def _remember(task: Task, relay: _Relay) -> None:
    global _usual_switch_interval
    if not _running and _usual_switch_interval is None:
        _usual_switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(min(_usual_switch_interval, SWITCH_INTERVAL))
    _running[task] = relay


def _forget(task: Task) -> None:
    global _usual_switch_interval
    _running.pop(task, None)
    if not _running and _usual_switch_interval is not None:
        sys.setswitchinterval(_usual_switch_interval)
        _usual_switch_interval = None


def _watch_quit() -> None:
    """Settle the background work as soon as the application is about to quit."""
    global _watching_quit
    app = QCoreApplication.instance()
    if _watching_quit or app is None:
        return
    app.aboutToQuit.connect(_settle_before_quitting)
    _watching_quit = True


def _settle_before_quitting() -> None:
    # Reading tasks stop at their next step (a few tenths of a second at most); writing
    # ones finish. Both end here, while Python is whole: a worker still running Python
    # as the interpreter shuts down can crash the process, or keep it alive unseen.
    cancel_reading_tasks()
    wait_for_tasks(-1)


def run_task(fn: Callable[[ProgressFn], Any], on_done: Callable[[Any], None],
             on_error: Callable[[BaseException], None] | None = None,
             progress: Callable[[int, int], None] | None = None, *,
             writes: bool = True) -> Task:
    """Run `fn(progress)` off the GUI thread; `on_done`/`on_error` run on the GUI thread.

    With `writes=False` the work only reads, and quitting abandons it: `fn` should call
    `progress` every so often (it raises TaskCancelled then), and nothing is reported.
    """
    _watch_quit()
    task = Task(fn, writes=writes)
    relay = _Relay(task, on_done, on_error, progress)
    _remember(task, relay)
    task.signals.done.connect(relay.done)
    task.signals.failed.connect(relay.failed)
    task.signals.progress.connect(relay.progress)
    task.signals.cancelled.connect(relay.cancelled)
    QThreadPool.globalInstance().start(task)
    return task


def cancel_reading_tasks() -> int:
    """Cancel every unfinished task that does not write; how many were cancelled."""
    reading = [task for task in _running if not task.writes and not task.cancelled]
    for task in reading:
        task.cancel()
    return len(reading)


def running_tasks() -> int:
    """How many tasks have not reported yet."""
    return len(_running)


def wait_for_tasks(msecs: int = 30000) -> bool:
    """Block until the pool is idle, or for `msecs` at most (-1: no limit); idle?"""
    return QThreadPool.globalInstance().waitForDone(msecs)
