"""Reading rules added after measuring on news: tense cues, anchors and compound expressions."""

from __future__ import annotations

from datetime import date

from extract.document import Document
from extract.timex.dates import find_dates

FRIDAY = date(2024, 5, 17)
THURSDAY = date(2024, 5, 16)


def value_of(text: str, phrase: str, published: date | None = THURSDAY) -> str | None:
    found = [t for t in find_dates(Document.parse(text, published)) if phrase in t.text]
    assert found, f"no expression covering {phrase!r}"
    return found[0].value


# --- tense cues -------------------------------------------------------------------------------


def test_would_leaves_a_weekday_to_the_nearest_occurrence() -> None:
    # Wednesday was two days before publication; next Wednesday is five days ahead
    text = "Union leaders said they would appeal Wednesday's ruling by the labour court."
    assert value_of(text, "Wednesday", FRIDAY) == "2024-05-15"


def test_would_still_points_ahead_when_the_next_occurrence_is_near() -> None:
    text = "The board said the company would publish its accounts on Saturday."
    assert value_of(text, "Saturday", FRIDAY) == "2024-05-18"


def test_would_before_a_plain_weekday_points_ahead() -> None:
    text = "The minister said he would resign on Friday."
    assert value_of(text, "Friday", date(2024, 5, 14)) == "2024-05-17"


def test_a_planned_trip_does_not_send_a_past_weekday_forward() -> None:
    text = "On Monday, when the minister cut short a hastily planned tour, the border was closed."
    assert value_of(text, "Monday", THURSDAY) == "2024-05-13"


def test_agreed_to_leaves_a_month_ahead_of_publication_possible() -> None:
    text = "The alliance decided to admit the two applicants in early July, a diplomat said."
    assert value_of(text, "July", date(2024, 6, 10)) == "2024-07"


def test_postponed_until_a_weekday_points_ahead() -> None:
    text = "The court postponed until Tuesday morning any ruling on the appeal."
    assert value_of(text, "Tuesday", THURSDAY) == "2024-05-21"


def test_a_present_tense_verb_keeps_a_far_past_verb_from_deciding() -> None:
    text = (
        "The mayor still had not signed the order to close the plant that employs four hundred people "
        "if the owners lose their appeal when the case is heard in August in the regional court."
    )
    assert value_of(text, "August", date(2024, 6, 10)) == "2024-08"


def test_a_past_verb_far_along_the_sentence_still_tenses_a_bare_month() -> None:
    text = (
        "In March, barely a week after the anniversary of the founding of the regional parliament "
        "and its first sitting in the old city hall, a fire in the archive destroyed records."
    )
    assert value_of(text, "March", date(2024, 1, 20)) == "2023-03"


def test_were_planning_to_points_ahead() -> None:
    text = "Farmers announced a rally in the capital on Saturday and were planning to block the motorway."
    assert value_of(text, "Saturday", FRIDAY) == "2024-05-18"


def test_a_condition_leaves_a_coming_month_possible() -> None:
    text = "She emerged as the favourite for the post if her party wins the vote in November and he retires."
    assert value_of(text, "November", date(2024, 9, 8)) == "2024-11"


def test_a_modal_keeps_an_earlier_past_verb_from_deciding() -> None:
    text = "The campaign ignored rural voters and as a result must now persuade them to turn out in November."
    assert value_of(text, "November", date(2024, 9, 8)) == "2024-11"


def test_less_than_forecast_in_a_month_looks_back_at_the_forecast() -> None:
    text = "The fund says output will grow 1.2 percent, less than forecast in July."
    assert value_of(text, "July", date(2024, 10, 5)) == "2024-07"


# --- compound and anchored expressions ---------------------------------------------------------


def test_the_week_of_a_date_is_that_iso_week() -> None:
    assert value_of("The trial opens the week of June 10, the clerk said.", "week of") == "2024-W24"
    assert value_of("Protests grew in the week of 3 March.", "week of") == "2024-W9"


def test_a_holiday_week_is_the_week_that_holds_the_holiday() -> None:
    assert value_of("Traffic fell during Thanksgiving week 2023.", "Thanksgiving") == "2023-W47"


def test_the_day_before_a_date_is_one_expression_a_day_earlier() -> None:
    found = find_dates(Document.parse("The day before last Tuesday's vote, the party split.", THURSDAY))
    assert [(t.text, t.value) for t in found] == [("The day before last Tuesday", "2024-05-13")]


def test_the_day_after_an_event_hangs_on_the_date_just_mentioned() -> None:
    text = "The envoy landed on May 9. Police detained two aides the day after his arrival."
    assert value_of(text, "the day after") == "2024-05-10"


def test_the_day_after_a_future_happening_is_not_dated() -> None:
    text = "The court sat on May 9. Unions will strike the day after the verdict."
    assert [t.text for t in find_dates(Document.parse(text, THURSDAY))] == ["May 9"]


def test_the_day_after_without_a_recent_day_is_not_dated() -> None:
    found = find_dates(Document.parse("Police detained two aides the day after the rally.", THURSDAY))
    assert found == []


def test_the_day_before_in_apposition_to_a_date_is_not_a_second_date() -> None:
    text = "She was last seen on May 3, the day before the warrant was issued."
    assert [t.text for t in find_dates(Document.parse(text, THURSDAY))] == ["May 3"]


def test_later_in_the_day_before_an_action_is_no_anchored_date() -> None:
    text = "She spent the morning in Lyon on May 3 and flew to Nice later in the day before returning."
    assert [t.text for t in find_dates(Document.parse(text, THURSDAY))] == ["May 3"]


def test_the_second_day_of_a_pair_is_its_own_date() -> None:
    found = find_dates(Document.parse("The summit will be held on April 24 and 25.", date(2024, 2, 1)))
    assert [(t.text, t.value) for t in found] == [("April 24", "2024-04-24"), ("25", "2024-04-25")]


def test_a_number_after_a_date_and_and_that_counts_something_is_no_day() -> None:
    found = find_dates(Document.parse("On April 24 and 25 others were hurt.", date(2024, 5, 1)))
    assert [t.text for t in found] == ["April 24"]


def test_same_day_after_a_month_is_a_day_of_that_month() -> None:
    text = "The judge was attacked last October. His name was removed from the list that same day."
    assert value_of(text, "same day", date(2024, 2, 6)) == "2023-10-XX"


def test_a_month_before_a_lower_case_noun_is_a_date() -> None:
    assert value_of("Observers praised the May elections.", "May", date(2024, 6, 1)) == "2024-05"


def test_a_month_before_a_name_is_still_not_a_date() -> None:
    assert find_dates(Document.parse("The June Carter show aired.", THURSDAY)) == []
    assert find_dates(Document.parse("Critics of the May government rallied.", THURSDAY)) == []


# --- datelines ----------------------------------------------------------------------------------


def test_the_dateline_day_is_the_reference_when_the_feed_stamps_the_next_day() -> None:
    text = "BRUSSELS, May 15 (Xinhua) -- Ministers met yesterday to discuss the budget."
    assert value_of(text, "yesterday", THURSDAY) == "2024-05-14"


def test_a_dateline_far_from_publication_is_not_the_reference() -> None:
    text = "BRUSSELS, March 2 (Xinhua) -- Ministers met yesterday to discuss the budget."
    assert value_of(text, "yesterday", THURSDAY) == "2024-05-15"


def test_a_dateline_with_a_year_dates_an_article_without_publication_date() -> None:
    text = "GENEVA, May 15, 2024 (Reuters) - Delegates met on Monday."
    assert value_of(text, "Monday", None) == "2024-05-13"


# --- seasons, centuries, names ------------------------------------------------------------------


def test_a_bare_season_in_the_past_is_the_last_one_begun() -> None:
    assert value_of("The talks broke down during the winter.", "winter") == "2023-WI"
    assert value_of("They signed the accord in the summer.", "summer") == "2023-SU"


def test_a_bare_season_in_the_future_is_the_coming_one() -> None:
    assert value_of("The plant will reopen in the autumn.", "autumn") == "2024-FA"
    assert value_of("The plant will reopen in the spring.", "spring") == "2025-SP"


def test_the_fall_of_something_is_no_season() -> None:
    assert find_dates(Document.parse("After the fall of the regime, exiles returned.", THURSDAY)) == []
    assert find_dates(Document.parse("The summer heat ruined crops.", THURSDAY)) == []


def test_an_ordinal_century_is_its_hundred_years() -> None:
    assert value_of("It was the deadliest storm of the 20th century.", "century") == "19XX"
    assert value_of("They restored an 18th-century church.", "century") == "17XX"


def test_a_capitalised_century_inside_a_name_is_no_date() -> None:
    assert find_dates(Document.parse("He sued 20th Century Fox over the film.", THURSDAY)) == []


def test_a_capitalised_set_word_inside_a_name_is_no_set() -> None:
    text = "He told The Daily Caller and NBC Nightly News that the ferry sails daily."
    assert [(t.text, t.value) for t in find_dates(Document.parse(text, THURSDAY))] == [("daily", "P1D")]


# --- scheduled happenings -------------------------------------------------------------------------


def test_a_clock_time_on_a_month_day_is_one_time_of_that_day() -> None:
    found = find_dates(Document.parse("The blast happened at 10:15 a.m. on March 3, 2023.", THURSDAY))
    assert [(t.text, t.value, t.kind) for t in found] == [
        ("10:15 a.m. on March 3, 2023", "2023-03-03T10:15", "time")
    ]


def test_a_present_tense_schedule_verb_points_ahead() -> None:
    assert value_of("Voting ends at 8 p.m. on Nov. 5.", "Nov. 5") == "2024-11-05T20:00"
    assert value_of("The new tariff takes effect on Jan. 1.", "Jan. 1") == "2025-01-01"


def test_in_a_count_of_units_in_a_future_sentence_is_that_point_ahead() -> None:
    found = find_dates(Document.parse("The new bridge will be finished in two years.", THURSDAY))
    assert [(t.text, t.value, t.kind) for t in found] == [("two years", "2026", "date")]


def test_in_a_count_of_units_after_a_superlative_is_a_span() -> None:
    text = "The index will post its first gain in three weeks."
    assert [(t.value, t.kind) for t in find_dates(Document.parse(text, THURSDAY))] == [("P3W", "duration")]


def test_a_participle_after_be_does_not_make_the_sentence_past() -> None:
    assert value_of("The hearing could be delayed until March.", "March") == "2025-03"


def test_a_quarter_of_something_in_capitals_is_a_fraction() -> None:
    assert find_dates(Document.parse("A QUARTER OF THE VOTE went to the challenger.", THURSDAY)) == []
