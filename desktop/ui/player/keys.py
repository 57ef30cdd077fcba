"""The player's actions, in the one registry: `desktop.ui.actions` makes an ActionSpec of
each entry here (text, default key, menu, tip) and adds it to its SPECS.

The keys are function keys, as transcription software has them (Express Scribe: F7 and
F8 back and forward, F9 play): they type nothing, so they work while a note is being
written too, and no input method takes them (Ctrl+Space switches Chinese input on most
systems; Ctrl+. its punctuation).
"""

from __future__ import annotations

from enum import StrEnum

# lupdate reads the texts below through this marker; they are translated when shown.
QT_TRANSLATE_NOOP = lambda context, text: text  # noqa: E731

RECORDING_MENU = QT_TRANSLATE_NOOP("Menus", "&Recording")  # made before Help


class PlayerAction(StrEnum):
    """Stable names of the player's actions (also the keys of shortcut overrides)."""

    ATTACH = "recording.attach"
    DETACH = "recording.detach"
    PLAY_PAUSE = "recording.play_pause"
    PLAY_HERE = "recording.play_here"
    BACK = "recording.back"
    FORWARD = "recording.forward"
    SLOWER = "recording.slower"
    FASTER = "recording.faster"
    STAMP = "recording.stamp"
    FOLLOW = "recording.follow"
    REWIND_ON_PAUSE = "recording.rewind_on_pause"


P, _R = PlayerAction, RECORDING_MENU
# ActionSpec's fields in order: text, shortcut, menu, tip, extra_shortcuts, checkable.
ENTRIES: dict[PlayerAction, tuple] = {
    P.ATTACH: (QT_TRANSLATE_NOOP("Actions", "&Attach a recording…"), None, _R,
               QT_TRANSLATE_NOOP("Actions", "Attach the audio or video of this "
               "transcript")),
    P.DETACH: (QT_TRANSLATE_NOOP("Actions", "&Detach the recording"), None, _R),
    P.PLAY_PAUSE: (QT_TRANSLATE_NOOP("Actions", "&Play or pause"), "F9", _R),
    P.PLAY_HERE: (QT_TRANSLATE_NOOP("Actions", "Play from &here"), "Shift+F9", _R,
               QT_TRANSLATE_NOOP("Actions", "Play from the text cursor, or from "
               "the annotation chosen in its panel")),
    P.BACK: (QT_TRANSLATE_NOOP("Actions", "&Back 3 seconds"), "F7", _R),
    P.FORWARD: (QT_TRANSLATE_NOOP("Actions", "&Forward 3 seconds"), "F8", _R),
    P.SLOWER: (QT_TRANSLATE_NOOP("Actions", "&Slower"), "Shift+F7", _R),
    P.FASTER: (QT_TRANSLATE_NOOP("Actions", "F&aster"), "Shift+F8", _R),
    P.STAMP: (QT_TRANSLATE_NOOP("Actions", "S&tamp: this turn starts now"), "F6", _R,
               QT_TRANSLATE_NOOP("Actions", "Set the start of the turn at the cursor "
               "to the playing time, then go to the next turn")),
    P.FOLLOW: (QT_TRANSLATE_NOOP("Actions", "F&ollow the recording"), "Shift+F6", _R,
               QT_TRANSLATE_NOOP("Actions", "Show the turn being spoken again, "
               "and keep it in view")),
    P.REWIND_ON_PAUSE: (QT_TRANSLATE_NOOP("Actions", "Pause &rewinds 2 seconds"),
                        None, _R, "", (), True),
}
# Menu entries a separator goes before (see window_menus.SEPARATED).
SEPARATED = (P.PLAY_PAUSE, P.STAMP, P.REWIND_ON_PAUSE)
# Names of the player's undoable steps, as the core gives them (see undo_actions).
COMMAND_NAMES = (QT_TRANSLATE_NOOP("Commands", "Stamp turn"),
                 QT_TRANSLATE_NOOP("Commands", "Attach recording"),
                 QT_TRANSLATE_NOOP("Commands", "Detach recording"))
