"""Fixtures for the command-line tests."""

from __future__ import annotations

import pytest

from desktop.cli import main


@pytest.fixture
def import_text(study_path, tmp_path, capsys):
    """Import a transcript given as text with `yandu import`; the study's path."""
    def run(text: str, name: str = "talk.txt") -> str:
        source = tmp_path / name
        source.write_text(text, encoding="utf-8")
        assert main(["import", str(source), "--db", str(study_path)]) == 0
        capsys.readouterr()
        return str(study_path)
    return run
