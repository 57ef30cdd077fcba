"""An import never holds the study's write lock for long, and shows nothing until done.

The import writes its turns' index rows in short transactions under reserved turn ids
(searches leave them out), then the turns in one last transaction. A save made from
another connection meanwhile commits between those transactions; no search or count
sees any of the import before its turns are all there; a failed import leaves nothing.
"""

from __future__ import annotations

import threading

from db import open_study
from desktop.core import search, search_counts
from desktop.core.importing import bundled_sample_path, import_bytes, import_file

MARK = "鬯鬯"  # in no sample: found only in the import under way


def _big_transcript(turns: int = 4000) -> bytes:
    body = "我们认为算力与数据同样重要，模型的规模还会继续增长，" * 6
    return "\n\n".join(f"{'张三' if i % 2 else '李四'}：{body}{MARK}第{i}段。"
                       for i in range(turns)).encode()


def test_a_save_commits_while_an_import_runs_and_sees_none_of_it(study_path):
    db = open_study(study_path)
    import_file(db, bundled_sample_path())
    db.close()
    data = _big_transcript()
    failures: list[BaseException] = []

    def run_import() -> None:
        importer = open_study(study_path)
        try:
            import_bytes(importer, data, "big.txt")
        except BaseException as exc:  # reported by the main thread
            failures.append(exc)
        finally:
            importer.close()

    saver = open_study(study_path)
    thread = threading.Thread(target=run_import)
    thread.start()
    saved_while_staging = 0
    saves = 0
    try:
        while thread.is_alive():
            with saver.atomic():
                staging = saver.execute("SELECT count(*) FROM import_runs").fetchone()[0]
                saver.execute("INSERT OR REPLACE INTO study_meta (key, value) VALUES (?, ?)",
                              ["test-save", str(saves)])
            saves += 1
            if staging:
                saved_while_staging += 1
                # Nothing of the import is visible meanwhile: no document, no hit, no count.
                with saver.atomic():  # one snapshot for the checks
                    if saver.execute("SELECT count(*) FROM import_runs "
                                     "WHERE last_turn >= first_turn").fetchone()[0]:
                        assert saver.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
                        assert search.search(saver, MARK) == []
                        assert search.search(saver, MARK, order="relevance") == []
                        assert search_counts.tally(saver, MARK).hits == 0
                        assert search_counts.tally(saver, "算力").turns == search_counts.tally(
                            saver, "算力", document_id=1).turns
    finally:
        thread.join()
    assert not failures, failures
    assert saved_while_staging > 0, saves
    assert saver.execute("SELECT value FROM study_meta WHERE key = 'test-save'").fetchone()[0] \
        == str(saves - 1)
    assert len(search.search(saver, MARK, limit=10_000)) == 4000
    assert search_counts.tally(saver, MARK).turns == 4000
    assert saver.execute("SELECT count(*) FROM search_staging").fetchone()[0] == 0
    assert saver.execute("SELECT count(*) FROM import_runs").fetchone()[0] == 0
    saver.close()


def test_an_import_killed_while_staging_is_taken_out_at_the_next_open(study_path):
    """A killed import (its process gone, its rows staged) leaves the study as before."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    db = open_study(study_path)
    import_file(db, bundled_sample_path())
    before = search_counts.tally(db, "算力")
    db.close()
    # A child process stages part of an import, then dies without finishing it.
    code = (
        "import os\n"
        "from db import open_study\n"
        "from desktop.core import search_index\n"
        f"db = open_study({str(study_path)!r})\n"
        "run = search_index.begin_staging(db, 3)\n"
        "with db.atomic():\n"
        "    search_index.stage_turn_tokens(db, run, [(run.first_turn, '算力 力荒 荒'), "
        "(run.first_turn + 1, '鬯鬯 鬯')])\n"
        "os._exit(9)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    assert subprocess.run([sys.executable, "-c", code], env=env, timeout=60).returncode == 9
    db = open_study(study_path)
    assert db.execute("SELECT count(*) FROM search_staging").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM import_runs").fetchone()[0] == 0
    assert search_counts.tally(db, "算力") == before
    assert search.search(db, MARK) == []
    assert db.execute("SELECT count(*) FROM turn_chars").fetchone()[0] == db.execute(
        "SELECT count(*) FROM turns").fetchone()[0]
    merging = dict(db.execute(
        "SELECT k, v FROM turn_chars_config WHERE k IN ('automerge', 'crisismerge')"))
    assert merging == {"automerge": 4, "crisismerge": 16}
    db.execute("INSERT INTO turn_chars (turn_chars) VALUES ('integrity-check')")
    db.close()
