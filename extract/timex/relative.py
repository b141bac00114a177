"""Normalising expressions relative to publication or to the last date mentioned: weekdays, "yesterday",
"last week", "two weeks ago", "the next day"; and the durations and sets that carry no calendar date."""

from __future__ import annotations

import re
from datetime import date, timedelta

from extract.lexicons import word_set, words_cased
from extract.timex.absolute import clock_value
from extract.timex.calendar_dates import (
    SEASONS,
    at_precision,
    iso_week,
    shift,
    weekday_on_or_after,
    weekday_on_or_before,
)
from extract.timex.context import FUTURE, PAST, Context, Resolved, month_day_year, weekday_date
from extract.timex.grammar import MONTHS, NUMBER_WORDS, WEEKDAYS
from extract.timex.pieces import SET_VALUES

_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
_UNIT_LETTER = {
    "year": "Y",
    "month": "M",
    "week": "W",
    "day": "D",
    "decade": "Y",
    "century": "Y",
    "quarter": "M",
    "fortnight": "W",
}
_UNIT_FACTOR = {"decade": 10, "century": 100, "quarter": 3, "fortnight": 2}


def _unit(text: str) -> str:
    word = text.lower()
    return "century" if word.startswith("centur") else word.rstrip("s")


_SPACES = re.compile(r"\s+")
_DECIMAL = re.compile(r"\d+(?:\.\d+)?")


_HYPHEN_OR_SPACE = re.compile(r"[- ]")


def _count(text: str) -> float | None:
    """2 for "two", 25 for "twenty-five", 1.5 for "1.5", None for vague counts ("several", "a few")."""
    words = _SPACES.sub(" ", text.lower().replace(",", "")).strip()
    if _DECIMAL.fullmatch(words):
        return float(words)
    parts = _HYPHEN_OR_SPACE.split(words)
    if words in NUMBER_WORDS:
        return float(NUMBER_WORDS[words])
    if all(p in NUMBER_WORDS for p in parts) and len(parts) == 2 and parts[0] not in ("a", "an"):
        return float(NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]])
    if words in ("a dozen",):
        return 12.0
    return None


def _duration(count: float | None, unit: str) -> str:
    if unit in ("hour", "minute", "second"):
        amount = "X" if count is None else f"{count:g}"
        return f"PT{amount}{unit[0].upper()}"
    amount = "X" if count is None else f"{count * _UNIT_FACTOR.get(unit, 1):g}"
    return f"P{amount}{_UNIT_LETTER.get(unit, 'D')}"


def _with_part(d: date, part: str | None) -> Resolved:
    # "Sunday night" is dated to the day: what a timeline needs, and what news annotators mostly do
    return d.isoformat(), "date"


_NOT_DIGIT = re.compile(r"\D")


def norm_clock_day(ctx: Context, m: re.Match[str]) -> Resolved | None:
    clock = clock_value(m["cd_clock"])
    if clock is None:
        return None
    word = m["cd_day"].lower()
    pub = ctx.published
    if m["cd_mon"]:  # "8 p.m. ET on Nov. 5"
        month, day = MONTHS[m["cd_mon"][:3].lower()], int(_NOT_DIGIT.sub("", m["cd_mday"]))
        year = int(m["cd_year"]) if m["cd_year"] else None
        if year is None and pub is not None:
            year = month_day_year(ctx, month, day, ctx.tense(m.start(), m.end()))
        return (f"{date(year, month, day).isoformat()}{clock}" if year else None), "time"
    if pub is None:
        return None, "time"
    if word[:3] in WEEKDAYS:
        d = weekday_date(ctx, WEEKDAYS[word[:3]], "", ctx.tense(m.start(), m.end()))
    else:
        d = pub + timedelta(days={"today": 0, "tomorrow": 1, "yesterday": -1}[word])
    return (f"{d.isoformat()}{clock}" if d else None), "time"


# "the Sunday Times", "Sunday school": a weekday naming something else
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)\b")


def norm_weekday(ctx: Context, m: re.Match[str]) -> Resolved | None:
    after = _NEXT_WORD.match(ctx.text, m.end())
    if not m["wd_part"] and after and after[1] in words_cased("timex_not_a_day_after"):
        return None
    weekday = WEEKDAYS[m["wd_name"][:3].lower()]
    modifier = _SPACES.sub(" ", (m["wd_mod"] or "").lower())
    direction = ctx.tense(m.start(), m.end())
    if direction != FUTURE and ctx.narrative_year() is not None:
        return _story_weekday(ctx, weekday)
    d = weekday_date(ctx, weekday, modifier, direction)
    if d is None:
        return f"XXXX-WXX-{weekday + 1}", "time" if m["wd_part"] else "date"
    return _with_part(d, m["wd_part"])


def _story_weekday(ctx: Context, weekday: int) -> Resolved:
    """ "On Monday" in a story told in its own time ("On March 6, 1986, ... On Monday he left"): the
    first such day from the story's last day, when that day is of the story's year; else no date."""
    year = ctx.narrative_year()
    anchor = ctx.anchors.get("day")
    if anchor is not None and anchor[1].year == year and ctx.sentence - ctx.last_sentence <= 3:
        return weekday_on_or_after(anchor[1], weekday).isoformat(), "date"
    return f"XXXX-WXX-{weekday + 1}", "date"


def norm_day_word(ctx: Context, m: re.Match[str]) -> Resolved | None:
    word = m["dw_word"].lower()
    if ctx.published is None:
        return None, "time" if m["dw_part"] else "date"
    d = ctx.published + timedelta(days={"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}[word])
    return _with_part(d, m["dw_part"])


def norm_relative(ctx: Context, m: re.Match[str]) -> Resolved | None:
    modifier, unit = m["rel_mod"].lower(), m["rel_unit"].lower()
    has_the = bool(m["rel_the"])
    if unit in ("day", "morning", "afternoon", "evening", "night"):
        return _relative_day(ctx, modifier, unit, has_the)
    if has_the and modifier in ("past", "last") and not m["rel_edge"]:
        return _duration(1, "decade" if unit == "decade" else unit), "duration"
    anaphoric = modifier in ("same", "following", "that") or (has_the and modifier in ("previous", "next"))
    base = ctx.reference(unit) if anaphoric else ctx.published
    if base is None:
        return None, "date"
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(modifier, 0)
    if unit == "weekend":
        return _weekend(base, step), "date"
    if unit in SEASONS:
        anchor = ctx.anchor(unit) if anaphoric else None
        if anchor is not None and (anchor[1] == "year" or (step == 0 and not _in_season(anchor[0], unit))):
            # "in 1995 ... that summer", "in June 2008 ... that winter": the season of the year told,
            # not the one that last began before the date
            return f"{anchor[0].year + step}-{SEASONS[unit]}", "date"
        return _season(base, unit, step), "date"
    if unit == "decade":
        return f"{shift(base, step, 'decade').year // 10}X", "date"
    if unit == "century":
        return f"{shift(base, step, 'century').year // 100}XX", "date"
    return at_precision(shift(base, step, unit), unit), "date"


def _relative_day(ctx: Context, modifier: str, unit: str, has_the: bool) -> Resolved | None:
    if modifier in ("same", "that", "following") or (has_the and modifier in ("next", "previous")):
        if ctx.last_precision == "month" and "month" in ctx.anchors:
            # "killed last October ... crossed out that same day": a day of that month, which one unsaid
            month = ctx.anchors["month"][1]
            return f"{month.year:04d}-{month.month:02d}-XX", "date"
        base = ctx.reference()
        step = {"following": 1, "next": 1, "previous": -1}.get(modifier, 0)
    elif modifier in ("this", "last", "previous") and unit != "day":
        base = ctx.published
        step = -1 if modifier != "this" else 0
    else:
        return None  # "last day", "next day" without an anchor: too vague to count
    if base is None:
        return None, "date"
    d = base + timedelta(days=step)
    return _with_part(d, None if unit == "day" else unit)


def _weekend(base: date, step: int) -> str:
    saturday = (
        base + timedelta(days=5 - base.weekday())
        if base.weekday() < 5
        else base - timedelta(days=base.weekday() - 5)
    )
    if step < 0:
        saturday = weekday_on_or_before(base - timedelta(days=2), 5)
    elif step > 0:
        saturday += timedelta(weeks=1)
    return f"{iso_week(saturday)}-WE"


def _in_season(d: date, name: str) -> bool:
    start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[SEASONS[name]]
    return (d.month - start) % 12 < 3


def _season(base: date, name: str, step: int) -> str:
    code = SEASONS[name]
    start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    # the season that holds `base` or last began before it
    year = base.year if base.month >= start_month else base.year - 1
    if code == "WI" and base.month <= 2:
        year = base.year - 1
    current_end = date(year + (1 if code == "WI" else 0), (start_month + 2) % 12 or 12, 28)
    if step < 0 and base <= current_end:
        year -= 1
    elif step > 0:
        year += 1
    return f"{year}-{code}"


def norm_weekend(ctx: Context, m: re.Match[str]) -> Resolved | None:
    pub = ctx.published
    if pub is None:
        return None, "date"
    if ctx.tense(m.start(), m.end()) == FUTURE:
        return _weekend(pub, 0), "date"
    saturday = weekday_on_or_before(pub, 5)
    return f"{iso_week(saturday)}-WE", "date"


def norm_ago(ctx: Context, m: re.Match[str]) -> Resolved | None:
    unit = _unit(m["ago_unit"])
    count = _count(m["ago_count"])
    direction = m["ago_dir"].lower()
    forward = direction in ("later", "after") or direction.startswith(("from", "hence"))
    from_publication = direction in ("ago", "hence") or direction.startswith("from")
    if count is None:
        year = None if from_publication else _anchor_year(ctx, unit)
        if year is not None:
            return f"{year:04d}", "date"  # "a few weeks later": the year of the date just told
        return ("FUTURE_REF" if forward else "PAST_REF"), "date"
    base = ctx.published if from_publication else ctx.reference(unit)
    if base is None:
        return None, "date"
    amount = round(count) * (1 if forward else -1)
    if unit in ("hour", "minute", "second"):
        return base.isoformat(), "time"
    if unit == "fortnight":
        amount, unit = amount * 2, "week"
    return at_precision(shift(base, amount, unit), unit), "date"


# how many sentences back the date a vague "a few weeks later" counts from may be
_VAGUE_ANCHOR_REACH = 3


def _anchor_year(ctx: Context, unit: str) -> int | None:
    """The year of the date the story just told, for "some days/weeks/months later/earlier"."""
    if unit not in ("day", "week", "month") or not ctx.anchors:
        return None
    if ctx.sentence - ctx.last_sentence > _VAGUE_ANCHOR_REACH:
        return None
    return max(ctx.anchors.values())[1].year


def norm_span(ctx: Context, m: re.Match[str]) -> Resolved | None:
    return _duration(_count(m["sp_count"]), _unit(m["sp_unit"])), "duration"


# "will be finished in two years": the point two years on. "the first time in two years", "the
# highest in a decade" measure a span instead.
_IN_BEFORE = re.compile(r"\bin\s+$", re.IGNORECASE)
_SPAN_CONTEXT = re.compile(
    r"\b(?:first|time|times|highest|lowest|most|least|best|worst|biggest|largest|smallest|fastest|slowest|"
    r"strongest|weakest|once|twice|only|record)\b[^.;]{0,20}$",
    re.IGNORECASE,
)


def norm_duration(ctx: Context, m: re.Match[str]) -> Resolved | None:
    unit = _unit(m["du_unit"])
    if unit == "second" and m["du_count"].lower() in ("a", "an"):
        return None  # "a second round": the ordinal
    if m["du_unit"].istitle():
        return None  # "on CBS's 60 Minutes", "the 24 Hours of Le Mans": a title, news writes units small
    count = _count(m["du_count"])
    if (
        not m["du_mod"]
        and count is not None
        and unit in ("day", "week", "month", "year", "decade")
        and ctx.published is not None
        and _IN_BEFORE.search(ctx.text, max(0, m.start() - 4), m.start())
        and not _SPAN_CONTEXT.search(ctx.text, max(0, m.start() - 40), m.start())
        and ctx.tense(m.start(), m.end()) == FUTURE
    ):
        return at_precision(shift(ctx.published, round(count), unit), unit), "date"
    return _duration(count, unit), "duration"


def norm_vague(ctx: Context, m: re.Match[str]) -> Resolved | None:
    return _duration(None, _unit(m["va_unit"])), "duration"


def norm_long(ctx: Context, m: re.Match[str]) -> Resolved | None:
    """ "week-long" lasts one week, "decades-long" an unsaid number of them."""
    count = _count(m["lg_count"]) if m["lg_count"] else None if m["lg_many"] else 1.0
    return _duration(count, _unit(m["lg_unit"])), "duration"


def norm_every(ctx: Context, m: re.Match[str]) -> Resolved | None:
    unit = m["ev_unit"].lower()
    if unit[:3] in WEEKDAYS and unit.endswith("day") and unit != "day":
        return f"XXXX-WXX-{WEEKDAYS[unit[:3]] + 1}", "set"
    if unit in _PARTS:
        return f"T{_PARTS[unit]}", "set"
    return {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "weekend": "P1WE"}.get(
        unit, "P1Y"
    ), "set"


_CAPITALISED_WORD_BEFORE = re.compile(r"[A-Z][\w.’'-]*\s+$")
_CAPITALISED_WORD_AFTER = re.compile(r"\s+[A-Z]")


def norm_set(ctx: Context, m: re.Match[str]) -> Resolved | None:
    word = m["set_word"]
    if word[0].isupper() and (
        _CAPITALISED_WORD_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start())
        or _CAPITALISED_WORD_AFTER.match(ctx.text, m.end())
    ):
        return None  # "The Daily Caller", "News Daily": part of a name
    return SET_VALUES[word.lower()], "set"


def norm_part_of(ctx: Context, m: re.Match[str]) -> Resolved | None:
    if ctx.published is None:
        return None, "date"
    unit = m["po_unit"].lower()
    if unit == "decade":
        return f"{ctx.published.year // 10}X", "date"
    if unit == "century":
        return f"{ctx.published.year // 100}XX", "date"
    return at_precision(ctx.published, unit), "date"


# the words that make "current" the present time: a determiner or possessive before it
_CURRENT_AFTER = frozenset("the his her its their our my your whose this".split())
_WORD_BEFORE_CURRENT = re.compile(r"(\w+)\s+$")
_WORD_AFTER_CURRENT = re.compile(r"\s+([\w-]+)")


def norm_ref(ctx: Context, m: re.Match[str]) -> Resolved | None:
    word = m["ref_word"].lower()
    if m["ref_current"]:
        # "her current coach" is the present; "the current account", "the current swept him" are not
        before = _WORD_BEFORE_CURRENT.search(ctx.text, max(0, m.start() - 12), m.start())
        after = _WORD_AFTER_CURRENT.match(ctx.text, m.end())
        if not before or before[1].lower() not in _CURRENT_AFTER:
            return None
        if not after or after[1] in word_set("timex_current_not_before"):
            return None
        return "PRESENT_REF", "date"
    if word in ("now", "currently"):
        return "PRESENT_REF", "date"
    return ("FUTURE_REF" if word.endswith("future") else "PAST_REF"), "date"


__all__ = ["PAST"]
