"""`briefbot extract --jsonl` starts light: only the extract command's module, and no Slack, SQL,
HTTP or scheduler library (issue 22; its start-up on empty input is in the README)."""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import COMMANDS, command_modules

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("slack_bolt", "slack_sdk", "sqlalchemy", "apscheduler", "httpx", "trafilatura", "feedparser")
_RUN_AND_LIST_MODULES = """
import json, runpy, sys
sys.argv = ["briefbot", "extract", "--jsonl"]
try:
    runpy.run_module("bot", run_name="__main__")
except SystemExit:
    pass
sys.stderr.write(json.dumps(sorted(sys.modules)))
"""


def _modules_after_extract(stdin: str) -> tuple[str, set[str]]:
    done = subprocess.run(
        [sys.executable, "-c", _RUN_AND_LIST_MODULES],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    return done.stdout, set(json.loads(done.stderr))


@pytest.mark.parametrize("stdin", ["", '{"id": "a", "text": "The council met on Monday, officials said."}\n'])
def test_extract_jsonl_imports_no_slack_sql_http_or_scheduler(stdin: str) -> None:
    out, modules = _modules_after_extract(stdin)
    loaded = sorted(m for m in modules if m.split(".")[0] in HEAVY)
    assert loaded == []
    assert not any(m.startswith("bot.cli.") and m != "bot.cli.extract_cmd" for m in modules)
    if stdin:
        assert json.loads(out)["id"] == "a"  # and the extraction itself still ran
    else:
        assert out == "" and "extract.pipeline" not in modules  # nothing to read: no engine loaded


def test_each_command_is_declared_with_the_module_that_adds_it() -> None:
    for name, commands in COMMANDS:
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(f"bot.cli.{name}").register(sub)
        assert tuple(sub.choices) == commands, name
    modules = {p.stem for p in (ROOT / "bot" / "cli").glob("*_cmd.py")}
    assert modules == {name for name, _ in COMMANDS}


def test_a_command_loads_its_module_alone_and_the_help_loads_them_all() -> None:
    assert [m.__name__ for m in command_modules(["extract", "--jsonl"])] == ["bot.cli.extract_cmd"]
    assert [m.__name__ for m in command_modules(["socket"])] == ["bot.cli.slack_cmd"]
    everything = [f"bot.cli.{name}" for name, _ in COMMANDS]
    for argv in ([], ["--help"], ["--help", "extract"], ["no-such-command"]):
        assert [m.__name__ for m in command_modules(argv)] == everything
