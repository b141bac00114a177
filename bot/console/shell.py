"""An interactive console: the registry's commands, help, `more` and quit, with readline history
and completion of command names.

Works the same when stdin is not a terminal: it then reads commands line by line, without prompts.
At a terminal, Ctrl-C clears the line (or stops an answer) instead of quitting, long lines wrap at
the terminal's width, and only lines with a command in them are kept in the history. A plain
question ("what did Okafor say?") is answered as the command it stands for, which is shown.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import textwrap
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import TextIO

from bot.console.render import render
from handlers.catalog import default_registry
from handlers.domain import Page
from handlers.errors import UserError
from handlers.intent import slash_line
from handlers.paging import PageRequest, next_page
from handlers.registry import Registry

Ask = Callable[[str, int], object]  # (command line, offset) -> result

PROMPT = "briefbot> "
HISTORY = Path("~/.briefbot_history")
_QUIT = {"quit", "exit", "q", ":q"}
_SHELL_WORDS = ("help", "more", "quit")
_LINKING = re.compile(r"(?i)^(/\w+ )(?:about|on|for|of|by)\s+(?=\S)")


def as_command(line: str, *, today: date | None = None) -> str | None:
    """The command a plain question stands for (handlers.intent.slash_line, the reading @mentions
    use), today's by default; None when it is no clear question."""
    return slash_line(line, today=today or date.today())


class Shell:
    def __init__(
        self,
        ask: Ask,
        *,
        stdin: TextIO,
        stdout: TextIO,
        interactive: bool,
        history: Path | None = HISTORY,
        empty_note: Callable[[], str | None] | None = None,
        width: int | None = None,
        registry: Registry | None = None,
    ) -> None:
        self._ask = ask
        self._registry = registry or default_registry()
        self._names = [c.name for c in self._registry.questions("console")]
        self._empty_note = empty_note
        self._width = width
        self._in = stdin
        self._out = stdout
        self._interactive = interactive
        self._history = history.expanduser() if history else None
        # The last answer's next page (None when it was the last), once a paged answer was given.
        self._asked = False
        self._next: PageRequest | None = None

    def run(self) -> int:
        """Read and answer commands until quit or end of input. Returns the exit code."""
        if self._interactive:
            self._load_history()
            self._print(self.intro())
        try:
            while (line := self._read()) is not None:
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                self._remember(line)
                if line.lower() in _QUIT:
                    break
                try:
                    self._print(self.respond(line))
                except KeyboardInterrupt:
                    if not self._interactive:
                        raise
                    self._print("(stopped)")
        finally:
            if self._interactive:
                self._save_history()
        return 0

    def intro(self) -> str:
        """The first line at a terminal: the commands it answers and how to page and leave."""
        slashes = ", ".join(f"/{name}" for name in self._names)
        return f"briefbot shell: {slashes} (try 'help'); 'more' for the next page; 'quit' to leave."

    def respond(self, line: str) -> str:
        """The text answering one line."""
        word, _, rest = line.partition(" ")
        if word.lower() in {"help", "/help", "?"}:
            return self._registry.help_text(rest or None)
        if word.lower() == "more":
            if not self._asked:
                return "Nothing to continue: ask something first."
            if self._next is None:
                return "That was all: there is no next page."
            return self._answer(self._next.line(), self._next.offset)
        return self._answer(line, 0)

    def _answer(self, line: str, offset: int) -> str:
        said_as = ""
        if not line.startswith("/"):
            word = line.split()[0].lower()
            plain = None if word in self._names else as_command(line)
            if plain is not None:
                line, said_as = plain, f"(as {plain})\n"
            elif word in self._names:
                line = "/" + line
                # "figures about jobs": the linking word is no topic (the heading would echo it)
                bare = _LINKING.sub(r"\1", line, count=1)
                if bare != line:
                    line, said_as = bare, f"(as {bare})\n"
            else:
                return self._not_a_command(line)
        try:
            result = self._ask(line, offset)
        except UserError as exc:
            return f"Sorry: {exc}"
        page = getattr(result, "page", None)
        if isinstance(page, Page):
            question, _, text = line.lstrip("/").partition(" ")
            self._asked, self._next = True, next_page(question.lower(), text, page)
            note = self._empty_note() if self._empty_note and not page.total else None
            if note:
                return note
        return said_as + render(result)

    def _not_a_command(self, line: str) -> str:
        slashes = [f"/{name}" for name in self._names]
        answers = ", ".join(slashes[:-1]) + f" and {slashes[-1]}" if len(slashes) > 1 else "".join(slashes)
        tries = [f"{s} {line}" for s in slashes]
        example = ", ".join(tries[:-1]) + f" or {tries[-1]}" if len(tries) > 1 else "".join(tries)
        return f"I answer {answers} (try 'help'). For example: {example}"

    def complete(self, text: str, state: int) -> str | None:
        """readline's completer: the registry's command names (with or without "/") and the shell's words."""
        slash = text.startswith("/")
        words = [f"/{n}" for n in self._names] if slash else [*self._names, *_SHELL_WORDS]
        matches = [w + " " for w in words if w.startswith(text.lower())]
        return matches[state] if state < len(matches) else None

    def _read(self) -> str | None:
        if self._interactive:
            try:
                return input(PROMPT)
            except EOFError:
                self._print("")
                return None
            except KeyboardInterrupt:  # Ctrl-C clears the line, as in a shell; Ctrl-D or quit leaves
                self._print("")
                return ""
        line = self._in.readline()
        return line if line else None

    def _print(self, text: str) -> None:
        width = self._width or (shutil.get_terminal_size().columns if self._interactive else 0)
        if width >= 20:
            text = "\n".join(_wrap(line, width) for line in text.split("\n"))
        self._out.write(text + "\n")
        self._out.flush()

    def _remember(self, line: str) -> None:
        """Keep a line in the history (readline's own keeping is off: it kept blank lines too)."""
        readline = _readline() if self._interactive else None
        if readline is None:
            return
        count = readline.get_current_history_length()
        if count == 0 or readline.get_history_item(count) != line:
            readline.add_history(line)

    def _load_history(self) -> None:
        readline = _readline()
        if readline:
            readline.set_auto_history(False)
            if hasattr(readline, "set_completer"):
                readline.set_completer(self.complete)
                readline.parse_and_bind("tab: complete")
        if readline and self._history and self._history.exists():
            with contextlib.suppress(OSError):
                readline.read_history_file(str(self._history))

    def _save_history(self) -> None:
        readline = _readline()
        if readline and self._history:
            readline.set_history_length(1000)
            with contextlib.suppress(OSError):
                readline.write_history_file(str(self._history))


def _wrap(line: str, width: int) -> str:
    """A long line wrapped at `width`, its continuation lines indented under its text."""
    if len(line) <= width:
        return line
    indent = " " * (len(line) - len(line.lstrip()))
    hang = indent + ("  " if line.lstrip().startswith(("•", "-", "*")) else "")
    return textwrap.fill(line, width=width, subsequent_indent=hang, break_on_hyphens=False)


def _readline() -> ModuleType | None:
    try:
        import readline
    except ImportError:  # Windows without pyreadline: the shell still works, without history
        return None
    return readline
