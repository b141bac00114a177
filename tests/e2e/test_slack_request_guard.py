"""What reaches Bolt: oversized, unsigned, replayed and malformed requests stop at the door, cheaply.

The WSGI app is the one `briefbot serve` runs, called in-process (to see exactly what it reads) and
served by waitress on a free port (to see what a client on the wire gets, and how fast).
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import socket
import time
from collections.abc import Iterator
from datetime import date
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from slack_bolt import App

from bot.bootstrap import build_slack_app
from bot.settings import Settings
from bot.slack.request_guard import MAX_BODY_BYTES, SeenSignatures, signature_valid
from bot.slack.server import create_server, make_wsgi_app
from tests.e2e.fake_slack import FakeSlack
from tests.e2e.waitress_thread import ServerThread
from tests.fakes import FakeUnitOfWork, FixedClock

SECRET = "guard-signing-secret"


class Container:
    clock = FixedClock(date(2025, 9, 10))

    def __init__(self) -> None:
        self._uow = FakeUnitOfWork()

    def uow(self) -> FakeUnitOfWork:
        return self._uow


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeSlack]:
    server = FakeSlack().start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def app(fake: FakeSlack) -> App:
    settings = Settings(
        _env_file=None, SLACK_BOT_TOKEN="xoxb-1", SLACK_SIGNING_SECRET=SECRET, SLACK_API_URL=fake.api_url
    )
    return build_slack_app(Container(), settings)


@pytest.fixture(scope="module")
def url(app: App) -> Iterator[str]:
    server = create_server(make_wsgi_app(app), host="127.0.0.1", port=0, threads=4)
    running = ServerThread(server).start()
    yield f"http://127.0.0.1:{server.effective_port}/slack/events"
    running.stop()


def signed(body: bytes, *, timestamp: int | None = None, content_type: str = "") -> dict[str, str]:
    ts = str(int(time.time()) if timestamp is None else timestamp)
    mac = hmac.new(SECRET.encode(), f"v0:{ts}:".encode() + body, hashlib.sha256).hexdigest()
    headers = {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={mac}"}
    headers["Content-Type"] = content_type or "application/x-www-form-urlencoded"
    return headers


def command(fake: FakeSlack, name: str, text: str = "help") -> bytes:
    return urlencode(
        {
            "team_id": "T0001",
            "channel_id": "C0001",
            "user_id": "UMEMBER",
            "command": "/briefbot",
            "text": text,
            "api_app_id": "A0001",
            "response_url": fake.response_url(name),
            "trigger_id": "1.2.3",
        }
    ).encode()


class CountingInput(io.BytesIO):
    """wsgi.input that records how many bytes the app asked for."""

    asked = 0

    def read(self, size: int | None = -1) -> bytes:
        self.asked += size if size is not None and size >= 0 else 1 << 30
        return super().read(size)


def call(
    app: App, body: bytes, headers: dict[str, str], *, length: int | None = None
) -> tuple[str, bytes, int]:
    """The WSGI app called in-process: status line, body and how many body bytes it read."""
    stream = CountingInput(body)
    environ: dict[str, Any] = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/slack/events",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "QUERY_STRING": "",
        "CONTENT_LENGTH": str(len(body) if length is None else length),
        "CONTENT_TYPE": headers.pop("Content-Type", ""),
        "wsgi.input": stream,
    }
    for name, value in headers.items():
        environ["HTTP_" + name.upper().replace("-", "_")] = value
    statuses: list[str] = []
    answer = b"".join(make_wsgi_app(app)(environ, lambda s, h, e=None: statuses.append(s)))  # type: ignore[arg-type]
    return statuses[0], answer, stream.asked


def test_an_oversized_body_is_413_before_it_is_read(app: App) -> None:
    status, _, asked = call(app, b"x" * 10, {}, length=MAX_BODY_BYTES + 1)
    assert status.startswith("413") and asked == 0


def test_waitress_answers_413_without_waiting_for_the_body(url: str) -> None:
    host, port = url.split("//")[1].split("/")[0].split(":")
    with socket.create_connection((host, int(port)), timeout=3) as conn:
        # Declares 900 kB (what flooded the acks) but sends 1 kB: the answer must not wait for the rest.
        conn.sendall(
            b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            b"Content-Length: 921600\r\n\r\n" + b"a" * 1024
        )
        started = time.monotonic()
        answer = conn.recv(200)
    assert answer.startswith(b"HTTP/1.1 413"), answer
    assert time.monotonic() - started < 2


def test_unsigned_and_wrongly_signed_bodies_are_401_and_never_parsed(app: App, fake: FakeSlack) -> None:
    body = b"payload=" + b"%7B" * 1000  # broken JSON: a parse before the signature check would be a 500
    status, _, asked = call(app, body, {})
    assert status.startswith("401") and asked == 0  # no signature header: the body is not even read
    wrong = signed(body)
    wrong["X-Slack-Signature"] = "v0=" + "0" * 64
    assert call(app, body, wrong)[0].startswith("401")
    assert call(app, body, signed(body, timestamp=int(time.time()) - 6 * 60))[0].startswith("401")
    assert call(app, body, {"X-Slack-Request-Timestamp": "soon", "X-Slack-Signature": "v0=1"})[0].startswith(
        "401"
    )


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b'{"type": "event_callback", "event": ', "application/json"),
        (b"payload=%7B%22type%22%3A", ""),
        (b"payload=%5B1%2C2%5D", ""),  # JSON, but a list where Bolt expects an object
        (b"\xff\xfe\xfa", ""),
    ],
)
def test_a_malformed_signed_body_is_400_without_a_traceback(
    app: App, body: bytes, content_type: str, caplog: pytest.LogCaptureFixture
) -> None:
    status, answer, _ = call(app, body, signed(body, content_type=content_type))
    assert status.startswith("400"), status
    assert b"Traceback" not in answer and b"Error" not in answer
    [line] = [r.getMessage() for r in caplog.records if "could not parse" in r.getMessage()]
    assert len(line) < 200


def test_a_replayed_signed_request_is_refused(app: App, fake: FakeSlack) -> None:
    wsgi = make_wsgi_app(app)
    body = command(fake, "replayed")
    headers = signed(body)

    def post() -> str:
        statuses: list[str] = []
        environ = {
            "REQUEST_METHOD": "POST",
            "PATH_INFO": "/slack/events",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "QUERY_STRING": "",
            "CONTENT_LENGTH": str(len(body)),
            "CONTENT_TYPE": headers["Content-Type"],
            "HTTP_X_SLACK_REQUEST_TIMESTAMP": headers["X-Slack-Request-Timestamp"],
            "HTTP_X_SLACK_SIGNATURE": headers["X-Slack-Signature"],
            "wsgi.input": io.BytesIO(body),
        }
        b"".join(wsgi(environ, lambda s, h, e=None: statuses.append(s)))  # type: ignore[arg-type]
        return statuses[0]

    assert post().startswith("200")
    assert post().startswith("401")
    fake.wait_for_response("replayed")
    time.sleep(0.3)  # a second answer, if the replay had run, comes from a listener thread by now
    assert len(fake.responses("replayed")) == 1


def test_a_normal_command_is_acked_within_3s_and_answered(url: str, fake: FakeSlack) -> None:
    body = command(fake, "normal")
    started = time.monotonic()
    response = httpx.post(url, content=body, headers=signed(body), timeout=10)
    assert response.status_code == 200 and time.monotonic() - started < 3
    [message] = fake.wait_for_response("normal")
    assert "/timeline" in json.dumps(message)


def test_unsigned_floods_do_not_slow_a_signed_command(url: str, fake: FakeSlack) -> None:
    junk = b"payload=" + b"a" * (MAX_BODY_BYTES - 100)
    with httpx.Client(timeout=10) as client:
        for _ in range(20):
            assert client.post(url, content=junk).status_code == 401
        body = command(fake, "after-flood")
        started = time.monotonic()
        assert client.post(url, content=body, headers=signed(body)).status_code == 200
    assert time.monotonic() - started < 1.0


def test_seen_signatures_forget_after_the_window_and_stay_bounded() -> None:
    seen = SeenSignatures(window=300, limit=3)
    assert seen.first_time("a", 1000, now=1000) and not seen.first_time("a", 1000, now=1200)
    assert seen.first_time("a", 1000, now=1301)  # expired: the timestamp check refuses it by now anyway
    for name in "bcde":
        seen.first_time(name, 1301, now=1301)
    assert len(seen) == 3


def test_the_signature_is_slacks_v0_scheme() -> None:
    from slack_sdk.signature import SignatureVerifier

    class At:
        def now(self) -> float:
            return 1_700_000_000

    body = "text=caf%C3%A9&command=%2Ftimeline"
    expected = SignatureVerifier(SECRET, clock=At()).generate_signature(timestamp="1700000000", body=body)
    assert signature_valid(SECRET, body.encode(), "1700000000", expected, now=1_700_000_100)
    assert not signature_valid(SECRET, body.encode(), "1700000000", expected, now=1_700_000_400)
