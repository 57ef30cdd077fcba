"""The player in the main window: what its actions do, where they are offered, and its
keys lent to the note editor (a dialog of its own, where the window's keys do not reach)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from desktop.core.media import SUPPORTED
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
    """Make the player panel and controller, give its actions (the registry's, made by the
    window) what they do, offer them where they apply, and take the recordings among the
    files dropped on the window."""
    player = PlayerController(window)
    actions = window.actions
    for key, handler in handlers(lambda: player).items():
        # Ignored in the moment before the study is open, as the window's own are.
        actions[key].triggered.connect(
            lambda _checked=False, h=handler: h() if window.session.is_attached else None)
    player.drops = DropFilter(window, player)  # kept: its eventFilter is Python's
    window.installEventFilter(player.drops)
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


class DropFilter(QObject):
    """Takes the recordings among the files dropped on the window (for the open document,
    or for a transcript dropped with them); the window imports the rest."""

    def __init__(self, window: MainWindow, player: PlayerController) -> None:
        super().__init__(window)
        self.window, self.player = window, player

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
        if obj is not self.window or event.type() != QEvent.Type.Drop \
                or not self.window.session.is_attached:
            return False
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if not any(p.suffix.lower() in SUPPORTED for p in paths):
            return False  # no recording: the window imports them
        event.acceptProposedAction()
        rest = self.player.take_recordings(paths)
        if rest:
            self.window.importer.gate.bring_in(rest)
        return True
