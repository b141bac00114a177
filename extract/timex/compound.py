"""Expressions made of two pieces: "the day before last Tuesday", "the day after his arrival"
(the last date mentioned), and the bare second day of "April 24 and 25"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from extract.models import TimeExpression
from extract.timex.context import FUTURE, Context, Resolved

_DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}")
_INSIDE_A_DAY = re.compile(r"\b(?:in|of|during|through|throughout|all)\s+$", re.IGNORECASE)
_AFTER_A_DATE = re.compile(r"[\w.],\s*$")
# "April 24 and 25," / "May 2 or 3 in ...": a bare second day number closing the phrase
_DAY_PAIR = re.compile(
    r"\s+(?:and|or|&)\s+(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
    r"(?=\s*(?:[,.;:)\n]|$)|\s+(?:in|at|on|to|when|while|after|before|as|with|for|and)\b)"
)
# a day anchor further back than this many sentences is no longer what "the day after" hangs on
_ANCHOR_REACH = 3


def day_next_to(
    ctx: Context, m: re.Match[str], following: re.Match[str] | None, resolved: Resolved | None
) -> TimeExpression | None:
    """ "the day before last Tuesday's hearing" is one expression, the day next to the date right
    after it (`following`, read as `resolved`); "the day after his death" is the day next to the
    last date mentioned, when that was a day a few sentences back at most."""
    if _INSIDE_A_DAY.search(ctx.text, max(0, m.start() - 20), m.start()):
        return None  # "later in the day before returning": the day already talked about
    step = 1 if m["dr_dir"].lower() == "after" else -1
    if following is not None and resolved is not None and resolved[1] == "date":
        day = resolved[0]
        if day and _DAY_VALUE.fullmatch(day):
            value = (date.fromisoformat(day) + timedelta(days=step)).isoformat()
            text = ctx.text[m.start() : following.end()]
            return TimeExpression(
                text=text, start=m.start(), end=following.end(), value=value, kind="date", rule="day_rel"
            )
    if _AFTER_A_DATE.search(ctx.text, max(0, m.start() - 4), m.start()) and ctx.last_sentence == ctx.sentence:
        return None  # "seen Nov. 3, the day before the warrant": that date again, described
    if ctx.last_precision != "day" or ctx.sentence - ctx.last_sentence > _ANCHOR_REACH:
        return None
    if ctx.tense(m.start(), m.end()) == FUTURE:
        return None  # "protests will start the day after the verdict": a happening not dated yet
    value = (ctx.anchors["day"][1] + timedelta(days=step)).isoformat()
    return TimeExpression(
        text=m.group(), start=m.start(), end=m.end(), value=value, kind="date", rule="day_rel"
    )


def second_day(text: str, m: re.Match[str], value: str) -> TimeExpression | None:
    """ "on April 24 and 25": the second day of the pair is a date of its own, in the same month."""
    if not _DAY_VALUE.fullmatch(value):
        return None
    pair = _DAY_PAIR.match(text, m.end())
    if pair is None:
        return None
    first = date.fromisoformat(value)
    day = int(pair["day"])
    if day <= first.day:
        return None
    try:
        second = first.replace(day=day)
    except ValueError:
        return None
    start, end = pair.start("day"), pair.end("day")
    return TimeExpression(
        text=text[start:end], start=start, end=end, value=second.isoformat(), kind="date", rule="day_pair"
    )
