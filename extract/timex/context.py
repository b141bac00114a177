"""What normalising one expression needs to know: the text, the publication date, the tense around
the expression and the last date the article talked about (the anchor of "two weeks prior")."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from extract.timex.calendar_dates import weekday_on_or_after, weekday_on_or_before
from extract.timex.tense import FUTURE, PAST, STRICT_PAST, UNKNOWN

Resolved = tuple[str | None, str]  # (TIMEX value, kind)
# A story's own year reaches this many sentences into the next paragraph, and counts only this many
# years from publication (a story of last year is read against publication, as before).
_NARRATIVE_REACH = 2
_NARRATIVE_DISTANCE_YEARS = 2

_CONCRETE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$")


@dataclass(slots=True)
class Context:
    text: str
    published: date | None
    tense: Callable[[int, int], int]
    # the latest date mentioned at each precision ("day", "month", "year"), in reading order
    anchors: dict[str, tuple[int, date]] = field(default_factory=dict)
    _seen: int = 0
    # the precision and sentence of the very last date mentioned
    last_precision: str | None = None
    last_sentence: int = -1
    # the sentence being read, and the year a sentence states outright ("In 2022, ... on March 3")
    sentence: int = 0
    sentence_years: dict[int, int] = field(default_factory=dict)

    # the story's own time: the year of the last date with a year that opened its sentence ("In
    # March 1986, ...", "In 1986, ..."), with its sentence and paragraph; `paragraph` is the one read
    narrative: tuple[int, int, int] | None = None
    paragraph: int = 0

    def stated_year(self) -> int | None:
        return self.sentence_years.get(self.sentence)

    def state_narrative(self, year: int) -> None:
        self.narrative = (year, self.sentence, self.paragraph)

    def narrative_year(self) -> int | None:
        """The year a story told in its own time has reached, where a year-less "On March 6" means that
        year: stated in this paragraph or a sentence or two back, and far from publication."""
        if self.narrative is None or self.published is None:
            return None
        year, sentence, paragraph = self.narrative
        nearby = paragraph == self.paragraph or self.sentence - sentence <= _NARRATIVE_REACH
        if not nearby or abs(self.published.year - year) < _NARRATIVE_DISTANCE_YEARS:
            return None
        return year

    def remember(self, value: str | None) -> None:
        """Make a concrete date the anchor of later anaphoric expressions ("the next day")."""
        if value is None:
            return
        m = _CONCRETE.match(value)
        if not m:
            return
        try:
            anchor = date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
        except ValueError:
            return
        self._seen += 1
        precision = "day" if m[3] else "month" if m[2] else "year"
        self.anchors[precision] = (self._seen, anchor)
        self.last_precision, self.last_sentence = precision, self.sentence

    def reference(self, unit: str = "day") -> date | None:
        """The anchor for "two weeks prior"/"the next day": the latest date mentioned that is at least
        as precise as `unit` ("the invasion in 2022 ... two weeks prior" is not about 2022), else the
        publication date."""
        found = self.anchor(unit)
        return found[0] if found else self.published

    def anchor(self, unit: str = "day") -> tuple[date, str] | None:
        """The latest date mentioned at least as precise as `unit`, with its precision ("day",
        "month" or "year"): a year told alone stands for the whole year."""
        precise_enough = {"day": ("day",), "week": ("day",), "month": ("day", "month")}.get(
            unit, ("day", "month", "year")
        )
        found = [(*self.anchors[p], p) for p in precise_enough if p in self.anchors]
        if not found:
            return None
        _seen, when, precision = max(found)
        return when, precision


# How many days back one day ahead is worth when a year-less date could be either: news mostly
# reports the past, but "the summit on March 12" in a February article is next month's summit.
AHEAD_COST = {PAST: 6.0, UNKNOWN: 1.5, STRICT_PAST: 1e9}


def month_day_year(
    ctx: Context, month: int, day: int, direction: int, weekday: int | None = None
) -> int | None:
    """The year of a year-less "Sept. 7": the one that agrees with a stated weekday, else by tense.

    Future tense: the first occurrence from a month before publication on (late reports of
    "will ... on Aug. 1" written on Aug. 3 still mean this year). Otherwise the nearest occurrence,
    with days ahead of publication counting several times as far as days behind.
    """
    pub = ctx.published
    if ctx.stated_year() is not None:
        return ctx.stated_year()
    if direction != FUTURE and ctx.narrative_year() is not None:
        return ctx.narrative_year()
    if pub is None:
        return None
    candidates = []
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    if weekday is not None:
        agreeing = [d for d in candidates if d.weekday() == weekday]
        if agreeing:
            return min(agreeing, key=lambda d: abs((d - pub).days)).year
    return pick_occurrence(pub, candidates, direction).year


def pick_occurrence(pub: date, candidates: list[date], direction: int) -> date:
    """Of the yearly occurrences of a date, the one the sentence means (see `month_day_year`)."""
    if direction == FUTURE:
        later = [d for d in candidates if d >= pub - timedelta(days=30)]
        return min(later) if later else max(candidates)
    return min(candidates, key=lambda d: _cost((d - pub).days, direction))


def _cost(days: int, direction: int) -> float:
    return days * AHEAD_COST[direction] if days > 2 else abs(days)


def month_year(ctx: Context, month: int, direction: int) -> int | None:
    """The year of a bare "July": the latest one by publication in the past tense, the next one in the
    future tense, the nearest (days ahead counting more) when the sentence has no tense."""
    pub = ctx.published
    if ctx.stated_year() is not None:
        return ctx.stated_year()
    if direction != FUTURE and ctx.narrative_year() is not None:
        return ctx.narrative_year()
    if pub is None:
        return None
    if direction == FUTURE:
        return pub.year if month >= pub.month else pub.year + 1
    ahead = (month - pub.month) % 12
    # a past-tense "in October" written in September is last October; only an untensed one may look ahead
    if direction == UNKNOWN and ahead and ahead * AHEAD_COST[direction] < 12 - ahead:
        return pub.year + (1 if month < pub.month else 0)
    return pub.year if month <= pub.month else pub.year - 1


def weekday_date(ctx: Context, weekday: int, modifier: str, direction: int) -> date | None:
    """The day a weekday name refers to: past by default, ahead when the sentence looks forward."""
    pub = ctx.published
    if pub is None:
        return None
    if modifier in ("last", "this past", "past"):
        return weekday_on_or_before(pub - timedelta(days=1), weekday)
    if modifier in ("next", "this coming", "coming"):
        return weekday_on_or_after(pub + timedelta(days=1), weekday)
    if modifier == "this" and direction != PAST:
        return weekday_on_or_after(pub, weekday)
    if direction == FUTURE:
        return weekday_on_or_after(pub, weekday)
    before = weekday_on_or_before(pub, weekday)
    after = weekday_on_or_after(pub, weekday)
    if direction == UNKNOWN and (after - pub).days < (pub - before).days / 2:
        return after
    return before


__all__ = [
    "FUTURE",
    "PAST",
    "UNKNOWN",
    "Context",
    "Resolved",
    "month_day_year",
    "month_year",
    "pick_occurrence",
    "weekday_date",
]
