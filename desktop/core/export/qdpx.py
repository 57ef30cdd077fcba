"""REFI-QDA project exchange (.qdpx): tags become codes, annotations plain-text selections,
speakers cases (with their role) linked to selections of their turns.

A .qdpx is a zip holding `project.qde` (QDA-XML, namespace urn:QDA-XML:project:1.0) and
each document's text as `sources/<GUID>.txt`. Positions count Unicode code points, as
Yandu's offsets do. The XML is built with ElementTree, which escapes `&`, `<` and quotes.
GUIDs are derived from stable ids so a re-export names the same things the same way.
"""

from __future__ import annotations

import bisect
import re
import uuid
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import __version__
from desktop.core import media
from desktop.core.clock import now_iso
from desktop.core.export import data
from desktop.core.export.options import ExportOptions, Progress, atomic_path, report

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

NAMESPACE = "urn:QDA-XML:project:1.0"
_GUIDS = uuid.UUID("7f3c1e52-5a0e-4b8e-9d7a-2c6b0f1d9e34")  # Yandu's name space for uuid5
# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$")
NAME_LENGTH = 60


def guid(kind: str, key: str) -> str:
    """A stable GUID for a thing of `kind` (tag, document, note, ...) identified by `key`."""
    return str(uuid.uuid5(_GUIDS, f"{kind}:{key}"))


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _datetime(value: str) -> str | None:
    return value if _DATETIME.match(value or "") else None


def _el(parent: ET.Element, tag: str, **attrs: str | None) -> ET.Element:
    clean = {k: _xml_text(v) for k, v in attrs.items() if v is not None}
    return ET.SubElement(parent, f"{{{NAMESPACE}}}{tag}", clean)


def _short(text: str) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= NAME_LENGTH else one_line[: NAME_LENGTH - 1] + "…"


def _cited(name: str, citation: str) -> str:
    """A selection's name with where it is in the record, as QDA programs list it."""
    return f"{name} ({citation})" if citation else name


class SpeakerCase:
    """A speaker as a REFI-QDA case: their role, and the selections of their turns."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.role = ""
        self.moderator = False
        self.turns: list[tuple[str, str, int, int]] = []  # (source GUID, GUID, start, end)


def speaker_cases(docs: list[data.DocumentExport], options: ExportOptions) -> list[SpeakerCase]:
    """One case per speaker name (the same person across documents), in order of appearance."""
    cases: dict[str, SpeakerCase] = {}
    for doc in docs:
        source_guid = guid("document", doc.meta.source_sha256)
        for turn in (t for b in doc.blocks for t in b.turns):
            speaker = doc.speaker_of(turn)
            if speaker is None or not data.speaker_wanted(speaker, options):
                continue
            case = cases.setdefault(speaker.name.casefold(), SpeakerCase(speaker.name))
            case.role = case.role or speaker.role
            case.moderator = case.moderator or speaker.is_moderator
            # The label and headline belong to the turn; the blank lines after it do not.
            end = turn.text_end if turn.text_end > turn.start else turn.end
            if end > turn.start:
                case.turns.append((source_guid,
                                   guid("turn", f"{doc.meta.source_sha256}:{turn.position}"),
                                   turn.start, end))
    return list(cases.values())


def _add_cases(project: ET.Element, cases: list[SpeakerCase]) -> None:
    """Variables (role, moderator) and one Case per speaker, linked to their turns."""
    if not cases:
        return
    role, moderator = guid("variable", "role"), guid("variable", "moderator")
    variables = _el(project, "Variables")
    _el(variables, "Variable", guid=role, name="Role", typeOfVariable="Text")
    _el(variables, "Variable", guid=moderator, name="Moderator", typeOfVariable="Boolean")
    holder = _el(project, "Cases")
    for case in cases:
        element = _el(holder, "Case", guid=guid("case", case.name.casefold()), name=case.name)
        if case.role:
            value = _el(element, "VariableValue")
            _el(value, "VariableRef", targetGUID=role)
            _el(value, "TextValue").text = _xml_text(case.role)
        value = _el(element, "VariableValue")
        _el(value, "VariableRef", targetGUID=moderator)
        _el(value, "BooleanValue").text = "true" if case.moderator else "false"
        for _source, turn_guid, _start, _end in case.turns:
            _el(element, "SelectionRef", targetGUID=turn_guid)


def _add_recording(db: Database, sources: ET.Element, doc: data.DocumentExport,
                   source_guid: str, user: str) -> None:
    """The document's recording as an AudioSource or VideoSource whose Transcript is the
    document's text, with a SyncPoint where each timed turn starts (its time in ms and
    its position in code points) and a TranscriptSelection per timed annotation, from
    the sync point of its turn to the next one."""
    rec = media.recording(db, doc.meta.id)
    if rec is None:
        return
    turns = sorted((t for b in doc.blocks for t in b.turns), key=lambda t: t.position)
    times = media.document_times(db, doc.meta.id, turns)
    element = _el(sources, "VideoSource" if rec.kind == "video" else "AudioSource",
                  guid=guid("recording", rec.sha256), name=rec.name,
                  path="absolute://" + Path(rec.absolute_path).as_posix(), creatingUser=user,
                  creationDateTime=_datetime(rec.attached_at))
    _el(element, "Description").text = _xml_text(rec.path)
    transcript = _el(element, "Transcript", guid=guid("transcript", doc.meta.source_sha256),
                     name=doc.meta.title, plainTextPath=f"internal://{source_guid}.txt",
                     creatingUser=user, creationDateTime=_datetime(doc.meta.imported_at))
    points: list[tuple[int, int, str]] = []  # (position, ms, GUID), in text order
    for turn, time in zip(turns, times, strict=True):
        if time is not None:
            point = guid("sync", f"{doc.meta.source_sha256}:{turn.position}")
            points.append((turn.start, time.start_ms, point))
            _el(transcript, "SyncPoint", guid=point, timeStamp=str(time.start_ms),
                position=str(turn.start))
    last = next((t for t in reversed(times) if t is not None and t.end_ms is not None), None)
    if last is not None and turns:
        point = guid("sync", f"{doc.meta.source_sha256}:end")
        points.append((len(doc.text), last.end_ms, point))
        _el(transcript, "SyncPoint", guid=point, timeStamp=str(last.end_ms),
            position=str(len(doc.text)))
    starts = [p[0] for p in points]
    for item in doc.annotations:
        ann = item.annotation
        index = bisect.bisect_right(starts, ann.start) - 1
        after = bisect.bisect_left(starts, ann.end)
        if index < 0 or after >= len(points):
            continue
        _el(transcript, "TranscriptSelection", guid=guid("heard", ann.id),
            name=_short(ann.quote), fromSyncPoint=points[index][2],
            toSyncPoint=points[after][2])


def build_project(db: Database, options: ExportOptions, progress: Progress | None = None
                  ) -> tuple[ET.ElementTree, dict[str, str]]:
    """The project.qde tree and the source texts by GUID."""
    docs = data.load(db, options)
    stamp = options.exported_at or now_iso()
    author = options.author or "Yandu"
    user = guid("user", author)
    ET.register_namespace("", NAMESPACE)
    project = ET.Element(f"{{{NAMESPACE}}}Project", {
        "name": _xml_text(data.document_title(docs, options)),
        "origin": f"Yandu {__version__}",
        "creatingUserGUID": user,
        "creationDateTime": stamp,
    })
    users = _el(project, "Users")
    _el(users, "User", guid=user, name=author)
    # Each annotation's own author becomes a user of its own, so merged studies keep
    # who coded what.
    authors = sorted({i.annotation.author for d in docs for i in d.annotations} - {"", author})
    for name in authors:
        _el(users, "User", guid=guid("user", name), name=name)

    tags: dict[str, str] = {}
    for doc in docs:
        for item in doc.annotations:
            for tag in item.annotation.tags:
                tags.setdefault(tag.casefold(), tag)
    if tags:
        codes = _el(_el(project, "CodeBook"), "Codes")
        for key, name in sorted(tags.items(), key=lambda kv: kv[0]):
            _el(codes, "Code", guid=guid("tag", key), name=name, isCodable="true")
    # Speakers as cases, so QDA programs can filter what each person said.
    cases = speaker_cases(docs, options)
    _add_cases(project, cases)
    turns_of: dict[str, list[tuple[str, str, int, int]]] = {}
    for case in cases:
        for turn in case.turns:
            turns_of.setdefault(turn[0], []).append((case.name, *turn[1:]))

    texts: dict[str, str] = {}
    notes: list[tuple[str, str, str, str, str]] = []
    total = sum(len(d.annotations) for d in docs) or 1
    done = 0
    if docs:
        sources = _el(project, "Sources")
    for doc in docs:
        source_guid = guid("document", doc.meta.source_sha256)
        texts[source_guid] = doc.text
        source = _el(sources, "TextSource", guid=source_guid, name=doc.meta.title,
                     plainTextPath=f"internal://{source_guid}.txt", creatingUser=user,
                     creationDateTime=_datetime(doc.meta.imported_at))
        _el(source, "Description").text = _xml_text(doc.meta.source_name)
        for item in doc.annotations:
            ann = item.annotation
            coder = guid("user", ann.author) if ann.author else user
            selection = _el(source, "PlainTextSelection", guid=ann.id,
                            name=_cited(_short(ann.quote), item.citation.text(options.language)),
                            startPosition=str(ann.start),
                            endPosition=str(ann.end), creatingUser=coder,
                            creationDateTime=_datetime(ann.created_at), modifyingUser=coder,
                            modifiedDateTime=_datetime(ann.updated_at))
            if ann.note:
                # Many tools show a selection's Description as its memo; the NoteRef is
                # the standard's link to the same text as a note of its own.
                _el(selection, "Description").text = _xml_text(ann.note)
            for tag in ann.tags:
                coding = _el(selection, "Coding", guid=guid("coding", f"{ann.id}:{tag.casefold()}"),
                             creatingUser=coder, creationDateTime=_datetime(ann.created_at))
                _el(coding, "CodeRef", targetGUID=guid("tag", tag.casefold()))
            if ann.note:
                note_guid = guid("note", ann.id)
                _el(selection, "NoteRef", targetGUID=note_guid)
                notes.append((note_guid, _short(ann.note), ann.note, ann.created_at, coder))
            done += 1
            if done % 500 == 0:
                report(progress, done, total)
        for name, turn_guid, start, end in sorted(turns_of.get(source_guid, []),
                                                  key=lambda t: t[2]):
            _el(source, "PlainTextSelection", guid=turn_guid,
                name=_short(f"{name}: {doc.text[start:end]}"), startPosition=str(start),
                endPosition=str(end), creatingUser=user,
                creationDateTime=_datetime(doc.meta.imported_at))
        _add_recording(db, sources, doc, source_guid, user)
    if notes:
        holder = _el(project, "Notes")
        for note_guid, name, text, created, coder in notes:
            note = _el(holder, "Note", guid=note_guid, name=name, creatingUser=coder,
                       creationDateTime=_datetime(created))
            _el(note, "PlainTextContent").text = _xml_text(text)
    report(progress, total, total)
    tree = ET.ElementTree(project)
    ET.indent(tree, space=" ")
    return tree, texts


def export_qdpx(db: Database, options: ExportOptions, out: Path,
                progress: Progress | None = None) -> Path:
    """Write a REFI-QDA .qdpx project (zip) to `out`."""
    tree, texts = build_project(db, options, progress)
    xml_bytes = ET.tostring(tree.getroot(), encoding="utf-8", xml_declaration=True)
    with atomic_path(Path(out)) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("project.qde", xml_bytes)
        for source_guid, text in texts.items():
            zf.writestr(f"sources/{source_guid}.txt", text.encode("utf-8"))
    return Path(out)
