"""The Anki deck: an SQLite collection in a zip, one note per glossary term, stable GUIDs."""

from __future__ import annotations

import sqlite3
import zipfile

import pytest

from desktop.core.export import ExportOptions, export_anki
from desktop.core.export.anki import MODEL_ID, example_sentence, note_guid
from tests.core.export_fixture import GLOSSARY, build_study

FIELD_SEPARATOR = "\x1f"


@pytest.fixture
def study(memory_db):
    build_study(memory_db)
    return memory_db


def _notes(path, tmp_path) -> dict[str, list[str]]:
    with zipfile.ZipFile(path) as zf:
        assert "collection.anki2" in zf.namelist()
        zf.extract("collection.anki2", tmp_path / "unzipped")
    conn = sqlite3.connect(tmp_path / "unzipped" / "collection.anki2")
    try:
        rows = conn.execute("SELECT guid, mid, flds FROM notes").fetchall()
    finally:
        conn.close()
    assert {mid for _, mid, _ in rows} == {MODEL_ID}
    return {guid: flds.split(FIELD_SEPARATOR) for guid, _, flds in rows}


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
