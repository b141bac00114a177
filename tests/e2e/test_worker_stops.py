"""`briefbot worker` stops promptly on SIGINT and SIGTERM, even while a feed dribbles a byte at a time.

The worker used to ask the scheduler to stop and then wait for the running poll, which a slow server
could hold for minutes. Now the signal cuts the fetches in flight, and the poll ends recording nothing.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bot.cli import main
from tests.e2e.cli_support import sqlite_env
from tests.e2e.dribble_server import DribbleServer

ROOT = Path(__file__).resolve().parents[2]
PROMPT = 5.0  # seconds from the signal to the exit


@pytest.fixture
def server() -> Iterator[DribbleServer]:
    s = DribbleServer(every=0.5, content_type="application/rss+xml").start()
    yield s
    s.stop()


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_the_worker_exits_within_seconds_of_a_signal_mid_poll(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, server: DribbleServer, signum: int
) -> None:
    db = sqlite_env(tmp_path, monkeypatch)
    opml = tmp_path / "slow.opml"
    opml.write_text(
        f'<opml version="2.0"><body><outline text="Slow" xmlUrl="{server.url("/rss")}"/></body></opml>'
    )
    assert main(["sources", "import", str(opml)]) == 0
    env = {
        **os.environ,
        "DATABASE_URL": db,
        "BRIEFBOT_ALLOW_PRIVATE_FETCH": "1",
        "BRIEFBOT_FETCH_DEADLINE": "300",  # the deadline is not what ends this poll: the signal is
        "PYTHONPATH": str(ROOT),
    }
    env.pop("SLACK_BOT_TOKEN", None)
    worker = subprocess.Popen(
        [sys.executable, "-m", "bot", "worker", "--every", "5"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert server.hit.wait(60), "the worker never polled the feed"
        time.sleep(0.5)  # mid-poll: the body is arriving a byte at a time
        worker.send_signal(signum)
        start = time.monotonic()
        try:
            worker.wait(timeout=PROMPT + 10)
        except subprocess.TimeoutExpired:
            pytest.fail(f"the worker was still running {PROMPT + 10:g} s after the signal")
        took = time.monotonic() - start
        log, _ = worker.communicate()
        assert took < PROMPT, f"took {took:.1f} s to stop:\n{log}"
        assert worker.returncode == 0, log
        assert "stopping" in log and "Traceback" not in log, log
    finally:
        if worker.poll() is None:
            worker.kill()
        if worker.stdout and not worker.stdout.closed:
            worker.communicate()  # reaps it and closes the pipe
    # A stopped poll records nothing: the source is still due, with no error charged to it.
    with create_engine(db).connect() as conn:
        row = conn.execute(text("SELECT last_polled_at, consecutive_failures FROM sources")).one()
    assert row == (None, 0)
