"""`briefbot serve` as a real process: $PORT, /healthz, a signed command answered; clear config errors."""

from __future__ import annotations

import hashlib
import hmac
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx

from bot.slack.limits import violations
from tests.e2e.fake_slack import FakeSlack

ROOT = Path(__file__).resolve().parents[2]
SECRET = "process-secret"


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SLACK_", "BRIEFBOT_")) and k not in ("DATABASE_URL", "PORT")
    }
    env.update(PYTHONPATH=str(ROOT), DATABASE_URL=f"sqlite:///{tmp_path / 'serve.db'}", **extra)
    return env


def signed_post(base: str, body: str, secret: str) -> httpx.Response:
    """A slash command form POSTed to a served app, signed with `secret` as Slack signs it."""
    ts = str(int(time.time()))
    signature = "v0=" + hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return httpx.post(
        f"{base}/slack/events",
        content=body,
        timeout=10,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": signature,
        },
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_without_signing_secret_names_the_missing_variable(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "serve"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=_env(tmp_path, SLACK_BOT_TOKEN="xoxb-x"),
        timeout=60,
    )
    assert done.returncode == 2
    assert "SLACK_SIGNING_SECRET" in done.stderr and "SLACK_BOT_TOKEN" not in done.stderr


def test_serve_process_listens_on_port_and_answers_a_signed_command(tmp_path: Path) -> None:
    fake = FakeSlack().start()
    port = _free_port()
    env = _env(
        tmp_path,
        PORT=str(port),
        SLACK_BOT_TOKEN="xoxb-proc",
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=fake.api_url,
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "serve", "--host", "127.0.0.1"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60  # a busy machine starts Python slowly
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None, process.stdout.read().decode() if process.stdout else ""
            assert time.monotonic() < deadline, "server did not come up"
            time.sleep(0.1)
        body = urlencode(
            {
                "token": "t",
                "team_id": "T0001",
                "channel_id": "C0001",
                "user_id": "U1",
                "command": "/timeline",
                "text": "anything at all",
                "trigger_id": "1.2.3",
                "response_url": fake.response_url("proc"),
            }
        )
        assert signed_post(base, body, SECRET).status_code == 200
        [message] = fake.wait_for_response("proc", timeout=10)
        assert violations(message) == []
        assert message["text"].startswith("No articles stored yet")  # an empty store says so
        assert fake.api_calls("auth.test"), "the bot token is checked against SLACK_API_URL at start"
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout:
            process.stdout.close()
        fake.stop()
