"""A word that is not a command gets one line on stderr and exit status 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from db import default_study_path
from desktop.cli import main


def _one_line(capsys) -> str:
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    return lines[0]


@pytest.mark.parametrize("word", ["/path/to/访谈.txt", "notes.md", "talk.srt"])
def test_a_file_name_suggests_import(word, capsys):
    assert main([word]) == 2
    assert _one_line(capsys) == (
        f"yandu: {word!r} is not a command; to import it: yandu import FILE")


def test_an_existing_file_without_a_suffix_suggests_import(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "transcript").write_text("甲：你好\n", encoding="utf-8")
    assert main(["transcript"]) == 2
    assert "to import it: yandu import FILE" in _one_line(capsys)


def test_a_web_annotation_file_suggests_import_annotations(capsys):
    assert main(["notes.jsonld"]) == 2
    assert _one_line(capsys).endswith("to merge its annotations: yandu import-annotations FILE")


def test_a_file_after_the_shared_options_is_caught_too(study_path, capsys):
    assert main(["--db", str(study_path), "file.txt"]) == 2
    assert "'file.txt' is not a command" in _one_line(capsys)
    assert not study_path.exists() and not default_study_path().exists()


def test_a_misspelt_command_is_named(capsys):
    assert main(["lsit"]) == 2
    assert _one_line(capsys) == (
        "yandu: 'lsit' is not a command (did you mean 'list'?); yandu --help lists them.")


def test_an_unknown_word_points_to_help(capsys):
    assert main(["frobnicate"]) == 2
    assert _one_line(capsys) == "yandu: 'frobnicate' is not a command; yandu --help lists them."


def test_an_unknown_glossary_command(capsys):
    assert main(["glossary", "ad"]) == 2
    assert _one_line(capsys) == ("yandu: 'ad' is not a glossary command (did you mean 'add'?); "
                                 "yandu glossary --help lists them.")


def test_in_a_subprocess_the_line_is_all_there_is(tmp_path):
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root), "HOME": str(tmp_path)}
    env.pop("YANDU_DB", None)
    proc = subprocess.run([sys.executable, "-m", "desktop", str(tmp_path / "file.txt")],
                          capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.splitlines() == [
        f"yandu: {str(tmp_path / 'file.txt')!r} is not a command; to import it: "
        "yandu import FILE"]


def test_a_json_file_may_be_a_transcript_or_annotations(capsys):
    assert main(["meeting.json"]) == 2
    said = _one_line(capsys)
    assert "to import a transcript: yandu import FILE" in said
    assert said.endswith("to merge annotations: yandu import-annotations FILE")
