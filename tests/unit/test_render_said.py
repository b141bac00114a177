"""Slack and terminal answers show quotes as said and figures as a reader writes them."""

from __future__ import annotations

import json
from datetime import date

from bot.console.render import render as console
from bot.slack.render import render_figures, render_quotes
from handlers.domain import ArticleRef, Page
from handlers.figure_groups import group_figures
from handlers.results import (
    FigureReport,
    FiguresQuery,
    FiguresResult,
    QuoteEntry,
    WhoSaidQuery,
    WhoSaidResult,
)
from tests.unit.block_kit import assert_valid

REF = ArticleRef(
    id=1, url="https://yard.example/a", title="Yard", outlet="Kessel Gazette", published=date(2031, 5, 2)
)
PAGE = Page(total=3, offset=0, limit=10)


def _quotes() -> WhoSaidResult:
    def q(text: str, kind: str, cue: str | None = None) -> QuoteEntry:
        return QuoteEntry(speaker="Martin Holm", text=text, kind=kind, cue=cue, source=REF)  # type: ignore[arg-type]

    return WhoSaidResult(
        query=WhoSaidQuery(terms=["Holm"]),
        matched="topic",
        quotes=[
            q("the shipyard had lost three orders", "indirect", "said"),
            q('the cuts were "a betrayal of the town"', "partial", "called"),
            q('We heard them call it "a betrayal" and we agree,', "direct"),
        ],
        page=PAGE,
    )


def test_slack_and_the_terminal_never_put_reported_speech_in_quotation_marks() -> None:
    for text in (json.dumps(render_quotes(_quotes()).payload(), ensure_ascii=False), console(_quotes())):
        assert "Martin Holm* said the shipyard had lost three orders" in text or (
            "Martin Holm said the shipyard had lost three orders" in text
        )
        assert "“the shipyard" not in text and "(paraphrase)" not in text and "(reported)" not in text
        assert "“the cuts" not in text  # the partial quote keeps only the article's own marks
        assert "“We heard them call it ‘a betrayal’ and we agree”" in text  # one pair; inner marks single
    assert_valid(render_quotes(_quotes()))


def _figures() -> FiguresResult:
    def f(value: float, unit: str, about: str, bound: str = "=", change: str | None = None) -> FigureReport:
        return FigureReport(
            text="x",
            value=value,
            unit=unit,
            about=about,
            bound=bound,
            change=change,
            sentence="s",
            source=REF,  # type: ignore[arg-type]
        )

    reports = [
        f(825e6, "USD", "arms package"),
        f(2e11, "EUR", "frozen assets", ">"),
        f(1.5e6, "person", "people displaced", "~"),
        f(400, "job", "jobs at the yard", change="down"),
        f(24, "year of age", "driver"),
    ]
    return FiguresResult(query=FiguresQuery(), groups=group_figures(reports, lambda r: None), page=PAGE)


def test_figures_read_as_a_reader_writes_them_in_slack_and_the_terminal() -> None:
    slack = json.dumps(render_figures(_figures()).payload(), ensure_ascii=False)
    for text in (slack, console(_figures())):
        for said in (
            "$825 million",
            "over €200 billion",
            "about 1.5 million people",
            "400 fewer jobs",
            "aged 24",
        ):
            assert said in text
        for wrong in ("825,000,000", "USD", "EUR", "e+11", "(down)", "year of age"):
            assert wrong not in text
    assert_valid(render_figures(_figures()))


def test_a_speaker_in_lower_case_opens_its_line_with_a_capital_in_slack_too() -> None:
    from bot.slack.render import quote_said

    assert quote_said("the harbour board", None, "the pilots work four days", "indirect", "said") == (
        "*The harbour board* said the pilots work four days"
    )
    assert quote_said("dock organisers", None, "About 900 left", "indirect", "according to") == (
        "According to *dock organisers*, about 900 left"
    )
