"""The App Home: what one look at briefbot's Home tab shows, read from the store in one unit of work.

Followed sources with their health (last poll, last error, items taken this week), the workspace's
digests, the alerts the caller passes in (the alerts use case is built elsewhere), and the top
stories of the last 24 hours, the most widely reported first. A pure use case: no Slack here.

The forms of the Home tab's modals end here too: `digest_words` turns the digest form into the
words of `/briefbot digest`, so the modal is validated by the very parser the slash command uses.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from pydantic import BaseModel, ConfigDict, Field

from handlers.domain import ArticleRef, DigestSubscription, FactSearch, Source, Story
from handlers.polling import is_unhealthy
from handlers.ports import UnitOfWork
from handlers.schedule import WEEKDAYS, describe, next_slot
from handlers.tenancy import DEFAULT_WORKSPACE

WEEK = timedelta(days=7)
TOP_WINDOW = timedelta(hours=24)
TOP_STORIES = 5
# Events of the last 24 hours read to find the top stories (newest first): a day's news is far fewer.
_TOP_EVENTS_CAP = 500
# Stories loaded in full to rank them: the reports of the day seldom touch more.
_TOP_STORIES_LOADED = 100


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class SourceHealth(_Model):
    """A followed source, and how its polling goes."""

    source: Source
    items_this_week: int = 0

    @property
    def unhealthy(self) -> bool:
        return is_unhealthy(self.source)


class DigestLine(_Model):
    """A digest of this workspace: when it posts, where, and when next."""

    subscription: DigestSubscription
    schedule: str
    next_slot: datetime


class AlertSummary(_Model):
    """One watch as the Home tab lists it: what is watched, where it posts, and a short state."""

    watching: str  # "Volodymyr Zelensky" or "port strike"
    where: str | None = None  # a channel id ("C123"), or None for a personal watch (a DM)
    note: str | None = None  # e.g. "3 alerts this week"


class TopStory(_Model):
    """A story reported in the last 24 hours, with how many outlets carry it."""

    story_id: int
    date: str
    summary: str
    outlets: int
    sources: list[ArticleRef] = Field(default_factory=list)


class HomeSummary(_Model):
    """Everything the Home tab shows, and whether its viewer may administer briefbot."""

    generated_at: datetime
    admin: bool = False
    sources: list[SourceHealth] = Field(default_factory=list)
    digests: list[DigestLine] = Field(default_factory=list)
    alerts: list[AlertSummary] = Field(default_factory=list)
    top_stories: list[TopStory] = Field(default_factory=list)


def summarize_home(
    *,
    uow: UnitOfWork,
    now: datetime,
    team: str | None,
    admin: bool,
    alerts: Sequence[AlertSummary] = (),
) -> HomeSummary:
    """The Home tab's content at `now`, for a viewer of workspace `team` (None: the default
    workspace): its sources, digests and stories only."""
    with uow.of(team or DEFAULT_WORKSPACE):
        sources = uow.sources.list()
        seen = uow.sources.seen_counts(now - WEEK)
        subscriptions = uow.digests.subscriptions()
        stories = _stories_reported_since(uow, now - TOP_WINDOW)
    return HomeSummary(
        generated_at=now,
        admin=admin,
        sources=[SourceHealth(source=s, items_this_week=seen.get(s.id, 0)) for s in sources],
        digests=[
            DigestLine(subscription=s, schedule=describe(s), next_slot=next_slot(s, now))
            for s in subscriptions
            # A digest made before teams were recorded (team None) belongs to the only workspace.
            if team is None or s.team in (None, team)
        ],
        alerts=list(alerts),
        top_stories=[_top(s) for s in rank_top_stories(stories)[:TOP_STORIES]],
    )


def rank_top_stories(stories: Sequence[Story]) -> list[Story]:
    """The most outlets first; among equals the latest happening, then the newest story."""
    return sorted(stories, key=lambda s: (s.corroboration, s.date, s.id), reverse=True)


def _stories_reported_since(uow: UnitOfWork, since: datetime) -> list[Story]:
    """The stories with a report in an article fetched after `since`."""
    events, _ = uow.events.search(FactSearch(limit=_TOP_EVENTS_CAP, fetched_after=since, newest_first=True))
    at = uow.stories.stories_at([(e.article.id, e.start) for e in events])
    ids: list[int] = []
    for e in events:
        story_id = at.get((e.article.id, e.start))
        if story_id is not None and story_id not in ids:
            ids.append(story_id)
    return uow.stories.load(ids[:_TOP_STORIES_LOADED])


def _top(story: Story) -> TopStory:
    sources: list[ArticleRef] = []
    for m in reversed(story.members):  # the latest reports first
        if all(s.id != m.article.id for s in sources):
            sources.append(m.article)
    return TopStory(
        story_id=story.id,
        date=story.date,
        summary=story.summary,
        outlets=story.corroboration,
        sources=sources[:3],
    )


def digest_words(*, cadence: str, time: str, timezone: str, topic: str | None) -> list[str]:
    """The digest form as the words of `/briefbot digest` ("daily" or a weekday, then time, zone, topic).

    The parser (handlers.digest_admin.parse_digest) then checks them exactly as it checks a typed
    command, so the form and the command accept the same digests.
    """
    head = ["weekly", cadence] if cadence in WEEKDAYS else [cadence or "daily"]
    return [*head, time.strip(), timezone.strip(), *(topic or "").split()]


# What the alerts use case hands the Home tab: the watches (user id, team id) may see.
AlertFeed = Callable[[str, str | None], Sequence[AlertSummary]]
