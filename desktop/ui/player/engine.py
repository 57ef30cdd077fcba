"""The sound and picture: Qt Multimedia's player, loaded only when a recording opens.

Importing this module loads QtMultimedia (and Qt's FFmpeg backend), so the window imports
it on first use, never at start-up. The pitch is kept when the rate changes (Qt's FFmpeg
backend offers pitch compensation, on by default in 6.11; it is asked for explicitly), so
0.5× and 2× still sound like the speaker.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtWidgets import QWidget

TICK_MS = 50  # how often the position is read while playing (the follow layer's pace)


class Engine(QObject):
    """One QMediaPlayer with its audio output (and a video widget for a video)."""

    position_changed = Signal(int)  # ms, while playing and after every seek
    duration_changed = Signal(int)
    playing_changed = Signal(bool)
    failed = Signal(str)  # Qt's one-line description of why the file cannot play

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.player.setAudioOutput(self.audio)
        if (self.player.pitchCompensationAvailability()
                != QMediaPlayer.PitchCompensationAvailability.Unavailable):
            self.player.setPitchCompensation(True)
        self.video: QWidget | None = None
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(lambda: self.position_changed.emit(self.player.position()))
        self.player.durationChanged.connect(lambda ms: self.duration_changed.emit(int(ms)))
        self.player.playbackStateChanged.connect(self._state_changed)
        self.player.errorOccurred.connect(self._error)

    def load(self, path: Path, *, video: bool) -> None:
        """Open a file (paused at its start); a video is shown in `video_widget()`."""
        if video and self.video is None:
            from PySide6.QtMultimediaWidgets import QVideoWidget

            self.video = QVideoWidget()
            self.video.setObjectName("player_video")
        self.player.setVideoOutput(self.video if video else None)
        self.player.setSource(QUrl.fromLocalFile(str(path)))

    def unload(self) -> None:
        self.player.stop()
        self.player.setSource(QUrl())

    @property
    def playing(self) -> bool:
        return self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def play(self) -> None:
        self.player.play()

    def pause(self) -> None:
        self.player.pause()

    def position(self) -> int:
        return self.player.position()

    def duration(self) -> int:
        return self.player.duration()

    def seek(self, ms: int) -> None:
        self.player.setPosition(max(0, int(ms)))
        self.position_changed.emit(self.player.position())

    def rate(self) -> float:
        return self.player.playbackRate()

    def set_rate(self, rate: float) -> None:
        self.player.setPlaybackRate(rate)

    def set_volume(self, percent: int) -> None:
        self.audio.setVolume(max(0, min(percent, 100)) / 100)

    def _state_changed(self, _state) -> None:
        playing = self.playing
        if playing:
            self._tick.start()
        else:
            self._tick.stop()
            self.position_changed.emit(self.player.position())
        self.playing_changed.emit(playing)

    def _error(self, error, text: str) -> None:
        if error != QMediaPlayer.Error.NoError:
            self.failed.emit(text or str(error))
