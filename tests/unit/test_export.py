"""Exports: the whole result of a question as rows, and those rows as CSV and JSON Lines."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from bot.exports import export_filename, render_export, safe_cell, to_csv, to_jsonl
from handlers.commands import show_quotes
from handlers.domain import NewArticle, NewEvent, NewFigure, NewQuote
from handlers.export import COLUMNS, ExportTable, export_facts, parse_export_query, split_file_request
from handlers.results import QueryError, WhoSaidQuery
from handlers.stories import merge_into_stories
from tests.fakes import FakeUnitOfWork

TODAY = date(2031, 3, 10)


def _article(uow: FakeUnitOfWork, n: int, *, outlet: str = "Harbour Post", title: str | None = None) -> int:
    return uow.articles.add(
        NewArticle(
            url=f"https://post.example/{n}",
            title=title or f"Dock report {n}",
            outlet=outlet,
            published=date(2031, 3, 1 + n),
            text=f"report {n}",
            content_hash=f"hash {n}",
        )
    ).id


def _quote(text: str, speaker: str = "Ines Varga") -> tuple[NewQuote, None]:
    quote = NewQuote(
        text=text,
        kind="indirect",
        speaker=speaker,
        speaker_kind="person",
        speaker_role="union steward",
        cue="said",
        start=0,
        end=len(text),
    )
    return quote, None


@pytest.fixture
def uow() -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    for n in range(8):
        article = _article(uow, n)
        uow.quotes.add_many(article, [_quote(f"the dock strike would go on for week {n}")])
    uow.commit()
    return uow


def _query(text: str = ""):  # type: ignore[no-untyped-def]
    return parse_export_query(text, today=TODAY)


def test_quote_export_holds_every_page_not_only_the_first(uow: FakeUnitOfWork) -> None:
    first_page = show_quotes(WhoSaidQuery(terms=["strike"], limit=3), uow=uow)
    assert len(first_page.quotes) == 3 and first_page.page.has_more
    table = export_facts("quotes", _query("strike"), uow=uow, page_size=3)
    assert len(table.rows) == 8
    # Each quote once, newest article first, with its speaker, role, kind and source.
    assert [r["text"] for r in table.rows] == [
        f"the dock strike would go on for week {n}" for n in range(7, -1, -1)
    ]
    row = table.rows[0]
    assert (row["speaker"], row["speaker_role"], row["kind"]) == ("Ines Varga", "union steward", "indirect")
    assert (row["outlet"], row["title"], row["published"]) == ("Harbour Post", "Dock report 7", "2031-03-08")
    assert row["url"] == "https://post.example/7"
    assert table.describe() == "8 quotes for strike"


def test_event_export_has_one_row_per_report_with_its_story() -> None:
    uow = FakeUnitOfWork()
    for n, outlet in enumerate(("Harbour Post", "Coast Wire")):
        article = _article(uow, n, outlet=outlet)
        event = NewEvent(
            date="2031-03-01",
            summary="Dockworkers walked out at Velmora",
            sentence="Dockworkers walked out.",
            start=0,
            end=10,
            places=["Velmora"],
        )
        ref = uow.articles.ref(article)
        merge_into_stories(ref, [event], uow.events.add_many(article, [event]), uow=uow)
    uow.commit()
    table = export_facts("events", _query("Velmora"), uow=uow)
    assert [r["outlet"] for r in table.rows] == ["Harbour Post", "Coast Wire"]
    assert len({r["story_id"] for r in table.rows}) == 1  # two reports of one happening
    assert table.rows[0]["story_date"] == "2031-03-01" and table.rows[0]["places"] == "Velmora"
    assert table.columns == COLUMNS["events"]


def test_figure_export_gives_each_report_its_group_bound_and_range() -> None:
    uow = FakeUnitOfWork()
    for n, (value, high, bound) in enumerate([(52.0, None, "="), (90.0, None, ">"), (70.0, 80.0, "=")]):
        article = _article(uow, n)
        words = f"{value:g} ships"
        figure = NewFigure(
            text=words,
            value=value,
            value_max=high,
            unit="ship",
            bound=bound,  # type: ignore[arg-type]
            about="ships",
            sentence=f"{words} waited.",
            start=0,
            end=len(words),
        )
        uow.figures.add_many(article, [figure])
    uow.commit()
    rows = export_facts("figures", _query("ships"), uow=uow).rows
    assert sorted((r["value"], r["value_max"], r["bound"]) for r in rows) == [
        (52.0, None, None),  # exact: no bound (a lone "=" would be a formula in a spreadsheet)
        (70.0, 80.0, None),
        (90.0, None, ">"),
    ]
    assert all(r["unit"] == "ship" and r["group"] for r in rows)


def test_csv_cells_that_a_spreadsheet_would_run_are_kept_as_text() -> None:
    uow = FakeUnitOfWork()
    article = _article(uow, 0, title='=HYPERLINK("https://evil.example","click")')
    uow.quotes.add_many(
        article,
        [
            _quote("+1 for the union", speaker="@handle"),
            _quote("-2 percent is an insult"),
            _quote("plain words"),
        ],
    )
    uow.commit()
    table = export_facts("quotes", _query(), uow=uow)
    text = to_csv(table)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["title"] for r in rows} == {'\'=HYPERLINK("https://evil.example","click")'}
    assert {r["text"] for r in rows} == {"'+1 for the union", "'-2 percent is an insult", "plain words"}
    assert "'@handle" in {r["speaker"] for r in rows}
    # JSON Lines carry the words as they are: no spreadsheet reads them.
    assert {json.loads(line)["title"] for line in to_jsonl(table).splitlines()} == {
        '=HYPERLINK("https://evil.example","click")'
    }


def test_safe_cell_leaves_numbers_alone_and_guards_tabs_and_returns() -> None:
    assert safe_cell(-3.5) == -3.5 and safe_cell(None) == ""
    assert safe_cell("\t=1+1") == "'\t=1+1" and safe_cell("\r=1") == "'\r=1"
    assert safe_cell("a=b") == "a=b"


def test_csv_has_a_header_and_utf8_and_a_bom_only_when_asked(uow: FakeUnitOfWork) -> None:
    table = ExportTable(
        kind="quotes",
        query=_query("grève"),
        columns=COLUMNS["quotes"],
        rows=[{"speaker": "Zoë Ćirić", "text": "«Non» à l'accord, 200 €", "kind": "direct"}],
    )
    plain = render_export(table, "csv")
    assert plain.decode("utf-8").splitlines()[0] == ",".join(COLUMNS["quotes"])
    assert "Zoë Ćirić" in plain.decode("utf-8") and not plain.startswith(b"\xef\xbb\xbf")
    assert render_export(table, "csv", bom=True).startswith(b"\xef\xbb\xbf")
    [line] = render_export(table, "jsonl").decode("utf-8").splitlines()
    assert json.loads(line)["text"] == "«Non» à l'accord, 200 €" and list(json.loads(line)) == list(
        COLUMNS["quotes"]
    )
    assert export_filename(table, "jsonl") == "briefbot-quotes-greve.jsonl"


def test_an_empty_export_is_a_header_only_csv_and_an_empty_jsonl(uow: FakeUnitOfWork) -> None:
    table = export_facts("figures", _query("zeppelins"), uow=uow)
    assert table.rows == [] and to_csv(table).count("\n") == 1 and to_jsonl(table) == ""


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ships chart", ("ships", "chart")),
        ("ships since Mar 1 CSV", ("ships since Mar 1", "csv")),
        ("chart sales", ("chart sales", None)),  # only the last word asks for a file
        ("csv", ("", "csv")),
        ("", ("", None)),
    ],
)
def test_split_file_request_takes_only_a_trailing_chart_or_csv(
    typed: str, expected: tuple[str, str | None]
) -> None:
    assert split_file_request(typed) == expected


def test_an_export_refuses_limit_since_it_holds_everything() -> None:
    with pytest.raises(QueryError, match="whole result"):
        parse_export_query("ships limit 5", today=TODAY)
    with pytest.raises(QueryError):
        parse_export_query("ships since someday-never", today=TODAY)
    # A chart draws the whole result whatever page the answer showed.
    assert parse_export_query("ships limit 5", today=TODAY, ignore_limit=True).terms == ["ships"]
