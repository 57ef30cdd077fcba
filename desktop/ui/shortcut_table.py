"""The shortcut list, as Help > Keyboard Shortcuts shows it and the README prints it.

Generated from the action registry (`desktop.ui.actions`); `python -m
desktop.ui.shortcut_table` prints the README's table.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from desktop.ui.actions import SPECS, ActionId, action_text, speaker_number, without_mnemonic


def shortcut_rows(actions: dict[ActionId, QAction] | None = None,
                  ) -> list[tuple[str, str, str]]:
    """(menu, action, keys) rows for the shortcut list; from live actions when given.
    Keys are named as the README names them (Alt+Left) in every interface language:
    Qt's native names are translated ("Alt+左方向"), which no keyboard shows."""
    fmt = QKeySequence.SequenceFormat.PortableText
    rows = []
    for action_id, spec in SPECS.items():
        if actions is not None:
            keys = actions[action_id].shortcuts()
            text = actions[action_id].text()
            menu = QCoreApplication.translate("Menus", spec.menu)
        else:
            keys = spec.default_sequences()
            text = action_text(action_id)
            menu = spec.menu
        rows.append((without_mnemonic(menu), without_mnemonic(text).replace("…", ""),
                     ", ".join(k.toString(fmt) for k in keys)))
    return rows


README_START = "<!-- shortcuts:start -->"
README_END = "<!-- shortcuts:end -->"


def markdown_table() -> str:
    """The README's shortcut table (default keys, English, Linux key names)."""
    lines = ["| Menu | Action | Keys |", "|---|---|---|"]
    rows = shortcut_rows()
    for action_id, (menu, text, keys) in zip(SPECS, rows, strict=True):
        number = speaker_number(action_id)
        if number not in (None, 1):
            continue  # speakers 2-9 are folded into speaker 1's row
        if number == 1:
            text = text.replace("1", "N (1–9)")
            keys = f"{keys} … {keys.replace('1', '9')}"
        shown = keys.replace("|", "\\|") if keys else "—"
        lines.append(f"| {menu} | {text} | {shown} |")
    return "\n".join(lines)


def main() -> None:
    """Print the README shortcut table (`python -m desktop.ui.shortcut_table`)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([])
    print(markdown_table())


if __name__ == "__main__":
    main()
