"""PDF text layers: lines and pages as the PDF gives them; scans, passwords and damage refused.

The PDFs are drawn here with Qt's own PDF writer (text as real, extractable text with the
CJK font the setup installs); the encrypted one is written by pypdf (a test dependency).
"""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest

from desktop.core.errors import YanduError
from desktop.core.importing import parse_bytes
from desktop.core.importing.pdf import extract_pdf

CJK_FONT = "WenQuanYi Micro Hei"
HEADER = "立法會 ─ 2012年10月17日"
ZH_PAGES = [
    ["主席：各位議員，現在開會。", "陳議員：主席，我想問政府可否告知本",
     "會：一、過去三年的數字；二、有關的開支。", "主席：請局長答覆。"],
    ["局長：主席，多謝陳議員的提問。過去三年，", "有關的開支共十二億元。",
     "陳議員：主席，局長沒有回答我的第二部分。"],
    ["主席：局長，請補充。", "局長：主席，第二部分的數字稍後以書面提供。",
     "陳議員：主席，多謝局長。"],
]
COURT_LABELS = {3: "CHIEF JUSTICE ROBERTS:", 9: "MR. SMITH:", 17: "JUSTICE THOMAS:"}


def _writer(path: Path):
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageSize, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(72)  # one unit is one point
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    return writer


def draw_pdf(path: Path, pages: list[list[tuple[float, float, str]]], *,
             font: str = CJK_FONT, size: int = 12) -> bytes:
    """A PDF of `pages`, each a list of (x, y, text) drawn as text."""
    from PySide6.QtGui import QFont, QPainter

    writer = _writer(path)
    painter = QPainter(writer)
    painter.setFont(QFont(font, size))
    for number, items in enumerate(pages):
        if number:
            writer.newPage()
        for x, y, text in items:
            painter.drawText(x, y, text)
    painter.end()
    return path.read_bytes()


def chinese_pdf(path: Path) -> bytes:
    pages = []
    for number, lines in enumerate(ZH_PAGES, start=1):
        items = [(72, 50, HEADER)]
        items += [(72, 100 + 24 * i, line) for i, line in enumerate(lines)]
        items.append((290, 800, str(number)))
        pages.append(items)
    return draw_pdf(path, pages)


def court_line(page: int, n: int) -> tuple[str, str]:
    label = COURT_LABELS.get(n, "")
    return label, ("We'll hear argument first this morning." if label
                   else f"in case {page}-{n}, the matter of the estate and its claims")


def court_pdf(path: Path, pages: int = 2) -> bytes:
    drawn = []
    for page in range(1, pages + 1):
        items = [(480, 40, str(page))]
        for n in range(1, 26):
            y = 80 + 27 * n
            items.append((40, y, str(n)))  # the line number, in its own margin
            label, speech = court_line(page, n)
            if label:
                items.append((100, y, label))
                items.append((300, y, speech))  # after a wide gap, as reporters set it
            else:
                items.append((100, y, speech))
        items.append((180, 820, "Heritage Reporting Corporation"))
        drawn.append(items)
    return draw_pdf(path, drawn, font="DejaVu Sans", size=11)


def image_pdf(path: Path) -> bytes:
    """A 'scan': a picture of text, no text layer."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    picture = QImage(300, 400, QImage.Format.Format_RGB32)
    picture.fill(QColor("white"))
    inner = QPainter(picture)
    inner.setFont(QFont(CJK_FONT, 20))
    inner.drawText(20, 60, "主席：各位議員。")
    inner.end()
    writer = _writer(path)
    painter = QPainter(writer)
    for number in range(2):
        if number:
            writer.newPage()
        painter.drawImage(QRectF(20, 20, 555, 800), picture)
    painter.end()
    return path.read_bytes()


@pytest.fixture
def zh_pdf(qapp, tmp_path) -> bytes:
    return chinese_pdf(tmp_path / "zh.pdf")


def test_chinese_pages_and_lines(zh_pdf):
    text = extract_pdf(zh_pdf, "record.pdf")
    pages = text.split("\f")
    assert len(pages) == 3
    for number, (page, lines) in enumerate(zip(pages, ZH_PAGES, strict=True), start=1):
        got = page.split("\n")
        assert got[0].split() == HEADER.split()  # the header as drawn (spaces may vary)
        assert got[1:-1] == lines  # every line kept, none joined, in order
        assert got[-1] == str(number)  # the page number on a line of its own
    assert "\r" not in text and not text.endswith("\n")


def test_court_line_numbers_stay_at_the_start_of_their_lines(qapp, tmp_path):
    text = extract_pdf(court_pdf(tmp_path / "court.pdf"), "argument.pdf")
    pages = text.split("\f")
    assert len(pages) == 2
    for page_number, page in enumerate(pages, start=1):
        lines = page.split("\n")
        numbered = [line for line in lines if line.split()[0].isdigit()
                    and line != str(page_number)]
        assert [int(line.split()[0]) for line in numbered] == list(range(1, 26))
        for line in numbered:
            n = int(line.split()[0])
            label, speech = court_line(page_number, n)
            assert " ".join(line.split()) == " ".join(f"{n} {label} {speech}".split())
    assert "3 CHIEF JUSTICE ROBERTS: We'll hear" in " ".join(text.split(" "))


def test_scanned_pdf_is_refused(qapp, tmp_path):
    with pytest.raises(YanduError, match=r"scan\.pdf has no text layer \(a scanned PDF\); "
                                         r"run OCR on it first") as info:
        extract_pdf(image_pdf(tmp_path / "scan.pdf"), "scan.pdf")
    assert "\n" not in str(info.value)


def test_mostly_scanned_pdf_is_refused(qapp, tmp_path):
    # A typed cover page before scanned pages is still a scan that needs OCR.
    scan = image_pdf(tmp_path / "scan.pdf")
    cover = draw_pdf(tmp_path / "cover.pdf", [[(72, 100, "Transcript of proceedings")]])
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    for part in (cover, scan):
        writer.append(pypdf.PdfReader(io.BytesIO(part)))
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(YanduError, match="no text layer on 2 of its 3 pages"):
        extract_pdf(out.getvalue(), "mixed.pdf")


def test_password_protected_pdf_is_refused(zh_pdf):
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(zh_pdf)))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(YanduError, match="locked.pdf is protected by a password") as info:
        extract_pdf(out.getvalue(), "locked.pdf")
    assert "\n" not in str(info.value)


def test_owner_password_only_still_reads(zh_pdf):
    # "No copying" PDFs open without a password: their text is read as usual.
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(zh_pdf)))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    assert extract_pdf(out.getvalue(), "x.pdf") == extract_pdf(zh_pdf, "x.pdf")


@pytest.mark.parametrize("cut", [0.1, 0.5, 0.97])
def test_truncated_pdf_is_refused(zh_pdf, cut):
    with pytest.raises(YanduError, match="cut.pdf is not a readable PDF") as info:
        extract_pdf(zh_pdf[: int(len(zh_pdf) * cut)], "cut.pdf")
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("data", [b"%PDF-", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", b"not a pdf"])
def test_garbage_is_refused(data):
    with pytest.raises(YanduError, match="not a readable PDF"):
        extract_pdf(data, "junk.pdf")


def test_parse_bytes_reads_a_pdf_with_its_speakers(zh_pdf):
    parsed = parse_bytes(zh_pdf, "立法會會議.pdf")
    assert parsed.format == "pdf"
    assert parsed.encoding == "UTF-8"
    assert parsed.title == "立法會會議"
    assert parsed.source == zh_pdf  # the PDF itself is kept beside its reading text
    # The reading text: every line of speech, without the running header and the page
    # numbers, whose pages are marks where each page begins.
    assert HEADER not in parsed.text and "\f" not in parsed.text
    assert parsed.text.split("\n") == [line for page in ZH_PAGES for line in page]
    assert [(m.page, parsed.text[m.offset:].split("\n")[0]) for m in parsed.marks] == [
        (str(n), page[0]) for n, page in enumerate(ZH_PAGES, start=1)]
    assert parsed.layout.headers_removed == 6
    names = {s.name for s in parsed.speakers}
    assert {"主席", "陳議員", "局長"} <= names


def test_pdf_bytes_under_another_name_are_read_as_a_pdf(zh_pdf):
    parsed = parse_bytes(zh_pdf, "download")
    assert parsed.format == "pdf"
    assert "陳議員" in {s.name for s in parsed.speakers}
    with pytest.raises(YanduError, match="notes.txt is not a readable PDF"):
        parse_bytes(b"%PDF-1.4\ngarbage" * 5, "notes.txt")


def test_parse_bytes_refuses_a_scan(qapp, tmp_path):
    with pytest.raises(YanduError, match="no text layer"):
        parse_bytes(image_pdf(tmp_path / "s.pdf"), "s.pdf")


def test_a_hundred_pages_read_quickly(qapp, tmp_path):
    line = "陳議員：主席，政府可否告知本會過去三年的數字與有關的開支，以及當局的回應如何。"
    pages = [[(72, 40, HEADER)] + [(60, 70 + 18 * i, line) for i in range(40)]
             + [(290, 820, str(n + 1))] for n in range(100)]
    data = draw_pdf(tmp_path / "big.pdf", pages, size=11)
    started = time.perf_counter()
    text = extract_pdf(data, "big.pdf")
    elapsed = time.perf_counter() - started
    assert text.count("\f") == 99 and text.count(line) == 4000
    assert elapsed < 10, f"100 pages took {elapsed:.1f} s"  # about 1 s here


def test_stored_with_its_pdf_and_refusals_store_nothing(memory_db, zh_pdf, qapp, tmp_path):
    from desktop.core.importing import import_bytes

    def count() -> int:
        return memory_db.execute("SELECT count(*) FROM documents").fetchone()[0]

    for bad in (zh_pdf[:500], image_pdf(tmp_path / "scan.pdf")):
        with pytest.raises(YanduError):
            import_bytes(memory_db, bad, "bad.pdf")
    assert count() == 0
    result = import_bytes(memory_db, zh_pdf, "record.pdf")
    assert result.format == "pdf" and count() == 1
    stored = memory_db.execute("SELECT data FROM document_sources WHERE document_id = ?",
                               [result.document_id]).fetchone()[0]
    assert bytes(stored) == zh_pdf


def test_a_line_numbered_court_pdf_reads_as_speeches_cited_by_page_and_line(qapp, tmp_path):
    from desktop.core.citations import SourceMarks

    parsed = parse_bytes(court_pdf(tmp_path / "court.pdf", pages=3), "argument.pdf")
    assert [s.name for s in parsed.speakers] == ["CHIEF JUSTICE ROBERTS", "MR. SMITH",
                                                "JUSTICE THOMAS"]
    # Page furniture and the printed numbers are out of the text, kept as marks.
    assert "Heritage Reporting" not in parsed.text and "\f" not in parsed.text
    assert parsed.layout.line_numbers_removed == 75
    marks = SourceMarks([(m.offset, m.page, m.line, m.time_ms) for m in parsed.marks])
    roberts = next(t for t in parsed.turns if t.speaker == "CHIEF JUSTICE ROBERTS")
    # His turn runs from his label on line 3 to the line before Mr. Smith's, line 8.
    assert marks.cite(roberts.text_start, roberts.text_end).text() == "p. 1, l. 3–8"
    last = parsed.turns[-1]
    assert marks.cite(last.text_end - 1, last.text_end).text() == "p. 3, l. 25"
