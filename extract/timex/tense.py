"""Which way a year-less date points: back (news reports what happened) or ahead ("will meet Thursday").

The verb nearest to the expression decides. Reporting verbs ("said", "told") are common attributions
that do not tense the reported event ("X will visit on Monday, officials said"), so they count as
further away than they are.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from extract.regex_first import opening_guard

PAST, UNKNOWN, FUTURE = -1, 0, 1
# Only backwards, whatever the distance: a query such as "since Dec. 1" never means next December.
STRICT_PAST = -2

# Lower-case only: case-insensitive matching is several times slower, and a tense cue opening a
# sentence ("Will ...", "Was ...") is rare in news.
_CUE_WORDS = (
    r"(?P<future>(?:will|shall|won[’']t|going\s+to|(?:is|are|was|were)\s+(?:(?:planning|preparing|hoping|"
    r"going|due)\s+)?to|set\s+to|scheduled|slated|"
    r"(?:expected|forecast|predicted|projected|likely|poised)\s+to|set\s+for|plans?\s+to|planning\s+to|intends?\s+to|upcoming|due\s+(?:on|to\s+be)|"
    r"to\s+be\s+held|as\s+(?:soon|early)\s+as|(?:postponed|delayed|extended|adjourned|deferred|put\s+off|"
    r"pushed\s+back)(?:\s+[\w’']+){0,4}?\s+(?:until|till)|begins|starts|ends|opens|closes|expires|resumes|"
    r"takes?\s+effect|kicks\s+off)\b)"
    r"|(?P<report>(?:said|told|says|added|according|announced|reported)\b)"
    r"|(?P<compared>than\s+(?:forecast|expected|predicted|estimated|projected|anticipated|planned)\b)"
    r"|(?P<would>would\b)"
    r"|(?P<neutral>(?:planned|is|are|if|unless|now|can|could|may|might|must|should|(?:has|have|needs?)\s+to|"
    r"(?:decided|agreed|voted|pledged|promised|vowed|threatened|hoped|wanted|"
    r"sought|offered|prepared|asked)\s+to(?!\s+(?:the|a|an|his|her|their|its)\b))\b)"
    r"|(?P<past>(?:was|were|had|did|met|took|made|came|went|saw|began|left|held|hit|struck|killed|won|"
    r"lost|gave|got|sent|fell|rose|spoke|wrote|ran|brought|became|found|kept|led|paid|sold|broke|drove|"
    r"flew|fought|shot|spent|threw|ago|last|since|earlier|previously|[A-Za-z][a-z]+ed)\b)"
)
# The guard skips the word boundaries where no cue word can start (before digits, after a word's end).
_CUE = re.compile(rf"\b{opening_guard(_CUE_WORDS)}(?:{_CUE_WORDS})|(?P<will>[’']ll\b)")
_AFTER_BE = re.compile(r"\bbe\s+$")
_AFTER_TO = re.compile(r"\bto\s+$")
_AFTER_DETERMINER = re.compile(
    r"\b(?:the|a|an|its|his|her|their|our|this|that|these|those)\s+$", re.IGNORECASE
)
# a complementiser or relative pronoun between a date and a later cue opens the cue's own clause
_NEW_CLAUSE = re.compile(r"\b(?:that|who|which|because)\b")
# Words ending in -ed that look forward or are no verbs at all.
_NOT_PAST = frozenset(
    "scheduled slated expected planned intended proposed need speed feed seed bed red united".split()
)


def direction(sentence: str, start: int, end: int) -> int:
    """PAST, FUTURE or UNKNOWN for the expression at sentence[start:end] (offsets within `sentence`).

    "planned", "agreed to"-style verbs, conditions and modals leave the tense open: the nearest
    occurrence wins. "would" looks ahead ("said it would vote Thursday"), except for a possessive day
    ("would appeal Wednesday's ruling"): that names a happening the clause's mood says nothing about.
    """
    return SentenceTense(sentence).direction(start, end)


class SentenceTense:
    """`direction` for the expressions of one sentence, its cues found at most once.

    A sentence without a cue near an expression is read whole; done for each of its expressions, a
    100 KB "sentence" of weekdays took quadratic time. Here the whole-sentence cues are listed once
    and searched outwards from the expression, which gives the same answer as the full read.
    """

    __slots__ = ("_clause_ends", "_clause_starts", "_cues", "_starts", "sentence")

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self._cues: list[re.Match[str]] | None = None
        self._starts: list[int] = []
        self._clause_starts: list[int] = []
        self._clause_ends: list[int] = []

    def direction(self, start: int, end: int) -> int:
        """See `direction`; `start` and `end` are offsets within this sentence."""
        sentence = self.sentence
        # cues further than this from the expression are beaten by nearer ones in practice; a window
        # keeps long sentences cheap, and only a sentence without a cue inside it is read whole
        best = _nearest_cue(sentence, start, end, max(0, start - 100), end + 100)
        if best is None and (start > 100 or end + 100 < len(sentence)):
            found = self._nearest_anywhere(start, end)
            best = (found[0], found[2]) if found else None
        return best[1] if best else UNKNOWN

    def _nearest_anywhere(self, start: int, end: int) -> tuple[float, int, int] | None:
        """(distance, cue start, tense) of the cue `_nearest_cue` would pick over the whole sentence:
        the nearest by weighted distance, the leftmost of equals."""
        if self._cues is None:
            self._list_cues()
        assert self._cues is not None
        cues, sentence = self._cues, self.sentence
        best: tuple[float, int, int] | None = None
        first_after = bisect_left(self._starts, start)
        # cues before the expression, nearest first; a weighted distance is never below the raw one
        for i in range(first_after - 1, -1, -1):
            m = cues[i]
            cue_start, cue_end = m.span()
            raw = start - cue_end if cue_end <= start else cue_start - end
            if best is not None and raw > best[0]:
                break
            best = _better(best, _weigh(sentence, m, start, end), cue_start)
        # cues after it, up to the first clause opened between (later ones tense that clause)
        clause = bisect_left(self._clause_starts, end)
        stop = self._clause_ends[clause] if clause < len(self._clause_ends) else len(sentence) + 1
        for i in range(bisect_left(self._starts, end), len(cues)):
            m = cues[i]
            cue_start = m.start()
            if stop <= cue_start or (best is not None and cue_start - end > best[0]):
                break
            best = _better(best, _weigh(sentence, m, start, end), cue_start)
        return best

    def _list_cues(self) -> None:
        sentence = self.sentence
        # a "past" cue that is no verb here ("need", "the disputed goal") is never a cue
        self._cues = [
            m
            for m in _CUE.finditer(sentence)
            if m.lastgroup != "past" or _past_or_not(sentence, m) is not None
        ]
        self._starts = [m.start() for m in self._cues]
        # the complementisers, whole words: `_NEW_CLAUSE.search(sentence, end, cue_start)` finds one
        # exactly when the first starting at or after `end` ends by `cue_start`
        clauses = [m.span() for m in _NEW_CLAUSE.finditer(sentence)]
        self._clause_starts = [s for s, _ in clauses]
        self._clause_ends = [e for _, e in clauses]


def _better(
    best: tuple[float, int, int] | None, weighed: tuple[float, int] | None, cue_start: int
) -> tuple[float, int, int] | None:
    if weighed is None:
        return best
    candidate = (weighed[0], cue_start, weighed[1])
    return candidate if best is None or candidate[:2] < best[:2] else best


def _nearest_cue(sentence: str, start: int, end: int, lo: int, hi: int) -> tuple[float, int] | None:
    best: tuple[float, int] | None = None
    for m in _CUE.finditer(sentence, lo, hi):
        cue_start = m.start()
        if start <= cue_start < end:
            continue
        if cue_start >= end and _NEW_CLAUSE.search(sentence, end, cue_start):
            continue  # "told reporters Tuesday that he would resign": the cue tenses another clause
        weighed = _weigh(sentence, m, start, end)
        if weighed is not None and (best is None or weighed[0] < best[0]):
            best = weighed
    return best


def _weigh(sentence: str, m: re.Match[str], start: int, end: int) -> tuple[float, int] | None:
    """(distance, tense) of cue `m` for the expression at sentence[start:end]; None if it is no cue."""
    cue_start, cue_end = m.span()
    distance = float(start - cue_end if cue_end <= start else cue_start - end)
    kind = "future" if m.lastgroup == "will" else m.lastgroup
    if kind == "would":
        kind = "neutral" if sentence.startswith(("'s", "’s"), end) else "future"
    elif kind == "past":
        kind = _past_or_not(sentence, m)
    if kind is None:
        return None
    if kind == "report":
        # "said Friday" dates the saying; a distant "officials said" does not tense the event
        distance = distance if distance <= 4 else distance * 2 + 10
        tense = PAST
    else:
        # "compared": "lower than forecast in July" measures against a forecast already made
        tense = _TENSE_OF.get(kind, PAST)
    return distance, tense


_TENSE_OF = {"future": FUTURE, "neutral": UNKNOWN}


def _past_or_not(sentence: str, m: re.Match[str]) -> str | None:
    """A past-tense cue's kind: "past", "future" for "scheduled"-style words, None for no cue."""
    word = m.group().lower()
    if word in _NOT_PAST:
        return "future" if word in ("scheduled", "slated", "expected") else None
    if _AFTER_BE.search(sentence, max(0, m.start() - 4), m.start()):
        return None  # "will be finished", "could be delayed": the auxiliary before it tenses the clause
    if _AFTER_TO.search(sentence, max(0, m.start() - 4), m.start()):
        return None  # "to hit", "to set": an infinitive of a verb whose past looks the same
    if _AFTER_DETERMINER.search(sentence, max(0, m.start() - 8), m.start()):
        return None  # "will review the disputed goal": an adjective, not a past verb
    return "past"
