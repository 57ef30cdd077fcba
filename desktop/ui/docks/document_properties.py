"""The document properties dialog: date, event, source, language and collection."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.documents import Attributes, check_date
from desktop.core.errors import YanduError
from desktop.ui.i18n import fill


class DocumentPropertiesDialog(QDialog):
    """Edits a document's attributes; a date that is not YYYY-MM-DD is said, not saved."""

    def __init__(self, title: str, attributes: Attributes, collections: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("document_properties")
        self.setWindowTitle(fill(self.tr("Properties of “%1”"), title))
        self.date = QLineEdit(attributes.date, self)
        self.date.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.event = QLineEdit(attributes.event, self)
        self.event.setPlaceholderText(self.tr("a forum, a hearing, a broadcast"))
        self.source = QLineEdit(attributes.source, self)
        self.source.setPlaceholderText(self.tr("where it was published: a URL or a citation"))
        self.language = QLineEdit(attributes.language, self)
        self.language.setPlaceholderText(self.tr("zh, en, …"))
        self.collection = QComboBox(self)
        self.collection.setEditable(True)
        self.collection.addItems(["", *collections])
        self.collection.setCurrentText(attributes.collection)
        self.collection.lineEdit().setPlaceholderText(self.tr("none"))
        form = QFormLayout()
        for label, field in ((self.tr("&Date:"), self.date), (self.tr("&Event:"), self.event),
                             (self.tr("&Source:"), self.source),
                             (self.tr("&Language:"), self.language),
                             (self.tr("&Collection:"), self.collection)):
            form.addRow(label, field)
        self.message = QLabel(self)
        self.message.setObjectName("properties_message")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def values(self) -> dict[str, str]:
        """The attributes as typed."""
        return {"date": self.date.text(), "event": self.event.text(),
                "source": self.source.text(), "language": self.language.text(),
                "collection": self.collection.currentText()}

    def accept(self) -> None:
        """Close when the date is a date (or none); otherwise say how to write it."""
        try:
            check_date(self.date.text())
        except YanduError:
            self.message.setText(self.tr("Write the date as YYYY-MM-DD, such as 2023-07-28."))
            self.message.setVisible(True)
            self.date.setFocus()
            self.date.selectAll()
            return
        super().accept()
