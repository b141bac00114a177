"""An interactive console: the three slash commands, help, `more` and quit, with readline history.

Works the same when stdin is not a terminal: it then reads commands line by line, without prompts.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TextIO

from bot.console.render import render
from handlers.ask import Answer, HelpResult
from handlers.help import help_text
from handlers.results import QueryError

Ask = Callable[[str, int], Answer]  # (command line, offset) -> answer

PROMPT = "briefbot> "
HISTORY = Path("~/.briefbot_history")
_QUIT = {"quit", "exit", "q", ":q"}
_INTRO = (
    "briefbot shell: /timeline, /whosaid, /figures (try 'help'); 'more' for the next page; 'quit' to leave."
)


class Shell:
    def __init__(
        self, ask: Ask, *, stdin: TextIO, stdout: TextIO, interactive: bool, history: Path | None = HISTORY
    ) -> None:
        self._ask = ask
        self._in = stdin
        self._out = stdout
        self._interactive = interactive
        self._history = history.expanduser() if history else None
        # The last answer's line, and the offset of its next page (None when it was the last page).
        self._last: tuple[str, int | None] | None = None

    def run(self) -> int:
        """Read and answer commands until quit or end of input. Returns the exit code."""
        if self._interactive:
            self._load_history()
            self._print(_INTRO)
        try:
            while (line := self._read()) is not None:
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                if line.lower() in _QUIT:
                    break
                self._print(self.respond(line))
        finally:
            if self._interactive:
                self._save_history()
        return 0

    def respond(self, line: str) -> str:
        """The text answering one line."""
        word, _, rest = line.partition(" ")
        if word.lower() in {"help", "/help", "?"}:
            return help_text(rest or None)
        if word.lower() == "more":
            if self._last is None:
                return "Nothing to continue: ask something first."
            line, next_offset = self._last
            if next_offset is None:
                return "That was all: there is no next page."
            return self._answer(line, next_offset)
        return self._answer(line, 0)

    def _answer(self, line: str, offset: int) -> str:
        if not line.startswith("/"):
            line = "/" + line
        try:
            result = self._ask(line, offset)
        except QueryError as exc:
            return f"Sorry: {exc}"
        if not isinstance(result, HelpResult):
            page = result.page
            self._last = (line, page.offset + page.limit if page.has_more else None)
        return render(result)

    def _read(self) -> str | None:
        if self._interactive:
            try:
                return input(PROMPT)
            except EOFError:
                self._print("")
                return None
        line = self._in.readline()
        return line if line else None

    def _print(self, text: str) -> None:
        self._out.write(text + "\n")
        self._out.flush()

    def _load_history(self) -> None:
        readline = _readline()
        if readline and self._history and self._history.exists():
            with contextlib.suppress(OSError):
                readline.read_history_file(str(self._history))

    def _save_history(self) -> None:
        readline = _readline()
        if readline and self._history:
            readline.set_history_length(1000)
            with contextlib.suppress(OSError):
                readline.write_history_file(str(self._history))


def _readline() -> ModuleType | None:
    try:
        import readline
    except ImportError:  # Windows without pyreadline: the shell still works, without history
        return None
    return readline
