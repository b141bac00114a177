"""Golden table: lengths of time as TimeML marks them (DURATION), and words that only look like one."""

from __future__ import annotations

from datetime import date

import pytest

from extract.document import Document
from extract.timex.dates import find_dates

WEDNESDAY = date(2025, 9, 10)


def _found(text: str) -> list[tuple[str, str | None, str]]:
    return [(t.text, t.value, t.kind) for t in find_dates(Document.parse(text, WEDNESDAY))]


_LENGTHS = [
    # a count of units before "of": the length of what follows
    ("Dana Wirth was released after three days of questioning.", "three days", "P3D"),
    ("The Brask talks ended six months of feuding.", "six months", "P6M"),
    ("It was the end of 40 years of rule by the Olds family.", "40 years", "P40Y"),
    # an adjective between count and unit is part of the length
    ("The Corran pier stays shut for two more weeks.", "two more weeks", "P2W"),
    ("Prices at Pell Market rose for three straight months.", "three straight months", "P3M"),
    ("The Lisk plant ran for two full years without a stop.", "two full years", "P2Y"),
    ("Rain fell on four consecutive days in Dunmore.", "four consecutive days", "P4D"),
    # a length as an adjective: one unit, or an unsaid number of them
    ("The Tamsin dockers ended their week-long standoff.", "week-long", "P1W"),
    ("Negotiators met for a third day-long session.", "day-long", "P1D"),
    ("The decades-long feud between the Olds families ended.", "decades-long", "PXY"),
    ("A months-long audit of the Lisk council began.", "months-long", "PXM"),
    ("Ada Rusk set off on a 10-day-long walk.", "10-day-long", "P10D"),
]


@pytest.mark.parametrize(("text", "phrase", "value"), _LENGTHS)
def test_length_of_time(text: str, phrase: str, value: str) -> None:
    found = _found(text)
    # the span keeps a leading "for", as the duration rule always has
    assert any(p.removeprefix("for ") == phrase and v == value and k == "duration" for p, v, k in found), (
        found
    )


_NOT_LENGTHS = [
    # a quarter of something is a share, not three months
    "A quarter of the Pell vote went to Anna Rusk.",
    "Three quarters of the Lisk staff left.",
    # a title, written with a capital unit
    "Imre Tallis spoke on CBS's 60 Minutes about the case.",
    "The car won the 24 Hours of Sarn race.",
]


@pytest.mark.parametrize("text", _NOT_LENGTHS)
def test_no_length_of_time(text: str) -> None:
    assert [f for f in _found(text) if f[2] == "duration"] == []


@pytest.mark.parametrize(
    "text",
    [
        "The Tarn clinic opens daily Monday to Friday.",
        "Trains run daily. Tickets cost more.",
        "Ada Rusk swims daily.",
    ],
)
def test_a_frequency_word_is_a_set(text: str) -> None:
    assert [f for f in _found(text) if f[2] == "set"] == [("daily", "P1D", "set")]
