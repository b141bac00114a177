import json
from pathlib import Path

import httpx
import pytest

from bot.cli import main
from bot.fetch.http import make_client
from handlers.ports import UnitOfWork
from tests.e2e.cli_support import container, sqlite_env

Capture = pytest.CaptureFixture[str]

ARTICLE = """Title: Ferry crews strike
Outlet: Islands Gazette
Published: 2030-06-02
URL: https://gazette.example/ferry

"We will stay out until the roster is fixed," said Rosa Tamm on Monday.
The strike has stranded 340 passengers at the pier.
Crews first voted to strike on 2030-05-28.
"""

PAGE = b"""<!doctype html><html><head><title>Ferry talks resume</title>
<meta property="og:site_name" content="Bay Herald"></head><body><article>
<h1>Ferry talks resume</h1>
<p>Talks between ferry crews and the operator resumed on Tuesday after two days of strike action.</p>
<p>"We are listening, and we expect the same from the crews," said Olav Berg at the terminal this morning.</p>
</article></body></html>"""


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    sqlite_env(tmp_path, monkeypatch)
    return tmp_path


def _transport(request: httpx.Request) -> httpx.Response:
    if request.url.host == "herald.example":
        assert request.headers["user-agent"].startswith("briefbot/")  # a polite, named client
        return httpx.Response(200, content=PAGE, headers={"content-type": "text/html; charset=utf-8"})
    if request.url.host == "down.example":
        raise httpx.ConnectError("connection refused", request=request)
    return httpx.Response(404)


def test_ingest_text_file_then_ask_whosaid_prints_speaker_quote_and_source(
    env: Path, capsys: Capture
) -> None:
    (env / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["ingest", "ferry.txt"], container=container()) == 0
    out = capsys.readouterr().out
    assert "stored" in out and "1 quote," in out and "1 speaker" in out

    assert main(["ask", "/whosaid Tamm"], container=container()) == 0
    out = capsys.readouterr().out
    assert (
        "Rosa Tamm — “We will stay out until the roster is fixed” — Islands Gazette, 2030-06-02, "
        "https://gazette.example/ferry" in out
    )


def test_ask_reads_a_plain_question_as_the_command_it_stands_for(env: Path, capsys: Capture) -> None:
    (env / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    main(["ingest", "ferry.txt"], container=container())
    capsys.readouterr()
    assert main(["ask", "what did Tamm say?"], container=container()) == 0
    said = capsys.readouterr()
    assert said.err.strip() == "(as /whosaid Tamm)"
    assert "Rosa Tamm — “We will stay out until the roster is fixed”" in said.out


def test_ingest_same_file_twice_reports_it_already_stored(env: Path, capsys: Capture) -> None:
    (env / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    main(["ingest", "ferry.txt"], container=container())
    assert main(["ingest", "ferry.txt"], container=container()) == 0
    assert "already stored" in capsys.readouterr().out


def test_ask_json_prints_the_result_model(env: Path, capsys: Capture) -> None:
    (env / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    main(["ingest", "ferry.txt"], container=container())
    capsys.readouterr()
    assert main(["ask", "--json", "/figures", "passengers"], container=container()) == 0
    body = json.loads(capsys.readouterr().out)
    [group] = body["groups"]
    report = group["reports"][0]
    assert report["value"] == 340 and report["source"]["outlet"] == "Islands Gazette"


def test_ask_malformed_query_says_what_is_wrong_and_exits_2(env: Path, capsys: Capture) -> None:
    assert main(["ask", "/timeline ferry limit lots"], container=container()) == 2
    assert "limit must be a whole number" in capsys.readouterr().err


def test_ask_help_prints_the_command_grammar(env: Path, capsys: Capture) -> None:
    assert main(["ask", "/figures help"], container=container()) == 0
    assert capsys.readouterr().out.startswith("/figures [topic]")


def test_ingest_html_url_through_the_container_http_client(env: Path, capsys: Capture) -> None:
    c = container()
    c.http_client_factory = lambda: make_client(httpx.MockTransport(_transport))
    assert main(["ingest", "https://herald.example/ferry-talks"], container=c) == 0
    capsys.readouterr()
    assert main(["ask", "/whosaid Berg"], container=container()) == 0
    out = capsys.readouterr().out
    assert "Olav Berg — “We are listening, and we expect the same from the crews” — Bay Herald" in out
    assert "https://herald.example/ferry-talks" in out


def test_bad_inputs_each_get_a_message_and_the_rest_of_the_batch_is_stored(
    env: Path, capsys: Capture
) -> None:
    (env / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (env / "empty.txt").write_text("  \n\n ", encoding="utf-8")
    (env / "image.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with open(env / "huge.txt", "wb") as f:  # sparse: 50 MB on paper, nothing on disk
        f.truncate(50 * 1024 * 1024)
    c = container()
    c.http_client_factory = lambda: make_client(httpx.MockTransport(_transport))
    code = main(
        [
            "ingest",
            "missing.txt",
            "empty.txt",
            "image.bin",
            "huge.txt",
            "https://down.example/a",
            "https://gone.example/404",
            "good.txt",
        ],
        container=c,
    )
    captured = capsys.readouterr()
    assert code == 1
    err = captured.err
    assert "missing.txt: cannot read" in err
    assert "empty.txt: no article text found (empty)" in err
    assert "image.bin: a binary file" in err
    assert "huge.txt: too large (50.0 MB" in err
    assert "https://down.example/a: could not fetch" in err
    assert "HTTP 404" in err
    assert "stored  good.txt: stored article 1" in captured.out
    assert "1 stored, 0 already stored, 6 failed" in captured.out

    assert main(["ask", "/whosaid Rosa Tamm"], container=container()) == 0
    assert "Rosa Tamm" in capsys.readouterr().out


def test_timeline_lists_events_by_date_with_their_sources(env: Path, capsys: Capture) -> None:
    (env / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    other = (
        ARTICLE.replace("Islands Gazette", "Pier News")
        .replace("gazette.example", "pier.example")
        .replace("340 passengers", "300 passengers")
        .replace("Published: 2030-06-02", "Published: 2030-06-03")
    )
    (env / "pier.txt").write_text(other, encoding="utf-8")
    assert main(["ingest", "ferry.txt", "pier.txt"], container=container()) == 0
    capsys.readouterr()
    assert main(["ask", "/timeline strike since 2030-05-01"], container=container()) == 0
    out = capsys.readouterr().out
    # Both articles report the same vote: one story, both sources.
    assert out.startswith("Timeline: strike since 2030-05-01 (1 event)")
    assert (
        "\n2030-05-28\n  • Crews first voted to strike on 2030-05-28\n"
        "      [story 1: 2 reports, 2 sources]\n"
        "      Islands Gazette, 2030-06-02, https://gazette.example/ferry\n"
        "      Pier News, 2030-06-03, https://pier.example/ferry" in out
    )
    assert main(["ask", "/timeline strike until 2030-05-27"], container=container()) == 0
    assert (
        "Nothing found for strike until 2030-05-27.\nTry without the date window: /timeline strike"
        in capsys.readouterr().out
    )


def test_ingest_a_directory_stores_the_article_files_in_it(env: Path, capsys: Capture) -> None:
    (env / "corpus").mkdir()
    (env / "corpus" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (env / "corpus" / "b.html").write_bytes(PAGE)
    (env / "corpus" / "notes.json").write_text("{}", encoding="utf-8")
    assert main(["ingest", "corpus"], container=container()) == 0
    assert "2 stored, 0 already stored, 0 failed" in capsys.readouterr().out


def _numbered(n: int) -> str:
    return ARTICLE.replace(
        "URL: https://gazette.example/ferry", f"URL: https://gazette.example/ferry-{n}"
    ).replace("340 passengers", f"{100 + n} passengers")


def test_many_inputs_go_in_batches_and_are_reported_in_order(env: Path, capsys: Capture) -> None:
    names = [f"ferry-{n:03d}.txt" for n in range(120)]  # three batches
    for n, name in enumerate(names):
        (env / name).write_text(_numbered(n), encoding="utf-8")
    assert main(["ingest", *names], container=container()) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[1].rstrip(":") for line in lines[:-1]] == names
    assert all(line.startswith("stored ") for line in lines[:-1])
    assert lines[-1] == "120 stored, 0 already stored, 0 failed"


def test_a_database_failure_fails_the_batches_in_flight_and_the_next_batches_are_stored(
    env: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = [f"ferry-{n:03d}.txt" for n in range(200)]  # four batches of 50
    for n, name in enumerate(names):
        (env / name).write_text(_numbered(n), encoding="utf-8")
    c = container()
    real_uow = c.uow
    opened = 0

    class DatabaseDown(Exception):
        pass

    def flaky_uow() -> UnitOfWork:
        uow = real_uow()

        class Flaky:
            def __getattr__(self, name: str) -> object:
                return getattr(uow, name)

            def __enter__(self) -> UnitOfWork:
                nonlocal opened
                opened += 1
                # Checked against the store: batch 1, batch 2, then batch 1 stored; then batch 3's check
                # fails, with batch 2 extracted and waiting to be stored.
                if opened == 4:
                    raise DatabaseDown("connection lost")
                return uow.__enter__()

            def __exit__(self, *exc: object) -> None:
                uow.__exit__(*exc)  # type: ignore[arg-type]

        return Flaky()  # type: ignore[return-value]

    monkeypatch.setattr(c, "uow", flaky_uow)
    assert main(["ingest", *names], container=c) == 1
    captured = capsys.readouterr()
    failed = [line for line in captured.err.splitlines() if line.startswith("FAILED")]
    stored = [line for line in captured.out.splitlines() if line.startswith("stored")]
    assert [line.split()[1].rstrip(":") for line in failed] == names[50:150]  # the batches in flight
    assert all("DatabaseDown: connection lost" in line for line in failed)
    assert [line.split()[1].rstrip(":") for line in stored] == names[:50] + names[150:]  # and on it went
    assert captured.out.splitlines()[-1] == f"{len(stored)} stored, 0 already stored, {len(failed)} failed"
