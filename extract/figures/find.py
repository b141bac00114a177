"""Figures: counts, money and measures the article reports, with their unit, bound and change.

Two fast scans find where numbers may start (digits and currency signs; number words); a compiled
regex reads each number there, with any currency prefix, and the words around it decide what it is:
the scale ("1.5 million"), the unit or currency, the noun it counts, a range ("8 to 10 feet"),
a bound ("more than"), a change ("rose 5%"), or that it is no figure at all (a date, a year,
a time, an ordinal, an identifier).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate

from extract.document import Document
from extract.figures.about import refine
from extract.figures.context import (
    bound_after,
    bound_before,
    change_after,
    change_before,
    in_web_token,
    is_date_part,
    is_identifier,
    is_not_a_number,
)
from extract.figures.measures import TIME_UNITS
from extract.figures.modifiers import modifier_rule
from extract.figures.neighbours import TO_NEXT, inherit_unit, restated
from extract.figures.numbers import DIGIT_NUMBER, SCALES, TENS, UNITS, WORD_NUMBER, number_value
from extract.figures.subjects import subject_before
from extract.figures.tail import Tail, read_scale, read_tail
from extract.figures.units import CURRENCY_PREFIX, currency_of
from extract.figures.vague import read_vague
from extract.lexicons import word_set
from extract.models import Bound, Change, Figure, TimeExpression
from extract.quotes.speech_words import trie_alternation
from extract.regex_first import opening_guard

_CANDIDATE_PATTERN = (
    rf"(?:(?P<cur>{CURRENCY_PREFIX.pattern}[^\S\r\n]?)|(?<![\w.,:/'’]))(?P<num>{DIGIT_NUMBER}|{WORD_NUMBER})"
    r"|(?P<vague>(?i:(?<![\w-])(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)(?!\w)"
    r"|(?:hundreds|thousands|millions|billions)(?=\s+of\s+(?!the\b|them\b|us\b|those\b)[a-z]))))"
)
# searched a few characters before each hit: the guard passes over the spaces and punctuation there
_CANDIDATE = re.compile(f"{opening_guard(_CANDIDATE_PATTERN)}(?:{_CANDIDATE_PATTERN})")
# one set, then the same set repeated: a pattern that opens with a plain character set lets `re` skip
# ahead to the next such character in a tight loop (`[...]+` would be tried at every position)
_DIGIT_START = re.compile(r"[\d½¼¾⅓⅔⅛$€£¥₹₽₴₩₪₺₿₡₭₾฿₦₱元][\d½¼¾⅓⅔⅛$€£¥₹₽₴₩₪₺₿₡₭₾฿₦₱元]*")
_NUMBER_WORDS = [*UNITS, *TENS, "dozen", "half", "quarter", "tens", "hundreds", "thousands"]
_NUMBER_WORDS += ["millions", "billions"]
# The words as a prefix tree, which `re` tries one branch a letter. Their order does not matter: a word
# must end at a word boundary and all are letters only, so at most one of them can match at a place.
_NUMBER_WORD = (
    trie_alternation(sorted(_NUMBER_WORDS))
    + r"|a(?=\s+(?:dozen|half|quarter|hundred|thousand|million|billion|trillion)\b)"
)
# the guard passes over the word boundaries where no number word can start
_WORD_START = re.compile(rf"\b{opening_guard(_NUMBER_WORD)}(?:{_NUMBER_WORD})\b")
_WORD_START_ANY_CASE = re.compile(
    rf"\b{opening_guard(_NUMBER_WORD, re.IGNORECASE)}(?:{_NUMBER_WORD})\b", re.IGNORECASE
)
_RANGE = re.compile(
    rf"[^\S\r\n]*(?:-to-|-|–|—|to|and|or)[^\S\r\n]*(?P<cur>{CURRENCY_PREFIX.pattern}[^\S\r\n]?)?"
    rf"(?P<num>(?<![\w.,:/]){DIGIT_NUMBER}|{WORD_NUMBER})"
)
_MINUS = re.compile(r"(?:(?<![\w.,)%])[-−]|(?<![\w-])(?<!or )(?i:minus)[^\S\r\n]+)$")
_PLUS = re.compile(r"-?plus(?=[^\S\r\n]+[a-z])|\+(?=[^\S\r\n]+[a-z])")
_TEMPORAL_AFTER = re.compile(
    r"(?i)[^\S\r\n]+(?:ago|prior|earlier|later|before|after|since|from\s+now|into|in\s+a\s+row"
    r"|of(?!\s+(?:age|the|this|that|these|those|its|their|his|her|our|a|an|\d))(?=\s+[a-z]))(?!\w)"
)
# "an arms package worth $5m", "net income of $3bn": the figure is about the phrase before
_LINK_BEFORE = re.compile(r"(?i)(?<![\w-])(?:worth|valued\s+at|totall?ing|costing|of)\s+$")
_RANGING = re.compile(r"(?i)(?<![\w-])(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying))\s+from\s+$")
# "the death toll rose to 23", "a total of 40": a bare number reported as a level or a total
_LEVEL_BEFORE = re.compile(
    r"(?i)(?<![\w-])(?:(?:rose|risen|climbed|increased|jumped|grew|fell|dropped|declined|decreased|reached)"
    r"\s+to|reached|stood\s+at|stands\s+at|totall?ing|total\s+of|numbering|toll\s+of"
    r"|(?:priced|trading|traded|quoted)\s+at|at\s+a\s+price\s+of)\s+$"
)
# "all 70 of us": a bare number counting the people named by the pronoun
_OF_US = re.compile(r"[^\S\r\n]+of[^\S\r\n]+(?:us|them|you|whom)(?!\w)")
_ANAPHORIC = re.compile(r"(?i)(?<![\w-])(?:these|those|both)\s+$")
_POINT_IDIOM = frozenset(
    {"bit", "point", "second", "minute", "hour", "day", "week", "month", "year", "decade"}
)
_RESOLUTIONS = frozenset({240.0, 360.0, 480.0, 576.0, 720.0, 1080.0, 1440.0, 2160.0, 4320.0})


def find_figures(doc: Document, dates: list[TimeExpression]) -> list[Figure]:
    """Every figure in the document, in text order, never overlapping a date, a year or a time."""
    text = doc.text
    blocked = _Spans((d.start, d.end) for d in dates if d.kind != "duration")
    figures: list[Figure] = []
    pending: tuple[int, int] | None = None
    resume = 0
    for hit in _hits(text):
        if hit < resume:
            continue
        m = _candidate_at(text, hit, resume)
        if m is None:
            resume = hit + 1
            continue
        fig, resume = _read(text, m)
        resume = max(resume, m.start() + 1)
        if fig is None or blocked.overlaps(fig.start, fig.end):
            continue
        if modifier_rule(text, fig.start, fig.end, fig.unit, counted=fig.rule == "counted_noun"):
            continue
        to_next = TO_NEXT.match(text, fig.end) if fig.unit is None else None
        if pending is not None and fig.unit is not None and pending[1] == fig.start:
            figures[pending[0]] = figures[pending[0]].model_copy(
                update={"unit": fig.unit, "about": figures[pending[0]].about or fig.about}
            )
        pending = (len(figures), to_next.end()) if to_next else None
        if fig.unit is None and figures and not to_next:
            fig = inherit_unit(text, figures[-1], fig)
        elif figures and fig.about is None and fig.unit is not None:
            fig = restated(text, figures[-1], fig)
        figures.append(refine(doc, fig))
    return figures


class _Spans:
    """Spans (the dates), asked whether any overlaps a figure: a look-up, not a scan of every date
    for every figure (that was quadratic in a long article)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        # the furthest end among the spans starting up to each one
        self._reach = list(accumulate((e for _, e in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span has s < end and start < e."""
        before = bisect_left(self._starts, end)
        return before > 0 and self._reach[before - 1] > start


def _hits(text: str) -> list[int]:
    """Where numbers may start, found by two scans that Python's regex engine runs fast: runs of
    digits and currency signs, and number words in the lowercased text."""
    hits = [m.start() for m in _DIGIT_START.finditer(text)]
    lowered = text.lower()
    if len(lowered) == len(text):  # lowercasing a few letters ("İ") changes the length, and offsets
        hits += [m.start() for m in _WORD_START.finditer(lowered)]
    else:
        hits += [m.start() for m in _WORD_START_ANY_CASE.finditer(text)]
    hits.sort()
    return hits


def _candidate_at(text: str, hit: int, resume: int) -> re.Match[str] | None:
    """The number expression at `hit`, taking in a currency prefix written before it ("US$", "USD ")."""
    lo = max(resume, hit - 8)
    end = min(len(text), hit + 80)
    while lo <= hit:
        m = _CANDIDATE.search(text, lo, end)
        if m is None or m.start() > hit:
            return None
        if m.end() > hit:
            return m
        lo = m.end()
    return None


def _read(text: str, m: re.Match[str]) -> tuple[Figure | None, int]:
    if m.group("vague"):
        return read_vague(text, m), m.end()
    num = m.group("num")
    value = number_value(num)
    s, num_end = m.start(), m.end("num")
    if value is None or in_web_token(text, s, num_end):
        return None, num_end
    digits = num[0].isdigit() or num[0] in ".½¼¾⅓⅔⅛"
    if digits and (is_not_a_number(text, num_end) or _glued_to_identifier(text, m.start("num"))):
        return None, num_end
    if is_date_part(text, m.start("num"), num_end, value):
        return None, num_end
    sign = _MINUS.search(text, max(0, s - 7), s) if digits and not m.group("cur") else None
    if sign:  # "-5C", "minus 12 degrees"
        s, value = sign.start(), -value
    cur = currency_of(m.group("cur")) if m.group("cur") else None
    code, value = (cur[0], value * cur[1]) if cur else (None, value)
    value_max: float | None = None
    p, scaled = read_scale(text, num_end, value, money=code is not None)
    plus = _PLUS.match(text, p)  # "15-plus years": the bound sits between number and unit
    if plus:
        p = plus.end()
    rng = _RANGE.match(text, p)
    tail: Tail | None = None
    if rng and _range_allowed(text, s, rng):
        second = number_value(rng.group("num"))
        second_cur = currency_of(rng.group("cur")) if rng.group("cur") else None
        code2 = second_cur[0] if second_cur else code
        if second is not None and code2 == code:
            p2, second_scaled = read_scale(text, rng.end(), second, money=code is not None)
            tail2 = read_tail(text, p2, code, second_scaled)
            first = scaled
            if scaled == value and second_scaled != second and value < second:
                first = value * second_scaled / second  # "5 to 10 million"
            elif scaled == value and (lead := _scaled_word_number(rng.group("num"))) and value < lead[0]:
                first = value * lead[1]  # "four to five thousand"
            if tail2.kind and first < second_scaled:
                tail = tail2
                scaled, value_max = first * tail2.scale, second_scaled * tail2.scale
            elif not tail2.kind and rng.group(0).strip()[:1] in "-–—" and digits:
                return None, rng.end()  # "3-1", "1111-2222": scores and codes, not figures
    value = scaled
    if tail is None:
        tail = read_tail(text, p, code, value)
        value *= tail.scale
        if tail.kind in ("money", "measure"):
            value_max, tail = _repeated_unit_range(text, s, tail, value, code)
    if not tail.kind and (text[tail.end : tail.end + 1].isalnum() or not digits or len(num) > 12):
        return None, tail.end
    if tail.unit == "penny" and text[tail.end - 1 : tail.end] == "p" and value in _RESOLUTIONS:
        return None, tail.end  # "1080p" is a screen resolution
    if num.lower() == "one" and (tail.kind in ("count", "") or tail.unit in _POINT_IDIOM):
        return None, tail.end
    if digits and tail.kind in ("count", "") and _looks_like_year(num, value):
        return None, tail.end
    if tail.unit in TIME_UNITS and _TEMPORAL_AFTER.match(text, tail.end):
        return None, tail.end
    if tail.kind == "measure" and modifier_rule(text, num_end, tail.end, tail.unit, counted=False):
        return None, tail.end
    if tail.kind == "count" and _ANAPHORIC.search(text, max(0, s - 8), s) and not digits:
        return None, tail.end
    # a bare number (no unit, no counted noun) is kept only where the text marks it as a quantity:
    # a bound ("more than 10,000"), a scale ("20 million") or thousands grouping ("200,000")
    quantity = value != number_value(num) or "," in num or plus is not None
    fig = _finish(text, s, tail, value, value_max, code is not None, quantity)
    if fig and plus and fig.bound == "=":
        fig = fig.model_copy(update={"bound": ">"})
    return fig, tail.end


def _finish(
    text: str, s: int, tail: Tail, value: float, value_max: float | None, prefixed: bool, quantity: bool
) -> Figure | None:
    bound: Bound = "="
    change: Change | None = None
    start, end = s, tail.end
    before = bound_before(text, s)
    if before and not _spread_over(text, before[1], tail.unit):
        bound, start = before
    elif not prefixed and is_identifier(text, s) and not (tail.kind == "count" and tail.unit is None):
        return None  # "Flight 447", not "called Bob 3 times"
    after = bound_after(text, end)
    if after:
        bound, end = after
    # "a pay rise over two years": the rise is the pay's, not the period's
    moved = None if before and _spread_over(text, before[1], tail.unit) else change_before(text, start)
    bare = not tail.kind and bound == "=" and not quantity and not moved
    if bare and not _LEVEL_BEFORE.search(text, max(0, start - 24), start) and not _OF_US.match(text, end):
        return None
    about = tail.about
    rule = None if about is None else "counted_noun" if tail.kind == "count" else "phrase_after"
    if moved and tail.kind != "count":
        change = moved[0]
        if tail.kind in ("money", "measure"):
            subject = subject_before(text, moved[1], max(0, moved[1] - 80))
            if subject:
                about, rule = subject, "subject_of_change"
    elif tail.kind != "count":
        change = change_after(text, end)
        link = _LINK_BEFORE.search(text, max(0, start - 16), start)
        if link and tail.kind in ("money", "measure"):
            subject = subject_before(text, link.start(), max(0, link.start() - 60))
            if subject:
                about, rule = subject, "subject_of_link"
    return Figure(
        text=text[start:end],
        start=start,
        end=end,
        value=_tidy(value),
        unit=tail.unit,
        value_max=None if value_max is None else _tidy(value_max),
        bound=bound,
        change=change,
        about=about,
        rule=rule,
    )


_WORD_BEFORE = re.compile(r"([A-Za-z]+)[^\S\r\n]*$")


def _spread_over(text: str, bound_start: int, unit: str | None) -> bool:
    """ "over two years" after a noun ("a pay rise over two years", "£5bn over five years"): across
    how long, not "more than". After the words of lexicons/figure_over_more_than.txt ("for over two
    years", "lasted over a decade") it keeps its bound."""
    if unit not in TIME_UNITS or text[bound_start : bound_start + 4].lower() != "over":
        return False
    m = _WORD_BEFORE.search(text, max(0, bound_start - 30), bound_start)
    return m is not None and m.group(1).lower() not in word_set("figure_over_more_than")


def _repeated_unit_range(
    text: str, s: int, tail: Tail, value: float, code: str | None
) -> tuple[float | None, Tail]:
    """ "5.25% to 5.5%", "€10m-€12m": a range written with its unit twice. Not after "from" or a verb
    of change, where the second number is a new level ("rose 5% to 7%")."""
    rng = _RANGE.match(text, tail.end)
    if not rng or not _range_allowed(text, s, rng) or change_before(text, s):
        return None, tail
    second = number_value(rng.group("num"))
    second_cur = currency_of(rng.group("cur")) if rng.group("cur") else None
    if second is None or (second_cur[0] if second_cur else None) != code:
        return None, tail
    p2, second_scaled = read_scale(text, rng.end(), second, money=code is not None)
    tail2 = read_tail(text, p2, code, second_scaled)
    high = second_scaled * tail2.scale
    if tail2.unit != tail.unit or not value < high:
        return None, tail
    tail2.about = tail.about or tail2.about
    return high, tail2


def _scaled_word_number(num: str) -> tuple[float, float] | None:
    """ "five thousand" -> (5, 1000): the number before its last scale word, and that scale."""
    words = num.lower().split()
    if len(words) < 2 or words[-1] not in SCALES:
        return None
    lead = number_value(" ".join(words[:-1]))
    return (lead, SCALES[words[-1]]) if lead else None


def _range_allowed(text: str, s: int, rng: re.Match[str]) -> bool:
    connector = rng.group(0).strip().split()[0].lower() if rng.group(0).strip() else "-"
    before = text[max(0, s - 12) : s].lower()
    if connector == "and":
        return before.rstrip().endswith("between")
    if connector == "to" and before.rstrip().endswith("from"):
        return bool(_RANGING.search(text, max(0, s - 24), s))  # "ranging from 5% to 7%", not "rose from"
    return True


def _glued_to_identifier(text: str, start: int) -> bool:
    """ "F-16", "COVID-19", "scp-173": a number hyphenated onto letters is part of a name."""
    return start >= 2 and text[start - 1] == "-" and text[start - 2].isalnum()


def _looks_like_year(num: str, value: float) -> bool:
    return len(num) == 4 and num.isdigit() and 1800 <= value <= 2100


def _tidy(value: float) -> float:
    """16.4 * 1e6 is 16399999.999999998 in floating point: keep 12 significant digits."""
    return float(f"{value:.12g}")


__all__ = ["find_figures"]
