"""Who a /whosaid query names, and what it asks them about: "Zelensky sanctions" is Volodymyr
Zelensky on sanctions when the store knows Zelensky.

The whole query is tried as a name first (so a stored "Amara Okafor" is never split); then the
longest run of leading words, then of trailing words ("sanctions Zelensky"), that names someone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from handlers.domain import Person

# A name is a few words; trying longer runs only costs look-ups.
_NAME_WORDS = 4


def split_person(
    terms: Sequence[str], find: Callable[[str], list[Person]]
) -> tuple[list[Person], list[str], list[str]]:
    """(people named, the words naming them, the topic words left); ([], [], terms) when none."""
    words = list(terms)
    if not words:
        return [], [], []
    whole = find(" ".join(words))
    if whole:
        return whole, words, []
    for n in range(min(len(words) - 1, _NAME_WORDS), 0, -1):
        lead = find(" ".join(words[:n]))
        if lead:
            return lead, words[:n], words[n:]
        trail = find(" ".join(words[-n:]))
        if trail:
            return trail, words[-n:], words[:-n]
    return [], [], words
