"""Golden table: months and seasons told against the date the story last named, and the tense cues
that send a bare weekday ahead or leave it behind."""

from __future__ import annotations

from datetime import date

import pytest

from extract.document import Document
from extract.timex.dates import find_dates

WEDNESDAY = date(2025, 9, 10)

_ANCHORED = [
    # "the following/previous <month>": next to the date just told, not to publication
    ("Kell Ardent was elected in November 2019 and sworn in the following January.", "January", "2020-01"),
    (
        "The Vesna dam burst in June 2011; the previous March engineers had warned of cracks.",
        "March",
        "2011-03",
    ),
    (
        "The Vesna dam burst in June 2011; the previous August engineers had warned of cracks.",
        "August",
        "2010-08",
    ),
    # a year told alone stands for the whole of it
    ("The orchard was planted in 2004, and the following March it flowered.", "March", "2005-03"),
    ("Tarn Ferries went bankrupt in 2016. The previous May it had cut routes.", "May", "2015-05"),
    # with nothing told before, publication is the anchor
    ("The following January the Norwick mill will reopen.", "January", "2026-01"),
    # a season with "that"/"the following" takes the year told, not the one its first day falls in
    ("The Holm bridge opened in 2008. That summer, floods reached it.", "summer", "2008-SU"),
    ("The Holm bridge opened in 2008. The following winter it iced over.", "winter", "2009-WI"),
    ("The Holm bridge opened in June 2008. That winter it iced over.", "winter", "2008-WI"),
    # a date inside the season: that very season
    ("The Holm bridge opened on Jan. 9, 2008. That winter it iced over.", "winter", "2007-WI"),
    ("The Holm bridge opened in July 2008. That summer, floods reached it.", "summer", "2008-SU"),
]


@pytest.mark.parametrize(("text", "phrase", "value"), _ANCHORED)
def test_month_or_season_next_to_the_date_told(text: str, phrase: str, value: str) -> None:
    found = [t for t in find_dates(Document.parse(text, WEDNESDAY)) if phrase in t.text]
    assert found and found[-1].value == value, [(t.text, t.value) for t in found]


def test_bare_month_after_that_is_not_anaphoric() -> None:
    # "that" here opens a clause; the month keeps its own reading
    found = find_dates(Document.parse("Officials said that July was the wettest month.", WEDNESDAY))
    assert [(t.text, t.value) for t in found] == [("July", "2025-07")]


_TENSE = [
    # a past-looking verb after "to" is an infinitive ("to hit", "to set"): no past cue
    ("The Corran storm is forecast to hit Friday.", "Friday", "2025-09-12"),
    ("Mayor Imre Tallis plans to cut the ribbon Monday.", "Monday", "2025-09-15"),
    ("The Pell council hopes to set the budget Thursday.", "Thursday", "2025-09-11"),
    # the forecasting cues look ahead
    ("The Brask index is projected to rise Tuesday.", "Tuesday", "2025-09-16"),
    ("Dunmore is likely to name a coach Friday.", "Friday", "2025-09-12"),
    # a real past verb still looks back
    ("The Corran storm hit Friday.", "Friday", "2025-09-05"),
    ("The council set the budget Monday.", "Monday", "2025-09-08"),
]


@pytest.mark.parametrize(("text", "phrase", "value"), _TENSE)
def test_weekday_tense_cues(text: str, phrase: str, value: str) -> None:
    found = [t for t in find_dates(Document.parse(text, WEDNESDAY)) if phrase in t.text]
    assert found and found[0].value == value, [(t.text, t.value) for t in found]
