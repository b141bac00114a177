"""A sentence hard-wrapped across two lines of a text file is still one sentence with its event.

A line that ends without closing punctuation and is followed by a lower-case line carries on its
paragraph (extract/document.py), so the wrapped sentence keeps its event and its weekday's date.
"""

from __future__ import annotations

from datetime import date

from extract import extract

WRAPPED = (
    "ORVIK, May 22, 2031 (Fjord Wire) - Tram drivers in Orvik walked out on Tuesday\n"
    "over unpaid overtime, leaving 40 trams in the depot, the union said.\n"
)


def test_a_hard_wrapped_sentence_keeps_its_event() -> None:
    [event] = extract(WRAPPED, date(2031, 5, 22)).events
    assert event.date == "2031-05-20"


def test_the_same_sentence_on_one_line_has_its_event() -> None:
    assert extract(WRAPPED.replace("Tuesday\n", "Tuesday "), date(2031, 5, 22)).events
