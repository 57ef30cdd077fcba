"""Fixtures for the window tests: one imported sample study, copied for each test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("PySide6")


@pytest.fixture(scope="session")
def sample_study_template(tmp_path_factory) -> Path:
    """The bundled sample imported once into a study file (tests copy it)."""
    from db import open_study
    from desktop.core.importing import bundled_sample_path, import_file

    path = tmp_path_factory.mktemp("template") / "sample.sqlite"
    db = open_study(path)
    import_file(db, bundled_sample_path())
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture
def sample_study(sample_study_template, tmp_path) -> Path:
    """A fresh copy of the sample study for one test."""
    path = tmp_path / "study.sqlite"
    shutil.copy(sample_study_template, path)
    return path


@pytest.fixture(autouse=True)
def qt_settings(tmp_path, qapp):
    """Settings in a temporary folder; nothing reads or writes the user's."""
    from PySide6.QtCore import QSettings

    folder = tmp_path / "settings"
    folder.mkdir()
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture
def dialogs(monkeypatch):
    """Message boxes recorded instead of shown, so no test waits on a dialog."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []

    def record(kind):
        def show(_parent, title, text, *args, **kwargs):
            shown.append((kind, text))
            return QMessageBox.StandardButton.Ok
        return show

    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    monkeypatch.setattr(QMessageBox, "about", lambda *a, **k: shown.append(("about", "")))
    return shown


@pytest.fixture
def make_window(qtbot, dialogs):
    """Open windows on study files; each is closed and its work awaited at the end."""
    from db import open_study
    from desktop.ui.main_window import MainWindow
    from desktop.ui.tasks import wait_for_tasks

    opened = []

    def make(path: Path):
        db = open_study(path)
        window = MainWindow(db, path)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()  # shortcuts only reach the active window
        qtbot.waitActive(window)
        opened.append((window, db))
        return window

    yield make
    wait_for_tasks()
    for window, db in opened:
        if window.annotations.editor is not None:
            window.annotations.editor.reject()
        window.close()
        db.close()


@pytest.fixture
def window(make_window, sample_study):
    """The window on a copy of the sample study."""
    return make_window(sample_study)


@pytest.fixture
def long_window(make_window, tmp_path, qtbot):
    """A window on a study holding one 906-turn transcript (six questions), fully written."""
    from db import open_study
    from desktop.core.importing import import_file

    lines = []
    for i in range(900):
        if i % 150 == 0:
            lines.append(f"主持人：第{i // 150 + 1}个问题，大家怎么看算力荒？")
        lines.append(f"{'甲乙丙'[i % 3]}某：第{i}段发言，讨论大模型的算力与数据飞轮的问题。")
    source = tmp_path / "long.txt"
    source.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    study = tmp_path / "long.sqlite"
    db = open_study(study)
    import_file(db, source)
    db.close()
    window = make_window(study)
    qtbot.waitUntil(lambda: window.view.is_complete)
    return window
