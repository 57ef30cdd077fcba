"""The player in the main window: what its actions do, where they are offered, and its
keys lent to the note editor (a dialog of its own, where the window's keys do not reach)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QWidget

from desktop.ui.player.controller import SKIP_MS, PlayerController
from desktop.ui.player.keys import PlayerAction

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

P = PlayerAction
# Keys that work in the note editor too: playing, never attaching or stamping.
LENT = (P.PLAY_PAUSE, P.BACK, P.FORWARD, P.SLOWER, P.FASTER, P.FOLLOW)


def handlers(player: Callable[[], PlayerController]) -> dict:
    """What each player action does (`player()`: the window's controller, made later)."""
    return {
        P.ATTACH: lambda: player().choose_recording(),
        P.DETACH: lambda: player().detach(),
        P.PLAY_PAUSE: lambda: player().toggle_play(),
        P.PLAY_HERE: lambda: player().play_here(),
        P.BACK: lambda: player().skip(-SKIP_MS),
        P.FORWARD: lambda: player().skip(SKIP_MS),
        P.SLOWER: lambda: player().step_speed(-1),
        P.FASTER: lambda: player().step_speed(1),
        P.STAMP: lambda: player().stamp(),
        P.FOLLOW: lambda: player().follow_again(),
        P.REWIND_ON_PAUSE: lambda: player().set_rewind_on_pause(
            not player().rewind_on_pause),
    }


def install(window: MainWindow) -> PlayerController:
    """Make the player panel and controller, and offer its actions where they apply."""
    player = PlayerController(window)
    actions = window.actions
    actions[P.REWIND_ON_PAUSE].setChecked(player.rewind_on_pause)
    window.view.addAction(actions[P.PLAY_HERE])
    window.annotations_dock.add_actions([actions[P.PLAY_HERE]])
    lent = [actions[key] for key in LENT]

    def lend_keys(_old: QWidget | None, new: QWidget | None) -> None:
        editors = sys.modules.get("desktop.ui.annotation_editor")  # loaded on first use
        dialog = new.window() if new is not None else None
        if editors is not None and isinstance(dialog, editors.AnnotationEditor) \
                and lent[0] not in dialog.actions():
            dialog.addActions(lent)

    QApplication.instance().focusChanged.connect(lend_keys)
    return player
