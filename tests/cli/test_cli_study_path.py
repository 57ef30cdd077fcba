"""A study path that does not exist: read-only commands refuse it and create nothing."""

from __future__ import annotations

import pytest

from db import default_study_path, open_study
from desktop.cli import main
from desktop.core import glossary, library

READING = [
    ["list"], ["show", "1"], ["search", "算力"], ["speakers", "1"],
    ["speakers", "1", "--rename", "甲", "乙"], ["export", "-f", "markdown"],
    ["annotate", "1", "--quote", "算力", "--note", "x"],
    ["glossary", "list"], ["glossary", "show", "算力"], ["glossary", "suggest"],
    ["glossary", "remove", "算力"], ["glossary", "edit", "算力", "-e", "x"],
    ["glossary", "dismiss", "某某"], ["glossary", "export", "terms.csv"],
]


def _only_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    return lines[0]


@pytest.mark.parametrize("argv", READING, ids=lambda a: " ".join(a))
@pytest.mark.parametrize("before", [True, False], ids=["db-before", "db-after"])
def test_reading_a_missing_study_says_so_and_creates_nothing(argv, before, tmp_path,
                                                              monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    typo = tmp_path / "study.sqlte"
    where = ["--db", str(typo)]
    assert main(where + argv if before else argv + where) == 2
    captured = capsys.readouterr()
    assert _only_line(captured.err) == f"yandu: No study at {typo}."
    assert captured.out == ""
    assert sorted(tmp_path.iterdir()) == []
    assert not default_study_path().exists()


def test_a_missing_study_in_a_missing_folder_creates_no_folder(tmp_path, capsys):
    typo = tmp_path / "studies" / "a" / "s.sqlite"
    assert main(["--db", str(typo), "list"]) == 2
    assert _only_line(capsys.readouterr().err) == f"yandu: No study at {typo}."
    assert not (tmp_path / "studies").exists()


def test_yandu_db_naming_a_missing_study_is_refused_too(tmp_path, monkeypatch, capsys):
    typo = tmp_path / "typo.sqlite"
    monkeypatch.setenv("YANDU_DB", str(typo))
    assert main(["list"]) == 2
    assert _only_line(capsys.readouterr().err) == f"yandu: No study at {typo}."
    assert not typo.exists()


def test_import_makes_a_new_study_in_an_existing_folder(study_path, sample_path, capsys):
    assert not study_path.exists()
    assert main(["--db", str(study_path), "import", str(sample_path)]) == 0
    assert [d.turn_count for d in library.list_documents(open_study(study_path))] == [21]


def test_import_into_a_missing_folder_is_refused(tmp_path, sample_path, capsys):
    target = tmp_path / "no" / "such" / "study.sqlite"
    assert main(["import", str(sample_path), "--db", str(target)]) == 2
    assert _only_line(capsys.readouterr().err) == (
        f"yandu: No study at {target}, and no folder {target.parent} to make one in.")
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize("argv", [["glossary", "add", "测试用语"], ["glossary", "import", "{list}"]])
def test_glossary_additions_may_make_a_new_study(argv, tmp_path, study_path, capsys):
    terms = tmp_path / "terms.txt"
    terms.write_text("测试用语\ttest term\n", encoding="utf-8")
    argv = [a.replace("{list}", str(terms)) for a in argv]
    assert main(["--db", str(study_path), *argv]) == 0
    names = [t.term for t in glossary.list_terms(open_study(study_path))]
    assert "测试用语" in names


def test_glossary_addition_into_a_missing_folder_is_refused(tmp_path, capsys):
    target = tmp_path / "nowhere" / "study.sqlite"
    assert main(["--db", str(target), "glossary", "add", "测试用语"]) == 2
    assert not (tmp_path / "nowhere").exists()


def test_the_per_user_study_is_still_made_on_first_use(capsys):
    default = default_study_path()
    assert not default.exists() and not default.parent.exists()
    assert main(["list"]) == 0
    assert "no documents yet" in capsys.readouterr().out
    assert default.exists()
    assert library.list_documents(open_study(default)) == []
