"""`yandu media attach|detach|show|find` and the times `yandu show --json` gives."""

from __future__ import annotations

import json
import shutil

from desktop.cli import main
from tests.media_audio import write_wav

TALK = "杨静：各位好。\n陈虞君：我们希望产生价值。\n张家俊：我们在做多模态大模型。\n"


def test_attach_show_detach(import_text, tmp_path, capsys):
    db = import_text(TALK)
    wav = write_wav(tmp_path / "talk.wav", 6.0)
    assert main(["media", "attach", "1", str(wav), "--db", db]) == 0
    assert "Attached talk.wav (audio" in capsys.readouterr().out
    assert main(["media", "show", "1", "--db", db, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["path"] == "talk.wav" and shown["duration_ms"] == 6000
    assert shown["found_at"] == str(tmp_path / "talk.wav")
    assert main(["show", "1", "--db", db, "--json"]) == 0
    turns = json.loads(capsys.readouterr().out)["turns"]
    assert [t["time_kind"] for t in turns] == ["estimated"] * 3
    assert turns[0]["start_ms"] == 0 and turns[-1]["end_ms"] == 6000
    assert main(["media", "detach", "1", "--db", db]) == 0
    capsys.readouterr()
    assert main(["show", "1", "--db", db, "--json"]) == 0
    turns = json.loads(capsys.readouterr().out)["turns"]
    assert [t["time_kind"] for t in turns] == [None] * 3


def test_a_bad_file_is_one_line_and_changes_nothing(import_text, tmp_path, capsys):
    db = import_text(TALK)
    bad = tmp_path / "talk.mp3"
    bad.write_text("hello", encoding="utf-8")
    assert main(["media", "attach", "1", str(bad), "--db", db]) == 2
    err = capsys.readouterr().err
    assert err.startswith("yandu: talk.mp3 is not a mp3 recording") and err.count("\n") == 1
    assert main(["media", "detach", "1", "--db", db]) == 2
    assert "has no recording" in capsys.readouterr().err


def test_a_moved_recording_is_found(import_text, tmp_path, tmp_path_factory, capsys):
    db = import_text(TALK)
    away = tmp_path_factory.mktemp("away")
    wav = write_wav(away / "talk.wav", 2.0)
    assert main(["media", "attach", "1", str(wav), "--db", db]) == 0
    moved = tmp_path_factory.mktemp("moved") / "talk-copy.wav"
    shutil.move(wav, moved)
    capsys.readouterr()
    assert main(["media", "show", "1", "--db", db]) == 0
    assert "missing" in capsys.readouterr().out
    assert main(["media", "find", "1", str(moved), "--db", db]) == 0
    assert main(["media", "show", "1", "--db", db, "--json"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out[out.index("{"):])["found_at"] == str(moved.resolve())


def test_show_json_has_cue_time_kind(study_path, tmp_path, capsys):
    srt = tmp_path / "talk.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:02,500\n杨静：各位好。\n", encoding="utf-8")
    assert main(["import", str(srt), "--db", str(study_path)]) == 0
    capsys.readouterr()
    assert main(["show", "1", "--db", str(study_path), "--json"]) == 0
    turn = json.loads(capsys.readouterr().out)["turns"][0]
    assert (turn["start_ms"], turn["end_ms"], turn["time_kind"]) == (1000, 2500, "cue")
