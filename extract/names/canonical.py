"""Canonical names and roles of the people an article names.

`FullNames` finds the full name a short form stands for ("Sybiha" -> the nearest "Andrii Sybiha"
of a compatible gender); `organisation_names` maps "Commission" to "European Commission";
`role_before` / `role_after` read the role around a name ("press secretary X", "X, the EU's
foreign policy chief").
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING

from extract.names.roles import role_nouns, role_qualifiers, titles
from extract.names.tokens import STOP_CAPITALISED

if TYPE_CHECKING:
    from extract.names.mentions import Mention


def organisation_names(raw: list[Mention]) -> dict[str, str]:
    """Short organisation names to the fullest one ending in them ("Commission": "European Commission")."""
    by_last: dict[str, list[str]] = {}
    for name in sorted({m.text for m in raw if m.kind == "organization"}, key=len, reverse=True):
        by_last.setdefault(name.split()[-1].lower(), []).append(name)
    out: dict[str, str] = {}
    for names in by_last.values():
        for name in names:
            low = name.lower()
            full = next((n for n in names if len(n) > len(name) and n.lower().endswith(" " + low)), name)
            out[low] = out.get(full.lower(), full)
    return out


class FullNames:
    """People named in full, indexed by one of their words (the surname, or the first name)."""

    def __init__(self, raw: list[Mention], word: int) -> None:
        self._by_key: dict[str, list[Mention]] = {}
        for m in raw:
            # "T. Brennan" is a short form itself: it names nobody in full
            if m.kind == "person" and " " in m.text and len(m.text.split()[0].rstrip(".")) > 1:
                key = surname_key(m.text) if word == -1 else fold_name(m.text.split()[word])
                self._by_key.setdefault(key, []).append(m)
        self._cache: dict[tuple[str, str, str], tuple[list[int], list[Mention]]] = {}
        self._fullest: dict[tuple[str, str], str] = {}

    def nearest(self, key: str, gender: str, pos: int, first: str = "") -> Mention | None:
        """The latest full name before `pos` that can be this person, else the first one after it.

        "Mr. Obama" is not "Michelle Obama": a known gender must agree; nor is "Amara Morales"
        "Anders Morales": a first name (or initial) given must fit."""
        found = self._cache.get((key, gender, first))
        if found is None:
            people = [
                c
                for c in self._by_key.get(key, [])
                if (not gender or c.gender in ("", gender)) and (not first or same_first_name(first, c.text))
            ]
            found = ([c.start for c in people], people)
            self._cache[(key, gender, first)] = found
        starts, people = found
        if not people:
            return None
        i = bisect_right(starts, pos)
        return people[i - 1] if i else people[0]

    def fullest(self, chosen: Mention) -> str:
        """The longest form of the chosen person's name ("Donald J. Trump" over "Donald Trump")."""
        words = chosen.text.split()
        key = (surname_key(chosen.text), words[0])
        best = self._fullest.get(key)
        if best is None:
            forms = [c.text for c in self._by_key.get(key[0], []) if c.text.split()[0] == key[1]]
            best = _SUFFIX.sub("", max(forms, key=len) if forms else chosen.text)
            self._fullest[key] = best
        return best


# German umlauts written out ("Mueller" for "Müller"): folded like the accented letter.
_UMLAUT_SPELLED = re.compile(r"(?<=[a-z])(?:ae|oe|ue)")
_LETTER_FOLD = str.maketrans({"ß": "ss", "ø": "o", "ł": "l", "đ": "d", "æ": "ae", "œ": "oe", "’": "'"})


@lru_cache(maxsize=16384)
def fold_name(name: str) -> str:
    """A name as compared within and across articles: lower case, accents and spelled-out umlauts
    folded ("Müller", "Muller" and "Mueller" all give "muller")."""
    low = name.lower()
    if not low.isascii():
        low = unicodedata.normalize("NFKD", low.translate(_LETTER_FOLD))
        low = "".join(c for c in low if not unicodedata.combining(c))
    if "e" in low:
        low = _UMLAUT_SPELLED.sub(lambda m: m.group()[0], low)
    # transliterations of one Cyrillic name: Zelenskyy/Zelenskiy/Zelensky, Andrii/Andriy, Andrei/Andrey
    low = low.replace("yy", "y")
    if len(low) > 4 and low.endswith(_TRANSLIT_ENDINGS):
        low = low[:-2] + ("ey" if low.endswith("ei") else "y")
    return low


_TRANSLIT_ENDINGS = ("iy", "ii", "yi", "ij", "ei")


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_SPELLED_IN_SURNAME = re.compile(r"(?<=[A-Za-z])(?:ue|oe)(?=[a-z])")


def spelling_variants(name: str) -> list[str]:
    """Other spellings of a person's name that a plain accent fold would not match: umlauts spelled
    out ("Jonas Müller" -> "Jonas Mueller"), and a surname's spelled-out umlaut read as one
    ("Jonas Mueller" -> "Jonas Muller", which folds like "Müller"). Only the surname's "ue"/"oe"
    are read so, because first names such as "Joel" or "Samuel" are no umlaut spellings."""
    out = []
    spelled = name.translate(_UMLAUTS)
    if spelled != name:
        out.append(spelled)
    head, _, last = name.rpartition(" ")
    folded_last = _SPELLED_IN_SURNAME.sub(lambda m: m.group()[0], last)
    if folded_last != last:
        out.append(f"{head} {folded_last}" if head else folded_last)
    return out


def split_title(name: str) -> tuple[str, str | None]:
    """ "Prime Minister Keir Starmer" -> ("Keir Starmer", "Prime Minister"): a title is a role, never
    part of the name; "Foreign Keir Starmer" is left alone (only what ends in a title word goes)."""
    words = name.split()
    n = 0
    while (
        n < len(words) - 1
        and words[n][:1].isupper()
        and (words[n].casefold() in titles() or words[n].casefold() in role_qualifiers())
    ):
        n += 1
    if n == 0 or words[n - 1].casefold() not in titles():
        return name, None
    return " ".join(words[n:]), " ".join(words[:n])


@lru_cache(maxsize=16384)
def surname_key(name: str) -> str:
    """The key a name is filed under by its last word: folded, so "Müller" finds "Mueller"."""
    return fold_name(_SUFFIX.sub("", name).split()[-1])


def same_first_name(first: str, full: str) -> bool:
    """Whether `first` (a first name or its initial) fits the full name's first word."""
    mine, theirs = fold_name(first.rstrip(".")), fold_name(full.split()[0].rstrip("."))
    return mine == theirs or (len(mine) == 1 and theirs.startswith(mine))


# Generational suffixes are not the surname ("Joseph R. Biden Jr." is filed under Biden).
_SUFFIX = re.compile(r",?[ \u00a0]+(?:Jr\.?|Sr\.?|II|III|IV)$")


def role_before(text: str, start: int) -> str | None:
    """ "press secretary Karoline Leavitt": lower-case role words right before the name."""
    window = text[max(0, start - 50) : start]
    if not window.endswith((" ", "\u00a0")):
        return None
    words = window.split()
    if words and words[-1].endswith(".") and words[-1].lower() in titles():
        words = words[:-1]  # "marine biologist Dr. X": the role stands before the honorific
    if not words or not is_role_noun(words[-1]):
        return None
    k = len(words) - 1
    while k > 0 and len(words) - k < 4 and _role_word(words[k - 1]):
        k -= 1
    return " ".join(words[k:])


_ROLE_APPOSED = re.compile(
    r"""(?:^|(?<=[\s,(]))(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)[ \u00a0]+
    ((?:[\w’'-]+[ \u00a0]+){0,2}?([a-z][\w-]*)          # the role noun: "mayor", "chief executive"
    (?:[ \u00a0]+(?:of|for|at)[ \u00a0]+(?:the[ \u00a0]+)?[A-Z][\w.’'-]*(?:[ \u00a0]+[A-Z][\w.’'-]*){0,3})?)
    ,[ \u00a0]+$""",
    re.VERBOSE,
)


def role_apposed_before(text: str, start: int) -> str | None:
    """ "The mayor of Surabaya, Tri Wulan, said": a role the name stands in apposition to."""
    if text[start - 2 : start] not in (", ", ",\u00a0"):
        return None  # the common case, decided without the pattern
    m = _ROLE_APPOSED.search(text, max(0, start - 80), start)
    if m is None or not is_role_noun(m.group(2)):
        return None
    return m.group(1)


def is_role_noun(word: str) -> bool:
    """A listed role noun, or a profession in -ist ("biologist", "economist", "novelist")."""
    low = word.lower()
    return low in role_nouns() or (low.endswith("ist") and len(low) > 6 and low.isalpha())


def _role_word(word: str) -> bool:
    low = word.lower()
    return (
        (word[:1].isupper() and not word.endswith((".", ",", ";", ":")) and low not in STOP_CAPITALISED)
        or low in role_nouns()
        or low in role_qualifiers()
        or (word.isalpha() and word.islower() and low not in STOP_CAPITALISED and len(low) > 3)
    )


_ROLE_AFTER = re.compile(
    r",[ \u00a0]+(?:the|a|an)[ \u00a0]+([^,.;:“”\"()]{3,70}?)(?=[,.;]|[ \u00a0]+(?:said|says|told)\b)"
)


def role_after(text: str, end: int) -> str | None:
    """ "X, the bloc's trade commissioner,": a role in apposition right after the name."""
    m = _ROLE_AFTER.match(text, end)
    if m and any(is_role_noun(w) for w in m.group(1).lower().split()):
        return m.group(1).strip()
    return None
