"""Finding the TIMEX matches fast: the big alternation is tried only where an expression can start.

Scanning the alternation at every character costs microseconds per character. Every expression
holds an anchor (a month or weekday name, a digit, a unit word such as "week", "today", "now"), and
can start only at that anchor or at one of the few words before it ("the past two weeks",
"more than a decade ago"). The anchors' opening words (triggers) and the words that may stand before
them (lead words) are read from the date rules themselves (timex_triggers), so a rule added or
changed reaches the scanner; tests/unit/test_timex_scan.py checks that both find the same matches.
Triggers are found with `str.find` (C speed); the alternation is then matched at those few word
starts, in text order, which yields the same leftmost, non-overlapping matches as a full `finditer`.
At each start only the alternatives that can open with the character there are tried (regex_first).
"""

from __future__ import annotations

import re

from extract.regex_first import Alternation
from extract.timex.grammar import ALTERNATIVES, RULES
from extract.timex.triggers import DIGIT, lead_words, triggers

# Where to look, read from the date rules (timex_triggers): the words their anchors open with, and the
# words that may stand before an anchor inside a match.
_TRIGGERS = triggers(RULES)
_CASELESS_TRIGGERS = tuple(sorted(t.word for t in _TRIGGERS if t.ignore_case and t.word != DIGIT))
_CASED_TRIGGERS = tuple(sorted(t.word for t in _TRIGGERS if not t.ignore_case and t.word != DIGIT))
_LEAD_WORDS = lead_words(RULES)
_WORD_CHARS = "-'’"
_QUOTES = "'’"
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
# `\d+` written `\d\d*`: a pattern that opens with a character set lets `re` skip ahead fast
_DIGITS = re.compile(r"\d\d*")
# TIMEX, tried at a place with only the alternatives that can open with the character there
_TIMEX = Alternation([f"(?P<{name}>{body})" for name, body in ALTERNATIVES])


def _trigger_starts(text: str, low: str) -> list[int]:
    starts = set()
    for words, haystack in ((_CASELESS_TRIGGERS, low), (_CASED_TRIGGERS, text)):
        for word in words:
            i = haystack.find(word)
            while i >= 0:
                if i == 0 or not low[i - 1].isalnum():
                    starts.add(i)
                i = haystack.find(word, i + len(word))
    for m in _DIGITS.finditer(text):
        i = m.start()
        starts.add(i)
        if i and text[i - 1] in "'’":
            starts.add(i - 1)
    return sorted(starts)


def _candidate_starts(text: str, low: str, trigger: int) -> list[int]:
    """The trigger, the start of its hyphenated compound ("four-year") and the lead words before it."""
    token = trigger
    while token > 0 and (low[token - 1].isalnum() or low[token - 1] in _WORD_CHARS) and trigger - token < 30:
        token -= 1
    # the token, each part of it after a hyphen or a glued quote ("$12-an-hour", "x'an-hour": the
    # grammar's \b starts a match there too), the trigger
    starts = [token] + [i for i in range(token + 1, trigger) if low[i - 1] in _WORD_CHARS] + [trigger]
    if token == trigger:
        starts = [trigger]
    end = token
    for _ in range(5):
        gap = end
        while gap > 0 and low[gap - 1].isspace() and end - gap < 40:
            gap -= 1
        if gap == end:
            break
        begin = gap
        while begin > 0 and (low[begin - 1].isalnum() or low[begin - 1] in _WORD_CHARS) and gap - begin < 20:
            begin -= 1
        quoted = begin < gap and low[begin] in _QUOTES
        while begin < gap and low[begin] in _QUOTES:
            begin += 1  # "'three weeks ago'": the quote opens the phrase, the word after it may lead
        word = low[begin:gap]
        # "x'three weeks", "x-five days", "mid-'three days": the grammar's \b also starts a phrase
        # after a quote or hyphen glued inside the word; each such part that may lead is a start
        parts = [begin + i + 1 for i, ch in enumerate(word) if ch in _WORD_CHARS and _is_lead(word[i + 1 :])]
        whole = begin < gap and _is_lead(word)
        for at in reversed(parts):
            starts.insert(0, at)
        if not whole:
            break
        starts.insert(0, begin)
        end = begin
        if quoted or parts:
            break
    return starts


def _is_lead(word: str) -> bool:
    return word in _LEAD_WORDS or word.split("-")[0] in _LEAD_WORDS or word.rstrip("s’'") in _LEAD_WORDS


def timex_matches(text: str) -> list[re.Match[str]]:
    """The matches `TIMEX.finditer(text)` (timex_grammar) would give, without scanning every character."""
    low = text.lower()
    if len(low) != len(text):  # "İ" lower-cases to two characters: keep offsets with ASCII-only folding
        low = text.translate(_ASCII_LOWER)
    out: list[re.Match[str]] = []
    last_end = 0
    for trigger in _trigger_starts(text, low):
        if trigger < last_end:
            continue
        for start in _candidate_starts(text, low, trigger):
            if start < last_end:
                continue
            m = _TIMEX.match(text, start)
            if m and m.end() > m.start():
                out.append(m)
                last_end = m.end()
                if last_end > trigger:
                    break
    return out
