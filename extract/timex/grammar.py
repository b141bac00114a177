"""The surface grammar of temporal expressions: one compiled alternation of the date rules.

Every alternative is an outer named group (its rule's name, timex_date_rules); `match.lastgroup`
names it, since the outer group closes after its inner groups. The word lists and regex pieces the
rules are made of live in timex_pieces (and the lexicons `timex_*`).
"""

from __future__ import annotations

import re

from extract.timex.date_rules import RULES, DateRule
from extract.timex.pieces import MONTHS, NUMBER_WORDS, ORDINALS, WEEKDAYS, WORD_AFTER, WORD_BEFORE

ALTERNATIVES: list[tuple[str, str]] = [(rule.name, rule.pattern) for rule in RULES]

TIMEX = re.compile("|".join(f"(?P<{name}>{body})" for name, body in ALTERNATIVES))

__all__ = [
    "ALTERNATIVES",
    "MONTHS",
    "NUMBER_WORDS",
    "ORDINALS",
    "RULES",
    "TIMEX",
    "WEEKDAYS",
    "WORD_AFTER",
    "WORD_BEFORE",
    "DateRule",
]
