"""The player's figure: seek to a turn until it is highlighted and painted, on a 3-hour
recording beside a 5,000-turn transcript, in Yandu's real window (offscreen, in a child
process: `window_probe player STUDY DOC RUNS`)."""

from __future__ import annotations

import random
import time
import wave
from pathlib import Path

from desktop.bench.report import Figure, median, unavailable

KEY = "seek_turn"
LABEL = "seek to a turn until highlighted and painted (3-hour recording)"
TARGET = "< 50 ms"
DATA = "5,000 turns, 3 h WAV"
TURNS = 5000
HOURS = 3
RATE = 4000  # 8-bit mono at 4 kHz: 43 MB of silence for three hours
SEEKS_PER_RUN = 20
NAMES = ("杨静", "陈虞君", "张家俊", "李明", "王芳", "赵强", "周婷", "吴磊")


def skipped(why: str) -> list[Figure]:
    return [unavailable(KEY, LABEL, DATA, TARGET, why)]


def make_inputs(workdir: Path) -> tuple[Path, int, Path]:
    """The study (a 5,000-turn transcript with the recording attached), its document id
    and the recording; made once per work folder."""
    from db import open_study
    from desktop.core import media
    from desktop.core.importing import import_file

    folder = workdir / "player"
    folder.mkdir(parents=True, exist_ok=True)
    recording = folder / "three-hours.wav"
    if not recording.exists():
        part = recording.with_suffix(".part")
        with wave.open(str(part), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(1)
            w.setframerate(RATE)
            silence = b"\x80" * (RATE * 60)
            for _minute in range(HOURS * 60):
                w.writeframes(silence)
        part.replace(recording)
    study = folder / "player.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{study}{suffix}").unlink(missing_ok=True)
    from desktop.bench.vocab import WORDS

    words_of = WORDS.split()
    rng = random.Random(17)
    lines = []
    for i in range(TURNS):
        words = "".join(rng.choice(words_of) + ("，" if rng.random() < 0.2 else "")
                        for _ in range(rng.randint(4, 60)))
        lines.append(f"{NAMES[i % len(NAMES)]}：第{i + 1}段，{words}。")
    source = folder / "five-thousand-turns.txt"
    source.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    db = open_study(study)
    try:
        document_id = import_file(db, source).document_id
        media.attach(db, document_id, recording)
    finally:
        db.close()
    return study, document_id, recording


def player_figure(workdir: Path, runs: int, probe) -> list[Figure]:
    """Seek to random turns `SEEKS_PER_RUN` × `runs` times; each until painted."""
    from desktop.bench.window_figures import ProbeError

    try:
        study, document_id, _recording = make_inputs(workdir)
        home = workdir / "home"
        home.mkdir(exist_ok=True)
        _started, out = probe(["player", str(study), str(document_id), str(runs)], home)
    except (ProbeError, OSError, ValueError) as exc:
        return skipped(f"the player run failed: {exc}")
    if "error" in out:
        return skipped(f"the player run failed: {out['error']}")
    samples = [s for s in out["seeks"] if isinstance(s, int | float)]
    missed = len(out["seeks"]) - len(samples)
    if not samples:
        return skipped("no seek was followed by the turn highlighted and painted")
    fig = Figure(KEY, LABEL, DATA, median=median(samples), samples=samples)
    fig.judge_below(0.05)
    fig.note = (f"slowest {max(samples) * 1000:.0f} ms; {out['turns']} turns, "
                f"{out['duration_ms'] / 3_600_000:.1f} h")
    if missed:
        fig.note += f"; {missed} seek(s) not highlighted"
        fig.passed = False
    return [fig]


def measure(app, study: str, document_id: int, runs: int, wait_for_paint, paint_counter,
            settle) -> dict:
    """In the child: open the window on the study, then time seeks to random turns until
    the follow layer highlights them and the reading view has repainted."""
    from db import open_study
    from desktop.ui.main_window import MainWindow

    db = open_study(Path(study), create=False)
    window = MainWindow(db, Path(study))
    window.resize(1024, 700)
    window.show()
    window.session.open_document(document_id)
    view, player = window.view, window.player
    deadline = time.monotonic() + 60
    while not (view.is_complete and player.loaded is not None
               and player.engine.duration() > 0) and time.monotonic() < deadline:
        settle(app, 0.05)
    settle(app, 0.5)
    counter = paint_counter([view.viewport()])
    app.installEventFilter(counter)
    rng = random.Random(3)
    timed = [i for i, t in enumerate(player.times) if t is not None]
    seeks: list[float | None] = []
    for target in rng.sample(timed, min(len(timed), SEEKS_PER_RUN * runs)):
        before = counter.count
        start = time.monotonic()
        player.seek(player.times[target].start_ms + 5)
        painted = wait_for_paint(app, counter, before, 5.0)
        highlighted = player.follower.layer.index == target
        seeks.append(painted - start if painted is not None and highlighted else None)
    result = {"seeks": seeks, "turns": len(player.times),
              "duration_ms": player.engine.duration()}
    window.close()
    db.close()
    return result
