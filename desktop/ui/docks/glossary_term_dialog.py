"""The small editor that adds a glossary term (prefilled from the selected text).

Enter in a one-line field saves, as OK does; in the definition and the notes Enter starts
a new line, and Ctrl+Enter saves (from any field).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.keys import is_ctrl_enter


class TermDialog(QDialog):
    """A small editor for a new term; `on_accept(values)` returns False to stay open."""

    LINE_FIELDS = ("term", "aliases", "pinyin", "english", "category")
    TEXT_FIELDS = ("definition", "notes")

    def __init__(self, parent: QWidget, values: dict, on_accept) -> None:
        super().__init__(parent)
        self.setObjectName("term_dialog")
        self.setWindowTitle(self.tr("Add glossary term"))
        self.on_accept = on_accept
        self._fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        form = QFormLayout()
        labels = {"term": self.tr("&Term"), "aliases": self.tr("&Aliases (comma-separated)"),
                  "pinyin": self.tr("&Pinyin"), "english": self.tr("&English"),
                  "category": self.tr("&Category"), "definition": self.tr("&Definition"),
                  "notes": self.tr("&Notes")}
        for name in self.LINE_FIELDS + self.TEXT_FIELDS:
            if name in self.LINE_FIELDS:
                widget: QLineEdit | QPlainTextEdit = QLineEdit(str(values.get(name, "")), self)
            else:
                widget = QPlainTextEdit(str(values.get(name, "")), self)
                widget.setTabChangesFocus(True)
                widget.setMaximumHeight(90)
            widget.setObjectName(f"term_{name}")
            widget.installEventFilter(self)  # Ctrl+Enter
            self._fields[name] = widget
            form.addRow(labels[name], widget)
        # Pinyin made from the term follows the term as it is edited; pinyin typed by
        # hand (anything else in the field) is left alone.
        from desktop.core.glossary import make_pinyin

        self._make_pinyin = make_pinyin
        self._term_pinyin = make_pinyin(str(values.get("term", "")).strip())
        self._fields["term"].textEdited.connect(self._follow_term)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        # Enter in a one-line field presses it (the dialog's default button).
        buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        """Ctrl+Enter saves from every field (Enter alone is a new line in the
        definition and the notes)."""
        if is_ctrl_enter(event):
            self.accept()
            return True
        return super().eventFilter(watched, event)

    def _follow_term(self, text: str) -> None:
        pinyin = self._fields["pinyin"]
        if isinstance(pinyin, QLineEdit) and pinyin.text().strip() == self._term_pinyin:
            self._term_pinyin = self._make_pinyin(text.strip())
            pinyin.setText(self._term_pinyin)

    def field(self, name: str) -> QLineEdit | QPlainTextEdit:
        """The editor widget of a field."""
        return self._fields[name]

    def values(self) -> dict[str, str]:
        """The fields as typed."""
        return {name: (w.text() if isinstance(w, QLineEdit) else w.toPlainText()).strip()
                for name, w in self._fields.items()}

    def show_error(self, message: str) -> None:
        """Say in the dialog why the term was not added."""
        self.error.setText(message)
        self.error.setVisible(True)

    def accept(self) -> None:
        """Save the term through `on_accept` (which hides the dialog while the window
        redraws, once the values are sound); stay open, with the reason, if that fails."""
        if self.on_accept(self.values()):
            super().accept()
