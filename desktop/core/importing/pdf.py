"""The text layer of a PDF, page by page, as PDFium reads it (through pypdfium2).

Only extraction: lines come out as the PDF gives them, each page's lines joined by "\\n"
and the pages by one "\\f". Rebuilding paragraphs, dropping running headers and page
numbers and closing up justified Chinese lines happen later, on this text. Printed line
numbers stay at the start of their line (a court transcript's `3 CHIEF JUSTICE ROBERTS:`).

PDFium is not thread-safe: one document is read at a time, and everything it allocated
is closed before the lock is let go.
"""

from __future__ import annotations

import re
import threading

from desktop.core.errors import YanduError

# A page counts as scanned when an image covers this share of it and it carries fewer
# letters than this (court PDFs stamp a short text header onto each scanned page).
_SCAN_COVER = 0.5
_SCAN_LETTERS = 200
# Controls PDFium or the PDF itself can put in text: NUL and unmapped glyphs, the 0x02
# PDFium gives a hyphen that ends a line, non-characters. Tab and line feed stay.
_CONTROL = re.compile("[\x00\x01\x03-\x08\x0b-\x1f\x7f\ufffe\uffff]")
_LETTER = re.compile(r"[^\W_]")
_LOCK = threading.Lock()


def extract_pdf(data: bytes, name: str) -> str:
    """The text of PDF `data` (file `name`): "\\f" between pages, "\\n" between lines.

    YanduError (one line) for a PDF without a text layer, one that needs a password,
    and a damaged or incomplete one.
    """
    import pypdfium2 as pdfium

    broken = f"{name} is not a readable PDF (damaged or incomplete); download or export it again."
    with _LOCK:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if getattr(exc, "err_code", None) == pdfium.raw.FPDF_ERR_PASSWORD:
                raise YanduError(
                    f"{name} is protected by a password; open it with the password, "
                    "save a copy without one, and import that."
                ) from exc
            raise YanduError(broken) from exc
        except (ValueError, TypeError, OSError) as exc:
            raise YanduError(broken) from exc
        try:
            pages = [_read_page(document, index) for index in range(len(document))]
        except (RuntimeError, ValueError, OSError) as exc:  # PdfiumError is a RuntimeError
            raise YanduError(broken) from exc
        finally:
            document.close()
    if not pages:
        raise YanduError(broken)
    texts = [text for text, _ in pages]
    scanned = sum(1 for _, kind in pages if kind == "scan")
    with_text = sum(1 for _, kind in pages if kind == "text")
    advice = "run OCR on it first (OCRmyPDF, for one) and import the result."
    if not with_text:
        raise YanduError(f"{name} has no text layer (a scanned PDF); {advice}")
    if scanned > with_text:
        raise YanduError(f"{name} has no text layer on {scanned} of its {len(pages)} pages "
                         f"(a scanned PDF); {advice}")
    return "\f".join(texts)


def _read_page(document, index: int) -> tuple[str, str]:
    """(the page's text, its kind: 'text', 'scan' or 'blank')."""
    page = document[index]
    textpage = None
    try:
        textpage = page.get_textpage()
        text = _clean(textpage.get_text_bounded())  # full Unicode, not only the BMP
        letters = len(_LETTER.findall(text))
        if letters >= _SCAN_LETTERS:
            return text, "text"
        if _image_cover(page) >= _SCAN_COVER:
            return text, "scan"
        return text, "text" if letters else "blank"
    finally:
        if textpage is not None:
            textpage.close()
        page.close()


def _clean(raw: str) -> str:
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\x02", "-")
    text = _CONTROL.sub("", text)
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)


def _image_cover(page) -> float:
    """The largest share of the page one image covers (0 when it has none)."""
    import pypdfium2.raw as pdfium_c

    width, height = page.get_size()
    area = width * height
    if area <= 0:
        return 0.0
    best = 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        best = max(best, (right - left) * (top - bottom) / area)
    return best
