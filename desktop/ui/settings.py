"""The window's settings (QSettings, organisation "Yandu", application "Yandu")."""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANIZATION = "Yandu"
APPLICATION = "Yandu"


def app_settings() -> QSettings:
    """The user's settings store."""
    return QSettings(ORGANIZATION, APPLICATION)


def read_int(settings: QSettings, key: str, default: int | None = None) -> int | None:
    """An integer setting, or `default` when absent or unreadable."""
    value = settings.value(key)
    try:
        return int(value) if value not in (None, "") else default
    except (TypeError, ValueError):
        return default


def read_bool(settings: QSettings, key: str, default: bool) -> bool:
    """A boolean setting (INI files store them as text)."""
    value = settings.value(key)
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return str(value).lower() in ("1", "true", "yes")


def read_ints(settings: QSettings, key: str) -> list[int]:
    """A list of integers (stored as a comma-separated string)."""
    value = settings.value(key)
    if not value:
        return []
    if isinstance(value, list):
        value = ",".join(str(v) for v in value)
    return [int(v) for v in str(value).split(",") if v.strip().lstrip("-").isdigit()]
