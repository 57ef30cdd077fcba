"""Bad input gives one clear line (YanduError) and leaves the study as it was."""

from __future__ import annotations

import os

import pytest

from desktop.core.errors import YanduError
from desktop.core.importing import MAX_BYTES, import_bytes, import_file, parse_bytes

GOOD = "主持人：你好？\n张三：你好。\n".encode()


def count_rows(db) -> dict[str, int]:
    tables = ("documents", "speakers", "sections", "turns", "turn_chars")
    return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


@pytest.fixture
def study(memory_db):
    import_bytes(memory_db, GOOD, "first.txt")
    return memory_db


def refused(db, path, match: str) -> str:
    before = count_rows(db)
    with pytest.raises(YanduError, match=match) as info:
        import_file(db, path)
    assert count_rows(db) == before
    message = str(info.value)
    assert "\n" not in message and message
    return message


def test_missing_file(study, tmp_path):
    refused(study, tmp_path / "nope.txt", "No such file")


def test_folder(study, tmp_path):
    refused(study, tmp_path, "is a folder")


@pytest.mark.parametrize("content", [b"", b"   \n\r\n\t ", b"\xef\xbb\xbf", b"\xef\xbb\xbf  \n"])
def test_empty_file(study, tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    refused(study, path, "is empty")


@pytest.mark.parametrize(
    "content",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
        b"SQLite format 3\x00" + b"\x00" * 200,
        b"\x7fELF\x02\x01\x01" + b"\x00" * 50,
        bytes(range(256)) * 4,
        b"text with a NUL\x00 in the middle, then more text" * 3,
        b"PK\x03\x04\x14\x00\x00\x00",
    ],
)
def test_binary_file(study, tmp_path, content):
    path = tmp_path / "weird.txt"
    path.write_bytes(content)
    refused(study, path, "binary file")


def test_undecodable_bytes(study, tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes("主持人：你好？\n张三：你好。\n".encode() + b"\xff\xfe\xfd\x80" + "再见".encode())
    message = refused(study, path, "undecodable bytes")
    assert "byte" in message


def test_too_large(study, tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: big on paper, nothing written
        fh.truncate(MAX_BYTES + 1)
    refused(study, path, "too large")
    assert os.path.getsize(path) > MAX_BYTES


def test_too_large_bytes(monkeypatch):
    from desktop.core.importing import parser

    monkeypatch.setattr(parser, "MAX_BYTES", 1000)
    parse_bytes(b"a" * 1000, "x.txt")
    with pytest.raises(YanduError, match="too large"):
        parse_bytes(b"a" * 1001, "x.txt")


@pytest.mark.parametrize("name", ["notes.epub", "talk.doc", "slides.pptx", "page.mhtml", "x.rtf"])
def test_unsupported_format(study, tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"whatever")
    message = refused(study, path, "unsupported format")
    assert ".txt" in message and ".docx" in message


def test_broken_pdf(study, tmp_path):
    # PDF bytes are read as a PDF whatever the file is called.
    path = tmp_path / "weird.txt"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    refused(study, path, "not a readable PDF")


def test_broken_docx(study, tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04garbage" * 10)
    refused(study, path, "not a readable Word document")


def test_unreadable_file(study, tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    path = tmp_path / "secret.txt"
    path.write_bytes(GOOD)
    path.chmod(0)
    refused(study, path, "permission denied")
