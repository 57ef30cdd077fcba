"""The annotation editor: a Markdown note with a live preview, tags and a colour.

Ctrl+Enter saves, Esc cancels (after asking, when the note or tags were changed). The
dialog only collects values; the window turns them into an undoable command.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.core.annotations import TAG_SEPARATORS, clean_tags
from desktop.ui.docks.common import elide, swatch_icon
from desktop.ui.keys import is_ctrl_enter
from desktop.ui.markdown_note import render_note


@dataclass(frozen=True)
class AnnotationValues:
    """What the user entered."""

    note: str
    tags: tuple[str, ...]
    colour: str


def split_tags(text: str) -> tuple[str, ...]:
    """Tags typed as 'a, b、c' (separated as the study stores them: , ， 、 ; ；)."""
    return clean_tags([text])


def _typed_before_last_tag(text: str) -> str:
    """What precedes the tag being typed: the text up to its last separator, inclusive."""
    ends = [match.end() for match in TAG_SEPARATORS.finditer(text)]
    return text[:ends[-1]] if ends else ""


class TagCompleter(QCompleter):
    """Completes the tag being typed after the last separator, from the study's tags."""

    def __init__(self, tags: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Owned by the completer: a model without a parent is deleted with its wrapper,
        # and the completer is left with none.
        self.setModel(QStringListModel(list(tags), self))
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)

    def pathFromIndex(self, index) -> str:  # noqa: N802 (Qt override)
        """Keep the tags already typed and replace only the last one (after a comma or
        semicolon of the keyboard's Latin layout, a space)."""
        done = _typed_before_last_tag(self.widget().text()).rstrip()
        space = " " if done.endswith((",", ";")) else ""
        return f"{done}{space}{index.data()}"

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 (Qt override)
        """Complete on the text after the last separator."""
        return [path[len(_typed_before_last_tag(path)):].strip()]


class AnnotationEditor(QDialog):
    """Edit a note (Markdown), its tags and its colour."""

    def __init__(self, quote: str, values: AnnotationValues, known_tags: Sequence[str],
                 parent: QWidget | None = None, *, is_new: bool = True,
                 saved: AnnotationValues | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotation_editor")
        self.setWindowTitle(self.tr("New annotation") if is_new else self.tr("Edit annotation"))
        self.resize(720, 480)
        quote_label = QLabel(f"“{elide(quote, 200)}”", self)
        quote_label.setWordWrap(True)
        quote_label.setTextFormat(Qt.TextFormat.PlainText)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("note_edit")
        self.note.setPlaceholderText(self.tr("Note (Markdown: **bold**, *italic*, - lists, "
                                             "[links](https://…))"))
        self.note.setPlainText(values.note)
        self.note.setTabChangesFocus(True)
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("note_preview")
        self.preview.setOpenExternalLinks(False)
        self.preview.setOpenLinks(False)
        # Read-only: out of the Tab chain, so text typed after Tab reaches the tags.
        self.preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        splitter = QSplitter(self)
        splitter.addWidget(self.note)
        splitter.addWidget(self.preview)
        self.tags = QLineEdit(", ".join(values.tags), self)
        self.tags.setObjectName("tags_edit")
        self.tags.setPlaceholderText(self.tr("tags, separated by commas"))
        self.tags.setCompleter(TagCompleter(known_tags, self.tags))
        self.colour = QComboBox(self)
        self.colour.setObjectName("colour_combo")
        from desktop.core.annotations import PALETTE

        colours = list(PALETTE)
        if values.colour not in colours:
            colours.insert(0, values.colour)
        for colour in colours:
            self.colour.addItem(swatch_icon(colour), colour, colour)
        self.colour.setCurrentIndex(colours.index(values.colour))
        form = QFormLayout()
        form.addRow(self.tr("&Tags:"), self.tags)
        form.addRow(self.tr("C&olour:"), self.colour)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        for first, second in ((self.note, self.tags), (self.tags, self.colour),
                              (self.colour, self.save_button),
                              (self.save_button, self.cancel_button)):
            self.setTabOrder(first, second)
        # What the study holds (`saved`, else what the editor opened with): closing the
        # editor on that needs no question.
        kept = saved if saved is not None else values
        self._opened = (kept.note.strip(), split_tags(", ".join(kept.tags)))
        self.discard_prompt: QMessageBox | None = None
        hint = QLabel(self.tr("Ctrl+Enter saves · Esc cancels"), self)
        hint.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(quote_label)
        layout.addWidget(splitter, 1)
        layout.addLayout(form)
        row = QVBoxLayout()
        row.addWidget(hint)
        layout.addLayout(row)
        layout.addWidget(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.accept,
                      context=Qt.ShortcutContext.WindowShortcut)
        # Also as a filter: the key must work even before the dialog is the active window.
        self.note.installEventFilter(self)
        self.tags.installEventFilter(self)
        self.note.textChanged.connect(self._render)
        self._render()
        self.note.setFocus()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        """Ctrl+Enter saves from the note and the tags fields."""
        if is_ctrl_enter(event):
            self.accept()
            return True
        return super().eventFilter(watched, event)

    def is_changed(self) -> bool:
        """Whether the note or the tags differ from what the editor opened with."""
        return (self.note.toPlainText().strip(), split_tags(self.tags.text())) != self._opened

    def reject(self) -> None:
        """Esc, Cancel or closing: a changed note or tags are only dropped after asking."""
        if not self.is_changed():
            super().reject()
            return
        if self.discard_prompt is None:
            self._ask_to_discard()

    def _ask_to_discard(self) -> None:
        # open(), not exec(): no nested event loop; the answer arrives through `finished`.
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(),
                          self.tr("Discard this note?"), QMessageBox.StandardButton.NoButton,
                          self)
        box.setObjectName("discard_prompt")
        box.setInformativeText(self.tr("What you typed here will be lost."))
        discard = box.addButton(self.tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)  # a second Esc keeps the note: losing it needs a choice

        def answered(_result: int) -> None:
            self.discard_prompt = None
            box.deleteLater()
            if box.clickedButton() is discard:
                QDialog.reject(self)

        box.finished.connect(answered)
        self.discard_prompt = box
        box.open()

    def _render(self) -> None:
        text = self.note.toPlainText().strip()
        empty = self.tr("Preview")
        self.preview.setHtml(render_note(text) if text else
                             f"<p style='color:gray'>{empty}</p>")

    def values(self) -> AnnotationValues:
        """The note, tags and colour as entered."""
        return AnnotationValues(self.note.toPlainText().strip(), split_tags(self.tags.text()),
                                self.colour.currentData())
