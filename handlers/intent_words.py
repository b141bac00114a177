"""The words of a message to the bot (handlers.intent): tokens, and the phrases that say when
("since last Friday", "in the past two weeks", "yesterday") and how many ("top 5").

Dates are read by the dates module against `today`; a phrase is only tried where a date may
start (after "since", "until", "between"; at "this", "last", a weekday; after "in"/"on" before a
month, a day or a year), so a topic word such as "march" or "may" is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from extract.timex.dates import date_range, resolve_date
from handlers.query import MAX_LIMIT

_STRIP = '"“”‘’«»,;:!?()[]{}.…'
_MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# A phrase starting with one of these may be a date even without "since" ("this week", "yesterday").
_DATE_OPENERS = frozenset({"this", "last", "past", "yesterday", "today", "tonight", "earlier"}) | _WEEKDAYS
# Prepositions before a date that say nothing more than "then" ("on Monday", "in November").
_DATE_PREPOSITIONS = frozenset({"on", "in", "during", "over", "within", "for", "at"})
_SINCE = frozenset({"since", "from", "after"})
_UNTIL = frozenset({"until", "till", "til", "before", "to", "and"})
_UNITS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years"})
_LIMIT_WORDS = frozenset({"limit", "top", "first"})
_LIMIT_NOUNS = frozenset({"results", "items", "entries", "answers"})


@dataclass
class Token:
    """One word of the message; `used` once a rule has read it (a date, a cue, a name)."""

    text: str  # as typed, without surrounding punctuation or a possessive 's
    key: str  # lower case, apostrophes dropped: "who's" -> "whos"
    used: bool = False


def tokenize(text: str) -> list[Token]:
    """The message's words without mentions, surrounding punctuation and possessives."""
    cleaned = _MENTION.sub(" ", text).replace("’", "'").replace("‘", "'")
    words = cleaned.split()
    while words and words[0].startswith("@"):
        words.pop(0)  # "@briefbot" typed as text rather than picked as a mention
    out: list[Token] = []
    for raw in words:
        word = raw.strip(_STRIP + "'")
        if word.lower().endswith("'s") and len(word) > 2:
            word = word[:-2]  # "Zelensky's" is Zelensky; "who's" is kept whole below
            if word.lower() in {"who", "what", "that", "there", "it", "here"}:
                word += "s"
        if not word:
            continue
        out.append(Token(text=word, key=word.lower().replace("'", "")))
    return out


def _span(phrase: str, today: date) -> tuple[date, date] | None:
    expr = resolve_date(phrase, today)
    if expr is None or expr.value is None:
        return None
    return date_range(expr.value)


def _longest_date(tokens: list[Token], start: int, today: date) -> tuple[int, tuple[date, date]] | None:
    """The longest run of unused words from `start` (at most 5) that reads as one date: (end, span)."""
    stop = start
    while stop < len(tokens) and stop - start < 5 and not tokens[stop].used:
        stop += 1
    for end in range(stop, start, -1):
        span = _span(" ".join(t.text for t in tokens[start:end]), today)
        if span is not None:
            return end, span
    return None


def _rolling(tokens: list[Token], i: int, today: date) -> tuple[int, date] | None:
    """ "past two weeks", "last 3 days", "past week": the day such a rolling window starts, and its end."""
    if tokens[i].key not in {"past", "last", "previous"} or i + 1 >= len(tokens):
        return None
    nxt = tokens[i + 1].key
    if nxt in _UNITS and tokens[i].key == "past":  # "the past week": the last seven days, not last week
        span = _span(f"past 1 {nxt}", today)
        return (i + 2, span[0]) if span else None
    if i + 2 < len(tokens) and tokens[i + 2].key in {"hour", "hours"} and nxt.isdigit():
        # "the last 48 hours": searched by day, from the day the first of those hours fell on.
        return i + 3, today - timedelta(days=-(-int(nxt) // 24))
    if i + 2 < len(tokens) and tokens[i + 2].key in _UNITS:
        span = _span(f"past {tokens[i + 1].text} {tokens[i + 2].key}", today)
        return (i + 3, span[0]) if span else None
    return None


def read_windows(tokens: list[Token], today: date) -> tuple[date | None, date | None]:
    """Since and until from every date phrase in the message; the words read are marked used."""
    since: date | None = None
    until: date | None = None
    i = 0
    while i < len(tokens):
        key = tokens[i].key
        found = _window_at(tokens, i, today, after_since=since is not None)
        if found is None:
            i += 1
            continue
        start, end, new_since, new_until = found
        for t in tokens[start:end]:
            t.used = True
        if new_since is not None and (since is None or key not in _UNTIL):
            since = new_since
        if new_until is not None:
            until = new_until
        i = end
    return since, until


def _window_at(
    tokens: list[Token], i: int, today: date, *, after_since: bool
) -> tuple[int, int, date | None, date | None] | None:
    """A date phrase starting at word `i`: (first word, end, since, until), or None."""
    key = tokens[i].key
    j = i
    if key in _DATE_PREPOSITIONS or key in _SINCE or key in _UNTIL:
        j = i + 1
    if j < len(tokens) and tokens[j].key == "the":
        j += 1
    if j >= len(tokens) or tokens[j].used:
        return None
    rolling = _rolling(tokens, j, today)
    if rolling is not None:
        return i, rolling[0], rolling[1], None
    if key in _UNTIL and not (key in {"until", "till", "til", "before"} or after_since):
        return None  # "to" and "and" close a window only after "from"/"between"
    if j == i and key not in _DATE_OPENERS and key != "between":
        return None
    if key == "between":
        j = i + 1
    # "in November", "on 3 May", "in 2025": a month, a day or a year, not "in Velmora".
    dated = tokens[j].key[:3] in _MONTH_STEMS or tokens[j].key[:1].isdigit()
    if j == i + 1 and key in _DATE_PREPOSITIONS and tokens[j].key not in _DATE_OPENERS and not dated:
        return None
    read = _longest_date(tokens, j, today)
    if read is None and j > i and tokens[j - 1].key == "the":
        read = _longest_date(tokens, j - 1, today)  # "over the weekend": "the weekend" is the date
    if read is None:
        return None
    end, (first, last) = read
    if key in _SINCE or key == "between":
        return i, end, first, None
    if key in _UNTIL:
        return i, end, None, last - timedelta(days=1) if key == "before" else last
    if last >= today:
        return i, end, first, None  # "this week", "today": from its start on
    return i, end, first, last  # "yesterday", "last month", "on Monday": that span


_MONTH_STEMS = frozenset("jan feb mar apr may jun jul aug sep oct nov dec".split())


def read_limit(tokens: list[Token]) -> int | None:
    """ "limit 5", "top 5", "first 5", "5 results": how many to show (at most the commands' maximum)."""
    for i, t in enumerate(tokens):
        if t.used or not t.key.isdigit():
            continue
        before = tokens[i - 1] if i else None
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if before is not None and before.key in _LIMIT_WORDS and not before.used:
            before.used = t.used = True
            return max(1, min(int(t.key), MAX_LIMIT))
        if after is not None and (after.key in _LIMIT_NOUNS or after.key in {"quotes", "events", "figures"}):
            t.used = True
            after.used = after.key in _LIMIT_NOUNS
            return max(1, min(int(t.key), MAX_LIMIT))
    return None
