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
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from db import StudyError

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Yandu 研读")
    window = None
    try:
        window = build_window(getattr(args, "db", None))
    except StudyError as exc:
        QMessageBox.critical(None, "Yandu", str(exc))
        print(f"yandu: {exc}", file=sys.stderr)
        return EXIT_USAGE
    # jieba's dictionary (≈0.7 s) loads after the first paint, off the GUI thread.
    window.view.first_painted.connect(window.load_segmenter_later)
    QTimer.singleShot(2000, window.load_segmenter_later)  # in case the view is hidden
    window.show()
    return app.exec()


def build_window(db_path: str | None):
    """Open the study, make the window and start the sample import on a first start."""
    from pathlib import Path

    from db import default_study_path, open_study
    from desktop.core import library
    from desktop.ui.i18n import choose_language, install_translator
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import app_settings

    install_translator(choose_language(str(app_settings().value("language", "") or "")))
    path = Path(db_path).expanduser() if db_path else default_study_path()
    db = open_study(path)
    window = MainWindow(db, path)
    if not library.list_documents(db):
        from desktop.core.importing import bundled_sample_path

        window.import_paths([bundled_sample_path()])
    return window
