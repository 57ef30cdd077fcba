"""A team in the window: sync on a key, on open and when new files arrive; the status bar
says how the last sync went; the conflicts panel settles what lost.

A sync runs as `yandu sync` in a process of its own (it uses apsw, a second copy of
SQLite, which must not share a process with the window's connection: closing a file in
one copy would drop the other's locks). The window sees what it wrote as it sees any
other program's writes (`Session.check_outside_changes`).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QProcess, Qt, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow

import desktop
from desktop.ui.actions import ActionId
from desktop.ui.docks.team_conflicts import TeamConflictsDock
from desktop.ui.i18n import fill

FIRST_SYNC_MS = 3000  # after the study opens, once the first screen is painted
LOOK_MS = 10_000  # how often the team's folder is looked at for new files


def tr(text: str) -> str:
    return QCoreApplication.translate("TeamController", text)


class TeamController(QObject):
    """Wires a team's sync and conflicts into `window` (a MainWindow)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = session = window.session
        self.info = None
        self.process: QProcess | None = None
        self._activity: tuple = ()
        self._again = False
        self.label = QLabel(window)
        self.label.setObjectName("team_status")
        self.label.setVisible(False)
        window.statusBar().addPermanentWidget(self.label)
        self.dock = TeamConflictsDock(window)
        window.add_dock(self.dock, Qt.DockWidgetArea.RightDockWidgetArea)
        self.dock.hide()
        self.dock.settle.connect(self.settle)
        window.actions[ActionId.SYNC].triggered.connect(lambda _c=False: self.sync_now())
        window.actions[ActionId.TEAM_CONFLICTS].triggered.connect(
            lambda _c=False: self.show_conflicts())
        self.look_timer = QTimer(self)
        self.look_timer.setInterval(LOOK_MS)
        self.look_timer.timeout.connect(self._look)
        session.attached.connect(self._attached)
        session.outside_change.connect(self.refresh)
        session.changes_applied.connect(lambda _changes: self.refresh())

    # ---- the team ---------------------------------------------------------------------

    def _attached(self) -> None:
        from desktop.core.team import engine, folder

        self.info = engine.team_info(self.session.db)
        self.label.setVisible(self.info is not None)
        for action_id in (ActionId.SYNC, ActionId.TEAM_CONFLICTS):
            self.window.actions[action_id].setEnabled(self.info is not None)
        if self.info is None:
            return
        self._activity = folder.activity(self.info.folder, self.info.user)
        self.refresh()
        QTimer.singleShot(FIRST_SYNC_MS, self, self.sync_now)
        self.look_timer.start()

    def _look(self) -> None:
        """Sync when another member's new file has arrived in the folder."""
        from desktop.core.team import folder

        if self.info is None:
            return
        now = folder.activity(self.info.folder, self.info.user)
        if now != self._activity:
            self._activity = now
            self.sync_now()

    def refresh(self) -> None:
        """Show the last sync and the open conflicts again."""
        if self.info is None or not self.session.is_attached:
            return
        from desktop.core.team import conflicts, engine

        found = conflicts.open_conflicts(self.session.db)
        self.dock.show_conflicts(found)
        last = engine.last_sync(self.session.db)
        if self.process is not None:
            text = tr("Team: syncing…")
        elif last is None:
            text = tr("Team: not synced yet")
        else:
            text = fill(tr("Team: synced %1 · sent %2, received %3"),
                        last.local_time(), str(last.sent), str(last.received))
        if found:
            text += " · " + fill(tr("%1 conflict(s)"), str(len(found)))
        self.label.setText(text)
        self.label.setToolTip(fill(tr("You are %1 in the team at %2"), self.info.user,
                                   str(self.info.folder)))

    # ---- syncing ----------------------------------------------------------------------

    def sync_now(self) -> None:
        """Start a sync (one at a time: asked during one, another follows it)."""
        if self.info is None or self.session.study_path is None:
            if self.session.is_attached:
                self.window.feedback.status(tr(
                    "This study is not a team's: see the README to set up a team."), 8000)
            return
        if self.process is not None:
            self._again = True
            return
        self.process = QProcess(self)
        # Where `desktop` can be imported from, whether installed or run from a checkout.
        self.process.setWorkingDirectory(str(Path(desktop.__file__).resolve().parents[1]))
        self.process.finished.connect(self._finished)
        self.process.start(sys.executable, ["-m", "desktop", "sync", "--json", "--db",
                                            str(self.session.study_path)])
        self.refresh()

    def _finished(self, code: int, _status) -> None:
        process, self.process = self.process, None
        out = bytes(process.readAllStandardOutput()).decode("utf-8", "replace")
        err = bytes(process.readAllStandardError()).decode("utf-8", "replace").strip()
        process.deleteLater()
        self.session.check_outside_changes()  # show what it brought in
        if code != 0:
            message = err.splitlines()[-1] if err else tr("The sync stopped.")
            self.window.feedback.error(message.removeprefix("yandu: "))
        else:
            try:
                report = json.loads(out)
                self.window.feedback.status(fill(
                    tr("Synced: sent %1 change(s), received %2, %3 new conflict(s)."),
                    str(report["sent"]), str(report["received"]),
                    str(report["conflicts"])), 8000)
                if report["conflicts"]:
                    self.show_conflicts()
            except (ValueError, KeyError):
                pass
        self.refresh()
        if self._again:
            self._again = False
            self.sync_now()

    # ---- conflicts --------------------------------------------------------------------

    def show_conflicts(self) -> None:
        if self.info is None:
            return
        self.refresh()
        self.dock.show()
        self.dock.raise_()
        self.dock.list.setFocus()

    def settle(self, conflict_id: int, keep_lost: bool) -> None:
        """Keep what is here, or put back the side that lost (an undoable step)."""
        from desktop.core.team import conflicts

        try:
            conflict = conflicts.get(self.session.db, conflict_id)
        except Exception as exc:  # noqa: BLE001 — a TeamError: said in one line
            self.window.feedback.error(str(exc))
            return
        step = conflicts.SettleConflict(conflict, keep_lost=keep_lost,
                                        text=tr("Settle conflict"))
        if self.session.run(step):
            self.refresh()
