"""`yandu import DIR`: every transcript of a folder, each on its own, with a summary."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from db import open_study
from desktop.cli import main
from desktop.cli.importing import NO_SPEAKERS
from desktop.core import library

DIALOGUE = "甲：你好？\n乙：好。\n"


@pytest.fixture
def tree(tmp_path) -> Path:
    """A folder of transcripts as people keep them: good files in subfolders, a copy of
    one, a binary file, an empty one, hidden files and folders, and files that are not
    transcripts at all."""
    root = tmp_path / "talks"
    (root / "2023" / "spring").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "a.txt").write_text(DIALOGUE, encoding="utf-8")
    (root / "B.md").write_text("# 第二场\n\n张三：算力够吗？\n\n李四：不够。\n", encoding="utf-8")
    (root / "2023" / "copy of a.txt").write_text(DIALOGUE, encoding="utf-8")
    (root / "2023" / "spring" / "cues.srt").write_text(
        "1\n00:00:01,000 --> 00:00:02,000\n王五：嗨\n", encoding="utf-8")
    (root / "2023" / "blob.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (root / "empty.txt").write_bytes(b"")
    (root / "prose.txt").write_text("只是一段叙述。\n\n还有一段。\n", encoding="utf-8")
    (root / ".git" / "HEAD.txt").write_text(DIALOGUE + "丙：藏着\n", encoding="utf-8")
    (root / ".notes.txt").write_text("丁：藏着\n", encoding="utf-8")
    (root / "~$a.docx").write_bytes(b"lock")
    (root / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / "README").write_text("not a transcript", encoding="utf-8")
    return root


def rel(root: Path, *parts: str) -> str:
    return str(root.joinpath(*parts))


def test_a_folder_imports_every_transcript_in_order_and_says_what_became_of_each(
        tree, study_path, capsys):
    code = main(["import", str(tree), "--db", str(study_path)])
    out = capsys.readouterr().out
    assert code == 0
    lines = out.splitlines()
    # Names in order, folder by folder, case aside; hidden and unsupported files left out.
    assert [line.split()[1] for line in lines[:7]] == [
        rel(tree, "2023", "blob.txt:"), rel(tree, "2023", "copy"),
        rel(tree, "2023", "spring", "cues.srt:"), rel(tree, "a.txt:"), rel(tree, "B.md:"),
        rel(tree, "empty.txt:"), rel(tree, "prose.txt:")]
    assert lines[0].startswith("refused ") and "binary file (a PNG image)" in lines[0]
    assert lines[1].startswith("imported ")  # the copy is met first: it is the new one
    assert lines[3].startswith("duplicate ")
    assert "already imported as document 1 (copy of a)" in lines[3]
    assert lines[5].startswith("refused ") and "empty.txt is empty." in lines[5]
    assert lines[7] == "4 imported, 1 already in the study, 2 refused (7 files)."
    # A document without speakers is said plainly, after the summary.
    assert lines[8] == NO_SPEAKERS.replace("No speakers found", "No speakers found in prose.txt")
    assert len(lines) == 9
    db = open_study(study_path)
    titles = [d.title for d in library.list_documents(db)]
    db.close()
    assert titles == ["copy of a", "cues", "第二场", "prose"]


def test_importing_the_folder_again_skips_every_file_and_succeeds(tree, study_path, capsys):
    for name in ("blob.txt",):
        (tree / "2023" / name).unlink()
    (tree / "empty.txt").unlink()
    assert main(["import", str(tree), "--db", str(study_path)]) == 0
    capsys.readouterr()
    assert main(["import", str(tree), "--db", str(study_path)]) == 0
    out = capsys.readouterr().out
    assert out.count("duplicate ") == 5
    assert "0 imported, 5 already in the study, 0 refused (5 files)." in out
    assert "No speakers" not in out  # said when it was imported, not for a duplicate


def test_a_folder_where_everything_is_refused_fails(tmp_path, study_path, capsys):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blob.md").write_bytes(b"\x7fELF" + bytes(100))
    code = main(["import", str(folder), "--db", str(study_path)])
    out = capsys.readouterr().out
    assert code == 1
    assert "0 imported, 0 already in the study, 2 refused (2 files)." in out


def test_duplicates_and_refusals_with_nothing_new_fail(tmp_path, study_path, capsys):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a.txt").write_text(DIALOGUE, encoding="utf-8")
    assert main(["import", str(folder / "a.txt"), "--db", str(study_path)]) == 0
    (folder / "empty.txt").write_bytes(b"")
    assert main(["import", str(folder), "--db", str(study_path)]) == 1


def test_files_and_folders_together_and_each_file_once(tree, tmp_path, study_path, capsys):
    alone = tmp_path / "alone.vtt"
    alone.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v 赵六>你好\n",
                     encoding="utf-8")
    code = main(["import", str(alone), str(tree / "2023"), str(tree / "2023" / "spring"),
                 "--db", str(study_path), "--json"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert [(Path(o["file"]).name, o["status"]) for o in out] == [
        ("alone.vtt", "imported"), ("blob.txt", "refused"), ("copy of a.txt", "imported"),
        ("cues.srt", "imported")]


def test_folder_json_lists_each_file_with_status_reason_and_result(tree, study_path, capsys):
    assert main(["import", str(tree), "--json", "--db", str(study_path)]) == 0
    captured = capsys.readouterr()
    out = json.loads(captured.out)
    assert [o["status"] for o in out] == ["refused", "imported", "imported", "duplicate",
                                         "imported", "refused", "imported"]
    assert all(set(o) == {"status", "file", "reason", "result"} for o in out)
    refused = out[0]
    assert refused["file"] == str(tree / "2023" / "blob.txt")
    assert "binary file" in refused["reason"] and refused["result"] is None
    copy, duplicate = out[1], out[3]
    assert copy["reason"] == "" and copy["result"]["duplicate"] is False
    assert duplicate["result"]["document_id"] == copy["result"]["document_id"]
    assert duplicate["result"]["duplicate"] is True
    assert duplicate["reason"] == "already imported as document 1 (copy of a)"
    # The note about a document without speakers goes to stderr: the JSON stays JSON.
    assert "No speakers found in prose.txt" in captured.err


def test_a_folder_with_no_transcripts_is_a_mistake(tmp_path, study_path, capsys):
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "a.png").write_bytes(b"\x89PNG")
    (folder / ".hidden.txt").write_text(DIALOGUE, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(DIALOGUE, encoding="utf-8")
    code = main(["import", str(good), str(folder), "--db", str(study_path)])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert "photos is a folder with no transcripts in it" in err and ".txt" in err
    assert not study_path.exists()  # nothing was stored, not even a study made


def test_title_is_refused_with_a_folder(tree, study_path, capsys):
    assert main(["import", str(tree), "--title", "x", "--db", str(study_path)]) == 2
    assert "--title" in capsys.readouterr().err


def test_a_missing_path_among_folders_stores_nothing(tree, tmp_path, study_path, capsys):
    code = main(["import", str(tree), str(tmp_path / "nowhere"), "--db", str(study_path)])
    assert code == 2
    assert "No such file or folder" in capsys.readouterr().err
    assert not study_path.exists()


def test_folder_import_in_a_subprocess(tree, study_path):
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "import", "talks", "--db", str(study_path)],
        capture_output=True, text=True, env=env, timeout=120, cwd=tree.parent,
    )
    assert proc.returncode == 0, proc.stderr
    assert "refused    talks/2023/blob.txt: blob.txt is a binary file" in proc.stdout
    assert "4 imported, 1 already in the study, 2 refused (7 files)." in proc.stdout
    assert proc.stderr == ""  # no progress line when stderr is not a terminal


def test_a_terminal_sees_which_file_is_being_imported(tree, study_path, capsys,
                                                      monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["import", str(tree / "2023"), "--db", str(study_path)]) == 0
    err = capsys.readouterr().err
    assert "\rImporting 1 of 3…" in err and "\rImporting 3 of 3…" in err
    assert err.endswith("\r\033[K")  # the line is cleared before the summary
