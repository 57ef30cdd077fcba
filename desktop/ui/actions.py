"""The one registry of window actions: id, text, default shortcut, menu.

The main window builds a QAction per entry; menus, the toolbar and panels borrow those
actions and never bind keys of their own. Users may reassign shortcuts (kept in
settings); Help > Keyboard Shortcuts and the README table are generated from here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QObject, QSettings
from PySide6.QtGui import QAction, QKeySequence

from desktop.ui.action_spec import ActionSpec, StandardKey
from desktop.ui.i18n import fill

# lupdate reads the texts below through this marker; they are translated when shown.
QT_TRANSLATE_NOOP = lambda context, text: text  # noqa: E731


class ActionId(StrEnum):
    """Stable names of every window action (also the keys of shortcut overrides)."""

    IMPORT = "file.import"
    NEW_FROM_CLIPBOARD = "file.new_from_clipboard"
    IMPORT_WITH_PREVIEW = "file.import_with_preview"
    EXPORT = "file.export"
    PRINT = "file.print"
    EXPORT_PDF = "file.export_pdf"
    QUIT = "file.quit"
    UNDO = "edit.undo"
    REDO = "edit.redo"
    FIND = "edit.find"
    FIND_NEXT = "edit.find_next"
    FIND_PREVIOUS = "edit.find_previous"
    ANNOTATE = "annotate.create"
    EDIT_ANNOTATION = "annotate.edit"
    DELETE_ANNOTATION = "annotate.delete"
    NEXT_TURN = "go.next_turn"
    PREVIOUS_TURN = "go.previous_turn"
    NEXT_SECTION = "go.next_section"
    PREVIOUS_SECTION = "go.previous_section"
    NEXT_ANNOTATION = "go.next_annotation"
    PREVIOUS_ANNOTATION = "go.previous_annotation"
    BACK = "go.back"
    FORWARD = "go.forward"
    SWITCH_VIEW = "view.switch"
    SHOW_ALL_SPEAKERS = "view.show_all"
    TOGGLE_NARRATION = "view.toggle_narration"
    ZOOM_IN = "view.zoom_in"
    ZOOM_OUT = "view.zoom_out"
    FOCUS_TRANSCRIPT = "view.focus_transcript"
    FOCUS_DOCUMENTS = "view.focus_documents"
    FOCUS_SPEAKERS = "view.focus_speakers"
    FOCUS_ANNOTATIONS = "view.focus_annotations"
    FOCUS_SEARCH_RESULTS = "view.focus_search_results"
    LANGUAGE_ENGLISH = "view.language_en"
    LANGUAGE_CHINESE = "view.language_zh"
    RENAME_SPEAKER = "speaker.rename"
    MERGE_SPEAKER = "speaker.merge"
    SPEAKER_ROLE = "speaker.role"
    SPEAKER_COLOUR = "speaker.colour"
    SPEAKER_MODERATOR = "speaker.moderator"
    SPEAKER_NARRATION = "speaker.narration"
    GIVE_TURN = "turn.give"
    SPLIT_TURN = "turn.split"
    JOIN_TURNS = "turn.join"
    MAKE_HEADING = "turn.make_heading"
    REMOVE_HEADING = "turn.remove_heading"
    TOGGLE_GLOSSARY = "glossary.toggle_marks"
    ADD_TERM = "glossary.add_term"
    OPEN_TERM = "glossary.open_term"
    EDIT_TERM = "glossary.edit_term"
    RESET_TERM = "glossary.reset_term"
    REMOVE_TERM = "glossary.remove_term"
    FOCUS_GLOSSARY = "glossary.focus"
    SUGGEST_TERMS = "glossary.suggest"
    IMPORT_TERMS = "glossary.import_list"
    EXPORT_TERMS = "glossary.export_list"
    ACCEPT_SUGGESTION = "glossary.accept_suggestion"
    DISMISS_SUGGESTION = "glossary.dismiss_suggestion"
    REVIEW = "study.review"
    CONTINUE_READING = "study.continue_reading"
    SHORTCUTS = "help.shortcuts"
    EDIT_SHORTCUTS = "help.edit_shortcuts"
    ABOUT = "help.about"
    TOGGLE_SPEAKER_1 = "speaker.toggle_1"
    TOGGLE_SPEAKER_2 = "speaker.toggle_2"
    TOGGLE_SPEAKER_3 = "speaker.toggle_3"
    TOGGLE_SPEAKER_4 = "speaker.toggle_4"
    TOGGLE_SPEAKER_5 = "speaker.toggle_5"
    TOGGLE_SPEAKER_6 = "speaker.toggle_6"
    TOGGLE_SPEAKER_7 = "speaker.toggle_7"
    TOGGLE_SPEAKER_8 = "speaker.toggle_8"
    TOGGLE_SPEAKER_9 = "speaker.toggle_9"
    SOLO_SPEAKER_1 = "speaker.solo_1"
    SOLO_SPEAKER_2 = "speaker.solo_2"
    SOLO_SPEAKER_3 = "speaker.solo_3"
    SOLO_SPEAKER_4 = "speaker.solo_4"
    SOLO_SPEAKER_5 = "speaker.solo_5"
    SOLO_SPEAKER_6 = "speaker.solo_6"
    SOLO_SPEAKER_7 = "speaker.solo_7"
    SOLO_SPEAKER_8 = "speaker.solo_8"
    SOLO_SPEAKER_9 = "speaker.solo_9"


# Menus are named by their English text; `MENUS` gives their order.
MENUS = (
    QT_TRANSLATE_NOOP("Menus", "&File"),
    QT_TRANSLATE_NOOP("Menus", "&Edit"),
    QT_TRANSLATE_NOOP("Menus", "&Annotate"),
    QT_TRANSLATE_NOOP("Menus", "&Go"),
    QT_TRANSLATE_NOOP("Menus", "&View"),
    QT_TRANSLATE_NOOP("Menus", "&Speakers"),
    QT_TRANSLATE_NOOP("Menus", "&Help"),
)
_F, _E, _A, _G, _V, _S, _H = MENUS
#: Made by the window on first use, before Help.
GLOSSARY_MENU = QT_TRANSLATE_NOOP("Menus", "&Glossary")
TURNS_MENU = QT_TRANSLATE_NOOP("Menus", "&Turns")
STUDY_MENU = QT_TRANSLATE_NOOP("Menus", "St&udy")

A = ActionId
SPECS: dict[ActionId, ActionSpec] = {
    A.IMPORT: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Import…"), StandardKey.Open, _F,
                         QT_TRANSLATE_NOOP("Actions", "Import transcripts into the study")),
    A.IMPORT_WITH_PREVIEW: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Import with p&review…"), "Ctrl+Shift+O", _F),
    A.NEW_FROM_CLIPBOARD: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&New document from clipboard…"), "Ctrl+Shift+V", _F),
    A.EXPORT: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Export…"), "Ctrl+E", _F,
                         QT_TRANSLATE_NOOP("Actions", "Export the notes to a file")),
    A.PRINT: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Print…"), StandardKey.Print, _F,
                        fallback="Ctrl+P"),
    A.EXPORT_PDF: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Export to P&DF…"), None, _F),
    A.QUIT: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Quit"), StandardKey.Quit, _F,
                       fallback="Ctrl+Q"),
    A.UNDO: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Undo"), StandardKey.Undo, _E),
    A.REDO: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Redo"), StandardKey.Redo, _E,
                       extra_shortcuts=("Ctrl+Shift+Z", "Ctrl+Y")),
    A.FIND: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Search…"), StandardKey.Find, _E),
    A.FIND_NEXT: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Next search result"),
                            StandardKey.FindNext, _E),
    A.FIND_PREVIOUS: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Previous search result"),
                                StandardKey.FindPrevious, _E),
    A.ANNOTATE: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Annotate selection…"), "A", _A,
                           QT_TRANSLATE_NOOP("Actions", "Write a note on the selected text")),
    A.EDIT_ANNOTATION: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Edit annotation…"), "E", _A),
    A.DELETE_ANNOTATION: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Delete annotation"),
                                    StandardKey.Delete, _A),
    A.NEXT_TURN: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Next turn"), "J", _G),
    A.PREVIOUS_TURN: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Previous turn"), "K", _G),
    A.NEXT_SECTION: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Next section"), "]", _G),
    A.PREVIOUS_SECTION: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Previous section"), "[", _G),
    A.NEXT_ANNOTATION: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Next annotation"), "N", _G),
    A.PREVIOUS_ANNOTATION: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Previous annotation"),
                                      "Shift+N", _G),
    A.BACK: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Back"), StandardKey.Back, _G),
    A.FORWARD: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Forward"), StandardKey.Forward, _G),
    A.SWITCH_VIEW: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Switch reading / compare view"),
                              "C", _V),
    A.SHOW_ALL_SPEAKERS: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Show all speakers"), "0", _V),
    A.TOGGLE_NARRATION: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Show narration"), "H", _V,
                                   checkable=True),
    A.ZOOM_IN: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Zoom in"), StandardKey.ZoomIn, _V),
    A.ZOOM_OUT: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Zoom out"), StandardKey.ZoomOut, _V),
    A.FOCUS_TRANSCRIPT: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Go to the transcript"),
                                   "Ctrl+0", _V),
    A.FOCUS_DOCUMENTS: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Go to the documents panel"),
                                  "Ctrl+1", _V),
    A.FOCUS_SPEAKERS: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Go to the speakers panel"),
                                 "Ctrl+2", _V),
    A.FOCUS_ANNOTATIONS: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Go to the annotations panel"),
                                    "Ctrl+3", _V),
    A.FOCUS_SEARCH_RESULTS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Go to the search results"), "Ctrl+4", _V),
    A.LANGUAGE_ENGLISH: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Interface in English"),
                                   None, _V, checkable=True),
    A.LANGUAGE_CHINESE: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Interface in Chinese (中文)"),
                                   None, _V, checkable=True),
    A.RENAME_SPEAKER: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Rename speaker…"), "F2", _S),
    A.MERGE_SPEAKER: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Merge speaker into…"),
                                "Shift+F2", _S),
    A.SPEAKER_ROLE: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Set r&ole…"), "Ctrl+R", _S),
    A.SPEAKER_COLOUR: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Set &colour…"), "Ctrl+Shift+C", _S),
    A.SPEAKER_MODERATOR: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Toggle m&oderator"),
                                    "Ctrl+M", _S),
    A.SPEAKER_NARRATION: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Make &narration"), None, _S),
    A.GIVE_TURN: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Give turn to speaker…"), "S",
                            TURNS_MENU, QT_TRANSLATE_NOOP(
                                "Actions", "Give the turn at the cursor (or the selected "
                                "turns) to another speaker, a new one, or narration")),
    A.SPLIT_TURN: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Split turn at cursor"),
                             "Ctrl+Shift+S", TURNS_MENU),
    A.JOIN_TURNS: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Join with next turn"),
                             "Ctrl+Shift+J", TURNS_MENU, QT_TRANSLATE_NOOP(
                                 "Actions", "Join the turn at the cursor with the next one "
                                 "(or the selected turns into one)")),
    A.MAKE_HEADING: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Make turn a section &heading"),
                               "Ctrl+Shift+H", TURNS_MENU),
    A.REMOVE_HEADING: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Remove section heading"),
                                 "Ctrl+Shift+Backspace", TURNS_MENU, QT_TRANSLATE_NOOP(
                                     "Actions", "Remove the section the cursor is in: its "
                                     "turns join the section before it")),
    A.REVIEW: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Review cards…"), "R", STUDY_MENU,
                         QT_TRANSLATE_NOOP("Actions", "Review the due cards: terms, notes and "
                                           "who said what")),
    A.CONTINUE_READING: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Continue where I left off"),
                                   "L", STUDY_MENU, QT_TRANSLATE_NOOP(
                                       "Actions", "Go to the first turn of this document not "
                                       "read yet")),
    A.TOGGLE_GLOSSARY: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Mark glossary terms"), "G",
                                  GLOSSARY_MENU, checkable=True),
    A.ADD_TERM: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Add &term from selection…"), "T",
                           GLOSSARY_MENU,
                           QT_TRANSLATE_NOOP("Actions", "Add the selected text to the glossary")),
    A.OPEN_TERM: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Open the term at the cursor"),
                            "Shift+G", GLOSSARY_MENU,
                            QT_TRANSLATE_NOOP("Actions", "Show the glossary entry of the marked "
                                              "term under the text cursor")),
    A.EDIT_TERM: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Edit term…"), "Shift+T",
                            GLOSSARY_MENU),
    A.RESET_TERM: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Reset term to the &built-in text"),
                             None, GLOSSARY_MENU),
    A.REMOVE_TERM: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Remove term"), None, GLOSSARY_MENU),
    A.FOCUS_GLOSSARY: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Go to the glossary panel"),
                                 "Ctrl+5", GLOSSARY_MENU),
    A.SUGGEST_TERMS: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Suggest terms from this document"),
                                None, GLOSSARY_MENU),
    A.ACCEPT_SUGGESTION: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Accept suggestion"), "Y",
                                    GLOSSARY_MENU),
    A.DISMISS_SUGGESTION: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Dismiss suggestion"), "X",
                                     GLOSSARY_MENU),
    A.IMPORT_TERMS: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Import a term list…"), None,
                               GLOSSARY_MENU),
    A.EXPORT_TERMS: ActionSpec(QT_TRANSLATE_NOOP("Actions", "E&xport the term list…"), None,
                               GLOSSARY_MENU),
    A.SHORTCUTS: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Keyboard shortcuts"), "F1", _H),
    A.EDIT_SHORTCUTS: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Change shortcuts…"), None, _H),
    A.ABOUT: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&About Yandu"), None, _H),
}
for _n in range(1, 10):
    SPECS[ActionId(f"speaker.toggle_{_n}")] = ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Show or hide speaker %1"), str(_n), _S)
    SPECS[ActionId(f"speaker.solo_{_n}")] = ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Show only speaker %1"), f"Shift+{_n}", _S)


def speaker_number(action_id: ActionId) -> int | None:
    """N for the toggle/solo actions of speaker N, else None."""
    if action_id.value.startswith(("speaker.toggle_", "speaker.solo_")):
        return int(action_id.value.rsplit("_", 1)[1])
    return None


def without_mnemonic(text: str) -> str:
    """An action's text as a plain label: no mnemonic, whether "&Undo" or "撤销(&U)"."""
    return re.sub(r"\(&[^)]\)", "", text).replace("&", "")


def action_text(action_id: ActionId) -> str:
    """The translated text of an action, with its speaker number filled in."""
    spec = SPECS[action_id]
    text = QCoreApplication.translate("Actions", spec.text)
    number = speaker_number(action_id)
    return fill(text, str(number)) if number else text


SETTINGS_GROUP = "shortcuts"


def load_overrides(settings: QSettings) -> dict[ActionId, list[QKeySequence]]:
    """User-assigned shortcuts from settings (an empty list means: no key)."""
    result: dict[ActionId, list[QKeySequence]] = {}
    settings.beginGroup(SETTINGS_GROUP)
    try:
        for key in settings.childKeys():
            try:
                action_id = ActionId(key)
            except ValueError:
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


def build_actions(parent: QObject, settings: QSettings | None = None,
                  handlers: dict[ActionId, Callable[[], None]] | None = None,
                  ) -> dict[ActionId, QAction]:
    """One QAction per registry entry, with user overrides applied and handlers connected."""
    overrides = load_overrides(settings) if settings is not None else {}
    actions: dict[ActionId, QAction] = {}
    for action_id, spec in SPECS.items():
        action = QAction(parent)
        _set_texts(action, action_id)
        action.setObjectName(action_id.value)
        action.setCheckable(spec.checkable)
        keys = overrides.get(action_id, spec.default_sequences())
        action.setShortcuts(keys)
        if handlers and action_id in handlers:
            # triggered(bool) would land in a handler's first default argument.
            action.triggered.connect(lambda _checked=False, h=handlers[action_id]: h())
        actions[action_id] = action
    return actions


def retranslate(actions: dict[ActionId, QAction]) -> None:
    """Reset action texts after the interface language changed."""
    for action_id, action in actions.items():
        _set_texts(action, action_id)


def _set_texts(action: QAction, action_id: ActionId) -> None:
    """The menu text (with its access key), the toolbar's (without: Qt would show
    "导入(I)" for "导入(&I)"), and the status tip, in the interface language."""
    text = action_text(action_id)
    action.setText(text)
    action.setIconText(without_mnemonic(text).removesuffix("…").removesuffix("..."))
    spec = SPECS[action_id]
    if spec.tip:
        action.setStatusTip(QCoreApplication.translate("Actions", spec.tip))


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
    """Print the README shortcut table (`python -m desktop.ui.actions`)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([])
    print(markdown_table())


if __name__ == "__main__":
    main()
