"""The recording beside the transcript: attaching, following, playing from a place,
stamping, and the keys (offscreen: Qt Multimedia plays with no sound card)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt

from desktop.core import media
from desktop.core.annotations import CreateAnnotation, new_annotation
from desktop.ui.player.keys import PlayerAction as P
from tests.media_audio import write_wav

SECONDS = 120.0


@pytest.fixture
def playing(window, tmp_path, qtbot):
    """The sample with a two-minute recording attached and loaded."""
    wav = write_wav(tmp_path / "sample.wav", SECONDS)
    assert window.player.attach(wav)
    player = window.player
    qtbot.waitUntil(lambda: player.loaded is not None and player.engine.duration() > 0)
    return window


def test_attaching_shows_the_panel_and_estimates_every_turn(playing):
    player = playing.player
    assert player.dock.isVisible()
    assert player.recording.duration_ms == SECONDS * 1000
    assert all(t is not None and t.kind == "estimated" for t in player.times)
    assert len(player.dock.slider.marks) == len(playing.session.turns)
    labels = playing.view.margin.labels
    assert labels[0].startswith("[~00:00")  # estimates are marked (and painted lighter)
    assert playing.actions[P.PLAY_PAUSE].shortcut().toString() == "F9"


def test_a_bad_file_is_one_line_and_the_transcript_works(window, tmp_path, dialogs):
    bad = tmp_path / "talk.mp3"
    bad.write_text("no sound here", encoding="utf-8")
    assert not window.player.attach(bad)
    assert len(dialogs) == 1 and "\n" not in dialogs[0][1]
    assert "not a mp3 recording" in dialogs[0][1]
    assert window.player.recording is None and not window.player.dock.isVisible()


def test_a_dropped_recording_is_attached_not_imported(window, tmp_path):
    wav = write_wav(tmp_path / "dropped.wav", 2.0)
    rest = window.player.take_recordings([wav, tmp_path / "other.txt"])
    assert rest == [tmp_path / "other.txt"]
    assert window.player.recording.name == "dropped.wav"


def test_the_followed_turn_follows_a_seek(playing, qtbot):
    player, view = playing.player, playing.view
    target = 20
    player.seek(player.times[target].start_ms + 10)
    assert player.follower.layer.index == target
    block = view.document().findBlockByNumber(view.offsets.span_of_turn(target).first_block + 1)
    top = view.blockBoundingGeometry(block).translated(view.contentOffset()).top()
    assert 0 <= top <= view.viewport().height()
    player.seek(player.times[2].start_ms)
    assert player.follower.layer.index == 2


def test_following_at_double_speed(playing, qtbot):
    player = playing.player
    player.dock.speed.setCurrentIndex(player.dock.speed.findData(2.0))
    player.toggle_play()
    qtbot.waitUntil(lambda: player.engine.position() > 1500, timeout=3000)
    assert player.engine.rate() == 2.0
    position = player.engine.position()
    player.follower.show_position(position)
    assert player.follower.layer.index == player.follower.turn_at(position)
    assert player.dock.time_label.text().startswith("00:0")
    player.toggle_play()
    assert not player.engine.playing


def test_scrolling_away_pauses_following_and_a_key_brings_it_back(playing, qtbot):
    player, view = playing.player, playing.view
    player.toggle_play()
    qtbot.waitUntil(lambda: player.engine.playing)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    assert not player.follower.following
    assert "Shift+F6" in playing.feedback.current()
    player.seek(player.times[3].start_ms)
    playing.actions[P.FOLLOW].trigger()
    assert player.follower.following
    block = view.document().findBlockByNumber(view.offsets.span_of_turn(3).first_block + 1)
    top = view.blockBoundingGeometry(block).translated(view.contentOffset()).top()
    assert 0 <= top <= view.viewport().height()


def test_playing_from_the_turn_at_the_cursor(playing, qtbot):
    player, session = playing.player, playing.session
    turn = session.turns[12]
    playing.view.scroll_to_offset(turn.text_start)
    playing.actions[P.PLAY_HERE].trigger()
    assert player.engine.playing or player.engine.player.mediaStatus()
    assert abs(player.engine.position() - player.times[12].start_ms) < 300
    assert player.follower.layer.index == 12


def test_a_click_on_a_time_in_the_margin_plays_its_turn(playing, qtbot):
    player, view = playing.player, playing.view
    view.scroll_to_turn(8)
    margin = view.margin
    index, top, height = next(
        (i, t, h) for i, t, h in margin._shown_labels(20) if i == 8)
    qtbot.mouseClick(margin, Qt.MouseButton.LeftButton,
                     pos=__import__("PySide6.QtCore", fromlist=["QPoint"]).QPoint(
                         margin.width() - 10, top + 3))
    assert player.follower.layer.index == 8
    assert abs(player.engine.position() - player.times[8].start_ms) < 300


def test_playing_from_an_annotation(playing, qtbot):
    player, session = playing.player, playing.session
    turn = session.turns[15]
    middle = (turn.text_start + turn.text_end) // 2
    session.run(CreateAnnotation(new_annotation(session.db, session.document_id, middle,
                                                middle + 3, note="听一下")))
    dock = playing.annotations_dock
    dock.show()
    dock.list.setFocus()
    annotation = session.annotations[0]
    playing.annotations.jump_to(annotation.id)
    dock.list.setFocus()
    playing.view.scroll_to_offset(session.turns[0].text_start)  # the cursor is elsewhere
    dock.list.setFocus()
    playing.actions[P.PLAY_HERE].trigger()
    expected = media.time_at(player.times, session.turns, 15, middle)
    assert player.times[15].start_ms < expected < player.times[15].end_ms
    assert abs(player.engine.position() - expected) < 300


def test_stamping_sets_the_turn_start_moves_on_and_undoes(playing, qtbot):
    player, session, view = playing.player, playing.session, playing.view
    view.scroll_to_offset(session.turns[4].text_start)
    player.seek(30_000)
    playing.actions[P.STAMP].trigger()
    assert (player.times[4].start_ms, player.times[4].kind) == (30_000, "stamp")
    assert view.current_turn() == 5  # the next press stamps the next turn
    assert player.times[3].start_ms < 30_000 < player.times[5].start_ms
    assert "[00:30]" in view.margin.labels[4] and "~" not in view.margin.labels[4]
    assert "Stamp turn" in playing.actions["edit.undo"].text()
    session.undo()
    assert player.times[4].kind == "estimated"
    session.redo()
    assert player.times[4].kind == "stamp"


def test_a_moved_recording_is_asked_for_once(window, tmp_path, tmp_path_factory, qtbot):
    away = tmp_path_factory.mktemp("away")
    wav = write_wav(away / "sample.wav", 5.0)
    assert window.player.attach(wav)
    moved = tmp_path_factory.mktemp("moved") / "sample-moved.wav"
    shutil.move(wav, moved)
    window.player.open_recording()
    dock = window.player.dock
    assert window.player.loaded is None and dock.find_button.isVisibleTo(dock)
    assert "sample.wav" in dock.message.text()
    assert window.player.found_at(moved)
    assert window.player.loaded == moved.resolve()
    window.player.open_recording()  # the study remembers: not asked again
    assert window.player.loaded == moved.resolve()


def test_player_keys_work_in_the_note_editor(playing, qtbot):
    player, view = playing.player, playing.view
    turn = playing.session.turns[6]
    view.scroll_to_offset(turn.text_start, select_to=turn.text_start + 4)
    playing.annotations.annotate_selection()
    editor = playing.annotations.editor
    qtbot.waitExposed(editor)
    editor.activateWindow()
    note = editor.findChild(type(editor.focusWidget())) if editor.focusWidget() else None
    (note or editor).setFocus()
    qtbot.waitUntil(lambda: P.PLAY_PAUSE.value in {a.objectName() for a in editor.actions()})
    qtbot.keyClick(editor.focusWidget() or editor, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: player.engine.playing, timeout=2000)
    editor.reject()


def test_qt_multimedia_waits_for_a_recording(sample_study, tmp_path):
    script = textwrap.dedent(f"""
        import sys
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from db import open_study
        from desktop.ui.main_window import MainWindow
        window = MainWindow(open_study({str(sample_study)!r}), None)
        window.show()
        app.processEvents()
        print("QtMultimedia" in " ".join(m for m in sys.modules if m.startswith("PySide6")))
    """)
    env = {"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         env=env, cwd=str(__import__("pathlib").Path(__file__).parents[2]),
                         timeout=60)
    assert out.stdout.strip().splitlines()[-1] == "False", out.stderr


def test_a_video_shows_its_picture_in_the_panel(window, tmp_path, qtbot):
    from desktop.ui.player.engine import Engine

    engine = Engine(window)
    engine.load(write_wav(tmp_path / "clip.wav", 1.0), video=True)
    assert engine.video is not None and engine.player.videoOutput() is engine.video
    dock = window.player.dock
    dock.show()
    dock.set_video(engine.video)
    assert engine.video.parent() is not None and engine.video.isVisibleTo(dock)
    dock.set_video(None)
    assert not engine.video.isVisibleTo(dock)
    engine.unload()


def test_a_recording_that_cannot_be_decoded_is_one_line(window, tmp_path, qtbot, dialogs):
    broken = tmp_path / "broken.wav"
    broken.write_bytes(b"RIFF\x24\x00\x00\x00WAVEjunk" + bytes(range(256)) * 4)
    assert window.player.attach(broken)  # it looks like a WAV: the player finds out
    dock = window.player.dock
    qtbot.waitUntil(lambda: dock.message.isVisibleTo(dock), timeout=5000)
    assert "broken.wav cannot be played" in dock.message.text()
    assert "\n" not in dock.message.text() and not dock.play_button.isEnabled()
    window.player.toggle_play()  # says why, and nothing breaks
    assert window.view.turns


def test_transcription_keys_skip_change_speed_and_rewind_on_pause(playing, qtbot):
    player, actions = playing.player, playing.actions
    player.seek(10_000)
    actions[P.BACK].trigger()
    assert abs(player.engine.position() - 7_000) < 200
    actions[P.FORWARD].trigger()
    actions[P.FORWARD].trigger()
    assert abs(player.engine.position() - 13_000) < 200
    actions[P.FASTER].trigger()
    assert player.engine.rate() == 1.25 and player.dock.speed.currentText() == "1.25×"
    actions[P.SLOWER].trigger()
    actions[P.SLOWER].trigger()
    assert player.engine.rate() == 0.75
    actions[P.REWIND_ON_PAUSE].trigger()
    assert actions[P.REWIND_ON_PAUSE].isChecked() and player.rewind_on_pause
    player.seek(20_000)
    actions[P.PLAY_PAUSE].trigger()
    qtbot.waitUntil(lambda: player.engine.playing)
    actions[P.PLAY_PAUSE].trigger()
    assert not player.engine.playing
    assert 17_500 < player.engine.position() < 19_000  # rewound 2 s
    assert playing.settings.value("player/rewind_on_pause") in (True, "true")


def test_a_transcript_dropped_with_its_recording_gets_it_once_imported(window, tmp_path,
                                                                      qtbot):
    srt = tmp_path / "panel.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:03,000\n杨静：各位好。\n\n"
                   "2\n00:00:04,000 --> 00:00:06,000\n陈虞君：大家好。\n", encoding="utf-8")
    wav = write_wav(tmp_path / "panel.wav", 8.0)
    rest = window.player.take_recordings([srt, wav])
    assert rest == [srt]
    window.importer.import_paths(rest)
    qtbot.waitUntil(lambda: window.session.document_title == "panel", timeout=10_000)
    qtbot.waitUntil(lambda: window.player.recording is not None, timeout=5000)
    assert window.player.recording.name == "panel.wav"
    assert [t.kind for t in window.player.times] == ["cue", "cue"]


def test_a_recording_dropped_on_the_window_is_attached(window, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    wav = write_wav(tmp_path / "dropped.wav", 2.0)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(wav))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, data,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    # (Qt delivers a drop only during a real drag: the window's filter is given it here.)
    assert window.player.drops.eventFilter(window, event)
    assert window.player.recording is not None and window.player.recording.name == "dropped.wav"
    assert window.importer.running == 0  # nothing was imported


def test_opening_a_cards_passage_plays_it(playing, qtbot):
    player, session = playing.player, playing.session
    turn = session.turns[9]
    playing.review.open_source(session.document_id, turn.text_start, turn.text_start + 5)
    assert abs(player.engine.position() - player.times[9].start_ms) < 300
    assert player.follower.layer.index == 9
