"""The interface language: English source strings, Simplified Chinese from resources/i18n."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

_installed: list[QTranslator] = []


def translations_folder() -> Path:
    """Where the compiled .qm files are shipped."""
    return Path(str(resources.files("resources") / "i18n"))


def choose_language(setting: str | None) -> str:
    """The language to use: the setting if given, else the system locale."""
    if setting:
        return setting
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def labels_language(setting: str | None) -> str:
    """The language of the words Yandu writes itself (export labels, citations) for the
    interface language `setting`: "zh" when it is Chinese, else "en"."""
    return "zh" if choose_language(setting).startswith("zh") else "en"


def install_translator(language: str) -> bool:
    """Load the translation for `language` ('en' removes it); True when one was installed."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if not language.startswith("zh"):
        return False
    ours = QTranslator(app)
    if not ours.load("yandu_zh_CN", str(translations_folder())):
        return False
    app.installTranslator(ours)
    _installed.append(ours)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase_zh_CN", "qt_zh_CN"):  # Qt's own dialogs (Save, Cancel, colours...)
        qt_own = QTranslator(app)
        if qt_own.load(name, qt_folder):
            app.installTranslator(qt_own)
            _installed.append(qt_own)
            break
    return True


def fill(template: str, *values: str) -> str:
    """A translated `template` with %1, %2... replaced by `values` in one pass, so a value
    that itself holds "%2" (a speaker's name, a file name) is left as it is."""
    return re.sub(r"%(\d)", lambda m: values[int(m.group(1)) - 1]
                  if 0 < int(m.group(1)) <= len(values) else m.group(0), template)
