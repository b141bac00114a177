"""Counts, figures and moments written as a reader writes them: "1 event", "$825 million",
"1.5 million people", "aged 24", "400 fewer jobs", "Sun 30 Nov 09:00 UTC".

Plain text: the Slack and terminal renderers both build on these, so an answer reads the same in both.
"""

from __future__ import annotations

import math
from datetime import datetime
from zoneinfo import ZoneInfo

from extract.figures.nouns import plural_unit
from extract.figures.units import CURRENCY_NAMES

ELLIPSIS = "…"

# The words a bound is read with, before the amount.
BOUND_WORDS = {"=": "", "~": "about ", ">": "over ", ">=": "at least ", "<": "under ", "<=": "up to "}
# Currencies a reader writes as a sign before the amount; other codes stand before it ("CHF 3 million").
_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "UAH": "₴"}
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
# Units that measure rather than count: "400 fewer jobs" but "down 5%", "down 3 kilometres".
_AGE = "year of age"


def counted(n: int, noun: str) -> str:
    """`n` and the noun, plural unless `n` is one (nouns here take a plain "s")."""
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def unit_after(value: float, value_max: float | None, unit: str) -> str:
    """A figure's unit as written after its value: extraction names units in the singular ("ship",
    "kilometre per hour"), which reads wrong after any number but one ("52 ship")."""
    return unit if value == 1 and value_max is None else plural_unit(unit)


def number(value: float) -> str:
    """ "1,200", "3.5", "1.5 million", "200 billion": large round numbers in words, as news writes them."""
    if not math.isfinite(value):
        return str(value)
    for scale, word in _SCALES:
        if abs(value) >= scale:
            short = value / scale
            if abs(short - round(short, 2)) < 1e-9 * max(1.0, abs(short)):
                return f"{_plain(round(short, 2))} {word}"
            break
    return _plain(value)


def _plain(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


# "hundreds of", "thousands of", "tens of thousands of": extraction reads them as a tenfold range
# (1,000–10,000); a reader was told the words, not those bounds.
_ORDERS = {
    100.0: "hundreds",
    1e3: "thousands",
    1e4: "tens of thousands",
    1e5: "hundreds of thousands",
    1e6: "millions",
    1e7: "tens of millions",
    1e9: "billions",
}


def vague_order(value: float, value_max: float | None) -> str | None:
    """ "thousands" for the range 1,000–10,000 that "thousands of" gives, else None."""
    if value_max is None or value_max != value * 10:
        return None
    return _ORDERS.get(value)


def amount(value: float, value_max: float | None = None) -> str:
    """One value or a range: "1.5 million", "1,000–2,000", "1–2 billion" (the scale said once)."""
    if value_max is None:
        return number(value)
    low, high = number(value), number(value_max)
    low_scale, high_scale = low.rpartition(" ")[2], high.rpartition(" ")[2]
    if low_scale == high_scale and low_scale in {w for _, w in _SCALES}:
        return f"{low.rpartition(' ')[0]}–{high}"
    return f"{low}–{high}"


def is_money(unit: str | None) -> bool:
    return bool(unit) and unit is not None and unit.split(" ")[0] in CURRENCY_NAMES


def figure_phrase(
    value: float,
    value_max: float | None = None,
    unit: str | None = None,
    bound: str = "=",
    change: str | None = None,
) -> str:
    """A figure as a reader writes it: "over $825 million", "about 1.5 million people", "aged 24",
    "5%", "400 fewer jobs", "down 5%"."""
    said = amount(value, value_max)
    head, per, rest = (unit or "").partition(" per ")
    order = vague_order(value, value_max)
    measures = head in CURRENCY_NAMES or unit in (_AGE, "percent", "%", "percentage point")
    if order and unit and change is None and bound == "=" and not measures:
        return f"{order} of {plural_unit(unit)}"  # "thousands of dockworkers", as the article said
    if unit == _AGE:
        return f"aged {BOUND_WORDS.get(bound, '')}{said}"
    if head in CURRENCY_NAMES:
        sign = _SIGNS.get(head)
        text = f"{sign}{said}" if sign else f"{head} {said}"
        text += f" {per.strip()} {rest}".rstrip() if per else ""
        counts = False
    elif unit in ("percent", "%"):
        text, counts = f"{said}%", False
    elif unit in ("percentage point",):
        text, counts = f"{said} {unit_after(value, value_max, unit)}", False
    elif unit:
        text, counts = f"{said} {unit_after(value, value_max, unit)}", True
    else:
        text, counts = said, True
    lead = BOUND_WORDS.get(bound, "")
    if change is None:
        return lead + text
    if counts and unit:
        # "400 fewer jobs": the count's noun after the comparison word.
        more = "more" if change == "up" else "fewer"
        return f"{lead}{said} {more} {unit_after(value, value_max, unit)}"
    return f"{'up' if change == 'up' else 'down'} {lead}{text}"


def clip_words(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters at a word boundary, ending in an ellipsis when cut."""
    text = text.strip()
    if len(text) <= limit:
        return text
    if limit <= len(ELLIPSIS):
        return ELLIPSIS[:limit]
    cut = text[: limit - len(ELLIPSIS) + 1]
    space = cut.rfind(" ")
    cut = cut[:space] if space > limit // 3 else cut[:-1]
    return cut.rstrip(" ,;:—–-") + ELLIPSIS


def moment(at: datetime, timezone: str = "UTC", *, year: bool = False) -> str:
    """ "Sun 30 Nov 09:00 UTC": a moment in the reader's time zone, with the zone's name; the year
    when asked (a moment not in the current year)."""
    try:
        local = at.astimezone(ZoneInfo(timezone))
    except (ValueError, KeyError):
        local, timezone = at, "UTC"
    zone = local.tzname() or timezone
    if timezone != "UTC" and not zone[:1].isalpha():
        zone = timezone  # "+03": the zone's own name says more
    day = f"{local:%a} {local.day} {local:%b}" + (f" {local.year}" if year else "")
    return f"{day} {local:%H:%M} {zone}"
