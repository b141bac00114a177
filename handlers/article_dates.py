"""An article's publication date: as a person writes it ("14 August 2026"), or as the article states it.

`parse_date` reads what a user types for `--published` or a file's `Published:` line. `stated_date`
finds the date an article gives for itself when nothing else does: a wire dateline ("OSLO, Aug 14
(Kestrel) -") or a date standing on one of its first lines ("Published 14 August 2026").
"""

from __future__ import annotations

import re
from datetime import date

from extract.timex.dateline import dateline_date
from extract.timex.grammar import MONTHS

_MONTH = r"(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_NUMERIC = re.compile(r"(?P<a>\d{1,4})[-/.](?P<b>\d{1,2})[-/.](?P<c>\d{1,4})")
_DAY_FIRST = re.compile(rf"{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}", re.IGNORECASE)
_MONTH_FIRST = re.compile(rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}", re.IGNORECASE)
# A line of its own near the top holding a date, maybe after "Published", "Updated", a time...
_DATE_LINE_LEAD = re.compile(r"(?:(?:published|posted|updated|first published|date)\b:?\s*(?:on\s+)?)?", re.I)
_TOP_LINES = 4
_TOP_LINE_LENGTH = 80

FORMATS_HELP = "2026-08-14, 2026/08/14, 14 August 2026 or Aug 14, 2026"


def parse_date(text: str) -> date:
    """A calendar date as people write it; ValueError (saying what is accepted) when it is not one.

    Day and month written as numbers are read only when the order is certain: year first
    (2026/08/14), or a day above 12 (14/08/2026, 08/14/2026); 07/08/2026 is refused as ambiguous.
    """
    raw = " ".join(text.split())
    found = _parse(raw)
    if found is None:
        raise ValueError(f"'{raw}' is not a date I can read (write it as {FORMATS_HELP})")
    return found


def _parse(raw: str) -> date | None:
    whole = raw.strip().rstrip(".")
    for pattern in (_DAY_FIRST, _MONTH_FIRST):
        m = pattern.fullmatch(whole)
        if m:
            return _make(int(m["year"]), MONTHS[m["mon"][:3].lower()], int(m["day"]))
    iso = re.fullmatch(r"(\d{4}-\d\d-\d\d)(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?", whole)
    if iso:
        try:
            return date.fromisoformat(iso.group(1))
        except ValueError:
            return None
    m = _NUMERIC.fullmatch(whole)
    if not m:
        return None
    a, b, c = (int(m[k]) for k in "abc")
    if len(m["a"]) == 4:
        return _make(a, b, c)
    if len(m["c"]) != 4:
        return None
    if a > 12 >= b:
        return _make(c, b, a)  # 14/08/2026
    if b > 12 >= a:
        return _make(c, a, b)  # 08/14/2026
    if a == b:
        return _make(c, a, b)
    raise ValueError(
        f"'{whole}' could be {a} {_month_name(b)} or {b} {_month_name(a)}: write it as {c}-{b:02d}-{a:02d}"
        f" or {c}-{a:02d}-{b:02d}"
    )


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_name(month: int) -> str:
    return date(2000, month, 1).strftime("%B") if 1 <= month <= 12 else str(month)


def stated_date(text: str, today: date) -> tuple[date, str] | None:
    """The date the article states for itself (not after `today`), and where: "dateline" or "date line".

    A dateline that names no year is taken when it falls within a few days before today (the story
    is being read as it comes out); a date line must name its year.
    """
    found = dateline_date(text, None) or dateline_date(text, today)
    if found is not None and found <= today:
        return found, "dateline"
    for line in text.lstrip().splitlines()[:_TOP_LINES]:
        line = line.strip()
        if not line or len(line) > _TOP_LINE_LENGTH:
            continue
        candidate = _date_of_line(line[_DATE_LINE_LEAD.match(line).end() :])  # type: ignore[union-attr]
        if candidate is not None and candidate <= today:
            return candidate, "date line"
    return None


def _date_of_line(rest: str) -> date | None:
    """The date a short line consists of (a time, a zone or a "|" after it are fine)."""
    rest = rest.strip(" |·-–—,")
    for pattern in (_DAY_FIRST, _MONTH_FIRST):
        m = pattern.match(rest)
        if m and _only_time_after(rest[m.end() :]):
            return _make(int(m["year"]), MONTHS[m["mon"][:3].lower()], int(m["day"]))
    m = re.match(r"\d{4}-\d\d-\d\d", rest)
    if m and _only_time_after(rest[m.end() :]):
        try:
            return date.fromisoformat(m.group(0))
        except ValueError:
            return None
    return None


def _only_time_after(rest: str) -> bool:
    return (
        re.fullmatch(
            r"\s*(?:[,|·–—-]?\s*(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?)?\s*",
            rest,
            re.I,
        )
        is not None
    )
