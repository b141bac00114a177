"""Article text printed by the CLI carries no escape sequences or bidi overrides to the terminal.

A stored article whose title retitles the terminal window ("\\x1b]0;...\\x07"), whose quote clears
the screen ("\\x1b[2J") and reverses a line (U+202E): `ask`, `articles show`, `shell` and `extract
FILE` print all of it as visible escapes.
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.console.safe_text import terminal_safe
from tests.e2e.cli_support import container, sqlite_env

Capture = pytest.CaptureFixture[str]

HOSTILE = (
    "Title: Ferry \x1b]0;pwned\x07 strike\n"
    "Outlet: Islands Gazette\n"
    "Published: 2030-06-02\n"
    "URL: https://gazette.example/ferry\n\n"
    '"We stay out\x1b[2J until \u202etsil eht\u202c is fixed," said Rosa Tamm on Monday.\n'
    "The strike has stranded 340 passengers at the pier.\n"
)
# Anything a terminal acts on: C0 but tab and newline, DEL, C1, bidi controls.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def stored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> Path:
    sqlite_env(tmp_path, monkeypatch)
    (tmp_path / "ferry.txt").write_text(HOSTILE, encoding="utf-8")
    assert main(["ingest", "ferry.txt"], container=container()) == 0
    capsys.readouterr()
    return tmp_path


def _printed(capsys: Capture) -> str:
    out = capsys.readouterr().out
    assert not UNSAFE.search(out), repr(out)
    return out


def test_ask_prints_the_quote_escaped(stored: Path, capsys: Capture) -> None:
    assert main(["ask", "/whosaid Tamm"], container=container()) == 0
    out = _printed(capsys)
    assert "Rosa Tamm" in out and "We stay out\\u001b[2J until \\u202etsil eht\\u202c is fixed" in out


def test_articles_show_prints_the_title_escaped(stored: Path, capsys: Capture) -> None:
    assert main(["articles", "show", "1"], container=container()) == 0
    assert "Ferry \\u001b]0;pwned\\u0007 strike" in _printed(capsys)


def test_the_shell_prints_answers_escaped(
    stored: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("/whosaid Tamm\nquit\n"))
    assert main(["shell"], container=container()) == 0
    assert "\\u001b[2J" in _printed(capsys)


def test_extract_file_prints_the_text_escaped(stored: Path, capsys: Capture) -> None:
    assert main(["extract", "ferry.txt"]) == 0
    _printed(capsys)


def test_terminal_safe_keeps_layout_and_ordinary_text() -> None:
    assert terminal_safe("Zoë said “no”\n\tNaïve café — 5 €\r\n") == "Zoë said “no”\n\tNaïve café — 5 €\n"
    assert terminal_safe("a\rb\x9bc\u2066d") == "a\\u000db\\u009bc\\u2066d"
