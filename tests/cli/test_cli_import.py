"""`yandu import`, `yandu show` and `yandu speakers` from the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys

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
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "import", str(empty), "--db", str(study_path)],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert "empty" in proc.stderr
