"""The compare view on a transcript without questions (a play, a crosstalk) says why it
has nothing to compare and how to get rows: choose the speaker who asks."""

from __future__ import annotations

import pytest

from desktop.ui.actions import ActionId

pytestmark = pytest.mark.ui

CROSSTALK = "甲：今天咱们说段相声。\n\n乙：说什么呢？\n\n甲：说说算力荒。\n\n乙：这个我懂。\n"


@pytest.fixture
def crosstalk_window(window, tmp_path, qtbot):
    source = tmp_path / "相声.txt"
    source.write_text(CROSSTALK, encoding="utf-8")
    window.show()
    qtbot.waitExposed(window)
    window.importer.import_paths([source])
    qtbot.waitUntil(lambda: window.session.document_title == "相声", timeout=15000)
    assert window.session.sections == []
    return window


def test_no_questions_is_explained_not_an_empty_grid(crosstalk_window) -> None:
    window = crosstalk_window
    window.actions[ActionId.SWITCH_VIEW].trigger()
    page = window.stack.currentWidget()
    assert page.objectName() == "compare_empty"
    assert "no questions" in page.label.text()
    page.back.click()
    assert window.stack.currentWidget() is window.view


def test_choosing_a_moderator_there_brings_the_rows(crosstalk_window, qtbot) -> None:
    window = crosstalk_window
    window.actions[ActionId.SWITCH_VIEW].trigger()
    window.stack.currentWidget().moderator.click()
    assert window.speakers_dock.tree.hasFocus()
    assert "Ctrl+M" in window.statusBar().currentMessage()
    asker = window.session.speakers[1]  # 乙 asks
    window.speakers_dock.tree.setCurrentItem(window.speakers_dock.tree.topLevelItem(1))
    assert window.speakers.current_speaker() == asker
    window.actions[ActionId.SPEAKER_MODERATOR].trigger()
    assert window.session.sections  # his turns open sections now
    assert window.stack.currentWidget() is window.reading.compare
    assert window.reading.compare.model().rowCount() == len(window.session.sections)
