"""Glossary words in the segmenter, and the search index following glossary changes."""

from __future__ import annotations

from desktop.core import search_index, segment
from desktop.core.commands import History
from desktop.core.glossary import (
    AddTerm,
    EditTerm,
    RemoveTerm,
    find_term,
    load_into_segmenter,
    new_term,
)
from desktop.core.glossary.sync import unload_from_segmenter
from desktop.core.search import search
from tests.core import glossary_fixture as fx
from tests.core.glossary_fixture import add_document

# Fixtures shared by the glossary tests.
clean_segmenter = fx.clean_segmenter
empty_study = fx.empty_study
sample_study = fx.sample_study

COINED = "智算飞轮荒"  # not a word jieba knows, so it is cut into pieces until it is a term


def _tokens(db, turn_id: int) -> list[str]:
    # The words a hit's whole-word flag is checked against (turns have no word index).
    headline, text = db.execute("SELECT headline, text FROM turns WHERE id = ?",
                                [turn_id]).fetchone()
    return search_index.words_of(headline, text).split()


def test_builtin_terms_stay_whole_and_search_finds_them_as_words(sample_study):
    assert "百模大战" in segment.words("百模大战盛况吸引全球关注")
    assert "算力荒" in segment.words("算力荒已经成为业界共有的问题")
    hits = search(sample_study, "百模大战")
    assert len(hits) == 2 and all(h.whole_word for h in hits)
    turn_ids = [h.turn_id for h in hits]
    assert all("百模大战" in _tokens(sample_study, t) for t in turn_ids)


def test_unloading_gives_the_plain_dictionary_back(sample_study):
    unload_from_segmenter()
    assert "百模大战" not in segment.words("百模大战盛况吸引全球关注")
    load_into_segmenter(sample_study)
    assert "百模大战" in segment.words("百模大战盛况吸引全球关注")


def test_adding_renaming_and_removing_a_term_reindexes_the_turns_that_hold_it(empty_study):
    db, history = empty_study, History(empty_study)
    add_document(db, f"我们提出了{COINED}的说法,这是新词。")
    add_document(db, "这一段没有那个词。", doc_id=2)
    turn_id = db.execute("SELECT id FROM turns WHERE document_id = 1").fetchone()[0]
    other = db.execute("SELECT id FROM turns WHERE document_id = 2").fetchone()[0]
    before_other = _tokens(db, other)
    assert COINED not in _tokens(db, turn_id)

    term = new_term(COINED)
    history.run(AddTerm(term))
    assert COINED in segment.words(f"提出{COINED}的说法")
    assert COINED in _tokens(db, turn_id)
    assert _tokens(db, other) == before_other
    assert search(db, COINED)[0].whole_word

    history.undo()
    assert COINED not in _tokens(db, turn_id)
    history.redo()
    assert COINED in _tokens(db, turn_id)

    history.run(EditTerm.of(find_term(db, COINED), aliases=["新词说法"]))
    assert "新词说法" in segment.custom_words()
    history.run(RemoveTerm(find_term(db, COINED)))
    assert COINED not in segment.custom_words() and "新词说法" not in segment.custom_words()
    assert COINED not in _tokens(db, turn_id)


def test_loading_another_study_replaces_the_glossary_words(empty_study):
    from db import open_memory_study

    History(empty_study).run(AddTerm(new_term(COINED)))
    other = open_memory_study()
    try:
        History(other).run(AddTerm(new_term("另一个新术语")))
        assert "另一个新术语" in segment.custom_words()
        assert COINED not in segment.custom_words()
        load_into_segmenter(empty_study)
        assert COINED in segment.custom_words()
        assert "另一个新术语" not in segment.custom_words()
    finally:
        other.close()


def test_turns_indexed_without_the_glossary_catch_up_when_the_study_is_prepared(empty_study):
    from desktop.core.glossary import catch_up, ensure_builtin, prepare
    from desktop.core.importing import bundled_sample_path, import_file

    ensure_builtin(empty_study)
    unload_from_segmenter()  # as in a process that never loaded the glossary
    import_file(empty_study, bundled_sample_path())
    turn_ids = [t for t, text in empty_study.execute("SELECT id, text FROM turns")
                if "百模大战" in text]
    assert len(turn_ids) == 2
    assert not any("百模大战" in _tokens(empty_study, t) for t in turn_ids)
    prepare(empty_study)
    assert all("百模大战" in _tokens(empty_study, t) for t in turn_ids)
    assert len(search(empty_study, "百模大战")) == 2
    assert catch_up(empty_study) == []  # nothing left to do
