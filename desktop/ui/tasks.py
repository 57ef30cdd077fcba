"""Background work on QThreadPool, with results and progress handed back on the GUI thread.

A task that touches the study opens its own connection: sqlite connections belong to
the thread that made them.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

ProgressFn = Callable[[int, int], None]


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class Task(QRunnable):
    """Runs `fn(progress)` on a worker thread."""

    def __init__(self, fn: Callable[[ProgressFn], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self.setAutoDelete(False)  # the Python side keeps the task alive until it reports

    @Slot()
    def run(self) -> None:
        """Call the function; report its result or its exception."""
        try:
            try:
                result = self.fn(lambda done, total: self.signals.progress.emit(done, total))
            except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread as a value
                exc.__yandu_traceback__ = traceback.format_exc()
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
        _running.pop(self.task, None)
        self.on_done(result)

    @Slot(object)
    def failed(self, exc: BaseException) -> None:
        _running.pop(self.task, None)
        if self.on_error is not None:
            self.on_error(exc)

    @Slot(int, int)
    def progress(self, done: int, total: int) -> None:
        if self.on_progress is not None:
            self.on_progress(done, total)


_running: dict[Task, _Relay] = {}


def run_task(fn: Callable[[ProgressFn], Any], on_done: Callable[[Any], None],
             on_error: Callable[[BaseException], None] | None = None,
             progress: Callable[[int, int], None] | None = None) -> Task:
    """Run `fn(progress)` off the GUI thread; `on_done`/`on_error` run on the GUI thread."""
    task = Task(fn)
    relay = _Relay(task, on_done, on_error, progress)
    _running[task] = relay
    task.signals.done.connect(relay.done)
    task.signals.failed.connect(relay.failed)
    task.signals.progress.connect(relay.progress)
    QThreadPool.globalInstance().start(task)
    return task


def running_tasks() -> int:
    """How many tasks have not reported yet."""
    return len(_running)


def wait_for_tasks(msecs: int = 30000) -> bool:
    """Block until the pool is idle (for tests and quitting)."""
    return QThreadPool.globalInstance().waitForDone(msecs)
