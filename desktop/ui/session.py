"""The open study and the open document, and the signals that say what changed in them.

One `Session` per window. It owns the connection, the undo history and the watcher
that notices other programs' writes; it holds the open document's turns, speakers,
sections and annotations as plain values. Every edit runs through `run` (or `undo`,
`redo`), which refreshes what the edit touched and then emits `changes_applied` with the
command's `Changes`: panels and controllers listen to the signals here and never to one
another.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from db import StudyError
from db import annotations as annotation_rows
from db.annotations import Annotation
from desktop.core import library
from desktop.core.citations import Citation, SourceMarks
from desktop.core.commands import Changes, Command, History
from desktop.core.errors import YanduError
from desktop.ui.settings import read_int
from desktop.ui.tasks import ProgressFn, run_task

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

    from db.watch import StudyWatcher

POLL_MS = 2000  # how often the study is asked whether another program wrote to it


class Session(QObject):
    """The study a window works on, and the document open in it.

    Made without a study (`Session(path, settings)`), as `yandu` starts, it is inert
    until `attach(db)`; `db` is None until then.
    """

    attached = Signal()
    document_closing = Signal(int)  # the document about to be replaced (keep its place)
    document_opened = Signal(int)
    document_reloaded = Signal()  # its turns, speakers and sections were read again
    annotations_reloaded = Signal()
    documents_changed = Signal()  # the library's list (titles, counts, a new import)
    changes_applied = Signal(object)  # a Changes, after every edit, undo or redo
    history_changed = Signal()
    outside_change = Signal()  # another program wrote: the undo history was forgotten
    failed = Signal(str)  # a one-line message for the user

    def __init__(self, study_path: Path | None, settings: QSettings,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.study_path = Path(study_path) if study_path else None
        self.settings = settings
        self.db: Database | None = None
        self.history: History | None = None
        self._watcher: StudyWatcher | None = None
        self._own_writes = 0  # background writes of ours in flight
        self.document_id: int | None = None
        self.document_title = ""
        self.turns: list[library.Turn] = []
        self.speakers: list[library.Speaker] = []
        self.sections: list[library.Section] = []
        self.annotations: list[Annotation] = []
        self._turn_starts: list[int] = []
        self.marks = SourceMarks([])  # the open document's page, line and time marks
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.check_outside_changes)

    # ---- the study ----------------------------------------------------------------

    def attach(self, db: Database) -> None:
        """Work on the opened study from now on, its last (or first) document open."""
        from db.watch import StudyWatcher

        self.db = db
        self.history = History(db)
        self._watcher = StudyWatcher(db)
        self._poll.start()
        ids = [d.id for d in self.documents()]
        wanted = read_int(self.settings, "document")
        if ids:
            self.open_document(wanted if wanted in ids else ids[0])
        self.documents_changed.emit()
        self.history_changed.emit()
        self.attached.emit()

    @property
    def is_attached(self) -> bool:
        return self.db is not None

    @property
    def watching(self) -> bool:
        """Whether the study is being watched for other programs' writes."""
        return self._poll.isActive()

    def stop_watching(self) -> None:
        """The window closes: no more polling."""
        self._poll.stop()

    def documents(self) -> list[library.DocumentInfo]:
        """Every document of the study, oldest first."""
        return library.list_documents(self.db) if self.db is not None else []

    def run_in_background(self, work: Callable[[Database, ProgressFn], Any],
                          on_done: Callable[[Any], None],
                          on_error: Callable[[BaseException], None] | None = None,
                          progress: Callable[[int, int], None] | None = None, *,
                          writes: bool = True) -> None:
        """Run `work(db, progress)` on a worker thread with a connection of its own
        (sqlite connections belong to their thread); `on_done` gets its result on the GUI
        thread. What a writing task commits is ours: it is not taken for another
        program's write. A study that is not a file (in memory) runs it here and now."""
        path = self.study_path
        if path is None or not path.exists():
            try:
                result = work(self.db, lambda _done, _total: None)
            except Exception as exc:  # noqa: BLE001 - reported like a worker's failure
                if on_error is not None:
                    on_error(exc)
                return
            on_done(result)
            return

        def in_thread(report: ProgressFn) -> Any:
            from db import open_study

            db = open_study(path, create=False)
            try:
                return work(db, report)
            finally:
                db.close()

        def settle(callback, value) -> None:
            if writes:
                self._own_writes -= 1
                self._forget_own_writes()
            if callback is not None:
                callback(value)

        if writes:
            self._own_writes += 1
        run_task(in_thread, lambda result: settle(on_done, result),
                 lambda exc: settle(on_error, exc), progress, writes=writes)

    def _forget_own_writes(self) -> None:
        """Take what our own background work wrote as seen (once none is in flight)."""
        if self._own_writes == 0 and self._watcher is not None:
            # (The study may have been closed while the work ran.)
            with contextlib.suppress(sqlite3.ProgrammingError):
                self._watcher.changed()

    def library_changed(self) -> None:
        """Documents were added outside `run` (an import): the panels list them again."""
        self.documents_changed.emit()

    def check_outside_changes(self) -> None:
        """Reload when another program (a second window, the command line) wrote.

        Its write may touch what an undo would put back, so the undo history goes."""
        if self._watcher is None or self._own_writes:
            return  # our own background write; its completion refreshes what it changed
        try:
            if not self._watcher.changed():
                return
        except sqlite3.ProgrammingError:
            return  # closed
        self.history.clear()
        self.history_changed.emit()
        self.outside_change.emit()
        self.documents_changed.emit()
        ids = {d.id for d in self.documents()}
        if self.document_id is not None and self.document_id not in ids:
            self.document_id = None
            if ids:
                self.open_document(min(ids))
        elif self.document_id is not None:
            self.reload_document()

    # ---- the open document ----------------------------------------------------------

    def open_document(self, document_id: int) -> bool:
        """Make `document_id` the open document; False (and said) when it is gone."""
        try:
            info = library.find_document(self.db, document_id)
        except YanduError as exc:
            self.failed.emit(str(exc))
            return False
        if self.document_id is not None:
            self.document_closing.emit(self.document_id)
        self.document_id = info.id
        self.document_title = info.title
        self.settings.setValue("document", info.id)
        self._read_document()
        self._read_annotations()
        # The library is as it was: the documents panel only marks the open one (listing
        # a thousand documents again at each opening took most of a second).
        self.document_opened.emit(info.id)
        return True

    def reload_document(self) -> None:
        """Read the open document's turns, speakers, sections and annotations again."""
        if self.document_id is None:
            return
        self._read_document()
        self._read_annotations()
        self.document_reloaded.emit()
        self.annotations_reloaded.emit()

    def reload_annotations(self) -> None:
        """Read the open document's annotations again."""
        self._read_annotations()
        self.annotations_reloaded.emit()

    def _read_document(self) -> None:
        self.turns = library.turns(self.db, self.document_id)
        self.speakers = library.speakers(self.db, self.document_id)
        self.sections = library.sections(self.db, self.document_id)
        self._turn_starts = [t.start for t in self.turns]
        self.marks = SourceMarks.load(self.db, self.document_id)

    def _read_annotations(self) -> None:
        self.annotations = ([] if self.document_id is None
                            else annotation_rows.for_document(self.db, self.document_id))

    def turn_index_at(self, offset: int) -> int:
        """The index of the turn whose span holds document offset `offset`, or -1."""
        index = library.index_at(self._turn_starts, offset)
        return index if index >= 0 and offset < self.turns[index].end else -1

    def speaker(self, speaker_id: int | None) -> library.Speaker | None:
        """One of the open document's speakers (None for narration)."""
        return next((s for s in self.speakers if s.id == speaker_id), None)

    def place_of(self, offset: int) -> tuple[str, int]:
        """Who speaks at `offset` ('' for narration) and the number of that turn (0 when
        no turn holds it), as a reader would cite it."""
        index = self.turn_index_at(offset)
        if index < 0:
            return "", 0
        turn = self.turns[index]
        speaker = self.speaker(turn.speaker_id)
        return (speaker.name if speaker else ""), turn.number

    def cite(self, start: int, end: int) -> Citation:
        """Where [start, end) of the open document is in its record (page, line, time, turn)."""
        index = self.turn_index_at(start)
        return self.marks.cite(start, end, self.turns[index] if index >= 0 else None)

    def text(self, start: int, end: int) -> str:
        """The open document's text between two offsets."""
        return library.document_text(self.db, self.document_id, start, end)

    def annotation(self, annotation_id: str | None) -> Annotation | None:
        """One of the open document's annotations."""
        return next((a for a in self.annotations if a.id == annotation_id), None)

    def known_tags(self) -> list[str]:
        """Every tag of the study, for completion."""
        return [name for name, _count in annotation_rows.all_tags(self.db)]

    # ---- edits ------------------------------------------------------------------------

    def run(self, command: Command) -> bool:
        """Apply an undoable edit and refresh what it touched; a failure is one line."""
        try:
            changes = self.history.run(command)
        except (YanduError, StudyError) as exc:
            self.history_changed.emit()  # a stale step clears the history
            self.failed.emit(str(exc))
            return False
        except sqlite3.Error as exc:
            from db.connection import describe_write_error

            self.failed.emit(describe_write_error(self.study_path, exc))
            return False
        self._apply(changes)
        return True

    def undo(self) -> None:
        """Revert the last edit."""
        self._step(self.history.undo)

    def redo(self) -> None:
        """Apply the last undone edit again."""
        self._step(self.history.redo)

    def _step(self, step: Callable[[], Changes]) -> None:
        try:
            changes = step()
        except (YanduError, StudyError, sqlite3.Error) as exc:
            self.history_changed.emit()  # a stale step clears the history
            self.failed.emit(str(exc))
            return
        if changes.document_ids and self.document_id not in changes.document_ids:
            # Show the step where it happened, not a silent change in another document.
            self.open_document(min(changes.document_ids))
        self._apply(changes)

    def _apply(self, changes: Changes) -> None:
        touches_open = not changes.document_ids or self.document_id in changes.document_ids
        if changes.speakers and touches_open:
            self.reload_document()
        elif changes.annotations and touches_open:
            self.reload_annotations()
        if changes.documents or changes.speakers:
            self.documents_changed.emit()
        self.history_changed.emit()
        self.changes_applied.emit(changes)

    def forget_history(self) -> None:
        """Drop every undo step (a write we did not record made them unsafe)."""
        if self.history is not None:
            self.history.clear()
            self.history_changed.emit()
