"""A question on an empty database says so, and how to add articles: in Slack, the shell and `ask` alike."""

from __future__ import annotations

import json
from datetime import date

import pytest

from bot.console.render import render
from bot.slack.limits import violations
from bot.slack.replies import answer_message
from handlers.ask import answer
from handlers.catalog import default_registry
from handlers.desk import Ports
from handlers.domain import NewArticle
from handlers.front_door import FrontDoor
from handlers.help import NO_ARTICLES, empty_store_hint, empty_store_text
from tests.fakes import FakeUnitOfWork, FixedClock

CLOCK = FixedClock(date(2031, 5, 2))


@pytest.mark.parametrize("question", ["timeline", "whosaid", "figures"])
@pytest.mark.parametrize("text", ["Velmora", "", "ferry since 2031-01-01", "two words"])
def test_slack_answer_on_an_empty_store_says_no_articles_and_how_to_add(question: str, text: str) -> None:
    uow = FakeUnitOfWork()
    door = FrontDoor(default_registry(), Ports(uow_factory=lambda: uow, clock=CLOCK), "slack")
    message = answer_message(door, [question, *text.split()], door.call()).message
    payload = message.payload()
    assert violations(payload) == []
    shown = json.dumps(payload["blocks"], ensure_ascii=False)
    assert "No articles stored yet" in shown
    assert "briefbot ingest FILE_OR_URL" in shown and "/briefbot sources add" in shown
    # Nothing was searched: no "Nothing on the timeline for ..." above the hint, in blocks or fallback.
    assert "found for" not in json.dumps(payload) and "Nothing on the timeline" not in json.dumps(payload)
    assert message.text.startswith("No articles stored yet")


def test_the_terminal_and_slack_say_it_with_the_same_words() -> None:
    result = answer("/timeline Velmora", uow=FakeUnitOfWork(), today=CLOCK.today())
    assert result.suggestion == empty_store_hint()  # type: ignore[union-attr]
    assert render(result).endswith(empty_store_hint())
    long = empty_store_text("sqlite:///x.db")
    assert long.startswith(f"{NO_ARTICLES} (database sqlite:///x.db). Add some with:")
    for command in ("briefbot ingest FILE_OR_URL", "briefbot sources add FEED_URL", "briefbot demo"):
        assert command in long and command in empty_store_hint()


def test_a_stored_article_brings_back_the_usual_suggestion() -> None:
    uow = FakeUnitOfWork()
    uow.articles.add(NewArticle(url=None, title="t", outlet="o", published=None, text="x", content_hash="h"))
    result = answer("/timeline Velmora", uow=uow, today=CLOCK.today())
    assert result.suggestion and NO_ARTICLES not in result.suggestion  # type: ignore[union-attr]
