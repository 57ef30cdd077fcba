"""Turn source bytes into text: BOMs, UTF-8, UTF-16, GB18030/GBK, Big5/Big5-HKSCS, others.

Chinese legacy encodings decode each other's bytes without error more often than not, so
a strict decode alone cannot tell GBK from Big5. The candidates are scored by how many of
their Han characters are common ones (GB2312 level 1, and the traditional forms of those);
the right reading scores near 1, a wrong one far lower.
"""

from __future__ import annotations

import codecs
import functools
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from desktop.core.errors import YanduError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 (BOM)"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc); save it as .docx"),
)
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# C0 controls other than tab, line feed, form feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Decoded:
    """Decoded text with line endings normalised to \\n, and the encoding's display name."""

    text: str
    encoding: str


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


@functools.cache
def _common_han() -> frozenset[str]:
    import opencc

    chars = []
    for lead in range(0xB0, 0xD8):  # GB2312 level 1: the 3,755 commonest characters
        for trail in range(0xA1, 0xFF):
            try:
                chars.append(bytes([lead, trail]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    simplified = "".join(chars)
    traditional = opencc.OpenCC("s2t").convert(simplified)
    taiwan = opencc.OpenCC("s2tw").convert(simplified)
    return frozenset(simplified + traditional + taiwan)


def _han_score(text: str) -> float:
    han = _HAN.findall(text)
    if not han:
        return 0.0
    common = _common_han()
    return sum(ch in common for ch in han) / len(han)


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:65536]
    # Real transcripts carry the odd stray control (a Word vertical tab, a DOS EOF mark,
    # a pasted terminal colour code): only a text made largely of them is binary.
    return len(_CONTROL.findall(sample)) > max(8, len(sample) // 20)


def _plausible(text: str) -> float:
    """The share of characters a transcript is made of: printable ASCII, whitespace,
    common Han characters, CJK punctuation and full-width forms, other letters."""
    if not text:
        return 0.0
    common = _common_han()
    good = sum(
        1 for ch in text
        if (" " <= ch <= "~") or ch in "\t\n\r" or ch in common
        or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"
        or (ch.isalpha() and not _HAN.match(ch))
    )
    return good / len(text)


def _utf16_without_bom(data: bytes) -> Decoded | None:
    # UTF-16 without a BOM: both byte orders are tried, and the one that reads as
    # ordinary text wins (the other gives rare ideographs or controls).
    if len(data) < 4 or len(data) % 2:
        return None
    # One stray zero byte in what reads as UTF-8 ("000\0") is no sign of UTF-16: there,
    # zero bytes are the halves of every ASCII character (line breaks, digits) and of
    # ideographs such as 一 (U+4E00).
    if data.count(0) == 1 and _strict(data, "utf-8") is not None:
        return None
    best: tuple[float, str, str] | None = None
    for codec, name in (("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE")):
        text = _strict(data, codec)
        if text is None or "\x00" in text or _looks_binary(text):
            continue
        score = _plausible(text[:65536])
        if score >= 0.9 and (best is None or score > best[0]):
            best = (score, text, name)
    return Decoded(normalise_newlines(best[1]), best[2]) if best else None


def _first_bad_utf8(data: bytes) -> tuple[int, int]:
    """(offset of the first invalid byte, count of valid multi-byte sequences before it)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode("utf-8")
        return exc.start, sum(1 for ch in good if ord(ch) > 0x7F)
    return -1, 0


def decode(data: bytes, name: str) -> Decoded:
    """Decode `data` (the bytes of file `name`); YanduError when they are not text."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            text = _strict(data, codec)
            if text is None:
                raise YanduError(f"{name}: undecodable bytes after its {label} byte-order mark.")
            return Decoded(normalise_newlines(text), label)
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise YanduError(f"{name} is a binary file ({what}), not a transcript.")
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise YanduError(f"{name} is a binary file, not a transcript.")
    text = _strict(data, "utf-8")
    if text is not None:
        if _looks_binary(text):
            raise YanduError(f"{name} is a binary file, not a transcript.")
        return Decoded(normalise_newlines(text), "UTF-8" if not text.isascii() else "ASCII")
    return _decode_legacy(data, name)


# The encodings a reader may choose when the guess is wrong (label, Python codec).
CHOICES = (("UTF-8", "utf-8-sig"), ("GB18030", "gb18030"), ("GBK", "gbk"), ("Big5", "big5"),
           ("Big5-HKSCS", "big5hkscs"), ("UTF-16", "utf-16"), ("Shift_JIS", "shift_jis"),
           ("Windows-1252", "cp1252"), ("ISO-8859-1", "latin-1"))


def decode_as(data: bytes, label: str, name: str) -> Decoded:
    """Decode `data` with the encoding the reader chose (a label of CHOICES); a one-line
    YanduError naming the first byte that does not read in it."""
    codec = dict(CHOICES).get(label)
    if codec is None:
        raise YanduError(f"Unknown encoding {label!r}; choose one of "
                         f"{', '.join(c for c, _ in CHOICES)}.")
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise YanduError(f"{name} does not read as {label} (byte {exc.start} does not "
                         "belong to it).") from exc
    return Decoded(normalise_newlines(text), label)


def _prefix(data: bytes, codec: str, limit: int = 256 * 1024) -> str | None:
    """Decode the first `limit` bytes strictly (a character cut at the end is fine)."""
    try:
        return codecs.getincrementaldecoder(codec)("strict").decode(data[:limit], final=False)
    except UnicodeDecodeError:
        return None


def _decode_legacy(data: bytes, name: str) -> Decoded:
    # Score each Chinese encoding on a prefix, then decode the whole file with the best
    # one that reads all of it (decoding a large file four times would be slow).
    candidates: list[tuple[float, int, str, str]] = []
    # Order breaks ties: GBK before Big5 (far more common for simplified text).
    for rank, (codec, label) in enumerate((
        ("gbk", "GBK"), ("gb18030", "GB18030"), ("big5", "Big5"), ("big5hkscs", "Big5-HKSCS"),
    )):
        head = _prefix(data, codec)
        if head is None:
            continue
        score = _han_score(head)
        if score >= 0.6 and not _looks_binary(head):
            candidates.append((round(score, 2), -rank, codec, label))
    for _, _, codec, label in sorted(candidates, reverse=True):
        text = _strict(data, codec)
        if text is not None and not _looks_binary(text):
            return Decoded(normalise_newlines(text), label)
    # UTF-16 without a BOM and without one ASCII character (not even a line break) has no
    # zero byte to give it away; it is tried only after the Chinese encodings, and must
    # read as common Chinese (a GBK file can pass for Korean in UTF-16).
    utf16 = _utf16_without_bom(data)
    if utf16 is not None and _han_score(utf16.text[:65536]) >= 0.9:
        return utf16
    bad_at, multibyte = _first_bad_utf8(data)
    if multibyte >= 1:
        # Mostly UTF-8 with broken bytes: guessing another encoding would only garble it.
        raise YanduError(
            f"{name}: undecodable bytes at byte {bad_at} (the rest reads as UTF-8); "
            "repair or re-save the file as UTF-8."
        )
    match = from_bytes(data[:1_000_000]).best()
    if match is not None and match.percent_chaos <= 10 and match.encoding:
        text = _strict(data, match.encoding)
        if text is not None and not _looks_binary(text) and not _HAN.search(text):
            return Decoded(normalise_newlines(text), _display_name(match.encoding))
    if _looks_binary(data.decode("latin-1")):
        raise YanduError(f"{name} is a binary file, not a transcript.")
    raise YanduError(
        f"{name}: undecodable bytes (not UTF-8, UTF-16, GB18030 or Big5); "
        "re-save the file as UTF-8."
    )


def _display_name(codec: str) -> str:
    names = {"cp1252": "Windows-1252", "cp1250": "Windows-1250", "latin_1": "ISO-8859-1",
             "iso8859_15": "ISO-8859-15", "mac_roman": "Mac Roman", "ascii": "ASCII"}
    return names.get(codec, codec.replace("_", "-").upper())
