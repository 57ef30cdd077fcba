"""Ending Yandu with a signal (a logout, a shutdown, Ctrl+C in the terminal) keeps the
window's state and the reader's place, as File > Quit does."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.ui

ROOT = Path(__file__).parents[2]


def _settings(config: Path):
    from PySide6.QtCore import QSettings

    return QSettings(str(config / "Yandu" / "Yandu.conf"), QSettings.Format.IniFormat)


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_closes_the_window_as_quit_does(sample_study, tmp_path, number) -> None:
    config = tmp_path / "config"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(config)}
    process = subprocess.Popen([sys.executable, "-m", "desktop", "--db", str(sample_study)],
                               cwd=ROOT, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        # The window notes the document it opens (in its settings file) once the study
        # is open; then the signal.
        conf = config / "Yandu" / "Yandu.conf"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and process.poll() is None and not (
                conf.exists() and "document=" in conf.read_text(encoding="utf-8")):
            time.sleep(0.1)
        time.sleep(0.5)
        assert process.poll() is None, process.stderr.read()[-2000:]
        process.send_signal(number)
        _out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err[-2000:]
    assert "Traceback" not in err
    after = _settings(config)
    assert after.value("window/geometry") is not None  # written only on closing
    document = after.value("document")
    assert after.value(f"documents/{document}/top") is not None  # the reader's place
