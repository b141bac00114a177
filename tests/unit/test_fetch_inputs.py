from datetime import date
from pathlib import Path

import httpx
import pytest

from bot.fetch.html import html_to_text
from bot.fetch.http import FetchError, fetch, make_client
from bot.fetch.inputs import InputError, parse_text_file, read_input

PAGE = b"""<!doctype html><html><head><title>Port reopens - Coast Wire</title>
<meta property="og:title" content="Port reopens"><meta property="og:site_name" content="Coast Wire">
<meta property="article:published_time" content="2025-03-09T07:00:00Z"></head>
<body><nav>Home | World | Business</nav><article><h1>Port reopens</h1>
<p>Cranes at the port of Velmora were moving again on Sunday morning as dockworkers returned to work.</p>
<p>"It feels good to be back," said one crane operator at the north terminal, where ships were unloading.</p>
</article><footer>Copyright Coast Wire. All rights reserved.</footer></body></html>"""


def _client(handler: object) -> httpx.Client:
    return make_client(httpx.MockTransport(handler))  # type: ignore[arg-type]


def test_text_file_headers_give_title_outlet_date_and_url() -> None:
    article = parse_text_file("Title: A\nOutlet: B\nPublished: 2031-03-04\nURL: https://b.example/a\n\nBody.")
    assert (article.title, article.outlet, article.published, article.url, article.text) == (
        "A",
        "B",
        date(2031, 3, 4),
        "https://b.example/a",
        "Body.",
    )


def test_text_file_without_headers_takes_a_standalone_first_line_as_title() -> None:
    assert parse_text_file("Port strike ends\n\nThe strike ended.").title == "Port strike ends"
    assert parse_text_file("The strike ended on Monday.\n\nMore text.").title is None
    assert parse_text_file("Note: this is not a header\n\nBody.").title == "Note: this is not a header"


def test_bad_published_header_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="'last Tuesday' is not a date I can read"):
        parse_text_file("Published: last Tuesday\n\nBody.")


def test_html_to_text_drops_navigation_and_reads_title_outlet_and_date() -> None:
    page = html_to_text(PAGE, url="https://coastwire.example/port-reopens")
    assert page.text.startswith("Cranes at the port of Velmora")
    assert "Home | World" not in page.text and "Copyright" not in page.text
    assert (page.title, page.outlet, page.published) == ("Port reopens", "Coast Wire", date(2025, 3, 9))


def test_fetch_stops_reading_past_the_size_cap() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=iter([b"x" * 1000] * 10))  # no content-length: streamed

    with pytest.raises(FetchError, match="too large"), _client(handler) as client:
        fetch("https://big.example/", client=client, max_bytes=5000)


def test_fetch_timeout_is_reported_in_words() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    with pytest.raises(FetchError, match="timed out"), _client(handler) as client:
        fetch("https://slow.example/", client=client, max_bytes=5000)


def test_url_that_is_not_a_page_is_rejected() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"%PDF-1.7", headers={"content-type": "application/pdf"})

    with pytest.raises(InputError, match="not an article page"):
        read_input("https://docs.example/report.pdf", client_factory=lambda: _client(handler))


def test_html_file_is_read_as_a_page(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_bytes(PAGE)
    article = read_input(str(tmp_path / "page.html"), client_factory=lambda: _client(lambda r: None))
    assert article.title == "Port reopens" and article.outlet == "Coast Wire"


def test_directory_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_input(str(tmp_path), client_factory=lambda: _client(lambda r: None))


def test_text_file_without_any_title_is_named_after_the_file(tmp_path: Path) -> None:
    path = tmp_path / "council-vote.txt"
    path.write_text("The council voted on Tuesday to close the bridge for repairs. It reopens in May.\n")
    assert read_input(str(path), client_factory=lambda: _client(lambda r: None)).title == "council-vote.txt"
