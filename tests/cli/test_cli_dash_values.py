"""Free-text values (a note, a quote, a tag, a definition) may start with "-"."""

from __future__ import annotations

import json

import pytest

from db import annotations as rows
from db import open_study
from desktop.cli import main
from desktop.core import glossary

TEXT = "甲：答案是 -3+4 吗？\n\n乙：-- 是的，-1。\n"


@pytest.fixture
def study(import_text) -> str:
    return import_text(TEXT, "dash.txt")


def test_annotate_takes_values_that_start_with_a_dash(study, capsys):
    assert main(["annotate", "1", "--quote", "-3+4", "--note", "-3+4 = 1", "--tag", "-负数",
                 "--tag", "算术", "--author", "-me", "--json", "--db", study]) == 0
    made = json.loads(capsys.readouterr().out)
    db = open_study(study)
    stored = rows.get(db, made["id"])
    db.close()
    assert (stored.quote, stored.note, stored.author) == ("-3+4", "-3+4 = 1", "-me")
    assert sorted(stored.tags) == ["-负数", "算术"]


def test_a_quote_that_is_a_double_dash_phrase(study, capsys):
    assert main(["annotate", "1", "--quote", "-- 是的", "--note", "-1", "--db", study]) == 0
    assert "-- 是的" in capsys.readouterr().out


def test_glossary_fields_take_values_that_start_with_a_dash(study, capsys):
    assert main(["glossary", "add", "负三加四", "-d", "-3+4, a sum", "--english", "-3+4",
                 "--notes", "-- see 算术", "-a", "-3+4式", "--db", study]) == 0
    capsys.readouterr()
    assert main(["glossary", "edit", "负三加四", "--add-alias", "-三加四", "-c", "-算术",
                 "--db", study]) == 0
    db = open_study(study)
    term = glossary.require_term(db, "负三加四")
    db.close()
    assert (term.definition, term.english, term.notes, term.category) == (
        "-3+4, a sum", "-3+4", "-- see 算术", "-算术")
    assert term.aliases == ("-3+4式", "-三加四")


def test_an_option_where_the_value_should_be_is_still_an_option(study, capsys):
    """`--note --json` forgot the note: argparse says so rather than store "--json"."""
    with pytest.raises(SystemExit) as stop:
        main(["annotate", "1", "--quote", "-3+4", "--note", "--json", "--db", study])
    assert stop.value.code == 2
    assert "--note: expected one argument" in capsys.readouterr().err
