"""Recordings made in the test: WAV files of tones and silence, with Python's `wave`."""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 8000


def write_wav(path: Path, seconds: float, *, tone_every: float = 2.0) -> Path:
    """A mono 16-bit WAV of `seconds`: a short 440 Hz tone at the start of every
    `tone_every` seconds, silence between."""
    frames = bytearray()
    for n in range(int(seconds * RATE)):
        t = n / RATE
        level = 8000 * math.sin(2 * math.pi * 440 * t) if (t % tone_every) < 0.2 else 0
        frames += struct.pack("<h", int(level))
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(bytes(frames))
    return path
