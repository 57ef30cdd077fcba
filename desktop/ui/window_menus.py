"""The window's menu bar and toolbar, made from the action registry."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from desktop.ui import actions as registry
from desktop.ui.actions import SPECS, ActionId
from desktop.ui.player.keys import SEPARATED as PLAYER_SEPARATED

# Menu entries after which a separator goes.
SEPARATED = (ActionId.ZOOM_IN, ActionId.FOCUS_TRANSCRIPT, ActionId.LANGUAGE_ENGLISH,
             ActionId.NEXT_SECTION, ActionId.NEXT_ANNOTATION, ActionId.BACK, ActionId.FIND,
             ActionId.SHORTCUTS, ActionId.QUIT, ActionId.MAKE_HEADING,
             ActionId.MOVE_DOCUMENT_UP, ActionId.DELETE_DOCUMENT, *PLAYER_SEPARATED)
TOOLBAR = (ActionId.IMPORT, ActionId.UNDO, ActionId.REDO, ActionId.ANNOTATE,
           ActionId.SWITCH_VIEW, ActionId.SHOW_ANALYSIS, ActionId.SHOW_ALL_SPEAKERS, ActionId.TOGGLE_NARRATION,
           ActionId.FIND)


class WindowMenus:
    """The menus (in the registry's order, each action in its menu), a Speaker filter
    submenu for keys 1-9, a Panels submenu the window fills, and the toolbar."""

    def __init__(self, window: QMainWindow, actions: dict[ActionId, QAction]) -> None:
        self.window = window
        self._menus: dict[str, QMenu] = {}
        self.panel_menu = QMenu(window)
        self.filter_menu = QMenu(window)
        bar = window.menuBar()
        for title in registry.MENUS:
            self._menus[title] = bar.addMenu(title)
        for action_id, spec in SPECS.items():
            if registry.speaker_number(action_id) is not None:
                self.filter_menu.addAction(actions[action_id])
                continue
            menu = self.menu(spec.menu)
            if action_id in SEPARATED:
                menu.addSeparator()
            menu.addAction(actions[action_id])
        speakers_menu = self._menus[registry.MENUS[5]]
        speakers_menu.addSeparator()
        speakers_menu.addMenu(self.filter_menu)
        view_menu = self._menus[registry.MENUS[4]]
        view_menu.addSeparator()
        view_menu.addMenu(self.panel_menu)
        self.toolbar = QToolBar(window)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action_id in TOOLBAR:
            self.toolbar.addAction(actions[action_id])
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def menu(self, title: str) -> QMenu:
        """The menu titled `title` (English source text); made before Help if missing."""
        if title not in self._menus:
            help_menu = self._menus[registry.MENUS[-1]]
            menu = QMenu(QCoreApplication.translate("Menus", title), self.window)
            self.window.menuBar().insertMenu(help_menu.menuAction(), menu)
            self._menus[title] = menu
        return self._menus[title]

    def retranslate(self) -> None:
        """Titles in the interface language."""
        for title, menu in self._menus.items():
            menu.setTitle(QCoreApplication.translate("Menus", title))
        self.filter_menu.setTitle(QCoreApplication.translate("MainWindow", "Speaker &filter"))
        self.panel_menu.setTitle(QCoreApplication.translate("MainWindow", "&Panels"))
        self.toolbar.setWindowTitle(QCoreApplication.translate("MainWindow", "Toolbar"))
