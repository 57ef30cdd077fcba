"""Key presses that mean the same in every dialog."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt


def is_ctrl_enter(event: QEvent) -> bool:
    """Whether `event` is Ctrl+Enter (either Enter key): save, in Yandu's editors, from a
    field where Enter alone makes a new line."""
    return (event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier))
