"""Grading with FSRS: the next due dates are fsrs's own, and every grade is logged."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import fsrs
import pytest

from db import open_memory_study
from desktop.core.commands import History
from desktop.core.errors import YanduError
from desktop.core.glossary import AddTerm, new_term
from desktop.core.review import deck, schedule
from desktop.core.review.deck import iso

START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def study():
    db = open_memory_study()
    History(db).run(AddTerm(new_term("算力", english="computing power", definition="算的能力")))
    deck.sync(db, START)
    yield db
    db.close()


def _card_id(db) -> str:
    return next(c.id for c in deck.cards(db) if c.content.kind == "term")


def test_a_scripted_sequence_of_grades_follows_fsrs(study):
    card_id = _card_id(study)
    expected = fsrs.Card(card_id=1, due=START)
    reference = fsrs.Scheduler(enable_fuzzing=False)
    moment = START
    grades = [3, 3, 1, 3, 4, 2, 3, 3]
    for grade in grades:
        stored = schedule.grade(study, card_id, grade, moment)
        expected, _ = reference.review_card(expected, fsrs.Rating(grade), moment)
        assert stored.due == iso(expected.due)
        assert stored.state == int(expected.state)
        assert stored.stability == pytest.approx(expected.stability)
        assert stored.difficulty == pytest.approx(expected.difficulty)
        moment = expected.due.replace(microsecond=0) + timedelta(hours=1)
    log = deck.log(study, card_id)
    assert [r for r, _at, _due in log] == grades
    assert log[-1][2] == stored.due
    # Far apart by now: a card graded Good again and again waits weeks.
    assert deck.parse(stored.due) - deck.parse(stored.last_review) > timedelta(days=7)


def test_due_cards_and_counts(study):
    assert deck.due_count(study, START) == 2  # the term both ways, due once made
    card_id = _card_id(study)
    schedule.grade(study, card_id, schedule.EASY, START)
    assert deck.due_count(study, START) == 1
    assert [c.id for c in deck.due_cards(study, at=START + timedelta(days=60))][-1] == card_id


def test_a_bad_grade_or_card_is_refused(study):
    with pytest.raises(YanduError):
        schedule.grade(study, _card_id(study), 5)
    with pytest.raises(YanduError):
        schedule.grade(study, "term:nothing:forward", 3)
