"""Exports of a document with a recording: QDPX AudioSource with SyncPoints (valid against
the REFI-QDA schema), Web Annotation media fragments, CSV times."""

from __future__ import annotations

import zipfile
from pathlib import Path

import xmlschema

from db import open_study
from desktop.core import library, media
from desktop.core.annotations import CreateAnnotation, new_annotation
from desktop.core.commands import History
from desktop.core.export.options import ExportOptions
from desktop.core.export.qdpx import export_qdpx
from desktop.core.export.quotes_csv import COLUMNS, rows
from desktop.core.export.webannotation import MEDIA_FRAGMENTS, build_collection
from desktop.core.importing import import_bytes
from tests.media_audio import write_wav

SCHEMA = Path(__file__).resolve().parent.parent / "data" / "refi-qda" / "Project-mrt2019.xsd"
NS = "{urn:QDA-XML:project:1.0}"
TALK = "杨静：各位好，今天我们聊大模型。\n陈虞君：我们希望产生价值。\n张家俊：我们在做多模态大模型。\n"


def _study(tmp_path, *, video: bool = False):
    db = open_study(tmp_path / "study.sqlite", create=True)
    doc = import_bytes(db, TALK.encode(), "talk.txt").document_id
    turns = library.turns(db, doc)
    History(db).run(CreateAnnotation(new_annotation(
        db, doc, turns[1].text_start, turns[1].text_start + 4, note="价值", tags=["目标"])))
    if video:
        path = tmp_path / "talk.mp4"
        path.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 100)
        media.attach(db, doc, path)
    else:
        media.attach(db, doc, write_wav(tmp_path / "talk.wav", 30.0))
    History(db).run(media.StampTurn(doc, turns[1].id, 12_300))
    return db, doc


def test_qdpx_has_the_recording_with_sync_points_and_is_valid(tmp_path):
    db, _doc = _study(tmp_path)
    out = export_qdpx(db, ExportOptions(), tmp_path / "out.qdpx")
    xml = zipfile.ZipFile(out).read("project.qde").decode("utf-8")
    xmlschema.XMLSchema(SCHEMA).validate(xml)
    root = xmlschema.XMLResource(xml).root
    audio = root.find(f"{NS}Sources/{NS}AudioSource")
    assert audio is not None and audio.get("name") == "talk.wav"
    assert audio.get("path").startswith("absolute://")
    transcript = audio.find(f"{NS}Transcript")
    points = transcript.findall(f"{NS}SyncPoint")
    assert [p.get("timeStamp") for p in points][1] == "12300"
    assert len(points) == 4  # three turns and the end
    selection = transcript.find(f"{NS}TranscriptSelection")
    assert selection.get("fromSyncPoint") == points[1].get("guid")
    assert selection.get("toSyncPoint") == points[2].get("guid")
    text_source = root.find(f"{NS}Sources/{NS}TextSource")
    assert transcript.get("plainTextPath") == text_source.get("plainTextPath")


def test_qdpx_names_a_video_source(tmp_path):
    db, _doc = _study(tmp_path, video=True)
    out = export_qdpx(db, ExportOptions(), tmp_path / "out.qdpx")
    xml = zipfile.ZipFile(out).read("project.qde").decode("utf-8")
    xmlschema.XMLSchema(SCHEMA).validate(xml)
    assert "<VideoSource" in xml


def test_web_annotation_targets_the_recording_with_a_media_fragment(tmp_path):
    db, _doc = _study(tmp_path)
    item = build_collection(db, ExportOptions())["first"]["items"][0]
    text, heard = item["target"]
    assert text["source"]["type"] == "Text"
    assert heard["selector"] == {"type": "FragmentSelector", "conformsTo": MEDIA_FRAGMENTS,
                                 "value": f"t=12.3,{heard['selector']['value'].split(',')[1]}"}
    assert heard["source"]["id"].startswith("urn:sha256:")
    end = float(heard["selector"]["value"].split(",")[1])
    assert 12.3 < end <= 30


def test_csv_has_start_end_and_kind(tmp_path):
    db, _doc = _study(tmp_path)
    row = dict(zip(COLUMNS, rows(db, ExportOptions())[0], strict=True))
    assert (row["time"], row["time_kind"]) == ("00:12", "stamp")
    assert row["time_end"] and row["citation"] == "[00:12]"
