"""Slots of daily and weekly digests: local time in a time zone, DST, missed slots coalesced."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from handlers.domain import DigestSubscription
from handlers.schedule import (
    ScheduleError,
    due_slot,
    latest_slot,
    next_slot,
    parse_time,
    parse_weekday,
)

CREATED = datetime(2025, 1, 1, tzinfo=UTC)


def sub(
    cadence: str = "daily",
    time: str = "08:00",
    tz: str = "Europe/Kyiv",
    weekday: int | None = None,
    created: datetime = CREATED,
) -> DigestSubscription:
    return DigestSubscription(
        id=1, channel="C1", cadence=cadence, time=time, timezone=tz, weekday=weekday, created_at=created
    )  # type: ignore[arg-type]


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_daily_slot_is_the_local_time_converted_to_utc() -> None:
    # Kyiv is UTC+2 in winter: 08:00 local is 06:00 UTC.
    assert latest_slot(sub(), utc(2025, 1, 15, 6, 30)) == utc(2025, 1, 15, 6, 0)
    assert latest_slot(sub(), utc(2025, 1, 15, 5, 59)) == utc(2025, 1, 14, 6, 0)
    assert next_slot(sub(), utc(2025, 1, 15, 6, 0)) == utc(2025, 1, 16, 6, 0)


def test_slot_stays_at_eight_local_across_the_spring_dst_change() -> None:
    # Kyiv moves to UTC+3 on 30 March 2025: the UTC slot moves an hour earlier.
    assert latest_slot(sub(), utc(2025, 3, 29, 12)) == utc(2025, 3, 29, 6, 0)
    assert latest_slot(sub(), utc(2025, 3, 30, 12)) == utc(2025, 3, 30, 5, 0)
    assert next_slot(sub(), utc(2025, 3, 29, 12)) == utc(2025, 3, 30, 5, 0)


def test_slot_stays_at_eight_local_across_the_autumn_dst_change() -> None:
    assert latest_slot(sub(), utc(2025, 10, 25, 12)) == utc(2025, 10, 25, 5, 0)
    assert latest_slot(sub(), utc(2025, 10, 26, 12)) == utc(2025, 10, 26, 6, 0)


def test_a_local_time_that_does_not_exist_still_gives_one_slot_that_day() -> None:
    # 03:30 does not exist in Kyiv on 30 March 2025 (03:00 jumps to 04:00).
    s = sub(time="03:30")
    slot = latest_slot(s, utc(2025, 3, 30, 12))
    assert slot.date() == datetime(2025, 3, 30).date()
    assert next_slot(s, utc(2025, 3, 29, 12)) == slot


def test_an_ambiguous_autumn_time_is_its_first_occurrence_only() -> None:
    # 03:30 happens twice in Kyiv on 26 October 2025; the first is at UTC+3.
    s = sub(time="03:30")
    assert latest_slot(s, utc(2025, 10, 26, 12)) == utc(2025, 10, 26, 0, 30)
    assert next_slot(s, utc(2025, 10, 26, 0, 30)) == utc(2025, 10, 27, 1, 30)


def test_weekly_slot_falls_on_its_weekday() -> None:
    monday = sub(cadence="weekly", time="09:00", tz="UTC", weekday=0)
    # 2025-05-07 is a Wednesday; the last Monday 09:00 was 5 May.
    assert latest_slot(monday, utc(2025, 5, 7, 12)) == utc(2025, 5, 5, 9, 0)
    assert latest_slot(monday, utc(2025, 5, 5, 8, 59)) == utc(2025, 4, 28, 9, 0)
    assert next_slot(monday, utc(2025, 5, 7, 12)) == utc(2025, 5, 12, 9, 0)


def test_missed_slots_coalesce_into_the_latest_one() -> None:
    # The worker was down for three days: only the latest slot is due, once.
    assert due_slot(sub(), utc(2025, 2, 4, 7, 0)) == utc(2025, 2, 4, 6, 0)


def test_no_slot_is_due_from_before_the_subscription_existed() -> None:
    made_after_eight = sub(created=utc(2025, 2, 4, 6, 30))
    assert due_slot(made_after_eight, utc(2025, 2, 4, 7, 0)) is None
    assert due_slot(made_after_eight, utc(2025, 2, 5, 6, 0)) == utc(2025, 2, 5, 6, 0)


@pytest.mark.parametrize(("text", "expected"), [("8:00", "08:00"), ("23:59", "23:59"), ("00:05", "00:05")])
def test_times_are_read_as_hh_mm(text: str, expected: str) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["24:00", "8", "8:5", "noon", "12:60"])
def test_unreadable_times_are_refused(text: str) -> None:
    with pytest.raises(ScheduleError):
        parse_time(text)


def test_weekdays_by_short_or_full_name() -> None:
    assert (parse_weekday("mon"), parse_weekday("Sunday"), parse_weekday("thurs")) == (0, 6, 3)
    with pytest.raises(ScheduleError):
        parse_weekday("mo")
