"""How the registry describes an action (`ActionSpec`): its text, keys, menu and tip."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QKeySequence

StandardKey = QKeySequence.StandardKey
Shortcut = str | StandardKey | None


@dataclass(frozen=True)
class ActionSpec:
    """How an action is shown: its text (English source), default keys, menu and tip."""

    text: str
    shortcut: Shortcut = None
    menu: str = ""
    tip: str = ""
    extra_shortcuts: tuple[str, ...] = ()
    checkable: bool = False
    #: Used when the platform has no binding for the standard key.
    fallback: str = ""

    def default_sequences(self) -> list[QKeySequence]:
        """The default key sequences: the platform's primary one for a standard key."""
        keys: list[QKeySequence] = []
        if isinstance(self.shortcut, StandardKey):
            # Only the primary binding: secondary ones (Backspace for Back on some
            # desktops) surprise people reading a transcript.
            keys.extend(QKeySequence.keyBindings(self.shortcut)[:1])
            if not keys and self.fallback:
                keys.append(QKeySequence(self.fallback))
        elif self.shortcut:
            keys.append(QKeySequence(self.shortcut))
        keys.extend(QKeySequence(k) for k in self.extra_shortcuts)
        unique: list[QKeySequence] = []
        for key in keys:
            if not key.isEmpty() and key not in unique:
                unique.append(key)
        return unique
