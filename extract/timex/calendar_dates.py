"""Calendar arithmetic behind TIMEX values: shifting, weeks, quarters, holidays and value ranges."""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta

from extract.timex.pieces import HOLIDAYS

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# The months a season spans, for turning "2025-SU" into calendar days (northern hemisphere, as news uses).
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def add_months(d: date, months: int) -> date:
    """`d` moved by whole months, the day clamped to the target month's length."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, monthrange(year, month + 1)[1]))


def shift(d: date, amount: int, unit: str) -> date:
    """`d` moved by `amount` units (day, week, month, quarter, year, decade, century)."""
    if unit == "day":
        return d + timedelta(days=amount)
    if unit == "week":
        return d + timedelta(weeks=amount)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(unit)
    if months is None:
        return d
    return add_months(d, amount * months)


def iso_week(d: date) -> str:
    """'2025-W36' for any day of that ISO week ('2025-W7': TimeML corpora write weeks unpadded)."""
    year, week, _ = d.isocalendar()
    return f"{year}-W{week}"


def at_precision(d: date, unit: str) -> str:
    """The TIMEX value of the `unit` that holds `d`: a day, an ISO week, a month, a quarter or a year."""
    if unit in ("day", "hour", "minute", "second"):
        return d.isoformat()
    if unit in ("week", "fortnight"):
        return iso_week(d)
    if unit == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    return f"{d.year:04d}"


def weekday_on_or_before(reference: date, weekday: int) -> date:
    return reference - timedelta(days=(reference.weekday() - weekday) % 7)


def weekday_on_or_after(reference: date, weekday: int) -> date:
    return reference + timedelta(days=(weekday - reference.weekday()) % 7)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


def holiday(name: str, year: int) -> date | None:
    """The date of a holiday of the lexicon timex_holidays in `year`, None for names it does not hold."""
    rule = HOLIDAYS.get(re.sub(r"[^a-z]", "", name.lower()))
    if rule is None:
        return None
    if rule == "easter":
        return easter(year)
    parts = rule.split()
    if parts[0] == "nth":  # "nth 11 4 3": the 4th Thursday of November; "+1" the day after it
        month, n, weekday = int(parts[1]), int(parts[2]), int(parts[3])
        shift_days = int(parts[4]) if len(parts) > 4 else 0
        return nth_weekday(year, month, weekday, n) + timedelta(days=shift_days)
    month, day = (int(x) for x in rule.split("-"))
    return date(year, month, day)


_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_MONTH = re.compile(r"(\d{4})-(\d{2})(?:-XX)?$")
_YEAR = re.compile(r"(\d{4})$")
_WEEK = re.compile(r"(\d{4})-W(\d{1,2})(-WE)?$")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])$")
_HALF = re.compile(r"(\d{4})-H([12])$")
_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)$")
_DECADE = re.compile(r"(\d{3})X$")
_CENTURY = re.compile(r"(\d{2})XX$")


def _month_span(year: int, first: int, last: int) -> tuple[date, date]:
    end = add_months(date(year, 1, 1), last - 1)
    return add_months(date(year, 1, 1), first - 1), date(
        end.year, end.month, monthrange(end.year, end.month)[1]
    )


def date_range(value: str) -> tuple[date, date] | None:
    """First and last calendar day of a TIMEX value ('2025-09', '2025-W36', '2025-Q3', '199X', ...).

    None for values that are not calendar periods (PRESENT_REF, durations, unresolved 'XXXX-09-07').
    """
    try:
        if m := _DAY.match(value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if (m := _MONTH.match(value)) and 1 <= int(m[2]) <= 12:
            return _month_span(int(m[1]), int(m[2]), int(m[2]))
        if m := _YEAR.match(value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
        if m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return monday + timedelta(days=5), monday + timedelta(days=6)
            return monday, monday + timedelta(days=6)
        if m := _QUARTER.match(value):
            q = int(m[2])
            return _month_span(int(m[1]), 3 * q - 2, 3 * q)
        if m := _HALF.match(value):
            h = int(m[2])
            return _month_span(int(m[1]), 6 * h - 5, 6 * h)
        if m := _SEASON.match(value):
            first, last = _SEASON_MONTHS[m[2]]
            return _month_span(int(m[1]), first, last)
        if m := _DECADE.match(value):
            return date(int(m[1]) * 10, 1, 1), date(int(m[1]) * 10 + 9, 12, 31)
        if m := _CENTURY.match(value):
            return date(int(m[1]) * 100, 1, 1), date(int(m[1]) * 100 + 99, 12, 31)
    except ValueError:
        return None
    return None
