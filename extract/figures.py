"""Figures: counts, money and measures the article reports, with their unit, bound and change.

One compiled regex finds every number (digits or words, with a currency prefix); the words around
each decide what it is: the scale ("1.5 million"), the unit or currency, the noun it counts, a range
("8 to 10 feet"), a bound ("more than"), a change ("rose 5%"), or that it is no figure at all
(a date, a year, a time, an ordinal, an identifier).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.document import Document
from extract.figures_context import (
    bound_after,
    bound_before,
    change_after,
    change_before,
    in_web_token,
    is_date_part,
    is_identifier,
    is_not_a_number,
)
from extract.figures_measures import APART_UNIT, GLUED_UNIT, TIME_UNITS, unit_name
from extract.figures_nouns import about_after, counted_noun, subject_before
from extract.figures_units import (
    CURRENCY_PREFIX,
    CURRENCY_SUFFIX,
    SCALE_ONLY_SUFFIX,
    currency_of,
    money_name,
)
from extract.models import Bound, Change, Figure, TimeExpression
from extract.numbers import (
    DIGIT_NUMBER,
    SCALE,
    SCALE_ABBREVIATIONS,
    SCALES,
    TENS,
    UNITS,
    WORD_NUMBER,
    number_value,
)

_CANDIDATE = re.compile(
    rf"(?:(?P<cur>{CURRENCY_PREFIX.pattern}[^\S\r\n]?)|(?<![\w.,:/'’]))(?P<num>{DIGIT_NUMBER}|{WORD_NUMBER})"
    r"|(?P<vague>(?i:(?<![\w-])(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)(?!\w)))"
)
_DIGIT_START = re.compile(r"[\d½¼¾⅓⅔⅛$€£¥₹₽₴₩₪₺₿₡₭₾฿₦₱元]+")
_NUMBER_WORDS = sorted([*UNITS, *TENS, "dozen", "half", "quarter", "tens", "hundreds"], key=len, reverse=True)
_WORD_START = re.compile(
    r"\b(?:" + "|".join(_NUMBER_WORDS)
    + r"|a(?=\s+(?:dozen|half|quarter|hundred|thousand|million|billion|trillion)\b))\b"
)
_SCALE = re.compile(rf"[^\S\r\n]?(?:-[^\S\r\n]?)?{SCALE}")
_RANGE = re.compile(
    rf"[^\S\r\n]*(?:-|–|—|to|and|or)[^\S\r\n]*(?P<cur>{CURRENCY_PREFIX.pattern}[^\S\r\n]?)?"
    rf"(?P<num>(?<![\w.,:/]){DIGIT_NUMBER}|{WORD_NUMBER})"
)
_PLUS = re.compile(r"-?plus(?=[^\S\r\n]+[a-z])|\+(?=[^\S\r\n]+[a-z])")
_SPACE = re.compile(r"[^\S\r\n]?(?:-[^\S\r\n]?)?")
_S = r"[^\S\r\n]"
_PER_WORDS = (
    r"share|day|year|hour|month|week|barrel|gallon|ounce|tonne|ton|kilo|kilogram|pound|head|person|dozen"
    r"|litre|liter|bushel|night|seat|vote"
)
# "per tonne", "a share", "/h", "-a-share": what a rate is counted per
_PER = re.compile(
    rf"{_S}?(?:-{_S}?)?(?:(?i:per){_S}+|/{_S}?|(?i:an?){_S}?(?:-{_S}?)?(?=(?i:{_PER_WORDS})(?![\w-])))"
)
_PER_WORD = re.compile(
    rf"(?i:(?P<w>{_PER_WORDS}|annum|capita))(?![\w-])(?!{_S}+(?:ago|earlier|before|later|prior))"
)
_OF_RATE = re.compile(
    rf"{_S}+of(?:{_S}+[a-z][\w-]*){{1,4}}?{_S}+(?:a|per){_S}+(?P<w>day|year|week|month|hour)(?!\w)"
    rf"(?!{_S}+(?:ago|earlier|later|before|prior))"
)
_CENTS = re.compile(
    r"(?i)[^\S\r\n]+(?:and[^\S\r\n]+)?(?P<n>\d{1,2}|[a-z]+(?:[ -][a-z]+)?)(?:[^\S\r\n]+(?:cents?|pence)(?!\w)"
    r"|(?P<bare>(?=[^\S\r\n]*(?:[.,;!?]|$))))"
)
_BRACKETED = re.compile(r"[^\S\r\n]?[(\[{<]")
_TEMPORAL_AFTER = re.compile(
    r"(?i)[^\S\r\n]+(?:ago|prior|earlier|later|before|after|since|from\s+now|into|in\s+a\s+row"
    r"|of(?!\s+(?:age|the|this|that|these|those|its|their|his|her|our|a|an|\d))(?=\s+[a-z]))(?!\w)"
)
_AGE = re.compile(r"(?i)[^\S\r\n]?(?:-[^\S\r\n]?)?old(?!\w)")
_MONEY_CONTEXT = re.compile(
    r"(?i)£|sterling|britain|british|u\.?k\.?\b|london|paid|pay|cost|fine|worth|price"
)
_ANAPHORIC = re.compile(r"(?i)(?<![\w-])(?:these|those|the|both)\s+$")
_POINT_IDIOM = frozenset({"point", "second", "minute", "hour", "day", "week", "month", "year", "decade"})
_VAGUE = {"tens": 10.0, "hundreds": 100.0}


@dataclass(slots=True)
class _Tail:
    """What follows a number: its unit and where the figure ends."""

    end: int
    unit: str | None = None
    kind: str = ""  # "money", "measure", "count", "" (bare)
    scale: float = 1.0
    about: str | None = None


def find_figures(doc: Document, dates: list[TimeExpression]) -> list[Figure]:
    """Every figure in the document, in text order, never overlapping a date, a year or a time."""
    text = doc.text
    blocked = [(d.start, d.end) for d in dates if d.kind != "duration"]
    figures: list[Figure] = []
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
        if fig is None or any(s < fig.end and fig.start < e for s, e in blocked):
            continue
        figures.append(fig)
    return figures


def _hits(text: str) -> list[int]:
    """Where numbers may start, found by two scans that Python's regex engine runs fast: runs of
    digits and currency signs, and number words in the lowercased text."""
    hits = [m.start() for m in _DIGIT_START.finditer(text)]
    hits += [m.start() for m in _WORD_START.finditer(text.lower())]
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
        return _read_vague(text, m), m.end()
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
    cur = currency_of(m.group("cur")) if m.group("cur") else None
    code, value = (cur[0], value * cur[1]) if cur else (None, value)
    value_max: float | None = None
    p, scaled = _scale(text, num_end, value, money=code is not None)
    plus = _PLUS.match(text, p)  # "15-plus years": the bound sits between number and unit
    if plus:
        p = plus.end()
    rng = _RANGE.match(text, p)
    tail: _Tail | None = None
    if rng and _range_allowed(text, s, rng):
        second = number_value(rng.group("num"))
        second_cur = currency_of(rng.group("cur")) if rng.group("cur") else None
        code2 = second_cur[0] if second_cur else code
        if second is not None and code2 == code:
            p2, second_scaled = _scale(text, rng.end(), second, money=code is not None)
            tail2 = _tail(text, p2, code, second_scaled)
            first = scaled
            if scaled == value and second_scaled != second and value < second:
                first = value * second_scaled / second  # "5 to 10 million"
            if tail2.kind and first < second_scaled:
                tail = tail2
                scaled, value_max = first * tail2.scale, second_scaled * tail2.scale
            elif not tail2.kind and rng.group(0).strip()[:1] in "-–—" and digits:
                return None, rng.end()  # "3-1", "1111-2222": scores and codes, not figures
    value = scaled
    if tail is None:
        tail = _tail(text, p, code, value)
        value *= tail.scale
    if not tail.kind and (text[tail.end:tail.end + 1].isalnum() or not digits or len(num) > 12):
        return None, tail.end
    if num.lower() == "one" and (tail.kind in ("count", "") or tail.unit in _POINT_IDIOM):
        return None, tail.end
    if digits and tail.kind in ("count", "") and _looks_like_year(num, value):
        return None, tail.end
    if tail.unit in TIME_UNITS and _TEMPORAL_AFTER.match(text, tail.end):
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
    text: str, s: int, tail: _Tail, value: float, value_max: float | None, prefixed: bool, quantity: bool
) -> Figure | None:
    bound: Bound = "="
    change: Change | None = None
    start, end = s, tail.end
    before = bound_before(text, s)
    if before:
        bound, start = before
    elif not prefixed and is_identifier(text, s):
        return None
    after = bound_after(text, end)
    if after:
        bound, end = after
    moved = change_before(text, start)
    if not tail.kind and bound == "=" and not quantity and not moved:
        return None
    about = tail.about
    if moved and tail.kind != "count":
        change = moved[0]
        if tail.kind in ("money", "measure") or tail.unit == "percent":
            about = subject_before(text, moved[1], max(0, moved[1] - 60)) or about
    elif tail.kind != "count":
        change = change_after(text, end)
    return Figure(
        text=text[start:end], start=start, end=end, value=_tidy(value), unit=tail.unit,
        value_max=None if value_max is None else _tidy(value_max),
        bound=bound, change=change, about=about,
    )


def _scale(text: str, p: int, value: float, *, money: bool) -> tuple[int, float]:
    sm = _SCALE.match(text, p)
    if not sm:
        return p, value
    word = sm.group().strip(" \t-")
    factor = SCALES.get(word.lower()) or SCALE_ABBREVIATIONS.get(word)
    if factor is None:
        return p, value
    short = word.lower() not in SCALES
    if short and word in ("m", "M", "b", "B", "MM") and not money and not _scale_fits(text, sm.end()):
        return p, value  # "50m" is fifty metres unless money or a counted plural follows
    if short and sm.group()[:1].isspace() and word not in ("bn", "mn", "mln", "tn", "trn") and not money:
        return p, value
    return sm.end(), value * factor


def _scale_fits(text: str, end: int) -> bool:
    """Whether "m"/"bn" after digits is a scale: before money ("5m euros") or a plural ("5m tonnes")."""
    if text[end:end + 1] not in (" ", "\u00a0"):
        return False
    if CURRENCY_SUFFIX.match(text, end + 1):
        return True
    unit = APART_UNIT.match(text, end + 1)
    if unit:
        return unit.group().lower().endswith("s") or unit.group().lower() in ("feet", "%")
    return counted_noun(text, end, max_words=3) is not None


def _tail(text: str, p: int, code: str | None, value: float) -> _Tail:
    """Read the unit after a number (and its scale) at `p`."""
    if code is None:
        sep = _SPACE.match(text, p)
        cm = CURRENCY_SUFFIX.match(text, sep.end() if sep else p)
        if cm:
            found = currency_of(cm.group())
            if found and (found[0] != "GBP" or "pound" not in cm.group().lower()
                          or _pounds_are_money(text, p, cm.end())):
                code = found[0]
                end, extra = cm.end(), found[1]
                sm = _SCALE.match(text, end)
                if sm and sm.group().strip(" -").lower() in SCALES:
                    extra *= SCALES[sm.group().strip(" -").lower()]
                    end = sm.end()
                return _money(text, end, code, extra, value, spelled=cm.group()[:1].isalpha())
        sc = SCALE_ONLY_SUFFIX.match(text, p + 1)
        if sc and p > 0 and text[p - 1].isalpha() and text[p:p + 1] == " ":
            found = currency_of(sc.group())
            if found:
                return _money(text, sc.end(), found[0], 1.0, value)
    if code is not None:
        return _money(text, p, code, 1.0, value)
    glued = GLUED_UNIT.match(text, p)
    um = glued if glued else None
    if um is None:
        sp = _SPACE.match(text, p)
        if sp and sp.end() > p:
            um = APART_UNIT.match(text, sp.end())
        bracket = _BRACKETED.match(text, p)
        if um is None and bracket:
            inner = APART_UNIT.match(text, bracket.end())
            if inner and text[inner.end():inner.end() + 1] in ")]}>":
                unit = unit_name(inner)
                return _Tail(end=inner.end() + 1, unit=unit, kind="measure")
    if um:
        unit = unit_name(um)
        end = um.end()
        if unit in ("year", "month", "week", "day"):
            age = _AGE.match(text, end)
            if age:
                return _Tail(end=age.end(), unit=f"{unit} of age", kind="measure")
        if unit not in TIME_UNITS and unit not in ("percent", "mile per hour", "kilometre per hour"):
            per = _per(text, end)
            if per:
                unit, end = f"{unit} per {per[0]}", per[1]
            elif (of_rate := _OF_RATE.match(text, end)) is not None:
                unit = f"{unit} per {of_rate.group('w')}"
        return _Tail(end=end, unit=unit, kind="measure", about=about_after(text, end))
    if text[p:p + 1] in " \t\u00a0":
        if re.match(r"[^\S\r\n]times(?!\w)", text[p:p + 7]):
            return _Tail(end=p + 6, kind="count")
        noun = counted_noun(text, p)
        if noun:
            head, a_start, a_end = noun
            return _Tail(end=a_end, unit=head, kind="count", about=text[a_start:a_end])
    return _Tail(end=p)


def _money(text: str, end: int, code: str, extra: float, value: float, spelled: bool = False) -> _Tail:
    unit = code
    cents = _CENTS.match(text, end)
    scale = extra
    if cents and value == int(value) and extra == 1.0 and (spelled or not cents.group("bare")):
        c = number_value(cents.group("n"))
        if c is not None and 0 < c < 100:
            scale = (value + c / 100) / value if value else 1.0
            return _Tail(end=cents.end(), unit=unit, kind="money", scale=scale)
    per = _per(text, end)
    # "$2 billion a year" is usually a yearly total reported as money; prices per thing are rates
    if per and per[0] not in ("year", "month", "week", "day"):
        unit, end = f"{money_name(code)} per {per[0]}", per[1]
    return _Tail(end=end, unit=unit, kind="money", scale=scale, about=about_after(text, end))


def _per(text: str, end: int) -> tuple[str, int] | None:
    """The unit a rate is counted per, after "per", "a" or "/" ("per tonne", "a share", "km/h")."""
    m = _PER.match(text, end)
    if not m:
        return None
    unit = APART_UNIT.match(text, m.end()) or GLUED_UNIT.match(text, m.end())
    if unit and m.group().strip().lower() not in ("a", "an", "-a", "-an"):
        return unit_name(unit), unit.end()
    word = _PER_WORD.match(text, m.end())
    if not word:
        return None
    w = word.group("w").lower()
    return _PER_NAMES.get(w, w), word.end()


_PER_NAMES = {
    "annum": "year", "capita": "person", "kilo": "kilogram", "tonne": "metric ton", "liter": "litre",
}


def _pounds_are_money(text: str, p: int, end: int) -> bool:
    if re.search(r"(?i)(?:million|billion|thousand|bn|m)\s*$", text[max(0, p - 10):p]):
        return True
    if re.match(r"(?i)\s+sterling", text[end:end + 10]):
        return True
    return bool(_MONEY_CONTEXT.search(text, max(0, p - 80), min(len(text), end + 40)))


def _range_allowed(text: str, s: int, rng: re.Match[str]) -> bool:
    connector = rng.group(0).strip().split()[0].lower() if rng.group(0).strip() else "-"
    before = text[max(0, s - 12):s].lower()
    if connector == "and":
        return before.rstrip().endswith("between")
    if connector == "to":
        return not before.rstrip().endswith("from")
    return True


def _glued_to_identifier(text: str, start: int) -> bool:
    """"F-16", "COVID-19", "scp-173": a number hyphenated onto letters is part of a name."""
    return start >= 2 and text[start - 1] == "-" and text[start - 2].isalnum()


def _looks_like_year(num: str, value: float) -> bool:
    return len(num) == 4 and num.isdigit() and 1800 <= value <= 2100


def _read_vague(text: str, m: re.Match[str]) -> Figure | None:
    words = m.group("vague").lower().split()
    value = _VAGUE[words[0]] * SCALES[words[2].rstrip("s")]
    of = re.match(r"[^\S\r\n]+of(?=[^\S\r\n])", text[m.end():m.end() + 4])
    tail = _tail(text, m.end() + (of.end() if of else 0), None, value)
    if not tail.kind:
        tail.end = m.end()
    return Figure(
        text=text[m.start():tail.end], start=m.start(), end=tail.end, value=value, unit=tail.unit,
        bound=">=", about=tail.about,
    )



def _tidy(value: float) -> float:
    """16.4 * 1e6 is 16399999.999999998 in floating point: keep 12 significant digits."""
    return float(f"{value:.12g}")


__all__ = ["find_figures"]
