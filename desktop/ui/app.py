"""Starting the window: display check, application, translation, study, first start."""

from __future__ import annotations

import argparse
import os
import sys

from desktop.ui.settings import APPLICATION, ORGANIZATION

EXIT_USAGE = 2


def has_display() -> bool:
    """Whether Qt can show a window here (on Linux: a display, Wayland or a QPA platform).

    Qt aborts the process when it cannot reach a display, so a local X display whose
    socket is missing counts as none.
    """
    if not sys.platform.startswith("linux"):
        return True
    if os.environ.get("QT_QPA_PLATFORM") or os.environ.get("WAYLAND_DISPLAY"):
        return True
    display = os.environ.get("DISPLAY", "")
    if not display:
        return False
    if display.startswith(":"):  # a local display: its socket must exist
        number = display[1:].split(".")[0]
        return os.path.exists(f"/tmp/.X11-unix/X{number}")
    return True


def run_app(args: argparse.Namespace) -> int:
    """Open the window on the study named by `args.db` (else the default); exit code."""
    if not has_display():
        print("yandu: no display to open the window on (no reachable DISPLAY or "
              "WAYLAND_DISPLAY); use the command line instead, e.g. `yandu list` and "
              "`yandu show DOC`.", file=sys.stderr)
        return EXIT_USAGE
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Yandu 研读")
    window = start_window(getattr(args, "db", None))
    # jieba's dictionary (≈0.7 s) loads after the first paint, off the GUI thread.
    window.session.attached.connect(window.importer.load_segmenter_later)
    close_on_signals(window)
    window.show()
    return app.exec()


def close_on_signals(window) -> None:
    """End on SIGTERM (a logout, a shutdown) or SIGINT (Ctrl+C in the terminal) as Ctrl+Q
    does: the window closes, remembering the reader's place, and the exit code is 0.

    Python runs a signal handler only when the interpreter next gets control, which
    the event loop does not give while it waits; the signal's number, written to a socket
    the loop watches (`signal.set_wakeup_fd`), wakes it.
    """
    import contextlib
    import signal
    import socket

    from PySide6.QtCore import QSocketNotifier, QTimer
    from PySide6.QtWidgets import QApplication

    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, window)
    notifier.sockets = (reader, writer)  # kept open as long as the window

    def drain() -> None:  # the handler below has run on the way into this slot
        with contextlib.suppress(OSError):
            reader.recv(64)

    def quit_now() -> None:
        window.close()  # saves the state, as File > Quit does
        QApplication.instance().exit(0)  # even if a dialog would not close

    def handle(_number, _frame) -> None:
        QTimer.singleShot(0, quit_now)  # from the event loop, not inside whatever ran

    notifier.activated.connect(drain)
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, handle)


def start_window(db_path: str | None):
    """The window as `yandu` starts it: painted first, the study opened right after.

    Before the first paint only Qt and the window's own modules load: the reader's place
    comes from a quick read-only look at the study. Opening the study itself (sqlite-utils,
    checks, an upgrade if one is due) and everything that needs it follows the paint. A
    study that cannot be opened is a message, and the application ends with exit code 2.
    """
    import contextlib
    from pathlib import Path

    from PySide6.QtCore import QCoreApplication, QTimer

    from db.peek import default_study_path, peek_study
    from desktop.ui.i18n import choose_language, install_translator
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import app_settings

    install_translator(choose_language(str(app_settings().value("language", "") or "")))
    path = Path(db_path).expanduser() if db_path else default_study_path()
    window = MainWindow(None, path)
    window.restore_layout()
    window.show()  # laid out at its real size, so the reader's place lands where it will stay
    conn = peek_study(path)
    if conn is not None:
        # Only a look: whatever goes wrong here, the opening that follows says it.
        with contextlib.closing(conn), contextlib.suppress(Exception):
            window.show_first_screen(conn)
    opening = QCoreApplication.translate("MainWindow", "Opening the study…")
    window.statusBar().showMessage(opening)
    started = False

    def open_now() -> None:
        nonlocal started
        if started or not window.isVisible():  # once; never for a window already closed
            return
        started = True
        try:
            attach_study(window, path)
        except Exception as exc:  # noqa: BLE001 - any failure is one message, then exit 2
            _give_up(window, exc)
            return
        if window.statusBar().currentMessage() == opening:
            window.statusBar().clearMessage()

    window.view.first_painted.connect(lambda: QTimer.singleShot(0, window, open_now))
    QTimer.singleShot(500, window, open_now)  # in case no paint comes (a minimised window)
    return window


def _give_up(window, exc: BaseException) -> None:
    """Say in one line why the study cannot be opened; close; end with exit code 2."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from db import StudyError

    if isinstance(exc, StudyError):
        message = str(exc)
    else:  # not expected; still one line, never a traceback
        message = f"Yandu could not open the study ({type(exc).__name__}: {exc})".splitlines()[0]
    print(f"yandu: {message}", file=sys.stderr)
    QMessageBox.critical(window, "Yandu", message)
    window.close()
    QApplication.instance().exit(EXIT_USAGE)


def attach_study(window, path) -> None:
    """Open the study at `path` into `window` (StudyError if it cannot be opened)."""
    from db import open_study

    db = open_study(path)
    window.attach(db)
    _import_sample_on_first_start(window)


def _import_sample_on_first_start(window) -> None:
    if not window.session.documents():
        from desktop.core.importing import bundled_sample_path

        window.importer.import_paths([bundled_sample_path()])


def build_window(db_path: str | None):
    """Open the study, make the window and start the sample import on a first start
    (all before returning: for scripts and tests; `yandu` itself uses `start_window`)."""
    from pathlib import Path

    from db import default_study_path, open_study
    from desktop.ui.i18n import choose_language, install_translator
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import app_settings

    install_translator(choose_language(str(app_settings().value("language", "") or "")))
    path = Path(db_path).expanduser() if db_path else default_study_path()
    window = MainWindow(open_study(path), path)
    _import_sample_on_first_start(window)
    return window
