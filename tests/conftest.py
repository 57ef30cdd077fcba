"""Shared fixtures. Qt runs offscreen; every test gets its own settings and study paths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "aicc2023-llm-roundtable.zh.txt"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Keep settings and the default study out of the real home folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.delenv("YANDU_DB", raising=False)
    yield


@pytest.fixture
def memory_db():
    """A migrated, empty in-memory study."""
    from db import open_memory_study

    db = open_memory_study()
    yield db
    db.close()


@pytest.fixture
def study_path(tmp_path) -> Path:
    """A path for a study file that does not exist yet."""
    return tmp_path / "study.sqlite"


@pytest.fixture
def sample_path() -> Path:
    """The bundled sample transcript."""
    return SAMPLE
