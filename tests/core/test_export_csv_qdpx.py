"""The CSV quote list and the REFI-QDA project (validated against the QDA-XML schema)."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
import xmlschema

from db import annotations as rows
from db.annotations import Annotation
from desktop.core.export import ExportOptions, export_csv, export_qdpx
from desktop.core.export.quotes_csv import COLUMNS, spreadsheet_safe
from tests.core.export_fixture import ANNOTATIONS, EXPORTED_AT, STAMP, TURNS, build_study

SCHEMA = Path(__file__).resolve().parent.parent / "data" / "refi-qda" / "Project-mrt2019.xsd"
NS = {"q": "urn:QDA-XML:project:1.0"}
HOSTILE = 'A & B < C > D "quoted" \'single\' ]]> <![CDATA[x]]> &amp; \x01 end'


@pytest.fixture
def study(memory_db):
    build_study(memory_db)
    return memory_db


def _add_hostile(db) -> None:
    text = db.execute("SELECT text FROM documents").fetchone()[0]
    start = text.index("数据配比")
    rows.insert(db, Annotation(
        id="55555555-5555-4555-8555-555555555555", document_id=1, start=start, end=start + 4,
        quote="数据配比", note=HOSTILE, colour="#ffd54f", author='Ann "the" <Analyst> & co',
        created_at=STAMP, updated_at=STAMP, tags=("R&D <core>", 'say "hi"'),
    ))


def test_csv_has_bom_the_columns_and_one_row_per_annotation(study, tmp_path):
    out = export_csv(study, ExportOptions(), tmp_path / "q.csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert tuple(table[0]) == COLUMNS
    assert [r[3] for r in table[1:]] == [a[2] for a in ANNOTATIONS]
    first = dict(zip(COLUMNS, table[1], strict=True))
    assert first["speaker"] == "陈虞君" and first["section"].startswith("百模大战")
    assert first["tags"] == "幻觉; 落地 场景"
    assert first["note"].startswith("**幻觉**") and "\n- 长文本" in first["note"]
    text = study.execute("SELECT text FROM documents").fetchone()[0]
    for row in table[1:]:
        assert text[int(row[6]) : int(row[7])] == row[3]  # offsets are code points


def test_csv_names_each_annotation_its_author_times_and_colour(study, tmp_path):
    _add_hostile(study)
    study.execute("UPDATE annotations SET author = '=cmd', updated_at = '2026-12-01T08:00:00Z' "
                  "WHERE id = ?", [ANNOTATIONS[1][0]])
    out = export_csv(study, ExportOptions(), tmp_path / "q.csv")
    table = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))
    by_id = {row["id"]: row for row in table}
    assert list(by_id) == [a[0] for a in ANNOTATIONS] + ["55555555-5555-4555-8555-555555555555"]
    stored = {a.id: a for a in rows.all_annotations(study)}
    for ann_id, row in by_id.items():
        ann = stored[ann_id]
        assert (row["created"], row["modified"], row["colour"]) == (
            ann.created_at, ann.updated_at, ann.colour)
    assert by_id["55555555-5555-4555-8555-555555555555"]["author"] == 'Ann "the" <Analyst> & co'
    assert by_id[ANNOTATIONS[1][0]]["author"] == "'=cmd"  # never a live formula
    assert by_id[ANNOTATIONS[1][0]]["modified"] == "2026-12-01T08:00:00Z"
    assert by_id[ANNOTATIONS[0][0]]["colour"] == ANNOTATIONS[0][5]


@pytest.mark.parametrize(("value", "safe"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1", "'+1"), ("@SUM(A1)", "'@SUM(A1)"),
    ("-2+3", "'-2+3"), ("- 列表", "- 列表"), ("普通", "普通"), ("", ""),
])
def test_csv_cells_cannot_become_formulas(value, safe):
    assert spreadsheet_safe(value) == safe


def _project(path: Path) -> tuple[bytes, dict[str, bytes]]:
    with zipfile.ZipFile(path) as zf:
        return zf.read("project.qde"), {n: zf.read(n) for n in zf.namelist()}


def test_qdpx_validates_against_the_refi_qda_schema_even_with_hostile_text(study, tmp_path):
    _add_hostile(study)
    out = export_qdpx(study, ExportOptions(exported_at=EXPORTED_AT), tmp_path / "p.qdpx")
    xml_bytes, files = _project(out)
    xmlschema.XMLSchema(SCHEMA).validate(xml_bytes.decode("utf-8"))
    root = ET.fromstring(xml_bytes)
    notes = [n.text for n in root.iterfind(".//q:Notes/q:Note/q:PlainTextContent", NS)]
    # The note survives intact except the one character XML cannot hold.
    assert HOSTILE.replace("\x01", "\ufffd") in notes
    codes = {c.get("name") for c in root.iterfind(".//q:CodeBook/q:Codes/q:Code", NS)}
    assert {"R&D <core>", 'say "hi"', "算力", "落地 场景"} <= codes


def test_qdpx_selections_point_at_the_quotes_in_the_source_text(study, tmp_path):
    out = export_qdpx(study, ExportOptions(exported_at=EXPORTED_AT), tmp_path / "p.qdpx")
    xml_bytes, files = _project(out)
    root = ET.fromstring(xml_bytes)
    source = root.find(".//q:Sources/q:TextSource", NS)
    source_guid = source.get("guid")
    assert source.get("plainTextPath") == f"internal://{source_guid}.txt"
    text = files[f"sources/{source_guid}.txt"].decode("utf-8")
    # The annotations' selections come first; those of the speakers' turns follow.
    selections = source.findall("q:PlainTextSelection", NS)[: len(ANNOTATIONS)]
    assert [s.get("guid") for s in selections] == [a[0] for a in ANNOTATIONS]
    for selection, ann in zip(selections, ANNOTATIONS, strict=True):
        start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
        assert text[start:end] == ann[2]
    code_guid = {c.get("name"): c.get("guid") for c in root.iterfind(".//q:Code", NS)}
    refs = [r.get("targetGUID") for r in selections[3].iterfind("q:Coding/q:CodeRef", NS)]
    assert sorted(refs) == sorted([code_guid["算力"], code_guid["2023"]])
    # Each note is linked from its selection.
    note_guids = {n.get("guid") for n in root.iterfind(".//q:Notes/q:Note", NS)}
    assert {r.get("targetGUID") for r in root.iterfind(".//q:PlainTextSelection/q:NoteRef", NS)
            } == note_guids


def test_qdpx_guids_are_stable_across_exports(study, tmp_path):
    a, _ = _project(export_qdpx(study, ExportOptions(exported_at=EXPORTED_AT), tmp_path / "a.qdpx"))
    b, _ = _project(export_qdpx(study, ExportOptions(exported_at=EXPORTED_AT), tmp_path / "b.qdpx"))
    assert a == b


def test_qdpx_of_a_study_without_tags_or_notes_still_validates(memory_db, tmp_path):
    build_study(memory_db)
    memory_db.execute("DELETE FROM annotation_tags")
    memory_db.execute("UPDATE annotations SET note = ''")
    xml_bytes, _ = _project(export_qdpx(memory_db, ExportOptions(), tmp_path / "p.qdpx"))
    xmlschema.XMLSchema(SCHEMA).validate(xml_bytes.decode("utf-8"))


def test_qdpx_of_an_empty_study_validates(memory_db, tmp_path):
    xml_bytes, files = _project(export_qdpx(memory_db, ExportOptions(), tmp_path / "e.qdpx"))
    xmlschema.XMLSchema(SCHEMA).validate(xml_bytes.decode("utf-8"))
    assert list(files) == ["project.qde"]


def test_qdpx_names_each_annotations_author_as_its_coder(study, tmp_path):
    _add_hostile(study)
    xml_bytes, _ = _project(export_qdpx(study, ExportOptions(), tmp_path / "p.qdpx"))
    root = ET.fromstring(xml_bytes)
    users = {u.get("name"): u.get("guid") for u in root.iterfind(".//q:Users/q:User", NS)}
    assert set(users) == {"Yandu", 'Ann "the" <Analyst> & co'}
    coders = {s.get("guid"): s.get("creatingUser")
              for s in root.iterfind(".//q:PlainTextSelection", NS)}
    assert coders["55555555-5555-4555-8555-555555555555"] == users['Ann "the" <Analyst> & co']
    assert coders[ANNOTATIONS[0][0]] == users["Yandu"]


def test_qdpx_speakers_are_cases_with_their_role_linked_to_their_turns(study, tmp_path):
    out = export_qdpx(study, ExportOptions(exported_at=EXPORTED_AT), tmp_path / "p.qdpx")
    xml_bytes, files = _project(out)
    xmlschema.XMLSchema(SCHEMA).validate(xml_bytes.decode("utf-8"))
    root = ET.fromstring(xml_bytes)
    source = root.find(".//q:Sources/q:TextSource", NS)
    text = files[f"sources/{source.get('guid')}.txt"].decode("utf-8")
    selections = {s.get("guid"): text[int(s.get("startPosition")):int(s.get("endPosition"))]
                  for s in source.iterfind("q:PlainTextSelection", NS)}
    variables = {v.get("guid"): (v.get("name"), v.get("typeOfVariable"))
                 for v in root.iterfind(".//q:Variables/q:Variable", NS)}
    cases = {}
    for case in root.iterfind(".//q:Cases/q:Case", NS):
        values = {variables[v.find("q:VariableRef", NS).get("targetGUID")][0]:
                  (v.find("q:TextValue", NS) if v.find("q:TextValue", NS) is not None
                   else v.find("q:BooleanValue", NS)).text
                  for v in case.iterfind("q:VariableValue", NS)}
        turns = [selections[r.get("targetGUID")] for r in case.iterfind("q:SelectionRef", NS)]
        cases[case.get("name")] = (values, turns)
    assert list(cases) == ["杨静", "陈虞君", "张家俊"]
    assert cases["杨静"][0] == {"Role": "新智元创始人&CEO", "Moderator": "true"}
    assert cases["陈虞君"][0]["Moderator"] == "false"
    # Each case holds exactly its speaker's turns, label and speech, as in the text.
    speeches = {}
    for _section, speaker, _headline, speech in TURNS:
        if speaker:
            speeches.setdefault(speaker, []).append(speech)
    for name, (_values, turns) in cases.items():
        assert len(turns) == len(speeches[name])
        for turn, speech in zip(turns, speeches[name], strict=True):
            assert turn.startswith(f"{name}:") and turn.endswith(speech)


def test_qdpx_speaker_filter_keeps_only_those_cases(study, tmp_path):
    xml_bytes, _ = _project(export_qdpx(study, ExportOptions(speakers=("陈虞君",)),
                                        tmp_path / "p.qdpx"))
    xmlschema.XMLSchema(SCHEMA).validate(xml_bytes.decode("utf-8"))
    root = ET.fromstring(xml_bytes)
    assert [c.get("name") for c in root.iterfind(".//q:Case", NS)] == ["陈虞君"]
    assert len(root.findall(".//q:Case/q:SelectionRef", NS)) == 2
