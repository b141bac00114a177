"""The noun a number counts ("800 Iranian-made Shahed drones" -> "drone") and what a figure is about.

No part-of-speech tagger: a counted phrase is a short run of modifier words ending in a plural noun,
and a run stops at the first function word, so "730 drones sent" and "40 people and" both end right.
"""

from __future__ import annotations

import re
from functools import cache

from extract.lexicons import table, word_set

# Words that cannot sit inside a counted noun phrase: determiners, prepositions, pronouns,
# auxiliaries and other closed-class words, plus temporal words that follow numbers in news.
STOP_WORDS = frozenset(
    """a an the this that these those his her its their our my your some any no every each all both
    of in on at for from to by with without into onto over under after before since during than as per
    via about against between among across through toward towards near off out up down upon within
    but or nor so yet if because while when where which who whom whose whether though although unless
    is are was were be been being am has have had do does did will would could should may might must
    can shall said says say told according
    he she it they we i you them us him me one ones others
    not also only just still already ago earlier later then now again too very even ever never
    yesterday today tomorrow tonight last next this week weekend month year
    january february march april june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday percent times apiece
    """.split()
)
# "-s" words that are not plural nouns.
_NOT_PLURAL = frozenset(
    """is was has does its this thus us yes always perhaps across unless besides whereas towards
    afterwards news series species less plus bonus status gas bus virus campus census lens chaos
    various numerous previous famous serious dangerous obvious anonymous enormous nervous whereabouts
    analysis crisis basis thesis diagnosis emphasis hypothesis""".split()
)
IRREGULAR_PLURALS = {
    "people": "person",
    "persons": "person",
    "men": "man",
    "women": "woman",
    "children": "child",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
    "police": "police",
    "personnel": "personnel",
    "staff": "staff",
    "cattle": "cattle",
    "sheep": "sheep",
    "fish": "fish",
    "aircraft": "aircraft",
    "deer": "deer",
    "crises": "crisis",
    "analyses": "analysis",
    "lives": "life",
    "wives": "wife",
    "knives": "knife",
    "halves": "half",
    "wolves": "wolf",
    "shelves": "shelf",
    "thieves": "thief",
    "leaves": "leaf",
    "criteria": "criterion",
    "phenomena": "phenomenon",
    "indices": "index",
    "spacecraft": "spacecraft",
    "offspring": "offspring",
    "militia": "militia",
    "buses": "bus",
    "viruses": "virus",
    "bonuses": "bonus",
    "campuses": "campus",
    "statuses": "status",
    "gases": "gas",
    "lenses": "lens",
    "movies": "movie",
    "cookies": "cookie",
    "zombies": "zombie",
    "rookies": "rookie",
    "aliases": "alias",
    "biases": "bias",
    "canvases": "canvas",
    "atlases": "atlas",
    "calories": "calorie",
    "ties": "tie",
    "lies": "lie",
    "pies": "pie",
}
_O_ES = frozenset("heroes potatoes tomatoes echoes vetoes torpedoes embargoes volcanoes".split())

# a word, with digits after its first letter ("A320s"), after an optional scare quote ("seven “principles”")
_WORD = re.compile(
    r"[^\S\r\n]*(?:-[^\S\r\n]*)?[“\"‘]?([A-Za-z](?:[A-Za-z0-9'’]|-(?=[A-Za-z])|\.(?=[A-Za-z]\.))*\.?)"
)
_SENTENCE_END = re.compile(r"[.!?;:]")


def singular(word: str) -> str:
    """The singular of an English plural noun ("countries" -> "country", "people" -> "person")."""
    low = word.lower()
    if low in IRREGULAR_PLURALS:
        return _same_case(IRREGULAR_PLURALS[low], word)
    if low.endswith("ies") and len(low) > 4:
        return word[:-3] + "y"
    if low.endswith(("ches", "shes", "xes", "zzes", "sses")) or low in _O_ES:
        return word[:-2]
    if low.endswith("s") and not low.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


# The plural of each irregular singular ("person" -> "people"), for writing a count back out.
_PLURAL_OF = {one: many for many, one in IRREGULAR_PLURALS.items() if many != "persons"}
# Units written the same after any number ("3 percent", "20 celsius", "5 gigahertz").
_UNCOUNTED_UNITS = frozenset({"percent", "celsius", "fahrenheit", "kelvin"})


def plural(word: str) -> str:
    """The plural of an English noun ("country" -> "countries", "person" -> "people"); a word that
    already reads as a plural is kept ("ships")."""
    low = word.lower()
    if low in _PLURAL_OF:
        return _same_case(_PLURAL_OF[low], word)
    if low in _UNCOUNTED_UNITS or low.endswith("hertz") or is_plural_noun(word):
        return word
    if low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        return word[:-1] + "ies"
    if low.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def plural_unit(unit: str) -> str:
    """A unit as written after a number other than one: "kilometre per hour" -> "kilometres per hour",
    "square mile" -> "square miles", "ship" -> "ships"; codes and symbols ("USD", "%") as they are."""
    if not unit[:1].isalpha() or unit.isupper():
        return unit
    head, per, rest = unit.partition(" per ")
    words = head.split(" ")
    words[-1] = plural(words[-1])
    return " ".join(words) + per + rest


def _same_case(base: str, word: str) -> str:
    return base.capitalize() if word[:1].isupper() else base


def is_plural_noun(word: str) -> bool:
    """Whether a word reads as a plural noun: "drones", "people", "Ukrainians"; not "is", "across"."""
    low = word.lower()
    if low in IRREGULAR_PLURALS:
        return True
    return (
        len(low) > 2
        and low.endswith("s")
        and low not in _NOT_PLURAL
        and low not in STOP_WORDS
        and not low.endswith(("ss", "us", "'s", "’s", "is"))
        and low.isascii()
    )


_INITIALS = re.compile(r"(?:[A-Za-z]\.)+")


def counted_noun(text: str, pos: int, max_words: int = 5) -> tuple[str, int, int] | None:
    """The head noun a number counts, starting right after the number at `pos`.

    Returns (unit, phrase_start, phrase_end): the singular head ("drone", "Ukrainian") and the span of
    the counted phrase, or None when no plural noun follows within a few modifier words.
    """
    p = pos
    start = -1
    before: list[str] = []
    for _ in range(max_words):
        m = _WORD.match(text, p)
        if not m:
            return None
        word = m.group(1).rstrip(".") if not _INITIALS.fullmatch(m.group(1)) else m.group(1)
        low = word.lower()
        if start < 0:
            start = m.start(1)
        if is_plural_noun(word):
            head = singular(word)
            if not (word[:1].isupper() and (word[1:2].islower() or word[1:2].isdigit())):
                head = head.lower()
            return _compound(before, head), start, m.start(1) + len(word)
        before.append(word)
        if low in STOP_WORDS and low not in ("and", "or"):
            return None
        if low in ("and", "or") and p == pos:
            return None
        p = m.start(1) + len(word)
    return None


def _compound(before: list[str], head: str) -> str:
    """The counted unit with the modifiers that make one noun with its head: a capitalised name
    ("two Black Panthers", "three South Koreans") or a two-word noun of the lexicon ("four flight
    attendants")."""
    if head[:1].isupper():
        names: list[str] = []
        for w in reversed(before):
            if not (w[:1].isupper() and w[1:2].islower()):
                break
            names.insert(0, w)
        return " ".join([*names, head])
    if before and (before[-1].lower(), head) in _compounds():
        return f"{before[-1].lower()} {head}"
    superlatives = _superlatives()
    if before and before[-1].lower() in superlatives:  # "the six largest cities"
        return f"{superlatives[before[-1].lower()]} {head}"
    if len(before) >= 2 and before[-2].lower() == "most" and before[-1].isalpha():
        return f"{before[-1].lower()} {head}"  # "the 20 most expensive restaurants"
    return head


@cache
def _superlatives() -> dict[str, str]:
    return {row[0].lower(): row[1].lower() for row in table("superlatives") if len(row) == 2}


@cache
def _compounds() -> frozenset[tuple[str, str]]:
    pairs = (entry.rsplit(" ", 1) for entry in word_set("compound_nouns"))
    return frozenset((pair[0], pair[1]) for pair in pairs if len(pair) == 2)


_NP_WORD = re.compile(r"[^\S\r\n]*([A-Za-z][\w'’-]*)")
_ABOUT_PREP = re.compile(r"[^\S\r\n]*(?:in|of|for|on|from)[^\S\r\n]+(?:(?:the|a|an)[^\S\r\n]+)?")
# "10 feet tall", "5 km away": adjectives of dimension say nothing about what is measured
_DIMENSIONS = frozenset("tall high long wide deep thick away apart old across below above".split())
_TEMPORAL = frozenset(
    "year years quarter quarters month months week weeks day days period time first second half".split()
)


def noun_phrase_after(text: str, pos: int, max_words: int = 5) -> tuple[str, int] | None:
    """A short noun phrase starting at `pos`: words up to the first function word."""
    words: list[str] = []
    p = pos
    end = pos
    for _ in range(max_words):
        m = _NP_WORD.match(text, p)
        if not m or m.group(1).lower() in STOP_WORDS or m.group(1).lower() == "and":
            break
        if words and m.group(1).endswith("ed") and m.group(1).islower():
            break  # "58 percent of women disagreed": a verb ends the phrase
        words.append(m.group(1))
        end = p = m.end(1)
    if not words or words[-1].lower() in _TEMPORAL or words[0].lower() in _TEMPORAL | _DIMENSIONS:
        return None
    return " ".join(words), end


def about_after(text: str, pos: int) -> str | None:
    """What a money or measure figure is about, read after it: "$825 million arms package",
    "90 billion euros in frozen central-bank reserves"."""
    found = noun_phrase_after(text, pos)
    if found:
        return found[0]
    m = _ABOUT_PREP.match(text, pos)
    if m:
        found = noun_phrase_after(text, m.end())
        if found:
            return found[0]
    return None


__all__ = [
    "STOP_WORDS",
    "about_after",
    "counted_noun",
    "is_plural_noun",
    "noun_phrase_after",
    "plural",
    "plural_unit",
    "singular",
]
