"""The App Home: its summary from in-memory fakes, the Home tab and modals as valid Block Kit."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from bot.slack.render_home import (
    MAX_SOURCES,
    NO_ALERTS,
    OPEN_ADD_SOURCE,
    PAUSE_SOURCE,
    RESUME_SOURCE,
    add_source_modal,
    checking_modal,
    digest_modal,
    render_home,
    source_added_modal,
)
from handlers.admin import AdminError, ProbeResult, SourceAdded
from handlers.digest_admin import parse_digest
from handlers.domain import ArticleRef, NewArticle, NewEvent, Source
from handlers.home import AlertSummary, HomeSummary, SourceHealth, digest_words, summarize_home
from tests.unit.block_kit import assert_valid_view
from tests.unit.test_digest_handlers import DigestUow

NOW = datetime(2025, 10, 6, 9, 30, tzinfo=UTC)


def _article(uow: DigestUow, n: int, outlet: str, fetched: datetime) -> ArticleRef:
    article = uow.articles.add(
        NewArticle(
            url=f"https://news.example/{n}",
            title=f"Report {n}",
            outlet=outlet,
            text=f"t{n}",
            content_hash=f"h{n}",
        )
    )
    uow.articles.rows[-1] = article.model_copy(update={"fetched_at": fetched})
    return uow.articles.ref(article.id)


def _report(uow: DigestUow, ref: ArticleRef, summary: str, story: int | None) -> int:
    """One event of `ref`, started as a new story or attached to `story`; the story's id."""
    [event_id] = uow.events.add_many(
        ref.id, [NewEvent(date="2025-10-05", summary=summary, sentence=summary, start=0, end=5)]
    )
    assert event_id is not None
    if story is None:
        return uow.stories.start(event_id, date="2025-10-05", summary=summary, actors=[], places=[])
    uow.stories.attach(story, event_id, score=1.0, reason={})
    return story


def store() -> DigestUow:
    """Workspace T1's sources, articles and digest, and digests of T2 and of no recorded team."""
    uow = DigestUow()
    with uow.of("T1"):
        for n in range(3):
            uow.sources.add(f"https://feeds.example/{n}.xml", name=f"Feed {n}", kind="feed", created_by="U1")
        uow.sources.seen += [(1, NOW - timedelta(days=1))] * 4 + [(1, NOW - timedelta(days=8))] * 9
        uow.sources.seen += [(2, NOW - timedelta(hours=2))]
        fresh, stale = NOW - timedelta(hours=3), NOW - timedelta(days=3)
        # A story three outlets carry today, one with a single report today, one only reported days ago.
        wide = _report(uow, _article(uow, 1, "Coast Wire", fresh), "Dockers end the walkout", None)
        _report(uow, _article(uow, 2, "Harbour Post", fresh), "Dockers end the walkout", wide)
        _report(uow, _article(uow, 3, "Radio Kestrel", stale), "Dockers end the walkout", wide)
        _report(uow, _article(uow, 4, "Harbour Post", fresh), "Ferry timetable changes", None)
        _report(uow, _article(uow, 5, "Coast Wire", stale), "Crane contract signed", None)
        for channel, team in (("C1", "T1"), ("C2", "T2"), ("C3", None)):
            uow.digests.subscribe(
                channel,
                team=team,
                cadence="daily",
                weekday=None,
                time="08:00",
                timezone="Europe/Kyiv",
                topic="port strike" if channel == "C1" else None,
                post_empty=False,
                created_by="U1",
            )
        uow.commit()
    return uow


def test_home_summary_counts_this_weeks_items_and_shows_this_workspaces_digests() -> None:
    summary = summarize_home(uow=store(), now=NOW, team="T1", admin=True)
    assert [(h.source.id, h.items_this_week) for h in summary.sources] == [(1, 4), (2, 1), (3, 0)]
    # Not T2's; nor one without a team (migration 0019 gives those to the default workspace).
    assert [d.subscription.channel for d in summary.digests] == ["C1"]
    assert summary.digests[0].schedule == "daily at 08:00 Europe/Kyiv"
    assert summary.digests[0].next_slot == datetime(2025, 10, 7, 5, 0, tzinfo=UTC)
    assert summary.admin and summary.alerts == []


def test_another_workspace_sees_none_of_t1s_sources_stories_or_digests() -> None:
    summary = summarize_home(uow=store(), now=NOW, team="T2", admin=True)
    assert summary.sources == [] and summary.top_stories == []
    assert [d.subscription.channel for d in summary.digests] == ["C2"]


def test_top_stories_are_those_reported_in_the_last_24_hours_most_outlets_first() -> None:
    summary = summarize_home(uow=store(), now=NOW, team="T1", admin=False)
    assert [(s.summary, s.outlets) for s in summary.top_stories] == [
        ("Dockers end the walkout", 3),
        ("Ferry timetable changes", 1),
    ]  # the crane contract was only reported three days ago
    assert [a.outlet for a in summary.top_stories[0].sources] == [
        "Radio Kestrel",
        "Harbour Post",
        "Coast Wire",
    ]


def test_alerts_given_to_the_summary_are_listed_and_an_empty_list_says_how_to_watch() -> None:
    watch = AlertSummary(watching="Amara Okafor", where="C9", note="2 alerts this week")
    shown = assert_valid_view(
        render_home(summarize_home(uow=store(), now=NOW, team=None, admin=False, alerts=[watch]))
    )
    assert "Amara Okafor" in json.dumps(shown) and "<#C9>" in json.dumps(shown)
    empty = assert_valid_view(render_home(summarize_home(uow=store(), now=NOW, team=None, admin=False)))
    assert NO_ALERTS in json.dumps(empty)


def _actions(view: dict[str, object]) -> list[str]:
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "action_id" in node and node.get("type") == "button":
                found.append(str(node["action_id"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(view)
    return found


def test_admins_get_a_pause_or_resume_button_per_source_and_members_none() -> None:
    uow = store()
    uow.sources.set_active(2, False)
    admin = assert_valid_view(render_home(summarize_home(uow=uow, now=NOW, team="T1", admin=True)))
    assert _actions(admin).count(PAUSE_SOURCE) == 2 and _actions(admin).count(RESUME_SOURCE) == 1
    assert OPEN_ADD_SOURCE in _actions(admin)
    member = assert_valid_view(render_home(summarize_home(uow=uow, now=NOW, team="T1", admin=False)))
    assert _actions(member) == ["home_watch"]  # watching for oneself needs no admin


def test_sixty_sources_fit_in_a_valid_view_with_the_rest_counted() -> None:
    sources = [
        SourceHealth(
            source=Source(
                id=i,
                url=f"https://feeds.example/{i}.xml?" + "q" * 1900,
                name="A very long feed name " * 20,
                created_at=NOW,
                last_polled_at=NOW,
                last_error="timed out " * 200,
                consecutive_failures=i % 4,
            ),
            items_this_week=i,
        )
        for i in range(1, 61)
    ]
    alerts = [AlertSummary(watching=f"topic {i} " * 30, where=None) for i in range(40)]
    summary = HomeSummary(generated_at=NOW, admin=True, sources=sources, alerts=alerts)
    view = assert_valid_view(render_home(summary))
    assert len(view["blocks"]) <= 100
    text = json.dumps(view)
    assert f"and {60 - MAX_SOURCES} more" in text and "and 25 more" in text
    # Unhealthy sources (3 failed polls and more) come first, so the cap never hides them.
    assert all(f'"value": "{i}"' in text for i in range(3, 61, 4))


def test_the_modals_are_valid_views() -> None:
    added = SourceAdded(
        source=Source(id=4, url="https://feeds.example/x.xml", name="X", created_at=NOW),
        probe=ProbeResult(url="https://feeds.example/x.xml", kind="feed", title="X", item_count=3),
    )
    for modal in (
        add_source_modal(),
        add_source_modal(url="https://x.example", problem="x " * 3000),
        checking_modal("https://x.example/" + "a" * 3000),
        source_added_modal(added),
        digest_modal(),
    ):
        assert_valid_view(modal)


@pytest.mark.parametrize(
    ("form", "typed"),
    [
        (
            {"cadence": "daily", "time": "08:00", "timezone": "Europe/Kyiv", "topic": None},
            "daily 08:00 Europe/Kyiv",
        ),
        (
            {"cadence": "fri", "time": "17:30", "timezone": "UTC", "topic": "port strike"},
            "weekly fri 17:30 UTC port strike",
        ),
    ],
)
def test_the_digest_form_reads_as_the_typed_command(form: dict[str, str | None], typed: str) -> None:
    words = digest_words(**form)  # type: ignore[arg-type]
    assert parse_digest(words, channel="C1", actor="U1") == parse_digest(
        typed.split(), channel="C1", actor="U1"
    )


def test_a_digest_form_without_a_time_is_refused_as_the_command_is() -> None:
    with pytest.raises(AdminError, match="time of day"):
        parse_digest(
            digest_words(cadence="daily", time="", timezone="UTC", topic=None), channel="C1", actor="U1"
        )
