"""HttpSourceReader over httpx.MockTransport: per-host concurrency, Retry-After, feed parsing."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx

from bot.fetch.sources import HttpSourceReader, parse_feed

PAGE = (
    "<html><body><article>"
    + "<p>The port of Arlen reopened on Monday after long repairs.</p>" * 5
    + "</article></body></html>"
).encode()


def test_no_more_than_two_requests_run_at_once_against_one_host() -> None:
    lock = threading.Lock()
    running = {"now": 0, "max": 0}

    def handler(request: httpx.Request) -> httpx.Response:
        with lock:
            running["now"] += 1
            running["max"] = max(running["max"], running["now"])
        time.sleep(0.05)
        with lock:
            running["now"] -= 1
        return httpx.Response(200, content=PAGE, headers={"content-type": "text/html"})

    reader = HttpSourceReader(client=httpx.Client(transport=httpx.MockTransport(handler)), per_host=2)
    with ThreadPoolExecutor(max_workers=6) as pool:
        texts = list(pool.map(lambda i: reader.read_article(f"https://one.example/{i}").text, range(6)))
    reader.close()
    assert running["max"] == 2 and all("Arlen" in t for t in texts)


def test_a_429_is_retried_after_the_wait_the_server_asks_for() -> None:
    answers = iter(
        [
            httpx.Response(429, headers={"retry-after": "7"}),
            httpx.Response(200, content=PAGE, headers={"content-type": "text/html"}),
        ]
    )
    waits: list[float] = []
    reader = HttpSourceReader(
        client=httpx.Client(transport=httpx.MockTransport(lambda r: next(answers))), sleep=waits.append
    )
    assert "Arlen" in reader.read_article("https://one.example/a").text
    reader.close()
    assert waits == [7.0]


def test_atom_entries_become_items_with_plain_text_and_dates() -> None:
    atom = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>W</title>
    <entry><id>urn:1</id><link href="https://w.example/1"/><title>One &amp; two</title>
    <updated>2030-05-31T08:00:00Z</updated><content type="html">&lt;p&gt;First para.&lt;/p&gt;&lt;p&gt;Second
    &amp;amp; last.&lt;/p&gt;</content></entry></feed>"""
    [item] = parse_feed(atom, "https://w.example/atom")
    assert (item.guid, item.url, item.title, str(item.published)) == (
        "urn:1",
        "https://w.example/1",
        "One & two",
        "2030-05-31",
    )
    assert item.text == "First para.\n\nSecond & last."
