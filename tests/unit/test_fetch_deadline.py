"""One deadline per fetch: a server dribbling a byte at a time (or saying nothing) is cut off.

Each read used to wait up to 20 s for the next byte, so a server sending one every few seconds held
a fetch, and the poll around it, for as long as it liked. These tests use a 1 s deadline.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import pytest

from bot.fetch import guard
from bot.fetch.http import FetchError, fetch, make_client
from bot.fetch.sources import HttpSourceReader
from bot.settings import Settings
from bot.sources_probe import HttpSourceProbe
from handlers.admin import ProbeError
from handlers.domain import Source
from handlers.polling import SourceFetchError
from tests.e2e.dribble_server import DribbleServer

DEADLINE = 1.0
LATEST = 2.5  # the deadline, plus time to notice and a slow CI machine


@pytest.fixture(params=["dribbling", "silent"])
def server(request: pytest.FixtureRequest) -> Iterator[DribbleServer]:
    s = DribbleServer(silent=request.param == "silent").start()
    yield s
    s.stop()


def timed(call: Callable[[], object]) -> tuple[float, BaseException | None]:
    start = time.monotonic()
    try:
        call()
    except Exception as exc:
        return time.monotonic() - start, exc
    return time.monotonic() - start, None


def test_fetch_gives_up_at_its_deadline(server: DribbleServer) -> None:
    with make_client(allow_private=True) as client:
        took, raised = timed(lambda: fetch(server.url(), client=client, max_bytes=10**7, deadline=DEADLINE))
    assert isinstance(raised, FetchError) and "1 s fetch deadline" in str(raised)
    assert DEADLINE - 0.1 < took < LATEST


def test_polling_a_source_gives_up_at_the_deadline_retries_included(server: DribbleServer) -> None:
    reader = HttpSourceReader(allow_private=True, deadline=DEADLINE, backoff=0.1)
    source = Source(id=1, url=server.url("/feed"), created_at="2030-01-01T00:00:00Z")  # type: ignore[arg-type]
    try:
        took, raised = timed(lambda: reader.read_source(source))
        assert isinstance(raised, SourceFetchError) and "deadline" in str(raised)
        assert took < LATEST
        took, raised = timed(lambda: reader.read_article(server.url("/story")))
        assert isinstance(raised, SourceFetchError) and took < LATEST
    finally:
        reader.close()


def test_the_sources_add_probe_gives_up_at_the_deadline(server: DribbleServer) -> None:
    probe = HttpSourceProbe(allow_private=True, deadline=DEADLINE)
    took, raised = timed(lambda: probe.probe(server.url("/feed")))
    assert isinstance(raised, ProbeError) and "1 s fetch deadline" in str(raised)
    assert took < LATEST


def test_abort_ends_a_fetch_in_flight_at_once() -> None:
    server = DribbleServer().start()
    reader = HttpSourceReader(allow_private=True, deadline=60)
    try:
        threading.Timer(0.5, reader.abort).start()
        took, raised = timed(lambda: reader.read_article(server.url("/story")))
        assert isinstance(raised, SourceFetchError) and "stopped" in str(raised)
        assert took < 1.5
        took, raised = timed(lambda: reader.read_article(server.url("/other")))
        assert isinstance(raised, SourceFetchError) and took < 0.2  # nothing new starts
    finally:
        reader.close()
        server.stop()


def test_the_deadline_is_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings().fetch_deadline == 30.0
    monkeypatch.setenv("BRIEFBOT_FETCH_DEADLINE", "12.5")
    assert Settings().fetch_deadline == 12.5
    monkeypatch.setenv("BRIEFBOT_FETCH_DEADLINE", "0")
    with pytest.raises(ValueError):
        Settings()


def test_a_slow_dns_answer_counts_against_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    def slow_getaddrinfo(*_args: object, **_kw: object) -> list[object]:
        time.sleep(5)  # a hostile domain's name server, taking its time
        return []

    monkeypatch.setattr(guard.socket, "getaddrinfo", slow_getaddrinfo)
    with make_client() as client:
        took, raised = timed(
            lambda: fetch("https://slow-dns.example/", client=client, max_bytes=100, deadline=DEADLINE)
        )
    assert isinstance(raised, FetchError) and "deadline" in str(raised)
    assert took < LATEST
    probe = HttpSourceProbe(deadline=DEADLINE)  # its request hook resolves first: bounded as well
    took, raised = timed(lambda: probe.probe("https://slow-dns.example/feed"))
    assert isinstance(raised, ProbeError) and took < LATEST
