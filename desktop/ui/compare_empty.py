"""What the compare view says when a transcript has no questions to compare answers to
(a play, a crosstalk, a lecture): why the grid would be empty, and what to do."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class CompareEmpty(QWidget):
    """An explanation in place of an empty grid, with the two ways on."""

    back_requested = Signal()
    moderator_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compare_empty")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setMaximumWidth(560)
        self.moderator = QPushButton(self)
        self.back = QPushButton(self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.moderator)
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self.moderator.clicked.connect(self.moderator_requested)
        self.back.clicked.connect(self.back_requested)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the interface language."""
        self.label.setText(self.tr(
            "This transcript has no questions, so there is nothing to set side by side: "
            "the compare view puts each speaker's answer to the same question in one row. "
            "If one speaker asks the questions (a moderator, an interviewer, a judge), mark "
            "them as the moderator: each of their turns then opens a row."))
        self.moderator.setText(self.tr("Choose the moderator…"))
        self.back.setText(self.tr("Back to the transcript"))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Follow language switches."""
        super().changeEvent(event)
        if event.type() == event.Type.LanguageChange:
            self.retranslate()
