"""Annotation commands: create, edit, delete, and undo/redo of each."""

from __future__ import annotations

import pytest

from db import annotations as rows
from desktop.core.annotations import (
    CreateAnnotation,
    DeleteAnnotation,
    EditAnnotation,
    check_anchor,
    clean_tags,
    new_annotation,
)
from desktop.core.commands import History
from desktop.core.errors import YanduError

TEXT = "杨静:算力荒已经成为业界共有的问题。𠮷野家😀的例子,然后是结尾。"


@pytest.fixture
def doc(memory_db):
    memory_db["documents"].insert(
        {"id": 1, "title": "t", "source_name": "t.txt", "source_sha256": "x",
         "encoding": "utf-8", "format": "text", "text": TEXT, "imported_at": "2026-01-01"}
    )
    return memory_db


def _span(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def _indexed_notes(db) -> list[str]:
    return [r[0] for r in db.execute("SELECT annotation_id FROM annotation_index")]


def test_create_stores_quote_tags_and_index_and_undo_removes_all(doc):
    history = History(doc)
    start, end = _span("算力荒")
    ann = new_annotation(doc, 1, start, end, note="**关键**词", tags=["算力", " 算力 ", "问题"])
    assert ann.quote == "算力荒" and ann.tags == ("算力", "问题")
    changes = history.run(CreateAnnotation(ann))
    assert changes.annotations and changes.document_ids == {1}
    stored = rows.get(doc, ann.id)
    assert stored == ann
    assert _indexed_notes(doc) == [ann.id]
    assert history.undo_text == "Create annotation"

    history.undo()
    assert rows.get(doc, ann.id) is None and _indexed_notes(doc) == []
    assert history.redo_text == "Create annotation"
    history.redo()
    assert rows.get(doc, ann.id) == ann


def test_astral_characters_keep_anchor(doc):
    start, end = _span("𠮷野家😀")
    ann = new_annotation(doc, 1, start, end)
    assert ann.quote == "𠮷野家😀" and end - start == 4  # code points, not UTF-16 units
    History(doc).run(CreateAnnotation(ann))
    assert check_anchor(doc, rows.get(doc, ann.id))


def test_edit_names_the_step_and_undo_restores_every_field(doc):
    history = History(doc)
    ann = new_annotation(doc, 1, *_span("问题"), note="old", tags=["a"], colour="#ffd54f")
    history.run(CreateAnnotation(ann))

    retag = EditAnnotation.of(ann, tags=["b", "c"])
    assert retag.text == "Retag annotation"
    history.run(retag)
    recolour = EditAnnotation.of(rows.get(doc, ann.id), colour="#64b5f6")
    assert recolour.text == "Recolour annotation"
    history.run(recolour)
    edit = EditAnnotation.of(rows.get(doc, ann.id), note="new note")
    history.run(edit)

    now = rows.get(doc, ann.id)
    assert (now.note, now.tags, now.colour) == ("new note", ("b", "c"), "#64b5f6")
    for _ in range(3):
        history.undo()
    back = rows.get(doc, ann.id)
    assert (back.note, back.tags, back.colour) == ("old", ("a",), "#ffd54f")
    assert not EditAnnotation.of(back, note="old").changes_anything


def test_delete_and_undo_bring_back_same_id_and_times(doc):
    history = History(doc)
    ann = new_annotation(doc, 1, *_span("结尾"), tags=["x"])
    history.run(CreateAnnotation(ann))
    history.run(DeleteAnnotation(rows.get(doc, ann.id)))
    assert rows.for_document(doc, 1) == []
    assert doc.execute("SELECT count(*) FROM annotation_tags").fetchone()[0] == 0
    history.undo()
    assert rows.for_document(doc, 1) == [ann]


def test_new_command_clears_redo(doc):
    history = History(doc)
    history.run(CreateAnnotation(new_annotation(doc, 1, 0, 2)))
    history.undo()
    assert history.can_redo
    history.run(CreateAnnotation(new_annotation(doc, 1, 3, 5)))
    assert not history.can_redo and history.redo_text == ""


def test_failed_command_leaves_study_unchanged(doc):
    history = History(doc)
    ann = new_annotation(doc, 1, 0, 2)
    history.run(CreateAnnotation(ann))
    with pytest.raises(Exception):  # noqa: B017 - the primary key clash itself
        history.run(CreateAnnotation(ann))
    assert len(rows.for_document(doc, 1)) == 1
    assert history.undo_text == "Create annotation"
    history.undo()
    assert rows.for_document(doc, 1) == []


@pytest.mark.parametrize("start,end", [(-1, 2), (5, 5), (3, 2), (0, len(TEXT) + 1)])
def test_out_of_range_passage_is_refused(doc, start, end):
    with pytest.raises(YanduError):
        new_annotation(doc, 1, start, end)


def test_unknown_document_is_refused(doc):
    with pytest.raises(YanduError, match="No document"):
        new_annotation(doc, 99, 0, 1)


def test_a_step_made_from_an_older_version_is_refused_and_history_cleared(doc):
    from desktop.core.commands import StaleStep

    mine, theirs = History(doc), History(doc)  # two windows on one study
    start, end = _span("算力荒")
    ann = new_annotation(doc, 1, start, end, note="v1", tags=["b", "A"])
    mine.run(CreateAnnotation(ann))
    read_by_both = rows.get(doc, ann.id)
    theirs.run(EditAnnotation.of(read_by_both, note="theirs"))
    with pytest.raises(StaleStep):
        mine.run(EditAnnotation.of(read_by_both, note="mine"))
    assert rows.get(doc, ann.id).note == "theirs"
    assert not mine.can_undo  # undoing the create would delete their newer note
    with pytest.raises(StaleStep):
        mine.run(DeleteAnnotation(read_by_both))
    assert rows.get(doc, ann.id).note == "theirs"
    # Their own steps still undo and redo: the study is as they left it.
    theirs.undo()
    assert rows.get(doc, ann.id) == read_by_both
    theirs.redo()
    mine.run(EditAnnotation.of(rows.get(doc, ann.id), tags=["c"]))
    with pytest.raises(StaleStep):
        theirs.undo()
    assert rows.get(doc, ann.id).tags == ("c",) and not theirs.can_undo


@pytest.mark.parametrize(("typed", "tags"), [
    (["相声、郭德纲"], ("相声", "郭德纲")),  # the enumeration comma of a Chinese list
    (["相声，郭德纲, 曲艺"], ("相声", "郭德纲", "曲艺")),
    (["a; b；c"], ("a", "b", "c")),
    (["相声、", "、郭德纲、相声"], ("相声", "郭德纲")),  # blanks and repeats left out
    (["、，,"], ()),
])
def test_tags_are_split_where_a_user_separates_them(typed, tags):
    assert clean_tags(typed) == tags


def test_tags_typed_with_enumeration_commas_are_stored_as_separate_tags(doc):
    history = History(doc)
    ann = new_annotation(doc, 1, *_span("问题"), tags=["相声、郭德纲"])
    history.run(CreateAnnotation(ann))
    assert sorted(rows.get(doc, ann.id).tags) == ["相声", "郭德纲"]
    history.run(EditAnnotation.of(rows.get(doc, ann.id), tags=["曲艺、相声"]))
    assert sorted(rows.get(doc, ann.id).tags) == ["曲艺", "相声"]
    assert sorted(name for name, _ in rows.all_tags(doc)) == ["曲艺", "相声", "郭德纲"]
