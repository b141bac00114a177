"""Quoted stretches of text: pairs of quotation marks, per paragraph or across paragraphs.

Handles curly “…”, straight "…", ``LaTeX''-style, «guillemets» and „low-high“ marks. Single
quotes inside a double-quoted stretch are nested quotes and stay part of it; single quotes, curly
‘…’ or straight '…', count as quotation marks only in text that uses no double marks at all
(British style). A quote that runs
over several paragraphs re-opens each paragraph without closing the previous one, by convention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# ``|''|["“”„«»], written to open with one character set: `re` then skips ahead to the next candidate
# character in a tight loop instead of trying the alternation at every position
_DOUBLE = re.compile(r"[`'\"“”„«»](?:(?<=`)`|(?<=')'|(?<=[\"“”„«»]))")
_SINGLE = re.compile(r"(?<![\w’])‘|’(?![\w’])")
# Straight single quotes, British style: an apostrophe inside a word ("don't") is neither mark.
_STRAIGHT_SINGLE = re.compile(r"(?<![\w'])'(?=\w)|(?<=[\w.,!?])'(?![\w'])")
_OPEN = frozenset(("“", "„", "«", "``", "‘"))
_CLOSE = frozenset(("”", "»", "''", "’"))


@dataclass(frozen=True, slots=True)
class Segment:
    """A quoted stretch: the opening mark at `open`, content `start`..`end`, closing mark ends at `close`."""

    open: int
    start: int
    end: int
    close: int


def quote_segments(text: str, paragraphs: list[tuple[int, int]]) -> list[Segment]:
    """Every quoted stretch, in order."""
    marks = _DOUBLE if _DOUBLE.search(text) else _SINGLE if "‘" in text else _STRAIGHT_SINGLE
    out: list[Segment] = []
    # paragraphs of a quote still open: (mark position, content start, paragraph start, paragraph end)
    chain: list[tuple[int, int, int, int]] = []
    for pi, (ps, pe) in enumerate(paragraphs):
        found = list(marks.finditer(text, ps, pe))
        opened: tuple[int, int] | None = None
        if chain and found and found[0].start() == ps:
            opened = (chain[0][0], chain[0][1])
            chain.append((found[0].start(), found[0].end(), ps, pe))
            found = found[1:]  # the re-opening mark of a continued quote
        nested: str | None = None  # the style of a quote inside the open one, written in other marks
        for k, m in enumerate(found):
            mark, a, b = m.group(), m.start(), m.end()
            if opened is None:
                if _is_opening(text, mark, a, b):
                    opened = (a, b)
                continue
            style, outer = _style(mark), _style(text[opened[0] : opened[1]])
            if nested is not None and style == nested:
                nested = None  # the inner quote closes
                continue
            if (
                nested is None
                and style != outer
                and (mark in _OPEN or (style == "straight" and not _is_closing(text, a)))
                and any(_style(n.group()) == outer for n in found[k + 1 :])  # the outer quote closes later
            ):
                nested = style  # 'he read the question: “Do you agree?” Most said yes.' inside "…"
                continue
            if mark in _OPEN or (mark not in _CLOSE and not _is_closing(text, a)):
                out.extend(_unclosed(chain))  # the earlier mark was never closed
                chain = []
                opened = (a, b)
            else:
                end = a
                while end > opened[1] and text[end - 1] in " \u00a0":
                    end -= 1  # 'the phrase 'urban renewal,' "': the space before a spaced-off mark
                if end > opened[1]:
                    out.append(Segment(opened[0], opened[1], end, b))
                opened = None
                chain = []
        if opened is None:
            continue
        if not chain:
            chain = [(opened[0], opened[1], ps, pe)]
        nxt = paragraphs[pi + 1][0] if pi + 1 < len(paragraphs) else -1
        if nxt < 0 or not (marks.match(text, nxt) and _is_opening(text, text[nxt], nxt, nxt + 1)):
            out.extend(_unclosed(chain))
            chain = []
    return out


def _style(mark: str) -> str:
    """Which family of marks a mark belongs to: straight "…", curly “…”/„…“, «…» or ``…''."""
    if mark == '"':
        return "straight"
    if mark in ("``", "''"):
        return "latex"
    return "angle" if mark in "«»" else "curly"


def _unclosed(chain: list[tuple[int, int, int, int]]) -> list[Segment]:
    """A quote that never closes: each paragraph that opens with its mark is a quote to its end."""
    return [Segment(mark, start, pe, pe) for mark, start, ps, pe in chain if mark == ps and pe > start]


def _is_opening(text: str, mark: str, a: int, b: int) -> bool:
    if mark in _OPEN:
        return True
    before, after = text[a - 1 : a], text[b : b + 1]
    if mark in _CLOSE and mark != "''" and mark != "’":
        # a closing mark typed where an opening one belongs: at a line start, before a word
        # ('” … and that is why,” she said': an ellipsis opening a quote after a closing-shaped mark)
        opens_ellipsis = text[b : b + 3].lstrip(" \u00a0")[:1] in ("…", ".")
        return (before == "" or before == "\n") and (after.isalnum() or opens_ellipsis)
    return after != "" and not after.isspace()


def _is_closing(text: str, a: int) -> bool:
    before, after = text[a - 1 : a], text[a + 1 : a + 2]
    # "…the phrase 'urban renewal,' " he said: a spaced-off mark before no word closes, it cannot open
    return (before != "" and not before.isspace()) or not (after.isalnum() or after in "‘'([")
