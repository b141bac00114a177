"""Dated events: one per sentence that reports a dated happening.

A sentence is an event when it holds a date expression that names a calendar day, month or year
(not "now", durations or "every week"). The event takes the most precise of those dates, the first
one on ties: the happening is usually dated by the first absolute date ("On August 28, the U.S.
approved ..."). Dates that only bound a period ("since 2022") or date a trailing attribution
(", officials said Tuesday") are used only when the sentence has no other.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date, timedelta

from extract.document import Document
from extract.events.summary import attribution_start, is_dateline, summarize
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
    return value, bool(_BOUNDING.search(lead))


def find_events(doc: Document, dates: list[TimeExpression], mentions: list[Mention]) -> list[Event]:
    """One event per sentence that reports a dated happening, with summary, actors and places."""
    per_sentence: dict[int, list[tuple[str, bool, TimeExpression]]] = {}
    for t in dates:
        if not doc.sentences:
            break
        index = doc.sentence_at(t.start)
        s, e = doc.sentences[index]
        if not s <= t.start < e:
            continue
        dating = _dating(doc, s, t)
        if dating is not None:
            per_sentence.setdefault(index, []).append((*dating, t))
    events = []
    published = doc.published.isoformat() if doc.published else None
    ordered = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    for index in sorted(per_sentence):
        candidates = per_sentence[index]
        s, e = doc.sentences[index]
        if is_dateline(doc.text[s:e]):
            continue  # the article's own date line reports no happening
        # ", the office said on Tuesday" dates the saying, not the happening: used only when alone
        said_at = attribution_start(doc.text[s:e])
        said_from = s + said_at if said_at is not None else e
        # a bounding date ("closed since 2022") or the saying's date dates the event only when alone
        # and a date still to come ("will reopen on Sunday after a deal on Saturday") gives way to
        # one already past: news reports what happened, the plan is secondary.
        value, _, _ = max(
            candidates,
            key=lambda c: (
                not c[1],
                c[2].start < said_from,
                not _after(c[0], published),
                _PRECISION[len(c[0])],
                -c[2].start,
            ),
        )
        phrases = tuple(t.text for _, _, t in candidates)
        actors, places = _participants(ordered, starts, s, e)
        events.append(
            Event(
                date=value,
                start=s,
                end=e,
                summary=summarize(doc.text[s:e], phrases),
                actors=actors,
                places=places,
            )
        )
    return events


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
