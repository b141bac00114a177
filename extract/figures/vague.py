"""Vague large numbers: "tens of thousands", "thousands of pages" read as a range of one order."""

from __future__ import annotations

import re

from extract.figures.numbers import SCALES
from extract.figures.tail import read_tail
from extract.models import Figure

_VAGUE = {"tens": 10.0, "hundreds": 100.0}
_VAGUE_ONE = {"hundreds": 100.0, "thousands": 1e3, "millions": 1e6, "billions": 1e9}


def read_vague(text: str, m: re.Match[str]) -> Figure | None:
    """ "tens of thousands" (10,000 to 100,000), "thousands of pages" (1,000 to 10,000): a range
    from the word's unit to the next order of it. ("Dozens of" stays vague: no figure.)"""
    words = m.group("vague").lower().split()
    if len(words) == 1:
        value = _VAGUE_ONE[words[0]]
        high = value * 10
    else:
        value = _VAGUE[words[0]] * SCALES[words[2].rstrip("s")]
        high = value * 10
    of = re.match(r"[^\S\r\n]+of(?=[^\S\r\n])", text[m.end() : m.end() + 4])
    tail = read_tail(text, m.end() + (of.end() if of else 0), None, value)
    if not tail.kind:
        tail.end = m.end()
    return Figure(
        text=text[m.start() : tail.end],
        start=m.start(),
        end=tail.end,
        value=value,
        value_max=high,
        unit=tail.unit,
        about=tail.about,
        rule=None if tail.about is None else "counted_noun" if tail.kind == "count" else "phrase_after",
    )


__all__ = ["read_vague"]
