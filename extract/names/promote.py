"""Which names are people's, decided from the article around them, before short forms are resolved.

A name followed by a speech verb ("Warren said"), an apposition ("Ana Ruiz, the mayor") or
preceded by a role ("chief executive Marieke Jansen", "The mayor of X, Tri Wulan,") is a person's;
so is every unclassed name ending in a person's surname. Two full names joined by "aka" are one
person's.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING

from extract.names.canonical import role_apposed_before, role_before, surname_key
from extract.names.places import is_region
from extract.quotes.speech_words import finite_speech_alternation

if TYPE_CHECKING:
    from extract.names.mentions import Mention


@cache
def _speech_after() -> re.Pattern[str]:
    """A speech verb right after a name ("Kellogg said", "Weber condemned"): the name is a person's."""
    return re.compile(
        r",?[ \u00a0]+(?:(?:also|later|has|had|then|again|once|now|still)[ \u00a0]+)?"
        rf"(?:{finite_speech_alternation()})\b"
    )


_APPOSITIVE = re.compile(r",[ \u00a0]+(?:the|a|an|who|whose|[\w’']+’s|[\w']+'s)\b")


def promoted(text: str, raw: list[Mention]) -> list[Mention]:
    """Mentions whose context shows a person ("Warren said", "Ana Ruiz, the mayor"), as people.

    Decided before short forms are resolved, so "Anderson said" finds "Karin Anderson" even where
    only the short form has a speech verb after it: a surname that is a person's makes every
    unclassed name ending in it a person's too."""
    keys = [surname_key(m.text) for m in raw]
    people = {k for k, m in zip(keys, raw, strict=True) if m.kind == "person"}
    # the context of each candidate is read once; the surname test is repeated as people are found
    by_context = [_speaks_as_person(text, m) for m in raw]
    kinds = [m.kind for m in raw]
    for _ in range(2):  # a promoted short form promotes its full name, and the other way round
        for i, m in enumerate(raw):
            if kinds[i] in ("unknown", "place") and (
                by_context[i] or (keys[i] in people and _may_be_surname(m))
            ):
                kinds[i] = "person"
                people.add(keys[i])
    return [m if kind == m.kind else replace(m, kind=kind) for m, kind in zip(raw, kinds, strict=True)]


_AKA = re.compile(
    r"[ \u00a0]*(?:[,(—–-][ \u00a0]*)?(?:aka|a\.k\.a\.|also[ \u00a0]+known[ \u00a0]+as)[ \u00a0]+"
    r"(?:[A-Z][a-z]{0,4}\.[ \u00a0]+)?$"
)


def also_known_as(text: str, raw: list[Mention]) -> dict[str, str]:
    """ "Ron Vale — aka Dr. Maulana Vale": two full names of one person; the first is the name."""
    out: dict[str, str] = {}
    for a, b in pairwise(raw):
        if (
            a.kind == b.kind == "person"
            and " " in a.text
            and " " in b.text
            and surname_key(a.text) == surname_key(b.text)
            and b.start - a.end < 30
            and _AKA.match(text, a.end, b.start)
        ):
            out[b.text] = out.get(a.text, a.text)
    return out


def _may_be_surname(m: Mention) -> bool:
    """An unclassed name, or a one-word place that may be a surname ("Warren")."""
    return m.kind == "unknown" or (" " not in m.text and not is_region(m.text))


def _speaks_as_person(text: str, m: Mention) -> bool:
    """ "Warren said", "Ana Ruiz, the mayor", "chief executive Marieke Jansen": context makes a person."""
    if m.kind == "place":
        return " " not in m.text and not is_region(m.text) and _speech_after().match(text, m.end) is not None
    if m.kind != "unknown":
        return False
    return bool(
        _speech_after().match(text, m.end)
        or _APPOSITIVE.match(text, m.end)
        or (" " in m.text and (role_before(text, m.start) or role_apposed_before(text, m.start)))
    )
