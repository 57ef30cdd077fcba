"""`yandu cards` and `yandu review`: the deck listed, a review driven through stdin."""

from __future__ import annotations

import io
import json

import fsrs
import pytest

from db import open_study
from desktop.cli import main
from desktop.core.review import deck


@pytest.fixture
def sample_study(study_path, sample_path, capsys):
    assert main(["import", str(sample_path), "--db", str(study_path)]) == 0
    capsys.readouterr()
    return str(study_path)


def test_cards_lists_the_deck_and_the_due_ones(sample_study, capsys):
    assert main(["cards", "--json", "--db", sample_study]) == 0
    cards = json.loads(capsys.readouterr().out)
    kinds = [c["kind"] for c in cards]
    assert kinds.count("who") == 15 and kinds.count("term") > 0
    assert main(["cards", "--due", "--kind", "who", "--db", sample_study]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 15 and "提升大模型长文本能力,降低幻觉问题" in lines[0]


def test_review_by_stdin_grades_and_schedules_as_fsrs(sample_study, capsys, monkeypatch):
    # Card 1: shown, then Good; card 2: graded Easy at once; card 3: a right choice, Again.
    monkeypatch.setattr("sys.stdin", io.StringIO("\n3\n4\na\n1\nq\n"))
    assert main(["review", "--kind", "who", "--db", sample_study]) == 0
    out = capsys.readouterr().out
    assert "a) 陈虞君" in out and "— 陈虞君（循环智能AI负责人）" in out
    assert "Not quite." in out.split("[3/15]")[1]  # a) is not who said the third
    assert "Reviewed 3 of 15 cards." in out
    db = open_study(sample_study, create=False)
    try:
        graded = [c for c in deck.cards(db) if c.reviews]
        assert len(graded) == 3
        reference = fsrs.Scheduler(enable_fuzzing=False)
        for card in graded:
            ((rating, at, due_after),) = deck.log(db, card.id)
            expected, _ = reference.review_card(fsrs.Card(card_id=1, due=deck.parse(at)),
                                                fsrs.Rating(rating), deck.parse(at))
            assert due_after == deck.iso(expected.due) == card.due
        assert sorted(deck.log(db, c.id)[0][0] for c in graded) == [1, 3, 4]
    finally:
        db.close()


def test_review_ends_quietly_at_the_end_of_input(sample_study, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["review", "--db", sample_study]) == 0
    assert "Reviewed 0 of" in capsys.readouterr().out


def test_cards_of_a_missing_document_is_a_usage_error(sample_study, capsys):
    assert main(["cards", "--doc", "no such thing", "--db", sample_study]) == 2
    assert "No document" in capsys.readouterr().err


def test_cards_of_a_collection(sample_study, tmp_path, capsys):
    other = tmp_path / "other.txt"
    other.write_text("甲：今天谈算力。\n\n乙：好。\n\n甲：再见。\n\n乙：再见。\n", encoding="utf-8")
    assert main(["import", str(other), "--db", sample_study]) == 0
    assert main(["documents", "set", "1", "--collection", "圆桌", "--db", sample_study]) == 0
    assert main(["documents", "set", "2", "--collection", "闲谈", "--db", sample_study]) == 0
    capsys.readouterr()

    def who_cards(*collections: str) -> int:
        chosen = [a for name in collections for a in ("--collection", name)]
        assert main(["cards", "--json", "--kind", "who", *chosen, "--db", sample_study]) == 0
        return len(json.loads(capsys.readouterr().out))

    assert who_cards("圆桌") == 15  # the sample's headline answers
    assert who_cards("闲谈") == 0  # the chat has none: the sample's are left out
    assert main(["cards", "--collection", "nowhere", "--db", sample_study]) == 2
    assert "No collection 'nowhere' (collections: 圆桌, 闲谈)" in capsys.readouterr().err
