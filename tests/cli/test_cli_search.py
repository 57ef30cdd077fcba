"""`yandu search` from the command line: marked snippets, --json, filters, bad input."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _segmenter_words_restored():
    """`yandu import` teaches the segmenter the study's glossary words; forget them after
    each test, so that later tests cut text with the plain dictionary."""
    from desktop.core import segment

    before = segment.custom_words()
    yield
    segment.remove_words(segment.custom_words() - before)


@pytest.fixture
def study(study_path, sample_path, capsys):
    assert main(["import", str(sample_path), "--db", str(study_path)]) == 0
    capsys.readouterr()
    return str(study_path)


def _turn_texts(study: str, speaker: str | None = None) -> list[str]:
    from db import open_study

    db = open_study(study)
    sql = ("SELECT t.headline || char(10) || t.text FROM turns t "
           "LEFT JOIN speakers s ON s.id = t.speaker_id")
    rows = db.execute(sql + (" WHERE s.name = ?" if speaker else ""),
                      [speaker] if speaker else []).fetchall()
    db.close()
    return [r[0] for r in rows]


def test_human_output_marks_the_match_and_counts(study, capsys):
    assert main(["search", "算力", "--db", study, "--limit", "3"]) == 0
    out = capsys.readouterr().out.splitlines()
    expected = sum("算力" in t for t in _turn_texts(study))
    matches = sum(t.count("算力") for t in _turn_texts(study))
    assert out[-1] == f"3 of {expected} hits shown: {expected} turns, {matches} matches."
    snippets = [line for line in out if line.startswith("  ")]
    assert len(snippets) == 3 and all("【算力】" in s for s in snippets)
    assert out[0].startswith("AICC 2023 大模型创新主题圆桌论坛 [1] · ")


def test_json_lists_hits_with_offsets_into_the_document(study, capsys):
    assert main(["search", '"算力 荒"', "--db", study, "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert len(hits) == sum("算力荒" in t for t in _turn_texts(study)) >= 2
    from db import open_study

    text = open_study(study).execute("SELECT text FROM documents").fetchone()[0]
    for hit in hits:
        assert hit["kind"] == "turn"
        assert [text[s:e] for s, e in hit["matches"]] == ["算力荒"] * len(hit["matches"])
        assert all(hit["snippet"][s:e] == "算力荒" for s, e in hit["snippet_matches"])


def test_json_hits_come_in_reading_order_with_their_flags(study, capsys):
    assert main(["search", "算力", "--db", study, "--json", "--limit", "500",
                 "--order", "text"]) == 0
    hits = json.loads(capsys.readouterr().out)
    starts = [hit["matches"][0][0] for hit in hits]
    assert len(hits) > 3 and starts == sorted(starts)
    assert [hit["score"] for hit in hits] == [float(i) for i in range(len(hits))]
    assert all(isinstance(hit["whole_word"], bool) for hit in hits)
    assert list(hits[0]) == ["kind", "document_id", "document_title", "turn_id",
                             "annotation_id", "speaker", "score", "matches", "snippet",
                             "snippet_matches", "whole_word", "turn_number"]


def test_the_whole_study_best_first_one_document_in_reading_order(study, capsys):
    assert main(["search", "算力", "--db", study, "--json", "--limit", "500", "--doc", "1"]) == 0
    in_text = json.loads(capsys.readouterr().out)
    assert main(["search", "算力", "--db", study, "--json", "--limit", "500",
                 "--order", "text"]) == 0
    assert json.loads(capsys.readouterr().out) == in_text
    assert main(["search", "算力", "--db", study, "--json", "--limit", "500"]) == 0
    ranked = json.loads(capsys.readouterr().out)
    assert main(["search", "算力", "--db", study, "--json", "--limit", "500", "--doc", "1",
                 "--order", "relevance"]) == 0
    assert json.loads(capsys.readouterr().out) == ranked
    assert sorted(h["turn_id"] for h in ranked) == sorted(h["turn_id"] for h in in_text)
    assert [h["turn_id"] for h in ranked] != [h["turn_id"] for h in in_text]
    from db import open_study
    from desktop.core import fts_query

    db = open_study(study)
    best = db.execute("SELECT rowid FROM turn_chars WHERE turn_chars MATCH ? "
                      "ORDER BY bm25(turn_chars) LIMIT 1",
                      [fts_query.parse("算力").chars_expr()]).fetchone()[0]
    db.close()
    assert ranked[0]["turn_id"] == best


def test_doc_and_speaker_filters(study, capsys):
    assert main(["search", "算力", "--db", study, "--doc", "1", "--speaker", "吴韶华",
                 "--json", "--limit", "100"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert {h["speaker"] for h in hits} == {"吴韶华"}
    assert len(hits) == sum("算力" in t for t in _turn_texts(study, "吴韶华"))
    assert main(["search", "算力", "--db", study, "--doc", "AICC 2023", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("query", ['"', "AND", "NEAR(", "-", "*:^", "😀", " "])
def test_hostile_queries_exit_zero(study, capsys, query):
    assert main(["search", query, "--db", study]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out.startswith("No matches for")


@pytest.mark.parametrize(("args", "message"), [
    (["--speaker", "无名氏"], "No speaker named '无名氏'"),
    (["--doc", "42"], "No document matches '42'"),
    (["--limit", "0"], "--limit must be at least 1"),
])
def test_bad_filters_give_one_line_and_exit_2(study, capsys, args, message):
    assert main(["search", "算力", "--db", study, *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err


def test_runs_as_a_program_without_a_traceback(study):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "search", "議員 OR 算力荒", "--db", study],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "【算力荒】" in done.stdout and "Traceback" not in done.stderr


def test_whole_word_flags_agree_with_the_word_index_in_a_fresh_process(study):
    """The index was cut with the study's glossary words kept whole; a new process must
    cut hits the same way before it says whether a term is a whole word."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "search", "大模型", "--db", study, "--json",
         "--limit", "500"], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    hits = json.loads(done.stdout)
    from db import open_study
    from desktop.core import fts_query

    db = open_study(study)
    from desktop.core import search_index

    index = sqlite3.connect(":memory:")  # each turn's words, as jieba cuts them
    index.execute("CREATE VIRTUAL TABLE words USING fts5(tokens)")
    index.executemany("INSERT INTO words (rowid, tokens) VALUES (?, ?)",
                      [(i, search_index.words_of(h, t))
                       for i, h, t in db.execute("SELECT id, headline, text FROM turns")])
    words = {r for (r,) in index.execute("SELECT rowid FROM words WHERE words MATCH ?",
                                         [fts_query.parse("大模型").words_expr()])}
    db.close()
    assert len(hits) > 3
    assert any(h["whole_word"] for h in hits)
    assert [h["whole_word"] for h in hits] == [h["turn_id"] in words for h in hits]
