"""The shortcuts a user assigned in place of the registry's defaults, kept in settings."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence

from desktop.ui.actions import ActionId, find_action

SETTINGS_GROUP = "shortcuts"


def load_overrides(settings: QSettings) -> dict[ActionId, list[QKeySequence]]:
    """User-assigned shortcuts from settings (an empty list means: no key)."""
    result: dict[ActionId, list[QKeySequence]] = {}
    settings.beginGroup(SETTINGS_GROUP)
    try:
        for key in settings.childKeys():
            action_id = find_action(key)  # the player's actions included
            if action_id is None:
                continue  # an action a newer or older Yandu had
            value = str(settings.value(key, "") or "")
            result[action_id] = [QKeySequence(p) for p in value.split(";;") if p]
    finally:
        settings.endGroup()
    return result


def save_override(settings: QSettings, action_id: ActionId,
                  keys: Iterable[QKeySequence] | None) -> None:
    """Store a user's keys for an action; None restores the default."""
    settings.beginGroup(SETTINGS_GROUP)
    try:
        if keys is None:
            settings.remove(action_id.value)
        else:
            settings.setValue(action_id.value, ";;".join(
                k.toString(QKeySequence.SequenceFormat.PortableText) for k in keys))
    finally:
        settings.endGroup()
