"""The Anki deck: an SQLite collection in a zip, one note per glossary term, stable GUIDs."""

from __future__ import annotations

import sqlite3
import zipfile
from datetime import datetime

import pytest

from desktop.core.export import ExportOptions, export_anki
from desktop.core.export.anki import MODEL_ID, example_sentence, note_guid
from tests.core.export_fixture import GLOSSARY, STAMP, build_study

FIELD_SEPARATOR = "\x1f"


@pytest.fixture
def study(memory_db):
    build_study(memory_db)
    return memory_db


def _collection(path, tmp_path, sql: str) -> list[tuple]:
    with zipfile.ZipFile(path) as zf:
        assert "collection.anki2" in zf.namelist()
        zf.extract("collection.anki2", tmp_path / "unzipped")
    conn = sqlite3.connect(tmp_path / "unzipped" / "collection.anki2")
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _notes(path, tmp_path) -> dict[str, list[str]]:
    rows = _collection(path, tmp_path, "SELECT guid, mid, flds FROM notes")
    assert {mid for _, mid, _ in rows} == {MODEL_ID}
    return {guid: flds.split(FIELD_SEPARATOR) for guid, _, flds in rows}


def _mod_times(path, tmp_path) -> dict[str, int]:
    return dict(_collection(path, tmp_path, "SELECT guid, mod FROM notes"))


def _epoch(stamp: str) -> int:
    return int(datetime.fromisoformat(stamp).timestamp())


def test_deck_has_one_note_per_term_with_back_fields(study, tmp_path):
    notes = _notes(export_anki(study, ExportOptions(), tmp_path / "g.apkg"), tmp_path)
    assert set(notes) == {note_guid(t[0]) for t in GLOSSARY}
    term, pinyin, english, definition, example, source = notes[note_guid(GLOSSARY[0][0])]
    assert (term, pinyin, english) == ("算力", "suànlì", "computing power")
    assert definition == "<p>进行计算的能力,通常以 <strong>FLOPS</strong> 衡量。</p>"
    assert example == "<b>算力</b>荒已经成为业界共有的问题,各位怎么看?"
    assert source == "杨静, 大模型创新圆桌(节选)"
    # A term that never occurs has no example rather than a wrong one.
    assert notes[note_guid(GLOSSARY[3][0])][4] == ""


def test_re_export_keeps_the_same_guids(study, tmp_path):
    first = _notes(export_anki(study, ExportOptions(), tmp_path / "a.apkg"), tmp_path / "a")
    study.execute("UPDATE glossary_terms SET definition = '新的定义'")
    second = _notes(export_anki(study, ExportOptions(), tmp_path / "b.apkg"), tmp_path / "b")
    assert set(first) == set(second)
    assert all(fields[3] == "<p>新的定义</p>" for fields in second.values())


def test_document_choice_keeps_only_terms_found_there(study, tmp_path):
    notes = _notes(export_anki(study, ExportOptions(document_ids=(1,)), tmp_path / "g.apkg"),
                   tmp_path)
    assert {fields[0] for fields in notes.values()} == {"算力", "幻觉", "大模型"}


def test_definitions_are_sanitised(study, tmp_path):
    study.execute("UPDATE glossary_terms SET definition = '<script>alert(1)</script>"
                  "<img src=http://evil.example/x.png>**ok**' WHERE term = '幻觉'")
    notes = _notes(export_anki(study, ExportOptions(), tmp_path / "g.apkg"), tmp_path)
    definition = notes[note_guid(GLOSSARY[1][0])][3]
    assert "script" not in definition and "img" not in definition and "<strong>ok</strong>" in definition


def test_example_sentence_stops_at_sentence_ends():
    text = "第一句。第二句里有算力问题!第三句。"
    start = text.index("算力")
    assert example_sentence(text, start, start + 2) == ("第二句里有算力问题!", 5, 7)


def test_a_notes_modification_time_is_when_its_term_last_changed(study, tmp_path):
    first = _mod_times(export_anki(study, ExportOptions(), tmp_path / "a.apkg"), tmp_path / "a")
    assert set(first.values()) == {_epoch(STAMP)}  # not the time of the export
    # Re-exporting an unchanged glossary changes no note: Anki has nothing to update.
    again = _mod_times(export_anki(study, ExportOptions(), tmp_path / "b.apkg"), tmp_path / "b")
    assert again == first
    edited = "2026-12-24T18:00:00+08:00"
    study.execute("UPDATE glossary_terms SET definition = '新的定义', updated_at = ? "
                  "WHERE id = ?", [edited, GLOSSARY[1][0]])
    after = _mod_times(export_anki(study, ExportOptions(), tmp_path / "c.apkg"), tmp_path / "c")
    assert after[note_guid(GLOSSARY[1][0])] == _epoch(edited)
    assert {g: m for g, m in after.items() if g != note_guid(GLOSSARY[1][0])} == {
        g: m for g, m in first.items() if g != note_guid(GLOSSARY[1][0])}


def test_pinyin_reads_characters_outside_the_bmp(study, tmp_path):
    stamp = "2026-11-20T09:30:00Z"
    for term_id, term, pinyin in (("x1", "𠮷野家", "𠮷 yě jiā"), ("x2", "𠮷祥", "")):
        study["glossary_terms"].insert({"id": term_id, "term": term, "pinyin": pinyin,
                                        "created_at": stamp, "updated_at": stamp})
    notes = _notes(export_anki(study, ExportOptions(), tmp_path / "g.apkg"), tmp_path)
    # Stored by an older Yandu with the character left unread, and not stored at all.
    assert notes[note_guid("x1")][1] == "jí yě jiā"
    assert notes[note_guid("x2")][1] == "jí xiáng"


def test_new_terms_get_pinyin_for_characters_outside_the_bmp():
    from desktop.core.glossary import make_pinyin

    assert make_pinyin("𠮷野家") == "jí yě jiā"
    assert make_pinyin("𠮷吉GPT") == "jí jí GPT"


@pytest.mark.parametrize("line", ["# 第一节:算力荒了", "## 第一节:算力荒了", "> 第一节:算力荒了",
                                  "- 第一节:算力荒了", "> # 第一节:算力荒了"])
def test_example_sentence_leaves_out_markdown_line_markers(line):
    text = f"前文。\n{line}。后文"
    start = text.index("算力")
    sentence, at, end = example_sentence(text, start, start + 2)
    assert sentence == "第一节:算力荒了。"
    assert sentence[at:end] == "算力"


def test_example_field_has_no_heading_marker(memory_db, tmp_path):
    build_study(memory_db)
    memory_db.execute("UPDATE turns SET text = '# 算力荒已经成为问题。' WHERE position = 4")
    memory_db.execute("UPDATE documents SET text = replace(text, "
                      "'算力荒已经成为业界共有的问题,各位怎么看?', '# 算力荒已经成为问题。')")
    notes = _notes(export_anki(memory_db, ExportOptions(), tmp_path / "g.apkg"), tmp_path)
    assert notes[note_guid(GLOSSARY[0][0])][4] == "<b>算力</b>荒已经成为问题。"
