"""Importing many files: which files a folder gives, and each imported on its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.errors import YanduError
from desktop.core.importing.batch import (
    DUPLICATE,
    IMPORTED,
    REFUSED,
    import_each,
    importable_suffixes,
    transcripts_in,
    without_speakers,
)

DIALOGUE = "甲：你好？\n乙：好。\n"


def make(root: Path, files: dict[str, bytes | str]) -> Path:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            data = data.encode()
        path.write_bytes(data)
    return root


def test_a_folder_gives_its_transcripts_in_name_order_hidden_ones_left_out(tmp_path):
    root = make(tmp_path / "t", {
        "b.txt": DIALOGUE, "A.md": DIALOGUE, "sub/c.srt": "", "sub/.d.txt": DIALOGUE,
        ".cache/e.txt": DIALOGUE, "~$f.docx": b"", "g.png": b"", "README": "x",
        "Z/h.vtt": "", "notes.TXT": DIALOGUE,
    })
    names = [p.relative_to(root).as_posix() for p in transcripts_in([root])]
    assert names == ["A.md", "b.txt", "notes.TXT", "sub/c.srt", "Z/h.vtt"]


def test_named_files_are_taken_as_they_are_and_each_file_once(tmp_path):
    root = make(tmp_path / "t", {"a.txt": DIALOGUE, "README": "x", "sub/b.txt": DIALOGUE})
    paths = transcripts_in([root / "README", root / "sub", root, root / "sub" / "b.txt"])
    assert [p.relative_to(root).as_posix() for p in paths] == ["README", "sub/b.txt", "a.txt"]


def test_a_missing_path_or_a_folder_without_transcripts_is_an_error(tmp_path):
    with pytest.raises(YanduError, match="No such file or folder"):
        transcripts_in([tmp_path / "nowhere"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(YanduError, match="folder with no transcripts"):
        transcripts_in([tmp_path / "empty"])


def test_the_suffixes_are_the_parsers():
    assert {".txt", ".md", ".srt", ".vtt", ".docx"} <= set(importable_suffixes())
    assert "" not in importable_suffixes()


def test_each_file_in_its_own_transaction_refusals_kept_with_their_reason(
        memory_db, tmp_path):
    root = make(tmp_path / "t", {"a.txt": DIALOGUE, "b.txt": b"", "c.txt": DIALOGUE,
                                 "d.txt": "只是叙述。\n"})
    batch = import_each(memory_db, transcripts_in([root]))
    assert [o.status for o in batch.outcomes] == [IMPORTED, REFUSED, DUPLICATE, IMPORTED]
    assert batch.outcomes[1].reason == "b.txt is empty." and batch.outcomes[1].result is None
    assert batch.outcomes[2].reason == "already imported as document 1 (a)"
    assert batch.total == 4 and not batch.cancelled and batch.succeeded
    assert [without_speakers(r) for r in batch.results] == [False, False, True]
    entry = batch.outcomes[2].as_dict()
    assert entry["status"] == DUPLICATE and entry["file"] == str(root / "c.txt")
    assert entry["result"]["document_id"] == 1


def test_stopping_waits_for_the_file_in_hand(memory_db, tmp_path):
    root = make(tmp_path / "t", {f"{n}.txt": f"甲：第{n}个？\n乙：好。\n" for n in range(4)})
    asked = []

    def stop() -> bool:
        asked.append(True)
        return len(asked) > 2  # asked before each file: two are imported, then it stops

    seen = []
    batch = import_each(memory_db, transcripts_in([root]), stop=stop,
                        progress=lambda d, t: seen.append((d, t)))
    assert batch.cancelled and [o.path.name for o in batch.outcomes] == ["0.txt", "1.txt"]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert {t for _, t in seen} == {4000} and seen[-1][0] == 2000


def test_nothing_but_refusals_is_no_success(memory_db, tmp_path):
    root = make(tmp_path / "t", {"a.txt": b"", "b.txt": b"\x7fELF" + bytes(64)})
    batch = import_each(memory_db, transcripts_in([root]))
    assert not batch.succeeded and len(batch.refused) == 2
