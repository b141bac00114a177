"""The tables, as SQLAlchemy 2 declarative classes. Rows never leave store/.

Every fact table carries `search_text`: its own text plus context, normalised by
store.search_text. The full-text indexes over it are dialect-specific and made by the migration
(SQLite: FTS5 table `<table>_fts` kept in sync by triggers; PostgreSQL: generated tsvector column
`search_vector` with a GIN index), so they are not mapped here.
"""

from __future__ import annotations

import datetime as dt
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import false as sa_false
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import Mapped, mapped_column

from store.orm_base import NAMING_CONVENTION as NAMING_CONVENTION
from store.orm_base import Base as Base
from store.search_text import surname_key
from store.types import utcnow

# Tables that get a full-text index over their `search_text` column.
SEARCHABLE_TABLES = ("events", "quotes", "figures")

# Indexes whose definition differs by dialect (made by migration 0004, not mapped here):
# articles (published DESC NULLS LAST, id DESC) on PostgreSQL, (published, id) on SQLite.
DIALECT_SPECIFIC_INDEXES = ("ix_articles_published_id",)

# Story keys (names, stemmed words) longer than this are cut: long enough for any real name.
STORY_KEY_LENGTH = 120


# Text, not String(n), for anything taken from article text (names, roles, units, outlets): an
# unexpectedly long value must not fail an ingest on PostgreSQL, which enforces lengths.


class SourceRow(Base):
    __tablename__ = "sources"
    __table_args__ = (CheckConstraint("kind IN ('feed', 'page')", name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(2048), unique=True)
    name: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(10), default="feed")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    interval_minutes: Mapped[int] = mapped_column(Integer, default=15, server_default="15")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(100))
    last_polled_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    consecutive_failures: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)


class SourceItemRow(Base):
    """An item a poller has seen in a source, so it is fetched once."""

    __tablename__ = "source_items"
    __table_args__ = (UniqueConstraint("source_id", "guid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"))
    guid: Mapped[str] = mapped_column(String(2048))
    url: Mapped[str | None] = mapped_column(String(2048))
    content_hash: Mapped[str | None] = mapped_column(String(64))
    seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    error: Mapped[str | None] = mapped_column(Text)  # why its link could not be read


class ArticleRow(Base):
    __tablename__ = "articles"
    __table_args__ = (Index("ix_articles_fetched_at", "fetched_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # Unique only when present: NULLs never collide on either database.
    url: Mapped[str | None] = mapped_column(String(2048), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    fetched_at: Mapped[datetime] = mapped_column(default=utcnow)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id", ondelete="SET NULL"), index=True)
    guid: Mapped[str | None] = mapped_column(String(2048))
    text: Mapped[str] = mapped_column(Text)


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (Index("ix_events_date_order", "date_start", "date_end", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    date: Mapped[str] = mapped_column(String(10))  # "YYYY-MM-DD", "YYYY-MM" or "YYYY"
    # (date_start) alone is the first column of ix_events_date_order (its own index: migration 0009).
    date_start: Mapped[dt.date] = mapped_column(Date)
    date_end: Mapped[dt.date] = mapped_column(Date, index=True)
    summary: Mapped[str] = mapped_column(Text)
    sentence: Mapped[str] = mapped_column(Text)
    start: Mapped[int]
    end: Mapped[int]
    actors: Mapped[list[str]] = mapped_column(default=list)
    places: Mapped[list[str]] = mapped_column(default=list)
    search_text: Mapped[str] = mapped_column(Text, default="")
    # The article says it is to happen, not that it did (migration 0013).
    scheduled: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())


def _surname_key_of_row(context: DefaultExecutionContext) -> str:
    # SQLAlchemy leaves this method unannotated; it returns the row's insert parameters.
    params: dict[str, Any] = context.get_current_parameters()  # type: ignore[no-untyped-call]
    return surname_key(str(params["name_key"]))


class PersonRow(Base):
    __tablename__ = "people"
    __table_args__ = (CheckConstraint("kind IN ('person', 'organization', 'unknown')", name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20), default="person")
    name_key: Mapped[str] = mapped_column(Text, index=True)
    # Kept in step with name_key by the people repository; the default covers other writers.
    surname_key: Mapped[str] = mapped_column(Text, index=True, default=_surname_key_of_row)


class PersonAliasRow(Base):
    __tablename__ = "person_aliases"
    __table_args__ = (UniqueConstraint("person_id", "alias_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(Text)
    alias_key: Mapped[str] = mapped_column(Text, index=True)


class PersonRoleRow(Base):
    __tablename__ = "person_roles"
    __table_args__ = (UniqueConstraint("person_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(Text)
    first_seen: Mapped[datetime] = mapped_column(default=utcnow)


class QuoteRow(Base):
    __tablename__ = "quotes"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"), index=True)
    speaker: Mapped[str | None] = mapped_column(Text)
    speaker_kind: Mapped[str] = mapped_column(String(20), default="unknown")
    speaker_role: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(10))
    cue: Mapped[str | None] = mapped_column(Text)
    start: Mapped[int]
    end: Mapped[int]
    search_text: Mapped[str] = mapped_column(Text, default="")


class FigureRow(Base):
    __tablename__ = "figures"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    value: Mapped[float] = mapped_column(Float)
    value_max: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(Text)
    bound: Mapped[str] = mapped_column(String(2), default="=")
    change: Mapped[str | None] = mapped_column(String(4))
    about: Mapped[str | None] = mapped_column(Text)
    sentence: Mapped[str] = mapped_column(Text)
    start: Mapped[int]
    end: Mapped[int]
    search_text: Mapped[str] = mapped_column(Text, default="")


class StoryRow(Base):
    """One happening; its reports are the events linked through story_events."""

    __tablename__ = "stories"
    __table_args__ = (Index("ix_stories_date_end_id", "date_end", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    date: Mapped[str] = mapped_column(String(10))
    date_start: Mapped[dt.date] = mapped_column(Date, index=True)
    # (date_end) alone is the first column of ix_stories_date_end_id (its own index: migration 0009).
    date_end: Mapped[dt.date] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text)
    actors: Mapped[list[str]] = mapped_column(default=list)
    places: Mapped[list[str]] = mapped_column(default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # What a timeline ranks its up to 500 candidates by, kept with the story so that ranking reads
    # one row a story (counting outlets through every report and folding every summary cost
    # a broad timeline half its time at a million facts). Kept by the story repository:
    # `outlets` is Story.corroboration, counted from story_outlets as members come or go; `words` is
    # handlers.headline_words.stored_words of the summary, actors and places, written with them.
    outlets: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    words: Mapped[str] = mapped_column(Text, default="", server_default="")


class StoryEventRow(Base):
    """An event's place in a story: each event is in exactly one, with the score and reasons of the merge."""

    __tablename__ = "story_events"
    # A story's members in join order: ingest reads each grown story's latest 100 (migration 0008).
    __table_args__ = (Index("ix_story_events_story_id_id", "story_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"))
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), unique=True)
    score: Mapped[float | None] = mapped_column(Float)
    reason: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    added_at: Mapped[datetime] = mapped_column(default=utcnow)


class StoryOutletRow(Base):
    """A name (outlet, else URL) that reports a story, or an article that has neither: what
    `stories.outlets` counts (migration 0012).

    A story's count grows by the rows a new member adds, so ingest no longer recounts every report
    of each story that grew: a story reported daily for months cost a read of all its reports at
    every batch. `name` is "" and `article_id` the article's for an article with neither; for a
    name, `article_id` is 0 (the name alone counts once).
    """

    __tablename__ = "story_outlets"

    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True)
    name: Mapped[str] = mapped_column(Text, primary_key=True)
    article_id: Mapped[int] = mapped_column(Integer, primary_key=True)


class StoryKeyRow(Base):
    """A story member's names and key words, dated: how a new report finds the members worth scoring.

    One row per (event, key). Ingest asks for members sharing any of a report's keys whose dates
    overlap it; the (key, date_end) index answers that from the recent postings of each key
    whatever the size of the store. Dates are the member event's own, which never change.
    """

    __tablename__ = "story_keys"
    # The ids too, so that a look-up is answered from the index alone (migration 0008).
    __table_args__ = (Index("ix_story_keys_lookup", "key", "date_end", "date_start", "story_id", "event_id"),)

    # A membership's keys (migration 0011): the row goes with its membership (a split, an article's
    # events deleted), and the key's leading column finds a member's keys for that. One foreign-key
    # check a row, not two, and no surrogate id: ingest writes ~30 of these an article.
    event_id: Mapped[int] = mapped_column(
        ForeignKey("story_events.event_id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(STORY_KEY_LENGTH), primary_key=True)
    # No index of its own: stories are never deleted, so nothing finds keys by story (migration 0009).
    story_id: Mapped[int]
    date_start: Mapped[dt.date] = mapped_column(Date)
    date_end: Mapped[dt.date] = mapped_column(Date)


class DigestSubscriptionRow(Base):
    __tablename__ = "digest_subscriptions"
    __table_args__ = (CheckConstraint("cadence IN ('daily', 'weekly')", name="cadence"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(50), index=True)
    team: Mapped[str | None] = mapped_column(String(50))
    cadence: Mapped[str] = mapped_column(String(10), default="daily")
    weekday: Mapped[int | None] = mapped_column(Integer)  # 0 = Monday, for weekly digests
    time: Mapped[str] = mapped_column(String(5), default="08:00")  # "HH:MM" in `timezone`
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    topic: Mapped[str | None] = mapped_column(Text)
    post_empty: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_posted_at: Mapped[datetime | None]


class DigestRunRow(Base):
    """One scheduled posting of a subscription; the unique (subscription, slot) is the claim."""

    __tablename__ = "digest_runs"
    __table_args__ = (
        UniqueConstraint("subscription_id", "slot"),
        CheckConstraint("status IN ('claimed', 'posted', 'failed', 'unknown')", name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    subscription_id: Mapped[int] = mapped_column(ForeignKey("digest_subscriptions.id", ondelete="CASCADE"))
    slot: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(10), default="claimed")
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    error: Mapped[str | None] = mapped_column(Text)
    claimed_at: Mapped[datetime] = mapped_column(default=utcnow)
    posted_at: Mapped[datetime | None]
    message_ts: Mapped[str | None] = mapped_column(String(50))


class AdminActionRow(Base):
    __tablename__ = "admin_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(100))
    detail: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    workspace: Mapped[str] = mapped_column(String(50), index=True)  # whose admin acted (migration 0019)


def include_in_autogenerate(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """Alembic `include_object` hook: leave the hand-written full-text objects out of autogenerate.

    The FTS5 tables (and their shadow tables), the tsvector column and its GIN index exist only
    in the database; without this every autogenerate would propose dropping them.
    """
    if not name:
        return True
    if type_ == "index" and name in DIALECT_SPECIFIC_INDEXES:
        return False
    if type_ == "table" and any(name.startswith(f"{t}_fts") for t in SEARCHABLE_TABLES):
        return False
    if (
        type_ == "column"
        and (getattr(getattr(obj, "table", None), "name", None), name) in POSTGRES_ONLY_COLUMNS
    ):
        return False
    return not (type_ in ("column", "index") and "search_vector" in name)


# Columns only PostgreSQL's store has, written by its triggers, never by the models (migration 0021).
POSTGRES_ONLY_COLUMNS = {("story_events", "article_id")}


class ThreadQuestionRow(Base):
    """The last question asked in a Slack thread or DM (handlers.domain.AskedQuestion): one row a
    thread, replaced by each new question there, read by whichever worker gets the reply."""

    __tablename__ = "thread_questions"
    __table_args__ = (UniqueConstraint("channel", "thread"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(50))
    thread: Mapped[str] = mapped_column(String(50))
    command: Mapped[str] = mapped_column(String(10))
    person: Mapped[str | None] = mapped_column(Text)
    topic: Mapped[list[str]] = mapped_column(default=list)
    since: Mapped[dt.date | None] = mapped_column(Date)
    until: Mapped[dt.date | None] = mapped_column(Date)
    page_limit: Mapped[int | None] = mapped_column(Integer)
    next_offset: Mapped[int] = mapped_column(Integer, default=0)
    asked_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    workspace: Mapped[str] = mapped_column(String(50))  # where it was asked (migration 0019)


class WatchRow(Base):
    """An alert watch (handlers.domain.Watch): a channel's, or a user's own when `channel` is NULL."""

    __tablename__ = "watches"
    __table_args__ = (CheckConstraint("kind IN ('person', 'topic')", name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    subject: Mapped[str] = mapped_column(Text)
    channel: Mapped[str | None] = mapped_column(String(50), index=True)
    owner: Mapped[str] = mapped_column(String(100), index=True)
    team: Mapped[str | None] = mapped_column(String(50))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    checked_until: Mapped[datetime | None]


class AlertBatchRow(Base):
    """One posting of a watch's new facts, with the facts as posted (JSON), so a retry posts the same."""

    __tablename__ = "alert_batches"
    __table_args__ = (CheckConstraint("status IN ('claimed', 'posted', 'failed')", name="status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    watch_id: Mapped[int] = mapped_column(ForeignKey("watches.id", ondelete="CASCADE"), index=True)
    facts: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(10), default="claimed")
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    error: Mapped[str | None] = mapped_column(Text)
    claimed_at: Mapped[datetime] = mapped_column(default=utcnow)
    posted_at: Mapped[datetime | None]
    message_ts: Mapped[str | None] = mapped_column(String(50))


class AlertDeliveryRow(Base):
    """A fact claimed for a watch by one batch; the unique (watch, kind, fact) is the exactly-once claim.

    No foreign key to the fact: events, quotes and figures are three tables, and a fact deleted
    with its article leaves its delivery as the record that it was posted.
    """

    __tablename__ = "alert_deliveries"
    __table_args__ = (
        UniqueConstraint("watch_id", "kind", "fact_id"),
        CheckConstraint("kind IN ('event', 'quote', 'figure')", name="kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    watch_id: Mapped[int] = mapped_column(ForeignKey("watches.id", ondelete="CASCADE"))
    batch_id: Mapped[int] = mapped_column(ForeignKey("alert_batches.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    fact_id: Mapped[int] = mapped_column(Integer)


# Slack installations live in their own module; imported here so `Base.metadata` holds them.
from store import orm_slack as _orm_slack  # noqa: E402,F401
from store import orm_tenancy as _orm_tenancy  # noqa: E402,F401
