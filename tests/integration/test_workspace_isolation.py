"""Two workspaces on one store (issue 21): each its own source and articles, one source both follow.

Whatever a workspace asks, is sent or administers, it never sees nor changes anything of the other's,
and both see the shared source's articles. On SQLite the store's filter is the rule; on PostgreSQL
the row-level policies hold too (the tests' role owns the tables: see conftest.APP_ROLE).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import cast

import pytest

from handlers.admin import AdminError, ProbeResult
from handlers.alerts import AddWatch, add_watch, run_alerts
from handlers.articles_admin import list_articles, remove_article, show_article
from handlers.catalog import default_registry
from handlers.desk import Ports
from handlers.digests import build_digest
from handlers.domain import AlertBatch, DigestSubscription, FactSearch, Watch
from handlers.errors import UserError
from handlers.export import export_facts
from handlers.front_door import FrontDoor
from handlers.home import summarize_home
from handlers.ingest import ingest_batch
from handlers.ports import AlertUnitOfWork, UnitOfWork
from handlers.query import parse_query
from handlers.registry import Call
from handlers.results import IngestArticle
from handlers.stories import StoryError, show_story
from handlers.tenancy import ALL_WORKSPACES
from store.uow import SqlUnitOfWork

TODAY = date(2031, 3, 7)
PUBLISHED = date(2031, 3, 6)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.moment = now

    def now(self) -> datetime:
        return self.moment

    def today(self) -> date:
        return TODAY


class Probe:
    def probe(self, url: str) -> ProbeResult:
        return ProbeResult(url=url, kind="feed", title="a feed")


class Publisher:
    def __init__(self) -> None:
        self.posted: list[tuple[Watch, AlertBatch]] = []

    def publish(self, watch: Watch, batch: AlertBatch) -> str:
        self.posted.append((watch, batch))
        return f"{len(self.posted)}.0001"


@dataclass(frozen=True)
class Side:
    """One workspace's own things, as the test wrote them."""

    team: str
    source_id: int
    url: str  # its own article
    speaker: str
    quote: str
    misspelt: str  # the speaker's surname typed with a slip


A = ("TA", "https://a.example/strike", "Orla Quennell", "We will stay out until the cranes are safe")
B = ("TB", "https://b.example/strike", "Tamsin Vardewell", "Nobody moves cargo tonight")
SHARED_URL = "https://shared.example/talks"
TEXTS = {
    A[1]: (
        "Harbour workers in Velmora walked out on Monday, March 3, 2031. "
        f'"{A[3]}," said {A[2]}, the union leader. The strike idled 14 cranes at the port of Velmora.'
    ),
    B[1]: (
        "Harbour workers in Drisk walked out on Tuesday, March 4, 2031. "
        f'"{B[3]}," said {B[2]}, a shop steward. The stoppage idled 9 cranes at the port of Drisk.'
    ),
    SHARED_URL: (
        "Port officials in Calder met union delegates on Wednesday, March 5, 2031. "
        '"Talks will resume next week," said Piet Loomberg, the port director. '
        "The talks at the port lasted 6 hours."
    ),
}


@dataclass(frozen=True)
class World:
    uow: SqlUnitOfWork
    a: Side
    b: Side
    shared_source: int
    clock: Clock
    door: FrontDoor


def _follow(uow: SqlUnitOfWork, team: str, url: str) -> int:
    with uow.of(team):
        source = uow.sources.add(url, name=None, kind="feed", created_by="UADMIN")
        uow.commit()
    return source.id


@pytest.fixture
def world(uow: SqlUnitOfWork) -> Iterator[World]:
    clock = Clock(datetime.now(UTC))
    sources = {team: _follow(uow, team, f"https://{team.lower()}.example/feed.xml") for team in ("TA", "TB")}
    shared = _follow(uow, "TA", "https://shared.example/feed.xml")
    assert _follow(uow, "TB", "https://shared.example/feed.xml") == shared  # one source, two follows
    # As the poller stores them: each item opened to the workspaces following its source.
    polled = [
        IngestArticle(
            text=TEXTS[A[1]], url=A[1], title="Strike", published=PUBLISHED, source_id=sources["TA"]
        ),
        IngestArticle(
            text=TEXTS[B[1]], url=B[1], title="Strike", published=PUBLISHED, source_id=sources["TB"]
        ),
        IngestArticle(
            text=TEXTS[SHARED_URL], url=SHARED_URL, title="Talks", published=PUBLISHED, source_id=shared
        ),
    ]
    assert {r.status for r in ingest_batch(polled, uow=uow, clock=clock)} == {"stored"}
    ports = Ports(uow_factory=lambda: uow, clock=clock, probe=Probe(), admin_ids=frozenset({"UADMIN"}))
    yield World(
        uow=uow,
        a=Side("TA", sources["TA"], A[1], A[2], A[3], "Quenell"),
        b=Side("TB", sources["TB"], B[1], B[2], B[3], "Vardewel"),
        shared_source=shared,
        clock=clock,
        door=FrontDoor(default_registry(), ports, "slack"),
    )


def _sides(w: World) -> list[tuple[Side, Side]]:
    return [(w.a, w.b), (w.b, w.a)]


def _ask(w: World, side: Side, *words: str, actor: str = "UMEMBER") -> str:
    try:
        reply = w.door.answer(list(words), Call(today=TODAY, actor=actor, channel="C1", team=side.team))
    except UserError as exc:  # what the front end shows as the answer
        return str(exc)
    return repr(reply.result)


def _assert_only_own(shown: str, me: Side, other: Side) -> None:
    assert me.url in shown and SHARED_URL in shown, shown[:500]
    for secret in (other.url, other.speaker, other.quote):
        assert secret not in shown, (secret, shown[:500])


@pytest.mark.parametrize("command", ["timeline", "whosaid", "figures"])
def test_questions_see_their_own_and_the_shared_sources_articles_only(world: World, command: str) -> None:
    topic = {"timeline": ["port"], "whosaid": ["said"], "figures": []}[command]
    for me, other in _sides(world):
        shown = _ask(world, me, command, *topic)
        if command == "whosaid":  # quotes about any word: every quote the workspace holds
            shown = _ask(world, me, command, "next", "week") + _ask(world, me, command, me.speaker)
        _assert_only_own(shown, me, other)


def test_a_person_only_the_other_workspace_quotes_is_unknown_and_never_suggested(world: World) -> None:
    for me, other in _sides(world):
        asked = _ask(world, me, "whosaid", *other.speaker.split())
        assert "matched='none'" in asked and other.quote not in asked and other.url not in asked
        slip = _ask(world, me, "whosaid", other.misspelt)
        assert other.speaker not in slip  # no "did you mean" naming them
        own_slip = _ask(world, me, "whosaid", me.misspelt)
        assert f"Did you mean {me.speaker}?" in own_slip  # the same slip on its own speaker is offered


def test_digests_alerts_home_and_exports_read_their_workspace_only(world: World) -> None:
    uow, long_ago = world.uow, world.clock.moment - timedelta(days=2)
    publisher = Publisher()
    for me, other in _sides(world):
        sub = DigestSubscription(id=1, channel="C1", team=me.team, created_at=long_ago)
        digest = build_digest(sub, uow=uow, since=long_ago, until=world.clock.moment)
        _assert_only_own(repr(digest), me, other)
        home = summarize_home(uow=uow, now=world.clock.moment, team=me.team, admin=True)
        assert {h.source.id for h in home.sources} == {me.source_id, world.shared_source}
        assert other.url not in repr(home.top_stories) and SHARED_URL in repr(home.top_stories)
        query = parse_query("port", today=TODAY)
        for kind in ("events", "quotes", "figures"):
            rows = repr(export_facts(kind, query, uow=uow, workspace=me.team))  # type: ignore[arg-type]
            assert other.url not in rows and other.quote not in rows
        add = AddWatch(
            subject="port", kind="topic", channel="C1", actor="UADMIN", team=me.team, is_admin=True
        )
        clock = Clock(long_ago)
        add_watch(add, uow_factory=lambda: cast(AlertUnitOfWork, uow), clock=clock)
    later = Clock(world.clock.moment + timedelta(hours=1))
    run_alerts(uow_factory=lambda: cast(AlertUnitOfWork, uow), publisher=publisher, clock=later)
    sent = {watch.team: repr(batch) for watch, batch in publisher.posted}
    assert set(sent) == {"TA", "TB"}
    for me, other in _sides(world):
        _assert_only_own(sent[me.team], me, other)


def _article_id(uow: UnitOfWork, url: str) -> int:
    with uow.of(ALL_WORKSPACES):
        article = uow.articles.get_by_url(url)
    assert article is not None
    return article.id


def test_articles_and_stories_of_the_other_workspace_are_not_there(world: World) -> None:
    uow = world.uow
    for me, other in _sides(world):
        listing = list_articles(uow_factory=lambda: uow, workspace=me.team)
        assert {a.url for a in listing.articles} == {me.url, SHARED_URL} and listing.total == 2
        hidden = _article_id(uow, other.url)
        with pytest.raises(AdminError, match="No article"):
            show_article(hidden, uow_factory=lambda: uow, workspace=me.team)
        with pytest.raises(AdminError, match="No article"):
            remove_article(
                hidden, actor="UADMIN", uow_factory=lambda: uow, clock=world.clock, workspace=me.team
            )
        assert show_article(hidden, uow_factory=lambda: uow, workspace=other.team).article.url == other.url
        with uow.of(other.team):
            theirs = [h.id for h in uow.stories.search(FactSearch(terms=["walked"]))]
        assert theirs  # the other's walkout is a story it sees
        for story_id in theirs:
            if story_id in _visible_story_ids(uow, me.team):
                # One story holds both walkouts: each sees only its own report, and what the story
                # shows is made of that report alone.
                seen = show_story(story_id, uow=uow, workspace=me.team)
                assert {m.article.url for m in seen.members} == {me.url}
                assert other.url not in repr(seen) and seen.summary in TEXTS[me.url]
            else:
                with pytest.raises(StoryError, match="no story"):
                    show_story(story_id, uow=uow, workspace=me.team)


def _visible_story_ids(uow: UnitOfWork, team: str) -> set[int]:
    with uow.of(team):
        return {h.id for h in uow.stories.search(FactSearch())}


@pytest.mark.parametrize(
    "words",
    [
        ["sources", "pause", "{id}"],
        ["sources", "resume", "{id}"],
        ["sources", "remove", "{id}"],
        ["sources", "every", "{id}", "60"],
    ],
)
def test_an_admin_cannot_touch_the_other_workspaces_source_by_id(world: World, words: list[str]) -> None:
    uow = world.uow
    for me, other in _sides(world):
        typed = ["briefbot", *(w.format(id=other.source_id) for w in words)]
        answered = _ask(world, me, *typed, actor="UADMIN")
        assert f"No source #{other.source_id}" in answered
        with uow.of(other.team):
            theirs = uow.sources.get(other.source_id)
        assert theirs is not None and theirs.active and theirs.interval_minutes == 15
        listed = _ask(world, me, "briefbot", "sources", "list", actor="UADMIN")
        assert f"https://{other.team.lower()}.example/feed.xml" not in listed
        assert f"https://{me.team.lower()}.example/feed.xml" in listed
    with uow.of("TA"):
        audit = uow.audit.recent()
    assert audit and all(f"#{world.b.source_id} " not in a.detail for a in audit)


def test_pausing_the_shared_source_pauses_it_for_that_workspace_only(world: World) -> None:
    uow = world.uow
    _ask(world, world.a, "briefbot", "sources", "pause", str(world.shared_source), actor="UADMIN")
    for team, active in (("TA", False), ("TB", True)):
        with uow.of(team):
            source = uow.sources.get(world.shared_source)
        assert source is not None and source.active is active
    with uow.of(ALL_WORKSPACES):
        due = {s.id for s in uow.sources.due(world.clock.moment)}
    assert world.shared_source in due  # still polled, for TB
