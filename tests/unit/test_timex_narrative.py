"""Golden table: a story told in its own time dates its year-less days by its own year, not publication."""

from __future__ import annotations

from datetime import date

import pytest

from extract.document import Document
from extract.timex.dates import find_dates

PUBLISHED = date(2014, 12, 29)

_CASES = [
    # the story's year, stated to the month, dates the days after it
    ("In March 1986, the Harlan mine flooded. On March 6 he wrote to the board.", "March 6", "1986-03-06"),
    ("In March 1986, the Harlan mine flooded.\n\nOn March 6 he wrote to the board.", "March 6", "1986-03-06"),
    ("On May 3, 1986, the pumps failed. By June the shaft was closed.", "June", "1986-06"),
    ("In 1986, the Harlan mine flooded. On March 6 he wrote to the board.", "March 6", "1986-03-06"),
    # no story time: publication, as before
    ("The firm was founded in 1998. On March 6 it said profits rose.", "March 6", "2014-03-06"),
    ("In March 2014, the mine flooded. On Nov. 6 the owners sold it.", "Nov. 6", "2014-11-06"),
    # a year inside a clause is a side remark, not the story's time
    ("The miners, hired in March 1986, went on strike on June 6.", "June 6", "2014-06-06"),
    ("Voss, charged in the May 3, 1986, fire, lost his appeal in June.", "June", "2014-06"),
    # too far back, or ahead in time: publication
    (
        "In March 1986, the Harlan mine flooded.\n\nIt was a hard year. Many left. Others stayed.\n\n"
        "On March 6 he wrote to the board.",
        "March 6",
        "2014-03-06",
    ),
    ("In March 1986, the Harlan mine flooded. The museum will reopen on March 6.", "March 6", "2015-03-06"),
]


@pytest.mark.parametrize(("text", "phrase", "value"), _CASES)
def test_narrative_reference_time(text: str, phrase: str, value: str) -> None:
    found = [t for t in find_dates(Document.parse(text, PUBLISHED)) if t.text == phrase]
    assert found and found[0].value == value, [
        (t.text, t.value) for t in find_dates(Document.parse(text, PUBLISHED))
    ]


_VAGUE_CASES = [
    ("In January 2013, Ibarra filed the patent. Kessler published her results a few weeks later.", "2013"),
    ("Ibarra filed the patent on May 2, 2019. Several days earlier, Kessler had quit.", "2019"),
    ("Kessler published her results a few weeks later.", "FUTURE_REF"),
    ("In 2013 Ibarra filed the patent. Kessler quit a few weeks ago.", "PAST_REF"),
]


@pytest.mark.parametrize(("text", "value"), _VAGUE_CASES)
def test_a_vague_count_later_takes_the_year_just_told(text: str, value: str) -> None:
    found = [t for t in find_dates(Document.parse(text, PUBLISHED)) if t.rule == "ago"]
    assert [t.value for t in found] == [value]


_WEEKDAY_CASES = [
    # a weekday in a story told in its own time: the next one from the story's last day, or none
    (
        "On Thursday, March 6, 1986, the Harlan mine flooded. On Monday the owners left.",
        "Monday",
        "1986-03-10",
    ),
    ("In March 1986, the Harlan mine flooded. On Monday the owners left.", "Monday", "XXXX-WXX-1"),
    # no story time: publication
    ("The Harlan mine flooded on Monday.", "Monday", "2014-12-29"),
]


@pytest.mark.parametrize(("text", "phrase", "value"), _WEEKDAY_CASES)
def test_a_weekday_in_a_story_of_its_own_time(text: str, phrase: str, value: str) -> None:
    found = [t for t in find_dates(Document.parse(text, PUBLISHED)) if t.text == phrase]
    assert [t.value for t in found] == [value]
