"""A figure read with the one before or after it in the sentence: "$5.2 billion, up from 4.8
billion" (the unit of the first), "from 21,000 to 26,000 feet" (the unit of the second), "of which
6,100" (the unit before), "20,000 feet (6,096 metres)" (the same quantity restated)."""

from __future__ import annotations

import re

from extract.models import Figure

_COMPARED = re.compile(r"(?i)(?<![\w-])(?:from|compared\s+(?:with|to)|versus|vs\.?|against|than)\s+$")
_SENTENCE_BREAK = re.compile(r"[.!?;]\s")
# "from 21,000 to 26,000 feet": a bare number before "to" and a figure with a unit takes that unit
TO_NEXT = re.compile(r"[^\S\r\n]+(?:to|and|or)[^\S\r\n]+")
# "65 µm long, or 0.065 mm", "20,000 feet (6,096 metres)": the same quantity in another unit
# (the spaces before "or" are one run unless a word or comma splits them: two optional runs side by
# side made a long run of spaces quadratic to fail on)
_RESTATED = re.compile(r"[^\S\r\n]*(?:(?:(?:(?:long|high|wide|deep|tall),?|,)[^\S\r\n]*)?or|\(|/)[^\S\r\n]*")
_OF_WHICH = re.compile(r"(?i)(?<![\w-])of\s+(?:which|whom|them|those|these)\s+$")


def restated(text: str, previous: Figure, fig: Figure) -> Figure:
    """The figure with the about of the one before when it restates it in another unit."""
    if previous.about is None or previous.unit is None or fig.unit is None:
        return fig
    if fig.unit.isupper() != previous.unit.isupper():
        return fig
    m = _RESTATED.match(text, previous.end)
    if not m or m.end() != fig.start:
        return fig
    return fig.model_copy(update={"about": previous.about, "rule": "restated"})


def inherit_unit(text: str, previous: Figure, fig: Figure) -> Figure:
    """ "$5.2 billion, up from 4.8 billion": a number compared with the figure just before it, in the
    same sentence, is in the same unit."""
    between = text[previous.end : fig.start]
    if previous.unit is None or len(between) > 60 or _SENTENCE_BREAK.search(between):
        return fig
    if not (
        _COMPARED.search(text, max(0, fig.start - 16), fig.start)
        or _OF_WHICH.search(text, max(0, fig.start - 16), fig.start)
    ):
        return fig
    return fig.model_copy(update={"unit": previous.unit, "about": fig.about or previous.about})


__all__ = ["TO_NEXT", "inherit_unit", "restated"]
