"""Normalising calendar expressions: dates, months, years, decades, quarters, seasons, holidays, clock times.

Each `norm_*` takes the regex match and the context and returns (value, kind), or None to reject a
candidate that is no date after all ("May" the verb, "2000 troops").
"""

from __future__ import annotations

import re
from datetime import date

from extract.lexicons import word_set
from extract.timex.calendar_dates import SEASONS, holiday, iso_week
from extract.timex.context import FUTURE, Context, Resolved, month_day_year, month_year, pick_occurrence
from extract.timex.grammar import MONTHS, ORDINALS, WEEKDAYS, WORD_AFTER, WORD_BEFORE

# "the May government": a surname leading something, not the month
_LED_BY_A_PERSON = frozenset("government administration cabinet premiership presidency camp team era".split())


def _word_before(ctx: Context, start: int) -> str:
    m = WORD_BEFORE.search(ctx.text, max(0, start - 30), start)
    return m.group(1).lower() if m else ""


def _word_after(ctx: Context, end: int) -> str:
    m = WORD_AFTER.match(ctx.text[end : end + 30])
    return m.group(1) if m else ""


def _month(name: str) -> int:
    return MONTHS[name[:3].lower()]


_NOT_DIGIT = re.compile(r"\D")


def _day(text: str) -> int:
    return int(_NOT_DIGIT.sub("", text))


def _day_value(
    ctx: Context, m: re.Match[str], month: int, day: int, year: str | None, wd: str | None
) -> Resolved:
    if year:
        return date(int(year), month, day).isoformat(), "date"
    if ctx.published is None:
        date(2000, month, day)  # rejects Feb 30 as the other paths do
        return f"XXXX-{month:02d}-{day:02d}", "date"
    weekday = WEEKDAYS[wd[:3].lower()] if wd else None
    y = month_day_year(ctx, month, day, ctx.tense(m.start(), m.end()), weekday)
    return date(y or ctx.published.year, month, day).isoformat(), "date"


def norm_iso(ctx: Context, m: re.Match[str]) -> Resolved | None:
    d = date(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"]))
    if m["iso_t"]:
        return f"{d.isoformat()}T{m['iso_t']}", "time"
    return d.isoformat(), "date"


def norm_numeric(ctx: Context, m: re.Match[str]) -> Resolved | None:
    a, b = int(m["num_a"]), int(m["num_b"])
    month, day = (b, a) if a > 12 else (a, b)  # US order unless the first number cannot be a month
    return date(int(m["num_y"]), month, day).isoformat(), "date"


def norm_month_day(ctx: Context, m: re.Match[str]) -> Resolved | None:
    if m["md_rel"] and ctx.published:
        year = ctx.published.year + {"this": 0, "last": -1, "next": 1}[m["md_rel"].lower()]
        return date(year, _month(m["md_mon"]), _day(m["md_day"])).isoformat(), "date"
    return _day_value(ctx, m, _month(m["md_mon"]), _day(m["md_day"]), m["md_year"], m["md_wd"])


def norm_day_month(ctx: Context, m: re.Match[str]) -> Resolved | None:
    return _day_value(ctx, m, _month(m["dm_mon"]), _day(m["dm_day"]), m["dm_year"], m["dm_wd"])


def norm_week_of(ctx: Context, m: re.Match[str]) -> Resolved | None:
    month = _month(m["wo_mon"] or m["wo_mon2"])
    value, kind = _day_value(ctx, m, month, _day(m["wo_day"] or m["wo_day2"]), m["wo_year"], None)
    if value is None or not value[:4].isdigit():
        return value, kind
    return iso_week(date.fromisoformat(value)), "date"


_SPACES_OR_HYPHENS = re.compile(r"[\s-]+")


def norm_month(ctx: Context, m: re.Match[str]) -> Resolved | None:
    month = _month(m["mo_mon"])
    modifier = _SPACES_OR_HYPHENS.sub(" ", (m["mo_mod"] or "").lower()).strip()
    if m["mo_year"]:
        return f"{m['mo_year']}-{month:02d}", "date"
    if m["mo_rel"] and ctx.published:
        year = ctx.published.year + {"this": 0, "last": -1, "next": 1}[m["mo_rel"].lower()]
        return f"{year}-{month:02d}", "date"
    if not modifier:
        before = _word_before(ctx, m.start())
        after = _word_after(ctx, m.end())
        # "the March accession", "the May elections": a month naming the time of a lower-case noun
        bare_ok = before in word_set("timex_temporal_prepositions") or (
            before == "the" and after[:1].islower() and after.lower() not in _LED_BY_A_PERSON
        )
        if not bare_ok and (m["mo_mon"] in ("May", "March") or m["mo_mon"].endswith(".")):
            return None  # the verb "may", the noun "march", a stray abbreviation
        if not bare_ok and after[:1].isupper():
            return None  # a first name: "June Carter", "April Ryan"
    if modifier in ("the following", "the previous"):
        return _month_next_to_anchor(ctx, month, modifier == "the following")
    pub = ctx.published
    if pub is None:
        return f"XXXX-{month:02d}", "date"
    if modifier == "last":
        year = pub.year if month < pub.month else pub.year - 1
    elif modifier == "next":
        year = pub.year if month > pub.month else pub.year + 1
    elif modifier == "this":
        year = pub.year
    else:
        year = month_year(ctx, month, ctx.tense(m.start(), m.end())) or pub.year
    return f"{year}-{month:02d}", "date"


def _month_next_to_anchor(ctx: Context, month: int, after: bool) -> Resolved:
    """ "the following January": the first such month after the date the story last told (or after
    publication); "the previous January" the last one before it."""
    anchor = ctx.anchor("year")
    base, precision = anchor if anchor else (ctx.published, "day")
    if base is None:
        return f"XXXX-{month:02d}", "date"
    if precision == "year":  # "in 1995 ... the following March": the year after
        year = base.year + (1 if after else -1)
    elif after:
        year = base.year if month > base.month else base.year + 1
    else:
        year = base.year if month < base.month else base.year - 1
    return f"{year}-{month:02d}", "date"


def norm_year(ctx: Context, m: re.Match[str]) -> Resolved | None:
    year = int(m["yr"])
    before = _word_before(ctx, m.start())
    if not m["yr_edge"]:
        if year < 1900 and before not in word_set("timex_temporal_prepositions"):
            return None
        if before in word_set("timex_quantity_before"):
            return None
        if _word_after(ctx, m.end()).lower() in word_set("timex_counted_after"):
            return None
    return f"{year:04d}", "date"


def norm_decade(ctx: Context, m: re.Match[str]) -> Resolved | None:
    if m["dec_num"]:
        return f"{m['dec_num'][:3]}X", "date"
    short = int(m["dec_short"])
    pub_year = ctx.published.year if ctx.published else 2000
    century = 20 if 2000 + short <= pub_year and short < 30 else 19
    return f"{century}{short // 10}X", "date"


_YEAR_STEP = {"this": 0, "last": -1, "next": 1}


def norm_quarter(ctx: Context, m: re.Match[str]) -> Resolved | None:
    q = int(m["q_num"]) if m["q_num"] else ORDINALS[m["q_ord"].lower()]
    if m["q_rel"] and ctx.published:  # "the third quarter of last year"
        return f"{ctx.published.year + _YEAR_STEP[m['q_rel'].lower()]}-Q{q}", "date"
    year_text = m["q_year"] or m["q_year2"] or m["q_year0"] or ctx.stated_year()
    if year_text:
        return f"{year_text}-Q{q}", "date"
    pub = ctx.published
    if pub is None:
        return f"XXXX-Q{q}", "date"
    current = (pub.month - 1) // 3 + 1
    if ctx.tense(m.start(), m.end()) == FUTURE:
        year = pub.year if q >= current else pub.year + 1
    else:
        year = pub.year if q <= current else pub.year - 1
    return f"{year}-Q{q}", "date"


def norm_half(ctx: Context, m: re.Match[str]) -> Resolved | None:
    half = 1 if m["h_ord"].lower() == "first" else 2
    if m["h_rel"] and ctx.published:  # "the first half of next year"
        return f"{ctx.published.year + _YEAR_STEP[m['h_rel'].lower()]}-H{half}", "date"
    year = m["h_year"] or ctx.stated_year()
    if year is None and ctx.published is not None:
        current = 1 if ctx.published.month <= 6 else 2
        ahead = ctx.tense(m.start(), m.end()) == FUTURE
        year = ctx.published.year + (
            1 if ahead and half < current else -1 if not ahead and half > current else 0
        )
    return (f"{year}-H{half}" if year else f"XXXX-H{half}"), "date"


def norm_season(ctx: Context, m: re.Match[str]) -> Resolved | None:
    return f"{m['se_year']}-{SEASONS[m['se_name'].lower()]}", "date"


# Words a bare season follows when it dates something: "in the summer", "until the spring".
_SEASON_LEADS = frozenset("in during over by until till through throughout since before after for".split())
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def norm_season_bare(ctx: Context, m: re.Match[str]) -> Resolved | None:
    """ "in the summer": the last one begun by publication, or the coming one in a future sentence."""
    if _word_before(ctx, m.start()) not in _SEASON_LEADS:
        return None
    code = SEASONS[m["sb_name"].lower()]
    pub = ctx.published
    if pub is None:
        return f"XXXX-{code}", "date"
    start = _SEASON_START[code]
    # the occurrence begun most recently: a winter starting in December is named by that year
    year = pub.year if pub.month >= start else pub.year - 1
    if ctx.tense(m.start(), m.end()) == FUTURE:
        months_in = (pub.year - year) * 12 + pub.month - start
        if months_in >= 2:  # that one is over or nearly: the next one
            year += 1
    return f"{year}-{code}", "date"


def norm_century(ctx: Context, m: re.Match[str]) -> Resolved | None:
    return f"{int(m['ce_num']) - 1:02d}XX", "date"


_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)\b")


def _holiday_thing(ctx: Context, end: int) -> bool:
    m = _NEXT_WORD.match(ctx.text, end)
    return m is not None and m[1].lower() in word_set("timex_holiday_things")


def norm_holiday(ctx: Context, m: re.Match[str]) -> Resolved | None:
    name = m["hol_name"]
    if not m["hol_year"] and _holiday_thing(ctx, m.end()):
        return None  # "Christmas trees", "Easter eggs": things, not days
    value, kind = _holiday_day(ctx, m, name)
    if m["hol_week"] and value and value[:4].isdigit():
        return iso_week(date.fromisoformat(value)), kind  # "Easter week", "Thanksgiving week"
    return value, kind


def _holiday_day(ctx: Context, m: re.Match[str], name: str) -> Resolved:
    if m["hol_year"]:
        d = holiday(name, int(m["hol_year"]))
        return (d.isoformat() if d else None), "date"
    pub = ctx.published
    if pub is None:
        return None, "date"
    modifier = (m["hol_mod"] or "").lower()
    if modifier == "this":
        d = holiday(name, pub.year)
        return (d.isoformat() if d else None), "date"
    occurrences = [d for d in (holiday(name, y) for y in (pub.year - 1, pub.year, pub.year + 1)) if d]
    if not occurrences:
        return None, "date"
    if modifier == "last":
        return max((d for d in occurrences if d < pub), default=occurrences[0]).isoformat(), "date"
    if modifier == "next":
        return min((d for d in occurrences if d > pub), default=occurrences[-1]).isoformat(), "date"
    return pick_occurrence(pub, occurrences, ctx.tense(m.start(), m.end())).isoformat(), "date"


_CLOCK_PARTS = re.compile(r"(\d{1,2})(?::(\d\d))?\s*([ap])?", re.IGNORECASE)


def clock_value(text: str) -> str | None:
    """'T10:35' for "10:35 a.m.", 'T16:00' for "4 p.m.", 'T12:00' for "noon"; None if impossible."""
    low = text.lower()
    if low.startswith(("noon", "midday")):
        return "T12:00"
    if low.startswith("midnight"):
        return "T00:00"
    m = _CLOCK_PARTS.match(text)
    if not m:
        return None
    hour, minute = int(m[1]), int(m[2] or 0)
    if m[3]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if m[3].lower() == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return f"T{hour:02d}:{minute:02d}"


def norm_clock(ctx: Context, m: re.Match[str]) -> Resolved | None:
    clock = clock_value(m["ck_text"])
    if clock is None:
        return None
    day = ctx.reference("day")
    return (f"{day.isoformat()}{clock}" if day else f"XXXX-XX-XX{clock}"), "time"
