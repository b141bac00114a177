"""The first ten minutes, as a newcomer types them in a fresh directory: `briefbot demo`, then the
question it suggests, then an article of their own with no date; and an empty database, and the
shell. Each step runs the real `briefbot` process (python -m bot) and checks what it prints."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

OWN_ARTICLE = """Harbour cranes stand still

Crane drivers at the Lindholm container terminal stopped work on Tuesday over a new shift plan.
"Nobody asked us," said Mirja Salo, who speaks for the drivers.
"""


def briefbot(cwd: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "BRIEFBOT_", "DATABASE_URL"))}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_demo_then_ask_then_ingest_an_undated_text(tmp_path: Path) -> None:
    demo = briefbot(tmp_path, "demo")
    assert demo.returncode == 0, demo.stderr
    assert 'briefbot ask "/timeline Velmora"' in demo.stdout
    assert demo.stderr == ""  # no migration lines, no warnings

    asked = briefbot(tmp_path, "ask", "/timeline Velmora")
    assert asked.returncode == 0 and asked.stderr == ""
    assert asked.stdout.startswith("Timeline: Velmora") and "The Harbour Post" in asked.stdout

    (tmp_path / "cranes.txt").write_text(OWN_ARTICLE, encoding="utf-8")
    ingested = briefbot(tmp_path, "ingest", "cranes.txt")
    assert ingested.returncode == 0, ingested.stderr
    today = date.today().isoformat()
    assert f"stored article 8 (no date found in it: read as of today, {today})" in ingested.stdout
    assert "to date it: briefbot ingest --published DATE cranes.txt" in ingested.stdout

    redated = briefbot(tmp_path, "ingest", "--published", "3 March 2025", "cranes.txt")
    assert "re-dated article 8 (was undated; dated 2025-03-03, as given)" in redated.stdout
    asked = briefbot(tmp_path, "ask", "/whosaid Salo")
    assert "Mirja Salo" in asked.stdout and "2025-03-03" in asked.stdout


def test_an_empty_database_says_so_and_how_to_add_articles(tmp_path: Path) -> None:
    asked = briefbot(tmp_path, "ask", "/timeline Velmora")
    assert asked.returncode == 0
    assert "No articles stored yet" in asked.stdout and "briefbot ingest FILE_OR_URL" in asked.stdout
    assert "briefbot demo" in asked.stdout


def test_the_shell_answers_a_plain_question_after_the_demo(tmp_path: Path) -> None:
    briefbot(tmp_path, "demo")
    shell = briefbot(tmp_path, "shell", stdin="what did Okafor say?\n\nVelmora\nquit\n")
    assert shell.returncode == 0
    assert "(as /whosaid Okafor)\nQuotes by Ada Okafor" in shell.stdout
    assert "/timeline Velmora, /whosaid Velmora or /figures Velmora" in shell.stdout
