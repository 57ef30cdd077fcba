"""Import W3C Web Annotation JSON-LD into a study, merging by annotation UUID.

Anchoring: the TextPositionSelector is trusted only when the text there equals the
TextQuoteSelector's `exact`; otherwise the quote is searched for and the occurrence whose
prefix and suffix fit best (then the nearest) wins. Everything happens in one transaction.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from db import annotations as rows
from db.annotations import Annotation
from desktop.core import search_index
from desktop.core.annotations import DEFAULT_COLOUR
from desktop.core.clock import now_iso
from desktop.core.errors import YanduError
from desktop.core.export.webannotation import YANDU_COLOUR

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

MAX_FILE_BYTES = 200 * 1024 * 1024


@dataclass
class ImportReport:
    """What an import did: counts, and the ids it could not place."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    unanchored: list[str] = field(default_factory=list)
    unknown_document: list[str] = field(default_factory=list)
    document_ids: set[int] = field(default_factory=set)

    def summary(self) -> str:
        """One line for the user."""
        parts = [f"{self.added} added", f"{self.updated} updated", f"{self.unchanged} unchanged"]
        if self.unanchored:
            parts.append(f"{len(self.unanchored)} not found in the text")
        if self.unknown_document:
            parts.append(f"{len(self.unknown_document)} for a document not in this study")
        return "Annotations: " + ", ".join(parts) + "."


def _items(payload: object) -> list[dict]:
    if isinstance(payload, list):
        return [p for p in payload if isinstance(p, dict)]
    if not isinstance(payload, dict):
        raise YanduError("The file is not Web Annotation JSON (expected an object or a list).")
    kind = payload.get("type")
    kinds = set(kind) if isinstance(kind, list) else {kind}
    if "Annotation" in kinds:
        return [payload]
    if kinds & {"AnnotationCollection", "AnnotationPage"}:
        found: list[dict] = []
        page = payload if "AnnotationPage" in kinds else payload.get("first")
        while isinstance(page, dict):
            found += [i for i in page.get("items", []) if isinstance(i, dict)]
            page = page.get("next") if isinstance(page.get("next"), dict) else None
        return found
    raise YanduError("The file is not Web Annotation JSON (no Annotation, "
                     "AnnotationPage or AnnotationCollection).")


def _uuid_of(raw: object) -> str | None:
    if not isinstance(raw, str):
        return None
    text = raw.rsplit(":", 1)[-1] if raw.startswith("urn:uuid:") else raw.rsplit("/", 1)[-1]
    try:
        return str(uuid.UUID(text))
    except ValueError:
        return None


def _target(item: dict) -> dict:
    target = item.get("target")
    if isinstance(target, list):
        target = next((t for t in target if isinstance(t, dict)), None)
    return target if isinstance(target, dict) else {}


def _selectors(target: dict) -> tuple[dict | None, dict | None]:
    selectors = target.get("selector", [])
    if isinstance(selectors, dict):
        selectors = [selectors]
    quote = position = None
    for s in selectors if isinstance(selectors, list) else []:
        if isinstance(s, dict) and s.get("type") == "TextQuoteSelector" and quote is None:
            quote = s
        elif isinstance(s, dict) and s.get("type") == "TextPositionSelector" and position is None:
            position = s
    return quote, position


def _source_ids(target: dict) -> tuple[str, str]:
    source = target.get("source")
    if isinstance(source, dict):
        return str(source.get("id", "")), str(source.get("title", ""))
    return (str(source) if source else ""), ""


def anchor(text: str, exact: str, prefix: str, suffix: str,
           start: int | None, end: int | None) -> tuple[int, int] | None:
    """Where `exact` sits in `text`: at the given position if it agrees, else the best match."""
    if (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)
            and (not exact or text[start:end] == exact)):
        return start, end
    if not exact:
        return None
    best: tuple[tuple[int, int], int] | None = None
    at = text.find(exact)
    while at != -1:
        fit = _affix_fit(text[:at], prefix, from_end=True) + _affix_fit(
            text[at + len(exact):], suffix, from_end=False)
        distance = abs(at - start) if isinstance(start, int) else 0
        key = (-fit, distance)
        if best is None or key < best[0]:
            best = (key, at)
        at = text.find(exact, at + 1)
    return (best[1], best[1] + len(exact)) if best else None


def _affix_fit(context: str, affix: str, *, from_end: bool) -> int:
    """How many characters of `affix` agree with the text beside the match."""
    count = 0
    if from_end:
        for a, b in zip(reversed(affix), reversed(context), strict=False):
            if a != b:
                break
            count += 1
    else:
        for a, b in zip(affix, context, strict=False):
            if a != b:
                break
            count += 1
    return count


def _body_parts(item: dict) -> tuple[str, list[str]]:
    bodies = item.get("body", [])
    if isinstance(bodies, (dict, str)):
        bodies = [bodies]
    notes: list[str] = []
    tags: list[str] = []
    for b in bodies if isinstance(bodies, list) else []:
        if isinstance(b, str):
            notes.append(b)
            continue
        if not isinstance(b, dict) or not isinstance(b.get("value"), str):
            continue
        purpose = b.get("purpose")
        if purpose == "tagging":
            tags.append(b["value"])
        else:
            notes.append(b["value"])
    return "\n\n".join(notes), tags


def read_file(path: Path) -> list[dict]:
    """The annotation objects of a Web Annotation JSON file; YanduError if it is not one."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise YanduError(f"{path} is too large to be an annotation file.")
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise YanduError(f"No file {path}.") from exc
    except UnicodeDecodeError as exc:
        raise YanduError(f"{path} is not UTF-8 text.") from exc
    except OSError as exc:
        raise YanduError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    try:
        payload = json.loads(raw)
    except ValueError as exc:
        raise YanduError(f"{path} is not valid JSON ({exc.msg}, line {exc.lineno}).") from exc
    return _items(payload)


def import_items(db: Database, items: list[dict], *, document_id: int | None = None
                 ) -> ImportReport:
    """Merge annotation objects into the study in one transaction.

    An annotation whose UUID the study holds is updated when the incoming one was
    modified later, else left alone; a new one is anchored and added. `document_id`
    sends every annotation to that document instead of matching by source.
    """
    docs = db.execute("SELECT id, title, source_sha256, text FROM documents").fetchall()
    by_sha = {f"urn:sha256:{sha}": (doc_id, text) for doc_id, _t, sha, text in docs}
    by_title: dict[str, list[tuple[int, str]]] = {}
    for doc_id, title, _sha, text in docs:
        by_title.setdefault(title, []).append((doc_id, text))
    by_id = {doc_id: (doc_id, text) for doc_id, _t, _s, text in docs}
    if document_id is not None and document_id not in by_id:
        raise YanduError(f"No document with id {document_id}.")
    existing = {
        r[0]: r[1] for r in db.execute("SELECT id, updated_at FROM annotations")
    }
    report = ImportReport()
    with db.atomic():
        for item in items:
            ann_id = _uuid_of(item.get("id")) or str(uuid.uuid4())
            target = _target(item)
            source_id, title = _source_ids(target)
            if document_id is not None:
                doc = by_id[document_id]
            elif source_id in by_sha:
                doc = by_sha[source_id]
            elif len(by_title.get(title, [])) == 1:
                doc = by_title[title][0]
            elif len(docs) == 1 and not source_id.startswith("urn:sha256:"):
                doc = by_id[docs[0][0]]
            else:
                report.unknown_document.append(ann_id)
                continue
            note, tags = _body_parts(item)
            colour = item.get(YANDU_COLOUR)
            colour = colour if isinstance(colour, str) and colour.startswith("#") else None
            modified = str(item.get("modified") or item.get("created") or now_iso())
            if ann_id in existing:
                if modified > existing[ann_id]:
                    old = rows.get(db, ann_id)
                    rows.update(db, Annotation(
                        **{**old.row(), "note": note, "colour": colour or old.colour,
                           "updated_at": modified}, tags=tuple(tags)))
                    search_index.index_annotation(db, ann_id, note)
                    report.updated += 1
                    report.document_ids.add(old.document_id)
                else:
                    report.unchanged += 1
                continue
            quote_sel, position_sel = _selectors(target)
            quote_sel = quote_sel or {}
            position_sel = position_sel or {}
            exact = str(quote_sel.get("exact", ""))
            place = anchor(doc[1], exact, str(quote_sel.get("prefix", "")),
                           str(quote_sel.get("suffix", "")), position_sel.get("start"),
                           position_sel.get("end"))
            if place is None:
                report.unanchored.append(ann_id)
                continue
            start, end = place
            creator = item.get("creator")
            author = creator.get("name", "") if isinstance(creator, dict) else (
                creator if isinstance(creator, str) else "")
            created = str(item.get("created") or modified)
            rows.insert(db, Annotation(
                id=ann_id, document_id=doc[0], start=start, end=end, quote=doc[1][start:end],
                note=note, colour=colour or DEFAULT_COLOUR, author=str(author),
                created_at=created, updated_at=modified, tags=tuple(tags)))
            search_index.index_annotation(db, ann_id, note)
            existing[ann_id] = modified
            report.added += 1
            report.document_ids.add(doc[0])
    return report


def import_webannotation(db: Database, path: Path, *, document_id: int | None = None
                         ) -> ImportReport:
    """Read a Web Annotation JSON file and merge it into the study."""
    return import_items(db, read_file(path), document_id=document_id)
