"""The fetch guard against a real local server: private addresses refused at connect time, redirects too."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import bot.fetch.guard as guard
from bot.fetch.http import make_client
from bot.fetch.inputs import InputError, read_input
from bot.sources_probe import HttpSourceProbe
from handlers.admin import ProbeError
from tests.e2e.feed_server import FeedServer, Reply

PAGE = (
    "<!doctype html><html><head><title>Harbour news</title></head><body><article>"
    + "<p>The harbour of Arlen reopened on Monday after a week of repairs to the quay.</p>" * 5
    + "</article></body></html>"
)


@pytest.fixture
def server() -> Iterator[FeedServer]:
    s = FeedServer().start()
    s.serve("/page", PAGE, "text/html")
    yield s
    s.stop()


@pytest.mark.parametrize(
    ("address", "allow_private", "refused"),
    [
        ("93.184.216.34", False, False),
        ("127.0.0.1", False, True),
        ("10.1.2.3", False, True),
        ("100.64.0.1", False, True),  # carrier-grade NAT, not public
        ("169.254.169.254", False, True),
        ("fd00::1", False, True),
        ("::ffff:127.0.0.1", False, True),
        ("127.0.0.1", True, False),
        ("192.168.1.10", True, False),
        ("169.254.169.254", True, True),  # cloud metadata: never, whatever the setting
        ("fe80::1", True, True),
    ],
)
def test_which_addresses_are_refused(address: str, allow_private: bool, refused: bool) -> None:
    assert (guard.refusal(address, allow_private=allow_private) is not None) is refused


def test_ingesting_a_loopback_url_is_refused_unless_allowed(server: FeedServer) -> None:
    with pytest.raises(InputError, match="private or local address"):
        read_input(server.url("/page"), client_factory=make_client)
    assert server.hits("/page") == []
    article = read_input(server.url("/page"), client_factory=lambda: make_client(allow_private=True))
    assert "harbour of Arlen" in article.text


def test_a_name_rebound_to_loopback_after_the_first_check_is_refused_at_connect_time(
    server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter([["93.184.216.34"], ["127.0.0.1"], ["127.0.0.1"]])
    monkeypatch.setattr(guard, "resolve", lambda host, port=None, **_kw: next(answers))
    url = server.url("/page").replace("127.0.0.1", "rebind.test")
    with pytest.raises(ProbeError, match=r"rebind\.test is a private or local address"):
        HttpSourceProbe().probe(url)
    assert server.hits("/page") == []


def test_a_redirect_to_the_metadata_address_is_refused_even_when_private_fetching_is_allowed(
    server: FeedServer,
) -> None:
    server.routes["/jump"] = lambda _h: Reply(
        302, b"", {"Location": "http://169.254.169.254/latest/meta-data"}
    )
    with pytest.raises(ProbeError, match=r"169\.254\.169\.254 is a private or local address"):
        HttpSourceProbe(allow_private=True).probe(server.url("/jump"))
    assert len(server.hits("/jump")) == 1
