"""Text from articles, made harmless for a terminal: no escape sequences, no invisible reordering.

An article is written by strangers. Printed as is, "\\x1b]0;...\\x07" retitles the terminal window,
"\\x1b[2J" clears it, and U+202E (right-to-left override) shows a line in an order it was not written
in. `terminal_safe` writes every such character as a visible `\\uXXXX` escape instead, keeping
newlines and tabs (the layout needs them). The escape is JSON's own, so a JSON line passed through
it still decodes to the same strings.

`terminal_safe_stdout` applies it to everything a command prints on stdout: one place, whatever the
printer (renderers, the shell, `articles show`, `extract`).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO, cast

_UNSAFE = re.compile(
    "["
    "\x00-\x08\x0b-\x1f\x7f"  # C0 controls and DEL, except tab and newline
    "\x80-\x9f"  # C1 controls (U+009B is a one-character CSI on some terminals)
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidirectional marks, embeddings, overrides, isolates
    "]"
)


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def terminal_safe(text: str) -> str:
    """`text` with every control character but newline and tab, and every bidi control, escaped."""
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")  # a Windows line end is a line end, not a carriage return
    return _UNSAFE.sub(_escaped, text)


class TerminalSafeWriter:
    """A text stream that passes what is written through `terminal_safe`; the rest is the stream's."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(terminal_safe(text))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        # flush, fileno, isatty, encoding...: input() and readline still see the real terminal.
        return getattr(self._stream, name)


@contextmanager
def terminal_safe_stdout() -> Iterator[None]:
    """While inside, sys.stdout escapes what `terminal_safe` escapes (the previous stdout comes back)."""
    original = sys.stdout
    sys.stdout = cast(TextIO, TerminalSafeWriter(original))
    try:
        yield
    finally:
        sys.stdout = original
