"""The main window: transcript (reading or compare view) in the middle, panels around it.

Other modules extend it without editing it: `add_dock` adds a panel (with a View menu
entry), `menu` finds or creates a menu, `add_registry_action` builds an action added to
the registry later, decoration layers go on `view.add_layer`, and `changes_applied`
tells listeners what every edit, undo or redo touched.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from db import StudyError
from db import annotations as annotation_rows
from desktop.core import library
from desktop.core.commands import Changes, Command, History
from desktop.core.errors import YanduError
from desktop.ui import actions as registry
from desktop.ui.actions import SPECS, ActionId
from desktop.ui.decorations import AnnotationLayer, SearchLayer
from desktop.ui.docks.annotations import AnnotationsDock
from desktop.ui.docks.documents import DocumentsDock
from desktop.ui.docks.search import SearchDock
from desktop.ui.docks.speakers import SpeakersDock
from desktop.ui.glossary_layer import install_glossary
from desktop.ui.markdown_note import render_note
from desktop.ui.navigation import JumpHistory, Place
from desktop.ui.settings import app_settings, read_bool, read_int, read_ints
from desktop.ui.transcript_view import TranscriptView
from desktop.ui.window_annotations import AnnotationsMixin
from desktop.ui.window_filter import FilterMixin
from desktop.ui.window_import import ImportMixin
from desktop.ui.window_navigation import NavigationMixin
from desktop.ui.window_search import SearchMixin
from desktop.ui.window_speakers import SpeakersMixin

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

    from desktop.ui.compare_view import CompareView

QT_TRANSLATE_NOOP = registry.QT_TRANSLATE_NOOP
# Names of undoable steps, as the core gives them; translated when shown in the Edit menu.
COMMAND_NAMES = (
    QT_TRANSLATE_NOOP("Commands", "Create annotation"),
    QT_TRANSLATE_NOOP("Commands", "Edit annotation"),
    QT_TRANSLATE_NOOP("Commands", "Retag annotation"),
    QT_TRANSLATE_NOOP("Commands", "Recolour annotation"),
    QT_TRANSLATE_NOOP("Commands", "Delete annotation"),
    QT_TRANSLATE_NOOP("Commands", "Rename speaker"),
    QT_TRANSLATE_NOOP("Commands", "Merge speakers"),
    QT_TRANSLATE_NOOP("Commands", "Set speaker role"),
    QT_TRANSLATE_NOOP("Commands", "Set speaker colour"),
    QT_TRANSLATE_NOOP("Commands", "Set moderator"),
    QT_TRANSLATE_NOOP("Commands", "Unset moderator"),
    QT_TRANSLATE_NOOP("Commands", "Make narration"),
    QT_TRANSLATE_NOOP("Commands", "Edit speakers"),
    QT_TRANSLATE_NOOP("Commands", "Add term"),
    QT_TRANSLATE_NOOP("Commands", "Edit term"),
    QT_TRANSLATE_NOOP("Commands", "Remove term"),
    QT_TRANSLATE_NOOP("Commands", "Reset term"),
    QT_TRANSLATE_NOOP("Commands", "Import terms"),
    QT_TRANSLATE_NOOP("Commands", "Dismiss suggestion"),
)
READING, COMPARE = 0, 1
POLL_MS = 2000
TEXT_SHARE = 0.45  # of a narrowed window's width, the reading view keeps at least this
FIRST_SCREEN_TURNS = 150  # read each side of the reader's place for the first paint


def command_name(text: str) -> str:
    """The translated name of an undo step."""
    return QCoreApplication.translate("Commands", text)


class MainWindow(AnnotationsMixin, NavigationMixin, SearchMixin, SpeakersMixin, FilterMixin, ImportMixin,
                 QMainWindow):
    """Yandu's window over one open study.

    Made with a study (`MainWindow(db, path)`) it is ready at once. Made without one
    (`MainWindow(None, path)`), as `yandu` starts, it can show the reader's place from a
    read-only look (`show_first_screen`) and be painted before the study is opened, its
    libraries loaded and checked; `attach(db)` then brings the panels, edits and watching.
    Until then its commands do nothing.
    """

    document_opened = Signal(int)
    changes_applied = Signal(object)  # a desktop.core.commands.Changes
    study_attached = Signal()

    def __init__(self, db: Database | None, study_path: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.db: Database | None = None
        self.study_path = Path(study_path) if study_path else None
        self.history: History | None = None
        self.settings = app_settings()
        self.document_id: int | None = None
        self.document_title = ""
        self.turns: list[library.Turn] = []
        self.speakers: list[library.Speaker] = []
        self.sections: list[library.Section] = []
        self.annotations: list[annotation_rows.Annotation] = []
        self.jumps = JumpHistory()
        self._compare_stale = True
        self._data_version = -1
        self._importing = 0
        self._layout_restored = False

        self.view = TranscriptView(self)
        self.annotation_layer = AnnotationLayer(render_note=render_note)
        self.view.add_layer(self.annotation_layer)
        self.search_layer = SearchLayer()
        self.view.add_layer(self.search_layer)
        self._compare: CompareView | None = None  # made when first shown
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.setCentralWidget(self.stack)

        self.actions = registry.build_actions(self, self.settings, self._handlers())
        for action in self.actions.values():
            self.addAction(action)  # shortcuts work whichever panel has the focus

        self.documents_dock = DocumentsDock(self)
        self.speakers_dock = SpeakersDock(self)
        self.annotations_dock = AnnotationsDock(self)
        self.search_dock = SearchDock(self)
        self._panel_menu = QMenu(self)
        self._menus: dict[str, QMenu] = {}
        self._build_menus()
        self.add_dock(self.documents_dock, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.add_dock(self.speakers_dock, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.add_dock(self.annotations_dock, Qt.DockWidgetArea.RightDockWidgetArea)
        self.add_dock(self.search_dock, Qt.DockWidgetArea.RightDockWidgetArea)
        self.speakers_dock.add_actions([self.actions[a] for a in (
            ActionId.RENAME_SPEAKER, ActionId.MERGE_SPEAKER, ActionId.SPEAKER_ROLE,
            ActionId.SPEAKER_COLOUR, ActionId.SPEAKER_MODERATOR, ActionId.SPEAKER_NARRATION)])
        self.annotations_dock.add_actions([self.actions[a] for a in (
            ActionId.EDIT_ANNOTATION, ActionId.DELETE_ANNOTATION)])
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.addActions([self.actions[a] for a in (
            ActionId.ANNOTATE, ActionId.EDIT_ANNOTATION, ActionId.DELETE_ANNOTATION)])
        self._build_toolbar()

        self.count_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(200)
        self.progress.setVisible(False)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.count_label)

        self.documents_dock.document_activated.connect(self.open_document_by_user)
        self.speakers_dock.speaker_toggled.connect(self._on_speaker_checkbox)
        self.view.filter_changed.connect(self._on_filter_changed)
        self.view.current_turn_changed.connect(self._on_current_turn)
        self.view.cursorPositionChanged.connect(self._follow_cursor_annotation)
        self.annotations_dock.annotation_activated.connect(self.jump_to_annotation)
        self.search_dock.query_changed.connect(self.run_search)
        self.search_dock.hit_activated.connect(self.jump_to_hit)
        self.document_opened.connect(self.search_follows_document)

        self.setAcceptDrops(True)
        self.setDockNestingEnabled(True)
        self.resize(1400, 900)

        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.check_outside_changes)
        self.glossary = install_glossary(self)
        self.retranslate_ui()
        if db is not None:
            self.attach(db)

    def attach(self, db: Database) -> None:
        """Work on the opened study: fill the panels, reopen the last document, watch it."""
        self.db = db
        self.history = History(db)
        self._data_version = self._read_data_version()
        self._poll.start()
        self.refresh_documents()
        self.restore_state()
        self._update_undo_actions()
        # Checkable commands pressed before now were ignored: their ticks follow the view.
        self.actions[ActionId.TOGGLE_NARRATION].setChecked(self.view.show_narration)
        self.study_attached.emit()
        self.refill_index_if_stale()
        self.search_dock.search_again()  # a query typed while the study was opening

    def show_first_screen(self, conn: sqlite3.Connection) -> bool:
        """Show the last document at the reader's place, read from a read-only look
        (`db.peek`) before the study is opened; False if there is nothing to show (the
        opening that follows says what is wrong, if anything is)."""
        self.restore_layout()
        document_id = read_int(self.settings, "document")
        if document_id is None:
            return False
        key = f"documents/{document_id}"
        top = read_int(self.settings, f"{key}/top") or 0
        try:
            info = library.find_document(conn, document_id)
            turns = library.turns_around(conn, document_id, top, FIRST_SCREEN_TURNS,
                                         FIRST_SCREEN_TURNS)
            speakers = library.speakers(conn, document_id)
            sections = library.sections(conn, document_id)
        except (sqlite3.Error, YanduError):
            return False
        self.view.hidden_speakers = set(read_ints(self.settings, f"{key}/hidden_speakers"))
        self.view.show_narration = read_bool(self.settings, f"{key}/narration", True)
        self.view.load(info.id, turns, speakers, sections, near_offset=top)
        self.view.scroll_to_offset(top, top=True)
        self.document_title = info.title
        self._update_title()
        return True

    @property
    def compare(self) -> CompareView:
        """The compare view (every answer to a question side by side), made when first
        needed: most sessions start and stay in the reading view."""
        if self._compare is None:
            from desktop.ui.compare_view import CompareView

            self._compare = CompareView(self)
            self._compare.setFont(self.view.font())
            self.stack.addWidget(self._compare)  # index COMPARE
            self._compare.turn_activated.connect(self.jump_to_turn)
        return self._compare

    # ---- actions and menus ----------------------------------------------------------

    # The exporters (and the libraries they use) load on first use, not at start-up.
    def open_export_dialog(self) -> None:
        """File > Export: choose a format and what to export."""
        from desktop.ui.export_dialog import open_export_dialog

        open_export_dialog(self)

    def print_notes(self) -> None:
        """File > Print the notes."""
        from desktop.ui.export_dialog import print_notes

        print_notes(self)

    def export_pdf(self) -> None:
        """File > Export the notes to PDF."""
        from desktop.ui.export_dialog import export_pdf

        export_pdf(self)

    def _handlers(self) -> dict:
        a = ActionId
        handlers = {
            a.IMPORT: self.choose_import, a.QUIT: self.close,
            a.EXPORT: self.open_export_dialog, a.PRINT: self.print_notes,
            a.EXPORT_PDF: self.export_pdf,
            a.UNDO: self.undo, a.REDO: self.redo,
            a.FIND: self.focus_search, a.FIND_NEXT: lambda: self.step_hit(1),
            a.FIND_PREVIOUS: lambda: self.step_hit(-1),
            a.ANNOTATE: self.annotate_selection, a.EDIT_ANNOTATION: self.edit_annotation,
            a.DELETE_ANNOTATION: self.delete_annotation,
            a.NEXT_TURN: lambda: self.step_turn(1), a.PREVIOUS_TURN: lambda: self.step_turn(-1),
            a.NEXT_SECTION: lambda: self.step_section(1),
            a.PREVIOUS_SECTION: lambda: self.step_section(-1),
            a.NEXT_ANNOTATION: lambda: self.step_annotation(1),
            a.PREVIOUS_ANNOTATION: lambda: self.step_annotation(-1),
            a.BACK: self.go_back, a.FORWARD: self.go_forward,
            a.SWITCH_VIEW: self.switch_view, a.SHOW_ALL_SPEAKERS: self.show_all_speakers,
            a.TOGGLE_NARRATION: self.toggle_narration,
            a.ZOOM_IN: lambda: self.zoom(1), a.ZOOM_OUT: lambda: self.zoom(-1),
            a.FOCUS_TRANSCRIPT: self.focus_transcript,
            a.FOCUS_DOCUMENTS: lambda: self._focus_dock(self.documents_dock,
                                                        self.documents_dock.list),
            a.FOCUS_SPEAKERS: lambda: self._focus_dock(self.speakers_dock,
                                                       self.speakers_dock.tree),
            a.FOCUS_ANNOTATIONS: lambda: self._focus_dock(self.annotations_dock,
                                                          self.annotations_dock.list),
            a.FOCUS_SEARCH_RESULTS: lambda: self._focus_dock(self.search_dock,
                                                             self.search_dock.results),
            a.LANGUAGE_ENGLISH: lambda: self.set_language("en"),
            a.LANGUAGE_CHINESE: lambda: self.set_language("zh_CN"),
            a.RENAME_SPEAKER: self.rename_speaker, a.MERGE_SPEAKER: self.merge_speaker,
            a.SPEAKER_ROLE: self.set_speaker_role, a.SPEAKER_COLOUR: self.set_speaker_colour,
            a.SPEAKER_MODERATOR: self.toggle_moderator,
            a.SPEAKER_NARRATION: self.make_narration,
            a.SHORTCUTS: self.show_shortcuts, a.EDIT_SHORTCUTS: self.edit_shortcuts,
            a.ABOUT: self.show_about,
        }
        for n in range(1, 10):
            handlers[ActionId(f"speaker.toggle_{n}")] = lambda n=n: self.toggle_speaker(n)
            handlers[ActionId(f"speaker.solo_{n}")] = lambda n=n: self.solo_speaker(n)
        return {action_id: self._once_attached(h) for action_id, h in handlers.items()}

    def _once_attached(self, handler):
        """`handler`, ignored in the moment before the study is open (keys pressed then)."""
        def run() -> None:
            if self.db is not None:
                handler()
        return run

    def _build_menus(self) -> None:
        bar = self.menuBar()
        for title in registry.MENUS:
            self._menus[title] = bar.addMenu(title)
        self._filter_menu = QMenu(self)
        for action_id, spec in SPECS.items():
            menu = self.menu(spec.menu)  # a menu not in MENUS (an extension's) is made
            if registry.speaker_number(action_id) is not None:
                self._filter_menu.addAction(self.actions[action_id])
                continue
            if action_id in (ActionId.ZOOM_IN, ActionId.FOCUS_TRANSCRIPT,
                             ActionId.LANGUAGE_ENGLISH, ActionId.NEXT_SECTION,
                             ActionId.NEXT_ANNOTATION, ActionId.BACK, ActionId.FIND,
                             ActionId.SHORTCUTS, ActionId.QUIT):
                menu.addSeparator()
            menu.addAction(self.actions[action_id])
        speakers_menu = self._menus[registry.MENUS[5]]
        speakers_menu.addSeparator()
        speakers_menu.addMenu(self._filter_menu)
        view_menu = self._menus[registry.MENUS[4]]
        view_menu.addSeparator()
        view_menu.addMenu(self._panel_menu)

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action_id in (ActionId.IMPORT, ActionId.UNDO, ActionId.REDO, ActionId.ANNOTATE,
                          ActionId.SWITCH_VIEW, ActionId.SHOW_ALL_SPEAKERS,
                          ActionId.TOGGLE_NARRATION, ActionId.FIND):
            self.toolbar.addAction(self.actions[action_id])
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def menu(self, title: str) -> QMenu:
        """The menu titled `title` (English source text, e.g. "&Tools"); made if missing."""
        if title not in self._menus:
            help_menu = self._menus[registry.MENUS[-1]]
            menu = QMenu(QCoreApplication.translate("Menus", title), self)
            self.menuBar().insertMenu(help_menu.menuAction(), menu)
            self._menus[title] = menu
        return self._menus[title]

    def add_dock(self, dock: QDockWidget, area: Qt.DockWidgetArea) -> None:
        """Add a panel; it gets a View > Panels entry and its state is saved."""
        if not dock.objectName():
            raise ValueError("a dock needs an objectName for its layout to be restored")
        self.addDockWidget(area, dock)
        self._panel_menu.addAction(dock.toggleViewAction())

    def add_registry_action(self, action_id: ActionId, handler) -> QAction:
        """Build the QAction of a registry entry added after the window (by an extension)."""
        if action_id not in self.actions:
            built = registry.build_actions(self, self.settings, {action_id: handler})
            self.actions[action_id] = built[action_id]
            self.addAction(built[action_id])
            for other_id, action in built.items():
                if other_id != action_id:
                    action.deleteLater()
        return self.actions[action_id]

    def retranslate_ui(self) -> None:
        """Set every text again (after a language switch)."""
        for title, menu in self._menus.items():
            menu.setTitle(QCoreApplication.translate("Menus", title))
        self._filter_menu.setTitle(self.tr("Speaker &filter"))
        self._panel_menu.setTitle(self.tr("&Panels"))
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        registry.retranslate(self.actions)
        self.name_speaker_keys()
        for dock in (self.documents_dock, self.speakers_dock, self.annotations_dock,
                     self.search_dock):
            dock.retranslate()
        from desktop.ui.i18n import choose_language

        language = choose_language(str(self.settings.value("language", "") or ""))
        self.actions[ActionId.LANGUAGE_CHINESE].setChecked(language.startswith("zh"))
        self.actions[ActionId.LANGUAGE_ENGLISH].setChecked(not language.startswith("zh"))
        self.actions[ActionId.TOGGLE_NARRATION].setChecked(self.view.show_narration)
        self._update_undo_actions()
        self._update_title()
        if self.turns:
            self.refresh_document(keep_scroll=True)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Follow language switches."""
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "toolbar"):
            self.retranslate_ui()
        super().changeEvent(event)

    def _update_title(self) -> None:
        title = self.document_title or self.tr("no document")
        self.setWindowTitle(f"{title} — Yandu 研读")

    # ---- documents ------------------------------------------------------------------

    def refresh_documents(self) -> None:
        """Reload the library list."""
        self.documents_dock.set_documents(library.list_documents(self.db), self.document_id)

    def open_document_by_user(self, document_id: int) -> None:
        """Open a document chosen in the library (a jump: Back returns)."""
        if document_id != self.document_id:
            self.jumps.record(self.here())
            self.open_document(document_id)

    def open_document(self, document_id: int, *, offset: int | None = None) -> bool:
        """Show a document, with its saved filter and scroll position."""
        if self.document_id is not None:
            self.save_document_state()
        try:
            info = library.find_document(self.db, document_id)
        except YanduError as exc:
            self.statusBar().showMessage(str(exc), 5000)
            return False
        self.document_id = info.id
        self.document_title = info.title
        key = f"documents/{info.id}"
        hidden = set(read_ints(self.settings, f"{key}/hidden_speakers"))
        self.view.hidden_speakers = hidden
        self.view.show_narration = read_bool(self.settings, f"{key}/narration", True)
        top = read_int(self.settings, f"{key}/top") if offset is None else offset
        self.refresh_document(keep_scroll=False, near_offset=top)
        if top is not None:
            self.view.scroll_to_offset(top, top=True)
        self.settings.setValue("document", info.id)
        self.refresh_documents()
        self._update_title()
        self.document_opened.emit(info.id)
        return True

    def refresh_document(self, *, keep_scroll: bool = True,
                         near_offset: int | None = None) -> None:
        """Reload turns, speakers and sections of the open document (after an edit).

        The view is written first around the place the reader keeps (or `near_offset`).
        """
        if self.document_id is None:
            return
        top = self.view.top_offset() if keep_scroll and self.view.turns else None
        near = top if top is not None else near_offset
        self.turns = library.turns(self.db, self.document_id)
        self.speakers = library.speakers(self.db, self.document_id)
        self.sections = library.sections(self.db, self.document_id)
        self.view.load(self.document_id, self.turns, self.speakers, self.sections,
                       self._headline_starts(), near_offset=near)
        self._compare_stale = True
        if self.stack.currentIndex() == COMPARE:
            self._refresh_compare()
        self._fill_speakers_dock()
        self.refresh_annotations()
        if top is not None:
            self.view.scroll_to_offset(top, top=True)

    def _headline_starts(self) -> list[int] | None:
        """Where each turn's headline starts in the document (None on an older study)."""
        try:
            rows = self.db.execute(
                "SELECT headline_start, headline_end FROM turns WHERE document_id = ? "
                "ORDER BY position", [self.document_id]).fetchall()
        except sqlite3.Error:
            return None
        return [start if end > start else 0 for start, end in rows]

    def _fill_speakers_dock(self) -> None:
        narration = sum(1 for t in self.turns if t.speaker_id is None)
        self.speakers_dock.set_speakers(self.speakers, self.view.hidden_speakers,
                                        self.view.show_narration, narration)
        self.speakers_dock.set_counts(self.view.visible_turn_count(), len(self.turns))
        self.name_speaker_keys()

    def _refresh_compare(self) -> None:
        if self._compare_stale:
            self.compare.load(self.turns, self.speakers, self.sections)
            self._compare_stale = False
            self._hide_compare_columns()

    def _hide_compare_columns(self) -> None:
        """The compare view follows the speaker filter: hidden speakers lose their column."""
        if self._compare_stale:
            return
        for column, speaker in enumerate(self.compare.compare_model.columns, start=1):
            self.compare.setColumnHidden(column, speaker.id in self.view.hidden_speakers)
        self.compare.fit_rows()

    def here(self) -> Place | None:
        """Where the reader is now (for back/forward)."""
        if self.document_id is None:
            return None
        offset = self.view.cursor_offset()
        if offset is None:
            offset = self.view.top_offset() or 0
        return Place(self.document_id, offset)

    # ---- edits, undo and refresh ----------------------------------------------------

    def run_command(self, command: Command) -> bool:
        """Apply an undoable edit and refresh what it touched; errors become one line."""
        try:
            changes = self.history.run(command)
        except (YanduError, StudyError) as exc:
            self._update_undo_actions()  # a stale step clears the history
            self.show_error(str(exc))
            return False
        except sqlite3.Error as exc:
            from db.connection import describe_write_error

            self.show_error(describe_write_error(self.study_path, exc))
            return False
        self.apply_changes(changes)
        return True

    def undo(self) -> None:
        """Revert the last edit."""
        self._undo_redo(self.history.undo)

    def redo(self) -> None:
        """Apply the last undone edit again."""
        self._undo_redo(self.history.redo)

    def _undo_redo(self, step) -> None:
        try:
            changes = step()
        except (YanduError, StudyError, sqlite3.Error) as exc:
            self._update_undo_actions()  # a stale step clears the history
            self.show_error(str(exc))
            return
        if changes.document_ids and self.document_id not in changes.document_ids:
            # Show the step where it happened, not a silent change in another document.
            self.open_document(min(changes.document_ids))
        self.apply_changes(changes)

    def apply_changes(self, changes: Changes) -> None:
        """Refresh the views an edit touched, then tell the listeners."""
        self._data_version = self._read_data_version()
        touches_open = (not changes.document_ids or self.document_id in changes.document_ids)
        if changes.speakers and touches_open:
            self.refresh_document(keep_scroll=True)
        elif changes.annotations and touches_open:
            self.refresh_annotations()
        if changes.documents or changes.speakers:
            self.refresh_documents()
            self.search_dock.search_again()  # hits are labelled with speakers and titles
        if changes.glossary:
            self.view.refresh_decorations()  # e.g. a glossary layer's marks
        self._update_undo_actions()
        self.changes_applied.emit(changes)

    def _update_undo_actions(self) -> None:
        undo, redo = self.actions[ActionId.UNDO], self.actions[ActionId.REDO]
        if self.history is None:  # no study open yet
            undo.setEnabled(False)
            redo.setEnabled(False)
            return
        undo.setEnabled(self.history.can_undo)
        redo.setEnabled(self.history.can_redo)
        undo.setText(self.tr("&Undo %1").replace("%1", command_name(self.history.undo_text))
                     if self.history.can_undo else registry.action_text(ActionId.UNDO))
        redo.setText(self.tr("&Redo %1").replace("%1", command_name(self.history.redo_text))
                     if self.history.can_redo else registry.action_text(ActionId.REDO))
        for action, action_id in ((undo, ActionId.UNDO), (redo, ActionId.REDO)):
            # The toolbar button keeps its short name, so the buttons after it stay where
            # they are; the menu and the tooltip say what would be undone.
            action.setIconText(registry.without_mnemonic(registry.action_text(action_id)))
            action.setToolTip(registry.without_mnemonic(action.text()))

    def show_error(self, message: str) -> None:
        """Tell the user about a problem in one line."""
        self.statusBar().showMessage(message, 8000)
        QMessageBox.warning(self, self.tr("Yandu"), message)

    def _read_data_version(self) -> int:
        try:
            return int(self.db.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:
            return -1

    def check_outside_changes(self) -> None:
        """Reload when another program (or a background import) changed the study."""
        version = self._read_data_version()
        if version == self._data_version:
            return
        self._data_version = version
        if self._importing or self.refilling_index:
            return  # our own background write; its completion refreshes the window
        # Another program wrote: an undo recorded before could overwrite its newer edit.
        self.history.clear()
        self._update_undo_actions()
        self.refresh_documents()
        ids = {d.id for d in library.list_documents(self.db)}
        if self.document_id is not None and self.document_id not in ids:
            self.document_id = None
            self.history.clear()
            if ids:
                self.open_document(min(ids))
        elif self.document_id is not None:
            self.refresh_document(keep_scroll=True)

    # ---- state ------------------------------------------------------------------------

    def save_document_state(self) -> None:
        """Remember the open document's filter and scroll position."""
        if self.document_id is None:
            return
        key = f"documents/{self.document_id}"
        self.settings.setValue(f"{key}/hidden_speakers",
                               ",".join(str(i) for i in sorted(self.view.hidden_speakers)))
        self.settings.setValue(f"{key}/narration", self.view.show_narration)
        top = self.view.top_offset()
        if top is not None:
            self.settings.setValue(f"{key}/top", top)

    def save_state(self) -> None:
        """Remember the layout, geometry, document, view and filters."""
        if self.db is None:
            return  # closed before the study was open: nothing changed to remember
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/view", self.stack.currentIndex())
        self.settings.setValue("window/zoom", self.view.font().pointSizeF())
        if self.document_id is not None:
            self.settings.setValue("document", self.document_id)
        self.save_document_state()
        self.settings.sync()

    def restore_state(self) -> None:
        """Bring back what `save_state` kept; open the last (or first) document."""
        self.restore_layout()
        documents = library.list_documents(self.db)
        wanted = read_int(self.settings, "document")
        ids = [d.id for d in documents]
        if ids:
            self.open_document(wanted if wanted in ids else ids[0])
        if read_int(self.settings, "window/view", READING) == COMPARE and ids:
            self.switch_view()

    def restore_layout(self) -> None:
        """Bring back the window's geometry, panels and zoom (once)."""
        if self._layout_restored:
            return
        self._layout_restored = True
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        else:
            # Docks take their sizes once the window is laid out.
            QTimer.singleShot(0, self._default_dock_sizes)
        zoom = self.settings.value("window/zoom")
        if zoom:
            font = self.view.font()
            font.setPointSizeF(float(zoom))
            self.view.setFont(font)

    def _default_dock_sizes(self) -> None:
        self.resizeDocks([self.documents_dock, self.speakers_dock], [130, 400],
                         Qt.Orientation.Vertical)
        self.resizeDocks([self.documents_dock, self.annotations_dock], [360, 340],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.annotations_dock, self.search_dock], [520, 300],
                         Qt.Orientation.Vertical)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """A narrowed window takes the width from the side panels, not only from the text
        (Qt shrinks the central widget first: at 1024 pixels the transcript was the
        narrowest column)."""
        super().resizeEvent(event)
        if event.size().width() < event.oldSize().width():
            self._keep_text_wide()

    def _keep_text_wide(self) -> None:
        width = self.width()
        if self.centralWidget().width() >= TEXT_SHARE * width:
            return
        # One dock of each side column: resizing it resizes its column.
        sides = [dock for dock in (self.documents_dock, self.speakers_dock,
                                   self.annotations_dock, self.search_dock,
                                   getattr(self, "glossary_dock", None))
                 if dock is not None and dock.isVisible() and not dock.isFloating()]
        columns = {self.dockWidgetArea(dock): dock for dock in reversed(sides)}
        docks = [columns[area] for area in (Qt.DockWidgetArea.LeftDockWidgetArea,
                                            Qt.DockWidgetArea.RightDockWidgetArea)
                 if area in columns]
        if docks:
            share = int(width * (1 - TEXT_SHARE) / len(docks))
            self.resizeDocks(docks, [min(dock.width(), share) for dock in docks],
                             Qt.Orientation.Horizontal)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        """Save the state; every edit is already in the study."""
        self.save_state()
        self._poll.stop()
        super().closeEvent(event)
