"""`yandu import`, `yandu show` and `yandu speakers` from the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from db import open_study
from desktop.cli import main
from desktop.core import library


def test_import_sample_json(study_path, sample_path, capsys):
    code = main(["import", str(sample_path), "--db", str(study_path), "--json"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["document_id"] == 1
    assert out["encoding"] == "UTF-8"
    assert out["duplicate"] is False
    assert out["section_count"] == 5 and len(out["sections"]) == 5
    assert out["turn_count"] == 21
    assert {s["name"]: s["turn_count"] for s in out["speakers"]} == {
        "杨静": 5, "陈虞君": 5, "张家俊": 5, "吴韶华": 5,
    }


def test_import_twice_reports_duplicate(study_path, sample_path, capsys):
    assert main(["import", str(sample_path), "--db", str(study_path)]) == 0
    capsys.readouterr()
    assert main(["import", str(sample_path), "--db", str(study_path)]) == 0
    assert "already imported as document 1" in capsys.readouterr().out
    db = open_study(study_path)
    assert len(library.list_documents(db)) == 1


def test_show_prints_sections_and_turns(study_path, sample_path, capsys):
    main(["import", str(sample_path), "--db", str(study_path)])
    capsys.readouterr()
    assert main(["show", "1", "--db", str(study_path)]) == 0
    out = capsys.readouterr().out
    assert out.count("\n## ") == 5
    assert "陈虞君: “提升大模型长文本能力,降低幻觉问题”" in out
    assert main(["show", "1", "--speaker", "张家俊", "--db", str(study_path)]) == 0
    only = capsys.readouterr().out
    assert "张家俊:" in only and "陈虞君:" not in only


def test_cli_bad_input_in_a_subprocess_has_no_traceback(tmp_path, study_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "import", str(empty), "--db", str(study_path)],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert "empty" in proc.stderr


def study_rows(path) -> tuple:
    db = open_study(path)
    try:
        return tuple(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("documents", "speakers", "sections", "turns"))
    finally:
        db.close()


def make_bad_inputs(tmp_path) -> dict[str, tuple[str, str]]:
    """name -> (path, expected words in the error)."""
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "broken.txt").write_bytes("甲：好\n".encode() + b"\xff\xfe\x80")
    (tmp_path / "slides.pptx").write_bytes(b"PK\x03\x04")
    (tmp_path / "broken.docx").write_bytes(b"not a zip at all")
    with (tmp_path / "huge.txt").open("wb") as fh:
        fh.truncate(200 * 1024 * 1024 + 1)
    (tmp_path / "folder").mkdir()
    return {
        "missing": (str(tmp_path / "missing.txt"), "No such file"),
        "folder": (str(tmp_path / "folder"), "is a folder"),
        "empty": (str(tmp_path / "empty.txt"), "is empty"),
        "binary": (str(tmp_path / "binary.txt"), "binary file"),
        "undecodable": (str(tmp_path / "broken.txt"), "undecodable bytes"),
        "too large": (str(tmp_path / "huge.txt"), "too large"),
        "unsupported": (str(tmp_path / "slides.pptx"), "unsupported format"),
        "broken docx": (str(tmp_path / "broken.docx"), "not a readable Word document"),
    }


def test_every_bad_input_is_one_line_exit_2_and_study_unchanged(
        tmp_path, study_path, sample_path, capsys):
    assert main(["import", str(sample_path), "--db", str(study_path)]) == 0
    before = study_rows(study_path)
    capsys.readouterr()
    for label, (path, words) in make_bad_inputs(tmp_path).items():
        # Alone, and after a good file: nothing at all is imported.
        for argv in ([path], [str(tmp_path / "ok.txt"), path]):
            (tmp_path / "ok.txt").write_text("甲：你好？\n乙：好。\n", encoding="utf-8")
            code = main(["import", *argv, "--db", str(study_path)])
            err = capsys.readouterr().err
            assert code == 2, label
            assert err.startswith("yandu: ") and err.count("\n") == 1, (label, err)
            assert words in err, (label, err)
            assert study_rows(study_path) == before, label


def test_title_needs_one_file(study_path, sample_path, capsys):
    code = main(["import", str(sample_path), str(sample_path), "--title", "x",
                 "--db", str(study_path)])
    assert code == 2 and "--title" in capsys.readouterr().err


def test_import_several_files_json_is_a_list(tmp_path, study_path, capsys):
    a, b = tmp_path / "a.txt", tmp_path / "b.srt"
    a.write_text("甲：你好？\n乙：好。\n", encoding="utf-8")
    b.write_text("1\n00:00:01,000 --> 00:00:02,000\n甲：嗨\n", encoding="utf-8")
    assert main(["import", str(a), str(b), "--json", "--db", str(study_path)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [d["format"] for d in out] == ["text", "srt"]
    assert [d["document_id"] for d in out] == [1, 2]


def test_speakers_command_lists_and_edits(study_path, sample_path, capsys):
    main(["import", str(sample_path), "--db", str(study_path)])
    capsys.readouterr()
    db_args = ["--db", str(study_path)]
    assert main(["speakers", "1", *db_args]) == 0
    listing = capsys.readouterr().out
    assert "杨静 — 新智元创始人&CEO (moderator): 5 turns" in listing
    assert main(["speakers", "1", "--rename", "杨静", "Yang Jing", *db_args]) == 0
    assert main(["speakers", "1", "--role", "陈虞君", "嘉宾", *db_args]) == 0
    assert main(["speakers", "1", "--colour", "陈虞君", "#123456", *db_args]) == 0
    assert main(["speakers", "1", "--merge", "吴韶华", "张家俊", *db_args]) == 0
    assert main(["speakers", "1", "--moderator", "陈虞君", *db_args]) == 0
    capsys.readouterr()
    assert main(["speakers", "1", "--json", *db_args]) == 0
    out = json.loads(capsys.readouterr().out)
    speakers = {s["name"]: s for s in out["speakers"]}
    assert list(speakers) == ["Yang Jing", "陈虞君", "张家俊"]
    assert speakers["陈虞君"]["role"] == "嘉宾" and speakers["陈虞君"]["colour"] == "#123456"
    assert speakers["陈虞君"]["is_moderator"] and not speakers["Yang Jing"]["is_moderator"]
    assert speakers["张家俊"]["turn_count"] == 10
    assert out["section_count"] == 5
    assert main(["speakers", "1", "--unset-moderator", "陈虞君", *db_args]) == 0
    assert main(["speakers", "1", "--narration", "Yang Jing", *db_args]) == 0
    capsys.readouterr()
    main(["show", "1", *db_args])
    assert "杨静:基础大模型发展的技术突破口是什么?" in capsys.readouterr().out


def test_speakers_command_errors(study_path, sample_path, capsys):
    main(["import", str(sample_path), "--db", str(study_path)])
    before = study_rows(study_path)
    capsys.readouterr()
    db_args = ["--db", str(study_path)]
    for argv in (["--rename", "nobody", "x"], ["--merge", "杨静", "杨静"],
                 ["--colour", "杨静", "blue"], ["--rename", "杨静", "陈虞君"]):
        assert main(["speakers", "1", *argv, *db_args]) == 2
        err = capsys.readouterr().err
        assert err.startswith("yandu: ") and err.count("\n") == 1
    assert main(["speakers", "9", *db_args]) == 2
    assert "No document" in capsys.readouterr().err
    assert study_rows(study_path) == before
