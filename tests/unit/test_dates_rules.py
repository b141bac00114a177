"""Reading rules added after measuring on news: tense cues, anchors and compound expressions."""

from __future__ import annotations

from datetime import date

from extract.dates import find_dates
from extract.document import Document

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
