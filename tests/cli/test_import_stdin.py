"""`yandu import -`: a transcript read from standard input."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from db import open_study
from desktop.cli import main
from desktop.cli.importing import NO_SPEAKERS
from desktop.core import library


class _Stdin:
    """Standard input holding `data`, as a pipe gives it (not a terminal)."""

    def __init__(self, data: bytes, tty: bool = False) -> None:
        self.buffer = io.BytesIO(data)
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


@pytest.fixture
def stdin(monkeypatch):
    def give(data: bytes, *, tty: bool = False) -> None:
        monkeypatch.setattr(sys, "stdin", _Stdin(data, tty))
    return give


def documents(path: Path) -> list:
    if not path.exists():
        return []
    db = open_study(path)
    try:
        return library.list_documents(db)
    finally:
        db.close()


def test_stdin_with_a_title(stdin, study_path, capsys):
    stdin("主持人：算力够吗？\n\n张三：不够。\n".encode())
    code = main(["import", "-", "--title", "算力对话", "--db", str(study_path), "--json"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["title"] == "算力对话" and out["format"] == "text"
    assert [s["name"] for s in out["speakers"]] == ["主持人", "张三"]
    assert out["source_name"] == "stdin.txt"
    assert [d.title for d in documents(study_path)] == ["算力对话"]


def test_stdin_without_a_title_is_pasted_text_with_the_time(stdin, study_path, capsys):
    stdin("甲：你好？\n乙：好。\n".encode("gb18030"))
    assert main(["import", "-", "--db", str(study_path)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"as document 1: Pasted text \d{4}-\d\d-\d\d \d\d:\d\d\n", out), out
    assert "GB18030" in out or "GBK" in out


def test_a_markdown_heading_names_stdin(stdin, study_path, capsys):
    stdin("# 第二场\n\n张三：算力够吗？\n".encode())
    assert main(["import", "-", "--format", "md", "--db", str(study_path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["title"] == "第二场" and out["format"] == "markdown"


@pytest.mark.parametrize("fmt", ["srt", "SRT", ".srt"])
def test_format_reads_stdin_as_subtitles(stdin, study_path, capsys, fmt):
    stdin(b"1\n00:00:01,000 --> 00:00:02,500\n\xe7\x8e\x8b\xe4\xba\x94\xef\xbc\x9a\xe5\x97\xa8\n")
    assert main(["import", "-", "--format", fmt, "--db", str(study_path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["format"] == "srt" and out["source_name"] == "stdin.srt"


def test_a_web_page_on_stdin_is_read_as_html(stdin, study_path, capsys, monkeypatch):
    """Without --format, a page is given to the parser as HTML (stdin.html); shown by
    what reaches the parser, so it holds whether or not this Yandu reads HTML yet."""
    from desktop.cli import importing

    seen = []

    def parse(data, name, *, title=None):
        seen.append(name)
        raise importing.YanduError(f"{name} stops here.")

    monkeypatch.setattr(importing, "format_of", lambda name: "html")
    monkeypatch.setattr(importing, "parse_bytes", parse)
    for page in (b"\xef\xbb\xbf\n  <!DOCTYPE html><html><body>x</body></html>",
                 b"<html lang=zh><p>x</p></html>"):
        stdin(page)
        assert main(["import", "-", "--db", str(study_path)]) == 2
    stdin(b"<p>not a whole page</p>")
    assert main(["import", "-", "--db", str(study_path)]) == 2
    assert seen == ["stdin.html", "stdin.html", "stdin.txt"]
    assert capsys.readouterr().err.splitlines()[0] == "yandu: Standard input stops here."


@pytest.mark.parametrize("data, words", [
    (b"", "Standard input is empty."),
    (b"  \n\n ", "Standard input is empty."),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "Standard input is a binary file"),
    ("甲：好\n".encode() + b"\xff\xfe\x80", "undecodable bytes"),
])
def test_bad_stdin_is_one_line_and_stores_nothing(stdin, study_path, capsys, data, words):
    stdin(data)
    assert main(["import", "-", "--db", str(study_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("yandu: ") and err.count("\n") == 1 and words in err, err
    assert "stdin" not in err
    assert documents(study_path) == []


def test_unknown_format_names_the_ones_there_are(stdin, study_path, capsys):
    stdin(b"x")
    assert main(["import", "-", "--format", "pptx", "--db", str(study_path)]) == 2
    err = capsys.readouterr().err
    assert "Unknown --format 'pptx'" in err and "txt" in err and "srt" in err


def test_stdin_is_imported_on_its_own(stdin, study_path, sample_path, capsys):
    stdin(b"x")
    assert main(["import", "-", str(sample_path), "--db", str(study_path)]) == 2
    assert "on its own" in capsys.readouterr().err
    assert main(["import", str(sample_path), "--format", "txt", "--db", str(study_path)]) == 2
    assert "--format is for standard input" in capsys.readouterr().err
    assert documents(study_path) == []


def test_the_same_text_twice_is_a_duplicate(stdin, study_path, capsys):
    for _ in range(2):
        stdin("甲：你好？\n乙：好。\n".encode())
        assert main(["import", "-", "--db", str(study_path)]) == 0
    assert "already imported as document 1" in capsys.readouterr().out
    assert len(documents(study_path)) == 1


def test_a_terminal_is_told_how_to_end_the_input(stdin, study_path, capsys):
    stdin("甲：你好？\n".encode(), tty=True)
    assert main(["import", "-", "--db", str(study_path)]) == 0
    assert "end it with Ctrl+D" in capsys.readouterr().err


def test_stdin_with_no_speakers_says_so_after_the_summary(stdin, study_path, capsys):
    stdin("只是一段叙述。\n\n还有一段。\n".encode())
    assert main(["import", "-", "--db", str(study_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "0 speakers" in lines[1]
    assert lines[-1] == NO_SPEAKERS


def test_stdin_in_a_subprocess(study_path):
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    run = [sys.executable, "-m", "desktop", "import", "-", "--db", str(study_path)]
    proc = subprocess.run([*run, "--title", "管道"], input="甲：你好？\n乙：好。\n".encode(),
                          capture_output=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "as document 1: 管道" in proc.stdout.decode()
    proc = subprocess.run(run, input=b"", capture_output=True, env=env, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.decode() == "yandu: Standard input is empty.\n"
