"""Term lists from the Glossary menu: import one into the glossary (one undoable step),
export it.

The reading and writing are the command line's (`desktop.core.glossary.lists`): a CSV or
TSV table with a header, or a plain list of `term<tab>English` lines.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.core import glossary
from desktop.core.errors import YanduError
from desktop.ui.feedback import Feedback
from desktop.ui.i18n import fill
from desktop.ui.session import Session


def _filter() -> str:
    return QCoreApplication.translate("GlossaryLists",
                                      "Term lists (*.csv *.tsv *.tab *.txt);;All files (*)")


class TermLists(QObject):
    """Glossary > Import a term list, and Export the term list."""

    def __init__(self, session: Session, import_action: QAction, export_action: QAction,
                 feedback: Feedback, dialog_parent: QWidget) -> None:
        super().__init__(dialog_parent)
        self.session, self.feedback, self.dialog_parent = session, feedback, dialog_parent
        import_action.triggered.connect(lambda _=False: self.import_list())
        export_action.triggered.connect(lambda _=False: self.export_list())

    def import_list(self, path: str | None = None) -> bool:
        """Merge a term list into the glossary as one undoable step; say what it did."""
        if not self.session.is_attached:
            return False
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self.dialog_parent,
                QCoreApplication.translate("GlossaryLists", "Import a term list"),
                str(Path.home()), _filter())
            if not path:
                return False
        try:
            entries, problems = glossary.read_term_list(path)
            if not entries:
                raise YanduError(fill(QCoreApplication.translate(
                    "GlossaryLists", "%1 has no terms to import."), Path(path).name))
            plan = glossary.plan_import(self.session.db, entries)
        except YanduError as exc:
            self.feedback.error(str(exc))
            return False
        if (plan.adds or plan.edits) and not self.session.run(plan.command()):
            return False
        said = fill(QCoreApplication.translate(
            "GlossaryLists",
            "Term list: %1 added, %2 merged into existing terms, %3 already known."),
            str(len(plan.adds)), str(len(plan.edits)), str(plan.unchanged))
        if problems:
            shown = "; ".join(problems[:3]) + ("…" if len(problems) > 3 else "")
            said += " " + fill(QCoreApplication.translate(
                "GlossaryLists", "%1 lines skipped: %2"), str(len(problems)), shown)
        self.feedback.status(said, 15000)
        return True

    def export_list(self, path: str | None = None) -> bool:
        """Write every term to a CSV or TSV table, or a plain list (by the extension)."""
        if not self.session.is_attached:
            return False
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self.dialog_parent,
                QCoreApplication.translate("GlossaryLists", "Export the term list"),
                str(Path.home() / "glossary.csv"), _filter())
            if not path:
                return False
        try:
            count = glossary.export_terms(self.session.db, path)
        except YanduError as exc:
            self.feedback.error(str(exc))
            return False
        self.feedback.status(fill(QCoreApplication.translate(
            "GlossaryLists", "Wrote %1 terms to %2"), str(count), path), 15000)
        return True
