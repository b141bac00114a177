"""Finding the TIMEX matches fast: the big alternation is tried only where an expression can start.

Scanning the alternation at every character costs microseconds per character. Every expression
holds a trigger (a month or weekday name, a digit, a unit word such as "week", "today", "now"), and
can start only at that trigger or at one of the few words before it ("the past two weeks",
"more than a decade ago"). Triggers are found with `str.find` on the lower-cased text (C speed);
the alternation is then matched at those few word starts, in text order, which yields the same
leftmost, non-overlapping matches as a full `finditer`. At each start only the alternatives that can
open with the character there are tried (regex_first): the others cost as much as the one that matches.
"""

from __future__ import annotations

import re

from extract.regex_first import Alternation
from extract.timex.grammar import ALTERNATIVES

# Lower-case triggers; the capitalised ones (months, weekdays) must be capitalised in the text too.
_TRIGGER_WORDS = tuple(
    """today tonight tomorrow yesterday now week month year decade centur day hour minute second fortnight
    quarter spring summer fall autumn winter daily weekly monthly annually yearly nightly hourly biweekly
    noon midnight midday future past morning afternoon evening night christmas thanksgiving easter halloween
    valentine election half currently""".split()
)
_CAPITALISED_TRIGGERS = tuple(
    """jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun""".split()
)
# Words that can come before the first trigger inside an expression ("more than a decade ago").
_LEAD_WORDS = frozenset(
    """early late mid earlier later the last this next past previous coming current same following that every
    each other about almost nearly roughly some around more less than just only over for within at least up
    to in recent many several a an few couple of dozen hundred half first second third fourth final 1st 2nd
    3rd 4th one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety end start beginning
    middle new""".split()
)
_WORD_CHARS = "-'’"
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
# `\d+` written `\d\d*`: a pattern that opens with a character set lets `re` skip ahead fast
_DIGITS = re.compile(r"\d\d*")
_QUARTER = re.compile(r"Q[1-4]\b")
# TIMEX, tried at a place with only the alternatives that can open with the character there
_TIMEX = Alternation([f"(?P<{name}>{body})" for name, body in ALTERNATIVES])


def _trigger_starts(text: str, low: str) -> list[int]:
    starts = set()
    for words, capitalised in ((_TRIGGER_WORDS, False), (_CAPITALISED_TRIGGERS, True)):
        for word in words:
            i = low.find(word)
            while i >= 0:
                if (i == 0 or not low[i - 1].isalnum()) and (not capitalised or text[i].isupper()):
                    starts.add(i)
                i = low.find(word, i + len(word))
    for m in _DIGITS.finditer(text):
        i = m.start()
        starts.add(i)
        if i and text[i - 1] in "'’":
            starts.add(i - 1)
    for m in _QUARTER.finditer(text):
        starts.add(m.start())
    return sorted(starts)


def _candidate_starts(text: str, low: str, trigger: int) -> list[int]:
    """The trigger, the start of its hyphenated compound ("four-year") and the lead words before it."""
    token = trigger
    while token > 0 and (low[token - 1].isalnum() or low[token - 1] in _WORD_CHARS) and trigger - token < 30:
        token -= 1
    starts = [token, trigger] if token != trigger else [trigger]
    end = token
    for _ in range(5):
        gap = end
        while gap > 0 and low[gap - 1] in " \t" and end - gap < 3:
            gap -= 1
        if gap == end:
            break
        begin = gap
        while begin > 0 and (low[begin - 1].isalnum() or low[begin - 1] in _WORD_CHARS) and gap - begin < 20:
            begin -= 1
        word = low[begin:gap]
        if begin == gap or (word not in _LEAD_WORDS and word.split("-")[0] not in _LEAD_WORDS):
            break
        starts.insert(0, begin)
        end = begin
    return starts


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
