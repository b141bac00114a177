"""What `briefbot serve` writes to its log: one access line a request, no noise, no request bodies."""

from __future__ import annotations

import logging
import subprocess
import sys
import time
from urllib.parse import urlencode

import httpx
import pytest

from tests.e2e.fake_slack import FakeSlack
from tests.e2e.test_slack_serve_process import _env, _free_port, signed_post

SECRET = "logs-secret"


def _command(fake: FakeSlack, name: str, text: str) -> str:
    return urlencode(
        {
            "token": "t",
            "team_id": "T0001",
            "channel_id": "C0001",
            "user_id": "U1",
            "command": "/timeline",
            "text": text,
            "trigger_id": "1.2.3",
            "response_url": fake.response_url(name),
        }
    )


def _post(base: str, body: str, secret: str) -> int:
    return signed_post(base, body, secret).status_code


@pytest.fixture
def served_log(tmp_path: object) -> str:
    """The log of a serve process that got one good command and one with a bad signature."""
    fake = FakeSlack().start()
    port = _free_port()
    env = _env(
        tmp_path,  # type: ignore[arg-type]
        PORT=str(port),
        SLACK_BOT_TOKEN="xoxb-logs",
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=fake.api_url,
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "serve", "--host", "127.0.0.1"],
        env=env,
        cwd=str(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60  # a busy machine starts Python slowly
        while True:
            try:
                httpx.get(f"{base}/nothing-here", timeout=1)
                break
            except httpx.TransportError:
                assert process.poll() is None, "server exited"
                assert time.monotonic() < deadline, "server did not come up"
                time.sleep(0.1)
        assert _post(base, _command(fake, "good", "harbour"), SECRET) == 200
        fake.wait_for_response("good", timeout=10)
        assert _post(base, _command(fake, "bad", "secretive-body-words"), "wrong-secret") == 401
        time.sleep(0.5)
    finally:
        process.terminate()
        out, _ = process.communicate(timeout=10)
        fake.stop()
    return out.decode()


def test_serve_log_has_one_access_line_a_request_and_no_noise(served_log: str) -> None:
    lines = served_log.splitlines()
    access = [line for line in lines if "briefbot.access" in line]
    # The probe before the server was up, the good command, the bad one: one line each.
    assert len([line for line in access if "/slack/events" in line]) == 2, served_log
    assert any("POST /slack/events 200" in line for line in access), served_log
    assert any("POST /slack/events 401" in line for line in access), served_log
    assert "token` will be unused" not in served_log
    assert (
        "setup plugin" not in served_log
        and "Context impl" not in served_log
        and "non-transactional DDL" not in served_log
    )
    assert "secretive-body-words" not in served_log  # the body of a request that failed its signature
    assert "signature" in served_log.lower()  # the refusal itself is still logged


def test_socket_mode_writes_one_access_line_a_request(caplog: pytest.LogCaptureFixture) -> None:
    from slack_sdk.socket_mode.request import SocketModeRequest

    from bot.bootstrap import build_slack_app
    from bot.settings import Settings
    from bot.slack.socket_mode import LoggedSocketModeHandler
    from tests.e2e.test_slack_modes import Container, SlowQuestions

    class Client:
        def __init__(self) -> None:
            self.sent: list[object] = []
            self.logger = logging.getLogger("fake-socket-client")

        def send_socket_mode_response(self, response: object) -> None:
            self.sent.append(response)

    fake = FakeSlack().start()
    try:
        settings = Settings(
            _env_file=None, SLACK_BOT_TOKEN="xoxb-1", SLACK_APP_TOKEN="xapp-1", SLACK_API_URL=fake.api_url
        )
        app = build_slack_app(Container(), settings, mode="socket", door=SlowQuestions(0))  # type: ignore[arg-type]
        handler = LoggedSocketModeHandler.__new__(LoggedSocketModeHandler)  # no connection: handle() alone
        handler.app = app
        body = {
            "command": "/timeline",
            "text": "x",
            "user_id": "U1",
            "channel_id": "C1",
            "team_id": "T1",
            "response_url": fake.response_url("sock"),
        }
        client = Client()
        with caplog.at_level(logging.INFO, logger="briefbot.access"):
            handler.handle(client, SocketModeRequest(type="slash_commands", envelope_id="e1", payload=body))  # type: ignore[arg-type]
        assert len(client.sent) == 1
        lines = [r.getMessage() for r in caplog.records if r.name == "briefbot.access"]
        assert len(lines) == 1 and lines[0].startswith("socket /timeline 200"), lines
        fake.wait_for_response("sock", timeout=5)
    finally:
        fake.stop()
