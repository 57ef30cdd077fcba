"""The one registry of window actions: id, text, default shortcut, menu.

The main window builds a QAction per entry; menus, the toolbar and panels borrow those
actions and never bind keys of their own. Users may reassign shortcuts (kept in
settings: `shortcut_settings`); Help > Keyboard Shortcuts and the README table are
generated from here (`shortcut_table`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QObject, QSettings
from PySide6.QtGui import QAction

from desktop.ui.action_spec import ActionSpec, StandardKey
from desktop.ui.i18n import fill
from desktop.ui.player.keys import ENTRIES as PLAYER_ENTRIES

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
    SHOW_ANALYSIS = "view.analysis"
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
    RENAME_DOCUMENT = "document.rename"
    DOCUMENT_PROPERTIES = "document.properties"
    REIMPORT_DOCUMENT = "document.reimport"
    MOVE_DOCUMENT_UP = "document.move_up"
    MOVE_DOCUMENT_DOWN = "document.move_down"
    DELETE_DOCUMENT = "document.delete"
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
    SYNC = "study.sync"
    TEAM_CONFLICTS = "study.team_conflicts"
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
DOCUMENTS_MENU = QT_TRANSLATE_NOOP("Menus", "&Documents")
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
    A.SHOW_ANALYSIS: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Switch reading / a&nalysis view"),
                                "F", _V),
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
    # F2 renames a speaker; the documents panel's actions take keys nothing else has.
    A.RENAME_DOCUMENT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Re&name document…"), "Ctrl+Shift+F2", DOCUMENTS_MENU,
        QT_TRANSLATE_NOOP("Actions", "Give the document chosen in the documents panel (else "
                          "the open one) another title")),
    A.DOCUMENT_PROPERTIES: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Document &properties…"), "Alt+Return", DOCUMENTS_MENU,
        QT_TRANSLATE_NOOP("Actions", "The document's date, event, source, language and "
                          "collection")),
    A.REIMPORT_DOCUMENT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Re-import a changed file…"), "Ctrl+Shift+R",
        DOCUMENTS_MENU,
        QT_TRANSLATE_NOOP("Actions", "Import a new version of the document; its annotations "
                          "follow where their text is still found")),
    A.MOVE_DOCUMENT_UP: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Move document &up"),
                                   "Alt+Shift+Up", DOCUMENTS_MENU),
    A.MOVE_DOCUMENT_DOWN: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Move document do&wn"),
                                     "Alt+Shift+Down", DOCUMENTS_MENU),
    A.DELETE_DOCUMENT: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Delete document…"),
                                  "Shift+Del", DOCUMENTS_MENU),
    A.REVIEW: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Review cards…"), "R", STUDY_MENU,
                         QT_TRANSLATE_NOOP("Actions", "Review the due cards: terms, notes and "
                                           "who said what")),
    A.CONTINUE_READING: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Continue where I left off"),
                                   "L", STUDY_MENU, QT_TRANSLATE_NOOP(
                                       "Actions", "Go to the first turn of this document not "
                                       "read yet")),
    A.SYNC: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Sync with the team"), "F5", STUDY_MENU,
                       QT_TRANSLATE_NOOP("Actions", "Send your changes to the team's folder "
                                         "and take in the others'")),
    A.TEAM_CONFLICTS: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Team &conflicts"), "Shift+F5",
                                 STUDY_MENU, QT_TRANSLATE_NOOP(
                                     "Actions", "The changes that lost to another member's, "
                                     "to keep either side")),
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
SPECS.update({key: ActionSpec(*entry) for key, entry in PLAYER_ENTRIES.items()})


def speaker_number(action_id: ActionId) -> int | None:
    """N for the toggle/solo actions of speaker N, else None."""
    if action_id.value.startswith(("speaker.toggle_", "speaker.solo_")):
        return int(action_id.value.rsplit("_", 1)[1])
    return None


def find_action(value: str) -> ActionId | None:
    """The registry's id named `value` (the player's included), or None."""
    return next((action_id for action_id in SPECS if action_id == value), None)


def without_mnemonic(text: str) -> str:
    """An action's text as a plain label: no mnemonic, whether "&Undo" or "撤销(&U)"."""
    return re.sub(r"\(&[^)]\)", "", text).replace("&", "")


def action_text(action_id: ActionId) -> str:
    """The translated text of an action, with its speaker number filled in."""
    spec = SPECS[action_id]
    text = QCoreApplication.translate("Actions", spec.text)
    number = speaker_number(action_id)
    return fill(text, str(number)) if number else text


def build_actions(parent: QObject, settings: QSettings | None = None,
                  handlers: dict[ActionId, Callable[[], None]] | None = None,
                  ) -> dict[ActionId, QAction]:
    """One QAction per registry entry, with user overrides applied and handlers connected."""
    from desktop.ui.shortcut_settings import load_overrides

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
