"""The player panel: play/pause, the position among the turns, time, speed, volume, and
the picture of a video. It shows and asks; the controller (`controller.py`) acts."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.citations import clock
from desktop.ui.player.slider import TurnSlider

SPEEDS = (0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0)


class PlayerDock(QDockWidget):
    """A panel that can float or be enlarged (for a video's picture)."""

    play_clicked = Signal()
    seek_requested = Signal(int)  # ms
    speed_chosen = Signal(float)
    volume_chosen = Signal(int)  # percent
    find_clicked = Signal()  # the recording is missing: the user will say where it is

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("player_dock")
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(6, 4, 6, 4)
        self.video_holder = QVBoxLayout()
        column.addLayout(self.video_holder, 1)
        line = QHBoxLayout()
        self.message = QLabel(body)
        self.message.setObjectName("player_message")
        self.message.setWordWrap(True)
        self.find_button = QPushButton(body)
        self.find_button.clicked.connect(self.find_clicked)
        line.addWidget(self.message, 1)
        line.addWidget(self.find_button)
        column.addLayout(line)
        row = QHBoxLayout()
        self.play_button = QToolButton(body)
        self.play_button.setObjectName("player_play")
        self.play_button.clicked.connect(self.play_clicked)
        self.time_label = QLabel("00:00 / 00:00", body)
        self.time_label.setObjectName("player_time")
        self.slider = TurnSlider(body)
        self.slider.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.slider.sliderMoved.connect(self.seek_requested)
        self.slider.actionTriggered.connect(self._slider_action)
        self.speed = QComboBox(body)
        self.speed.setObjectName("player_speed")
        for rate in SPEEDS:
            self.speed.addItem(f"{rate:g}×", rate)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.currentIndexChanged.connect(
            lambda i: self.speed_chosen.emit(float(self.speed.itemData(i))))
        self.volume = QSlider(Qt.Orientation.Horizontal, body)
        self.volume.setObjectName("player_volume")
        self.volume.setRange(0, 100)
        self.volume.setValue(100)
        self.volume.setMaximumWidth(90)
        self.volume.valueChanged.connect(self.volume_chosen)
        self.volume_label = QLabel(body)
        for widget in (self.play_button, self.time_label):
            row.addWidget(widget)
        row.addWidget(self.slider, 1)
        for widget in (self.speed, self.volume_label, self.volume):
            row.addWidget(widget)
        column.addLayout(row)
        self.setWidget(body)
        self._playing = False
        self._duration = 0
        self.show_message("")
        self.retranslate()

    # ---- what it shows --------------------------------------------------------------

    def set_video(self, widget: QWidget | None) -> None:
        """Show a video's picture above the controls (None: audio only)."""
        while self.video_holder.count():
            old = self.video_holder.takeAt(0).widget()
            if old is not None:
                old.hide()
                old.setParent(None)
        if widget is not None:
            widget.setMinimumHeight(120)
            self.video_holder.addWidget(widget)
            widget.show()

    def set_duration(self, ms: int) -> None:
        self._duration = max(0, ms)
        self.slider.setRange(0, self._duration)
        self.set_position(self.slider.value())

    def set_position(self, ms: int) -> None:
        if not self.slider.isSliderDown():
            self.slider.blockSignals(True)
            self.slider.setValue(ms)
            self.slider.blockSignals(False)
        self.time_label.setText(f"{clock(ms)} / {clock(self._duration)}")

    def set_playing(self, playing: bool) -> None:
        self._playing = playing
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))

    def set_speed(self, rate: float) -> None:
        index = min(range(len(SPEEDS)), key=lambda i: abs(SPEEDS[i] - rate))
        self.speed.blockSignals(True)
        self.speed.setCurrentIndex(index)
        self.speed.blockSignals(False)

    def show_message(self, text: str, *, offer_find: bool = False) -> None:
        """One line about the recording ('' hides it); `offer_find` adds Find…."""
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.find_button.setVisible(offer_find)

    def set_controls_enabled(self, enabled: bool) -> None:
        for widget in (self.play_button, self.slider, self.speed, self.volume):
            widget.setEnabled(enabled)

    # ---- language ----------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Recording"))
        self.set_playing(self._playing)
        self.find_button.setText(self.tr("Find…"))
        self.volume_label.setText(self.tr("Volume"))
        self.speed.setToolTip(self.tr("Playback speed (the pitch is kept)"))
        self.slider.setToolTip(self.tr("Position; each tick is a turn, in its speaker's "
                                       "colour"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _slider_action(self, _action: int) -> None:
        # A click on the groove or a key moves the slider by a step: seek there.
        if not self.slider.isSliderDown():
            self.seek_requested.emit(self.slider.sliderPosition())
