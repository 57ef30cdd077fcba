"""Awkward inputs: each imports losslessly or is refused with one line, never half-written."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db import open_memory_study
from desktop.cli import main as cli_main
from desktop.core.errors import YanduError
from desktop.core.importing import import_bytes
from desktop.core.importing.decoding import normalise_newlines
from tests.reliability.corpus import CASES

TABLES = ("documents", "speakers", "sections", "turns", "turn_chars", "annotations")

# Outcomes the issue fixes; the other cases may go either way, but must go cleanly.
MUST_REFUSE = {
    "empty", "whitespace-only", "bom-only", "newlines-only", "random-binary", "png", "pdf",
    "zip-as-text", "elf-as-text", "many-control-characters", "unsupported-extension",
    "docx-not-a-zip", "docx-zip-without-document", "docx-truncated", "docx-bad-xml",
    "ideographic-spaces-only",
}
# Imported, and the stored text is exactly the source decoded with this codec.
MUST_IMPORT_AS = {
    "utf16le-no-bom": "utf-16-le", "utf16be-no-bom": "utf-16-be", "utf16-with-bom": "utf-16",
    "utf8-bom": "utf-8-sig", "gbk": "gbk", "big5": "big5", "cr-only-newlines": "utf-8",
    "mixed-newlines": "utf-8", "unicode-line-separators": "utf-8", "emoji-labels": "utf-8",
    "astral-labels": "utf-8", "right-to-left": "utf-8", "bidi-overrides": "utf-8",
    "zero-width-and-combining": "utf-8", "compatibility-characters": "utf-8",
    "very-long-label": "utf-8", "unclosed-headline-quote": "utf-8",
    "markdown-raw-html": "utf-8", "blank-line-flood": "utf-8", "no-extension": "utf-8",
    "upper-case-extension": "utf-8", "control-characters": "utf-8",
}


def snapshot(db) -> dict[str, int]:
    """Row counts of the tables an import writes."""
    return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def import_cleanly(db, name: str, data: bytes) -> str:
    """Import; check the outcome is clean either way; return 'imported' or 'refused'."""
    before = snapshot(db)
    try:
        result = import_bytes(db, data, name)
    except YanduError as exc:
        message = str(exc)
        assert message and "\n" not in message and "Traceback" not in message
        assert len(message) < 300, message
        assert snapshot(db) == before, "a refused import left rows behind"
        assert not db.conn.in_transaction
        return "refused"
    assert not result.duplicate
    assert_complete(db, result.document_id, result.turn_count)
    return "imported"


def assert_complete(db, document_id: int, turn_count: int) -> str:
    """The document is whole: turns cover its text exactly, each one indexed."""
    text = db.execute("SELECT text FROM documents WHERE id = ?", [document_id]).fetchone()[0]
    turns = db.execute(
        'SELECT id, start, "end", text_start, text_end, text FROM turns '
        "WHERE document_id = ? ORDER BY position", [document_id]).fetchall()
    assert len(turns) == turn_count > 0
    assert "".join(text[s:e] for _, s, e, _, _, _ in turns) == text  # lossless
    for _, start, end, text_start, text_end, turn_text in turns:
        assert start <= text_start <= text_end <= end
        assert turn_text == text[text_start:text_end]
    indexed = db.execute(
        "SELECT count(*) FROM turn_chars WHERE rowid IN "
        "(SELECT id FROM turns WHERE document_id = ?)", [document_id]).fetchone()[0]
    assert indexed == len(turns)
    return text


def test_the_corpus_is_big_enough():
    assert len(CASES) >= 40
    assert set(CASES) >= MUST_REFUSE and set(MUST_IMPORT_AS) <= set(CASES)


@pytest.mark.parametrize("case", sorted(CASES))
def test_awkward_input_imports_losslessly_or_is_refused(memory_db, case):
    name, make = CASES[case]
    data = make()
    outcome = import_cleanly(memory_db, name, data)
    if case in MUST_REFUSE:
        assert outcome == "refused"
    if case in MUST_IMPORT_AS:
        assert outcome == "imported"
        document_id, stored = memory_db.execute("SELECT id, text FROM documents").fetchone()
        kept = memory_db.execute("SELECT data FROM document_sources WHERE document_id = ?",
                                 [document_id]).fetchone()
        if kept is None:  # the reading text is the file's text
            assert stored == normalise_newlines(data.decode(MUST_IMPORT_AS[case]))
        else:  # rebuilt (a form feed is a page break): the file itself is kept beside it
            assert kept[0] == data
            assert stored.split() == normalise_newlines(
                data.decode(MUST_IMPORT_AS[case])).split()
    # Whatever happened, the study still takes a good import afterwards.
    assert import_cleanly(memory_db, "after.txt", "甲：之后\n乙：好\n".encode()) == "imported"


@pytest.mark.parametrize("case", sorted(MUST_REFUSE))
def test_cli_refuses_bad_input_with_one_line(case, tmp_path, capsys):
    name, make = CASES[case]
    source = tmp_path / name
    source.write_bytes(make())
    study = tmp_path / "study.sqlite"
    code = cli_main(["import", str(source), "--db", str(study)])
    out, err = capsys.readouterr()
    assert code == 2
    assert err.startswith("yandu: ") and err.count("\n") == 1 and "Traceback" not in err
    from db import open_study

    db = open_study(study)
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    db.close()


def _timed_import(db, name: str, data: bytes) -> tuple[str, float]:
    started = time.perf_counter()
    outcome = import_cleanly(db, name, data)
    return outcome, time.perf_counter() - started


def test_100000_one_word_turns(memory_db):
    data = "".join(f"{'甲乙'[i % 2]}：词{i}\n" for i in range(100_000)).encode()
    outcome, seconds = _timed_import(memory_db, "many.txt", data)
    assert outcome == "imported"
    assert memory_db.execute("SELECT count(*) FROM turns").fetchone()[0] == 100_000
    assert seconds < 30, seconds


def test_10000_distinct_speakers(memory_db):
    data = "".join(f"说话人{i}：你好，我是第{i}位。\n" for i in range(10_000)).encode()
    outcome, _ = _timed_import(memory_db, "crowd.txt", data)
    assert outcome == "imported"
    speakers = memory_db.execute("SELECT count(*) FROM speakers").fetchone()[0]
    assert 1 <= speakers <= 10_000


def test_2_mb_single_line(memory_db):
    data = ("甲：" + "长" * (2 * 2**20 // 3)).encode()
    outcome, seconds = _timed_import(memory_db, "line.txt", data)
    assert outcome == "imported"
    assert seconds < 20, seconds


@pytest.mark.slow
def test_50_mb_single_line(memory_db):
    # 18-25 s on the 2-core test machine; building the search index takes most of it.
    data = ("甲：" + "长" * (50 * 2**20 // 3)).encode()
    assert len(data) >= 50 * 10**6
    outcome, seconds = _timed_import(memory_db, "huge-line.txt", data)
    assert outcome == "imported"
    assert seconds < 120, seconds


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "gb18030", "big5", "latin-1"]


@settings(max_examples=100, deadline=None)
@given(data=st.one_of(
    st.binary(max_size=300),
    st.tuples(st.text(max_size=120), st.sampled_from(ENCODINGS)).map(
        lambda t: t[0].encode(t[1], errors="replace")),
    st.lists(st.sampled_from([b"\xe7\x94\xb2\xef\xbc\x9a", b"A: ", b"\n", b"\r\n", b"\r",
                              b"\x00", b"\xff", b"\xef\xbb\xbf", "算力".encode(), b" ",
                              "算力".encode("gbk"), b"WEBVTT\n", b"-->", b"00:00:01,000"]),
             max_size=40).map(b"".join),
), name=st.sampled_from(["t.txt", "t.md", "t.srt", "t.vtt", "t.docx"]))
def test_any_bytes_import_cleanly(data, name):
    db = open_memory_study()
    try:
        import_cleanly(db, name, data)
    finally:
        db.close()
