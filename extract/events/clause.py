"""What the verbs of a clause say: a past happening, a state, a saying, a forecast, a negation.

No tagger: words are read against lexicons (irregular past forms and participles, state and reporting
verbs, modal and forecast cues) and their neighbours ("was" + participle is a past passive, "had" + a
noun is a state, "has" + participle a present perfect). A clause is the stretch of a sentence between
punctuation and the words that open a subordinate or coordinated clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from extract.lexicons import word_set

_WORD = re.compile(r"[a-z][a-z0-9'-]*")  # on lower-cased text with ’ made '
_MONTH_MAY = re.compile(r"(?<=.)\bMay\b", re.S)
# every branch opens with a character set, so that `re` can skip ahead to the next candidate fast
_BREAK = re.compile(
    r"[,;:—–]|\s(?:-\s|(?:that|which|who|whom|whose|where|because|although|though|while|whereas|"
    r"but|so|after|before|when|once|until|unless|if)\b)"
)
_ASIDE = re.compile(r"\([^()]*\)")
_PERFECT = frozenset({"has", "have", "having", "'ve", "’ve"})
_PRESENT_BE = frozenset({"is", "are", "am", "be", "being", "'s", "’s", "'re", "’re"})
_BASE_BEFORE = frozenset(
    {"to", "will", "would", "can", "could", "may", "might", "should", "must", "shall", "do", "does", "did"}
)
_NEGATION = frozenset({"not", "never", "no", "n't", "nothing", "neither", "nor"})
_ADVERBS = frozenset(
    {
        "already",
        "also",
        "last",
        "later",
        "then",
        "initially",
        "reportedly",
        "first",
        "quickly",
        "just",
        "still",
        "finally",
        "eventually",
        "allegedly",
        "officially",
        "formally",
        "immediately",
        "again",
    }
)
_VERBLESS_OPENERS = frozenset({"with", "without", "despite", "amid", "among", "including", "like", "unlike"})
_PAST_EEDS = frozenset({"agreed", "freed", "decreed", "guaranteed", "refereed", "disagreed"})
_FINITE_OTHER = frozenset(
    {"is", "are", "am", "has", "have", "does", "do", "'s", "’s", "seems", "seem", "says", "say"}
)


@dataclass(frozen=True, slots=True)
class Verbs:
    """What the verbs of one stretch of text report."""

    action: bool = False  # a positive past happening: "rebels seized", "was shot down", "had fled"
    state: bool = False  # "had a taste", "was the first", "seemed"
    saying: bool = False  # "said", "told"
    negated: bool = False  # "did not", "had never", "wasn't found"
    perfect: bool = False  # "has awarded", "have been closed"
    modal: bool = False  # "will", "should", "is expected to"
    present: bool = False  # "is", "are", "has", "seems": a present-tense auxiliary or state
    finite: bool = False  # any finite verb seen (else the stretch is a phrase: "On Monday")


def _words(text: str) -> list[str]:
    if "May" in text:
        text = _MONTH_MAY.sub("may-month", text)  # the month, not the modal: "on 3 May 2024"
    found = _WORD.findall(text.lower().replace("’", "'"))
    if "n't" not in text and "n’t" not in text:
        return found
    out: list[str] = []
    for w in found:
        if w.endswith("n't") and len(w) > 3:
            out.extend((w[:-3] if w not in ("won't", "can't") else w[:2], "n't"))
        else:
            out.append(w)
    return out


def _is_participle(w: str) -> bool:
    return w in word_set("event_participles_irregular") or _is_ed(w) or w == "been"


def _is_ed(w: str) -> bool:
    if len(w) < 4 or not w.endswith("ed") or w in word_set("event_ed_non_verbs"):
        return False
    return not w.endswith("eed") or w in _PAST_EEDS


def _negated(words: list[str], i: int) -> bool:
    return any(w in _NEGATION for w in words[max(0, i - 2) : i])


@cache
def _telling() -> frozenset[str]:
    """Every word that can tell something about the verbs, -ed words aside: others are skipped fast."""
    return frozenset().union(
        word_set("event_modal_cues"),
        word_set("event_modal_verbs_to"),
        word_set("event_past_irregular"),
        word_set("event_past_ambiguous"),
        _FINITE_OTHER,
        ("was", "were", "had", "did", "it's", "that's", "there's", "he's", "she's"),
    )


@lru_cache(maxsize=4096)
def read_verbs(text: str) -> Verbs:
    """The verbs of `text` (a clause or a sentence), read word by word; asides in brackets are skipped."""
    words = _words(_ASIDE.sub(" ", text) if "(" in text else text)
    action = state = saying = negated = perfect = modal = finite = present = False
    if words and words[0] in _VERBLESS_OPENERS:
        return Verbs()
    modal_cues = word_set("event_modal_cues")
    telling = _telling()
    determiners = word_set("event_determiners")
    i = -1
    while i + 1 < len(words):
        i += 1
        w = words[i]
        if w not in telling and not w.endswith("ed"):
            continue
        prev = words[i - 1] if i else ""
        if (w in modal_cues and not (w.endswith("ed") and prev in determiners)) or (
            w in word_set("event_modal_verbs_to")
            and _at(words, i + 1) == "to"
            and prev not in determiners
            and _past_kind(words, i - 1, _at(words, i - 2)) is None
        ):
            modal = finite = True
        if w in _FINITE_OTHER or (w.endswith("'s") and w in ("it's", "that's", "there's", "he's", "she's")):
            finite = present = True
            if w in _PERFECT and i + 1 < len(words) and _is_participle(_skip(words, i + 1)[0]):
                perfect = True
        kind = _past_kind(words, i, prev)
        if kind == "action" and present and _at(words, i + 1) == "by" and w.endswith("ed"):
            kind = None  # "it is owned by a company started by Ana Brito": a participle, not a verb
        if kind is not None:
            finite = True
            if kind == "action" and (_negated(words, i) or _negated_after(words, i)):
                negated = True
            elif kind == "action":
                action = True
            elif kind == "state":
                state = True
            elif kind == "saying":
                saying = True
            elif kind == "perfect":
                perfect = True
    return Verbs(
        action=action,
        state=state,
        saying=saying,
        negated=negated,
        perfect=perfect,
        modal=modal,
        present=present,
        finite=finite,
    )


def _skip(words: list[str], j: int) -> tuple[str, int]:
    """The first word from `j` on that is not an adverb or a negation, and its index."""
    while j < len(words) and (words[j] in _ADVERBS or words[j] in _NEGATION):
        j += 1
    return (words[j], j) if j < len(words) else ("", j)


def _negated_after(words: list[str], i: int) -> bool:
    """ "was not found", "had never been": a negation between the auxiliary and the participle."""
    return words[i] in ("was", "were", "had", "did") and any(w in _NEGATION for w in words[i + 1 : i + 3])


def _past_kind(words: list[str], i: int, prev: str) -> str | None:
    """'action', 'state', 'saying', 'perfect' for a past verb at `i`; None for any other word."""
    w = words[i]
    determiners = word_set("event_determiners")
    if prev in determiners or prev in _BASE_BEFORE:
        return None
    if w in ("was", "were"):
        if _at(words, i + 1) == "first" or (_at(words, i + 1) == "the" and _at(words, i + 2) == "first"):
            return "action"  # "were first to publish", "was the first to land"
        nxt, j = _skip(words, i + 1)
        if nxt == "been":
            nxt, j = _skip(words, j + 1)
        if _is_participle(nxt):
            return "action"
        return "state"
    if w == "had":
        if prev in _PERFECT:
            return "perfect"
        nxt, j = _skip(words, i + 1)
        if nxt == "been":
            nxt2, _ = _skip(words, j + 1)
            return "action" if _is_participle(nxt2) else "state"
        return "action" if _is_participle(nxt) and nxt not in ("had",) else "state"
    if w == "did":
        return "action"
    irregular = w in word_set("event_past_irregular")
    ambiguous = w in word_set("event_past_ambiguous") and i > 0 and prev not in _PRESENT_BE | _PERFECT
    if not (irregular or ambiguous or _is_ed(w)):
        return None
    if prev in ("was", "were", "had") or (prev in _NEGATION and _at(words, i - 2) in ("was", "were", "had")):
        return None  # the participle of "was hurt", "had fled": the auxiliary tells the group
    if prev in _PERFECT:
        return "perfect"
    if prev in _PRESENT_BE:
        return None  # "is expected", "are based": present passive or adjective
    if prev == "been":
        return "action" if _at(words, i - 2) == "had" else "perfect"
    if w in word_set("event_reporting_verbs"):
        return "saying"
    if w in word_set("event_state_verbs"):
        return "state"
    return "action"


def _at(words: list[str], i: int) -> str:
    return words[i] if 0 <= i < len(words) else ""


@lru_cache(maxsize=1024)
def clauses(sentence: str) -> tuple[tuple[int, int], ...]:
    """The clauses of `sentence`, as offsets: the stretches between the breaks."""
    out, start = [], 0
    for m in _BREAK.finditer(sentence):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(sentence)))
    return tuple(out)


def clause_at(sentence: str, at: int) -> tuple[int, int]:
    """The clause of `sentence` holding offset `at`."""
    for s, e in clauses(sentence):
        if s <= at < e or at < s:
            return s, e
    return 0, len(sentence)


def date_clause_verbs(sentence: str, at: int) -> Verbs:
    """The verbs of the clause holding the date at `at`. A clause without a finite verb ("On Monday,")
    dates the next clause that has one ("..., the army withdrew"), or else the last one before it."""
    parts = clauses(sentence)
    here = next((k for k, (s, e) in enumerate(parts) if at < e), len(parts) - 1)
    first: Verbs | None = None
    for k in [*range(here, len(parts)), *range(here - 1, -1, -1)]:
        verbs = read_verbs(sentence[parts[k][0] : parts[k][1]])
        if verbs.finite and (k == here or verbs.action or verbs.modal or verbs.negated):
            return verbs if first is None or verbs.action else first
        if verbs.finite and first is None:
            first = verbs  # a state ("was already at cruising height"): a later clause may hold the happening
    return first or Verbs()
