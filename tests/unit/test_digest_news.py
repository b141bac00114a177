"""Digests lead with the news: newest happenings and best corroborated stories first, nothing newest
dropped, "and N more" with the command that lists them, a topic finds a story's reports, fallback
text that says what the blocks say, one window for preview and post, times read as times."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

from bot.slack.message import SlackMessage
from bot.slack.render_digest import render_digest
from handlers.digests import build_digest, preview_digest, run_due
from handlers.domain import DigestSubscription, NewArticle, NewEvent, NewQuote
from handlers.tenancy import DEFAULT_WORKSPACE
from tests.unit.block_kit import assert_valid
from tests.unit.test_digest_handlers import T0, Clock, DigestUow, Publisher

DAY = date(2031, 11, 29)
SINCE = datetime(2031, 11, 30, 9, 0, tzinfo=UTC)
SUB = DigestSubscription(id=1, channel="C1", created_at=SINCE)


def _article(uow: DigestUow, n: int, outlet: str, published: date = DAY) -> int:
    return uow.articles.add(
        NewArticle(
            url=f"https://{outlet.lower().replace(' ', '')}.example/{n}",
            title=f"Report {n}",
            outlet=outlet,
            published=published,
            text="x",
            content_hash=f"h{n}",
        )
    ).id


def _event(day: str, summary: str, *, scheduled: bool = False, start: int = 0) -> NewEvent:
    return NewEvent(
        date=day, summary=summary, sentence=summary, start=start, end=start + 10, scheduled=scheduled
    )


def _newsroom() -> DigestUow:
    """Six articles, 22 events: background facts from years ago, and this week's news, one story of
    it carried by three outlets."""
    uow = DigestUow()
    uow.articles.fetched_at = SINCE + timedelta(hours=1)  # fetched in the digest's window, as new news is
    with uow:
        outlets = ["Vale Courier", "Ridge Post", "Lowland Wire", "Fenwick Times", "Marsh Daily", "Tarn News"]
        articles = [_article(uow, i, o) for i, o in enumerate(outlets)]
        blaze = []
        for i, a in enumerate(articles[:3]):
            [eid] = uow.events.add_many(
                a, [_event("2031-11-28", f"A wildfire crossed the Brennholt ridge (report {i}).", start=500)]
            )
            blaze.append(eid)
        story = uow.stories.start(
            blaze[0],
            date="2031-11-28",
            summary="A wildfire crossed the Brennholt ridge.",
            actors=[],
            places=[],
        )
        for eid in blaze[1:]:
            uow.stories.attach(story, eid, score=1.0, reason={})
        for i in range(16):
            a = articles[i % 6]
            uow.events.add_many(
                a, [_event(str(2010 + i), f"Background fact {i} from long ago.", start=i * 20)]
            )
        uow.events.add_many(
            articles[3], [_event("2031-11-29", "The Fenwick council voted to close the quarry.")]
        )
        uow.events.add_many(
            articles[4], [_event("2031-11-27", "Marsh Daily reported the ferry strike ended.")]
        )
        uow.events.add_many(
            articles[5], [_event("2031-12-05", "The regional assembly will vote on the budget.")]
        )
        uow.events.add_many(
            articles[5], [_event("2031-12-02", "Ministers meet in Tarn.", scheduled=True, start=90)]
        )
        uow.quotes.add_many(
            articles[0],
            [
                (
                    NewQuote(
                        text="the ridge could not be held overnight",
                        kind="indirect",
                        speaker="Ilse Brandt",
                        cue="warned",
                        start=900,
                        end=940,
                    ),
                    None,
                )
            ],
        )
        uow.commit()
    return uow


def _texts(messages: list[SlackMessage]) -> str:
    return json.dumps([m.payload() for m in messages], ensure_ascii=False)


def test_the_newest_and_best_corroborated_happenings_lead_and_none_is_dropped() -> None:
    digest = build_digest(SUB, uow=_newsroom(), since=SINCE, until=SINCE + timedelta(days=1))
    summaries = [e.summary for e in digest.events]
    assert summaries[0] == "The Fenwick council voted to close the quarry."
    assert summaries[1].startswith("A wildfire crossed the Brennholt ridge")  # one item, three outlets
    assert sum(s.startswith("A wildfire") for s in summaries) == 1
    assert digest.outlets[digest.events[1].id] == 3
    assert summaries.index("Marsh Daily reported the ferry strike ended.") == 2
    assert all(s.startswith("Background") for s in summaries[3:])
    # Still to come: apart, soonest first.
    assert [e.summary for e in digest.upcoming] == [
        "Ministers meet in Tarn.",
        "The regional assembly will vote on the budget.",
    ]
    assert digest.totals["events"] == 21 and digest.more("events") == 4  # 15 happened + 2 to come shown
    messages = render_digest(digest)
    summary = json.dumps(messages[0].payload(), ensure_ascii=False)
    assert summary.index("Fenwick council") < summary.index("Brennholt") and "3 outlets" in summary
    assert "…and 10 more events, with quotes, figures and sources, in the thread." in summary
    assert "4 more not shown: /timeline" in summary and "Coming up" in summary
    thread = _texts(messages[1:])
    assert "…and 4 more not shown: /timeline" in thread
    for m in messages:
        assert_valid(m)


def test_fallback_text_says_what_the_blocks_say() -> None:
    digest = build_digest(SUB, uow=_newsroom(), since=SINCE, until=SINCE + timedelta(days=1))
    messages = render_digest(digest)
    assert "The Fenwick council voted to close the quarry" in messages[0].text
    [sources] = [m for m in messages if m.text.startswith("Sources")]
    shown = json.dumps(sources.payload(), ensure_ascii=False).count("• ")
    assert shown == 6 and sources.text.startswith(f"Sources: {shown} of {shown} sources")


def test_a_topic_digest_holds_the_storys_reports_not_only_the_sentence_with_the_word() -> None:
    uow = _newsroom()
    with uow:
        # The third report of the blaze does not say "wildfire"; its story does.
        [other] = [e for e in uow.events.rows if e.summary.endswith("(report 2).")]
        uow.events.rows[uow.events.rows.index(other)] = other.model_copy(
            update={"summary": "Crews held the Brennholt line at dawn.", "sentence": "Crews held the line."}
        )
        uow.commit()
    sub = SUB.model_copy(update={"topic": "wildfire"})
    digest = build_digest(sub, uow=uow, since=SINCE, until=SINCE + timedelta(days=1))
    assert len(digest.events) == 1 and digest.outlets[digest.events[0].id] == 3
    assert digest.totals["events"] == 1
    # The quote from an article that reports the story comes with it, though it never says "wildfire".
    assert [q.speaker for q in digest.quotes] == ["Ilse Brandt"]
    assert not any("quarry" in e.summary for e in digest.events)


def test_reported_speech_in_a_digest_is_not_in_quotation_marks() -> None:
    digest = build_digest(SUB, uow=_newsroom(), since=SINCE, until=SINCE + timedelta(days=1))
    text = _texts(render_digest(digest))
    assert "*Ilse Brandt* warned the ridge could not be held overnight" in text
    assert "“the ridge" not in text


def test_times_read_as_times_in_the_channels_zone() -> None:
    digest = build_digest(SUB, uow=_newsroom(), since=SINCE, until=SINCE + timedelta(days=1))
    text = _texts(render_digest(digest))
    assert "since Sun 30 Nov 09:00 UTC" in text and "2031-11-30" not in text
    berlin = SUB.model_copy(update={"timezone": "Europe/Berlin"})
    digest = build_digest(berlin, uow=_newsroom(), since=SINCE, until=SINCE + timedelta(days=1))
    assert "since Sun 30 Nov 10:00 CET" in _texts(render_digest(digest))


def test_preview_and_posted_digest_use_one_window() -> None:
    uow = DigestUow()
    uow.digests.subscribe(
        "C1",
        team=DEFAULT_WORKSPACE,
        cadence="daily",
        weekday=None,
        time="08:00",
        timezone="Europe/Kyiv",
        topic=None,
        post_empty=True,
    )
    # A first digest, subscribed to this morning: it looks back one period from its slot, the
    # preview made before the slot as much as the post made at it.
    uow.digests.rows[0] = uow.digests.rows[0].model_copy(update={"created_at": T0 - timedelta(hours=4)})
    before = T0 - timedelta(hours=3)
    preview = preview_digest("C1", uow_factory=lambda: uow, clock=Clock(before))
    publisher = Publisher()
    after = T0 + timedelta(minutes=1)
    run_due(now=after, uow_factory=lambda: uow, publisher=publisher, clock=Clock(after))
    [(_, posted)] = publisher.posted
    assert preview is not None and preview.since == posted.since == T0 - timedelta(days=1)
