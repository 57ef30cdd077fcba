"""A reader that stops early (`yandu ... | head`) ends a command quietly, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from desktop.cli import main
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def study(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("pipe") / "study.sqlite"
    sample = ROOT / "resources" / "samples" / "aicc2023-llm-roundtable.zh.txt"
    assert main(["--db", str(path), "import", str(sample)]) == 0
    return str(path)


def _run_into_closed_pipe(argv: list[str]) -> subprocess.CompletedProcess:
    """Run `yandu argv` writing into a pipe whose reader has already gone, as `head` has
    once it printed its lines: every write fails, however small the output."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run([sys.executable, "-m", "desktop", *argv], stdout=write_end,
                              stderr=subprocess.PIPE, text=True, timeout=120,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    finally:
        os.close(write_end)


@pytest.mark.parametrize("argv", [
    ["glossary", "list"],  # a few kilobytes, written only when the buffer is flushed
    ["show", "1"],
    ["search", "大模型"],
    ["list", "--json"],
    ["--help"],  # argparse prints and exits on its own
], ids=lambda a: " ".join(a))
def test_a_reader_gone_ends_the_command_quietly(study, argv):
    done = _run_into_closed_pipe(["--db", study, *argv])
    assert done.stderr == ""
    assert done.returncode == 0


def test_a_reader_that_stops_after_one_line(study):
    """As `yandu show 1 | head -n 1`: the first line arrives, then the reader closes."""
    proc = subprocess.Popen([sys.executable, "-m", "desktop", "--db", study, "show", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=120) == 0
    assert first.decode().startswith("# ")
    assert "Traceback" not in err and "BrokenPipeError" not in err
