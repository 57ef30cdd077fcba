"""Nothing hostile executed: every exporter, fed hostile notes, definitions and transcript
text through the real import and edit paths, writes text that runs and fetches nothing.

(The HTML exporter's own tests cover its sanitiser case by case; this file checks every
format end to end, on a study made the way a user makes one.)
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest

from desktop.core.annotations import CreateAnnotation, new_annotation
from desktop.core.commands import History
from desktop.core.export import FORMATS, ExportOptions, default_filename, export
from desktop.core.glossary.commands import AddTerm
from desktop.core.glossary.model import new_term
from desktop.core.importing import import_bytes

SCRIPT = "<script>alert('x')</script>"
PIXEL = '<img src="http://evil.example/pixel.png" onerror="alert(1)">'
JS_LINK = "[click](javascript:alert(2))"
RAW_LINK = '<a href="javascript:alert(3)">raw</a>'
FORMULA = '=HYPERLINK("http://evil.example","open me")'
NOTE = f"{SCRIPT} {PIXEL} {JS_LINK} {RAW_LINK} ![i](http://evil.example/md.png)"
TRANSCRIPT = (
    f"# 标题 {SCRIPT}\n\n"
    f"主持人：{PIXEL} 请谈谈算力。\n"
    f"嘉宾：{FORMULA} 以及 {JS_LINK}。\n"
    f"主持人：{RAW_LINK} 谢谢。\n"
)
EVIL_HOST = "evil.example"


@pytest.fixture
def study(memory_db):
    db = memory_db
    doc = import_bytes(db, TRANSCRIPT.encode(), f"../../{SCRIPT}.md").document_id
    text = db.execute("SELECT text FROM documents WHERE id = ?", [doc]).fetchone()[0]
    history = History(db)
    for needle, note, tags in (
        ("请谈谈算力", NOTE, ("<b>tag</b>", '" onclick="alert(4)')),
        ("=HYPERLINK", "+SUM(1,2) @cmd -1 =1+1", ("=cmd|' /C calc'!A0",)),
        ("谢谢", "plain note", ()),
    ):
        start = text.index(needle)
        history.run(CreateAnnotation(new_annotation(
            db, doc, start, start + len(needle), note=note, tags=tags)))
    history.run(AddTerm(new_term(
        "算力", aliases=("<i>x</i>",), definition=NOTE, english=SCRIPT, pinyin=PIXEL,
        notes=JS_LINK)))
    return db


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def assert_inert_html(fragment: str, *, own_style: int = 0) -> None:
    """No element of `fragment` can run code or fetch anything by itself."""
    parser = _Tags()
    parser.feed(fragment)
    names = [t for t, _ in parser.tags]
    assert not set(names) & {"script", "img", "iframe", "svg", "object", "embed", "form",
                             "link", "base", "video", "audio", "source"}
    assert names.count("style") == own_style
    for tag, attrs in parser.tags:
        assert not any(k.lower().startswith("on") for k in attrs), (tag, attrs)
        assert "src" not in attrs and "style" not in attrs, (tag, attrs)
        if tag == "meta":
            assert attrs.get("http-equiv", "").lower() != "refresh", attrs
        href = attrs.get("href")
        if href is not None:
            assert href.split(":", 1)[0].strip().lower() in {"http", "https", "mailto"} or \
                href.startswith("#"), (tag, attrs)
            assert EVIL_HOST not in href or tag == "a", attrs


def _export(db, fmt: str, folder: Path) -> Path:
    out = folder / f"out{FORMATS[fmt].suffix}"
    export(db, fmt, ExportOptions(with_transcript=True, exported_at="2026-11-27T12:00:00Z"), out)
    return out


def test_html_export_is_inert(study, tmp_path):
    page = _export(study, "html", tmp_path).read_text(encoding="utf-8")
    assert_inert_html(page, own_style=page.count("<style"))
    assert page.count("<style") == 1  # the exporter's own stylesheet only
    assert "default-src 'none'" in page  # and the page forbids any fetch besides
    assert "请谈谈算力" in page  # the words themselves are kept, as text


def test_csv_export_has_no_live_formulas(study, tmp_path):
    data = _export(study, "csv", tmp_path).read_text(encoding="utf-8-sig")
    cells = [c for row in csv.reader(io.StringIO(data)) for c in row]
    assert any("HYPERLINK" in c for c in cells)
    for cell in cells:
        # Spreadsheets run a cell starting with = + - @ (or a tab/CR before one).
        assert cell.lstrip("\t\r ")[:1] not in ("=", "+", "@") or cell.startswith("'"), cell
        if cell.startswith("-") and len(cell) > 1:
            assert not cell[1:2].isalpha() and cell[1:2] not in "=+@(", cell


def test_qdpx_export_is_well_formed_xml_keeping_notes_as_text(study, tmp_path):
    with zipfile.ZipFile(_export(study, "qdpx", tmp_path)) as zf:
        root = ElementTree.fromstring(zf.read("project.qde"))
    texts = [e.text or "" for e in root.iter()] + [v for e in root.iter()
                                                   for v in e.attrib.values()]
    assert any(NOTE in t for t in texts)  # escaped in the file, intact once parsed
    assert not [e for e in root.iter() if e.tag.endswith("script")]


def test_web_annotation_export_is_valid_json_with_notes_verbatim(study, tmp_path):
    data = json.loads(_export(study, "webannotation", tmp_path).read_text(encoding="utf-8"))
    dumped = json.dumps(data, ensure_ascii=False)
    assert NOTE in [v for v in _strings(data)]
    assert "<script" in dumped  # kept as a JSON string value, which no reader runs


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def test_anki_cards_are_inert(study, tmp_path):
    # Anki shows card fields as HTML in a web view: they must be escaped or sanitised.
    with zipfile.ZipFile(_export(study, "anki", tmp_path)) as zf:
        (tmp_path / "collection.anki2").write_bytes(zf.read("collection.anki2"))
    conn = sqlite3.connect(tmp_path / "collection.anki2")
    fields = [f for (flds,) in conn.execute("SELECT flds FROM notes") for f in flds.split("\x1f")]
    conn.close()
    assert fields, "the glossary term should become a card"
    for field in fields:
        assert_inert_html(field)
        assert "javascript:" not in field.lower().replace("&lt;", "<") or "<a" not in field


def test_markdown_export_escapes_what_is_not_markdown(study, tmp_path):
    # Transcript text and titles are plain text: in a Markdown viewer they must stay text.
    # (Notes and definitions are Markdown written by the user and pass through as such.)
    md = _export(study, "markdown", tmp_path).read_text(encoding="utf-8")
    transcript_lines = [line for line in md.splitlines()
                        if any(w in line for w in ("请谈谈算力", "以及", "谢谢。", "# 标题"))
                        and "alert(" in line]
    assert len(transcript_lines) >= 3, md
    for line in transcript_lines:
        assert "<img" not in line and "<a " not in line and "<script" not in line, line


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_writes_only_the_file_asked_for(study, tmp_path, fmt):
    folder = tmp_path / "exports"
    folder.mkdir()
    out = _export(study, fmt, folder)
    assert [p.name for p in folder.iterdir()] == [out.name]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exports"]


@pytest.mark.parametrize("title", [
    "../../etc/passwd", "a/b\\c", "CON", "..", ".hidden", "x" * 500,
    f"{SCRIPT}", "\x00\x1f", "名字:*?<>|",
    "nul.txt", "COM1.report",
])
def test_file_names_from_titles_stay_in_the_folder(study, title):
    study.execute("UPDATE documents SET title = ?", [title])
    for fmt in FORMATS:
        name = default_filename(study, ExportOptions(document_ids=(1,)), fmt)
        assert name and "/" not in name and "\\" not in name and "\x00" not in name
        assert not name.startswith(".") and len(name) < 200
        stem = name.split(".")[0].upper()
        assert stem not in {"CON", "PRN", "AUX", "NUL", "COM1", "LPT1"}
        assert Path("/x", name).resolve().parent == Path("/x")
