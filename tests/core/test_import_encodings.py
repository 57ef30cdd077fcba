"""Every encoding real transcripts come in, and every line ending, decode to the same text."""

from __future__ import annotations

import codecs

import pytest

from desktop.core.errors import YanduError
from desktop.core.importing import import_bytes, parse_bytes
from desktop.core.importing.decoding import decode

SIMPLIFIED = (
    "主持人：大模型的算力需求从哪里来？\n\n"
    "张家俊：\"算力是重要因素\"\n\n"
    "算力在训练大模型时确实是一个重要因素，但算力荒不会阻碍创新。\n\n"
    "主持人：数据呢？\n\n"
    "张家俊：数据的质量比数量更重要，我们清洗了很多数据。\n"
)
TRADITIONAL = (
    "主持人：議員們怎麼看臺灣的人工智慧發展？\n\n"
    "王委員：我們應該加強算力基礎建設，並且培養更多的人才。\n\n"
    "主持人：資料隱私的問題呢？\n\n"
    "王委員：這個問題很重要，需要立法來保障個人資料的安全。\n"
)
CANTONESE = (  # 嘅, 啲, 咗, 唔 are Hong Kong characters (in Big5-HKSCS, not in Big5)
    "主持人：你哋點睇大模型嘅發展？\n\n"
    "陳先生：我覺得啲公司都做咗好多嘢，但係算力唔夠。\n\n"
    "主持人：咁點算好？\n\n"
    "陳先生：政府同大學應該一齊投資，建立共享嘅計算平台。\n"
)


def speakers_of(parsed):
    return [s.name for s in parsed.speakers]


@pytest.mark.parametrize(
    ("text", "codec", "label"),
    [
        (SIMPLIFIED, "utf-8", "UTF-8"),
        (SIMPLIFIED, "utf-8-sig", "UTF-8 (BOM)"),
        (SIMPLIFIED, "utf-16", "UTF-16"),  # Python writes a BOM
        (SIMPLIFIED, "gbk", "GBK"),
        (SIMPLIFIED + "还有生僻字𠮷和欧元符号€。\n", "gb18030", "GB18030"),
        (TRADITIONAL, "big5", "Big5"),
        (TRADITIONAL, "utf-8", "UTF-8"),
        (CANTONESE, "big5hkscs", "Big5-HKSCS"),
    ],
)
def test_encodings_decode_exactly_and_are_reported(text, codec, label):
    parsed = parse_bytes(text.encode(codec), "talk.txt")
    assert parsed.text == text
    assert parsed.encoding == label
    assert speakers_of(parsed)[0] == "主持人"
    assert len(parsed.speakers) == 2


def test_cantonese_is_not_plain_big5():
    with pytest.raises(UnicodeEncodeError):
        CANTONESE.encode("big5")


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
def test_utf16_both_byte_orders(bom):
    codec = "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be"
    parsed = parse_bytes(bom + SIMPLIFIED.encode(codec), "talk.txt")
    assert parsed.text == SIMPLIFIED
    assert parsed.encoding == "UTF-16"


def test_utf16_without_bom_is_recognised():
    decoded = decode("MR. SMITH: Hello.\nTHE CHAIR: Thank you.\n".encode("utf-16-le"), "a.txt")
    assert decoded.text.startswith("MR. SMITH: Hello.")
    assert decoded.encoding == "UTF-16LE"


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
@pytest.mark.parametrize("codec", ["utf-8", "gbk"])
def test_crlf_and_cr_are_normalised(newline, codec):
    data = SIMPLIFIED.replace("\n", newline).encode(codec)
    parsed = parse_bytes(data, "talk.txt")
    assert parsed.text == SIMPLIFIED
    assert "\r" not in parsed.text
    assert speakers_of(parsed) == ["主持人", "张家俊"]
    assert len(parsed.sections) == 2


def test_windows_1252_english():
    text = "MR. SMITH: It’s a “fair” question — really.\nTHE CHAIR: Thank you, Mr. Smith.\n"
    parsed = parse_bytes(text.encode("cp1252"), "hearing.txt")
    assert parsed.text == text
    assert parsed.encoding.startswith("Windows-125")


def test_recorded_encoding_is_stored(memory_db):
    result = import_bytes(memory_db, TRADITIONAL.encode("big5"), "hearing.txt")
    assert result.encoding == "Big5"
    stored = memory_db.execute("SELECT encoding, text FROM documents").fetchone()
    assert stored == ("Big5", TRADITIONAL)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_chinese_utf16_without_bom(codec):
    parsed = parse_bytes(SIMPLIFIED.encode(codec), "talk.txt")
    assert parsed.text == SIMPLIFIED
    assert parsed.encoding == codec.upper().replace("-LE", "LE").replace("-BE", "BE")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_chinese_utf16_without_bom_or_a_single_ascii_character(codec):
    text = "甲：大模型的算力问题，数据飞轮很重要。乙：同意，还要解决幻觉问题。"
    decoded = decode(text.encode(codec), "one-line.txt")
    assert decoded.text == text
    assert decoded.encoding == codec.upper().replace("-LE", "LE").replace("-BE", "BE")


def test_a_few_stray_control_characters_are_still_text():
    text = "甲：正文\x0b换行\x1b[31m红色\x1b[0m\n乙：好\x07\n"
    parsed = parse_bytes(text.encode(), "log.txt")
    assert parsed.text == text
    assert [s.name for s in parsed.speakers] == ["甲", "乙"]


def test_one_stray_zero_byte_in_utf8_is_not_read_as_utf16():
    # Four bytes that UTF-16LE would read as "〰0": a UTF-8 file with a NUL in it.
    with pytest.raises(YanduError, match="binary"):
        decode(b"000\x00", "odd.txt")
