"""Commands the three questions take, and the result models handlers return.

Renderers (Block Kit in bot/slack, plain text in bot/console) work only from these.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from extract.models import Bound, Change, QuoteKind
from extract.timex.dates import date_range
from handlers.domain import ArticleRef, DatePrecision, Page, Person
from handlers.errors import UserError
from handlers.tenancy import DEFAULT_WORKSPACE


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


# How much of the topic a heading shows: a pasted paragraph must not become the heading.
TOPIC_SHOWN = 60


def clip(text: str, most: int) -> str:
    """`text` cut to at most `most` characters at a word boundary, "…" marking the cut."""
    if len(text) <= most:
        return text
    cut = text[: most - 1]
    if " " in cut.strip():
        cut = cut[: cut.rstrip().rfind(" ")]
    return cut.rstrip(" ,;:-") + "…"


class FactQuery(_Model):
    """`[topic words] [since DATE] [until DATE] [limit N]`, parsed."""

    text: str = ""  # what the user typed, for echoing back
    terms: list[str] = Field(default_factory=list)
    since: date | None = None
    until: date | None = None
    limit: int = 10
    offset: int = 0

    def describe(self) -> str:
        """What was searched, in words: "drones since 2025-09-01"."""
        parts = [clip(" ".join(self.terms), TOPIC_SHOWN) or "everything"]
        if self.since:
            parts.append(f"since {self.since.isoformat()}")
        if self.until:
            parts.append(f"until {self.until.isoformat()}")
        return " ".join(parts)


class TimelineQuery(FactQuery):
    # Set on the query of an answer with entries to order (handlers.commands.show_timeline): the
    # heading then says how they read, page after page.
    order: str = ""

    def describe(self) -> str:
        described = super().describe()
        return f"{described}, {self.order}" if self.order else described


class WhoSaidQuery(FactQuery):
    pass


class FiguresQuery(FactQuery):
    pass


class TimelineEntry(_Model):
    """One happening on the timeline, with every article that reported it."""

    date: str  # "YYYY-MM-DD", "YYYY-MM" or "YYYY"
    precision: DatePrecision
    summary: str
    actors: list[str] = Field(default_factory=list)
    places: list[str] = Field(default_factory=list)
    sources: list[ArticleRef]
    story_id: int | None = None  # the stored story (for /briefbot stories split)
    reports: int = 1  # stored events merged into this entry
    scheduled: bool = False  # its reports say it is to happen

    @property
    def corroboration(self) -> int:
        return len({s.outlet or s.url or s.id for s in self.sources})

    @property
    def upcoming(self) -> bool:
        """Still to come as its reports tell it: scheduled, or dated after every report's day."""
        if self.scheduled:
            return True
        days = [s.published for s in self.sources if s.published is not None]
        start = date_range(self.date)
        return bool(days) and start is not None and start[0] > max(days)


class TimelineResult(_Model):
    query: TimelineQuery
    entries: list[TimelineEntry]
    page: Page
    suggestion: str | None = None  # when nothing matched: a broader query to try

    @property
    def coming_up(self) -> int:
        """Where the entries still to come begin (the page's last ones, in date order); len(entries)
        when none are. An upcoming entry before a past one is marked on its own."""
        i = len(self.entries)
        while i > 0 and self.entries[i - 1].upcoming:
            i -= 1
        return i


class QuoteEntry(_Model):
    speaker: str | None
    speaker_role: str | None = None
    text: str
    kind: QuoteKind
    said_on: date | None = None  # the article's date unless the text dates it
    cue: str | None = None  # the article's verb of saying ("warned"), which reported speech reads with
    source: ArticleRef

    @property
    def carries_marks(self) -> bool:
        """A partial quote whose text holds its own quotation marks inside the paraphrase
        (`had "narrowed the gap"`): shown as it is, not wrapped in another pair."""
        return self.kind == "partial" and any(c in self.text for c in '"“”‘’«»')


class WhoSaidResult(_Model):
    query: WhoSaidQuery
    matched: Literal["person", "topic", "none"]
    people: list[Person] = Field(default_factory=list)  # who the query named, when it named someone
    quotes: list[QuoteEntry]
    page: Page
    suggestion: str | None = None


class FigureReport(_Model):
    """One source's figure."""

    text: str
    value: float
    value_max: float | None = None
    unit: str | None = None
    bound: Bound = "="
    change: Change | None = None
    about: str | None = None
    sentence: str
    source: ArticleRef
    # The day of the stored happening the sentence tells of (None: no event holds it): reports
    # published on different days disagree only about one such day.
    happening: str | None = None


class FigureGroup(_Model):
    """Figures about the same thing; more than one report may disagree (`conflict`)."""

    about: str | None
    unit: str | None
    reports: list[FigureReport]
    conflict: bool = False  # reports from different articles whose values cannot both hold
    # The days the disagreeing reports are about, when the group's reports span several days (a
    # reader should not take Tuesday's count against Saturday's): "sources disagree about 8 Mar".
    disputed: list[str] = Field(default_factory=list)
    low: float | None = None  # the range all reports together allow
    high: float | None = None
    latest: FigureReport | None = None  # when later reports revise earlier ones (a rising toll)
    history: list[FigureReport] = Field(default_factory=list)  # the earlier values, newest first


class FiguresResult(_Model):
    query: FiguresQuery
    groups: list[FigureGroup]
    page: Page
    suggestion: str | None = None


class QueryError(UserError):
    """A query the user typed that we cannot read; the message says what is wrong."""


class IngestArticle(_Model):
    """One article to store: its text and whatever we know about where it comes from."""

    text: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    source_id: int | None = None
    guid: str | None = None
    published_from: str | None = None  # whence `published` ("the page's metadata"), said at ingest
    # The user asks for this date: the same text already stored under another date is re-dated
    # (a feed's copy of a stored article, dated otherwise, is still only a duplicate).
    redate: bool = False
    # Who may read it (handlers.tenancy): an article from a source is opened to the workspaces
    # following the source; one ingested by hand, to the workspace ingesting it.
    workspace: str = DEFAULT_WORKSPACE


class IngestResult(_Model):
    """What ingesting one article did: stored (with counts), already known, or rejected (why)."""

    status: Literal["stored", "duplicate", "rejected"]
    message: str
    article: ArticleRef | None = None
    events: int = 0
    quotes: int = 0
    figures: int = 0
    people: int = 0
    # the article's length when its text was too long and was stored cut (handlers/article_size.py)
    cut_from: int | None = None

    @property
    def ok(self) -> bool:
        return self.status != "rejected"


class HelpResult(_Model):
    """How to use a command (or all of them), with a note above when the words were not understood."""

    kind: Literal["help"] = "help"
    command: str | None = None
    text: str
    note: str | None = None


class Refused(_Model):
    """An admin command asked by someone who is not an admin; `what` names the act refused."""

    what: str
