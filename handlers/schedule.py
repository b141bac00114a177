"""When a digest is due: its slots in UTC, from a local time of day in an IANA time zone.

Pure functions over zoneinfo, so a 08:00 Europe/Kyiv digest stays at 08:00 local time across the
daylight-saving change (its UTC slot moves by an hour). A local time that does not exist on the
spring-forward day is read with the offset before the change (PEP 495 fold=0), one that occurs twice
in autumn as its first occurrence: either way every day has exactly one slot.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from handlers.domain import DigestSubscription
from handlers.errors import UserError

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class ScheduleError(UserError):
    """A time, day or time zone we cannot read; the message says what is expected."""


def parse_time(text: str) -> str:
    """ "8:00", "08:00" -> "08:00"; ScheduleError otherwise."""
    hours, sep, minutes = text.strip().partition(":")
    if not sep or not hours.isdigit() or not minutes.isdigit() or len(minutes) != 2:
        raise ScheduleError(f"'{text}' is not a time of day; write it as HH:MM, e.g. 08:00.")
    h, m = int(hours), int(minutes)
    if not (0 <= h < 24 and 0 <= m < 60):
        raise ScheduleError(f"'{text}' is not a time of day; hours 00-23, minutes 00-59.")
    return f"{h:02d}:{m:02d}"


def parse_weekday(text: str) -> int:
    """ "mon", "Monday" -> 0 ... "sun" -> 6."""
    word = text.strip().lower()
    for i, full in enumerate(_DAY_NAMES):
        if len(word) >= 3 and full.startswith(word):
            return i
    raise ScheduleError(f"'{text}' is not a day of the week; use mon, tue, wed, thu, fri, sat or sun.")


def zone(name: str) -> ZoneInfo:
    """The IANA time zone `name` ("Europe/Kyiv", "UTC"); ScheduleError when unknown."""
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise ScheduleError(
            f"'{name}' is not a time zone; use an IANA name such as Europe/Kyiv or UTC."
        ) from None


def zone_name(word: str) -> str | None:
    """`word` as a time zone name ("utc" -> "UTC"), or None when it is no time zone (a topic word, say)."""
    if word.upper() in ("UTC", "GMT", "Z"):
        return "UTC"
    if "/" not in word:
        return None  # "Kyiv" or "energy": topic words, not zones ("EST" and the like are ambiguous anyway)
    try:
        zone(word)
    except ScheduleError:
        return None
    return word


def _local_slot(day: date, at: time, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, at, tzinfo=tz).astimezone(UTC)


def latest_slot(sub: DigestSubscription, now: datetime) -> datetime:
    """The most recent slot at or before `now` (UTC). Missed earlier slots are coalesced into it."""
    tz = zone(sub.timezone)
    at = time.fromisoformat(sub.time)
    day = now.astimezone(tz).date()
    if sub.cadence == "weekly":
        day -= timedelta(days=(day.weekday() - (sub.weekday or 0)) % 7)
        step = 7
    else:
        step = 1
    slot = _local_slot(day, at, tz)
    while slot > now:
        day -= timedelta(days=step)
        slot = _local_slot(day, at, tz)
    return slot


def next_slot(sub: DigestSubscription, now: datetime) -> datetime:
    """The first slot strictly after `now` (UTC)."""
    tz = zone(sub.timezone)
    at = time.fromisoformat(sub.time)
    step = 7 if sub.cadence == "weekly" else 1
    slot = latest_slot(sub, now)
    day = slot.astimezone(tz).date()
    while slot <= now:
        day += timedelta(days=step)
        slot = _local_slot(day, at, tz)
    return slot


def due_slot(sub: DigestSubscription, now: datetime) -> datetime | None:
    """The slot to post now, if any: the latest one not before the subscription was made."""
    slot = latest_slot(sub, now)
    return slot if slot >= sub.created_at else None


def period(sub: DigestSubscription) -> timedelta:
    """How far back a first digest looks (there is no earlier digest to count from)."""
    return timedelta(days=7 if sub.cadence == "weekly" else 1)


def describe(sub: DigestSubscription) -> str:
    """ "daily at 08:00 Europe/Kyiv" or "weekly on mon at 09:00 UTC"."""
    when = "daily" if sub.cadence == "daily" else f"weekly on {WEEKDAYS[sub.weekday or 0]}"
    return f"{when} at {sub.time} {sub.timezone}"
