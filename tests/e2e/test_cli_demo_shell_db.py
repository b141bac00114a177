import io
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.demo import corpus_files
from tests.e2e.cli_support import container, sqlite_env


def test_demo_runs_without_configuration_twice_in_a_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    assert main(["demo"]) == 0
    first = capsys.readouterr().out
    # The default database, so that the next `briefbot ask` answers from the demo's articles.
    assert "database sqlite:///briefbot.db" in first
    assert (tmp_path / "briefbot.db").exists() and not (tmp_path / "briefbot-demo.db").exists()
    articles = len(corpus_files())
    assert articles >= 5
    assert first.count(": stored article") == articles
    for question in ("/timeline Velmora", "/whosaid Okafor", "/figures ships"):
        assert f'$ briefbot ask "{question}"' in first
    assert "briefbot shell" in first

    assert main(["demo"]) == 0
    second = capsys.readouterr().out
    assert second.count("already stored") == articles and ": stored article" not in second


def test_demo_with_a_working_extractor_shows_quotes_with_their_outlet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sqlite_env(tmp_path, monkeypatch)
    assert main(["demo"], container=container()) == 0
    out = capsys.readouterr().out
    assert "Quotes by Ada Okafor" in out and "The Harbour Post, 2025-03-03" in out


def test_shell_reads_commands_from_a_pipe_and_pages_with_more(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sqlite_env(tmp_path, monkeypatch)
    main(["demo"], container=container())
    capsys.readouterr()
    monkeypatch.setattr(
        sys,
        "stdin",
        io.StringIO(
            "help whosaid\n/whosaid limit 1\nmore\nwhosaid nobody-at-all since 2025-03-01\n"
            "/timeline limit x\nquit\n/whosaid never reached\n"
        ),
    )
    assert main(["shell"], container=container()) == 0
    out = capsys.readouterr().out
    assert out.startswith("/whosaid [person|topic]")
    assert "More: showing 1–1 of 3" in out and "More: showing 2–2 of 3" in out
    assert "Nothing found for nobody-at-all since 2025-03-01.\nTry without the date window" in out
    assert "Sorry: limit must be a whole number" in out
    assert "never reached" not in out


def test_db_upgrade_current_and_downgrade(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sqlite_env(tmp_path, monkeypatch)
    assert main(["db", "current"]) == 0
    assert "base (empty): behind" in capsys.readouterr().out
    assert main(["db", "upgrade"]) == 0
    assert "(latest)" in capsys.readouterr().out
    assert main(["db", "current"]) == 0
    assert "up to date" in capsys.readouterr().out
    assert main(["db", "downgrade", "base"]) == 0
    assert "now at revision base" in capsys.readouterr().out
    assert main(["db", "downgrade", "no-such-rev"]) == 1
    assert "cannot downgrade to no-such-rev" in capsys.readouterr().err


def test_ask_on_a_fresh_database_creates_it_and_suggests_ingesting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sqlite_env(tmp_path, monkeypatch)
    assert main(["ask", "/timeline"]) == 0
    assert "No articles stored yet" in capsys.readouterr().out
    assert (tmp_path / "test.db").exists()


def test_extract_reads_a_file_as_ingest_does_header_lines_and_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "Title: Ferry strike\nPublished: 2031-05-07\n\nFerry crews walked out on Monday, the union said.\n",
        encoding="utf-8",
    )
    assert main(["extract", str(article)]) == 0
    out = capsys.readouterr().out
    assert "2031-05-05" in out and "Published:" not in out  # Monday before the header's date
    article.write_text("Published: last spring\n\nFerry crews walked out.\n", encoding="utf-8")
    assert main(["extract", str(article)]) == 1
    err = capsys.readouterr().err
    assert (
        f"{article}: the Published: line: 'last spring' is not a date" in err and err.count(str(article)) == 1
    )


def test_extract_reads_an_html_page_as_ingest_does_and_explains_each_fact(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.html"
    body = (
        "<p>Ferry crews on the northern routes walked out on Monday after talks over pay and rosters "
        "broke down late on Sunday evening, leaving several thousand travellers stranded.</p>"
        "<p>“We gave the operator every chance to settle this,” said union organiser Dana Kurtz, "
        "who added that the crews would meet again later in the week.</p>"
        "<p>The operator said the walkout had cost it 2.5 million dollars in fares so far.</p>"
    )
    page.write_text(
        "<!doctype html><html><head><title>Ferry strike</title>"
        '<meta property="article:published_time" content="2031-05-07"></head>'
        "<body><nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>Ferry strike</h1>{body}"
        "</article><footer>Copyright Example News</footer></body></html>",
        encoding="utf-8",
    )
    assert main(["extract", "--explain", str(page)]) == 0
    out = capsys.readouterr().out
    assert "<p>" not in out and "Copyright" not in out  # the HTML path, not the raw markup
    assert "Dana Kurtz" in out
    assert "[rule: " in out  # every fact line names the rule that made it
