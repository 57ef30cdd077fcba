"""Save a picture of the real window on the sample: `python -m desktop.ui.screenshot OUT.png`.

Runs the window on a study (by default a fresh one in a temporary folder, which gets the
bundled sample), waits for it to settle, shows an annotation and a filtered view if asked,
and saves `window.grab()`. Needs a display: use a virtual one (Xvfb) on a server.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path


def _settle(app, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def main(argv: list[str] | None = None) -> int:
    """Open the window, wait for the sample, save a PNG; exit code."""
    parser = argparse.ArgumentParser(prog="python -m desktop.ui.screenshot")
    parser.add_argument("out", type=Path, help="the PNG to write")
    parser.add_argument("--db", help="the study (default: a new one with the sample)")
    parser.add_argument("--size", default="1440x900", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--language", choices=("en", "zh_CN"), help="interface language")
    parser.add_argument("--dark", action="store_true", help="use the dark colour scheme")
    parser.add_argument("--demo", action="store_true",
                        help="add two example annotations first (only to a new study)")
    parser.add_argument("--compare", action="store_true",
                        help="show the compare view (one column per speaker)")
    parser.add_argument("--narrow", metavar="WIDTH", type=int,
                        help="narrow the window to WIDTH first, then give it its size back")
    args = parser.parse_args(argv)

    from desktop.ui.app import has_display

    if not has_display():
        print("screenshot: no display; run it under Xvfb (DISPLAY=:99).", file=sys.stderr)
        return 2
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    if args.dark:
        from PySide6.QtCore import Qt

        app.setStyle("Fusion")  # a style that follows the colour scheme everywhere
        app.styleHints().setColorScheme(Qt.ColorScheme.Dark)
        app.setPalette(dark_palette())  # for platforms without a dark theme of their own
    scratch = tempfile.TemporaryDirectory(prefix="yandu-shot-")
    # Keep the user's settings out of it, and it out of the user's settings.
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, scratch.name)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, scratch.name)
    if args.language:
        from desktop.ui.settings import app_settings

        app_settings().setValue("language", args.language)
    db_path = args.db or str(Path(scratch.name) / "study.sqlite")
    from desktop.ui.app import build_window
    from desktop.ui.tasks import wait_for_tasks

    window = build_window(db_path)
    width, height = (int(v) for v in args.size.lower().split("x"))
    window.resize(width, height)
    window.show()
    deadline = time.monotonic() + 30
    while window.session.document_id is None and time.monotonic() < deadline:
        _settle(app, 0.1)
    wait_for_tasks()
    if args.demo and args.db is None and window.session.document_id is not None:
        _demo(window)
    if args.compare and not window.reading.showing_compare:
        window.reading.switch_view()
    if args.narrow:
        _settle(app, 0.5)
        window.resize(args.narrow, height)
        _settle(app, 0.5)
        window.resize(width, height)
    _settle(app, 0.5)
    window.grab().save(str(args.out), None, 0)  # 0: the smallest PNG
    window.close()
    window.session.db.close()
    print(f"saved {args.out}")
    return 0


def dark_palette():
    """A plain dark palette (what a desktop's dark theme gives, roughly)."""
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    role = QPalette.ColorRole
    for name, colour in ((role.Window, "#2b2b2b"), (role.WindowText, "#e6e6e6"),
                         (role.Base, "#1f1f1f"), (role.AlternateBase, "#292929"),
                         (role.Text, "#e6e6e6"), (role.Button, "#353535"),
                         (role.ButtonText, "#e6e6e6"), (role.Highlight, "#3d7bd9"),
                         (role.HighlightedText, "#ffffff"), (role.PlaceholderText, "#9a9a9a"),
                         (role.ToolTipBase, "#353535"), (role.ToolTipText, "#e6e6e6")):
        palette.setColor(name, QColor(colour))
    return palette


def _demo(window) -> None:
    """Two overlapping annotations in the second section, and the cursor on the first."""
    from desktop.core.annotations import CreateAnnotation, new_annotation

    turn = window.session.turns[7]
    notes = [(turn.text_start + 4, turn.text_start + 30, "**数据飞轮**：用户反馈反哺模型。",
              ("数据", "方法"), "#ffd54f"),
             (turn.text_start + 20, turn.text_start + 52, "对比 张家俊 的回答", ("对比",),
              "#81c784")]
    for start, end, note, tags, colour in notes:
        annotation = new_annotation(window.session.db, window.session.document_id, start, end, note=note,
                                    tags=tags, colour=colour)
        window.session.run(CreateAnnotation(annotation))
    window.view.scroll_to_offset(turn.text_start + 5)
    window.navigator.step_section(-1)  # the question above, with its header at the top


if __name__ == "__main__":
    sys.exit(main())
