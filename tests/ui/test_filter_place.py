"""The reading place survives the speaker filter: showing fewer speakers keeps the reader
at the nearest turn still shown, and showing them all again keeps them there."""

from __future__ import annotations

import pytest

from desktop.ui.actions import ActionId

pytestmark = pytest.mark.ui


def _top_turn(window) -> int:
    return window.session.turn_index_at(window.view.top_offset())


@pytest.fixture
def small_window(long_window, qtbot):
    """The long transcript in a window of 1024×700, shown."""
    long_window.resize(1024, 700)
    long_window.show()
    qtbot.waitExposed(long_window)
    return long_window


def test_soloing_at_the_top_stays_at_the_top(small_window) -> None:
    window = small_window
    turns = window.session.turns
    window.view.scroll_to_offset(turns[0].text_start, top=True)
    assert _top_turn(window) == 0  # the moderator's first question
    soloed = window.session.speakers[1]
    window.actions[ActionId(f"speaker.solo_{2}")].trigger()
    top = _top_turn(window)
    assert turns[top].speaker_id == soloed.id
    first_shown = next(i for i, t in enumerate(turns) if t.speaker_id == soloed.id)
    assert top == first_shown, "the view jumped away from the nearest shown turn"
    window.actions[ActionId.SHOW_ALL_SPEAKERS].trigger()
    assert abs(_top_turn(window) - first_shown) <= 1


def test_hiding_the_turn_at_the_top_moves_to_the_next_shown(small_window) -> None:
    window = small_window
    turns = window.session.turns
    middle = len(turns) // 2
    window.view.scroll_to_offset(turns[middle].text_start, top=True)
    hidden = turns[_top_turn(window)].speaker_id
    window.speaker_filter.set_filter({hidden}, True)
    top = _top_turn(window)
    assert turns[top].speaker_id != hidden
    assert middle <= top <= middle + 3
