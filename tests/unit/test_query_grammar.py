from datetime import date

import pytest

from handlers.query import parse_query
from handlers.results import QueryError

TODAY = date(2025, 9, 10)  # a Wednesday


def test_topic_words_alone_are_terms_with_default_limit() -> None:
    q = parse_query("port strike", today=TODAY)
    assert q.terms == ["port", "strike"] and q.since is None and q.until is None and q.limit == 10


def test_iso_since_until_and_limit_are_read() -> None:
    q = parse_query("kyiv since 2025-09-01 until 2025-09-07 limit 5", today=TODAY)
    assert q.terms == ["kyiv"]
    assert (q.since, q.until, q.limit) == (date(2025, 9, 1), date(2025, 9, 7), 5)


def test_keywords_are_case_insensitive_and_quotes_around_names_are_dropped() -> None:
    q = parse_query("“Andrii Sybiha” SINCE 2025-09-01 Limit 3", today=TODAY)
    assert q.terms == ["Andrii", "Sybiha"] and q.since == date(2025, 9, 1) and q.limit == 3


def test_empty_query_means_everything() -> None:
    q = parse_query("   ", today=TODAY)
    assert q.terms == [] and q.describe() == "everything"


def test_words_after_a_date_are_taken_as_topic() -> None:
    q = parse_query("since 2025-09-01 drones", today=TODAY)
    assert q.terms == ["drones"] and q.since == date(2025, 9, 1)


def test_since_natural_month_day_is_this_years_day() -> None:
    assert parse_query("drones since Sep 1", today=TODAY).since == date(2025, 9, 1)
    assert parse_query("drones since Aug 1", today=TODAY).since == date(2025, 8, 1)


def test_until_yesterday_is_the_day_before_today() -> None:
    assert parse_query("until yesterday", today=TODAY).until == date(2025, 9, 9)


def test_since_last_week_starts_on_the_monday_of_last_week() -> None:
    assert parse_query("since last week", today=TODAY).since == date(2025, 9, 1)


def test_describe_echoes_what_was_searched() -> None:
    q = parse_query("drones since 2025-09-01", today=TODAY)
    assert q.describe() == "drones since 2025-09-01"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("drones limit many", "whole number"),
        ("drones limit 0", "from 1 to 50"),
        ("drones limit 51", "from 1 to 50"),
        ("drones limit -3", "from 1 to 50"),
        ("drones limit", "needs a value"),
        ("drones since", "needs a value"),
        ("drones since the day the music died", "cannot read the date"),
        ("since 2025-09-07 until 2025-09-01", "is after"),
        ("since 2025-09-01 since 2025-09-02", "twice"),
        ("limit 5 drones", "before 'limit'"),
    ],
)
def test_malformed_query_raises_query_error_saying_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        parse_query(text, today=TODAY)


# --- issue 19: a query with nothing to search for says so; long topics are clipped ----------


@pytest.mark.parametrize(
    "text", ["🔥", "AND", "the", "!!!", "-- ...", "🔥 and the", "# since 2025-09-01", "or not"]
)
def test_a_topic_with_no_searchable_word_says_so(text: str) -> None:
    with pytest.raises(QueryError, match="Nothing to search for"):
        parse_query(text, today=TODAY)


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("Київ", ["Київ"]),
        ("Αθήνα since 2025-09-01", ["Αθήνα"]),
        ("São Paulo", ["São", "Paulo"]),
        ("€", ["€"]),
        ("the floods", ["the", "floods"]),
        ("since 2025-09-01", []),
    ],
)
def test_words_of_any_script_currency_symbols_and_no_topic_at_all_are_searchable(
    text: str, terms: list[str]
) -> None:
    assert parse_query(text, today=TODAY).terms == terms


def test_a_long_topic_is_clipped_in_the_heading_at_a_word_boundary() -> None:
    words = "the regional council approved an emergency budget for flood defences along the river " * 3
    q = parse_query(words + "since 2025-09-01", today=TODAY)
    described = q.describe()
    topic = described.removesuffix(" since 2025-09-01")
    assert described.endswith(" since 2025-09-01")
    assert len(topic) <= 60 and topic.endswith("…")
    assert words.startswith(topic[:-1])
    assert words[len(topic) - 1] == " "  # cut between words
    assert len(q.terms) == 39  # the search itself keeps every word
