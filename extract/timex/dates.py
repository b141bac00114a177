"""Temporal expressions normalised TIMEX3-style against the publication date.

The date rules (timex_date_rules: each named, with its pattern and examples) make one alternation
(timex_grammar), matched where a temporal word or digit can start an expression (timex_scan, with
triggers derived from the rules); each match is normalised by the function for its rule
(timex_absolute / timex_relative; timex_compound joins "the day before" to the date after it and
splits "April 24 and 25") and carries the rule's name. Year-less and relative expressions are
resolved against the publication date, or the wire dateline's day (timex_dateline), in the direction
the sentence points (timex_tense); anaphoric ones ("two weeks prior", "the next day") against the
last date mentioned, and year-less days of a story told in its own time ("In March 1986, ... On
March 6") against the story's year (timex_context). `date_range` (timex_calendar) turns a value
into its first and last day.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

from extract.document import Document
from extract.models import TimeExpression
from extract.timex import absolute as absolute
from extract.timex import compound as compound
from extract.timex import relative as relative
from extract.timex.calendar_dates import date_range, shift
from extract.timex.context import Context, Resolved
from extract.timex.dateline import dateline_date
from extract.timex.pieces import MONTH_NAMES
from extract.timex.scan import timex_matches
from extract.timex.tense import STRICT_PAST, SentenceTense, direction

_TIMEX_VALUE = re.compile(r"\d{4}-(?:\d{2}|W\d{1,2}|Q[1-4]|H[12])")
# a month abbreviation standing alone or before a year: "aug", "Sept 2025" (before a day it already parses)
_ABBREVIATIONS = "|".join(sorted({n[:3].lower() for n in MONTH_NAMES} | {"sept"}, key=len, reverse=True))
_LONE_MONTH_ABBREVIATION = re.compile(rf"^({_ABBREVIATIONS})\.?(?=\s+\d{{4}}$|$)", re.IGNORECASE)
_MONTH_NAMES = {name[:3].lower(): name for name in MONTH_NAMES}
_PAST_SPAN = re.compile(r"P(\d+)([DWMY])$")
_LOOKS_BACK = re.compile(r"(?:the\s+)?(?:past|last|previous)\s", re.IGNORECASE)
_STATED_YEAR = re.compile(r"(?<![\d,.])(?:1[0-9]|20)\d\d(?!\d)")
_Normaliser = Callable[[Context, re.Match[str]], Resolved | None]

_NORMALISERS: dict[str, _Normaliser] = {
    "iso": absolute.norm_iso,
    "numeric": absolute.norm_numeric,
    "clock_day": relative.norm_clock_day,
    "month_day": absolute.norm_month_day,
    "day_month": absolute.norm_day_month,
    "holiday": absolute.norm_holiday,
    "month": absolute.norm_month,
    "clock": absolute.norm_clock,
    "week_of": absolute.norm_week_of,
    "weekday": relative.norm_weekday,
    "every": relative.norm_every,
    "set": relative.norm_set,
    "day_word": relative.norm_day_word,
    "ago": relative.norm_ago,
    "span": relative.norm_span,
    "relative": relative.norm_relative,
    "weekend": relative.norm_weekend,
    "part_of": relative.norm_part_of,
    "quarter": absolute.norm_quarter,
    "half": absolute.norm_half,
    "season": absolute.norm_season,
    "season_bare": absolute.norm_season_bare,
    "century": absolute.norm_century,
    "decade": absolute.norm_decade,
    "duration": relative.norm_duration,
    "vague": relative.norm_vague,
    "long": relative.norm_long,
    "ref": relative.norm_ref,
    "year": absolute.norm_year,
}


def _sentence_tense(doc: Document) -> Callable[[int, int], int]:
    # the sentence read last, sliced and its cues listed once for all of its expressions (a slice and
    # a full read per expression made a long sentence of many dates quadratic)
    current: dict[int, SentenceTense] = {}

    def tense(start: int, end: int) -> int:
        if not doc.sentences:
            return direction(doc.text, start, end)
        index = doc.sentence_at(start)
        s, e = doc.sentences[index]
        reader = current.get(index)
        if reader is None:
            current.clear()
            reader = current[index] = SentenceTense(doc.text[s:e])
        return reader.direction(start - s, end - s)

    return tense


def _scan(doc: Document, tense: Callable[[int, int], int]) -> list[TimeExpression]:
    published = doc.published
    if isinstance(published, datetime):  # a datetime would not compare with the dates computed here
        published = published.date()
    ctx = Context(text=doc.text, published=dateline_date(doc.text, published) or published, tense=tense)
    out: list[TimeExpression] = []
    matches = timex_matches(doc.text)
    skip_next = False
    for i, m in enumerate(matches):
        if skip_next:
            skip_next = False
            continue
        name = m.lastgroup
        if name is None:
            continue
        if doc.sentences:
            ctx.sentence = doc.sentence_at(m.start())
            ctx.paragraph = doc.sentence_paragraph[ctx.sentence] if doc.sentence_paragraph else 0
        if name == "day_rel":
            following = matches[i + 1] if i + 1 < len(matches) else None
            if following is not None and doc.text[m.end() : following.start()].strip():
                following = None  # not right after "the day before"
            resolved = _normalise(ctx, following.lastgroup or "", following) if following else None
            found = compound.day_next_to(ctx, m, following, resolved)
            if found is not None:
                skip_next = found.end > m.end()
                ctx.remember(found.value)
                out.append(found)
            continue
        resolved = _normalise(ctx, name, m)
        if resolved is None:
            continue
        value, kind = resolved
        if kind in ("date", "time"):
            ctx.remember(value)
            if (
                value
                and value[:4].isdigit()
                and _STATED_YEAR.search(m.group())
                and _opens_sentence(doc, m.start())
            ):
                ctx.sentence_years.setdefault(ctx.sentence, int(value[:4]))
            if value and _NARRATIVE_VALUE.match(value) and _states_story_time(doc, name, m):
                ctx.state_narrative(int(value[:4]))
        out.append(
            TimeExpression(text=m.group(), start=m.start(), end=m.end(), value=value, kind=kind, rule=name)
        )
        if name == "month_day" and value and not m["md_year"]:
            second = compound.second_day(doc.text, m, value)
            if second is not None:
                out.append(second)
    return out


def _normalise(ctx: Context, name: str, m: re.Match[str]) -> Resolved | None:
    if name not in _NORMALISERS:
        return None
    try:
        return _NORMALISERS[name](ctx, m)
    except (ValueError, OverflowError, KeyError):
        return None  # "Feb. 30", a year out of range: not a date after all


# rules whose stated year, opening a sentence, dates the story's own time: "In March 1986, ...",
# "On May 3, 1986, ...", "In 1986, ..."
_STORY_TIME_RULES = frozenset({"month", "month_day", "day_month", "numeric", "iso", "season"})
_NARRATIVE_VALUE = re.compile(r"\d{4}(?:-(?:\d\d|SP|SU|FA|WI)|$)")


def _states_story_time(doc: Document, name: str, m: re.Match[str]) -> bool:
    """Only a date that opens its sentence frames what follows; one inside a clause ("charged in the
    May 3, 1979, fire", "who were hired in June 1994") is a side remark."""
    if not _STATED_YEAR.search(m.group()) or not _opens_sentence(doc, m.start()):
        return False
    return name in _STORY_TIME_RULES or name == "year"


def _opens_sentence(doc: Document, start: int) -> bool:
    """A year stated up front ("In 2022, ...") frames the year-less dates after it; one in a
    clause further on ("invited in July 1997, will join on March 12") does not."""
    if not doc.sentences:
        return False
    return start - doc.sentences[doc.sentence_at(start)][0] <= 12


def find_dates(doc: Document) -> list[TimeExpression]:
    """Every temporal expression in the document, resolved against `doc.published`."""
    return _scan(doc, _sentence_tense(doc))


def resolve_date(text: str, reference: date) -> TimeExpression | None:
    """Read one standalone expression ("Aug 1", "last week", "2025-09-01", "3 days ago") against `reference`.

    A query has no tense, so year-less dates point back from `reference`; "past 7 days" reads as
    the day it starts ("2025-09-03" for a reference of Sept. 10). Returns None when `text` is not,
    as a whole, one temporal expression.
    """
    stripped = text.strip()
    if not stripped:
        return None
    if _TIMEX_VALUE.fullmatch(stripped) and date_range(stripped):  # "2025-09", "2025-W36", "2025-Q3"
        return TimeExpression(text=stripped, start=0, end=len(stripped), value=stripped, kind="date")
    doc = Document(text=stripped, published=reference)
    found = _scan(doc, lambda start, end: STRICT_PAST)
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(stripped.rstrip(".")):
        found = _scan(
            Document(text=_capitalise(stripped), published=reference), lambda start, end: STRICT_PAST
        )
        if len(found) != 1 or found[0].start != 0 or found[0].end < len(stripped.rstrip(".")):
            return None
    return _span_start(found[0].model_copy(update={"text": stripped}), reference)


def _span_start(found: TimeExpression, reference: date) -> TimeExpression:
    """A query "past 7 days" means "since 7 days ago": its first day, so date_range gives a start."""
    m = _PAST_SPAN.match(found.value or "") if found.kind == "duration" else None
    if m is None or not _LOOKS_BACK.match(found.text):
        return found
    unit = {"D": "day", "W": "week", "M": "month", "Y": "year"}[m[2]]
    start = shift(reference, -int(m[1]), unit)
    return found.model_copy(update={"value": start.isoformat(), "kind": "date"})


def _capitalise(text: str) -> str:
    """Users type "aug 1", "aug" and "monday": names need capitals, a lone abbreviation its full form."""
    if re.search(r"\d{4}-", text):
        return text
    text = _LONE_MONTH_ABBREVIATION.sub(lambda m: _MONTH_NAMES[m[1][:3].lower()], text)
    return re.sub(r"\b[a-z]", lambda m: m.group().upper(), text)


__all__ = ["date_range", "find_dates", "resolve_date"]
