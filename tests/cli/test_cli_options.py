"""The shared options (--db, --json) work before and after the command."""

from __future__ import annotations

import json

import pytest

from db import default_study_path, open_study
from desktop.cli import main
from desktop.core import glossary


@pytest.fixture
def made_study(study_path):
    """An existing, empty study file."""
    open_study(study_path).close()
    return study_path


@pytest.mark.parametrize("before", [True, False], ids=["db-before", "db-after"])
def test_db_is_used_before_or_after_the_command(before, study_path, sample_path, capsys):
    where = ["--db", str(study_path)]
    argv = where + ["import", str(sample_path)] if before else [
        "import", str(sample_path), *where]
    assert main(argv) == 0
    assert study_path.exists()
    assert not default_study_path().exists()  # nothing went to the per-user study
    capsys.readouterr()
    argv = where + ["list", "--json"] if before else ["list", "--json", *where]
    assert main(argv) == 0
    docs = json.loads(capsys.readouterr().out)
    assert [d["turn_count"] for d in docs] == [21]


@pytest.mark.parametrize("argv", [
    ["--json", "list"], ["list", "--json"],
    ["--json", "glossary", "list"], ["glossary", "--json", "list"], ["glossary", "list", "--json"],
])
def test_json_is_used_before_or_after_the_command(argv, made_study, capsys):
    assert main(["--db", str(made_study), *argv]) == 0
    out = capsys.readouterr().out
    assert isinstance(json.loads(out), list)


@pytest.mark.parametrize("argv", [
    ["glossary", "--db", "{db}", "add", "{term}"], ["glossary", "add", "{term}", "--db", "{db}"],
    ["--db", "{db}", "glossary", "add", "{term}"],
])
def test_db_reaches_nested_commands(argv, study_path, capsys):
    term = "测试用语"
    assert main([a.replace("{db}", str(study_path)).replace("{term}", term)
                 for a in argv]) == 0
    assert not default_study_path().exists()
    db = open_study(study_path)
    assert term in [t.term for t in glossary.list_terms(db)]


def test_db_after_the_command_wins_over_before(tmp_path, study_path, sample_path, capsys):
    other = tmp_path / "other.sqlite"
    assert main(["--db", str(other), "import", str(sample_path), "--db", str(study_path)]) == 0
    assert study_path.exists() and not other.exists()


def test_without_json_the_output_is_text(made_study, capsys):
    assert main(["--db", str(made_study), "glossary", "list"]) == 0
    out = capsys.readouterr().out
    with pytest.raises(json.JSONDecodeError):
        json.loads(out)
