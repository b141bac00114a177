"""The subject before a figure's verb ("the S&P 500 traded up 0.09%", "an aid bill worth $61bn"):
a noun phrase read backwards from a position up to a function word, past a ticker in brackets,
auxiliaries and market verbs, keeping a linking preposition ("revenue at the airline")."""

from __future__ import annotations

import re

from extract.figures.nouns import STOP_WORDS

_LINKS = frozenset({"of", "in", "at", "for", "on"})
# where a subject cannot reach back past: a newline, a clause mark, a sentence end before a capital
_SUBJECT_CUT = re.compile(r"\n|[,;:]\s|\s[—–-]+\s|[.!?][\"”’]?\s+(?=[\"“‘A-Z])")
_NOT_A_BREAK = re.compile(r"(?:\b[A-Z]\.|\b(?:Inc|Corp|Co|Ltd|Jr|Sr|St|Mr|Mrs|Ms|Dr|No|vs))$")
_BRACKETS = re.compile(r"\([^()\n]*\)")
_TOKEN = re.compile(r"[A-Za-z0-9&$][\w&'’.$-]*")
# between a subject and the verb of change: "prices are down", "the S&P 500 traded up", "has been"
_BETWEEN = frozenset(
    """is are was were be been being has have had will would could should may might did does do
    traded trades closed closes ended ends finished finishes opened opens edged edges inched inches
    ticked ticks moved moves stood stands was also still now only just slightly sharply marginally
    modestly further already""".split()
)
_JOINERS = frozenset({"of", "and", "&", "for", "de"})


def subject_before(text: str, start: int, limit: int) -> str | None:
    """The noun phrase ending at `start`, read backwards up to a function word: the subject before a
    change verb ("net interest income sank 27%", "the S&P 500 traded up 0.09%", "Fenwick Inc.
    (NYSE: FWT) fell 6%") or before "worth" ("an arms package worth $5m")."""
    lo = max(limit, start - 100)
    seg = _BRACKETS.sub(lambda m: " " * len(m.group()), text[lo:start])
    cut = 0
    for m in _SUBJECT_CUT.finditer(seg):
        if m.group().startswith((".", "!", "?")) and _NOT_A_BREAK.search(seg, 0, m.start() + 1):
            continue
        cut = m.end()
    seg = seg[cut:]
    words = _TOKEN.findall(seg)
    while words and words[-1].lower() in _BETWEEN:
        words.pop()
    first = len(words)
    while first > 0:
        low = words[first - 1].lower()
        joined = 2 <= first < len(words) and words[first - 2][:1].isupper() and words[first][:1].isupper()
        if low in _JOINERS and joined:
            first -= 1
            continue
        if low in STOP_WORDS or low == "and" or (not words[first - 1][:1].isalnum() and low != "&"):
            break
        first -= 1
    # one linking preposition keeps its head: "revenue at the airline", "inflation in the eurozone"
    k = first - (2 if first >= 2 and words[first - 1].lower() == "the" else 1)
    linked = k >= 1 and words[k].lower() in _LINKS and words[k - 1].lower() not in STOP_WORDS
    if first < len(words) and linked:
        first = k - 1
        while first > 0 and words[first - 1].lower() not in STOP_WORDS and k - first < 2:
            first -= 1
    kept = words[first:]
    # a verb inside the phrase ("company reported net income") marks where the noun phrase begins
    for i in range(len(kept) - 2, -1, -1):
        if kept[i].endswith("ed") and kept[i].islower():
            kept = kept[i + 1 :]
            break
    return " ".join(kept[-6:]).rstrip(",") or None


__all__ = ["subject_before"]
