"""The recording of the open document: attaching it, finding it when it moved, playing
it in step with the text, and stamping turns while listening.

Qt Multimedia is loaded with the first recording opened (`engine.py`), not at start-up.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog

from desktop.core import library, media
from desktop.core.citations import SourceMarks, clock
from desktop.core.commands import Changes
from desktop.core.errors import YanduError
from desktop.ui.i18n import fill
from desktop.ui.player.follow import Follower
from desktop.ui.player.panel import SPEEDS, PlayerDock
from desktop.ui.settings import read_bool, read_int
from desktop.ui.transcript_margin import margin_labels

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.player.engine import Engine

SKIP_MS = 3000  # back and forward keys
REWIND_MS = 2000  # what a pause rewinds, when the reader asked for it


class PlayerController(QObject):
    """Plays the open document's recording and keeps the text in step with it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window, self.session, self.view = window, window.session, window.view
        self.feedback, self.settings = window.feedback, window.settings
        self.dock = PlayerDock(window)
        self.dock.hide()
        window.add_dock(self.dock, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.follower = Follower(self.view)
        self.follower.following_changed.connect(self._following_changed)
        self.engine: Engine | None = None
        self.recording: media.Recording | None = None
        self.loaded: Path | None = None  # the file playing, when it was found and opened
        self.times: list[media.TurnTime | None] = []
        self._pending: dict[str, Path] = {}  # transcript file name → its recording
        self.rewind_on_pause = read_bool(self.settings, "player/rewind_on_pause", False)
        self.dock.play_clicked.connect(self.toggle_play)
        self.dock.seek_requested.connect(self.seek)
        self.dock.speed_chosen.connect(self.set_speed)
        self.dock.volume_chosen.connect(self._set_volume)
        self.dock.find_clicked.connect(self.find_moved)
        self.dock.volume.setValue(read_int(self.settings, "player/volume", 100))
        self.session.document_opened.connect(lambda _id: self.open_recording())
        self.session.document_reloaded.connect(lambda: self.refresh_times(relabel=False))
        self.session.changes_applied.connect(self._changes_applied)
        self.session.documents_changed.connect(
            lambda: self._attach_pending() if self._pending else None)
        self.view.margin.label_clicked.connect(self._time_clicked)

    # ---- the recording ----------------------------------------------------------------

    def open_recording(self, *, relabel: bool = False) -> None:
        """Show the open document's recording in the panel (the panel hides without);
        `relabel`: the margin's times changed too (the reading view wrote them on opening)."""
        self._unload()
        session = self.session
        self.recording = (media.recording(session.db, session.document_id)
                          if session.document_id is not None else None)
        self.refresh_times(relabel=relabel)
        rec = self.recording
        self.dock.setVisible(rec is not None)
        if rec is None:
            return
        path = media.locate(session.db, rec)
        if path is None:
            self.dock.set_controls_enabled(False)
            self.dock.show_message(fill(self.tr(
                "%1 is no longer at %2: the transcript works as before; Find… says where "
                "it is now."), rec.name, rec.absolute_path), offer_find=True)
            return
        self._load(path)

    def _load(self, path: Path) -> None:
        engine = self._engine()
        engine.load(path, video=self.recording.kind == "video")
        self.loaded = path
        self.dock.set_video(engine.video if self.recording.kind == "video" else None)
        self.dock.set_duration(self.recording.duration_ms or 0)
        self.dock.set_position(0)
        self.dock.set_controls_enabled(True)
        self.dock.show_message("")
        self.view.margin.set_clickable(True)

    def _unload(self) -> None:
        if self.engine is not None and self.loaded is not None:
            self.engine.unload()
        self.loaded = None
        self.dock.set_video(None)
        self.follower.clear()
        self.view.margin.set_clickable(False)

    def _engine(self) -> Engine:
        if self.engine is None:
            from desktop.ui.player.engine import Engine  # loads Qt Multimedia

            engine = self.engine = Engine(self)
            engine.position_changed.connect(self._position)
            engine.duration_changed.connect(self._duration)
            engine.playing_changed.connect(self._playing_changed)
            engine.failed.connect(self._failed)
            engine.set_volume(self.dock.volume.value())
            engine.set_rate(self.dock.speed.currentData())
        return self.engine

    def choose_recording(self) -> None:
        """Ask for a recording to attach to the open document."""
        if self.session.document_id is None:
            self.feedback.status(self.tr("Open a transcript first, then attach its recording."),
                                 5000)
            return
        patterns = " ".join(f"*{s}" for s in media.SUPPORTED)
        dialog = QFileDialog(self.window, self.tr("Attach a recording"))
        dialog.setNameFilter(fill(self.tr("Recordings (%1)"), patterns))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda name: self.attach(Path(name)))
        dialog.open()

    def attach(self, path: Path) -> bool:
        """Attach `path` to the open document (undoably); a bad file is one line."""
        if self.session.document_id is None:
            return False
        try:
            command = media.AttachRecording(self.session.document_id, path)
        except YanduError as exc:
            self.feedback.error(str(exc))
            return False
        if not self.session.run(command):
            return False
        self.feedback.status(fill(self.tr("%1 is attached to this transcript."), path.name), 5000)
        return True

    def detach(self) -> None:
        """Forget the open document's recording (Undo attaches it again)."""
        if self.recording is None:
            self.feedback.status(self.tr("This transcript has no recording."), 5000)
            return
        self.session.run(media.AttachRecording(self.session.document_id, None))

    def find_moved(self) -> None:
        """Ask once where the missing recording is now; the study remembers the answer."""
        rec = self.recording
        if rec is None:
            return
        dialog = QFileDialog(self.window, fill(self.tr("Where is %1 now?"), rec.name))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.selectFile(rec.name)
        dialog.fileSelected.connect(lambda name: self.found_at(Path(name)))
        dialog.open()

    def found_at(self, path: Path) -> bool:
        """The missing recording is at `path`: check it is the same file, remember it."""
        try:
            self.recording = media.relocate(self.session.db, self.session.document_id, path)
        except (YanduError, sqlite3.Error) as exc:
            self.feedback.error(str(exc))
            return False
        self.open_recording()
        return True

    def take_recordings(self, paths: list[Path]) -> list[Path]:
        """Of dropped files, the ones to import. A recording named like a dropped
        transcript (talk.srt and talk.mp3), or lying beside one, is attached to it once
        imported; any other recording is attached to the open document."""
        recordings = [p for p in paths if p.suffix.lower() in media.SUPPORTED]
        transcripts = [p for p in paths if p not in recordings]
        for transcript in transcripts:
            beside = next((r for r in recordings if r.stem == transcript.stem), None)
            beside = beside or media.recording_beside(transcript)
            if beside is not None:
                self._pending[transcript.name] = beside
                if beside in recordings:
                    recordings.remove(beside)
        if recordings and self.session.document_id is not None:
            self.attach(recordings[0])
        return transcripts

    def _attach_pending(self) -> None:
        """Attach the recordings waiting for their transcripts, once these are imported."""
        for name, path in list(self._pending.items()):
            try:
                document = library.find_document(self.session.db, name)
            except YanduError:
                continue  # not imported yet (or it failed: the import said so)
            del self._pending[name]
            if media.recording(self.session.db, document.id) is None:
                try:
                    command = media.AttachRecording(document.id, path)
                except YanduError as exc:
                    self.feedback.error(str(exc))
                    continue
                self.session.run(command)

    def _changes_applied(self, changes: Changes) -> None:
        if changes.annotations or changes.glossary or self.session.document_id is None:
            return
        if changes.document_ids and self.session.document_id not in changes.document_ids:
            return
        now = media.recording(self.session.db, self.session.document_id)
        if now != self.recording:
            self.open_recording(relabel=True)  # attached, detached, or undone
        else:
            self.refresh_times()

    # ---- times ---------------------------------------------------------------------

    def refresh_times(self, *, relabel: bool = True) -> None:
        """Read the turns' times again (stamps, a duration, a recording came or went):
        the follow layer, the slider's ticks and (with `relabel`) the margin."""
        session = self.session
        if session.document_id is None:
            self.times = []
        else:
            session.marks = SourceMarks.load(session.db, session.document_id, session.turns)
            self.times = [session.marks.turn_times.get(t.id) for t in session.turns]
            if relabel and self.view.turns == session.turns:
                self.view.set_references(margin_labels(session.marks, session.turns))
        self.follower.set_times(self.times)
        colours = {s.id: QColor(s.colour) for s in session.speakers}
        grey = QColor("#9e9e9e")
        self.dock.slider.set_marks([(t.start_ms, colours.get(turn.speaker_id, grey))
                                    for turn, t in zip(session.turns, self.times, strict=False)
                                    if t is not None])

    # ---- playing -------------------------------------------------------------------

    def _ready(self) -> bool:
        """Whether a recording is open to play; says why not, once, when it is not."""
        if self.loaded is not None:
            return True
        if self.recording is not None:
            self.find_moved()
        else:
            self.feedback.status(self.tr("This transcript has no recording: Recording > Attach "
                                    "a recording."), 5000)
        return False

    def toggle_play(self) -> None:
        if not self._ready():
            return
        engine = self.engine
        if engine.playing:
            engine.pause()
            if self.rewind_on_pause:
                engine.seek(engine.position() - REWIND_MS)
        else:
            engine.play()

    def skip(self, ms: int) -> None:
        if self._ready():
            self.seek(self.engine.position() + ms)

    def seek(self, ms: int) -> None:
        if self.engine is not None and self.loaded is not None:
            self.engine.seek(ms)

    def step_speed(self, step: int) -> None:
        index = min(max(self.dock.speed.currentIndex() + step, 0), len(SPEEDS) - 1)
        self.dock.speed.setCurrentIndex(index)  # says speed_chosen

    def set_speed(self, rate: float) -> None:
        if self.engine is not None:
            self.engine.set_rate(rate)
        self.feedback.status(fill(self.tr("Playing at %1×"), f"{rate:g}"), 2000)

    def _set_volume(self, percent: int) -> None:
        self.settings.setValue("player/volume", percent)
        if self.engine is not None:
            self.engine.set_volume(percent)

    def set_rewind_on_pause(self, on: bool) -> None:
        self.rewind_on_pause = on
        self.settings.setValue("player/rewind_on_pause", on)

    def play_from(self, offset: int) -> bool:
        """Play from document offset `offset` (its time within its turn), following."""
        if not self._ready():
            return False
        index = self.session.turn_index_at(offset)
        ms = media.time_at(self.times, self.session.turns, index, offset)
        if ms is None:
            self.feedback.status(self.tr("This turn has no time yet: stamp it while listening."),
                                 5000)
            return False
        self.follower.set_following(True)
        self.seek(ms)
        self.engine.play()
        return True

    def play_here(self) -> None:
        """Play from the current annotation when its panel has the focus, else from the
        text cursor (where a jump to a search hit or a compare cell leaves it)."""
        annotations = self.window.annotations_dock
        if annotations.list.hasFocus():
            current = self.window.annotations.current()
            if current is not None:
                self.play_from(current.start)
                return
        offset = self.view.cursor_offset()
        if offset is None:
            offset = self.view.top_offset()
        if offset is not None:
            self.play_from(offset)

    def _time_clicked(self, index: int) -> None:
        """A click on a turn's time in the margin plays from its start."""
        if 0 <= index < len(self.times) and self.times[index] is not None:
            self.play_from(self.session.turns[index].text_start)

    def follow_again(self) -> None:
        self.follower.follow_again()

    def stamp(self) -> None:
        """The turn at the cursor starts now; the cursor moves on to the next shown turn,
        so the next press stamps the next turn."""
        if not self._ready():
            return
        view, session = self.view, self.session
        index = view.current_turn()
        if index < 0:
            index = self.follower.layer.index
        if index < 0:
            return
        turn, ms = session.turns[index], self.engine.position()
        if not session.run(media.StampTurn(session.document_id, turn.id, ms)):
            return
        self.feedback.status(fill(self.tr("Turn %1 starts at %2."), str(turn.number), clock(ms)),
                             4000)
        following = next((i for i in range(index + 1, len(session.turns))
                          if view.turn_shown(i)), None)
        if following is not None:
            self.follower.own_move(
                lambda: view.scroll_to_offset(session.turns[following].text_start))

    # ---- from the engine -------------------------------------------------------------

    def _position(self, ms: int) -> None:
        self.dock.set_position(ms)
        self.follower.show_position(ms)

    def _duration(self, ms: int) -> None:
        self.dock.set_duration(ms)
        rec = self.recording
        if rec is not None and ms > 0 and rec.duration_ms != ms:
            try:
                media.set_duration(self.session.db, rec.document_id, ms)
            except sqlite3.Error:
                return  # a study open for viewing only: the estimates wait
            self.recording = media.recording(self.session.db, rec.document_id)
            self.refresh_times()  # estimates now reach the end

    def _playing_changed(self, playing: bool) -> None:
        self.dock.set_playing(playing)
        self.follower.playing = playing

    def _failed(self, reason: str) -> None:
        name = self.recording.name if self.recording else ""
        self.loaded = None
        self.dock.set_controls_enabled(False)
        self.dock.show_message(fill(self.tr("%1 cannot be played (%2); the transcript works as "
                                       "before."), name, reason))

    def _following_changed(self, following: bool) -> None:
        if not following:
            from PySide6.QtGui import QKeySequence

            from desktop.ui.player.keys import PlayerAction

            key = self.window.actions[PlayerAction.FOLLOW].shortcut().toString(
                QKeySequence.SequenceFormat.NativeText)
            self.feedback.status(fill(self.tr("Following paused while you read elsewhere; %1 "
                                         "follows the recording again."), key or "—"), 6000)
