"""A team in the window: F5 syncs, the status bar says how, the conflicts panel settles."""

from __future__ import annotations

import pytest

from db import annotations as rows
from db import open_study
from desktop.core import annotations as notes
from desktop.core.commands import History
from desktop.core.team import engine
from desktop.ui.actions import ActionId
from tests.team.helpers import annotate, make_team

pytestmark = pytest.mark.ui


def _edit(path, ann_id, note):
    db = open_study(path)
    History(db).run(notes.EditAnnotation.of(rows.get(db, ann_id), note=note))
    db.conn.close()


def _wait_for_sync(window, qtbot, before):
    qtbot.waitUntil(lambda: window.team.process is None
                    and engine.last_sync(window.session.db) != before, timeout=60_000)


def test_the_window_syncs_on_its_key_and_settles_conflicts(tmp_path, make_window, qtbot):
    folder, copies, doc = make_team(tmp_path, ["alice", "bob"])
    made = annotate(copies["alice"], doc, 3, seed=1, tag="甲")
    engine.sync(copies["alice"])
    engine.sync(copies["bob"])
    _edit(copies["alice"], made[0], "alice 的笔记")
    engine.sync(copies["alice"])
    _edit(copies["bob"], made[0], "bob 的笔记")  # later: kept
    annotate(copies["alice"], doc, 2, seed=2, tag="乙")
    engine.sync(copies["alice"])

    window = make_window(copies["bob"])
    team = window.team
    assert team.label.isVisible() and "bob" in team.label.toolTip()
    action = window.actions[ActionId.SYNC]
    assert action.isEnabled() and action.shortcut().toString() == "F5"
    before = engine.last_sync(window.session.db)
    action.trigger()
    _wait_for_sync(window, qtbot, before)
    db = window.session.db
    assert len(rows.for_document(db, doc)) == 5  # alice's new notes arrived
    assert "received" in team.label.text() and "1" in team.label.text()
    dock = team.dock
    assert dock.isVisible() and dock.list.count() == 1
    assert "alice 的笔记" in dock.detail.text()
    dock.lost_button.click()  # put alice's side back
    assert rows.get(db, made[0]).note == "alice 的笔记"
    assert dock.list.count() == 0
    window.session.undo()
    assert rows.get(db, made[0]).note == "bob 的笔记" and dock.list.count() == 1


def test_a_study_outside_a_team_offers_no_sync(sample_study, make_window):
    window = make_window(sample_study)
    assert not window.team.label.isVisible()
    assert not window.actions[ActionId.SYNC].isEnabled()
