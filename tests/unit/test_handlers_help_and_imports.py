import ast
from pathlib import Path

import pytest

from handlers.help import help_text, is_help_request

FORBIDDEN = {"slack_bolt", "slack_sdk", "sqlalchemy", "httpx", "apscheduler", "store", "bot"}


def test_handlers_import_no_slack_sqlalchemy_httpx_apscheduler_or_outer_layers() -> None:
    offenders = []
    for path in Path("handlers").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            offenders += [f"{path}: {n}" for n in names if n.split(".")[0] in FORBIDDEN]
    assert list(Path("handlers").rglob("*.py")), "run from the project root"
    assert offenders == []


@pytest.mark.parametrize("command", ["timeline", "/whosaid", "FIGURES"])
def test_help_for_each_command_shows_its_grammar(command: str) -> None:
    text = help_text(command)
    name = command.strip("/").lower()
    assert text.startswith(f"/{name} [") and "since DATE" in text and "limit N" in text


def test_general_help_lists_all_three_commands() -> None:
    text = help_text()
    assert all(f"/{c} [" in text for c in ("timeline", "whosaid", "figures"))


@pytest.mark.parametrize(
    ("text", "expected"), [("help", True), (" ? ", True), ("helpers", False), ("", False)]
)
def test_help_request_is_recognised(text: str, expected: bool) -> None:
    assert is_help_request(text) is expected


def test_timeline_help_says_the_order_answers_use() -> None:
    # Answers read "Timeline: ..., latest first": the help must not promise date order.
    text = help_text("timeline")
    assert "latest first" in text and "date order" not in text
