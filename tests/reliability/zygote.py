"""Drives `workers.py zygote`: start forked workers, kill them, collect what they confirmed."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import threading
import time

from tests.reliability.helpers import PYTHON, ROOT


class Zygote:
    """A warm Python process that forks one worker per request."""

    def __init__(self) -> None:
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        self.proc = subprocess.Popen(
            [PYTHON, "-m", "tests.reliability.workers", "zygote"], cwd=ROOT, env=env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, encoding="utf-8", errors="replace", bufsize=1)
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        first = self._next(60)
        assert first == "ready", f"zygote did not start: {first!r} {self._stderr()}"

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def _stderr(self) -> str:
        if self.proc.poll() is None:
            return ""
        return self.proc.stderr.read()[-2000:]

    def _next(self, timeout: float) -> str | None:
        try:
            return self.lines.get(timeout=timeout)
        except queue.Empty:
            return None

    def start(self, request: str) -> int:
        """Fork a worker for `request`; return its pid."""
        self.proc.stdin.write(request + "\n")
        self.proc.stdin.flush()
        line = self._next(30)
        assert line and line.startswith("pid "), f"no worker: {line!r} {self._stderr()}"
        return int(line.split()[1])

    def wait_for(self, key: str, timeout: float = 60) -> list[dict]:
        """Events up to and including the first that has `key`."""
        events: list[dict] = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self._next(deadline - time.monotonic())
            if line is None:
                break
            if line.startswith("exit "):
                raise AssertionError(f"worker ended early: {line}; events {events[-3:]}")
            events.append(json.loads(line))
            if key in events[-1] or "error" in events[-1]:
                return events
        raise AssertionError(f"no {key!r} within {timeout}s")

    def finish(self, timeout: float = 60) -> tuple[list[dict], int]:
        """The worker's events until it ended, and its wait status."""
        events: list[dict] = []
        deadline = time.monotonic() + timeout
        while True:
            line = self._next(max(0.0, deadline - time.monotonic()))
            assert line is not None, f"worker did not end: {self._stderr()}"
            if line.startswith("exit "):
                return events, int(line.split()[1])
            try:
                events.append(json.loads(line))
            except json.JSONDecodeError:
                events.append({"torn": line})  # cut short by the kill: not confirmed

    def close(self) -> None:
        """Stop the zygote (it exits when its stdin closes)."""
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()


def killed_by_sigkill(status: int) -> bool:
    """True when a wait status says SIGKILL ended the process."""
    return os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
