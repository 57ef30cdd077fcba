"""What each of the window's actions does: the registry's ids mapped to the controllers.

Kept apart from the window's assembly so that either can grow without the other; the
exporters, the analysis view and the shortcut dialog load on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from desktop.ui.actions import ActionId

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget, QWidget

    from desktop.ui.main_window import MainWindow


def action_handlers(window: MainWindow) -> dict:
    """What each action does (the window ignores them until the study is open)."""
    a = ActionId
    handlers = {
        a.IMPORT: lambda: window.importer.choose(), a.QUIT: window.close,
        a.IMPORT_WITH_PREVIEW: lambda: window.importer.choose(preview=True),
        # The exporters (and the libraries they use) load on first use.
        a.EXPORT: lambda: on_first_use("export_dialog", "open_export_dialog")(window),
        a.PRINT: lambda: on_first_use("print_notes", "print_notes")(window),
        a.EXPORT_PDF: lambda: on_first_use("print_notes", "export_pdf")(window),
        a.UNDO: lambda: window.session.undo(), a.REDO: lambda: window.session.redo(),
        a.FIND: lambda: window.search.focus_search(),
        a.FIND_NEXT: lambda: window.search.step_hit(1),
        a.FIND_PREVIOUS: lambda: window.search.step_hit(-1),
        a.ANNOTATE: lambda: window.annotations.annotate_selection(),
        a.EDIT_ANNOTATION: lambda: window.annotations.edit_current(),
        a.DELETE_ANNOTATION: lambda: window.annotations.delete_current(),
        a.NEXT_TURN: lambda: window.navigator.step_turn(1),
        a.PREVIOUS_TURN: lambda: window.navigator.step_turn(-1),
        a.NEXT_SECTION: lambda: window.navigator.step_section(1),
        a.PREVIOUS_SECTION: lambda: window.navigator.step_section(-1),
        a.NEXT_ANNOTATION: lambda: window.annotations.step(1),
        a.PREVIOUS_ANNOTATION: lambda: window.annotations.step(-1),
        a.BACK: lambda: window.navigator.go_back(), a.FORWARD: lambda: window.navigator.go_forward(),
        a.SWITCH_VIEW: lambda: window.reading.switch_view(), a.ABOUT: window.show_about,
        a.SHOW_ANALYSIS: lambda: window.reading.switch_analysis(lambda: on_first_use(
            "analysis.view", "AnalysisView")(window.session, window.navigator, window.stack)),
        a.SHOW_ALL_SPEAKERS: lambda: window.speaker_filter.show_all(),
        a.TOGGLE_NARRATION: lambda: window.speaker_filter.toggle_narration(),
        a.ZOOM_IN: lambda: window.reading.zoom(1), a.ZOOM_OUT: lambda: window.reading.zoom(-1),
        a.FOCUS_TRANSCRIPT: lambda: window.reading.focus(),
        a.FOCUS_DOCUMENTS: lambda: _focus(window.documents_dock, window.documents_dock.list),
        a.FOCUS_SPEAKERS: lambda: _focus(window.speakers_dock, window.speakers_dock.tree),
        a.FOCUS_ANNOTATIONS: lambda: _focus(window.annotations_dock,
                                            window.annotations_dock.list),
        a.FOCUS_SEARCH_RESULTS: lambda: _focus(window.search_dock, window.search_dock.results),
        a.LANGUAGE_ENGLISH: lambda: window.set_language("en"),
        a.LANGUAGE_CHINESE: lambda: window.set_language("zh_CN"),
        a.RENAME_SPEAKER: lambda: window.speakers.rename_speaker(),
        a.MERGE_SPEAKER: lambda: window.speakers.merge_speaker(),
        a.SPEAKER_ROLE: lambda: window.speakers.set_speaker_role(),
        a.SPEAKER_COLOUR: lambda: window.speakers.set_speaker_colour(),
        a.SPEAKER_MODERATOR: lambda: window.speakers.toggle_moderator(),
        a.SPEAKER_NARRATION: lambda: window.speakers.make_narration(),
        a.SHORTCUTS: lambda: window._shortcuts(editable=False),
        a.EDIT_SHORTCUTS: lambda: window._shortcuts(editable=True),
    }
    for n in range(1, 10):
        handlers[ActionId(f"speaker.toggle_{n}")] = (
            lambda n=n: window.speaker_filter.toggle_speaker(n))
        handlers[ActionId(f"speaker.solo_{n}")] = (
            lambda n=n: window.speaker_filter.solo_speaker(n))
    return handlers


def _focus(dock: QDockWidget, widget: QWidget) -> None:
    """Show a panel and put the keyboard in `widget` of it."""
    dock.show()
    dock.raise_()
    widget.setFocus()


def on_first_use(module: str, name: str):
    """A function of a desktop.ui module imported when first called, not at start-up."""
    return getattr(importlib.import_module(f"desktop.ui.{module}"), name)
