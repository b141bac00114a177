"""Word lists and token helpers for speaker phrases (speakers.py): what opens, breaks or ends a
noun phrase, what links a head noun to its post-modifier, and which words are heads at all."""

from __future__ import annotations

import re

from extract.models import EntityKind
from extract.names.mentions import Mention
from extract.names.roles import role_nouns, role_qualifiers, source_nouns
from extract.names.tokens import STOP_CAPITALISED
from extract.quotes.speech_words import AUXILIARIES

_TOKEN = re.compile(r"[\w’'.\-]*\w|[^\w\s]")
_DETERMINERS = frozenset(
    """the a an another one two three four five several some many most other both his her their its our
    this that these those each any all no""".split()
)
# Words that can open a speaker noun phrase after an inverted cue ("said a senior official").
_NP_OPENERS = frozenset(
    """the a an another one two three four five several some many most other both his her their its our
    senior top former each""".split()
)
# Words a noun phrase never reaches back over ("said that officials", "and experts").
_NP_BREAK = frozenset(
    """and or but that which who whom whose said says told say to in on at by from with as than when while
    because if after before since during about into over under against between among is are was were has have
    had be been not also for of what how where whatever""".split()
)
# Words that follow a name inside a phrase ("passion for X among voters"), not a subject.
_NOT_AFTER_SUBJECT = frozenset(
    "among of in for with to and or at on by from than as into over about ’s 's".split()
)
_PLACE_OBJECT_OF = frozenset("of in from at for to on by with and near across".split())
_PARTY_STATE = re.compile(r"[RDI]-[A-Z]")
_APPOSITION_OPENERS = frozenset("the a an who whose which speaking responding writing according".split())
_QUOTE_CHARS = '"“”‘’«»'


_SUBJECT_PRONOUN = re.compile(r"[\W_]*(?:[A-Z]\w+,\s+)?(He|She)\b")


def _opens_with_pronoun(text: str, start: int, gender: str) -> bool:
    """Does the sentence at `start` have "He"/"She" (of `gender`) as its subject?"""
    m = _SUBJECT_PRONOUN.match(text, start, start + 40)
    return m is not None and (m.group(1) == "He") == (gender == "m")


def _role_prefix(between: str) -> bool:
    words = between.split()
    if len(words) > 5 or "," in between:
        return False
    if words and words[-1].lower() in role_nouns():
        return True  # "said port director X", "said police chief X"
    if words and all(w.isalpha() and w.islower() and w not in _NP_BREAK for w in words) and len(words) <= 3:
        return True  # "according to chief engineer X": lower-case role words we do not list
    return all(
        w[:1].isupper()
        or w.lower() in role_nouns()
        or w.lower() in _NP_OPENERS
        or w.lower() in role_qualifiers()
        for w in words
    )


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \u00a0":
        pos += 1
    return pos


def _previous_comma(toks: list[re.Match[str]], i: int) -> int:
    for j in range(i - 1, max(-1, i - 12), -1):
        w = toks[j].group()
        if w == ",":
            return j
        if w in _QUOTE_CHARS or w in ".;:!?":
            return -1
    return -1


def _skip_parenthesis(toks: list[re.Match[str]], i: int) -> int:
    """From a closing parenthesis ("Rep. X (D-Wis.)"), the index of the token before its opening one."""
    for j in range(i - 1, max(-1, i - 10), -1):
        if toks[j].group() == "(":
            return j - 1
    return -1


def _kind(m: Mention) -> EntityKind:
    return "person" if m.kind == "unknown" else m.kind


# What links a speaker's head noun to its post-modifier ("experts ON the region", "a poll RELEASED
# Friday"), and what a post-modifier never contains.
_POST_PREPOSITIONS = frozenset("of on for at from in with to".split())
_POST_STOPS = frozenset(',;:!?()"“”‘«»—–')
_POST_BREAK = frozenset(
    """that which who whom whose said says told say is are was were has have had be been not but
    when while because if as than""".split()
)
_POST_PARTICIPLES = frozenset(
    "released published conducted commissioned carried issued led run based filed taken".split()
)


def _capitalised(tok: re.Match[str]) -> bool:
    w = tok.group()
    return w[:1].isupper() and w.lower() not in STOP_CAPITALISED


def _is_participle(toks: list[re.Match[str]], j: int) -> bool:
    return toks[j].group().lower() in _POST_PARTICIPLES


def _is_auxiliary(word: str) -> bool:
    low = word.lower()
    # an -ly adverb ("later", "publicly"), but not a noun that happens to end so ("the family said")
    return low in AUXILIARIES or (
        low.endswith("ly") and len(low) > 4 and word.islower() and not _is_head_noun(low)
    )


def _is_head_noun(low: str) -> bool:
    if low in source_nouns() or low in role_nouns():
        return True
    if not low.endswith("s"):
        return False
    # plurals: "aid groups", "rescue agencies", "two unions"
    singular = low[:-3] + "y" if low.endswith("ies") else low[:-1]
    return singular in role_nouns() or singular in source_nouns()
