"""Marking turns read: a turn whose end has stayed on screen for a few seconds in the
reading view counts as read (its document's progress is kept in the study)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.ui.controllers.reading import ReadingController
from desktop.ui.session import Session

DWELL_MS = 4000  # long enough to read the end of a turn, short enough to keep up


class ReadingTracker(QObject):
    """Watches the reading view's screen; after it rests DWELL_MS, records what it shows."""

    marked = Signal(int)  # a document with newly read turns

    def __init__(self, session: Session, reading: ReadingController) -> None:
        super().__init__(reading)
        self.session, self.reading, self.view = session, reading, reading.view
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DWELL_MS)
        self.timer.timeout.connect(self.settle)
        self.view.verticalScrollBar().valueChanged.connect(lambda _value: self.restart())
        self.view.first_painted.connect(self.restart)
        session.document_opened.connect(lambda _id: self.restart())

    def restart(self) -> None:
        """The screen moved: wait for it to rest again."""
        if self.session.is_attached:
            self.timer.start()

    def turns_on_screen(self) -> list[int]:
        """The ids of the shown turns whose speech ends on screen."""
        view = self.view
        if (not view.turns or not view.isVisible() or view.window().isMinimized()
                or self.reading.showing_compare):
            return []
        start, end = view.visible_range(margin=0)
        shown = view.visible_turns
        return [t.id for i, t in enumerate(view.turns)
                if (i >= len(shown) or shown[i]) and start < t.text_end <= end]

    def settle(self) -> None:
        """Record the turns on screen as read (now)."""
        document_id = self.session.document_id
        ids = self.turns_on_screen()
        if document_id is None or not ids:
            return
        from desktop.core.review import progress

        try:
            added = progress.mark_read(self.session.db, document_id, ids)
        except Exception as exc:  # noqa: BLE001 - a locked or read-only study: said, not fatal
            self.session.failed.emit(str(exc))
            return
        if added:
            self.marked.emit(document_id)
