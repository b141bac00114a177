"""When a speech word is a speech cue: the checks every reported-speech rule shares.

A cue reports speech only when the speech happened and its content is a clause: "did not
elaborate on what …", "declined to say whether …" and "refused to comment" report no statement
(negation is kept by dropping the report, not by stating its content), and a verb of stance or
intention ("condemned the attack", "urged Kyiv to respond", "hope to isolate Moscow") reports no
words unless it carries a that-clause or quoted words.
"""

from __future__ import annotations

import re
from functools import cache

from extract.lexicons import word_set
from extract.quotes.speech_words import AUXILIARIES

_WORD_BEFORE = re.compile(r"([\w’'-]+)[ \u00a0]*$")
# Words that may stand between a negation and its verb ("did not immediately say", "declined to say")
_BETWEEN = frozenset(("to", "immediately", "yet", "specifically", "directly", "explicitly", "further"))
_QUOTE_MARKS = frozenset('"“”‘')  # not ’, which is also the apostrophe


@cache
def _negators() -> frozenset[str]:
    return word_set("speech_negators")


def negated(text: str, lo: int, cue_start: int) -> bool:
    """True when the words right before the cue negate it ("did not say", "declined to comment",
    "has never said"); only auxiliaries and negations are read, so "X, who was not there, said"
    is no negation."""
    pos = cue_start
    for _ in range(5):
        m = _WORD_BEFORE.search(text, max(lo, pos - 24), pos)
        if m is None:
            return False
        word = m.group(1).lower().replace("’", "'")
        if word in _negators() or word.endswith("n't"):
            return True
        if word not in AUXILIARIES and word not in _BETWEEN:
            return False
        pos = m.start()
    return False


def carries_words(verb: str, text: str, start: int, end: int, has_that: bool) -> bool:
    """A stance verb's content reports words only as a that-clause or with quoted words in it,
    unless the verb is itself a verbal act ("called the raid a war crime", "called for an inquiry") or
    a verb of saying whose object is what was said ("cited the jobless figures", "outlined a plan")."""
    head = verb.split()[0].lower()
    return (
        has_that
        or head in word_set("speech_act_verbs")
        or head in word_set("speech_topic_verbs")
        or any(ch in _QUOTE_MARKS for ch in text[start:end])
    )


_OBJECT_END = re.compile(r"[,;:(]|[ \u00a0](?:—|–|--|-)[ \u00a0]|—")


def object_end(verb: str, text: str, start: int, end: int, has_that: bool) -> int:
    """Where the object of a verb of saying ends (speech_topic_verbs.txt): at the first comma, dash or
    colon ("citing witnesses, the paper named …": the witnesses were cited, the naming is the
    paper's). A that-clause or another verb runs to `end`."""
    if has_that or verb.split()[0].lower() not in word_set("speech_topic_verbs"):
        return end
    m = _OBJECT_END.search(text, start, end)
    return m.start() if m is not None else end
