"""Glossary terms: add, edit, remove, reset, each undoable; the built-in seeding."""

from __future__ import annotations

import pytest

from desktop.core.commands import History
from desktop.core.errors import YanduError
from desktop.core.glossary import (
    AddTerm,
    EditTerm,
    RemoveTerm,
    ResetTerm,
    builtin_keys,
    ensure_builtin,
    find_term,
    get_term,
    list_terms,
    new_term,
    removed_builtins,
)
from tests.core import glossary_fixture as fx

# Fixtures shared by the glossary tests.
clean_segmenter = fx.clean_segmenter
empty_study = fx.empty_study


def test_add_edit_remove_with_undo_and_redo(empty_study):
    db, history = empty_study, History(empty_study)
    term = new_term("算力荒", aliases=["算力紧缺", " ", "算力荒", "算力紧缺"],
                    definition="**GPU** 不够用", english="compute shortage")
    assert term.aliases == ("算力紧缺",)  # blanks, the term itself and duplicates dropped
    assert term.pinyin == "suàn lì huāng"
    changes = history.run(AddTerm(term))
    assert changes.glossary
    assert get_term(db, term.id) == term
    assert history.undo_text == "Add term"

    edit = EditTerm.of(term, definition="新定义", aliases=["算力短缺"])
    history.run(edit)
    stored = get_term(db, term.id)
    assert stored.definition == "新定义" and stored.aliases == ("算力短缺",)
    assert stored.created_at == term.created_at
    history.undo()
    assert get_term(db, term.id) == term
    history.redo()
    assert get_term(db, term.id).definition == "新定义"

    history.run(RemoveTerm(get_term(db, term.id)))
    assert get_term(db, term.id) is None
    history.undo()
    assert get_term(db, term.id).definition == "新定义"  # same id, same fields
    history.undo()  # the edit
    history.undo()  # the add
    assert list_terms(db) == []
    assert not history.can_undo


def test_rename_regenerates_generated_pinyin_but_keeps_typed_pinyin(empty_study):
    history = History(empty_study)
    generated = new_term("长文")
    typed = new_term("行长", pinyin="hang2 zhang3")
    history.run(AddTerm(generated))
    history.run(AddTerm(typed))
    renamed = EditTerm.of(generated, term="长文本")
    assert renamed.text == "Rename term"
    assert renamed.after.pinyin != generated.pinyin and renamed.after.pinyin.endswith("běn")
    assert EditTerm.of(typed, term="行长们").after.pinyin == "hang2 zhang3"


def test_spellings_are_unique_across_terms_after_folding(empty_study):
    history = History(empty_study)
    history.run(AddTerm(new_term("张量并行", aliases=["Tensor Parallelism"])))
    for clash in (new_term("張量並行"), new_term("TP", aliases=["tensor parallelism"])):
        with pytest.raises(YanduError, match="already in the glossary"):
            history.run(AddTerm(clash))
    other = new_term("数据并行")
    history.run(AddTerm(other))
    with pytest.raises(YanduError, match="张量并行"):
        history.run(EditTerm.of(other, aliases=["张量并行"]))
    assert [t.term for t in list_terms(empty_study)] == ["张量并行", "数据并行"]
    assert find_term(empty_study, "TENSOR PARALLELISM").term == "张量并行"


def test_empty_term_is_refused(empty_study):
    with pytest.raises(YanduError, match="empty"):
        History(empty_study).run(AddTerm(new_term("  ")))


def test_builtin_is_seeded_once_and_deletions_stay_deleted(empty_study):
    db, history = empty_study, History(empty_study)
    added = ensure_builtin(db)
    assert added == len(builtin_keys()) >= 80
    assert ensure_builtin(db) == 0
    term = find_term(db, "百模大战")
    history.run(RemoveTerm(term))
    assert ensure_builtin(db) == 0  # not put back
    assert find_term(db, "百模大战") is None
    assert removed_builtins(db) == [term.builtin_key]


def test_builtin_seeding_skips_spellings_the_user_already_has(empty_study):
    History(empty_study).run(AddTerm(new_term("算力", definition="我的定义")))
    ensure_builtin(empty_study)
    terms = [t for t in list_terms(empty_study) if t.term == "算力"]
    assert len(terms) == 1 and terms[0].definition == "我的定义"


def test_reset_restores_builtin_text_and_undo_restores_the_users(empty_study):
    db, history = empty_study, History(empty_study)
    ensure_builtin(db)
    original = find_term(db, "数据飞轮")
    history.run(EditTerm.of(original, definition="我自己的解释", aliases=["飞轮"],
                            notes="笔记"))
    edited = get_term(db, original.id)
    reset = ResetTerm.of(edited)
    assert reset.text == "Reset term"
    history.run(reset)
    back = get_term(db, original.id)
    fields = ("term", "aliases", "definition", "category", "english", "pinyin", "notes")
    assert [getattr(back, f) for f in fields] == [getattr(original, f) for f in fields]
    history.undo()
    assert get_term(db, original.id).definition == "我自己的解释"


def test_reset_of_a_users_term_is_refused(empty_study):
    term = new_term("我的词")
    History(empty_study).run(AddTerm(term))
    with pytest.raises(YanduError, match="not a built-in term"):
        ResetTerm.of(term)


def test_a_study_opened_read_only_is_not_seeded(study_path, clean_segmenter):
    from db import open_study
    from desktop.core.glossary import is_seeded

    open_study(study_path).close()
    viewer = open_study(study_path, read_only=True)
    try:
        assert ensure_builtin(viewer) == 0 and not is_seeded(viewer)
        assert list_terms(viewer) == []
    finally:
        viewer.close()
    writer = open_study(study_path)
    try:
        assert ensure_builtin(writer) == len(builtin_keys())
    finally:
        writer.close()


def test_a_term_step_made_from_an_older_version_is_refused(empty_study):
    from desktop.core.commands import StaleStep

    db = empty_study
    mine, theirs = History(db), History(db)  # two windows on one study
    term = new_term("数据飞轮", definition="v1")
    mine.run(AddTerm(term))
    theirs.run(EditTerm.of(get_term(db, term.id), definition="theirs"))
    with pytest.raises(StaleStep):
        mine.run(EditTerm.of(term, definition="mine"))
    assert get_term(db, term.id).definition == "theirs" and not mine.can_undo
    with pytest.raises(StaleStep):
        mine.run(RemoveTerm(term))
    assert get_term(db, term.id).definition == "theirs"
    mine.run(RemoveTerm(get_term(db, term.id)))
    with pytest.raises(StaleStep):
        theirs.undo()  # their edit's undo would bring back a term removed since
    assert get_term(db, term.id) is None
