"""The review dialog: one card at a time, all by keyboard.

Space shows the answer, 1–4 grade it (Again, Hard, Good, Easy), a letter chooses a
speaker on a "who said this?" card, O opens the card's passage in the transcript, D and
Shift+D step through the decks (every card, this document, a term category, a tag), Esc
closes. Grading goes through `grade` (the controller stores it); the dialog keeps no study.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.i18n import fill

LETTERS = "ABCEFGHIJKLMN"  # choices; D steps through the decks, O opens the passage


class ReviewDialog(QDialog):
    """Reviews `cards` (stored review cards, due first) in turn."""

    source_wanted = Signal(int, int, int)  # document id, start, end

    def __init__(self, decks: Sequence[tuple[str, object]],
                 cards_for: Callable[[object], Sequence],
                 grade: Callable[[str, int], None],
                 source_of: Callable[[object], tuple[int, int, int] | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review_dialog")
        self._cards_for, self._grade, self._source_of = cards_for, grade, source_of
        self.cards: list = []
        self.index = 0
        self.answer_shown = False
        self.graded = 0
        self.chosen: str | None = None
        self.deck = QComboBox(self)
        self.deck.setObjectName("review_deck")
        self.deck.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # D steps through it; keys stay ours
        for label, selection in decks:
            self.deck.addItem(label, selection)
        self.deck.currentIndexChanged.connect(lambda _index: self.reload())
        self.header = QLabel(self)
        self.front = self._label("review_front", 20)
        self.choices = self._label("review_choices", 13)
        self.answer = self._label("review_answer", 14)
        self.hint = QLabel(self)
        self.hint.setObjectName("review_hint")
        self.hint.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for name, slot in (("show", self.show_answer), ("1", lambda: self.grade(1)),
                           ("2", lambda: self.grade(2)), ("3", lambda: self.grade(3)),
                           ("4", lambda: self.grade(4)), ("open", self.open_source)):
            button = QPushButton(self)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space is ours, not a button's
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            self.buttons[name] = button
            row.addWidget(button)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.deck_label = QLabel(self)
        top.addWidget(self.deck_label)
        top.addWidget(self.deck, 1)
        layout.addLayout(top)
        layout.addWidget(self.header)
        layout.addWidget(self.front, 2)
        layout.addWidget(self.choices)
        layout.addWidget(self.answer, 3)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.resize(620, 460)
        self.reload()

    def reload(self) -> None:
        """Start over with the chosen deck's due cards."""
        self.cards = list(self._cards_for(self.deck.currentData()))
        self.index = self.graded = 0
        self._show_card()

    def step_deck(self, direction: int) -> None:
        """Choose the next (1) or previous (-1) deck."""
        if self.deck.count():
            self.deck.setCurrentIndex((self.deck.currentIndex() + direction) % self.deck.count())

    def _label(self, name: str, points: int) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        font = label.font()
        font.setPointSize(points)
        label.setFont(font)
        return label

    # ---- what is shown ----------------------------------------------------------------

    @property
    def card(self):
        return self.cards[self.index] if self.index < len(self.cards) else None

    def _show_card(self) -> None:
        self.answer_shown = False
        self.chosen = None
        self.setWindowTitle(self.tr("Review"))
        self.deck_label.setText(self.tr("Deck (D):"))
        self.buttons["show"].setText(self.tr("Show answer (Space)"))
        for n, text in ((1, self.tr("1 Again")), (2, self.tr("2 Hard")),
                        (3, self.tr("3 Good")), (4, self.tr("4 Easy"))):
            self.buttons[str(n)].setText(text)
        self.buttons["open"].setText(self.tr("Open passage (O)"))
        card = self.card
        if card is None:
            self._show_end()
            return
        content = card.content
        self.header.setText(fill(self.tr("Card %1 of %2 · %3"), str(self.index + 1),
                                 str(len(self.cards)), self._kind_name(content.kind)))
        self.front.setText(content.front)
        self.choices.setText("   ".join(f"{LETTERS[i]}  {name}" for i, name in
                                        enumerate(content.choices[:len(LETTERS)])))
        self.choices.setVisible(bool(content.choices))
        self.answer.setText("")
        self.hint.setText(self.tr("Space: show the answer · A, B, C…: choose who said it · "
                                  "O: open the passage · D: another deck · Esc: close")
                          if content.choices else
                          self.tr("Space: show the answer · O: open the passage · "
                                  "D: another deck · Esc: close"))
        self._enable()

    def _kind_name(self, kind: str) -> str:
        return {"term": self.tr("term"), "term_reverse": self.tr("term, reversed"),
                "cloze": self.tr("fill the gap"), "note": self.tr("quote and note"),
                "who": self.tr("who said this?")}.get(kind, kind)

    def _show_end(self) -> None:
        self.header.setText("")
        self.front.setText(fill(self.tr("Done: %1 cards reviewed."), str(self.graded))
                           if self.cards else self.tr("No cards are due."))
        self.choices.hide()
        self.answer.setText("")
        self.hint.setText(self.tr("D: another deck · Esc: close"))
        self._enable()

    def _enable(self) -> None:
        live = self.card is not None
        self.buttons["show"].setEnabled(live and not self.answer_shown)
        for n in "1234":
            self.buttons[n].setEnabled(live and self.answer_shown)
        self.buttons["open"].setEnabled(live and self._source_of(self.card) is not None)

    # ---- keys and steps ---------------------------------------------------------------

    def show_answer(self) -> None:
        """Turn the card over."""
        card = self.card
        if card is None or self.answer_shown:
            return
        self.answer_shown = True
        verdict = ""
        if self.chosen is not None:
            right = self.chosen == card.content.detail.get("answer")
            verdict = (self.tr("Right.") if right else
                       fill(self.tr("Not %1."), self.chosen)) + "\n"
        self.answer.setText(verdict + card.content.back)
        self.hint.setText(self.tr("1 Again · 2 Hard · 3 Good · 4 Easy · O: open the passage · "
                                  "Esc: close"))
        self._enable()

    def choose(self, position: int) -> None:
        """Answer a "who said this?" card with its `position`th speaker."""
        card = self.card
        if card is None or self.answer_shown or not 0 <= position < len(card.content.choices):
            return
        self.chosen = card.content.choices[position]
        self.show_answer()

    def grade(self, rating: int) -> None:
        """Grade the shown card and go to the next one."""
        card = self.card
        if card is None or not self.answer_shown:
            return
        self._grade(card.id, rating)
        self.graded += 1
        self.index += 1
        self._show_card()

    def open_source(self) -> None:
        """Show the card's passage in the transcript (the dialog stays open)."""
        place = self._source_of(self.card) if self.card is not None else None
        if place is not None:
            self.source_wanted.emit(*place)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        """Space, 1–4, letters, O and Esc."""
        key, text = event.key(), event.text().upper()
        if key == Qt.Key.Key_Space:
            self.show_answer()
        elif text in ("1", "2", "3", "4"):
            self.grade(int(text))
        elif key == Qt.Key.Key_O:
            self.open_source()
        elif key == Qt.Key.Key_D:
            self.step_deck(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
        elif len(text) == 1 and text in LETTERS and not event.modifiers() & ~(
                Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier):
            self.choose(LETTERS.index(text))
        else:
            super().keyPressEvent(event)
