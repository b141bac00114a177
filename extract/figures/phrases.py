"""What completes a counted phrase after the figure: "principles of Kwanzaa", "passengers and
crew", "people on board", "bodies recovered", "people in his lab", "people who marched"."""

from __future__ import annotations

import re

from extract.figures.nouns import STOP_WORDS, is_plural_noun

_S = r"[^\S\r\n]"
_OF_PHRASE = re.compile(
    rf"[”\"’]?{_S}+of{_S}+(?:(?P<name>(?:the{_S}+)?[A-Z][\w'’&-]*(?:{_S}+[A-Z][\w'’&-]*)*)"
    rf"|(?!(?:the|a|an|them|us|these|those|this|that|it|which|whom)\b)"
    rf"(?P<np>[\w“\"'’-]+(?:{_S}+[a-z][\w'’-]*)?))"
)
# "30 people in his lab", "12 staff at the clinic": where the counted are
_IN_PLACE = re.compile(
    rf"{_S}+in{_S}+(?:the|his|her|its|their|our|a){_S}+(?P<w>[a-z][\w'’-]*)"
    rf"(?={_S}*[,.;:)]|{_S}+[a-z]+ing\b|{_S}+(?:who|that|and|but|on|at|were|was|are|have|had)\b)"
)
# "14,000 people who rallied on Sunday": the relative clause that says which
_WHO = re.compile(
    rf"{_S}+(?:who|that){_S}+(?P<w>[a-z]+ed(?:{_S}+(?:last|this|on|in){_S}+[A-Za-z]+)?)(?=[\s,.;:!?\"”])"
)
_COORDINATED = re.compile(rf"{_S}+(?:and|or){_S}+(?P<w>[a-z][\w'’-]*)(?=[\s,.;:)])")
_ON_BOARD = re.compile(rf"{_S}+(?P<w>on{_S}+board|aboard)(?!\w)")
# a passive ("had been recovered", "were killed"), not a perfect ("have indicated")
_PASSIVE = re.compile(rf"{_S}+(?:(?:had|have|has){_S}+been|were|was|are|is){_S}+(?P<w>[a-z]{{3,}}ed)(?!\w)")


def counted_phrase(text: str, end: int, about: str) -> str:
    """The counted phrase with what completes it after the figure: "principles of Kwanzaa",
    "passengers and crew", "people on board", "bodies recovered"."""
    of = _OF_PHRASE.match(text, end)
    if of and of.group("name"):
        return f"{about} of {of.group('name')}"
    if of:
        np = of.group("np").strip("“\"'’")
        words = np.split()
        if len(words) == 2 and (words[1] in STOP_WORDS | {"and"} or words[1].endswith(("ed", "ing"))):
            words = words[:1]
        if words and words[0].lower() not in STOP_WORDS:
            return f"{about} of {' '.join(words)}"
    co = _COORDINATED.match(text, end)
    if co and co.group("w") not in STOP_WORDS and not co.group("w").endswith(("ed", "ing")):
        word = co.group("w")
        if is_plural_noun(word) or word in _COLLECTIVES:
            return f"{about} {co.group().split()[0]} {word}"
    board = _ON_BOARD.match(text, end)
    if board:
        return f"{about} {board.group('w')}"
    passive = _PASSIVE.match(text, end)
    if passive:
        return f"{about} {passive.group('w')}"
    place = _IN_PLACE.match(text, end)
    if place and place.group("w") not in STOP_WORDS and not place.group("w").endswith(("ing", "ed")):
        return f"{about} {' '.join(place.group().split())}"
    who = _WHO.match(text, end)
    if who:
        return f"{about} who {who.group('w')}"
    return about


_COLLECTIVES = frozenset("crew staff cargo equipment personnel".split())


__all__ = ["counted_phrase"]
