"""`yandu list` and `yandu documents rename|delete|reimport|set|move` from the shell."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from db import annotations as annotation_rows
from db import open_study
from desktop.cli import main
from desktop.core import library
from tests.conftest import ROOT

TALK = "主持人：大模型的算力从哪里来？\n\n张三：算力荒是普遍问题，我们用数据飞轮。\n\n李四：我同意。\n"


def yandu(*argv: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """Run `yandu argv` as a shell would (standard input not a terminal)."""
    return subprocess.run([sys.executable, "-m", "desktop", *argv], capture_output=True,
                          text=True, input=stdin, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.fixture
def study(tmp_path, sample_path, capsys) -> str:
    """A study with the sample (two annotations) and a short talk."""
    path = str(tmp_path / "study.sqlite")
    talk = tmp_path / "talk.txt"
    talk.write_text(TALK, encoding="utf-8")
    assert main(["import", str(sample_path), str(talk), "--db", path]) == 0
    for quote, note in (("数据飞轮", "flywheel"), ("算力荒", "shortage")):
        assert main(["annotate", "1", "--quote", quote, "--note", note, "--db", path]) == 0
    capsys.readouterr()
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_rename_from_the_shell(study) -> None:
    done = yandu("documents", "rename", "talk", "短的对话", "--db", study)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "Renamed document 2: “talk” → “短的对话”.\n"
    listed = yandu("list", "--db", study).stdout
    assert "   2  短的对话  (3 turns, 3 speakers, UTF-8)" in listed


def test_set_attributes_and_list_by_collection(study, capsys) -> None:
    code, out, _ = run(capsys, "documents", "set", "1", "--date", "2023-07-28", "--event",
                       "AICC", "--source", "https://example.org/aicc", "--language", "zh",
                       "--collection", "Roundtables", "--db", study)
    assert code == 0
    assert "  date: 2023-07-28\n  event: AICC\n" in out and "collection: Roundtables" in out
    code, out, _ = run(capsys, "list", "--db", study)
    assert out.splitlines()[0].endswith("(21 turns, 4 speakers, UTF-8)  2023-07-28  "
                                        "[Roundtables]")
    code, out, _ = run(capsys, "list", "--collection", "roundtables", "--db", study, "--json")
    listed = json.loads(out)
    assert [d["id"] for d in listed] == [1]
    assert listed[0]["date"] == "2023-07-28" and listed[0]["annotation_count"] == 2
    code, _, err = run(capsys, "list", "--collection", "Panels", "--db", study)
    assert code == 2 and err == "yandu: No collection 'Panels' (collections: Roundtables).\n"
    code, _, err = run(capsys, "documents", "set", "1", "--date", "28.7.2023", "--db", study)
    assert code == 2 and "YYYY-MM-DD" in err
    code, out, _ = run(capsys, "documents", "set", "1", "--collection", "", "--db", study,
                       "--json")
    assert json.loads(out)["collection"] == ""


def test_move_changes_the_order_of_the_list(study, capsys) -> None:
    code, out, _ = run(capsys, "documents", "move", "2", "up", "--db", study)
    assert code == 0 and [line.split()[0] for line in out.splitlines()] == ["2", "1"]
    code, _, err = run(capsys, "documents", "move", "2", "up", "--db", study)
    assert code == 2 and "already the first" in err


def test_delete_without_a_terminal_does_not_ask_and_says_where_the_backup_is(study,
                                                                            tmp_path) -> None:
    done = yandu("documents", "delete", "1", "--db", study)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == ("Deleted document 1, “AICC 2023 大模型创新主题圆桌论坛”: 21 turns, "
                        "4 speakers, 2 annotations.")
    backup = lines[1].removeprefix("The study as it was before is kept in ")
    assert backup.startswith(str(tmp_path / "study.sqlite.before-delete-document-1-"))
    backup_db = open_study(backup, create=False)
    assert len(annotation_rows.for_document(backup_db, 1)) == 2
    backup_db.close()
    db = open_study(study)
    assert [d.id for d in library.list_documents(db)] == [2]
    db.close()
    plain = yandu("documents", "delete", "talk", "--db", study, "--json")
    assert json.loads(plain.stdout) == {"id": 2, "title": "talk", "turns": 3, "speakers": 3,
                                        "annotations": 0, "backup": None}


def test_delete_asks_at_a_terminal(study, capsys, monkeypatch) -> None:
    asked = []
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or "n")
    code, out, _ = run(capsys, "documents", "delete", "1", "--db", study)
    assert asked == ["Delete “AICC 2023 大模型创新主题圆桌论坛” (document 1) and its "
                     "2 annotations? [y/N] "]
    assert code == 1 and out == "Nothing was deleted.\n"
    monkeypatch.setattr("builtins.input", lambda prompt: "y")
    assert run(capsys, "documents", "delete", "1", "--db", study)[0] == 0
    monkeypatch.setattr("builtins.input", lambda prompt: pytest.fail("asked with --yes"))
    assert run(capsys, "documents", "delete", "talk", "--yes", "--db", study)[0] == 0


def test_reimport_carries_annotations_and_lists_the_others(study, sample_path,
                                                           tmp_path) -> None:
    changed = tmp_path / "aicc-v2.txt"
    changed.write_text(sample_path.read_text(encoding="utf-8").replace("算力荒", "算力短缺"),
                       encoding="utf-8")
    done = yandu("documents", "reimport", "1", str(changed), "--db", study)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "Imported aicc-v2.txt as document 3, “AICC 2023 大模型创新主题圆桌论坛”: the new version "
        "of document 1, now “(old) AICC 2023 大模型创新主题圆桌论坛”.",
        "  21 turns, 4 speakers; carried over 1 of 2 annotations.",
        "Not carried over (their text is not in the new version):",
        "  “算力荒” — shortage",
    ]
    again = yandu("documents", "reimport", "3", str(changed), "--db", study)
    assert again.returncode == 2
    assert again.stderr == ("yandu: aicc-v2.txt is the same file as document 3 (AICC 2023 "
                            "大模型创新主题圆桌论坛); nothing was imported.\n")


def test_reimport_with_replace_in_json(study, sample_path, tmp_path) -> None:
    changed = tmp_path / "aicc-v2.txt"
    changed.write_text(sample_path.read_text(encoding="utf-8").replace("数据飞轮", "数据\n飞轮"),
                       encoding="utf-8")
    done = yandu("documents", "reimport", "1", str(changed), "--replace", "--db", study,
                 "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["document_id"] == 3 and report["replaced"] is True
    assert report["old_title"] is None and report["not_carried"] == []
    assert [c["quote"] for c in report["carried"]] == ["数据\n飞轮", "算力荒"]
    assert all(c["old_id"] == c["id"] for c in report["carried"])
    assert "before-replace-document-1-" in report["backup"]
    listed = json.loads(yandu("list", "--db", study, "--json").stdout)
    assert [d["id"] for d in listed] == [3, 2]


def test_a_missing_document_or_file_is_one_line(study, tmp_path) -> None:
    done = yandu("documents", "reimport", "1", str(tmp_path / "nope.txt"), "--db", study)
    assert done.returncode == 2 and done.stderr.startswith("yandu: No such file:")
    done = yandu("documents", "delete", "99", "--db", study)
    assert done.returncode == 2 and done.stderr.startswith("yandu: No document matches '99'")
    done = yandu("documents", "remove", "1", "--db", study)
    assert done.returncode == 2 and "is not a documents command" in done.stderr
