"""Term lists from the window: import one into the glossary (one undoable step), export it.

The reading and writing are the command line's (`desktop.core.glossary.lists`): a CSV or
TSV table with a header, or a plain list of `term<tab>English` lines.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from desktop.core import glossary
from desktop.core.errors import YanduError

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow



def _filter() -> str:
    return QCoreApplication.translate("GlossaryLists",
                                      "Term lists (*.csv *.tsv *.tab *.txt);;All files (*)")


def import_term_list(window: MainWindow, path: str | None = None) -> bool:
    """Merge a term list into the glossary as one undoable step; say what it did."""
    if window.db is None:
        return False
    if path is None:
        path, _ = QFileDialog.getOpenFileName(
            window, QCoreApplication.translate("GlossaryLists", "Import a term list"),
            str(Path.home()), _filter())
        if not path:
            return False
    try:
        entries, problems = glossary.read_term_list(path)
        if not entries:
            raise YanduError(QCoreApplication.translate(
                "GlossaryLists", "%1 has no terms to import.").replace("%1", Path(path).name))
        plan = glossary.plan_import(window.db, entries)
    except YanduError as exc:
        window.show_error(str(exc))
        return False
    if (plan.adds or plan.edits) and not window.run_command(plan.command()):
        return False
    said = QCoreApplication.translate(
        "GlossaryLists", "Term list: %1 added, %2 merged into existing terms, %3 already known.")
    said = (said.replace("%1", str(len(plan.adds))).replace("%2", str(len(plan.edits)))
            .replace("%3", str(plan.unchanged)))
    if problems:
        skipped = QCoreApplication.translate("GlossaryLists", "%1 lines skipped: %2")
        shown = "; ".join(problems[:3]) + ("…" if len(problems) > 3 else "")
        said += " " + skipped.replace("%1", str(len(problems))).replace("%2", shown)
    window.statusBar().showMessage(said, 15000)
    return True


def export_term_list(window: MainWindow, path: str | None = None) -> bool:
    """Write every term to a CSV or TSV table, or a plain list (by the file's extension)."""
    if window.db is None:
        return False
    if path is None:
        suggested = str(Path.home() / "glossary.csv")
        path, _ = QFileDialog.getSaveFileName(
            window, QCoreApplication.translate("GlossaryLists", "Export the term list"),
            suggested, _filter())
        if not path:
            return False
    try:
        count = glossary.export_terms(window.db, path)
    except YanduError as exc:
        window.show_error(str(exc))
        return False
    window.statusBar().showMessage(
        QCoreApplication.translate("GlossaryLists", "Wrote %1 terms to %2")
        .replace("%1", str(count)).replace("%2", path), 15000)
    return True


def install_term_lists(window: MainWindow) -> None:
    """Connect the Glossary menu's import and export of term lists."""
    from desktop.ui.actions import ActionId

    window.actions[ActionId.IMPORT_TERMS].triggered.connect(
        lambda _=False: import_term_list(window))
    window.actions[ActionId.EXPORT_TERMS].triggered.connect(
        lambda _=False: export_term_list(window))
