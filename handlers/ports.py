"""Ports: what handlers need from the outside world, as Protocols.

`store/` implements them with SQLAlchemy; tests use small in-memory fakes.
Repositories never commit: the caller owns the transaction through the unit of work.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from datetime import date, datetime
from types import TracebackType
from typing import Protocol, Self

from handlers.domain import (
    AdminAction,
    AlertBatch,
    AlertFacts,
    Article,
    ArticleStoredMeanwhile,
    AskedQuestion,
    DigestRun,
    DigestSubscription,
    EventRecord,
    FactSearch,
    FigureRecord,
    NewArticle,
    NewEvent,
    NewFigure,
    NewQuote,
    Person,
    QuoteRecord,
    Source,
    SpeakerSighting,
    Story,
    StoryHeadline,
    StoryKeys,
    StoryMember,
    Watch,
)

# Work a unit of work may do while it waits for the database, one piece a call: False once there
# is none left.
WaitWork = Callable[[], bool]


class ArticleRepository(Protocol):
    def get_by_hash(self, content_hash: str) -> Article | None: ...
    def get_by_url(self, url: str) -> Article | None: ...
    def stored_among(self, hashes: Sequence[str], urls: Sequence[str]) -> list[Article]:
        """The stored articles having one of these content hashes or URLs."""
        ...

    def add(self, article: NewArticle) -> Article:
        """Store the article (a known text returns the stored one).

        Raises ArticleStoredMeanwhile when a concurrent transaction committed the same text or URL
        after the caller checked: the caller must then store nothing.
        """
        ...

    def insert_new_many(self, articles: Sequence[NewArticle]) -> list[Article | ArticleStoredMeanwhile]:
        """Store articles the caller found not stored in this transaction, together.

        Each comes back with its id or, where a concurrent transaction stored it since, as an
        ArticleStoredMeanwhile (returned, not raised: the caller stores nothing of that one).
        """
        ...

    def count(self) -> int: ...
    def get(self, article_id: int) -> Article | None: ...
    def text_of(self, article_id: int) -> str | None: ...
    def recent(self, *, limit: int, offset: int = 0) -> list[Article]:
        """The articles stored last first."""
        ...

    def fact_counts(self, article_id: int) -> tuple[int, int, int]:
        """How many events, quotes and figures the article has."""
        ...

    def clear_facts(self, article_id: int, *, published: date | None) -> tuple[Article, list[int]] | None:
        """Delete the article's facts and re-date it; it, and the stories left to refresh."""
        ...

    def remove(self, article_id: int) -> list[int] | None:
        """Delete the article and its facts; the stories left to refresh (None: not stored)."""
        ...

    def grant(self, article_ids: Sequence[int], workspaces: Sequence[str]) -> int:
        """Open these articles to these workspaces (handlers.tenancy); how many were not open to them yet."""
        ...

    def workspaces(self, article_id: int) -> set[str]:
        """The workspaces the article is open to."""
        ...

    def revoke(self, article_id: int, workspace: str) -> set[str]:
        """Close the article to `workspace`; the workspaces it stays open to."""
        ...


class EventRepository(Protocol):
    def add_many(self, article_id: int, events: Sequence[NewEvent]) -> list[int | None]:
        """Store the events; their new ids in the same order (None where one could not be stored)."""
        ...

    def add_batch(self, articles: Sequence[tuple[int, Sequence[NewEvent]]]) -> list[list[int | None]]:
        """Several articles' events (article id, its events): `add_many` on each, in one go."""
        ...

    def search(self, search: FactSearch) -> tuple[list[EventRecord], int]:
        """Matching events in date order (oldest first) and the total count."""
        ...


class QuoteRepository(Protocol):
    def add_many(self, article_id: int, quotes: Sequence[tuple[NewQuote, int | None]]) -> None:
        """Store quotes, each with the id of its speaker in the people table (or None)."""
        ...

    def search(self, search: FactSearch) -> tuple[list[QuoteRecord], int]:
        """Quotes matching the terms (words or speaker names); newest article first.

        Non-empty `person_ids` narrows to quotes by those people (with terms too, both must hold).
        """
        ...


class FigureRepository(Protocol):
    def add_many(self, article_id: int, figures: Sequence[NewFigure]) -> None: ...
    def search(self, search: FactSearch) -> tuple[list[FigureRecord], int]:
        """Figures whose text, unit, subject or sentence match; newest article first."""
        ...


class PeopleRepository(Protocol):
    def upsert(
        self,
        name: str,
        *,
        kind: str,
        aliases: Sequence[str],
        roles: Sequence[str],
        seen_on: date | None = None,
    ) -> Person:
        """The person known under `name` or one of its aliases, created if new, aliases/roles merged.

        `seen_on` (the article's date) dates the roles: each keeps the earliest day it was seen.
        """
        ...

    def upsert_many(self, sightings: Sequence[SpeakerSighting]) -> list[int]:
        """The person id of each sighting: exactly what `upsert` on each one in turn would give.

        Later sightings see the people earlier ones created or changed (a surname then the full
        name is one person). Ingest calls this once per batch of articles.
        """
        ...

    def find(self, text: str) -> list[Person]:
        """People whose name, surname or alias matches `text` (accent- and case-insensitive)."""
        ...

    def similar(self, text: str, *, limit: int = 3) -> list[Person]:
        """Stored people whose name is a near spelling of `text` ("Kelog" for Kellogg), nearest
        first; none when `text` is stored as typed."""
        ...


class SourceRepository(Protocol):
    def add(self, url: str, *, name: str | None, kind: str, created_by: str | None) -> Source: ...
    def get(self, source_id: int) -> Source | None: ...
    def get_by_url(self, url: str) -> Source | None: ...
    def list(self) -> list[Source]: ...
    def remove(self, source_id: int) -> bool: ...
    def set_active(self, source_id: int, active: bool) -> Source | None: ...
    def followers(self, source_id: int) -> builtins.list[str]:
        """The workspaces following the source: its new articles are opened to them."""
        ...

    def seen_counts(self, since: datetime) -> dict[int, int]:
        """How many new items each source's poller has taken since `since` (sources with none left out)."""
        ...


class AuditLog(Protocol):
    def record(self, actor: str, action: str, detail: str, at: datetime) -> None: ...
    def recent(self, limit: int = 50) -> list[AdminAction]: ...


class DigestRepository(Protocol):
    """Digest subscriptions and their runs. `claim` is the exactly-once guard across workers."""

    def subscribe(
        self,
        channel: str,
        *,
        team: str | None,
        cadence: str,
        weekday: int | None,
        time: str,
        timezone: str,
        topic: str | None,
        post_empty: bool,
        created_by: str | None,
    ) -> DigestSubscription: ...
    def subscriptions(self, channel: str | None = None) -> list[DigestSubscription]: ...
    def get_subscription(self, subscription_id: int) -> DigestSubscription | None: ...
    def unsubscribe(self, subscription_id: int) -> bool: ...
    def claim(self, subscription_id: int, slot: datetime, *, at: datetime) -> DigestRun | None:
        """The run for this slot if this caller won it; None if another worker already has it."""
        ...

    def mark_posted(self, run_id: int, *, message_ts: str | None, at: datetime) -> None: ...
    def mark_failed(self, run_id: int, *, error: str) -> None: ...
    def mark_unknown(self, run_id: int, *, error: str) -> None: ...
    def retry_unknown(self, run_id: int, *, error: str) -> bool:
        """unknown -> failed (so `claim` may retry it); False if another worker settled it first."""
        ...

    def runs(self, subscription_id: int | None = None, limit: int = 20) -> list[DigestRun]:
        """The latest runs (of one subscription, or of all), newest slot first."""
        ...

    def run_for(self, subscription_id: int, slot: datetime) -> DigestRun | None: ...


class SourcePolling(Protocol):
    """What a poller records about a source between polls (implemented by the source repository)."""

    def due(self, now: datetime) -> list[Source]: ...
    def record_poll(
        self,
        source_id: int,
        *,
        at: datetime,
        error: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> Source | None: ...
    def mark_seen(
        self,
        source_id: int,
        guid: str,
        *,
        url: str | None,
        content_hash: str | None,
        at: datetime,
        error: str | None = None,
    ) -> bool: ...
    def has_seen(self, source_id: int, guid: str) -> bool: ...
    def set_interval(self, source_id: int, minutes: int) -> Source | None: ...


class StoryRepository(Protocol):
    """Stories: stored events merged into one happening each, with the reasons for every merge."""

    def lock_for_merging(self) -> None:
        """Until this transaction ends, other transactions merging stories wait for it."""
        ...

    def matching_members(
        self, reports: Sequence[StoryKeys], *, limit: int = 50
    ) -> list[list[tuple[int, StoryMember]]]:
        """For each report, the stored members (story id, member) dated within its days that share
        any of its keys (as given to `start`/`attach`); those sharing most first, at most `limit`."""
        ...

    def read_ahead(self, reports: Sequence[StoryKeys], *, limit: int = 50) -> None:
        """Reports to be matched later in this transaction: read together now what their
        `matching_members` will need (a hint: results are the same without it)."""
        ...

    def members(self, story_id: int, *, newest: int | None = None) -> list[StoryMember]:
        """A story's members as matching needs them (article id only, no merge reasons), in join order;
        with `newest`, only that many of the latest."""
        ...

    def latest_members(self, story_ids: Sequence[int], *, newest: int) -> dict[int, list[StoryMember]]:
        """Each story's latest `newest` members, in join order, read together (as `members` gives them)."""
        ...

    def start(
        self,
        event_id: int,
        *,
        date: str,
        summary: str,
        actors: Sequence[str],
        places: Sequence[str],
        keys: StoryKeys | None = None,
        member: StoryMember | None = None,
    ) -> int:
        """A new story holding one event that is in no story (`detach` it first); its id.

        Later reports find it through `keys`; `member`, the event as a member, saves reading it back.
        """
        ...

    def attach(
        self,
        story_id: int,
        event_id: int,
        *,
        score: float,
        reason: dict[str, object],
        keys: StoryKeys | None = None,
        member: StoryMember | None = None,
    ) -> None:
        """Add an event that is in no story to a story, with the score and reasons of the merge."""
        ...

    def detach(self, event_id: int) -> None:
        """Take an event out of its story."""
        ...

    def update(
        self, story_id: int, *, date: str, summary: str, actors: Sequence[str], places: Sequence[str]
    ) -> None:
        """Replace what the story shows (date, best summary, actors, places)."""
        ...

    def get(self, story_id: int) -> Story | None: ...

    def story_of_event(self, event_id: int) -> int | None: ...

    def search(self, search: FactSearch, *, cap: int = 500) -> list[StoryHeadline]:
        """Stories with a member event matching the terms, in the window; at most `cap`, newest first.

        Headlines only (no members): the handler ranks and pages them, then loads the page's stories.
        """
        ...

    def load(self, ids: Sequence[int]) -> list[Story]:
        """These stories with all their members, in the order of `ids` (ids not found left out)."""
        ...

    def event_dates_at(self, spans: Sequence[tuple[int, int]]) -> dict[tuple[int, int], str]:
        """For (article id, offset) pairs, the date of the event whose sentence holds the offset."""
        ...

    def stories_at(self, spans: Sequence[tuple[int, int]]) -> dict[tuple[int, int], int]:
        """For (article id, offset) pairs, the story of the event whose sentence holds the offset."""
        ...


class ThreadQuestionRepository(Protocol):
    def last(self, channel: str, thread: str) -> AskedQuestion | None:
        """The question last asked in this Slack thread (or DM), if any."""
        ...

    def remember(self, question: AskedQuestion) -> None:
        """Make `question` its thread's last one."""
        ...


class UnitOfWork(Protocol):
    """One transaction over all repositories: `with uow: ...; uow.commit()`.

    The repositories are read-only members so that an implementation may hold richer types
    (store's SqlSourceRepository also implements SourcePolling); plain attributes satisfy them.
    """

    @property
    def articles(self) -> ArticleRepository: ...
    @property
    def events(self) -> EventRepository: ...
    @property
    def quotes(self) -> QuoteRepository: ...
    @property
    def figures(self) -> FigureRepository: ...
    @property
    def people(self) -> PeopleRepository: ...
    @property
    def sources(self) -> SourceRepository: ...
    @property
    def audit(self) -> AuditLog: ...
    @property
    def digests(self) -> DigestRepository: ...
    @property
    def stories(self) -> StoryRepository: ...
    @property
    def threads(self) -> ThreadQuestionRepository: ...

    @property
    def workspace(self) -> str | None:
        """The workspace its transactions are for (None: none chosen, reads are refused)."""
        ...

    def of(self, workspace: str | None) -> Self:
        """This unit of work, its next transactions for `workspace` (handlers.tenancy): reads see
        only that workspace's articles; ALL_WORKSPACES is for internal jobs. Called before `with`."""
        ...

    def __enter__(self) -> UnitOfWork: ...
    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...
    def while_waiting(self, work: WaitWork | None) -> AbstractContextManager[None]:
        """Within the block, whenever the unit of work waits for the database, it may call `work`
        (a piece at a time, until it returns False). What is left of it is the caller's to do."""

    def commit(self) -> None: ...
    def rollback(self) -> None: ...


class Clock(Protocol):
    def today(self) -> date: ...
    def now(self) -> datetime: ...


class WatchRepository(Protocol):
    """Alert watches and their deliveries. `claim` is the exactly-once guard across workers."""

    def add(
        self, *, kind: str, subject: str, channel: str | None, owner: str, team: str | None, at: datetime
    ) -> Watch: ...
    def get(self, watch_id: int) -> Watch | None: ...
    def find(
        self, *, team: str | None = None, channel: str | None = None, owner: str | None = None
    ) -> list[Watch]:
        """Every watch, oldest first; with `channel`, that channel's; with `owner`, that user's personal ones
        (with both, either)."""
        ...

    def remove(self, watch_id: int) -> bool:
        """Drop the watch and its deliveries; False when there was none."""
        ...

    def checked(self, watch_id: int, until: datetime) -> None:
        """Facts of articles fetched before `until` were looked at (never moves back)."""
        ...

    def delivered(self, watch_id: int, keys: Sequence[tuple[str, int]]) -> set[tuple[str, int]]:
        """Those of `keys` (kind, fact id) some batch of this watch already claimed."""
        ...

    def claim(self, watch_id: int, facts: AlertFacts, *, at: datetime) -> AlertBatch | None:
        """A new batch holding those of `facts` no batch of the watch holds yet, claimed by this
        caller; None when another worker had claimed every one of them."""
        ...

    def retry(self, watch_id: int, *, max_attempts: int, at: datetime) -> list[AlertBatch]:
        """The watch's failed batches tried fewer than `max_attempts` times, claimed again by this caller."""
        ...

    def mark_posted(self, batch_id: int, *, message_ts: str | None, at: datetime) -> None: ...
    def mark_failed(self, batch_id: int, *, error: str) -> None: ...
    def batches(self, watch_id: int, limit: int = 20) -> list[AlertBatch]:
        """The latest batches of a watch, newest first."""
        ...

    def last_fetch(self) -> datetime | None:
        """When an article was last stored or re-dated (its latest fetched_at); None with none stored."""
        ...


class AlertUnitOfWork(UnitOfWork, Protocol):
    """A unit of work that also holds the alert watches."""

    @property
    def watches(self) -> WatchRepository: ...


class WorkspaceRows(Protocol):
    """What a workspace owns beyond its digests and watches, deleted when it uninstalls the app with
    BRIEFBOT_PURGE_ON_UNINSTALL (handlers.workspaces.purge_workspace). Each deletes the rows kept
    under `workspace` and says how many went."""

    def delete_thread_questions(self, workspace: str) -> int: ...
    def delete_audit(self, workspace: str) -> int: ...
    def delete_follows(self, workspace: str) -> int:
        """Its source follows (a source nobody follows any more is the store's to drop)."""
        ...

    def delete_article_access(self, workspace: str) -> int:
        """Its access to articles (an article nobody can see any more is the store's to drop)."""
        ...


class WorkspaceUnitOfWork(AlertUnitOfWork, Protocol):
    """A unit of work that also holds the rows a workspace owns."""

    @property
    def workspace_rows(self) -> WorkspaceRows: ...
