"""The review deck: cards from terms, annotations and headline answers; following edits."""

from __future__ import annotations

from collections import Counter

import pytest

from desktop.core import library
from desktop.core.annotations import (
    CreateAnnotation,
    DeleteAnnotation,
    EditAnnotation,
    new_annotation,
)
from desktop.core.commands import History
from desktop.core.glossary import EditTerm, RemoveTerm, list_terms
from desktop.core.review import deck, schedule
from desktop.core.review.content import GAP
from desktop.core.review.deck import Selection
from tests.core.glossary_fixture import clean_segmenter, sample_study  # noqa: F401

PANELLISTS = ("陈虞君", "张家俊", "吴韶华")


@pytest.fixture
def study(sample_study):  # noqa: F811
    deck.sync(sample_study)
    return sample_study


def _doc(db) -> int:
    return library.list_documents(db)[0].id


def test_sample_deck_is_its_terms_both_ways_and_its_fifteen_headline_answers(study):
    kinds = Counter(c.content.kind for c in deck.cards(study))
    terms = list_terms(study)
    assert kinds["term"] == len(terms) > 0
    assert kinds["term_reverse"] == sum(1 for t in terms if t.english or t.definition)
    assert kinds["who"] == 15
    assert set(kinds) == {"term", "term_reverse", "who"}


def test_who_said_this_offers_the_panellists_and_names_the_speaker(study):
    turns = {t.id: t for t in library.turns(study, _doc(study))}
    speakers = {s.id: s.name for s in library.speakers(study, _doc(study))}
    who = [c for c in deck.cards(study) if c.content.kind == "who"]
    for card in who:
        turn = turns[int(card.content.source_id)]
        assert card.content.front == turn.headline
        assert card.content.choices == PANELLISTS
        assert card.content.detail["answer"] == speakers[turn.speaker_id]
        assert card.content.back.startswith(speakers[turn.speaker_id])
    chen = next(c for c in who if c.content.front == "提升大模型长文本能力,降低幻觉问题")
    assert chen.content.detail["answer"] == "陈虞君"


def test_term_cards_say_pinyin_english_and_definition_and_reverse_hides_the_term(study):
    term = next(t for t in list_terms(study) if t.term == "200的500")
    forward = deck.get(study, f"term:{term.id}:forward").content
    reverse = deck.get(study, f"term:{term.id}:reverse").content
    assert forward.front == "200的500"
    assert term.english in forward.back and "200 de 500" in forward.back
    assert "陈虞君" in forward.back  # the example's source
    assert "200的500" not in reverse.front and reverse.back.startswith("200的500")


def test_editing_a_term_rewrites_its_card_and_removing_it_retires_it_with_its_log(study):
    history = History(study)
    term = list_terms(study)[0]
    card_id = f"term:{term.id}:forward"
    schedule.grade(study, card_id, schedule.GOOD)
    history.run(EditTerm.of(term, english="a new gloss"))
    report = deck.sync(study)
    assert report.updated >= 1
    card = deck.get(study, card_id)
    assert "a new gloss" in card.content.back and card.reviews == 1
    history.run(RemoveTerm(next(t for t in list_terms(study) if t.id == term.id)))
    assert deck.sync(study).retired >= 1
    assert card_id not in {c.id for c in deck.cards(study)}
    retired = deck.get(study, card_id)
    assert retired.retired_at is not None and len(deck.log(study, card_id)) == 1
    history.undo()
    assert deck.sync(study).restored >= 1
    back = deck.get(study, card_id)
    assert back.retired_at is None and back.reviews == 1 and back.due == card.due


def test_annotations_make_a_gap_a_note_card_and_who_said_it(study):
    doc = _doc(study)
    turn = next(t for t in library.turns(study, doc) if "幻觉问题" in t.text)
    start = turn.text_start + turn.text.index("幻觉问题")
    history = History(study)
    note = new_annotation(study, doc, start, start + 4, note="模型**编造**事实", tags=["难点"])
    history.run(CreateAnnotation(note))
    deck.sync(study)
    cloze = deck.get(study, f"annotation:{note.id}:cloze").content
    assert GAP in cloze.front and "幻觉问题" not in cloze.front and cloze.back == "幻觉问题"
    assert deck.get(study, f"annotation:{note.id}:note").content.back == "模型**编造**事实"
    who = deck.get(study, f"annotation:{note.id}:who").content
    assert who.choices == PANELLISTS and who.detail["answer"] in PANELLISTS
    # Chosen by tag: only the annotation's cards.
    tagged = deck.chosen(study, Selection(tags=frozenset({"难点"})))
    assert {c.content.source_id for c in tagged} == {note.id}
    # The note edited: its card follows; deleted: its cards retire.
    edit = EditAnnotation.of(note, note="另一条")
    history.run(edit)
    deck.sync(study)
    assert deck.get(study, f"annotation:{note.id}:note").content.back == "另一条"
    history.run(DeleteAnnotation(edit.after))
    assert deck.sync(study).retired == 3
    assert not [c for c in deck.cards(study) if c.content.source_id == note.id]


def test_selection_by_category_and_document(study):
    terms = list_terms(study)
    category = next(t.category for t in terms if t.category)
    chosen = deck.chosen(study, Selection(categories=frozenset({category})))
    assert chosen and {c.content.detail["category"] for c in chosen} == {category}
    in_doc = deck.chosen(study, Selection(document_ids=frozenset({_doc(study)})))
    kinds = Counter(c.content.kind for c in in_doc)
    assert kinds["who"] == 15 and 0 < kinds["term"] <= len(terms)
    assert deck.chosen(study, Selection(document_ids=frozenset({999}))) == []


def test_the_anki_export_says_what_the_term_cards_say(study):
    from html import unescape

    from desktop.core.export import ExportOptions
    from desktop.core.export.anki import build_notes, note_guid

    notes = {n.guid: [unescape(f) for f in n.fields] for n in build_notes(study, ExportOptions())}
    for card in deck.cards(study):
        if card.content.kind != "term":
            continue
        term, pinyin, english, _definition, example, _source = notes[
            note_guid(card.content.source_id)]
        assert term == card.content.front
        assert all(part in card.content.back for part in (pinyin, english) if part)
        plain = example.replace("<b>", "").replace("</b>", "")
        assert plain in card.content.back
