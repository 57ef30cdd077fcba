"""Document commands: rename, attributes, order, delete and re-import, each undone and
redone with every table of the study compared before and after."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from db import annotations as annotation_rows
from db import open_study
from desktop.core import documents, library
from desktop.core.annotations import CreateAnnotation, new_annotation
from desktop.core.commands import History, StaleStep
from desktop.core.errors import YanduError
from desktop.core.importing import import_bytes, import_file, parse_bytes
from desktop.core.importing.model import SourceMark

TITLE = "aicc2023-llm-roundtable"  # the sample's title when imported by its bytes
SHADOW = ("_data", "_idx", "_content", "_docsize", "_config")

TALK = "主持人：大模型的算力从哪里来？\n\n张三：算力荒是普遍问题，我们用数据飞轮。\n\n李四：我同意。\n"


def everything(db) -> dict[str, list]:
    """Every row of every table (search tables as their rows, not their segments)."""
    tables = {}
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        if name.endswith(SHADOW):
            continue
        try:
            rows = db.execute(f'SELECT rowid, * FROM "{name}"').fetchall()
        except sqlite3.OperationalError:
            rows = db.execute(f'SELECT * FROM "{name}"').fetchall()
        tables[name] = sorted(rows, key=repr)
    return tables


def changed(before: dict, after: dict) -> list[str]:
    return sorted(name for name in before.keys() | after.keys()
                  if before.get(name) != after.get(name))


def round_trip(db, history: History, command) -> tuple[dict, dict]:
    """Run, undo, redo and undo `command`, checking the study each time."""
    before = everything(db)
    history.run(command)
    after = everything(db)
    assert changed(before, after)
    history.undo()
    assert changed(before, everything(db)) == []
    history.redo()
    assert changed(after, everything(db)) == []
    history.undo()
    assert changed(before, everything(db)) == []
    history.redo()
    return before, after


def annotate(db, document_id: int, quote: str, note: str = "", tags=()) -> str:
    text = library.document_text(db, document_id)
    start = text.index(quote)
    annotation = new_annotation(db, document_id, start, start + len(quote), note=note,
                                tags=tags)
    History(db).run(CreateAnnotation(annotation))
    return annotation.id


@pytest.fixture
def study(memory_db, sample_path):
    """The sample (with source marks and its source kept, as a PDF import has them) and a
    short talk, two annotations on the sample."""
    db = memory_db
    parsed = parse_bytes(sample_path.read_bytes(), sample_path.name)
    parsed = dataclasses.replace(parsed, marks=(SourceMark(0, page="1"),
                                                SourceMark(200, page="2", line=4)),
                                 source=b"%PDF- the original")
    import_bytes(db, sample_path.read_bytes(), sample_path.name, parsed=parsed)
    import_bytes(db, TALK.encode(), "talk.txt")
    annotate(db, 1, "数据飞轮", note="**flywheel**", tags=("数据", "方法"))
    annotate(db, 1, "算力荒", note="shortage")
    return db


# ---- attributes, order, rename ------------------------------------------------------------


def test_new_documents_come_last_in_the_order(study) -> None:
    assert [(e.id, e.position) for e in documents.catalogue(study)] == [(1, 1), (2, 2)]
    third = import_bytes(study, "甲：三。\n\n乙：三。\n".encode(), "c.txt").document_id
    assert documents.catalogue(study)[-1].id == third
    assert documents.catalogue(study)[-1].position == 3


def test_rename_round_trip(study) -> None:
    history = History(study)
    round_trip(study, history, documents.RenameDocument(2, "  短的  对话 "))
    assert library.find_document(study, 2).title == "短的 对话"
    with pytest.raises(YanduError, match="empty"):
        documents.RenameDocument(2, "   ")


def test_rename_refuses_a_title_changed_elsewhere(study) -> None:
    history = History(study)
    history.run(documents.RenameDocument(2, "A"))
    study.execute("UPDATE documents SET title = 'B' WHERE id = 2")
    with pytest.raises(StaleStep):
        history.undo()
    assert library.find_document(study, 2).title == "B"
    assert not history.can_undo


def test_set_attributes_round_trip(study) -> None:
    history = History(study)
    command = documents.SetAttributes(1, {"date": "2023-07-28", "event": " AICC\n2023 ",
                                          "source": "https://example.org/aicc",
                                          "language": "zh", "collection": "Roundtables"})
    round_trip(study, history, command)
    assert command.changes_anything
    assert documents.attributes_of(study, 1) == documents.Attributes(
        "2023-07-28", "AICC 2023", "https://example.org/aicc", "zh", "Roundtables")
    history.run(documents.SetAttributes(1, {"event": ""}))
    assert documents.attributes_of(study, 1).event == ""
    entry = documents.catalogue(study, collection="roundtables")[0]
    assert entry.as_dict()["collection"] == "Roundtables" and entry.annotation_count == 2
    assert documents.collections(study) == ["Roundtables"]


@pytest.mark.parametrize("bad", ["2023-7-28", "2023-02-30", "28/07/2023", "20230728",
                                 "yesterday"])
def test_dates_are_iso_days(study, bad) -> None:
    with pytest.raises(YanduError, match="YYYY-MM-DD"):
        documents.SetAttributes(1, {"date": bad})
    assert documents.check_date(" 2024-02-29 ") == "2024-02-29"


def test_an_unknown_attribute_is_refused(study) -> None:
    with pytest.raises(YanduError, match="no attribute 'speaker'"):
        documents.SetAttributes(1, {"speaker": "x"})


def _order(db) -> list[int]:
    return [e.id for e in documents.catalogue(db)]


def test_documents_are_grouped_by_collection_and_moved_within_it(study) -> None:
    for text in ("甲：三。\n\n乙：三。\n", "甲：四。\n\n乙：四。\n"):
        import_bytes(study, text.encode(), "x.txt")
    history = History(study)
    history.run(documents.SetAttributes(2, {"collection": "B"}))
    history.run(documents.SetAttributes(4, {"collection": "b"}))  # joins B as it is spelt
    assert documents.attributes_of(study, 4).collection == "B"
    # Each collection where its first document is; those in none are a group too.
    assert _order(study) == [1, 3, 2, 4]
    round_trip(study, history, documents.MoveDocument(4, -1))
    assert _order(study) == [1, 3, 4, 2]
    history.run(documents.MoveDocument(4, -1))  # the first of B: B moves before the rest
    assert _order(study) == [4, 2, 1, 3]
    with pytest.raises(YanduError, match="already the first"):
        history.run(documents.MoveDocument(4, -1))
    with pytest.raises(YanduError, match="already the last"):
        history.run(documents.MoveDocument(3, 1))
    assert [e.position for e in documents.catalogue(study)] == [1, 2, 3, 4]


# ---- delete -------------------------------------------------------------------------------


def test_delete_round_trip_keeps_every_row_and_id(study) -> None:
    history = History(study)
    ids = {a.id for a in annotation_rows.for_document(study, 1)}
    command = documents.DeleteDocument(1)
    before, after = round_trip(study, history, command)
    assert changed(before, after) == sorted([
        "annotation_chars", "annotation_index", "annotation_tags", "annotations",
        "document_sources", "documents", "sections", "source_marks", "speakers",
        "turn_chars", "turns"])
    assert [d.id for d in library.list_documents(study)] == [2]
    assert command.rows is not None and command.rows.count("annotations") == 2
    assert command.backup_path is None  # a study in memory has no file to copy
    history.undo()
    assert {a.id for a in annotation_rows.for_document(study, 1)} == ids
    assert annotation_rows.for_document(study, 1)[0].tags == ("数据", "方法")
    # The search index finds the turns and the notes again.
    from desktop.core import search

    hits = search.search(study, "数据飞轮", document_id=1)
    assert {h.kind for h in hits} == {"turn"} and all(h.document_id == 1 for h in hits)
    assert [h.annotation_id for h in search.search(study, "flywheel")] == [
        a.id for a in annotation_rows.for_document(study, 1) if a.note == "**flywheel**"]


def test_delete_keeps_tables_added_later_and_links_from_elsewhere(study) -> None:
    study.executescript("""
        CREATE TABLE turn_notes (id INTEGER PRIMARY KEY,
            turn_id INTEGER NOT NULL REFERENCES turns(id) ON DELETE CASCADE, text TEXT);
        CREATE TABLE cross_links (a TEXT, speaker_id INTEGER
            REFERENCES speakers(id) ON DELETE SET NULL);
        INSERT INTO turn_notes (turn_id, text) SELECT id, 'n' || id FROM turns;
        INSERT INTO cross_links (a, speaker_id) SELECT 'x', id FROM speakers WHERE document_id = 1;
    """)
    round_trip(study, History(study), documents.DeleteDocument(1))


def test_undoing_a_delete_whose_ids_were_taken_changes_nothing(study) -> None:
    history = History(study)
    history.run(documents.DeleteDocument(2))
    taken = import_bytes(study, "甲：新的。\n\n乙：新的。\n".encode(), "new.txt").document_id
    assert taken == 2  # SQLite gives the last id again
    before = everything(study)
    with pytest.raises(StaleStep, match="taken meanwhile"):
        history.undo()
    assert changed(before, everything(study)) == []
    assert not history.can_undo


def test_a_document_with_annotations_is_backed_up_before_it_goes(tmp_path, sample_path) -> None:
    path = tmp_path / "study.sqlite"
    db = open_study(path)
    import_file(db, sample_path)
    import_bytes(db, TALK.encode(), "talk.txt")
    annotate(db, 1, "数据飞轮", note="kept")
    history = History(db)
    plain = documents.DeleteDocument(2)
    history.run(plain)
    assert plain.backup_path is None  # nothing of the reader's own goes with it
    command = documents.DeleteDocument(1)
    history.run(command)
    backup = command.backup_path
    assert backup is not None and backup.parent == tmp_path
    assert backup.name.startswith("study.sqlite.before-delete-document-1-")
    assert backup.name.endswith(".bak")
    copy = sqlite3.connect(backup)
    assert copy.execute("SELECT note FROM annotations").fetchall() == [("kept",)]
    assert copy.execute("SELECT count(*) FROM documents").fetchone() == (1,)  # before 1 went
    copy.close()
    history.undo()
    history.redo()
    assert command.backup_path == backup  # one copy, not one per redo
    assert len(list(tmp_path.glob("*.bak"))) == 1
    db.close()


# ---- re-import ----------------------------------------------------------------------------


def test_find_quote_takes_the_nearest_exact_then_whitespace_insensitive() -> None:
    text = "大模型 A 大模型 B 大模型"
    assert documents.find_quote(text, "大模型", 0) == (0, 3)
    assert documents.find_quote(text, "大模型", 7) == (6, 9)
    assert documents.find_quote(text, "大模型", 99) == (12, 15)
    broken = "算力\n荒是普遍问题"
    assert documents.find_quote(broken, "算力荒", 0) == (0, 4)
    assert documents.find_quote("a b  c", "ab c", 0) == (0, 6)
    assert documents.find_quote(text, "飞轮", 0) is None
    assert documents.find_quote(text, " ", 0) == (3, 4)
    assert documents.find_quote(text, "\n", 0) is None


def _changed_sample(sample_path, old: str, new: str) -> bytes:
    return sample_path.read_text(encoding="utf-8").replace(old, new).encode()


def test_reimport_carries_what_it_finds_and_lists_the_rest(study, sample_path) -> None:
    history = History(study)
    history.run(documents.SetAttributes(1, {"date": "2023-07-28", "collection": "R"}))
    data = _changed_sample(sample_path, "算力荒", "算力短缺")
    command = documents.ReimportDocument(1, data, "aicc-v2.txt")
    before, after = round_trip(study, history, command)
    new_id = command.new_document_id
    assert new_id == 3
    assert [(old.quote, new.quote) for old, new in command.carried] == [("数据飞轮", "数据飞轮")]
    assert [a.quote for a in command.left] == ["算力荒"]
    old, new = command.carried[0]
    assert new.id != old.id and new.note == old.note and new.tags == old.tags
    assert library.document_text(study, new_id)[new.start:new.end] == "数据飞轮"
    titles = {d.id: d.title for d in library.list_documents(study)}
    assert titles[1] == f"(old) {TITLE}"
    assert titles[new_id] == TITLE  # the title the reader knows, not the file's name
    assert documents.attributes_of(study, new_id) == documents.attributes_of(study, 1)
    assert _order(study) == [1, new_id, 2]  # right after the old version
    assert len(annotation_rows.for_document(study, 1)) == 2  # the old one keeps its own


def test_reimport_with_replace_keeps_the_ids_of_what_it_carries(study, sample_path) -> None:
    history = History(study)
    ids = {a.quote: a.id for a in annotation_rows.for_document(study, 1)}
    data = _changed_sample(sample_path, "数据飞轮", "数据 飞轮")
    command = documents.ReimportDocument(1, data, "aicc-v2.txt", replace=True)
    round_trip(study, history, command)
    assert [d.id for d in library.list_documents(study)] == [2, 3]
    carried = {a.quote: a.id for a in annotation_rows.for_document(study, 3)}
    assert carried == {"数据 飞轮": ids["数据飞轮"], "算力荒": ids["算力荒"]}
    assert command.left == []
    assert _order(study) == [3, 2]  # in the old version's place
    assert library.find_document(study, 3).title == TITLE


def test_reimport_of_the_same_bytes_is_refused(study, sample_path) -> None:
    history = History(study)
    before = everything(study)
    with pytest.raises(YanduError, match="same file as document 1"):
        history.run(documents.ReimportDocument(2, sample_path.read_bytes(), "again.txt"))
    assert changed(before, everything(study)) == []
    assert not history.can_undo


def test_reimport_of_a_file_that_cannot_be_read_changes_nothing(study) -> None:
    before = everything(study)
    with pytest.raises(YanduError, match="empty"):
        History(study).run(documents.ReimportDocument(1, b"  \n", "empty.txt"))
    assert changed(before, everything(study)) == []


def test_replacing_a_document_with_annotations_backs_it_up(tmp_path, sample_path) -> None:
    path = tmp_path / "study.sqlite"
    db = open_study(path)
    import_file(db, sample_path)
    annotate(db, 1, "数据飞轮")
    command = documents.ReimportDocument(1, _changed_sample(sample_path, "。", "．"),
                                         "v2.txt", replace=True)
    History(db).run(command)
    assert command.backup_path is not None
    assert command.backup_path.name.startswith("study.sqlite.before-replace-document-1-")
    db.close()
