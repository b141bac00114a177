"""The command text grammar, the same in Slack and in the terminal.

    [topic words] [since DATE] [until DATE] [limit N]

DATE is ISO ("2025-09-01") or natural ("last week", "Aug 1", "yesterday"), read by the dates module
against `today`. A query we cannot read raises `QueryError` whose message says what is wrong.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date

from extract.lexicons import word_set
from extract.timex.dates import date_range, resolve_date
from handlers.results import FactQuery, QueryError

MAX_LIMIT = 50
DEFAULT_LIMIT = 10

_KEYWORDS = ("since", "until", "limit")
# Quotes and trailing punctuation people type around names and topics ("“Sybiha”", "drones,").
_STRIP = "\"'“”‘’«»,;:!?()[]{}"
_LIMIT_VALUE = re.compile(r"^[+-]?\d+$")
# A searchable word: letters or digits of any script (what store.search_text indexes).
_WORD = re.compile(r"[^\W_]+")


def parse_query(text: str, *, today: date, default_limit: int = DEFAULT_LIMIT) -> FactQuery:
    """Read `[topic words] [since DATE] [until DATE] [limit N]` into a `FactQuery`.

    Raises QueryError for a limit that is not a number in 1..50, a date that cannot be read,
    a keyword given twice or without a value, or a `since` after the `until`.
    """
    clauses = _split_clauses(text.split())
    typed = clauses.pop("", [])
    terms = [w for w in (t.strip(_STRIP) for t in typed) if w]
    since = until = None
    limit = default_limit
    if "since" in clauses:
        since, extra = _read_date("since", clauses["since"], today, first=True)
        terms += extra
    if "until" in clauses:
        until, extra = _read_date("until", clauses["until"], today, first=False)
        terms += extra
    if "limit" in clauses:
        limit = _read_limit(clauses["limit"])
    if since and until and since > until:
        raise QueryError(
            f"'since {since.isoformat()}' is after 'until {until.isoformat()}': swap them or drop one."
        )
    if (typed or terms) and not searchable(terms):
        # Searching for nothing would show everything under a heading that says otherwise.
        shown = " ".join(typed or terms)
        shown = shown if len(shown) <= 40 else shown[:39] + "…"
        raise QueryError(
            f"Nothing to search for in '{shown}': give a word, a name or a number (e.g. 'floods' or "
            "'Kyiv'), or no topic at all to see everything."
        )
    return FactQuery(text=text.strip(), terms=terms, since=since, until=until, limit=limit)


def searchable(terms: Iterable[str]) -> bool:
    """Whether the topic words hold something a search can look for: a word or number of any
    script that is not only a connective ("AND", "the"), or a currency symbol ("€")."""
    stop = word_set("search_fillers")
    for term in terms:
        if any(unicodedata.category(c) == "Sc" for c in term):
            return True
        if any(w not in stop for w in _WORD.findall(term.casefold())):
            return True
    return False


def _split_clauses(words: list[str]) -> dict[str, list[str]]:
    """Topic words under "", then the words after each keyword up to the next one."""
    clauses: dict[str, list[str]] = {"": []}
    current = ""
    for word in words:
        key = word.lower()
        if key in _KEYWORDS:
            if key in clauses:
                raise QueryError(f"'{key}' appears twice; give it once.")
            clauses[key] = []
            current = key
        else:
            clauses[current].append(word)
    for key in _KEYWORDS:
        if key in clauses and not clauses[key]:
            example = "limit 5" if key == "limit" else f"{key} 2025-09-01 or {key} last week"
            raise QueryError(f"'{key}' needs a value, e.g. '{example}'.")
    return clauses


def _read_date(keyword: str, words: list[str], today: date, *, first: bool) -> tuple[date, list[str]]:
    """The longest run of leading words that reads as a date; words after it are topic words.

    "since Aug 1 drones" is forgiving of a topic typed after the date.
    """
    for n in range(len(words), 0, -1):
        phrase = " ".join(words[:n]).strip(_STRIP)
        day = _resolve(phrase, today, first=first)
        if day is not None:
            rest = [w for w in (t.strip(_STRIP) for t in words[n:]) if w]
            return day, rest
    raise QueryError(
        f"cannot read the date '{' '.join(words)}' after '{keyword}'; "
        "try 2025-09-01, Sep 1, yesterday or last week."
    )


def _resolve(phrase: str, today: date, *, first: bool) -> date | None:
    if not phrase:
        return None
    expr = resolve_date(phrase, today)
    if expr is None or expr.value is None:
        return None
    span = date_range(expr.value)
    if span is None:
        return None
    return span[0] if first else span[1]


def _read_limit(words: list[str]) -> int:
    value = words[0]
    if len(words) > 1:
        raise QueryError(f"'limit {' '.join(words)}': put topic words before 'limit', e.g. 'drones limit 5'.")
    if not _LIMIT_VALUE.match(value):
        raise QueryError(f"limit must be a whole number from 1 to {MAX_LIMIT}, not '{value}'.")
    n = int(value)
    if not 1 <= n <= MAX_LIMIT:
        raise QueryError(f"limit must be from 1 to {MAX_LIMIT}, not {n}.")
    return n
