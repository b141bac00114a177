"""The words of a story's headline as /timeline's relevance compares them with the topic's words.

One function for the stored stories (the store keeps each story's words, so ranking 500 candidates
does not fold and stem 500 summaries at every question) and for a loaded `Story`: both rank alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from handlers.story_match import fold, stem

_WORDS = re.compile(r"\w[\w'-]*")


def headline_words(summary: str, actors: Iterable[str], places: Iterable[str]) -> frozenset[str]:
    """Whole words, plural or not, of a story's summary, actors and places: "strikes" is "strike"."""
    text = fold(" ".join([summary, *actors, *places]))
    return frozenset(stem(w) for w in _WORDS.findall(text))


def stored_words(summary: str, actors: Sequence[str], places: Sequence[str]) -> str:
    """`headline_words` as the store keeps them: space-separated (a word holds no space), sorted."""
    return " ".join(sorted(headline_words(summary, actors, places)))


def topic_words(terms: Iterable[str]) -> list[str]:
    """The query's words as they are compared with `headline_words`."""
    return [stem(fold(t)) for t in terms]
