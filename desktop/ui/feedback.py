"""Telling the user what happened: a line in the status bar, or a warning for a failure."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QMainWindow, QMessageBox


class Feedback:
    """The window's status bar and warning box, for controllers that have no window."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window

    def status(self, message: str, msecs: int = 0) -> None:
        """Say `message` in the status bar (for `msecs`, or until the next message)."""
        self.window.statusBar().showMessage(message, msecs)

    def status_after(self, message: str, msecs: int) -> None:
        """Say `message` once the current event is handled, so that it follows (and
        outlasts) the messages the event's own steps give."""
        QTimer.singleShot(0, self.window, lambda: self.status(message, msecs))

    def current(self) -> str:
        """What the status bar says now."""
        return self.window.statusBar().currentMessage()

    def error(self, message: str) -> None:
        """Tell the user about a problem in one line, in a box they close."""
        self.status(message, 8000)
        QMessageBox.warning(self.window, QCoreApplication.translate("MainWindow", "Yandu"),
                            message)
