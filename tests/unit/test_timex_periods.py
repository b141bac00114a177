"""Golden table: quarters and halves of a year named relative to publication ("of last year")."""

from __future__ import annotations

from datetime import date

import pytest

from extract.document import Document
from extract.timex.dates import find_dates

WEDNESDAY = date(2025, 9, 10)

_CASES = [
    (
        "Lisk Foods lost money in the fourth quarter of last year.",
        "the fourth quarter of last year",
        "2024-Q4",
    ),
    (
        "Brask Mining expects a profit in the first quarter of next year.",
        "the first quarter of next year",
        "2026-Q1",
    ),
    (
        "Orders at Tamsin rose in the second quarter of this year.",
        "the second quarter of this year",
        "2025-Q2",
    ),
    ("The Vesna line opens in the second half of next year.", "the second half of next year", "2026-H2"),
    ("Pell Market grew in the first half of last year.", "the first half of last year", "2024-H1"),
]


@pytest.mark.parametrize(("text", "phrase", "value"), _CASES)
def test_part_of_a_year_told_relative_to_publication(text: str, phrase: str, value: str) -> None:
    found = [(t.text, t.value) for t in find_dates(Document.parse(text, WEDNESDAY))]
    assert found == [(phrase, value)]


@pytest.mark.parametrize(
    "text",
    ["Ada Rusk scored in the second half of the final.", "Rusk led in the first half of last season."],
)
def test_half_of_a_game_is_no_date(text: str) -> None:
    assert find_dates(Document.parse(text, WEDNESDAY)) == []
