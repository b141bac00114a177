"""Speech and attribution verbs, and the small words around them ("also said", "told reporters")."""

from __future__ import annotations

from functools import cache

from extract.lexicons import words

# The verb lists are data: extract/lexicons/speech_verbs*.txt, stance_verbs.txt, speech_participles.txt.
_SPEECH_VERBS = " ".join(words("speech_verbs"))
_INDIRECT_VERBS = " ".join(words("speech_verbs_clause"))
_STANCE_VERBS = " ".join(words("stance_verbs"))
_PREPOSITIONAL = " ".join(words("speech_verbs_prepositional"))
_INDIRECT_PARTICIPLES = " ".join(words("speech_participles"))

# Words that may stand between a speaker and the verb ("has also said", "later told").
AUXILIARIES = frozenset(
    """has have had also later then previously once repeatedly recently again further separately earlier
    would will could did does do is was were are be been being just quickly publicly privately never not
    already often still subsequently initially first last finally hasn't didn't now on monday tuesday
    wednesday thursday friday saturday sunday yesterday today""".split()
)

# Verbs that stand before their speaker in "CONTENT, said X".
INVERTING_VERBS = frozenset(
    "said says added wrote asked continued explained noted argued recalled insisted warned replied".split()
)

# Verbs whose object is the one spoken to: "told a student who asked …" describes the listener.
TELLING_VERBS = frozenset("tell tells told telling ask asks asked reminded assured urged".split())

PRONOUNS = {"he": "m", "she": "f", "they": "p", "we": "p", "i": "s", "it": "n", "who": "?", "you": "s"}

# Objects of "told" that are audiences, not content ("told reporters", "told the BBC").
AUDIENCE_WORDS = frozenset(
    """reporters journalists lawmakers supporters voters the a an his her their its them him us me students
    crowd audience members delegates senators congress parliament viewers listeners interviewer""".split()
)


@cache
def speech_verb_set() -> frozenset[str]:
    """Every speech verb form (speech_verbs.txt)."""
    return frozenset(_SPEECH_VERBS.split())


@cache
def speech_alternation() -> str:
    """Regex alternation (prefix-tree shaped) of every speech verb form."""
    return trie_alternation(sorted(set(_SPEECH_VERBS.split())))


# Headline forms: "Clinton Hid Health Problems, Former Doctor Says".
_HEADLINE_VERBS = "Says Said Warns Claims Tells Admits Insists Argues Suggests Predicts"


@cache
def finite_speech_alternation() -> str:
    """Speech verb forms that cannot be nouns ("said", "posted", "warns"), unlike "post" or "call"."""
    irregular = {"said", "told", "wrote", "spoke", "thought", "found", "knew", "sought", "shown"}
    words = {w for w in _SPEECH_VERBS.split() if w.endswith(("ed", "es")) or w in irregular}
    words |= {w for w in _SPEECH_VERBS.split() if w.endswith("s") and w[:-1] in _SPEECH_VERBS.split()}
    return trie_alternation(sorted(words))


@cache
def indirect_alternation() -> str:
    """Regex alternation of the verbs (and headline forms) that introduce reported speech."""
    forms = set(_INDIRECT_VERBS.split()) | set(_HEADLINE_VERBS.split()) | set(_INDIRECT_PARTICIPLES.split())
    forms |= set(words("speech_phrasal_verbs"))  # "pointed out": a cue as a whole
    return trie_alternation(sorted(forms))


@cache
def stance_verbs() -> frozenset[str]:
    """Verb forms whose content is an object (stance verbs, and the verbs of saying whose object is
    what was said, speech_topic_verbs.txt) that are not already indirect-speech verbs. A topic verb
    that takes its content after a preposition ("talked about") is a cue only with it."""
    topic = frozenset(words("speech_topic_verbs")) - frozenset(_PREPOSITIONAL.split())
    return (frozenset(_STANCE_VERBS.split()) | topic) - frozenset(_INDIRECT_VERBS.split())


@cache
def stance_alternation() -> str:
    """Regex alternation of stance verbs and verb + preposition phrases."""
    return trie_alternation(sorted(stance_verbs() | prepositional_phrases()))


@cache
def prepositional_phrases() -> frozenset[str]:
    """ "complained about", "warned of", "weighed in on": a verb and the preposition its content follows."""
    return frozenset(f"{verb} {prep}" for verb in _PREPOSITIONAL.split() for prep in _PREPOSITIONS)


_PREPOSITIONS = ("about", "of", "on", "in on")


def trie_alternation(words: list[str]) -> str:
    """A regex alternation of `words` shaped as a prefix tree: Python's `re` tries one branch per
    letter instead of every word at every position, which makes scanning a verb list fast."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:  # type: ignore[type-arg]
    import re

    ends = "" in node
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + body + ")?" if ends else body
