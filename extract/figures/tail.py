"""What follows a number: its scale ("1.5 million", "$3m"), its currency or unit of measure,
a rate ("a share", "per tonne"), or the noun it counts; and where the figure ends."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.figures.measures import APART_UNIT, GLUED_UNIT, TIME_UNITS, unit_name
from extract.figures.nouns import about_after, counted_noun, singular
from extract.figures.numbers import SCALE, SCALE_ABBREVIATIONS, SCALES, number_value
from extract.figures.units import CURRENCY_SUFFIX, SCALE_ONLY_SUFFIX, currency_of, money_name
from extract.lexicons import word_set

SCALE_AFTER = re.compile(rf"[^\S\r\n]?(?:-[^\S\r\n]?)?{SCALE}")
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
# "3 dollars 50 cents", "fifteen dollars and fifty": cents after a spelled-out currency
_CENTS = re.compile(
    rf"(?i){_S}+(?:and{_S}+)?(?P<n>\d{{1,2}}|[a-z]+(?:[ -](?!cents?\b|pence\b)[a-z]+)?)"
    rf"(?:{_S}+(?:cents?|pence)(?!\w)|(?P<bare>(?={_S}*(?:[.,;!?]|$))))"
)
_PER_NAMES = {
    "annum": "year",
    "capita": "person",
    "kilo": "kilogram",
    "tonne": "metric ton",
    "liter": "litre",
}
_BRACKETED = re.compile(r"[^\S\r\n]?[(\[{<]")
_AGE = re.compile(r"(?i)[^\S\r\n]?(?:-[^\S\r\n]?)?old(?!\w)")
_MONEY_CONTEXT = re.compile(
    r"(?i)£|sterling|britain|british|u\.?k\.?\b|london|paid|pay|cost|fine|worth|price"
)


@dataclass(slots=True)
class Tail:
    """What follows a number: its unit and where the figure ends."""

    end: int
    unit: str | None = None
    kind: str = ""  # "money", "measure", "count", "" (bare)
    scale: float = 1.0
    about: str | None = None


def read_scale(text: str, p: int, value: float, *, money: bool) -> tuple[int, float]:
    """Apply a scale word after the digits at `p` ("million", "bn", "k"); returns (end, scaled value).

    "m" and "b" are scales only next to money or before a counted plural: "50m" alone is fifty metres.
    """
    sm = SCALE_AFTER.match(text, p)
    if not sm:
        return p, value
    word = sm.group().strip(" \t-")
    factor: float | None = 1.0
    for part in word.split():  # "4 hundred million"
        factor = (SCALES.get(part.lower()) or SCALE_ABBREVIATIONS.get(part) or 0) * (factor or 0) or None
    if factor is None:
        return p, value
    short = word.lower() not in SCALES and " " not in word
    if short and word in ("m", "M", "b", "B", "MM") and not money and not _scale_fits(text, sm.end()):
        return p, value  # "50m" is fifty metres unless money or a counted plural follows
    spaced = short and sm.group()[:1].isspace() and word not in ("bn", "mn", "mln", "tn", "trn")
    # "8 B people" is eight billion; "5 m" is five metres
    if spaced and not money and (word not in ("B", "M", "K") or not _scale_fits(text, sm.end())):
        return p, value
    return sm.end(), value * factor


def _scale_fits(text: str, end: int) -> bool:
    """Whether "m"/"bn" after digits is a scale: before money ("5m euros") or a plural ("5m tonnes")."""
    if text[end : end + 1] not in (" ", "\u00a0"):
        return False
    if CURRENCY_SUFFIX.match(text, end + 1):
        return True
    unit = APART_UNIT.match(text, end + 1)
    if unit:
        return unit.group().lower().endswith("s") or unit.group().lower() in ("feet", "%")
    return counted_noun(text, end, max_words=3) is not None


_ON_BOARD = re.compile(r"[^\S\r\n]+(?:on[^\S\r\n]+board|aboard)(?!\w)")
_INCHES = re.compile(
    r"(?:[^\S\r\n]+(?:and[^\S\r\n]+)?|-)(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven)"
    r"(?:[^\S\r\n]*(?:inch(?:es)?|in\.|\"|”)|(?=[^\S\r\n]+[a-z]|[,.;]))(?![\w-])"
)
_OF_THE = re.compile(r"[^\S\r\n]+of[^\S\r\n]+(?:the|his|her|its|their|our|my|your)[^\S\r\n]")
_PAIR = re.compile(r"[^\S\r\n]+(?:and|or)[^\S\r\n]+(?P<w>[a-z]+)(?![\w-])")
_INCH_MARK = re.compile(
    r"[^\S\r\n]?[\"”″](?=[^\S\r\n]+(?:long|tall|wide|high|deep|thick|across|screen|display|monitor|tablet)\b)"
)
# "12 ft 2 in": inches after feet
_FEET_BEFORE = re.compile(r"(?:\bft\.?|\bfeet|\bfoot)[^\S\r\n]+\d{1,2}$")
_IN_AFTER_FEET = re.compile(r"[^\S\r\n]+in(?:\.|\b)(?![^\S\r\n]+(?:the|a|an|his|her|its|their)\b)")
_TIMES = re.compile(r"[^\S\r\n]times(?!\w)")


def read_tail(text: str, p: int, code: str | None, value: float) -> Tail:
    """Read what follows a number (and its scale) at `p`: currency, unit of measure or counted noun.

    `code` is the currency already named by a prefix ("$", "USD"), if any.
    """
    if code is None:
        sep = _SPACE.match(text, p)
        cm = CURRENCY_SUFFIX.match(text, sep.end() if sep else p)
        if cm:
            found = currency_of(cm.group())
            if found and (
                found[0] != "GBP" or "pound" not in cm.group().lower() or _pounds_are_money(text, p, cm.end())
            ):
                code = found[0]
                end, extra = cm.end(), found[1]
                sm = SCALE_AFTER.match(text, end)
                if sm and sm.group().strip(" -").lower() in SCALES:
                    extra *= SCALES[sm.group().strip(" -").lower()]
                    end = sm.end()
                return _money(text, end, code, extra, value, spelled=cm.group()[:1].isalpha())
        sc = SCALE_ONLY_SUFFIX.match(text, p + 1)
        if sc and text[p : p + 1] == " " and _SCALE_BEFORE.search(text, max(0, p - 10), p):
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
            # a one-character slice: at the end of the text it is "", which `in ")]}>"` would accept
            if inner and text[inner.end() : inner.end() + 1] in (")", "]", "}", ">"):
                unit = unit_name(inner)
                return Tail(end=inner.end() + 1, unit=unit, kind="measure")
    if um:
        unit = unit_name(um)
        end = um.end()
        if unit == "foot" and value and um.group().lower() != "ft":
            inches = _INCHES.match(text, end)
            if inches:  # "5 feet 11 inches", "6-foot-2": one height
                n = number_value(inches.group("n"))
                if n is not None and n < 12:
                    return Tail(end=inches.end(), unit=unit, kind="measure", scale=(value + n / 12) / value)
        if unit in ("year", "month", "week", "day"):
            age = _AGE.match(text, end)
            if age:
                return Tail(end=age.end(), unit=f"{unit} of age", kind="measure")
        if unit not in TIME_UNITS and unit not in ("percent", "mile per hour", "kilometre per hour"):
            per = _per(text, end)
            if per:
                unit, end = f"{unit} per {per[0]}", per[1]
            elif (of_rate := _OF_RATE.match(text, end)) is not None:
                unit = f"{unit} per {of_rate.group('w')}"
        return Tail(end=end, unit=unit, kind="measure", about=about_after(text, end))
    mark = _INCH_MARK.match(text, p)
    if mark:  # 'a 10" screen', 'a pen 6" long'
        return Tail(end=mark.end(), unit="inch", kind="measure")
    inches = _IN_AFTER_FEET.match(text, p)
    if inches and _FEET_BEFORE.search(text, max(0, p - 14), p):
        return Tail(end=inches.end(), unit="inch", kind="measure")
    if text[p : p + 1] in " \t\u00a0":
        if _TIMES.match(text[p : p + 7]):
            return Tail(end=p + 6, kind="count")
        noun = counted_noun(text, p)
        if noun:
            head, a_start, a_end = noun
            pair = _PAIR.match(text, a_end)
            people = word_set("people_nouns")
            if pair and head.lower() in people and singular(pair.group("w")).lower() in people:
                a_end, head = pair.end(), "person"  # "239 passengers and crew"
            return Tail(end=a_end, unit=head, kind="count", about=text[a_start:a_end])
        part = _OF_THE.match(text, p)
        noun = counted_noun(text, part.end() - 1) if part else None
        if noun:  # "five of the new satellites", "two of his children"
            # the figure stays the number: the phrase may hold figures of its own ("three-ton")
            return Tail(end=p, unit=noun[0], kind="count", about=text[noun[1] : noun[2]])
        if _ON_BOARD.match(text, p):  # "killing all 228 on board": people
            return Tail(end=p, unit="person", kind="count", about="people on board")
    return Tail(end=p)


def _money(text: str, end: int, code: str, extra: float, value: float, spelled: bool = False) -> Tail:
    unit = code
    cents = _CENTS.match(text, end)
    scale = extra
    # bare cents follow a spelled currency ("ten dollars fifty") or "and" a spelled number ("$100 and fifty")
    and_words = (
        cents is not None and cents.group().lstrip().lower().startswith("and") and cents.group("n").isalpha()
    )
    bare_ok = spelled or (cents is not None and (cents.group("bare") is None or and_words))
    if cents and value == int(value) and extra == 1.0 and bare_ok:
        c = number_value(cents.group("n"))
        if c is not None and 0 < c < 100:
            scale = (value + c / 100) / value if value else 1.0
            return Tail(end=cents.end(), unit=unit, kind="money", scale=scale)
    per = _per(text, end)
    # "$2 billion a year" is usually a yearly total reported as money; prices per thing are rates,
    # and so are wages and rents ("$3,500 a month")
    if per and (per[0] not in ("year", "month", "week", "day", "hour") or value * scale < 1e6):
        unit, end = f"{money_name(code)} per {per[0]}", per[1]
    return Tail(end=end, unit=unit, kind="money", scale=scale, about=about_after(text, end))


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


_SCALE_BEFORE = re.compile(r"(?i)(?:million|billion|trillion|thousand|bn|mn|tn|m)\s*$")
_STERLING = re.compile(r"(?i)\s+sterling")


def _pounds_are_money(text: str, p: int, end: int) -> bool:
    if _SCALE_BEFORE.search(text[max(0, p - 10) : p]):
        return True
    if _STERLING.match(text[end : end + 10]):
        return True
    return bool(_MONEY_CONTEXT.search(text, max(0, p - 80), min(len(text), end + 40)))


__all__ = ["SCALE_AFTER", "Tail", "read_scale", "read_tail"]
