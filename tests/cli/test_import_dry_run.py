"""`yandu import --dry-run`: how files would be read, with nothing stored."""

from __future__ import annotations

import json

from desktop.cli import main


def test_dry_run_json_says_what_would_be_stored_and_stores_nothing(sample_path, study_path,
                                                                   capsys):
    assert main(["import", str(sample_path), "--dry-run", "--json", "--db",
                 str(study_path)]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["turn_count"] == 21 and len(shown["sections"]) == 5
    assert [s["name"] for s in shown["speakers"]] == ["杨静", "陈虞君", "张家俊", "吴韶华"]
    assert shown["speakers"][1]["sample"].startswith("循环智能")
    assert shown["doubt"] == ""
    assert not study_path.exists()  # not even an empty study


def test_dry_run_of_a_folder_lists_each_file_and_the_refused(tmp_path, study_path, capsys):
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "a.txt").write_text("甲：你好。\n\n乙：你好。\n\n甲：再见。\n", encoding="utf-8")
    (folder / "b.txt").write_text("没有发言人的一段话。\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    assert main(["import", str(folder), "--dry-run", "--json", "--db", str(study_path)]) == 0
    entries = {e["file"].rsplit("/", 1)[1]: e for e in json.loads(capsys.readouterr().out)}
    assert entries["a.txt"]["preview"]["turn_count"] == 3
    assert entries["b.txt"]["preview"]["doubt"] == "no-speakers"
    assert entries["empty.txt"]["status"] == "refused" and "empty" in entries["empty.txt"]["reason"]
    assert main(["import", str(folder), "--dry-run", "--db", str(study_path)]) == 0
    out = capsys.readouterr().out
    assert "Look before importing: No speakers found" in out
    assert not study_path.exists()
