"""resolve_date (one standalone expression, as typed in a bot query) and date_range."""

from __future__ import annotations

from datetime import date

import pytest

from extract.timex.dates import date_range, resolve_date

REFERENCE = date(2025, 9, 10)  # a Wednesday


@pytest.mark.parametrize(
    ("query", "value"),
    [
        ("2025-09-01", "2025-09-01"),
        ("Aug 1", "2025-08-01"),
        ("aug 1", "2025-08-01"),
        ("Sept. 7", "2025-09-07"),
        ("last week", "2025-W36"),
        ("Last Week", "2025-W36"),
        ("yesterday", "2025-09-09"),
        ("3 days ago", "2025-09-07"),
        ("September", "2025-09"),
        ("july", "2025-07"),
        ("monday", "2025-09-08"),
        ("2024", "2024"),
        ("last month", "2025-08"),
        ("  today  ", "2025-09-10"),
        ("aug", "2025-08"),
        ("Sept 2024", "2024-09"),
        ("2025-09", "2025-09"),
        ("2025-W36", "2025-W36"),
        ("2025-Q3", "2025-Q3"),
        ("past 7 days", "2025-09-03"),
        ("the last 2 weeks", "2025-08-27"),
        ("last 3 months", "2025-06-10"),
    ],
)
def test_resolve_date_reads_one_expression_against_the_reference(query: str, value: str) -> None:
    found = resolve_date(query, REFERENCE)
    assert found is not None
    assert found.value == value


def test_resolve_date_keeps_a_yearless_date_after_the_reference_in_the_past() -> None:
    found = resolve_date("December 1", REFERENCE)
    assert found is not None and found.value == "2024-12-01"


@pytest.mark.parametrize(
    "query", ["kyiv", "since last week", "last week in kyiv", "", "   ", "the", "May be"]
)
def test_resolve_date_is_none_unless_the_whole_text_is_a_date(query: str) -> None:
    assert resolve_date(query, REFERENCE) is None


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2025-09-07", date(2025, 9, 7), date(2025, 9, 7)),
        ("2025-09", date(2025, 9, 1), date(2025, 9, 30)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2025", date(2025, 1, 1), date(2025, 12, 31)),
        ("2025-W36", date(2025, 9, 1), date(2025, 9, 7)),
        ("2025-W2", date(2025, 1, 6), date(2025, 1, 12)),
        ("2025-W36-WE", date(2025, 9, 6), date(2025, 9, 7)),
        ("2025-Q3", date(2025, 7, 1), date(2025, 9, 30)),
        ("2025-Q4", date(2025, 10, 1), date(2025, 12, 31)),
        ("2025-H1", date(2025, 1, 1), date(2025, 6, 30)),
        ("2024-WI", date(2024, 12, 1), date(2025, 2, 28)),
        ("199X", date(1990, 1, 1), date(1999, 12, 31)),
        ("2025-09-07TNI", date(2025, 9, 7), date(2025, 9, 7)),
        ("2025-09-XX", date(2025, 9, 1), date(2025, 9, 30)),
    ],
)
def test_date_range_gives_first_and_last_calendar_day(value: str, first: date, last: date) -> None:
    assert date_range(value) == (first, last)


@pytest.mark.parametrize(
    "value", ["PRESENT_REF", "P2W", "XXXX-09-07", "2025-13", "2025-02-30", "2025-W60", ""]
)
def test_date_range_is_none_for_values_that_are_not_calendar_periods(value: str) -> None:
    assert date_range(value) is None
