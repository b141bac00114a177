"""Messages to the bot in a thread (handlers.conversation), and /whosaid with a name and a topic,
on the in-memory store."""

from __future__ import annotations

from datetime import date

import pytest

from handlers.commands import show_quotes
from handlers.conversation import Reply, remember_question, reply_to
from handlers.domain import NewArticle, NewQuote
from handlers.results import WhoSaidQuery
from tests.fakes import FakeUnitOfWork

TODAY = date(2026, 12, 3)  # Thursday


def _quote(text: str, speaker: str) -> NewQuote:
    return NewQuote(text=text, kind="direct", speaker=speaker, speaker_kind="person", start=0, end=len(text))


@pytest.fixture
def uow() -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    zelensky = uow.people.upsert(
        "Volodymyr Zelensky", kind="person", aliases=["Zelensky"], roles=["president"]
    )
    other = uow.people.upsert("Ines Barrow", kind="person", aliases=[], roles=["analyst"])
    article = uow.articles.add(
        NewArticle(
            url="https://wire.example/1",
            title="Talks",
            outlet="Wire",
            published=date(2026, 12, 1),
            text="t",
            content_hash="1",
        )
    ).id
    uow.quotes.add_many(
        article,
        [
            (_quote("The new sanctions must bite harder", "Volodymyr Zelensky"), zelensky.id),
            (_quote("Grain must keep moving through the ports", "Volodymyr Zelensky"), zelensky.id),
            (_quote("Zelensky wants sanctions to widen, and he may get them", "Ines Barrow"), other.id),
        ],
    )
    uow.commit()
    return uow


def _texts(uow: FakeUnitOfWork, query: str) -> tuple[str, list[str]]:
    result = show_quotes(WhoSaidQuery(text=query, terms=query.split()), uow=uow)
    return result.matched, [q.text for q in result.quotes]


def test_whosaid_a_name_and_a_topic_is_that_persons_quotes_on_the_topic(uow: FakeUnitOfWork) -> None:
    assert _texts(uow, "Zelensky sanctions") == ("person", ["The new sanctions must bite harder"])
    assert _texts(uow, "sanctions Zelensky") == ("person", ["The new sanctions must bite harder"])


def test_whosaid_a_whole_name_is_still_every_quote_of_that_person(uow: FakeUnitOfWork) -> None:
    matched, texts = _texts(uow, "Volodymyr Zelensky")
    assert matched == "person" and len(texts) == 2


def test_whosaid_words_naming_nobody_search_every_quote(uow: FakeUnitOfWork) -> None:
    assert _texts(uow, "widen sanctions") == (
        "topic",
        ["Zelensky wants sanctions to widen, and he may get them"],
    )


def _ask(uow: FakeUnitOfWork, text: str, thread: str = "1.0") -> Reply:
    return reply_to(text, channel="C1", thread=thread, uow=uow, today=TODAY)


def _ask_and_remember(uow: FakeUnitOfWork, text: str, next_offset: int = 0, thread: str = "1.0") -> Reply:
    reply = _ask(uow, text, thread)
    assert reply.asked is not None, reply
    remember_question(reply.asked.model_copy(update={"next_offset": next_offset}), uow=uow)
    return reply


def test_a_question_is_said_back_with_the_stored_full_name(uow: FakeUnitOfWork) -> None:
    reply = _ask(uow, "what did Zelensky say about sanctions this week?")
    assert reply.kind == "answer" and reply.command == "whosaid"
    assert reply.text == "Quotes by Volodymyr Zelensky about sanctions since Mon 30 Nov"
    assert reply.query == "Zelensky sanctions since 2026-11-30" and reply.offset == 0


def test_a_slash_form_naming_someone_is_said_back_as_their_quotes(uow: FakeUnitOfWork) -> None:
    assert _ask(uow, "/whosaid Zelensky grain").text == "Quotes by Volodymyr Zelensky about grain"


def test_only_since_replaces_the_whole_window_of_the_threads_question(uow: FakeUnitOfWork) -> None:
    _ask_and_remember(uow, "what did Zelensky say about sanctions last week")
    reply = _ask(uow, "only since Friday")
    assert (reply.command, reply.query) == ("whosaid", "Zelensky sanctions since 2026-11-27")
    assert reply.text == "Quotes by Volodymyr Zelensky about sanctions since Fri 27 Nov"


def test_just_the_figures_asks_for_figures_on_the_same_topic_and_window(uow: FakeUnitOfWork) -> None:
    _ask_and_remember(uow, "what did Zelensky say about sanctions this week")
    reply = _ask(uow, "just the figures")
    assert (reply.command, reply.query) == ("figures", "Zelensky sanctions since 2026-11-30")
    assert reply.text == "Figures on Zelensky sanctions since Mon 30 Nov"


def test_limit_and_what_about_change_only_their_part(uow: FakeUnitOfWork) -> None:
    _ask_and_remember(uow, "timeline of the port strike since Monday")
    assert _ask(uow, "limit 5").query == "port strike since 2026-11-30 limit 5"
    assert _ask(uow, "what about the ferries").query == "ferries since 2026-11-30"


def test_more_asks_the_threads_question_from_where_its_page_ended(uow: FakeUnitOfWork) -> None:
    _ask_and_remember(uow, "how many drones", next_offset=10)
    reply = _ask(uow, "more")
    assert (reply.command, reply.query, reply.offset) == ("figures", "drones", 10)
    assert reply.text == "More of: Figures on drones"


def test_more_after_the_last_page_says_so(uow: FakeUnitOfWork) -> None:
    _ask_and_remember(uow, "how many drones", next_offset=0)
    reply = _ask(uow, "more")
    assert reply.kind == "last_page" and reply.command is None and "Figures on drones" in reply.text


def test_a_refinement_with_nothing_asked_in_the_thread_says_so(uow: FakeUnitOfWork) -> None:
    _ask_and_remember(uow, "how many drones", thread="elsewhere")
    assert _ask(uow, "more").kind == "nothing_asked"
    assert _ask(uow, "only since Friday").kind == "nothing_asked"
    assert _ask(uow, "what about ferries").kind == "unsure"


def test_a_short_question_with_nothing_before_it_is_asked_as_it_stands(uow: FakeUnitOfWork) -> None:
    reply = _ask(uow, "just the figures")
    assert (reply.kind, reply.command, reply.query) == ("answer", "figures", "")


def test_an_unsure_message_offers_the_slash_forms_and_help_the_examples(uow: FakeUnitOfWork) -> None:
    unsure = _ask(uow, "port strike")
    assert unsure.kind == "unsure" and "/timeline port strike" in unsure.text and unsure.asked is None
    assert "timeline of the port strike since Monday" in _ask(uow, "help").text


def test_a_new_question_in_the_thread_replaces_the_last_one(uow: FakeUnitOfWork) -> None:
    _ask_and_remember(uow, "how many drones", next_offset=10)
    _ask_and_remember(uow, "timeline of the strike")
    assert uow.threads.last("C1", "1.0") is not None
    reply = _ask(uow, "more")
    assert reply.kind == "last_page" and "Timeline of strike" in reply.text
