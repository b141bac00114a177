"""Numbers written in digits or words, as regex pieces and as values.

`NUMBER` matches one number expression ("1,234.5", "12,34,567", "10 1/2", "½", "forty-five",
"three hundred and twenty", "a dozen", "a quarter million"); `number_value` reads it.
Scale words after digits ("1.5 million", "$1.2bn") are matched separately by `SCALE`.
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# Multipliers that close a group ("three hundred", "five million").
SCALES = {
    "hundred": 100.0,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}
# Short scale marks after digits; "m" and "b" are only scales next to a currency ("£3m" vs "50m").
SCALE_ABBREVIATIONS = {
    "k": 1e3,
    "K": 1e3,
    "mn": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "M": 1e6,
    "MM": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "B": 1e9,
    "tn": 1e12,
    "trn": 1e12,
    "tr": 1e12,
}
FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}
_PARTS = {"half": 0.5, "quarter": 0.25, "quarters": 0.25}

_UNIT_WORDS = "|".join(sorted(UNITS, key=len, reverse=True))
_TENS_WORDS = "|".join(TENS)
_SMALL = rf"(?:(?:{_TENS_WORDS})(?:\s?-\s?|\s)(?:{_UNIT_WORDS})\b|(?:{_TENS_WORDS}|{_UNIT_WORDS})\b)"
_BIG = r"(?:hundred|thousand|million|billion|trillion|lakhs?|crores?)\b"
# "a dozen", "a hundred", "a quarter million", "three quarters billion", "half million"
_LEAD = (
    rf"(?:a\s+(?:dozen\b|(?:half|quarter)\s+{_BIG}|{_BIG}(?:\s+{_BIG})*)|(?:half|quarter)\s+(?:an?\s+)?{_BIG}"
    rf"|(?:{_SMALL})\s+quarters?\s+{_BIG}|dozen\b)"
)
_WORD_NUMBER = (
    rf"(?:{_LEAD}|{_SMALL}(?:\s+{_BIG}(?:\s+(?:and\s+)?{_SMALL}(?!\s+quarters?))?)*"
    rf"(?:\s+{_BIG})*)"
)
_DIGITS = (
    r"(?:\d{1,2}(?:,\d{2})+,\d{3}(?!\d)"  # Indian grouping: 12,34,567
    r"|\d{1,3}(?:,[ ]?\d{3}(?![\d]))+"  # 1,234,567 (tokenised text: "80, 000")
    r"|\d+(?![\d])"
    r")(?:\.\d+)?"
)
_FRACTION = r"(?:\d{1,2}/(?:2|3|4|5|8|10|16|32|100)(?![\d/])|[½¼¾⅓⅔⅛])"
DIGIT_NUMBER = rf"(?:\d+\s{_FRACTION}|\d+[½¼¾⅓⅔⅛]|{_FRACTION}|{_DIGITS}|\.\d+)"
WORD_NUMBER = rf"(?i:(?<![\w-]){_WORD_NUMBER}(?!\w))"
SCALE = (
    r"(?:(?i:(?:hundred\s+)?(?:million|billion|trillion|thousand)|hundred|lakhs?|crores?)\b"
    r"|(?:mn|mln|bn|tn|trn|MM|[kKmMbB])(?![\w]))"
)


def number_value(text: str) -> float | None:
    """The value of a number expression matched by DIGIT_NUMBER or WORD_NUMBER, or None."""
    t = text.strip()
    if not t:
        return None
    if t[0].isdigit() or t[0] == "." or t[0] in FRACTIONS:
        return _digit_value(t)
    return word_value(t)


def _digit_value(t: str) -> float | None:
    total = 0.0
    if t[-1] in FRACTIONS:
        total, t = FRACTIONS[t[-1]], t[:-1].strip()
        if not t:
            return total
    if "/" in t:
        whole, _, frac = t.rpartition(" ")
        num, _, den = frac.partition("/")
        total += int(num) / int(den)
        if whole:
            total += int(whole)
        return total
    try:
        return total + float(t.replace(",", "").replace(" ", ""))
    except ValueError:
        return None


_WORD_SPLIT = re.compile(r"[a-z]+")


def word_value(text: str) -> float | None:
    """Read "forty-five", "three hundred and twenty", "a dozen", "three quarters billion"."""
    words = [w for w in _WORD_SPLIT.findall(text.lower()) if w != "and"]
    if not words:
        return None
    total, group, part = 0.0, 0.0, 0.0
    seen = False
    for i, w in enumerate(words):
        if w in UNITS or w in TENS:
            group += UNITS.get(w, 0) + TENS.get(w, 0)
            seen = True
        elif w == "dozen":
            group = (group or 1) * 12
            seen = True
        elif w == "a":
            if i == 0:
                group, seen = 1, True
        elif w in _PARTS:
            part = (group or 1) * _PARTS[w]
            group, seen = 0, True
        elif w in SCALES:
            scale = SCALES[w]
            base = part or group or 1
            if scale == 100:
                group, part = base * 100, 0
            else:
                total += base * scale
                group, part = 0, 0
            seen = True
        else:
            return None
    return total + group + part if seen else None


__all__ = [
    "DIGIT_NUMBER",
    "FRACTIONS",
    "SCALE",
    "SCALES",
    "SCALE_ABBREVIATIONS",
    "WORD_NUMBER",
    "number_value",
    "word_value",
]
