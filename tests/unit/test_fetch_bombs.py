"""Compression bombs on every fetch path: the cap counts decoded bytes and reading stops early.

A small body sent with `Content-Encoding: gzip, gzip` used to be inflated whole by httpx, chunk by
chunk, before any size check: a few KB took one fetch to gigabytes. Each test here serves such a
body through httpx.MockTransport, streamed in small raw chunks, and asserts the fetch is refused
with a clear reason while peak memory stays near the cap.
"""

from __future__ import annotations

import functools
import tracemalloc
import zlib
from collections.abc import Callable, Iterator

import httpx
import pytest

from bot.fetch.decoding import EncodingError, decoder
from bot.fetch.http import FetchError, fetch, make_client
from bot.fetch.inputs import InputError, read_input
from bot.fetch.sources import HttpSourceReader
from bot.slack.files import SlackOpmlReader
from bot.sources_probe import HttpSourceProbe
from handlers.admin import AdminError, ProbeError
from handlers.domain import Source
from handlers.polling import SourceFetchError
from tests.e2e.feed_server import FeedServer, Reply

INFLATED = 200 * 1024 * 1024  # what the bomb inflates to
CAP = 1024 * 1024
PEAK = 12 * 1024 * 1024  # a reader that stops near the cap never holds much more than it


def _compress(chunks: Iterator[bytes], encoding: str) -> bytes:
    wbits = {"gzip": 31, "deflate": 15}[encoding]
    packer = zlib.compressobj(9, zlib.DEFLATED, wbits)
    return b"".join(packer.compress(c) for c in chunks) + packer.flush()


@functools.cache
def bomb(encodings: str) -> bytes:
    """Zeros inflating to INFLATED bytes, compressed with each encoding in the order listed."""
    names = [n.strip() for n in encodings.split(",")]
    body = _compress((bytes(1024 * 1024) for _ in range(INFLATED // (1024 * 1024))), names[0])
    for name in names[1:]:
        body = _compress(iter([body]), name)
    return body


class Trickle(httpx.SyncByteStream):
    """The body in small raw chunks, counting what the client pulled."""

    def __init__(self, body: bytes, size: int = 512) -> None:
        self.body, self.size, self.pulled = body, size, 0

    def __iter__(self) -> Iterator[bytes]:
        for at in range(0, len(self.body), self.size):
            self.pulled += self.size
            yield self.body[at : at + self.size]


def serving(
    body: bytes, encoding: str, content_type: str = "text/html"
) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        headers = {"content-type": content_type, "content-encoding": encoding}
        return httpx.Response(200, headers=headers, stream=Trickle(body))

    return handler


def peak_while(call: Callable[[], object]) -> tuple[int, BaseException | None]:
    """Peak traced memory during `call`, and what it raised."""
    tracemalloc.start()
    raised: BaseException | None = None
    try:
        call()
    except Exception as exc:
        raised = exc
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak, raised


ENCODINGS = ["gzip, gzip", "gzip", "deflate", "deflate, gzip", "gzip,gzip,gzip"]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_fetch_refuses_a_bomb_once_the_decoded_bytes_pass_the_cap(encoding: str) -> None:
    body = bomb(encoding)
    assert len(body) < 250_000  # small on the wire
    client = make_client(httpx.MockTransport(serving(body, encoding)))
    peak, raised = peak_while(lambda: fetch("https://bomb.example/", client=client, max_bytes=CAP))
    assert peak < PEAK, f"{peak:,} bytes held"
    assert isinstance(raised, FetchError), raised
    assert "too large" in str(raised) and "decompressed" in str(raised)


def test_reading_stops_early_on_the_wire_too() -> None:
    stream = Trickle(bomb("gzip"))
    client = make_client(
        httpx.MockTransport(
            lambda r: httpx.Response(200, headers={"content-encoding": "gzip"}, stream=stream)
        )
    )
    with pytest.raises(FetchError, match="decompressed"):
        fetch("https://bomb.example/", client=client, max_bytes=CAP)
    assert stream.pulled < len(stream.body) // 20  # about CAP/1000 of raw bytes were needed


@pytest.mark.parametrize("kind", ["feed", "page"])
def test_polling_a_bombed_source_fails_that_source_only(kind: str) -> None:
    client = httpx.Client(transport=httpx.MockTransport(serving(bomb("gzip, gzip"), "gzip, gzip")))
    reader = HttpSourceReader(client=client, max_bytes=CAP)
    source = Source(id=1, url="https://bomb.example/feed", kind=kind, created_at="2030-01-01T00:00:00Z")  # type: ignore[arg-type]
    peak, raised = peak_while(lambda: reader.read_source(source))
    assert peak < PEAK, f"{peak:,} bytes held"
    assert isinstance(raised, SourceFetchError) and "decompressed" in str(raised)
    peak, raised = peak_while(lambda: reader.read_article("https://bomb.example/story"))
    assert peak < PEAK, f"{peak:,} bytes held"
    assert isinstance(raised, SourceFetchError) and "decompressed" in str(raised)


def test_the_sources_add_probe_refuses_a_bomb() -> None:
    probe = HttpSourceProbe(
        transport=httpx.MockTransport(serving(bomb("gzip, gzip"), "gzip, gzip", "application/rss+xml")),
        allow_private=True,
        max_bytes=CAP,
    )
    peak, raised = peak_while(lambda: probe.probe("https://bomb.example/feed"))
    assert peak < PEAK, f"{peak:,} bytes held"
    assert isinstance(raised, ProbeError) and "too large" in str(raised)


def test_an_opml_download_refuses_a_bomb() -> None:
    def http() -> httpx.Client:
        return make_client(httpx.MockTransport(serving(bomb("gzip, gzip"), "gzip, gzip", "text/xml")))

    opml = SlackOpmlReader(None, token="xoxb-test", http_client_factory=http)  # type: ignore[arg-type]
    peak, raised = peak_while(lambda: opml.read("https://bomb.example/feeds.opml", user="U1", channel=None))
    assert peak < PEAK, f"{peak:,} bytes held"
    assert isinstance(raised, AdminError) and "too large" in str(raised)


@pytest.mark.parametrize(
    ("encoding", "why"),
    [("br", "not supported"), ("zstd", "not supported"), ("gzip, gzip, gzip, gzip", "4 layers")],
)
def test_encodings_we_cannot_bound_are_refused_not_passed_on(encoding: str, why: str) -> None:
    client = make_client(httpx.MockTransport(serving(b"\x1f\x8b whatever", encoding)))
    with pytest.raises(FetchError, match=why):
        fetch("https://odd.example/", client=client, max_bytes=CAP)


def test_a_corrupt_gzip_body_is_a_clear_error() -> None:
    client = make_client(httpx.MockTransport(serving(b"\x1f\x8b\x08\x00 not gzip at all", "gzip")))
    with pytest.raises(FetchError, match="gzip data is corrupt"):
        fetch("https://odd.example/", client=client, max_bytes=CAP)


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "gzip, deflate", "identity", ""])
def test_honest_compressed_bodies_still_read_whole(encoding: str) -> None:
    text = b"<html><body>" + b"<p>The ferry to Arlen runs again.</p>" * 3000 + b"</body></html>"
    body = text
    for name in [n.strip() for n in encoding.split(",") if n.strip() and n.strip() != "identity"]:
        body = _compress(iter([body]), name)
    client = make_client(httpx.MockTransport(serving(body, encoding)))
    assert fetch("https://fine.example/", client=client, max_bytes=CAP).body == text


def test_concatenated_gzip_members_and_raw_deflate_decode() -> None:
    two = _compress(iter([b"first "]), "gzip") + _compress(iter([b"second"]), "gzip")
    assert b"".join(decoder("gzip")(two)) == b"first second"
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    raw = packer.compress(b"raw deflate, as some servers send") + packer.flush()
    assert b"".join(decoder("deflate")(raw)) == b"raw deflate, as some servers send"
    with pytest.raises(EncodingError):
        decoder("compress")


@pytest.mark.parametrize("size", [1, 7, 333, 65536])
def test_any_chunking_of_a_layered_body_decodes_the_same(size: int) -> None:
    text = bytes(range(256)) * 2000 + b"<p>The ferry to Arlen runs again.</p>" * 2000
    body = _compress(iter([_compress(iter([text]), "deflate")]), "gzip")
    decode = decoder("deflate, gzip")
    out = b"".join(piece for at in range(0, len(body), size) for piece in decode(body[at : at + size]))
    assert out == text


def test_ingest_of_a_bombed_url_is_refused() -> None:
    def http() -> httpx.Client:
        return make_client(httpx.MockTransport(serving(bomb("gzip, gzip"), "gzip, gzip")))

    peak, raised = peak_while(
        lambda: read_input("https://bomb.example/story", client_factory=http, max_bytes=CAP)
    )
    assert peak < PEAK, f"{peak:,} bytes held"
    assert isinstance(raised, InputError) and "decompressed" in str(raised)


def test_a_bomb_over_a_real_socket_is_refused_too() -> None:
    # The same through httpcore and the guarded transport, from a local server (no Content-Length).
    server = FeedServer().start()
    body = bomb("gzip, gzip")
    server.routes["/bomb"] = lambda _h: Reply(
        200, body, {"Content-Type": "text/html", "Content-Encoding": "gzip, gzip"}, send_length=False
    )
    try:
        with make_client(allow_private=True) as client:
            peak, raised = peak_while(lambda: fetch(server.url("/bomb"), client=client, max_bytes=CAP))
    finally:
        server.stop()
    assert peak < PEAK, f"{peak:,} bytes held"
    assert isinstance(raised, FetchError) and "decompressed" in str(raised)
