"""The window side of the benchmark, run in a child process: `python -m desktop.bench.window_probe`.

Modes (each prints one JSON line on stdout):
- `bare`: a bare PySide6 main window, shown and painted (the floor for start-up and memory).
- `prepare STUDY DOC`: open DOC in Yandu's window and close it, so the next start reopens it.
- `player STUDY DOC RUNS`: seek the document's recording to random turns, each until the
  turn is highlighted and painted (`player_figures`).
- `session STUDY DOC OTHER RUNS`: start Yandu's window as `yandu` does, note when the
  reopened transcript is first painted, then time speaker toggles, scrolling to the end and
  opening DOC (after OTHER), each until repainted, and report the peak memory.
- `library STUDY DOC OTHER RUNS`: the same start on a study of many documents, then time
  the documents panel filtered and sorted, each until the panel is repainted, and opening
  DOC (after OTHER) until the reading view is repainted; and the peak memory.
Times are `time.monotonic()` readings (one clock for all processes on Linux) or durations.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time


def _peak_rss_mb() -> float:
    # VmHWM is this process's own peak; ru_maxrss can carry the parent's peak over from
    # before exec, which would make every child look as big as the benchmark itself.
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def _paint_counter(widgets):
    """An application event filter counting finished paints of `widgets`."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class PaintCounter(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.count = 0
            self.last = 0.0
            self.targets = list(widgets)

        def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
            if event.type() == QEvent.Type.Paint and any(obj is w for w in self.targets):
                # The paint is done once control is back in the event loop.
                QTimer.singleShot(0, self._done)
            return False

        def _done(self) -> None:
            self.count += 1
            self.last = time.monotonic()

    return PaintCounter()


def _wait_for_paint(app, counter, before: int, timeout: float = 10.0) -> float | None:
    """Process events until `counter` passes `before`; the time of that paint, or None."""
    from PySide6.QtCore import QEventLoop

    deadline = time.monotonic() + timeout
    while counter.count <= before and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    return counter.last if counter.count > before else None


def _until_painted(app, counter, action) -> float | None:
    """Run `action`; seconds until `counter` saw the next paint, or None (none came)."""
    before = counter.count
    start = time.monotonic()
    action()
    painted = _wait_for_paint(app, counter, before)
    return None if painted is None else painted - start


def _settle(app, seconds: float) -> None:
    from PySide6.QtCore import QEventLoop

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def bare() -> dict:
    """A bare PySide6 window: when it was first painted, and its peak memory."""
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("Yandu"))
    window.resize(1400, 900)
    counter = _paint_counter([window])
    app.installEventFilter(counter)
    window.show()
    painted = _wait_for_paint(app, counter, 0)
    _settle(app, 1.0)
    return {"painted_at": painted, "peak_rss_mb": _peak_rss_mb()}


def prepare(study: str, document_id: int) -> dict:
    """Open `document_id` in Yandu's window and close it (its state is saved)."""
    from PySide6.QtWidgets import QApplication

    from desktop.ui.app import build_window
    from desktop.ui.settings import APPLICATION, ORGANIZATION

    app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    window = build_window(study)
    window.session.open_document(document_id)
    window.show()
    _settle(app, 0.3)
    window.close()
    return {"opened": window.session.document_id}


def session(study: str, document_id: int, other_id: int, runs: int) -> dict:
    """Start Yandu's window as `yandu` does and time what the issue asks, in one process."""
    return _started(study, lambda app, watch, result, segment: _measure(
        app, watch, result, document_id, other_id, runs, segment))


def library(study: str, document_id: int, other_id: int, runs: int) -> dict:
    """Start Yandu's window on a library study and time its documents panel and a switch
    of documents."""
    return _started(study, lambda app, watch, result, _segment: _measure_library(
        app, watch, result, document_id, other_id, runs))


def _started(study: str, measure_with) -> dict:
    """Start Yandu's window as `yandu` does, note when the reopened transcript is first
    painted, then run `measure_with(app, watch, result, segment)` and close it."""
    from argparse import Namespace

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.ui.app import run_app
    from desktop.ui.transcript_view import TranscriptView

    app = QApplication(sys.argv[:1])
    result: dict = {}
    _note_segmenter_start(result)

    class Watch:
        counter = None
        view = None

    def measure() -> None:
        try:
            from desktop.core import segment

            measure_with(app, Watch, result, segment)
        except Exception as exc:  # report, never hang the parent
            result["error"] = f"{type(exc).__name__}: {exc}"
        for widget in app.topLevelWidgets():
            widget.close()
        app.quit()

    def first_paint() -> None:
        if Watch.counter is None or Watch.counter.count == 0:
            QTimer.singleShot(1, first_paint)
            return
        result["painted_at"] = Watch.counter.first_end or Watch.counter.last
        # The document whose text the reading view painted (the study itself may still
        # be opening: the window paints the reader's place first).
        view = Watch.view
        result["document_at_paint"] = view.turns[0].document_id if view.turns else None
        QTimer.singleShot(0, measure)

    # The filter must be in place before the window's first paint, and run_app builds and
    # shows the window itself: so watch every reading view from the application's filter.
    _install_early_watch(app, Watch, TranscriptView)
    QTimer.singleShot(0, first_paint)
    run_app(Namespace(db=study))
    result["peak_rss_mb"] = _peak_rss_mb()
    return result


def _note_segmenter_start(result: dict) -> None:
    """Record when the segmenter's dictionary first starts loading (it must follow the paint).

    Its module is not imported here, which would put its import before Yandu's first paint:
    its `initialize` is wrapped when Yandu itself imports it.
    """
    import importlib.abc
    import importlib.util

    name = "desktop.core.segment"

    def wrap(segment) -> None:
        original = segment.initialize

        def initialize() -> None:
            result.setdefault("segmenter_started_at", time.monotonic())
            original()

        segment.initialize = initialize

    class Finder(importlib.abc.MetaPathFinder):
        def find_spec(self, fullname, path, target=None):
            if fullname != name:
                return None
            sys.meta_path.remove(self)
            spec = importlib.util.find_spec(fullname)
            run = spec.loader.exec_module

            def exec_module(module) -> None:
                run(module)
                wrap(module)

            spec.loader.exec_module = exec_module
            return spec

    if name in sys.modules:
        wrap(sys.modules[name])
    else:
        sys.meta_path.insert(0, Finder())


def _install_early_watch(app, watch, view_class) -> None:
    """Count paints of any reading view's viewport from the very first one."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class EarlyCounter(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.count = 0
            self.last = 0.0
            self.first_end: float | None = None

        def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
            if event.type() == QEvent.Type.Paint:
                parent = obj.parent()
                if isinstance(parent, view_class) and obj is parent.viewport():
                    if watch.view is None:
                        watch.view = parent
                        # The view says when its text is on screen; a timer queued from here
                        # could be held up by the segmenter, which starts loading right then.
                        signal = getattr(parent, "first_painted", None)
                        if signal is not None:
                            signal.connect(self._first_end)
                    QTimer.singleShot(0, self._done)
            return False

        def _first_end(self) -> None:
            if self.first_end is None:
                self.first_end = time.monotonic()

        def _done(self) -> None:
            self.count += 1
            self.last = time.monotonic()

    watch.counter = EarlyCounter()
    app.installEventFilter(watch.counter)


def _measure(app, watch, result: dict, document_id: int, other_id: int, runs: int,
             segment) -> None:
    view = watch.view
    window = view.window()
    counter = watch.counter
    _settle(app, 1.0)  # the segmenter loads in the background meanwhile
    result["segmenter_ready_after_1s"] = segment.is_ready()

    def until_painted(action) -> float | None:
        return _until_painted(app, counter, action)

    toggles: list[float | None] = []
    for _ in range(runs):
        toggles.append(until_painted(lambda: window.speaker_filter.toggle_speaker(1)))
        toggles.append(until_painted(lambda: window.speaker_filter.toggle_speaker(1)))
    result["toggle"] = toggles

    bar = view.verticalScrollBar()
    scrolls: list[float | None] = []
    for _ in range(runs):
        if bar.value() != 0:
            until_painted(lambda: bar.setValue(0))
        if bar.maximum() == 0:
            break  # the whole transcript fits: nothing to scroll, nothing to repaint
        scrolls.append(until_painted(lambda: bar.setValue(bar.maximum())))
    result["scroll_to_end"] = scrolls

    opens: list[float | None] = []
    for _ in range(runs):
        until_painted(lambda: window.session.open_document(other_id))
        opens.append(until_painted(lambda: window.session.open_document(document_id)))
    result["open"] = opens
    result["turns_shown"] = len(getattr(window, "turns", []))


def _measure_library(app, watch, result: dict, document_id: int, other_id: int,
                     runs: int) -> None:
    window = watch.view.window()
    _settle(app, 1.0)  # the study opens and the panel fills meanwhile
    dock = window.documents_dock
    panel = _paint_counter([dock.list.viewport()])
    app.installEventFilter(panel)

    def until_painted(counter, action) -> float | None:
        return _until_painted(app, counter, action)

    filters: list[float | None] = []
    sorts: list[float | None] = []
    opens: list[float | None] = []
    for _ in range(runs):
        filters.append(until_painted(panel, lambda: dock.filter_edit.setText("1")))
        until_painted(panel, dock.filter_edit.clear)
        sorts.append(until_painted(panel, dock.order_actions["title"].trigger))
        until_painted(panel, dock.order_actions["library"].trigger)
        if other_id != document_id:
            until_painted(watch.counter, lambda: window.session.open_document(other_id))
            opens.append(until_painted(watch.counter,
                                       lambda: window.session.open_document(document_id)))
    result.update(panel_filter=filters, panel_sort=sorts, open=opens,
                  documents_listed=len(dock.document_ids()))


def main(argv: list[str]) -> int:
    """Run one mode and print its JSON line."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    mode = argv[0] if argv else ""
    if mode == "bare":
        out = bare()
    elif mode == "prepare":
        out = prepare(argv[1], int(argv[2]))
    elif mode in ("session", "library"):
        run = session if mode == "session" else library
        out = run(argv[1], int(argv[2]), int(argv[3]), int(argv[4]))
    elif mode == "player":
        from PySide6.QtWidgets import QApplication

        from desktop.bench.player_figures import measure

        out = measure(QApplication(sys.argv[:1]), argv[1], int(argv[2]), int(argv[3]),
                      _wait_for_paint, _paint_counter, _settle)
    else:
        print("usage: window_probe bare | prepare STUDY DOC | session STUDY DOC OTHER RUNS"
              " | library STUDY DOC OTHER RUNS | player STUDY DOC RUNS",
              file=sys.stderr)
        return 2
    print(json.dumps(out), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
