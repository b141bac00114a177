"""Temporal expressions and their TIMEX values, on sentences written for these tests."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from extract.document import Document
from extract.timex.dates import find_dates

MONDAY = date(2025, 9, 8)
SUNDAY = date(2025, 9, 7)


def dates(text: str, published: date | None = MONDAY) -> list[tuple[str, str | None, str]]:
    return [(t.text, t.value, t.kind) for t in find_dates(Document.parse(text, published))]


def value_of(text: str, phrase: str, published: date | None = MONDAY) -> str | None:
    found = [t for t in find_dates(Document.parse(text, published)) if phrase in t.text]
    assert found, f"no expression covering {phrase!r} in {dates(text, published)}"
    return found[0].value


# --- weekdays ---------------------------------------------------------------------------------


def test_sunday_in_an_article_published_on_monday_is_the_day_before() -> None:
    assert value_of("The port was shelled on Sunday, officials said.", "Sunday") == "2025-09-07"


def test_early_sunday_in_an_article_published_that_sunday_is_the_same_day() -> None:
    assert dates("Drones struck the city early Sunday.", SUNDAY) == [("early Sunday", "2025-09-07", "date")]


def test_weekday_in_a_future_sentence_points_ahead() -> None:
    assert value_of("The ministers will meet again on Thursday.", "Thursday") == "2025-09-11"
    assert value_of("The vote is scheduled to take place Thursday.", "Thursday") == "2025-09-11"


def test_weekday_said_in_the_past_points_back_even_when_the_report_is_about_the_future() -> None:
    assert value_of("The mayor said Friday that the bridge would reopen.", "Friday") == "2025-09-05"


def test_last_and_next_weekday_skip_the_publication_day() -> None:
    assert value_of("They met last Monday.", "Monday") == "2025-09-01"
    assert value_of("They meet next Monday.", "Monday") == "2025-09-15"


def test_part_of_day_dates_to_the_day() -> None:
    assert dates("Sirens sounded Sunday night across the capital.") == [
        ("Sunday night", "2025-09-07", "date")
    ]


def test_weekday_before_a_date_picks_the_year_where_the_weekday_agrees() -> None:
    assert value_of("The editorial ran on Monday, Oct. 26.", "Oct. 26", date(2026, 10, 25)) == "2026-10-26"
    assert value_of("The editorial ran on Monday, Oct. 26.", "Oct. 26", date(2020, 10, 20)) == "2020-10-26"


# --- month and day ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written", ["Sept. 7", "Sept 7", "September 7", "Sep. 7", "7 September", "September 7th"]
)
def test_month_day_spellings_share_one_value(written: str) -> None:
    assert value_of(f"The strike came on {written} after weeks of warnings.", "7") == "2025-09-07"


def test_full_dates_carry_their_own_year() -> None:
    assert dates("It began on September 7, 2025.", None) == [("September 7, 2025", "2025-09-07", "date")]
    assert dates("It began on 7 September 2025.", None) == [("7 September 2025", "2025-09-07", "date")]
    assert dates("Filed 2025-09-07 in Kyiv.", None) == [("2025-09-07", "2025-09-07", "date")]


def test_month_day_across_the_year_boundary_is_last_december() -> None:
    assert value_of("The talks collapsed on Dec. 30.", "Dec. 30", date(2026, 1, 3)) == "2025-12-30"


def test_deadline_a_few_weeks_ahead_is_this_year() -> None:
    assert value_of("The deadline for the agreement is Oct. 1.", "Oct. 1") == "2025-10-01"


def test_past_date_mentioned_without_a_year_is_the_latest_one() -> None:
    assert value_of("The ceasefire collapsed on Aug. 15.", "Aug. 15") == "2025-08-15"


def test_invalid_calendar_day_is_not_a_date() -> None:
    assert dates("They said Feb. 30 would never come.") == []


# --- months, years, decades, quarters, seasons ------------------------------------------------


def test_in_july_in_a_september_article_is_this_july() -> None:
    assert value_of("The prior record was set in July.", "July") == "2025-07"


def test_month_after_publication_in_a_past_sentence_is_last_year() -> None:
    assert value_of("The plant was closed in October.", "October") == "2024-10"


def test_month_after_publication_in_a_future_sentence_is_this_year() -> None:
    assert value_of("The plant will close in October.", "October") == "2025-10"


def test_bare_may_is_the_verb_unless_a_preposition_makes_it_a_month() -> None:
    assert dates("Prices May rise, analysts warned.") == []
    assert value_of("Prices rose in May.", "May") == "2025-05"


def test_month_with_year_and_edges() -> None:
    assert value_of("Talks stalled in July 2024.", "July") == "2024-07"
    assert value_of("The offensive began in late November.", "November") == "2024-11"


def test_years_and_decades() -> None:
    assert value_of("Russia invaded in 2022.", "2022") == "2022"
    assert value_of("Prices fell through the 1990s.", "1990s") == "199X"
    assert value_of("The mine closed a decade ago.", "decade") == "2015"


def test_numbers_that_count_things_are_not_years() -> None:
    assert dates("More than 2000 troops crossed; 2,000 people fled; $2025 was paid.") == []


def test_quarters_and_seasons() -> None:
    assert value_of("Output grew in the third quarter.", "quarter") == "2025-Q3"
    assert value_of("Output grew in Q3 2024.", "Q3") == "2024-Q3"
    assert value_of("Sales fell last fall.", "fall") == "2024-FA"


# --- relative to publication ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("yesterday", "2025-09-07"),
        ("today", "2025-09-08"),
        ("tonight", "2025-09-08"),
        ("tomorrow", "2025-09-09"),
        ("last week", "2025-W36"),
        ("this week", "2025-W37"),
        ("next month", "2025-10"),
        ("last year", "2024"),
        ("earlier this year", "2025"),
        ("two weeks ago", "2025-W35"),
        ("3 days ago", "2025-09-05"),
    ],
)
def test_relative_expressions_resolve_against_publication(phrase: str, value: str) -> None:
    assert value_of(f"It happened {phrase}, they said.", phrase) == value


def test_two_weeks_prior_counts_back_from_the_last_day_mentioned() -> None:
    text = "The Aug. 30 strike hit the ministry. He had visited it two weeks prior."
    assert value_of(text, "two weeks prior") == "2025-W33"


def test_the_next_day_follows_the_last_day_mentioned() -> None:
    assert (
        value_of("Rebels took the town on March 3. Troops returned the next day.", "next day") == "2025-03-04"
    )


def test_now_is_the_present_but_sentence_initial_now_is_discourse() -> None:
    assert dates("Prices are now falling.") == [("now", "PRESENT_REF", "date")]
    assert dates("It rained. Now the river is rising.") == []


def test_the_future_and_the_past() -> None:
    assert value_of("Nobody knows what the future holds.", "future") == "FUTURE_REF"


# --- durations and sets -----------------------------------------------------------------------


def test_durations_and_sets_have_their_own_kinds() -> None:
    found = dates("The siege lasted three years; convoys ran daily and inspections came every week.")
    assert ("three years", "P3Y", "duration") in found
    assert ("daily", "P1D", "set") in found
    assert ("every week", "P1W", "set") in found


def test_the_past_week_and_the_coming_weeks_are_durations() -> None:
    kinds = {t: k for t, _, k in dates("The past week was calm, but the coming weeks will be hard.")}
    assert kinds == {"The past week": "duration", "the coming weeks": "duration"}


def test_age_is_not_a_duration() -> None:
    assert dates("A 45-year-old man was arrested.") == []


# --- without a publication date ---------------------------------------------------------------


def test_without_publication_relative_values_stay_unresolved() -> None:
    found = dates("On Sept. 7, a day after yesterday's talks, it rained on Sunday.", None)
    assert ("Sept. 7", "XXXX-09-07", "date") in found
    assert ("yesterday", None, "date") in found
    assert ("Sunday", "XXXX-WXX-7", "date") in found


def test_offsets_cover_the_expression_text() -> None:
    text = "Talks resumed on Aug. 15 and again last week."
    for t in find_dates(Document.parse(text, MONDAY)):
        assert text[t.start : t.end] == t.text


def test_year_before_a_quarter_names_the_quarter_year() -> None:
    assert dates("Profit in the 2019 third quarter rose.") == [("the 2019 third quarter", "2019-Q3", "date")]


def test_a_quarter_million_is_an_amount_not_a_duration() -> None:
    assert dates("The repairs cost a quarter million dollars.") == []


def test_sentence_opening_year_frames_later_yearless_dates() -> None:
    assert value_of("In 2019, the port reopened on March 3.", "March 3") == "2019-03-03"
    assert value_of("The port, rebuilt in 2019, will reopen on March 3.", "March 3") == "2026-03-03"


def test_parts_of_the_current_period() -> None:
    assert value_of("The deal should close by the end of the year.", "year") == "2025"
    assert value_of("Talks resume later in the month.", "month") == "2025-09"
    assert value_of("Profit rose in the first half.", "half") == "2025-H1"
    assert value_of("Prices are currently high.", "currently") == "PRESENT_REF"


def test_a_publication_datetime_works_like_its_date() -> None:
    assert value_of(
        "The port was shelled on Sunday and on Dec. 30.", "Sunday", datetime(2025, 9, 8, 14, 30)
    ) == ("2025-09-07")


def test_holiday_names_of_things_are_not_dates() -> None:
    assert dates("Trucks brought Christmas trees from Oregon.") == []
    assert value_of("The ceasefire began on Christmas Day.", "Christmas") == "2024-12-25"
