"""W3C Web Annotation (JSON-LD) export, and import of such a file back into a study.

Each annotation targets its document (named by the SHA-256 of its source file, so two
studies of the same transcript agree) with a TextQuoteSelector and a TextPositionSelector;
positions count Unicode code points, as the W3C model and Yandu both do.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core import media
from desktop.core.citations import Citation
from desktop.core.clock import now_iso
from desktop.core.export import data
from desktop.core.export.options import ExportOptions, Progress, atomic_output, report

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT_SHORT = "https://www.w3.org/ns/anno.jsonld"  # also seen in the wild
AFFIX_LENGTH = 32
# Extension keys (absolute IRIs, so JSON-LD readers keep them apart from the W3C terms).
YANDU_COLOUR = "urn:yandu:colour"
YANDU_SPEAKER = "urn:yandu:speaker"
# Where the quote is in the record: {"turn": 7, "page": "23", "line": 4, "start_ms": …}.
YANDU_CITATION = "urn:yandu:citation"
MEDIA_FRAGMENTS = "http://www.w3.org/TR/media-frags/"
_IDS = uuid.UUID("4d2f8a61-93c5-4e0b-8f1e-6a7b2c9d0e15")  # Yandu's name space for uuid5


def document_iri(sha256: str) -> str:
    """The IRI naming a transcript by its source file's SHA-256."""
    return f"urn:sha256:{sha256}"


def annotation_iri(annotation_id: str) -> str:
    """The IRI of an annotation, from its UUID."""
    return f"urn:uuid:{annotation_id}"


def collection_iri(docs: list[data.DocumentExport], options: ExportOptions) -> str:
    """A stable IRI for the collection: the same documents and filters give the same one.

    The W3C model requires an id on the collection and on its page; deriving it from the
    documents' source hashes lets a reader recognise a re-export as the same collection.
    """
    key = "|".join([
        ",".join(d.meta.source_sha256 for d in docs),
        ",".join(sorted(s.casefold() for s in options.speakers)),
        ",".join(sorted(t.casefold() for t in options.tags)),
    ])
    return f"urn:uuid:{uuid.uuid5(_IDS, 'collection:' + key)}"


def recording_iri(sha256: str) -> str:
    """The IRI naming a recording by its file's SHA-256 (as transcripts are named)."""
    return f"urn:sha256:{sha256}"


def media_target(recording: media.Recording, citation: Citation) -> dict | None:
    """The passage in the recording, as a media fragment (`t=12.3,15`); None untimed."""
    if citation.start_ms is None:
        return None
    span = f"t={citation.start_ms / 1000:g}"
    if citation.end_ms is not None and citation.end_ms > citation.start_ms:
        span += f",{citation.end_ms / 1000:g}"
    mime = "video" if recording.kind == "video" else "audio"
    return {"source": {"id": recording_iri(recording.sha256), "type":
                       "Video" if mime == "video" else "Sound", "title": recording.name},
            "selector": {"type": "FragmentSelector", "conformsTo": MEDIA_FRAGMENTS,
                         "value": span}}


def to_json(doc: data.DocumentExport, item: data.PlacedAnnotation,
            recording: media.Recording | None = None) -> dict:
    """One annotation as a Web Annotation object (without @context); with a recording,
    a second target: the same passage in it, as a media fragment."""
    ann = item.annotation
    text = doc.text
    body: list[dict] = []
    if ann.note:
        body.append({"type": "TextualBody", "value": ann.note, "format": "text/markdown",
                     "purpose": "commenting"})
    body += [{"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in ann.tags]
    result: dict = {
        "id": annotation_iri(ann.id),
        "type": "Annotation",
        "motivation": "commenting" if ann.note else "highlighting",
        "created": ann.created_at,
        "modified": ann.updated_at,
    }
    if ann.author:
        result["creator"] = {"type": "Person", "name": ann.author}
    if body:
        result["body"] = body
    result["target"] = {
        "source": {"id": document_iri(doc.meta.source_sha256), "type": "Text",
                   "format": "text/plain", "title": doc.meta.title},
        "selector": [
            {"type": "TextQuoteSelector", "exact": ann.quote,
             "prefix": text[max(0, ann.start - AFFIX_LENGTH) : ann.start],
             "suffix": text[ann.end : ann.end + AFFIX_LENGTH]},
            {"type": "TextPositionSelector", "start": ann.start, "end": ann.end},
        ],
    }
    heard = media_target(recording, item.citation) if recording is not None else None
    if heard is not None:
        result["target"] = [result["target"], heard]  # the text first: readers take it
    result[YANDU_COLOUR] = ann.colour
    if item.speaker is not None:
        result[YANDU_SPEAKER] = item.speaker.name
    cited = {key: value for key, value in item.citation.as_dict().items() if value not in ("", None)}
    if cited:
        result[YANDU_CITATION] = cited
    return result


def build_collection(db: Database, options: ExportOptions, progress: Progress | None = None
                     ) -> dict:
    """The whole export as an AnnotationCollection with one page of items."""
    docs = data.load(db, options)
    total = sum(len(d.annotations) for d in docs)
    items = []
    for doc in docs:
        recording = media.recording(db, doc.meta.id)
        for item in doc.annotations:
            items.append(to_json(doc, item, recording))
            if len(items) % 500 == 0:
                report(progress, len(items), total)
    report(progress, total, total)
    collection = collection_iri(docs, options)
    page = f"urn:uuid:{uuid.uuid5(_IDS, 'page:0:' + collection)}"
    return {
        "@context": CONTEXT,
        "id": collection,
        "type": "AnnotationCollection",
        "label": data.document_title(docs, options),
        "generator": {"type": "Software", "name": "Yandu"},
        "generated": options.exported_at or now_iso(),
        "total": len(items),
        "first": {"id": page, "type": "AnnotationPage", "partOf": collection,
                  "startIndex": 0, "items": items},
    }


def export_webannotation(db: Database, options: ExportOptions, out: Path,
                         progress: Progress | None = None) -> Path:
    """Write the annotations as W3C Web Annotation JSON-LD to `out`."""
    collection = build_collection(db, options, progress)
    with atomic_output(Path(out), "w", encoding="utf-8", newline="\n") as fh:
        json.dump(collection, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    return Path(out)
