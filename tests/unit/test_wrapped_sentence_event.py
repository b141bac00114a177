"""A sentence hard-wrapped across two lines of a text file is still one sentence with its event.

Known defect (issue 19 leftovers): the line break ends the sentence, and the event is lost.
"""

from __future__ import annotations

from datetime import date

import pytest

from extract import extract

WRAPPED = (
    "ORVIK, May 22, 2031 (Fjord Wire) - Tram drivers in Orvik walked out on Tuesday\n"
    "over unpaid overtime, leaving 40 trams in the depot, the union said.\n"
)


@pytest.mark.xfail(reason="a hard-wrapped line break ends the sentence: the event is lost", strict=False)
def test_a_hard_wrapped_sentence_keeps_its_event() -> None:
    assert extract(WRAPPED, date(2031, 5, 22)).events


def test_the_same_sentence_on_one_line_has_its_event() -> None:
    assert extract(WRAPPED.replace("Tuesday\n", "Tuesday "), date(2031, 5, 22)).events
