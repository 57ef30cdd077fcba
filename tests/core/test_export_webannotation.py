"""Web Annotation JSON-LD: export, and import back merging by annotation UUID."""

from __future__ import annotations

import json

import pytest

from db import annotations as rows
from desktop.core.errors import YanduError
from desktop.core.export import ExportOptions, export_webannotation, import_webannotation
from desktop.core.export.webannotation_import import anchor
from tests.core.export_fixture import ANNOTATIONS, EXPORTED_AT, build_study


@pytest.fixture
def study(memory_db):
    build_study(memory_db)
    return memory_db


def _export(db, path):
    export_webannotation(db, ExportOptions(exported_at=EXPORTED_AT), path)
    return json.loads(path.read_text(encoding="utf-8"))


def test_each_annotation_has_quote_and_position_selectors(study, tmp_path):
    data = _export(study, tmp_path / "a.jsonld")
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection" and data["total"] == len(ANNOTATIONS)
    items = data["first"]["items"]
    text = study.execute("SELECT text FROM documents").fetchone()[0]
    for item, ann in zip(items, ANNOTATIONS, strict=True):
        assert item["id"] == f"urn:uuid:{ann[0]}" and item["type"] == "Annotation"
        quote, position = item["target"]["selector"]
        assert quote["type"] == "TextQuoteSelector" and quote["exact"] == ann[2]
        assert position["type"] == "TextPositionSelector"
        assert text[position["start"] : position["end"]] == ann[2]
        assert text[: position["start"]].endswith(quote["prefix"])
        assert text[position["end"] :].startswith(quote["suffix"])
        assert item["target"]["source"]["id"] == "urn:sha256:" + "f" * 64
        bodies = item["body"]
        assert bodies[0] == {"type": "TextualBody", "value": ann[3], "format": "text/markdown",
                             "purpose": "commenting"}
        assert sorted(b["value"] for b in bodies[1:]) == sorted(ann[4])


def test_round_trip_into_an_empty_study_of_the_same_transcript(study, tmp_path):
    path = tmp_path / "a.jsonld"
    _export(study, path)
    from db import open_memory_study

    other = open_memory_study()
    build_study(other)
    other.execute("DELETE FROM annotations")
    report = import_webannotation(other, path)
    assert (report.added, report.updated, report.unchanged) == (len(ANNOTATIONS), 0, 0)
    before = {a.id: a for a in rows.all_annotations(study)}
    after = {a.id: a for a in rows.all_annotations(other)}
    assert before == after  # same ids, anchors, notes, tags, colours and times
    indexed = {r[0] for r in other.execute("SELECT annotation_id FROM annotation_index")}
    assert indexed == set(after)

    again = import_webannotation(other, path)
    assert (again.added, again.updated, again.unchanged) == (0, 0, len(ANNOTATIONS))
    assert other.execute("SELECT count(*) FROM annotations").fetchone()[0] == len(ANNOTATIONS)


def test_newer_annotation_updates_the_note_and_tags(study, tmp_path):
    path = tmp_path / "a.jsonld"
    data = _export(study, path)
    item = data["first"]["items"][0]
    item["modified"] = "2027-01-01T00:00:00Z"
    item["body"] = [{"type": "TextualBody", "value": "新笔记", "purpose": "commenting"},
                    {"type": "TextualBody", "value": "新标签", "purpose": "tagging"}]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    report = import_webannotation(study, path)
    assert (report.added, report.updated, report.unchanged) == (0, 1, len(ANNOTATIONS) - 1)
    updated = rows.get(study, ANNOTATIONS[0][0])
    assert updated.note == "新笔记" and updated.tags == ("新标签",)
    assert updated.updated_at == "2027-01-01T00:00:00Z"


def test_wrong_positions_fall_back_to_the_quote_with_the_best_context(study, tmp_path):
    path = tmp_path / "a.jsonld"
    data = _export(study, path)
    study.execute("DELETE FROM annotations")
    text = study.execute("SELECT text FROM documents").fetchone()[0]
    for item in data["first"]["items"]:
        item["target"]["selector"][1]["start"] += 7  # another copy of the text, shifted
        item["target"]["selector"][1]["end"] += 7
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    report = import_webannotation(study, path)
    assert report.added == len(ANNOTATIONS) and not report.unanchored
    for ann in rows.all_annotations(study):
        assert text[ann.start : ann.end] == ann.quote


def test_anchor_prefers_the_occurrence_whose_context_fits():
    text = "算力很重要。我们缺算力。算力荒是问题。"
    second = text.index("算力", 3)
    assert anchor(text, "算力", "我们缺", "。", None, None) == (second, second + 2)
    assert anchor(text, "算力", "", "荒", 0, 2) == (0, 2)  # positions agree: trusted
    third = text.index("算力荒")
    assert anchor(text, "算力", "", "荒是", 1, 3) == (third, third + 2)
    assert anchor(text, "不存在", "", "", 0, 3) is None


def test_unplaceable_annotations_are_reported_not_invented(study, tmp_path):
    path = tmp_path / "a.jsonld"
    data = _export(study, path)
    study.execute("DELETE FROM annotations")
    items = data["first"]["items"]
    items[0]["target"]["selector"][0]["exact"] = "这句话不在文中"
    items[1]["target"]["source"]["id"] = "urn:sha256:" + "0" * 64
    items[1]["target"]["source"]["title"] = "另一份文件"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    report = import_webannotation(study, path)
    assert report.unanchored == [ANNOTATIONS[0][0]]
    assert report.unknown_document == [ANNOTATIONS[1][0]]
    assert report.added == len(ANNOTATIONS) - 2


@pytest.mark.parametrize("content", ["not json", "[1, 2", '{"type": "Something"}', "42"])
def test_bad_files_are_refused_with_one_line_and_change_nothing(study, tmp_path, content):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    before = rows.all_annotations(study)
    with pytest.raises(YanduError) as err:
        import_webannotation(study, path)
    assert "\n" not in str(err.value)
    assert rows.all_annotations(study) == before


def test_a_failure_midway_rolls_the_whole_import_back(study, tmp_path, monkeypatch):
    path = tmp_path / "a.jsonld"
    _export(study, path)
    study.execute("DELETE FROM annotations")
    calls = []

    def failing_index(db, annotation_id, note, quote=""):
        calls.append(annotation_id)
        if len(calls) == 3:
            raise RuntimeError("disk trouble")

    monkeypatch.setattr("desktop.core.search_index.index_annotation", failing_index)
    with pytest.raises(RuntimeError):
        import_webannotation(study, path)
    assert study.execute("SELECT count(*) FROM annotations").fetchone()[0] == 0


def test_a_single_annotation_object_and_a_bare_list_are_accepted(study, tmp_path):
    data = _export(study, tmp_path / "a.jsonld")
    study.execute("DELETE FROM annotations")
    single = tmp_path / "one.json"
    single.write_text(json.dumps(data["first"]["items"][0]), encoding="utf-8")
    assert import_webannotation(study, single).added == 1
    listed = tmp_path / "list.json"
    listed.write_text(json.dumps(data["first"]["items"]), encoding="utf-8")
    report = import_webannotation(study, listed)
    assert (report.added, report.unchanged) == (len(ANNOTATIONS) - 1, 1)


def test_the_collection_and_its_page_have_stable_ids(study, tmp_path):
    first = _export(study, tmp_path / "a.jsonld")
    collection, page = first["id"], first["first"]["id"]
    # Both are IRIs (W3C 5.1 and 5.2 require an id), distinct, and linked.
    for iri in (collection, page):
        assert isinstance(iri, str) and iri.startswith("urn:uuid:")
    assert collection != page and first["first"]["partOf"] == collection
    study.execute("UPDATE annotations SET note = '改过的笔记'")
    again = _export(study, tmp_path / "b.jsonld")
    assert (again["id"], again["first"]["id"]) == (collection, page)
    # Another selection of annotations is another collection.
    narrowed = tmp_path / "c.jsonld"
    export_webannotation(study, ExportOptions(speakers=("杨静",)), narrowed)
    assert json.loads(narrowed.read_text(encoding="utf-8"))["id"] != collection


def test_a_collection_with_ids_is_read_back(study, tmp_path):
    path = tmp_path / "a.jsonld"
    _export(study, path)
    study.execute("DELETE FROM annotations")
    report = import_webannotation(study, path)
    assert report.added == len(ANNOTATIONS)
