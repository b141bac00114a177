"""Numbers inside compound modifiers that name a term or describe a person, not a quantity.

"the 52-week high", "the 200-day moving average": a hyphenated number and time unit before a term
noun (lexicon `figure_term_nouns`) names a market statistic. "a 34-year-old driver": an age
written as a hyphenated modifier of a person is a description, not a figure the story reports
("the driver, 34", "a 28-year-old who", "he is 34 years old" stay figures).
"""

from __future__ import annotations

import re

from extract.figures.measures import TIME_UNITS
from extract.figures.nouns import STOP_WORDS
from extract.lexicons import word_set
from extract.rules import Rule, unique_names

RULES = (
    Rule(
        "term_compound",
        "A hyphenated number and time unit before a term noun names the term.",
        (
            ("The stock hit a new 52-week low.", None),
            ("Shares touched a 52-week — and record — low.", None),
            ("The index crossed its 200-day moving average.", None),
        ),
    ),
    Rule(
        "attributive_age",
        "A hyphenated age before a noun describes the person: no figure.",
        (
            ("A 34-year-old driver was arrested.", None),
            ("Police named 50-year-old Dana Wick as the owner.", None),
        ),
    ),
    Rule(
        "title_of_work",
        "A count of capitalised words opening a quoted title or a headline names a work.",
        (
            ("Read the list (see “30 Bravest Startups”) first.", None),
            ("The 12 Oddest Jobs We Found in Texas", None),
            ("Read The 7 Oddest Jobs We Found online.", None),
        ),
    ),
)
unique_names(RULES)

# the next word, past a dash aside ("a fresh 52-week — and record — low")
_NEXT_WORD = re.compile(r"(?:[^\S\r\n]*[—–][^—–\n]{1,30}[—–])?[^\S\r\n]*([A-Za-z][\w'’-]*)")


def modifier_rule(text: str, num_end: int, end: int, unit: str | None, *, counted: bool) -> str | None:
    """The name of the rule that makes the number ending at `num_end` (its figure ending at `end`)
    part of a compound modifier or a title, or None when it is a figure. For a count (`counted`),
    `num_end` is where the figure starts."""
    if counted:
        return _title_rule(text, num_end, end, unit)
    if unit is None or "-" not in text[num_end:end]:
        return None
    nxt = _NEXT_WORD.match(text, end)
    if not nxt:
        return None
    word = nxt.group(1).lower()
    if unit in TIME_UNITS and word in word_set("figure_term_nouns"):
        return "term_compound"
    if unit.endswith(" of age") and word not in STOP_WORDS:
        return "attributive_age"
    return None


_TITLE_OPENING = re.compile(r"(?:[“\"‘]|\(see[^\S\r\n]+[“\"‘]?)$")
_LINE = re.compile(r"[^\n]*")
_CAPITAL_NEXT = re.compile(r"[^\S\r\n]+[A-Z][a-z]+[^\S\r\n]+[A-Z][a-z]")


def _title_rule(text: str, start: int, end: int, unit: str | None) -> str | None:
    """ "see “50 Smartest Companies”", a headline "The 12 Oddest Bridges We Have Ever Crossed": a
    count of capitalised words opening a quoted title or a title-case line names a work."""
    if not unit or not unit[:1].isupper():
        return None
    if " " in unit and _CAPITAL_NEXT.match(text, end):
        return "title_of_work"  # "The 12 Oddest Bridges We Have Ever Crossed" (not "31 Latinos Share")
    opening = _TITLE_OPENING.search(text, max(0, start - 8), start)
    if opening and (opening.group().startswith("(") or " " in unit):  # not '“Three Koreans died”'
        return "title_of_work"
    line_start = text.rfind("\n", 0, start) + 1
    line = _LINE.match(text, line_start)
    line_text = line.group() if line else ""
    words = line_text.split()
    if words and len(words) <= 14 and not line_text.rstrip().endswith((".", "!", "?", '"', "”")):
        capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
        if capitalised >= max(3, len(words) - 2):
            return "title_of_work"
    return None


__all__ = ["RULES", "modifier_rule"]
