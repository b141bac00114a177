"""Domain models shared by handlers, ports and repositories.

Repositories return these, never ORM rows; handlers return result models built from them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from extract.models import Bound, Change, QuoteKind
from handlers.headline_words import headline_words

SourceKind = Literal["feed", "page"]
DatePrecision = Literal["day", "month", "year"]
SpeakerKind = Literal["person", "organization", "unknown"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class ArticleRef(_Model):
    """Where a fact comes from: enough to cite and link it."""

    id: int
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: date | None = None


class NewArticle(_Model):
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    text: str
    content_hash: str
    source_id: int | None = None
    guid: str | None = None


class ArticleStoredMeanwhile(Exception):
    """Another transaction stored the same article between our check and our insert.

    Raised by ArticleRepository.add so that the losing writer stores nothing: returning the
    winner's article would have its facts stored a second time under it.
    """

    def __init__(self, article_id: int) -> None:
        super().__init__(f"article {article_id} was stored by another writer meanwhile")
        self.article_id = article_id


class Article(ArticleRef):
    fetched_at: datetime
    content_hash: str
    source_id: int | None = None
    guid: str | None = None


class NewEvent(_Model):
    date: str  # "YYYY-MM-DD", "YYYY-MM" or "YYYY"
    summary: str
    sentence: str
    start: int
    end: int
    actors: list[str] = Field(default_factory=list)
    places: list[str] = Field(default_factory=list)
    scheduled: bool = False  # the article says it is to happen (a vote on Friday), not that it did


class EventRecord(NewEvent):
    id: int
    article: ArticleRef


class NewQuote(_Model):
    text: str
    kind: QuoteKind
    speaker: str | None  # canonical name as resolved in the article
    speaker_kind: SpeakerKind = "unknown"
    speaker_role: str | None = None
    cue: str | None = None
    start: int
    end: int


class QuoteRecord(NewQuote):
    id: int
    person_id: int | None = None
    article: ArticleRef


class NewFigure(_Model):
    text: str
    value: float
    value_max: float | None = None
    unit: str | None = None
    bound: Bound = "="
    change: Change | None = None
    about: str | None = None
    sentence: str
    start: int
    end: int


class FigureRecord(NewFigure):
    id: int
    article: ArticleRef


class RoleSeen(_Model):
    """A role or title a person was given, and the first day an article gave it."""

    role: str
    first_seen: date | None = None


class SpeakerSighting(_Model):
    """One speaker as an article names them: what `PeopleRepository.upsert_many` resolves to a person.

    `seen_on` (the article's date) dates the roles: each keeps the earliest day it was seen.
    """

    name: str
    kind: SpeakerKind = "unknown"
    aliases: list[str] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list)
    seen_on: date | None = None


class Person(_Model):
    """A speaker known across articles: canonical name, aliases and roles seen."""

    id: int
    name: str
    kind: SpeakerKind = "person"
    aliases: list[str] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list)
    role_history: list[RoleSeen] = Field(default_factory=list)  # oldest first


class Source(_Model):
    """A feed or page that admins follow."""

    id: int
    url: str
    name: str | None = None
    kind: SourceKind = "feed"
    active: bool = True
    interval_minutes: int = 15
    created_at: datetime
    created_by: str | None = None
    last_polled_at: datetime | None = None
    last_error: str | None = None
    consecutive_failures: int = 0
    etag: str | None = None
    last_modified: str | None = None


class FactSearch(_Model):
    """A search over stored facts. `terms` empty means everything in the window."""

    terms: list[str] = Field(default_factory=list)
    since: date | None = None
    until: date | None = None
    limit: int = 20
    offset: int = 0
    person_ids: list[int] = Field(default_factory=list)
    # Only facts from articles fetched after this moment (a digest shows what is new since the last one).
    fetched_after: datetime | None = None
    # Events only: latest dates first (a digest ranks the newest happenings; never cut them off).
    newest_first: bool = False
    # Whose articles to search (handlers.tenancy): None means the unit of work's; the store refuses
    # a search for no workspace at all.
    workspace: str | None = None


# Counting every match of a very common word costs more than answering: past this many a store
# stops counting and reports one more than it counted ("more than"), see Page.total_text.
COUNT_CAP = 1000


def count_cap(offset: int, limit: int) -> int:
    """How many matches a store counts at most for this page: enough to know the next page exists."""
    return max(COUNT_CAP, offset + limit) + 1


class Page(_Model):
    """How many matched in all, so renderers can offer "More".

    A total above COUNT_CAP is a lower bound: the store stopped counting there.
    """

    total: int
    offset: int
    limit: int

    @property
    def total_text(self) -> str:
        """The total for people: "12", or "1,000+" when the store stopped counting."""
        return f"{self.total - 1:,}+" if self.total > COUNT_CAP else f"{self.total:,}"

    @property
    def has_more(self) -> bool:
        return self.offset + self.limit < self.total


class AdminAction(_Model):
    actor: str
    action: str
    detail: str
    at: datetime


DigestCadence = Literal["daily", "weekly"]
DigestStatus = Literal["claimed", "posted", "failed", "unknown"]  # unknown: sent, no answer


class DigestSubscription(_Model):
    """A channel's scheduled digest: when (local `time` in `timezone`) and about what."""

    id: int
    channel: str
    team: str | None = None
    cadence: DigestCadence = "daily"
    weekday: int | None = None  # 0 = Monday; weekly digests only
    time: str = "08:00"  # "HH:MM"
    timezone: str = "UTC"
    topic: str | None = None
    post_empty: bool = False
    created_by: str | None = None
    created_at: datetime
    last_posted_at: datetime | None = None


class DigestRun(_Model):
    """One posting of a subscription for one scheduled slot; claimed once across all workers."""

    id: int
    subscription_id: int
    slot: datetime  # UTC
    status: DigestStatus = "claimed"
    attempts: int = 1
    error: str | None = None
    claimed_at: datetime
    posted_at: datetime | None = None
    message_ts: str | None = None


class StoryMember(_Model):
    """One report (a stored event) in a story, and why it was merged there (None for the first)."""

    event_id: int
    date: str
    summary: str
    actors: list[str] = Field(default_factory=list)
    places: list[str] = Field(default_factory=list)
    start: int = 0
    article: ArticleRef
    score: float | None = None
    reason: dict[str, object] | None = None


class StoryKeys(_Model):
    """How later reports find a story member: its names and key words, and the days its date covers."""

    start: date
    end: date
    keys: list[str] = Field(default_factory=list)


class Story(_Model):
    """One happening, as reported by one or more articles: its stored events merged."""

    id: int
    date: str  # the most precise date its reports agree on
    summary: str
    actors: list[str] = Field(default_factory=list)
    places: list[str] = Field(default_factory=list)
    members: list[StoryMember] = Field(default_factory=list)

    @property
    def corroboration(self) -> int:
        """Distinct outlets (or articles, where the outlet is unknown) reporting it."""
        return len({m.article.outlet or m.article.url or m.article.id for m in self.members})

    @property
    def words(self) -> frozenset[str]:
        """The words of its summary, actors and places, as a timeline's relevance compares them."""
        return headline_words(self.summary, self.actors, self.places)


class StoryHeadline(_Model):
    """A story without its reports: what ranking a timeline needs, light enough to read 500 of.

    `corroboration` and `words` are what `Story.corroboration` and `Story.words` would be, kept
    by the store with the story.
    """

    id: int
    date: str
    corroboration: int = 0
    words: frozenset[str] = frozenset()


class AskedQuestion(_Model):
    """The last question asked in a Slack thread (or DM), so a reply there can refine it:
    "only since Friday", "more", "just the figures". Kept in the store: any worker, after a
    restart, reads the same."""

    channel: str
    thread: str  # the thread's ts; "" for a DM, which is one conversation
    command: Literal["whosaid", "timeline", "figures"]
    person: str | None = None
    topic: list[str] = Field(default_factory=list)
    since: date | None = None
    until: date | None = None
    limit: int | None = None
    next_offset: int = 0  # where "more" starts (0: the answer shown was the last page)


WatchKind = Literal["person", "topic"]
AlertStatus = Literal["claimed", "posted", "failed"]


class Watch(_Model):
    """An alert: tell `channel` (or, for a personal watch, its owner by DM) about new facts on `subject`.

    A person watch follows the quotes of whoever `subject` names (resolved as /whosaid resolves
    names, at every check, so aliases learned later count); a topic watch follows what /timeline,
    /whosaid and /figures find for its words. Nothing from articles stored before `created_at`.
    """

    id: int
    kind: WatchKind
    subject: str
    channel: str | None = None  # None: a personal watch, posted to the owner's DM with the bot
    owner: str  # the user who set it (or "cli")
    team: str | None = None
    created_at: datetime
    checked_until: datetime | None = None  # facts from articles fetched before this were looked at

    @property
    def personal(self) -> bool:
        return self.channel is None

    @property
    def destination(self) -> str:
        """Where its alerts go: the channel, or the owner's user id (chat.postMessage opens the DM)."""
        return self.channel or self.owner


class AlertFacts(_Model):
    """New facts for one watch, in the order they were stored."""

    events: list[EventRecord] = Field(default_factory=list)
    quotes: list[QuoteRecord] = Field(default_factory=list)
    figures: list[FigureRecord] = Field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.events) + len(self.quotes) + len(self.figures)

    def claim_keys(self) -> list[tuple[str, int]]:
        """(kind, fact id) of each fact: what a delivery claims."""
        return (
            [("event", e.id) for e in self.events]
            + [("quote", q.id) for q in self.quotes]
            + [("figure", f.id) for f in self.figures]
        )

    def only(self, keys: set[tuple[str, int]]) -> AlertFacts:
        """These facts restricted to `keys`."""
        return AlertFacts(
            events=[e for e in self.events if ("event", e.id) in keys],
            quotes=[q for q in self.quotes if ("quote", q.id) in keys],
            figures=[f for f in self.figures if ("figure", f.id) in keys],
        )


class AlertBatch(_Model):
    """One posting of a watch's new facts; each fact belongs to exactly one batch (the claim)."""

    id: int
    watch_id: int
    facts: AlertFacts
    status: AlertStatus = "claimed"
    attempts: int = 1
    error: str | None = None
    claimed_at: datetime
    posted_at: datetime | None = None
    message_ts: str | None = None
