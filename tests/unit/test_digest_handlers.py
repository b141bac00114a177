"""Digest use cases over in-memory fakes: claim before post, retries of failed slots, empty digests."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.slack.limits import violations
from bot.slack.render_digest import render_digest
from handlers.admin import AdminError
from handlers.digest_admin import manage_digest, parse_digest
from handlers.digests import (
    MAX_ATTEMPTS,
    UNKNOWN_SETTLE,
    Digest,
    PublishError,
    PublishUnknown,
    digest_since,
    preview_digest,
    run_due,
)
from handlers.domain import (
    ArticleRef,
    DigestRun,
    DigestSubscription,
    EventRecord,
    FigureRecord,
    QuoteRecord,
)
from handlers.tenancy import ALL_WORKSPACES, DEFAULT_WORKSPACE
from tests.fakes import FakeTenancy, FakeUnitOfWork

T0 = datetime(2025, 5, 1, 5, 0, tzinfo=UTC)  # 08:00 in Kyiv (UTC+3 in May)


class FakeDigests:
    def __init__(self, tenancy: FakeTenancy | None = None) -> None:
        self.rows: list[DigestSubscription] = []
        self.runs_by_key: dict[tuple[int, datetime], DigestRun] = {}
        self.tenancy = tenancy or FakeTenancy()

    def _mine(self, sub: DigestSubscription) -> bool:
        # As store.repositories.digests: a workspace reads its own subscriptions (a job, all).
        return self.tenancy.current("reading digests") in (sub.team, ALL_WORKSPACES)

    def subscribe(self, channel: str, **kw: object) -> DigestSubscription:
        sub = DigestSubscription(
            id=len(self.rows) + 1,
            channel=channel,
            created_at=T0 - timedelta(days=30),
            **{k: v for k, v in kw.items() if k != "created_by"},
        )  # type: ignore[arg-type]
        self.rows.append(sub)
        return sub

    def subscriptions(self, channel: str | None = None) -> list[DigestSubscription]:
        return [s for s in self.rows if (channel is None or s.channel == channel) and self._mine(s)]

    def get_subscription(self, subscription_id: int) -> DigestSubscription | None:
        return next((s for s in self.rows if s.id == subscription_id and self._mine(s)), None)

    def unsubscribe(self, subscription_id: int) -> bool:
        if self.get_subscription(subscription_id) is None:
            return False
        before = len(self.rows)
        self.rows = [s for s in self.rows if s.id != subscription_id]
        return len(self.rows) < before

    def claim(self, subscription_id: int, slot: datetime, *, at: datetime) -> DigestRun | None:
        key = (subscription_id, slot)
        old = self.runs_by_key.get(key)
        if old is None:
            run = DigestRun(
                id=len(self.runs_by_key) + 1, subscription_id=subscription_id, slot=slot, claimed_at=at
            )
        elif old.status == "failed":
            run = old.model_copy(update={"status": "claimed", "attempts": old.attempts + 1, "error": None})
        else:
            return None
        self.runs_by_key[key] = run
        return run

    def _update(self, run_id: int, **changes: object) -> None:
        key = next(k for k, r in self.runs_by_key.items() if r.id == run_id)
        self.runs_by_key[key] = self.runs_by_key[key].model_copy(update=changes)

    def mark_posted(self, run_id: int, *, message_ts: str | None, at: datetime) -> None:
        self._update(run_id, status="posted", message_ts=message_ts, posted_at=at)
        sub_id = next(r.subscription_id for r in self.runs_by_key.values() if r.id == run_id)
        self.rows = [s.model_copy(update={"last_posted_at": at}) if s.id == sub_id else s for s in self.rows]

    def mark_failed(self, run_id: int, *, error: str) -> None:
        self._update(run_id, status="failed", error=error)

    def mark_unknown(self, run_id: int, *, error: str) -> None:
        self._update(run_id, status="unknown", error=error)

    def retry_unknown(self, run_id: int, *, error: str) -> bool:
        if not any(r.id == run_id and r.status == "unknown" for r in self.runs_by_key.values()):
            return False
        self._update(run_id, status="failed", error=error)
        return True

    def runs(self, subscription_id: int | None = None, limit: int = 20) -> list[DigestRun]:
        runs = [r for r in self.runs_by_key.values() if subscription_id in (None, r.subscription_id)]
        return sorted(runs, key=lambda r: r.slot, reverse=True)[:limit]

    def run_for(self, subscription_id: int, slot: datetime) -> DigestRun | None:
        return self.runs_by_key.get((subscription_id, slot))


class DigestUow(FakeUnitOfWork):
    def __init__(self) -> None:
        super().__init__()
        self.digests = FakeDigests(self.tenancy)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.moment = now

    def now(self) -> datetime:
        return self.moment

    def today(self) -> date:
        return self.moment.date()


class Publisher:
    def __init__(self, failures: int = 0, unknown: int = 0, found: str | None = None) -> None:
        self.failures, self.unknown, self.found = failures, unknown, found
        self.posted: list[tuple[str, Digest]] = []
        self.looked_for: list[str] = []

    def find_posted(self, channel: str, marker: str, *, since: datetime) -> str | None:
        self.looked_for.append(marker)
        return self.found

    def publish(self, channel: str, digest: Digest, *, marker: str) -> str:
        if self.unknown:
            self.unknown -= 1
            raise PublishUnknown("no answer from Slack: TimeoutError: timed out")
        if self.failures:
            self.failures -= 1
            raise PublishError("Slack answered HTTP 503 after 4 attempts")
        self.posted.append((channel, digest))
        return f"{len(self.posted)}.0001"


def subscribed(post_empty: bool = True) -> DigestUow:
    uow = DigestUow()
    uow.digests.subscribe(
        "C1",
        team=DEFAULT_WORKSPACE,  # migration 0019 gives the digests from before teams to it
        cadence="daily",
        weekday=None,
        time="08:00",
        timezone="Europe/Kyiv",
        topic=None,
        post_empty=post_empty,
    )
    return uow


def test_a_due_slot_is_posted_once_however_often_run_due_is_called() -> None:
    uow, publisher = subscribed(), Publisher()
    for minutes in (1, 2, 30):
        now = T0 + timedelta(minutes=minutes)
        run_due(now=now, uow_factory=lambda: uow, publisher=publisher, clock=Clock(now))
    assert [c for c, _ in publisher.posted] == ["C1"]
    [run] = uow.digests.runs()
    assert (run.slot, run.status, run.message_ts) == (T0, "posted", "1.0001")


def test_a_failed_slot_is_retried_by_later_runs_up_to_the_attempt_limit() -> None:
    uow, publisher = subscribed(), Publisher(failures=MAX_ATTEMPTS)
    statuses = []
    for minutes in range(1, MAX_ATTEMPTS + 3):
        now = T0 + timedelta(minutes=minutes)
        statuses += [
            o.status for o in run_due(now=now, uow_factory=lambda: uow, publisher=publisher, clock=Clock(now))
        ]
    assert statuses == ["failed"] * MAX_ATTEMPTS
    [run] = uow.digests.runs()
    assert (run.status, run.attempts) == ("failed", MAX_ATTEMPTS)
    assert run.error == "Slack answered HTTP 503 after 4 attempts"
    assert publisher.posted == []


def test_a_slot_claimed_by_another_worker_is_left_alone() -> None:
    uow, publisher = subscribed(), Publisher()
    uow.digests.claim(1, T0, at=T0)  # another worker holds it (posting, or died mid-post)
    assert (
        run_due(now=T0 + timedelta(minutes=1), uow_factory=lambda: uow, publisher=publisher, clock=Clock(T0))
        == []
    )
    assert publisher.posted == []


def test_nothing_new_posts_a_note_or_nothing_per_the_subscription() -> None:
    quiet, noisy, publisher = subscribed(post_empty=False), subscribed(post_empty=True), Publisher()
    now = T0 + timedelta(minutes=1)
    [skipped] = run_due(now=now, uow_factory=lambda: quiet, publisher=publisher, clock=Clock(now))
    [posted] = run_due(now=now, uow_factory=lambda: noisy, publisher=publisher, clock=Clock(now))
    assert (skipped.status, posted.status) == ("skipped-empty", "posted")
    assert len(publisher.posted) == 1 and publisher.posted[0][1].empty
    [message] = render_digest(publisher.posted[0][1])
    assert "No new items" in message.payload()["blocks"][1]["text"]["text"]


def test_new_means_since_the_last_digest_and_a_first_digest_looks_back_one_period() -> None:
    uow = subscribed()
    [sub] = uow.digests.subscriptions()
    assert digest_since(sub, T0) == T0 - timedelta(days=1)
    posted = sub.model_copy(update={"last_posted_at": T0 - timedelta(hours=3)})
    assert digest_since(posted, T0) == T0 - timedelta(hours=3)
    assert preview_digest("C9", uow_factory=lambda: uow, clock=Clock(T0)) is None


def test_parse_digest_reads_daily_weekly_zone_topic_and_post_empty() -> None:
    cmd = parse_digest(
        "weekly Friday 7:05 America/New_York port strike --post-empty".split(), channel="C", actor="U"
    )
    assert cmd.spec is not None
    assert (cmd.spec.weekday, cmd.spec.time, cmd.spec.timezone, cmd.spec.topic, cmd.spec.post_empty) == (
        4,
        "07:05",
        "America/New_York",
        "port strike",
        True,
    )
    daily = parse_digest(["daily", "08:00", "energy"], channel="C", actor="U").spec
    assert daily is not None and (daily.timezone, daily.topic) == ("UTC", "energy")
    lower = parse_digest(["daily", "08:00", "utc", "grain", "prices"], channel="C", actor="U").spec
    assert lower is not None and (lower.timezone, lower.topic) == ("UTC", "grain prices")
    for bad in (["daily"], ["weekly", "08:00"], ["monthly", "08:00"], ["daily", "8am"]):
        with pytest.raises(AdminError):
            parse_digest(bad, channel="C", actor="U")


def test_setting_a_digest_replaces_the_channel_one_and_is_audited() -> None:
    uow, clock = DigestUow(), Clock(T0)
    for words in (["daily", "08:00", "Europe/Kyiv"], ["daily", "09:00"]):
        cmd = parse_digest(words, channel="C1", actor="U1")
        view = manage_digest(cmd, uow_factory=lambda: uow, clock=clock)
    assert [s.time for s in uow.digests.subscriptions("C1")] == ["09:00"]
    assert view.next_slot == datetime(2025, 5, 1, 9, 0, tzinfo=UTC)
    assert [a.action for a in uow.audit.rows] == ["digest.set", "digest.set"]


def _huge_digest() -> Digest:
    ref = ArticleRef(
        id=1, url="https://news.example/a?x=1&y=<2>", title="Port *news* & <more>", outlet="Wire"
    )
    events = [
        EventRecord(
            id=i,
            date="2025-04-30",
            summary=f"Event {i} " + "x" * 1400,
            sentence="s",
            start=0,
            end=1,
            article=ref.model_copy(update={"id": i}),
        )
        for i in range(60)
    ]
    quotes = [
        QuoteRecord(id=i, text="q" * 2500, kind="direct", speaker="A Speaker", start=0, end=1, article=ref)
        for i in range(40)
    ]
    figures = [
        FigureRecord(
            id=i,
            text="12 ships",
            value=12,
            unit="ships",
            about="ships " * 50,
            sentence="y" * 900,
            start=0,
            end=1,
            article=ref,
        )
        for i in range(40)
    ]
    sub = DigestSubscription(id=1, channel="C1", created_at=T0, topic="t" * 400)
    return Digest(
        subscription=sub,
        since=T0,
        until=T0,
        events=events,
        quotes=quotes,
        figures=figures,
        totals={"events": 60, "quotes": 40, "figures": 40},
    )


def test_a_huge_digest_is_a_summary_plus_thread_replies_all_within_block_kit_limits() -> None:
    messages = render_digest(_huge_digest())
    for message in messages:
        assert violations(message.payload()) == []
    # Nothing the digest holds is dropped: a part too long for one message goes on in the next.
    thread = " ".join(str(m.payload()) for m in messages[1:])
    assert all(f"Event {i} " in thread for i in range(60))
    assert "…and 55 more events" in str(messages[0].payload())  # all 60 in the thread, none beyond
    assert "more not shown" not in str(messages[0].payload())


def test_digest_show_lists_a_failed_run_with_its_error() -> None:
    from bot.slack.render_digest import render_digest_view

    uow, publisher = subscribed(), Publisher(failures=1)
    now = T0 + timedelta(minutes=1)
    run_due(now=now, uow_factory=lambda: uow, publisher=publisher, clock=Clock(now))
    view = manage_digest(
        parse_digest(["show"], channel="C1", actor="U1"), uow_factory=lambda: uow, clock=Clock(now)
    )
    text = str(render_digest_view(view).payload())
    assert "failed: Slack answered HTTP 503 after 4 attempts" in text and "daily at 08:00 Europe/Kyiv" in text


@pytest.mark.parametrize("found", [None, "77.0001"])
def test_an_unknown_post_waits_then_is_counted_if_found_or_posted_again_once(found: str | None) -> None:
    from bot.slack.render_digest import render_digest_view

    uow, publisher = subscribed(), Publisher(unknown=1, found=found)
    now = T0 + timedelta(minutes=1)
    [first] = run_due(now=now, uow_factory=lambda: uow, publisher=publisher, clock=Clock(now))
    assert first.status == "unknown" and publisher.posted == []
    view = manage_digest(
        parse_digest(["show"], channel="C1", actor="U1"), uow_factory=lambda: uow, clock=Clock(now)
    )
    assert "unknown (Slack did not answer: looked for in the channel" in str(
        render_digest_view(view).payload()
    )
    soon = now + UNKNOWN_SETTLE / 2
    assert [
        o.status for o in run_due(now=soon, uow_factory=lambda: uow, publisher=publisher, clock=Clock(soon))
    ] == ["unknown"]
    assert publisher.looked_for == [] and publisher.posted == []  # too early even to look
    later = now + UNKNOWN_SETTLE
    outcomes = run_due(now=later, uow_factory=lambda: uow, publisher=publisher, clock=Clock(later))
    assert [o.status for o in outcomes] == ["posted"] and len(publisher.looked_for) == 1
    assert len(publisher.posted) == (1 if found is None else 0)
    assert run_due(now=later, uow_factory=lambda: uow, publisher=publisher, clock=Clock(later)) == []
    [run] = uow.digests.runs()
    assert run.status == "posted" and run.message_ts == (found or "1.0001")


def test_a_digest_counts_in_words_a_reader_would_write() -> None:
    ref = ArticleRef(id=1, url="https://news.example/a", title="Port talks", outlet="Wire")
    event = EventRecord(
        id=1, date="2025-04-30", summary="Talks resumed.", sentence="s", start=0, end=1, article=ref
    )
    quote = QuoteRecord(
        id=1, text="We are close", kind="direct", speaker="A Speaker", start=0, end=1, article=ref
    )
    digest = Digest(
        subscription=DigestSubscription(id=1, channel="C1", created_at=T0),
        since=T0,
        until=T0,
        events=[event],
        quotes=[quote],
        figures=[],
        totals={"events": 1, "quotes": 1, "figures": 0},
    )
    text = str(render_digest(digest)[0].payload())
    assert "1 new event, 1 quote and 0 figures from 1 article since" in text
