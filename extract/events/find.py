"""Dated events: one per sentence that reports a dated happening.

A sentence is an event when it holds a date expression that names a calendar day, month or year
(not "now", durations or "every week"). The event takes the most precise of those dates, the first
one on ties: the happening is usually dated by the first absolute date ("On June 12, the council
approved ..."). Dates that only bound a period ("since 2022") or date a trailing attribution
(", officials said Tuesday") are used only when the sentence has no other.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date, timedelta
from functools import cache

from extract.document import Document
from extract.events.continuation import continuations
from extract.events.rules import Candidate, judge
from extract.events.summary import attribution_start, dateline_end, is_dateline, summarize
from extract.lexicons import words
from extract.models import Event, TimeExpression
from extract.names.mentions import Mention
from extract.regex_first import opening_guard

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})(?:-XX)?$")  # "1998-10-XX": a day of that month, which one unsaid
_YEAR = re.compile(r"(\d{4})$")
_WEEK = re.compile(r"(\d{4})-W(\d{1,2})(-WE)?$")
_COARSE = re.compile(r"(\d{4})-(?:Q[1-4]|H[12]|SP|SU|FA|WI)$")
# "since 2022", "until March", "through 2030": the date bounds a period, it does not date a happening
_BOUNDING_WORDS = (
    r"(?:since|until|till|through|throughout|starting|from|between)\s+"
    r"(?:(?:the|early|late|mid|last|this)\s+)?$"
)
_REFERENCE_WORDS = r"(?:since|until|till)\s+(?:\S+\s+){1,6}$"
# both are searched in the words before each date: the guards pass over the places they cannot start
_BOUNDING = re.compile(rf"\b{opening_guard(_BOUNDING_WORDS, re.I)}{_BOUNDING_WORDS}", re.IGNORECASE)
_REFERENCE_POINT = re.compile(rf"\b{opening_guard(_REFERENCE_WORDS, re.I)}{_REFERENCE_WORDS}", re.IGNORECASE)
_PRECISION = {10: 3, 7: 2, 4: 1}
_EMBED_HANDLE = re.compile(r"\(@\w{1,30}\)\s*$")
# A clock time alone ("7 p.m." heading a live-blog entry) is dated only by the article itself.
_CLOCK_ONLY = re.compile(
    r"[\d:.\s]*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}|\s+local\s+time)?|noon|midnight|midday", re.I
)


def event_date(value: str | None) -> str | None:
    """The event date a TIMEX value supports: 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'; None for
    PRESENT_REF, durations, decades and unresolved values. Weeks date to the month of their
    middle, quarters, halves and seasons to their year."""
    if not value:
        return None
    if m := _DAY.match(value):
        return m.group()
    if m := _MONTH.match(value):
        return f"{m[1]}-{m[2]}"
    if _YEAR.match(value):
        return value
    if m := _WEEK.match(value):
        try:
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            return None
        middle = monday + timedelta(days=5 if m[3] else 3)
        return f"{middle.year:04d}-{middle.month:02d}"
    if m := _COARSE.match(value):
        return m[1]
    return None


_CLAUSE_BREAK = re.compile(r"[,;:—–()]")


def _dating(doc: Document, sentence_start: int, t: TimeExpression) -> tuple[str, bool] | None:
    """The event date `t` supports, and whether it only bounds a period ("since 2022")."""
    if t.kind not in ("date", "time") or (t.kind == "time" and _CLOCK_ONLY.fullmatch(t.text)):
        return None
    value = event_date(t.value)
    if value is None:
        return None
    lead = doc.text[max(sentence_start, t.start - 60) : t.start]
    if _EMBED_HANDLE.search(lead):
        return None  # "— Jane Doe (@jdoe) September 7, 2025" dates an embedded post, not a happening
    lead = _CLAUSE_BREAK.split(lead)[-1]
    if _REFERENCE_POINT.search(lead):
        return None  # "the largest barrage since Russia's invasion in 2022": dates the other happening
    if _reference_words().search(lead):
        return None  # "long before the 2014 elections", "in the year to March": another fact's date
    return value, bool(_BOUNDING.search(lead))


@cache
def _reference_words() -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words("event_reference_words"))
    # "hours after the Sept. 7 strike" is still that day: only a loose before/after is another fact's date
    return re.compile(
        rf"(?<!hours )(?<!minutes )(?<!moments )(?<!shortly )(?<!soon )\b(?:{alternatives})\s+"
        r"(?:(?:the|this|last|next|early|late|mid)\s+)?$",
        re.I,
    )


def find_events(doc: Document, dates: list[TimeExpression], mentions: list[Mention]) -> list[Event]:
    """One event per sentence that reports a dated happening, with summary, actors and places.

    Each sentence's dates are tried best first against the rules (rules.py); the first one a rule
    admits dates the event. A dateless sentence that carries on a dated narrative takes its date
    (continuation.py)."""
    per_sentence: dict[int, list[tuple[str, bool, TimeExpression]]] = {}
    for t in dates:
        if not doc.sentences:
            break
        index = doc.sentence_at(t.start)
        s, e = doc.sentences[index]
        if not s <= t.start < e or t.start < s + dateline_end(doc.text[s:e]):
            continue  # a wire dateline's date dates the report, not the happening
        dating = _dating(doc, s, t)
        if dating is not None:
            per_sentence.setdefault(index, []).append((*dating, t))
    published = doc.published.isoformat() if doc.published else None
    ordered = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    admitted: dict[int, tuple[str, bool, str]] = {}
    for index in sorted(per_sentence):
        s, e = doc.sentences[index]
        if is_dateline(doc.text[s:e]):
            continue  # the article's own date line reports no happening
        found = _admit(doc, index, per_sentence[index], published)
        if found is not None:
            admitted[index] = found
    admitted.update(continuations(doc, admitted, per_sentence.keys()))
    events = []
    for index in sorted(admitted):
        value, scheduled, rule = admitted[index]
        s, e = doc.sentences[index]
        phrases = tuple(t.text for _, _, t in per_sentence.get(index, ()))
        actors, places = _participants(ordered, starts, s, e)
        events.append(
            Event(
                date=value,
                start=s,
                end=e,
                summary=summarize(doc.text[s:e], phrases),
                actors=actors,
                places=places,
                scheduled=scheduled,
                rule=rule,
            )
        )
    return events


def _admit(
    doc: Document, index: int, candidates: list[tuple[str, bool, TimeExpression]], published: str | None
) -> tuple[str, bool, str] | None:
    """(date, scheduled, rule) of the first of the sentence's dates a rule admits, best dates first."""
    s, e = doc.sentences[index]
    sentence = doc.text[s:e]
    # ", the office said on Tuesday" dates the saying, not the happening: used only when alone
    said_at = attribution_start(sentence)
    said_from = s + said_at if said_at is not None else e
    # a bounding date ("closed since 2022") or the saying's date dates the event only when alone
    # and a date still to come ("will reopen on Sunday after a deal on Saturday") gives way to
    # one already past: news reports what happened, the plan is secondary.
    ranked = sorted(
        candidates,
        key=lambda c: (
            not c[1],
            c[2].start < said_from,
            not _after(c[0], published),
            _PRECISION[len(c[0])],
            -c[2].start,
        ),
        reverse=True,
    )
    for value, bounding, t in ranked:
        if bounding:
            continue  # "closed since 2022": the date bounds a state
        rule = judge(Candidate.of(sentence, t.start - s, value, doc.published))
        if rule.verdict == "reject":
            if rule.name in _SENTENCE_WIDE:
                return None
            continue
        if rule.verdict == "past" and _after(value, published):
            earlier = _into_the_past(value, t.text)
            if earlier is None:
                continue
            value = earlier
        return value, rule.verdict == "scheduled", rule.name
    return None


# rules that judge the sentence, not the date: no other date of it can do better
_SENTENCE_WIDE = frozenset({"question", "exclamation", "headline"})
_WEEKDAY_ONLY = re.compile(r"(?:on\s+)?(?:(?:early|late|last)\s+)?[A-Z][a-z]+day\b[\w\s]*", re.I)
_NAMED = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b", re.I
)
_HAS_YEAR = re.compile(r"\d{4}|'\d\d\b")


def _into_the_past(value: str, phrase: str) -> str | None:
    """A past happening resolved after the publication date: the weekday before, or the year before
    ("went missing on March 8" in December). None where the phrase names its year."""
    if _HAS_YEAR.search(phrase) or not _NAMED.search(phrase):
        return None  # "in 2016", "tomorrow", "next week" in a past clause: not the happening's date
    if len(value) == 10 and _WEEKDAY_ONLY.fullmatch(phrase.strip()) and not any(c.isdigit() for c in phrase):
        return (date.fromisoformat(value) - timedelta(days=7)).isoformat()
    year = int(value[:4]) - 1
    return f"{year:04d}{value[4:]}"


def _after(value: str, published: str | None) -> bool:
    """Is the event date later than the publication date (compared at the date's own precision)?"""
    return published is not None and value > published[: len(value)]


def _participants(
    mentions: list[Mention], starts: list[int], start: int, end: int
) -> tuple[list[str], list[str]]:
    actors: list[str] = []
    places: list[str] = []
    for i in range(bisect_left(starts, start), len(mentions)):
        m = mentions[i]
        if m.start >= end:
            break
        if m.end > end:
            continue
        bucket = actors if m.kind in ("person", "organization") else places if m.kind == "place" else None
        if bucket is not None and m.canonical and m.canonical not in bucket:
            bucket.append(m.canonical)
    return actors, places
