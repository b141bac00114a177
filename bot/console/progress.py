"""A one-line progress bar on stderr, drawn only when stderr is a terminal (logs stay clean)."""

from __future__ import annotations

import sys
from typing import TextIO

WIDTH = 30


class Progress:
    def __init__(self, total: int, *, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.total = total
        self.done = 0
        self._stream = stream or sys.stderr
        self._on = (self._stream.isatty() and total > 1) if enabled is None else enabled

    def step(self, label: str) -> None:
        """Mark one more item done; `label` names the item just finished."""
        self.done += 1
        if not self._on:
            return
        filled = WIDTH * self.done // max(self.total, 1)
        bar = "#" * filled + "-" * (WIDTH - filled)
        self._stream.write(f"\r[{bar}] {self.done}/{self.total} {label[-40:]:<40}")
        self._stream.flush()

    def clear(self) -> None:
        """Erase the bar so the lines printed next start clean."""
        if self._on:
            self._stream.write("\r" + " " * (WIDTH + 55) + "\r")
            self._stream.flush()
