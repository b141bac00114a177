"""The word lists behind the date grammar (extract/lexicons/timex_*) and the regex pieces made of them.

Month, weekday and holiday names, counts and units are data; the rules in `date_rules` are written
with these pieces, so a name added to a lexicon reaches every rule that names a month or a weekday.
The grammar is compiled once, at import, so the lists are read then.
"""

from __future__ import annotations

import re

from extract.figures.numbers import TENS, UNITS
from extract.lexicons import table


def _alternation(names: list[str]) -> str:
    """Longest first, so "Christmas Eve" wins over "Christmas"; spaces as `\\s+`, an apostrophe as ' or ’."""
    out = []
    for name in sorted(names, key=len, reverse=True):
        escaped = re.escape(name).replace("\\ ", r"\s+").replace("'", "[’']")
        out.append(escaped)
    return "|".join(out)


_MONTH_ROWS = table("timex_months")
MONTHS: dict[str, int] = {row[0][:3].lower(): int(row[1]) for row in _MONTH_ROWS}
MONTH_NAMES: tuple[str, ...] = tuple(row[0] for row in _MONTH_ROWS)
_ABBREVIATIONS = [a for row in _MONTH_ROWS if len(row) > 2 for a in row[2].split()]
WEEKDAYS: dict[str, int] = {row[0][:3].lower(): int(row[1]) for row in table("timex_weekdays")}
WEEKDAY_NAMES: tuple[str, ...] = tuple(row[0] for row in table("timex_weekdays"))
HOLIDAYS: dict[str, str] = {re.sub(r"[^a-z]", "", row[0].lower()): row[1] for row in table("timex_holidays")}
SET_VALUES: dict[str, str] = {row[0]: row[1] for row in table("timex_sets")}

# Counts in durations and offsets ("two weeks", "a decade", "half a year"): the figures module's words
# plus the article as "one".
NUMBER_WORDS: dict[str, int] = {
    **UNITS,
    **TENS,
    "a": 1,
    "an": 1,
    "hundred": 100,
    "a hundred": 100,
    "half a": 0,
    "a half": 0,
}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "final": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}

MONTH_FULL = "|".join(MONTH_NAMES)
# before a day an abbreviation takes an optional dot ("Sept 7", "Sept. 7"); alone it needs the dot
_ABBR_ALONE = "|".join(rf"{a}\." for a in _ABBREVIATIONS)
_ABBR_BEFORE_DAY = "|".join(rf"{a}\.?" for a in _ABBREVIATIONS)
MONTH = rf"(?:{MONTH_FULL}|{_ABBR_BEFORE_DAY})"
MONTH_ALONE = rf"(?:{MONTH_FULL}|{_ABBR_ALONE})"
WEEKDAY = rf"(?:{'|'.join(WEEKDAY_NAMES)})"
HOLIDAY = rf"(?:{_alternation([row[0] for row in table('timex_holidays')])})"
SET_WORD = rf"(?:{'|'.join(SET_VALUES)})"
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
YEAR = r"(?:1[0-9]|20)\d\d(?![\d,.]\d)"
PART = r"(?:morning|afternoon|evening|night|overnight)"
_UNIT_NUMBERS = "|".join(w for w in UNITS if UNITS[w] < 10 and UNITS[w] > 0)
NUM_WORD = (
    rf"(?:{'|'.join(sorted({*UNITS, *TENS} - {'zero'}, key=len, reverse=True))})(?:[- ](?:{_UNIT_NUMBERS}))?"
)
# counts of up to three digits (plus thousands): "1988 quarter" is a year and a noun, not 1988 quarters
COUNT = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?(?!\d)|{NUM_WORD}|an?|a\s+few|few|a\s+couple\s+of|several"
    rf"|a\s+hundred|a\s+dozen)"
)
UNIT = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur(?:y|ies))"
_TZ = r"(?:\s+(?:[ECMP][SD]T|GMT|UTC|BST|CET|CEST|EET|EEST|MSK|ET|PT|local\s+time)\b)?"
CLOCK = rf"(?:\d{{1,2}}(?::\d\d)?\s*(?:[ap]\.m\.?|[ap]m\b)|\d{{1,2}}:\d\d(?!:?\d)|noon|midnight|midday){_TZ}"

# The word before a candidate, to judge bare years and bare month names.
WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s-]*$")
WORD_AFTER = re.compile(r"^\s*([A-Za-z]+)")
