"""The main window: it assembles the transcript in the middle, the panels around it, the
menus and the toolbar, and hands each concern to its controller (`controllers/`).

What the window shows comes from its `Session` (the open study and document) through the
session's signals; a new panel is made with the session and the controllers it needs,
added with `add_dock`, and listens to `session` for what to refresh.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QWidget,
)

from desktop.ui import actions as registry
from desktop.ui.actions import ActionId
from desktop.ui.controllers.annotations import AnnotationsController
from desktop.ui.controllers.documents import DocumentsController
from desktop.ui.controllers.glossary import GlossaryMarks
from desktop.ui.controllers.glossary_terms import GlossaryTerms
from desktop.ui.controllers.importing import ImportController
from desktop.ui.controllers.navigation import Navigator
from desktop.ui.controllers.reading import COMPARE, READING, ReadingController
from desktop.ui.controllers.search import SearchController
from desktop.ui.controllers.speaker_filter import SpeakerFilter
from desktop.ui.controllers.speakers import SpeakersController
from desktop.ui.controllers.team import TeamController
from desktop.ui.controllers.term_lists import TermLists
from desktop.ui.controllers.turn_edits import TurnEditsController
from desktop.ui.decorations import AnnotationLayer, SearchLayer
from desktop.ui.docks.annotations import AnnotationsDock
from desktop.ui.docks.documents import DocumentsDock
from desktop.ui.docks.glossary_dock import GlossaryDock
from desktop.ui.docks.search import SearchDock
from desktop.ui.docks.speakers import SpeakersDock
from desktop.ui.feedback import Feedback
from desktop.ui.i18n import fill
from desktop.ui.markdown_note import render_note
from desktop.ui.review.controller import ReviewController
from desktop.ui.session import Session
from desktop.ui.settings import app_settings, read_int
from desktop.ui.transcript_view import TranscriptView
from desktop.ui.undo_actions import name_undo_actions
from desktop.ui.window_actions import action_handlers, on_first_use
from desktop.ui.window_layout import WindowLayout
from desktop.ui.window_menus import WindowMenus

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

class MainWindow(QMainWindow):
    """Yandu's window over one study.

    Made with a study (`MainWindow(db, path)`) it is ready at once. Made without one
    (`MainWindow(None, path)`), as `yandu` starts, it can show the reader's place from a
    read-only look (`show_first_screen`) and be painted before the study is opened;
    `attach(db)` then brings the panels, edits and watching. Until then its commands do
    nothing.
    """

    def __init__(self, db: Database | None, study_path: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.settings = app_settings()
        self.session = Session(study_path, self.settings, self)
        self.feedback = Feedback(self)
        self.layout_state = WindowLayout(self, self.settings)
        self.actions = registry.build_actions(self, self.settings, self._handlers())
        for action in self.actions.values():
            self.addAction(action)  # shortcuts work whichever panel has the focus

        self.view = TranscriptView(self)
        self.annotation_layer = AnnotationLayer(render_note=render_note)
        self.view.add_layer(self.annotation_layer)
        self.search_layer = SearchLayer()
        self.view.add_layer(self.search_layer)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.setCentralWidget(self.stack)
        self.count_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(200)
        self.progress.setVisible(False)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.count_label)

        self.documents_dock = DocumentsDock(self)
        self.speakers_dock = SpeakersDock(self)
        self.annotations_dock = AnnotationsDock(self)
        self.search_dock = SearchDock(self)
        self.glossary_dock = GlossaryDock(self.session, self)
        self._build_controllers()
        self.menus = WindowMenus(self, self.actions)
        self.panel_menu = self.menus.panel_menu
        for dock, area in ((self.documents_dock, Qt.DockWidgetArea.LeftDockWidgetArea),
                           (self.speakers_dock, Qt.DockWidgetArea.LeftDockWidgetArea),
                           (self.annotations_dock, Qt.DockWidgetArea.RightDockWidgetArea),
                           (self.search_dock, Qt.DockWidgetArea.RightDockWidgetArea),
                           (self.glossary_dock, Qt.DockWidgetArea.LeftDockWidgetArea)):
            self.add_dock(dock, area)
        self.player = on_first_use("player.wiring", "install")(self)  # the recording
        self._offer_actions()
        self._connect_session()
        self.review = ReviewController(self)  # study mode: reviews, due counts, progress
        self.team = TeamController(self)  # a team's sync and conflicts

        self.setAcceptDrops(True)
        self.setDockNestingEnabled(True)
        self.resize(1400, 900)
        self.retranslate_ui()
        if db is not None:
            self.attach(db)

    def _build_controllers(self) -> None:
        session, feedback, a = self.session, self.feedback, self.actions
        # The reading view is filled first when a document opens: the others read it.
        self.speaker_filter = SpeakerFilter(session, self.view, self.speakers_dock, a,
                                            self.count_label, feedback)
        self.reading = ReadingController(session, self.stack, self.view,
                                         self.speaker_filter, self.settings)
        self.navigator = Navigator(session, self.reading, self.speaker_filter)
        self.annotations = AnnotationsController(
            session, self.reading, self.navigator, self.annotation_layer,
            self.annotations_dock, self.settings, feedback, self)
        self.speakers = SpeakersController(session, self.view, self.speakers_dock, feedback,
                                           self)
        self.search = SearchController(session, self.navigator, self.search_layer,
                                       self.search_dock, feedback)
        self.importer = ImportController(session, self.navigator, self.progress, feedback,
                                         self)
        self.glossary = GlossaryMarks(session, self.view, a[ActionId.TOGGLE_GLOSSARY], feedback)
        self.glossary_terms = GlossaryTerms(session, self.navigator, self.glossary,
                                            self.glossary_dock, a, feedback, self)
        self.term_lists = TermLists(session, a[ActionId.IMPORT_TERMS], a[ActionId.EXPORT_TERMS],
                                    feedback, self)
        self.turn_edits = TurnEditsController(session, self.reading, a, feedback, self)
        self.document_edits = DocumentsController(session, self.navigator, self.documents_dock,
                                                  a, feedback, self)

    def _connect_session(self) -> None:
        session = self.session
        session.failed.connect(self.feedback.error)
        session.history_changed.connect(self._update_undo_actions)
        session.documents_changed.connect(self.refresh_documents)
        session.document_opened.connect(self.documents_dock.mark_current)
        session.document_opened.connect(lambda _id: self._update_title())
        session.outside_change.connect(lambda: self.feedback.status(QCoreApplication.translate(
            "MainWindow", "Another program changed the study: Yandu shows its changes, and "
            "Undo starts afresh from here."), 10000))
        self.documents_dock.document_activated.connect(self.navigator.open_document)
        self.reading.moderator_wanted.connect(self.speakers.ask_for_moderator)

    def attach(self, db: Database) -> None:
        """Work on the opened study: reopen the last document where it was left."""
        self.restore_layout()
        self.session.attach(db)
        if self.session.document_id is not None and read_int(
                self.settings, "window/view", READING) == COMPARE:
            self.reading.switch_view()
        # Checkable commands pressed before now were ignored: their ticks follow the view.
        self.actions[ActionId.TOGGLE_NARRATION].setChecked(self.view.show_narration)

    def show_first_screen(self, conn: sqlite3.Connection) -> bool:
        """Show the last document at the reader's place from a read-only look at the
        study, before it is opened; False when there is nothing to show."""
        self.restore_layout()
        title = self.reading.show_first_screen(conn)
        if title is not None:
            self._update_title(title)
        return title is not None

    # ---- actions and menus ----------------------------------------------------------

    def _handlers(self) -> dict:
        """What each action does, ignored in the moment before the study is open."""
        return {action_id: self._once_attached(handler)
                for action_id, handler in action_handlers(self).items()}

    def _once_attached(self, handler):
        def run() -> None:
            if self.session.is_attached:
                handler()
        return run

    def _offer_actions(self) -> None:
        """Context menus offer the actions that apply to what they are on."""
        a = self.actions
        self.speakers_dock.add_actions([a[i] for i in (
            ActionId.RENAME_SPEAKER, ActionId.MERGE_SPEAKER, ActionId.SPEAKER_ROLE,
            ActionId.SPEAKER_COLOUR, ActionId.SPEAKER_MODERATOR, ActionId.SPEAKER_NARRATION)])
        self.annotations_dock.add_actions([a[ActionId.EDIT_ANNOTATION],
                                           a[ActionId.DELETE_ANNOTATION]])
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.addActions([a[i] for i in (ActionId.ANNOTATE, ActionId.EDIT_ANNOTATION,
                                             ActionId.DELETE_ANNOTATION, ActionId.ADD_TERM)])
        self.turn_edits.offer_in(self.view)
        glossary = self.glossary_dock
        glossary.suggestion_list.addActions([a[ActionId.ACCEPT_SUGGESTION],
                                             a[ActionId.DISMISS_SUGGESTION]])
        glossary.suggestion_list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        glossary.list.addActions([a[ActionId.EDIT_TERM], a[ActionId.RESET_TERM],
                                  a[ActionId.REMOVE_TERM]])

    def menu(self, title: str) -> QMenu:
        """The menu titled `title` (English source text, e.g. "&Glossary"); made before
        Help if missing."""
        return self.menus.menu(title)

    def add_dock(self, dock: QDockWidget, area: Qt.DockWidgetArea) -> None:
        """Add a panel; it gets a View > Panels entry and its state is saved."""
        if not dock.objectName():
            raise ValueError("a dock needs an objectName for its layout to be restored")
        self.addDockWidget(area, dock)
        self.panel_menu.addAction(dock.toggleViewAction())

    @property
    def docks(self) -> list[QDockWidget]:
        """Every panel, in the order they were added."""
        return [self.documents_dock, self.speakers_dock, self.annotations_dock,
                self.search_dock, self.glossary_dock]

    # ---- language, help, export --------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Set every text again (after a language switch)."""
        self.menus.retranslate()
        registry.retranslate(self.actions)
        self.speaker_filter.name_speaker_keys()
        for dock in self.docks[:4]:
            dock.retranslate()
        from desktop.ui.i18n import choose_language

        language = choose_language(str(self.settings.value("language", "") or ""))
        self.actions[ActionId.LANGUAGE_CHINESE].setChecked(language.startswith("zh"))
        self.actions[ActionId.LANGUAGE_ENGLISH].setChecked(not language.startswith("zh"))
        self.actions[ActionId.TOGGLE_NARRATION].setChecked(self.view.show_narration)
        self._update_undo_actions()
        self._update_title()
        self.reading.refresh_language()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Follow language switches."""
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "menus"):
            self.retranslate_ui()
        super().changeEvent(event)

    def set_language(self, language: str) -> None:
        """Switch the interface between English and Simplified Chinese (kept in settings)."""
        from desktop.ui.i18n import install_translator

        self.settings.setValue("language", language)
        install_translator(language)

    def _shortcuts(self, *, editable: bool) -> None:
        """List every action with its keys (F1), or let the user reassign them."""
        from desktop.ui.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self.actions, self.settings, self, editable=editable).open()

    def show_about(self) -> None:
        """A few words about Yandu."""
        from desktop import __version__

        QMessageBox.about(self, self.tr("About Yandu"), fill(self.tr(
            "<b>Yandu 研读</b> %1<p>Study and annotate transcripts, with Chinese "
            "as a first-class language.</p><p>Every edit is saved at once in the study "
            "file.</p>"), __version__))

    def _update_title(self, title: str | None = None) -> None:
        title = title or self.session.document_title or self.tr("no document")
        self.setWindowTitle(f"{title} — Yandu 研读")

    def _update_undo_actions(self) -> None:
        name_undo_actions(self.actions[ActionId.UNDO], self.actions[ActionId.REDO],
                          self.session.history)

    # ---- documents and state -------------------------------------------------------------

    def refresh_documents(self) -> None:
        """List the study's documents, the open one chosen (its title may have changed)."""
        self.document_edits.refresh()
        self._update_title()

    def restore_layout(self) -> None:
        """Bring back the window's geometry, panels and zoom (once)."""
        if self.layout_state.restored:
            return
        self.layout_state.restore(self.docks)
        zoom = self.settings.value("window/zoom")
        if zoom:
            self.reading.set_font_size(float(zoom))

    def save_state(self) -> None:
        """Remember the layout, geometry, document, view and filters."""
        if not self.session.is_attached:
            return  # closed before the study was open: nothing changed to remember
        self.layout_state.save()
        self.settings.setValue("window/view",
                               COMPARE if self.reading.showing_compare else READING)
        self.settings.setValue("window/zoom", self.view.font().pointSizeF())
        if self.session.document_id is not None:
            self.settings.setValue("document", self.session.document_id)
        self.reading.save_place()
        self.settings.sync()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """A narrowed window takes width from the side panels; a widened one gives it back."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.layout_state.keep_text_wide(self.docks)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        """Save the state; every edit is already in the study."""
        self.save_state()
        self.session.stop_watching()
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        """Accept files dragged onto the window (once its study is open)."""
        if not self.session.is_attached:
            return
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        """Import the dropped files."""
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.importer.gate.bring_in(paths)
