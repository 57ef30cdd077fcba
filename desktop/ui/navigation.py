"""Back and forward through jumps (search results, panel clicks, compare cells)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Place:
    """A document and a code-point offset in it."""

    document_id: int
    offset: int


@dataclass
class JumpHistory:
    """Browser-like history: a jump records where we were; back and forward walk it."""

    limit: int = 200
    _back: list[Place] = field(default_factory=list)
    _forward: list[Place] = field(default_factory=list)

    def record(self, here: Place | None) -> None:
        """Call before jumping away from `here`."""
        if here is None:
            return
        if not self._back or self._back[-1] != here:
            self._back.append(here)
            del self._back[: -self.limit]
        self._forward.clear()

    def back(self, here: Place | None) -> Place | None:
        """Where to go back to (and remember `here` for forward)."""
        if not self._back:
            return None
        if here is not None:
            self._forward.append(here)
        return self._back.pop()

    def forward(self, here: Place | None) -> Place | None:
        """Where to go forward to."""
        if not self._forward:
            return None
        if here is not None:
            self._back.append(here)
        return self._forward.pop()
