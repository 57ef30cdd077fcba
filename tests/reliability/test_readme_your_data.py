"""The commands the "Your data" section shows work on a real study."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from db import open_study
from tests.reliability.helpers import make_study

README = Path(__file__).resolve().parents[2] / "README.md"


def _your_data_section() -> str:
    text = README.read_text(encoding="utf-8")
    return text.split("## Your data", 1)[1].split("\n## ", 1)[0]


def _commands() -> list[str]:
    block = re.search(r"```sh\n(.*?)```", _your_data_section(), re.S).group(1)
    return [c.strip() for c in block.replace("\\\n", " ").splitlines() if c.strip()]


@pytest.mark.skipif(shutil.which("sqlite3") is None, reason="no sqlite3 command line tool")
def test_sqlite3_commands_read_the_study(tmp_path):
    study = tmp_path / "study.sqlite"
    make_study(study, annotations=3)
    db = open_study(study)  # left open: reading beside a running Yandu is fine
    try:
        outputs = [subprocess.run(c, shell=True, cwd=tmp_path, capture_output=True, text=True,
                                  timeout=30, check=True).stdout for c in _commands()]
    finally:
        db.close()
    assert len(outputs) == 2
    assert outputs[0].count("\n") == 3 and "笔记 0" in outputs[0]
    assert outputs[1].splitlines()[0] == "title,quote,note"


def test_the_backup_name_shown_is_the_kind_yandu_writes(tmp_path):
    from db.migrations import MIGRATIONS

    text = _your_data_section()
    example = re.search(r"`(study\.sqlite\.before-[^`]+\.bak)`", text).group(1)
    pattern = r"study\.sqlite\.before-\d{4}_[a-z_]+-\d{8}-\d{6}\.bak"
    assert re.fullmatch(pattern, example)
    study = tmp_path / "study.sqlite"
    make_study(study)
    name = "0990_readme_check"
    MIGRATIONS(name=name)(lambda db: None)
    try:
        open_study(study).close()
    finally:
        MIGRATIONS._migrations[:] = [m for m in MIGRATIONS._migrations if m.name != name]
    written = [p.name for p in tmp_path.iterdir() if p.name.endswith(".bak")]
    assert len(written) == 1 and re.fullmatch(pattern, written[0]), written
