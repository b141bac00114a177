"""Plain English to the three questions (handlers.intent): a table of what people type to the bot.

Each row: the message, what it must ask ("/whosaid", "/timeline", "/figures"; or "more", "help",
"unsure", "refine" for a reply that only changes the thread's last question), and the query text
in the slash commands' grammar. Written for this table; TODAY is a Thursday.
"""

from __future__ import annotations

from datetime import date

import pytest

from handlers.intent import parse_intent, slash_forms, understood
from handlers.query import parse_query

TODAY = date(2026, 12, 3)  # Thursday; this week began Mon 30 Nov, last Friday was 27 Nov

TABLE: list[tuple[str, str, str]] = [
    # who said what
    ("what did Zelensky say about sanctions this week?", "/whosaid", "Zelensky sanctions since 2026-11-30"),
    (
        "<@U0BOT> what did Zelensky say about sanctions this week?",
        "/whosaid",
        "Zelensky sanctions since 2026-11-30",
    ),
    (
        "@briefbot what did Zelensky say about sanctions this week",
        "/whosaid",
        "Zelensky sanctions since 2026-11-30",
    ),
    ("who said anything on wages", "/whosaid", "wages"),
    ("any quotes from Okafor", "/whosaid", "Okafor"),
    ("whos said anything about cranes", "/whosaid", "cranes"),
    ("who's said anything about cranes?", "/whosaid", "cranes"),
    ("qoutes from Okafor", "/whosaid", "Okafor"),
    ("what has Okafor said in the past two weeks", "/whosaid", "Okafor since 2026-11-19"),
    (
        "Did Okafor comment on the strike last week?",
        "/whosaid",
        "Okafor strike since 2026-11-23 until 2026-11-29",
    ),
    ("Zelensky's comments on sanctions", "/whosaid", "Zelensky sanctions"),
    (
        "quotes by Okafor about wages since Monday limit 5",
        "/whosaid",
        "Okafor wages since 2026-11-30 limit 5",
    ),
    ("top 5 quotes about wages", "/whosaid", "wages limit 5"),
    ("what is the harbour master saying about cranes", "/whosaid", "harbour master cranes"),
    ("what are the unions saying about the strike today", "/whosaid", "unions strike since 2026-12-03"),
    ("has anyone commented on the ferry delays?", "/whosaid", "ferry delays"),
    ("show me quotes about the election until 2025-12-31", "/whosaid", "election until 2025-12-31"),
    ("what did the mayor say on Monday", "/whosaid", "mayor since 2026-11-30 until 2026-11-30"),
    ("statements from the ministry about tariffs", "/whosaid", "ministry tariffs"),
    ("remarks by Okafor before Friday", "/whosaid", "Okafor until 2026-11-26"),
    ("what has been said about the bridge", "/whosaid", "bridge"),
    ("who is talking about inflation", "/whosaid", "inflation"),
    ("what was Okafor quoted as saying yesterday", "/whosaid", "Okafor since 2026-12-02 until 2026-12-02"),
    ("quotes", "/whosaid", ""),
    ("what did okafor say", "/whosaid", "okafor"),
    ("Okafor quotes", "/whosaid", "Okafor"),
    ("quotes about wages from the union", "/whosaid", "union wages"),
    ("the latest quotes from Okafor", "/whosaid", "Okafor"),
    ("who has commented on the merger in the last 48 hours", "/whosaid", "merger since 2026-12-01"),
    # what happened when
    ("timeline of the port strike since Monday", "/timeline", "port strike since 2026-11-30"),
    (
        "what happened with the harbour fire yesterday",
        "/timeline",
        "harbour fire since 2026-12-02 until 2026-12-02",
    ),
    ("timline of the port strike", "/timeline", "port strike"),
    (
        "timeline of the floods between Monday and Wednesday",
        "/timeline",
        "floods since 2026-11-30 until 2026-12-02",
    ),
    ("what happened from 1 Nov to 15 Nov", "/timeline", "since 2026-11-01 until 2026-11-15"),
    ("events in Velmora this month", "/timeline", "Velmora since 2026-12-01"),
    ("what's going on with the dock strike?", "/timeline", "dock strike"),
    (
        "any news on the harbour expansion since last Friday",
        "/timeline",
        "harbour expansion since 2026-11-27",
    ),
    ("chronology of the harbour dispute", "/timeline", "harbour dispute"),
    ("history of the ferry service in 2025", "/timeline", "ferry service since 2025-01-01 until 2025-12-31"),
    ("timelne of the blackout this week", "/timeline", "blackout since 2026-11-30"),
    ("what happend at the refinery over the past week", "/timeline", "refinery since 2026-11-26"),
    ("what happened in Velmora", "/timeline", "Velmora"),
    ("timeline", "/timeline", ""),
    ("latest on the strike", "/timeline", "strike"),
    ("any updates on the ferry strike since Tuesday", "/timeline", "ferry strike since 2026-12-01"),
    ("what is happening in Velmora today", "/timeline", "Velmora since 2026-12-03"),
    ("what happened over the weekend at the port", "/timeline", "port since 2026-11-28 until 2026-11-29"),
    ("anything new on the harbour?", "/timeline", "harbour"),
    ("what's new with the strike", "/timeline", "strike"),
    # what the numbers are
    ("how many drones?", "/figures", "drones"),
    (
        "figures on container traffic last month",
        "/figures",
        "container traffic since 2026-11-01 until 2026-11-30",
    ),
    ("figuers on drones", "/figures", "drones"),
    ("how many containers in November", "/figures", "containers since 2026-11-01 until 2026-11-30"),
    ("how much did the harbour cost in 2025?", "/figures", "harbour cost since 2025-01-01 until 2025-12-31"),
    ("numbers on unemployment since 1 Nov", "/figures", "unemployment since 2026-11-01"),
    ("stats on ferry delays this month", "/figures", "ferry delays since 2026-12-01"),
    ("give me the figures on casualties over the past week", "/figures", "casualties since 2026-11-26"),
    ("how many people were evacuated yesterday", "/figures", "evacuated since 2026-12-02 until 2026-12-02"),
    ("tally of votes in the last 3 days", "/figures", "votes since 2026-11-30"),
    ("statistcs on exports since last month", "/figures", "exports since 2026-11-01"),
    ("HOW MANY DRONES THIS WEEK", "/figures", "DRONES since 2026-11-30"),
    ("which figures were reported about the budget", "/figures", "budget"),
    ("percentage of voters?", "/figures", "voters"),
    # the slash form typed to the bot
    ("/whosaid Okafor since 2025-01-01", "/whosaid", "Okafor since 2025-01-01"),
    ("/timeline port strike since Monday", "/timeline", "port strike since 2026-11-30"),
    ("/figures containers limit 3", "/figures", "containers limit 3"),
    # the next page, help
    ("more", "more", ""),
    ("next", "more", ""),
    ("more please", "more", ""),
    ("show more", "more", ""),
    ("help", "help", ""),
    ("help me", "help", ""),
    ("what can you do?", "help", ""),
    ("hello", "help", ""),
    ("", "help", ""),
    # replies in a thread that refine its last question
    ("only since Friday", "refine", "since 2026-11-27"),
    ("since last Friday", "refine", "since 2026-11-27"),
    ("just yesterday", "refine", "since 2026-12-02 until 2026-12-02"),
    ("limit 5", "refine", "limit 5"),
    ("what about Okafor", "refine", "Okafor"),
    ("just the figures", "/figures", ""),
    ("and the timeline?", "/timeline", ""),
    ("figures please", "/figures", ""),
    ("more quotes", "/whosaid", ""),
    ("and since Friday?", "refine", "since 2026-11-27"),
    ("only Okafor", "refine", "Okafor"),
    # no clear question: offer the slash forms, do not guess
    ("Zelensky sanctions", "unsure", "Zelensky sanctions"),
    ("port strike", "unsure", "port strike"),
    ("tell me about the strike", "unsure", "strike"),
    ("the strike since Monday", "unsure", "strike since 2026-11-30"),
]


@pytest.mark.parametrize(("message", "asks", "query"), TABLE, ids=[row[0] or "(empty)" for row in TABLE])
def test_message_asks_the_question_with_the_query(message: str, asks: str, query: str) -> None:
    intent = parse_intent(message, today=TODAY)
    if asks.startswith("/"):
        assert (intent.action, f"/{intent.command}") == ("ask", asks)
    elif asks == "refine":
        assert (intent.action, intent.command, intent.follow_up) == ("ask", None, True)
    else:
        assert intent.action == asks
    assert intent.query_text() == query


def test_the_table_holds_at_least_sixty_phrasings_each_once() -> None:
    messages = [row[0] for row in TABLE]
    assert len(messages) >= 60 and len(set(messages)) == len(messages)


@pytest.mark.parametrize(("message", "asks", "query"), [r for r in TABLE if r[1].startswith("/")])
def test_the_query_reads_back_through_the_slash_grammar(message: str, asks: str, query: str) -> None:
    intent = parse_intent(message, today=TODAY)
    parsed = parse_query(query, today=TODAY)
    assert (parsed.since, parsed.until) == (intent.since, intent.until)
    assert parsed.terms == intent.terms


def test_the_person_is_told_apart_from_the_topic() -> None:
    intent = parse_intent("what did Zelensky say about sanctions this week?", today=TODAY)
    assert (intent.person, intent.topic) == ("Zelensky", ["sanctions"])
    assert parse_intent("any quotes from Okafor on wages", today=TODAY).person == "Okafor"
    assert parse_intent("who said anything on wages", today=TODAY).person is None


def test_a_short_question_is_a_follow_up_but_a_full_one_is_not() -> None:
    assert parse_intent("just the figures", today=TODAY).follow_up
    assert not parse_intent("how many drones?", today=TODAY).follow_up
    assert not parse_intent("what happened from 1 Nov to 15 Nov", today=TODAY).follow_up


def test_what_was_understood_is_said_back_with_the_stored_name() -> None:
    intent = parse_intent("what did Zelensky say about sanctions this week?", today=TODAY)
    said = understood(intent, today=TODAY, person_name="Volodymyr Zelensky")
    assert said == "Quotes by Volodymyr Zelensky about sanctions since Mon 30 Nov"
    assert understood(intent, today=TODAY) == "Quotes by Zelensky about sanctions since Mon 30 Nov"
    yesterday = parse_intent("what happened with the harbour fire yesterday", today=TODAY)
    assert understood(yesterday, today=TODAY) == "Timeline of harbour fire on Wed 2 Dec"
    month = parse_intent("figures on exports in November 2025 top 3", today=TODAY)
    assert (
        understood(month, today=TODAY)
        == "Figures on exports from Sat 1 Nov 2025 to Sun 30 Nov 2025 (up to 3)"
    )


def test_an_unsure_message_offers_the_slash_forms() -> None:
    intent = parse_intent("Zelensky sanctions since Monday", today=TODAY)
    assert intent.action == "unsure"
    assert slash_forms(intent) == (
        "Try /whosaid Zelensky sanctions since 2026-11-30, /timeline Zelensky sanctions since 2026-11-30"
        " or /figures Zelensky sanctions since 2026-11-30"
    )


def test_a_tie_between_two_questions_offers_those_two() -> None:
    intent = parse_intent("quotes and figures on wages", today=TODAY)
    assert intent.action == "unsure" and intent.candidates == ["whosaid", "figures"]


def test_a_real_word_near_a_question_word_is_a_topic_not_a_typo() -> None:
    intent = parse_intent("how many fishing quotas", today=TODAY)
    assert (intent.command, intent.topic) == ("figures", ["fishing", "quotas"])


def test_a_limit_past_the_maximum_is_brought_down_to_it() -> None:
    assert parse_intent("top 500 quotes about wages", today=TODAY).limit == 50
