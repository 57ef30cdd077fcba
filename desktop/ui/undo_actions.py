"""Undo and Redo say what they would undo or redo: "Undo Rename speaker", in the interface's
language."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from desktop.core.commands import History
from desktop.ui import actions as registry
from desktop.ui.actions import ActionId
from desktop.ui.i18n import fill

QT_TRANSLATE_NOOP = registry.QT_TRANSLATE_NOOP
# Names of undoable steps, as the core gives them; translated when shown in the Edit menu.
COMMAND_NAMES = (
    QT_TRANSLATE_NOOP("Commands", "Create annotation"),
    QT_TRANSLATE_NOOP("Commands", "Edit annotation"),
    QT_TRANSLATE_NOOP("Commands", "Retag annotation"),
    QT_TRANSLATE_NOOP("Commands", "Recolour annotation"),
    QT_TRANSLATE_NOOP("Commands", "Delete annotation"),
    QT_TRANSLATE_NOOP("Commands", "Rename speaker"),
    QT_TRANSLATE_NOOP("Commands", "Merge speakers"),
    QT_TRANSLATE_NOOP("Commands", "Set speaker role"),
    QT_TRANSLATE_NOOP("Commands", "Set speaker colour"),
    QT_TRANSLATE_NOOP("Commands", "Set moderator"),
    QT_TRANSLATE_NOOP("Commands", "Unset moderator"),
    QT_TRANSLATE_NOOP("Commands", "Make narration"),
    QT_TRANSLATE_NOOP("Commands", "Edit speakers"),
    QT_TRANSLATE_NOOP("Commands", "Add term"),
    QT_TRANSLATE_NOOP("Commands", "Edit term"),
    QT_TRANSLATE_NOOP("Commands", "Remove term"),
    QT_TRANSLATE_NOOP("Commands", "Reset term"),
    QT_TRANSLATE_NOOP("Commands", "Import terms"),
    QT_TRANSLATE_NOOP("Commands", "Dismiss suggestion"),
    # Turn edits name the turns they change: their numbers fill the %1, %2 of these.
    QT_TRANSLATE_NOOP("Commands", "Give turn %1"),
    QT_TRANSLATE_NOOP("Commands", "Give turns %1–%2"),
    QT_TRANSLATE_NOOP("Commands", "Give %1 turns"),
    QT_TRANSLATE_NOOP("Commands", "Split turn %1"),
    QT_TRANSLATE_NOOP("Commands", "Join turns %1 and %2"),
    QT_TRANSLATE_NOOP("Commands", "Join turns %1–%2"),
    QT_TRANSLATE_NOOP("Commands", "Make turn %1 a section heading"),
    QT_TRANSLATE_NOOP("Commands", "Remove section %1"),
)


def command_name(text: str) -> str:
    """The translated name of an undo step; numbers in it ("Split turn 7") are filled
    into the translation of its pattern ("Split turn %1")."""
    numbers = re.findall(r"\d+", text)
    if not numbers:
        return QCoreApplication.translate("Commands", text)
    marks = iter(range(1, len(numbers) + 1))
    pattern = re.sub(r"\d+", lambda _m: f"%{next(marks)}", text)
    return fill(QCoreApplication.translate("Commands", pattern), *numbers)


def name_undo_actions(undo: QAction, redo: QAction, history: History | None) -> None:
    """Enable Undo and Redo, and name in them the step each would take (none yet when no
    study is open)."""
    for action, action_id, can, step, template in (
            (undo, ActionId.UNDO, history is not None and history.can_undo,
             history.undo_text if history else "",
             QCoreApplication.translate("MainWindow", "&Undo %1")),
            (redo, ActionId.REDO, history is not None and history.can_redo,
             history.redo_text if history else "",
             QCoreApplication.translate("MainWindow", "&Redo %1"))):
        action.setEnabled(can)
        action.setText(fill(template, command_name(step)) if can
                       else registry.action_text(action_id))
        # The toolbar button keeps its short name, so the buttons after it stay where
        # they are; the menu and the tooltip say what would be undone.
        action.setIconText(registry.without_mnemonic(registry.action_text(action_id)))
        action.setToolTip(registry.without_mnemonic(action.text()))
