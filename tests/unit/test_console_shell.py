"""The interactive shell at a terminal: Ctrl-C clears the line, plain questions, wrapping, history."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from bot.console import shell as shell_module
from bot.console.shell import Shell, as_command
from handlers.ask import Answer, answer
from tests.fakes import FakeUnitOfWork


class FakeReadline:
    def __init__(self) -> None:
        self.history: list[str] = []
        self.auto = True

    def set_auto_history(self, on: bool) -> None:
        self.auto = on

    def add_history(self, line: str) -> None:
        self.history.append(line)

    def get_current_history_length(self) -> int:
        return len(self.history)

    def get_history_item(self, index: int) -> str:
        return self.history[index - 1]

    def read_history_file(self, path: str) -> None: ...
    def write_history_file(self, path: str) -> None: ...
    def set_history_length(self, n: int) -> None: ...


def _typed(monkeypatch: pytest.MonkeyPatch, *keys: str | type[BaseException]) -> None:
    """Make input() return these lines, or raise these exceptions (KeyboardInterrupt for Ctrl-C)."""
    it: Iterator[str | type[BaseException]] = iter(keys)

    def fake_input(prompt: str = "") -> str:
        key = next(it, EOFError)
        if isinstance(key, type):
            raise key
        return key

    monkeypatch.setattr("builtins.input", fake_input)


def _ask(line: str, offset: int) -> Answer:
    return answer(line, uow=FakeUnitOfWork(), today=date(2025, 9, 10), offset=offset)


def _interactive(
    readline: FakeReadline, monkeypatch: pytest.MonkeyPatch, width: int = 100
) -> tuple[Shell, io.StringIO]:
    monkeypatch.setattr(shell_module, "_readline", lambda: readline)
    out = io.StringIO()
    return Shell(_ask, stdin=io.StringIO(), stdout=out, interactive=True, history=None, width=width), out


def test_ctrl_c_clears_the_line_and_the_shell_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    _typed(monkeypatch, "/timel", KeyboardInterrupt, "help whosaid", EOFError)
    shell, out = _interactive(FakeReadline(), monkeypatch)
    assert shell.run() == 0
    assert "/whosaid [person|topic]" in out.getvalue()  # answered after the Ctrl-C


def test_blank_and_repeated_lines_are_not_kept_in_history(monkeypatch: pytest.MonkeyPatch) -> None:
    readline = FakeReadline()
    _typed(monkeypatch, "help", "   ", "", "help", "/figures ships", "quit")
    shell, _ = _interactive(readline, monkeypatch)
    shell._load_history()
    shell.run()
    assert readline.auto is False
    assert readline.history == ["help", "/figures ships", "quit"]


def test_long_lines_wrap_at_the_terminal_width(monkeypatch: pytest.MonkeyPatch) -> None:
    _typed(monkeypatch, "help", "quit")
    shell, out = _interactive(FakeReadline(), monkeypatch, width=40)
    shell.run()
    lines = out.getvalue().splitlines()
    assert lines and max(len(line) for line in lines) <= 40


@pytest.mark.parametrize(
    ("question", "command"),
    [
        ("what did Zelensky say?", "/whosaid Zelensky"),
        ("What has Ada Okafor said about wages?", "/whosaid Ada Okafor wages"),
        ("who said what about the strike?", "/whosaid strike"),
        ("what happened in Velmora?", "/timeline Velmora"),
        ("how many containers were stuck?", "/figures containers stuck"),
        ("Velmora", None),
    ],
)
def test_a_plain_question_is_the_command_it_stands_for(question: str, command: str | None) -> None:
    assert as_command(question) == command


def test_the_shell_says_which_command_it_answered(tmp_path: Path) -> None:
    out = io.StringIO()
    shell = Shell(_ask, stdin=io.StringIO("what did Zelensky say?\n"), stdout=out, interactive=False)
    shell.run()
    assert out.getvalue().startswith("(as /whosaid Zelensky)\n")


@pytest.mark.parametrize(
    ("typed", "heading"),
    [
        ("figures about jobs", "(as /figures jobs)\nNothing found for jobs."),
        ("whosaid by Okafor", "(as /whosaid Okafor)\nNothing found for Okafor."),
        (
            "timeline on harbour since 2025-09-01",
            "(as /timeline harbour since 2025-09-01)\nNothing found for harbour",
        ),
        ("timeline harbour", "Nothing found for harbour."),
    ],
)
def test_a_command_word_with_a_linking_word_searches_the_topic_alone(typed: str, heading: str) -> None:
    out = io.StringIO()
    Shell(_ask, stdin=io.StringIO(typed + "\n"), stdout=out, interactive=False).run()
    assert out.getvalue().startswith(heading), out.getvalue()
