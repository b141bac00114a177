"""Stories: events merged into happenings, each membership with the score and reasons of its merge."""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    delete,
    func,
    select,
    text,
)
from sqlalchemy.orm import Session

from handlers.domain import ArticleRef, FactSearch, Story, StoryHeadline, StoryKeys, StoryMember
from handlers.headline_words import stored_words
from handlers.stories import SHOWN_FROM_NEWEST, shown
from handlers.tenancy import ALL_WORKSPACES
from store.bulk_insert import insert_rows
from store.orm import ArticleRow, EventRow, StoryEventRow, StoryKeyRow, StoryRow
from store.postgres_rows import integer_array, json_rows, postgres_rows
from store.repositories.events import date_range
from store.repositories.pending_events import flush_events, pending_event_ids
from store.repositories.story_outlets import count_joined, recount
from store.repositories.story_search import newest_matching
from store.repositories.story_statements import (
    ARMS_STEP,
    KEY_POSTINGS_POSTGRESQL,
    LATEST_MEMBERS_POSTGRESQL,
    LATEST_MEMBERS_SQLITE,
    MAX_ARMS_SQLITE,
    MEMBER_ROWS_POSTGRESQL,
    key_postings_sqlite,
    light_member,
    story_members_query,
    update_story_statement,
)
from store.row_ids import RowIds
from store.sqlite_rows import member_rows_sqlite, sqlite_rows
from store.story_keys import key_rows, stored_key
from store.tenancy import session_workspace, visible_articles
from store.types import utcnow

# Advisory lock id of story merging on PostgreSQL (any constant the app uses for nothing else;
# the migration lock is another).
MERGE_LOCK_KEY = 0x62726965666D67  # "briefmg"

# A report is looked up by at most this many of its keys (each read for at most PER_KEY members).
_MAX_KEYS = 40


class SqlStoryRepository:
    def __init__(self, session: Session) -> None:
        self._session = session
        # Members read in this transaction, by event id. A stored event never changes, and this
        # repository lives for one transaction, so nothing here can be stale or rolled back; a
        # batch of articles reads the same members again and again (the day's stories).
        self._members: dict[int, StoryMember] = {}
        # Links, keys and shown fields written since the last read, sent in one statement a kind
        # when something reads the story tables or the unit of work commits (`flush`): ingest
        # writes ~10 rows an event, and one statement each cost more than the rest of the merge.
        self._new_stories: list[dict[str, Any]] = []
        self._ids: RowIds | None = None
        self._new_links: list[dict[str, Any]] = []
        self._new_keys: list[dict[str, Any]] = []
        # _new_keys by key, then by the member's days: a batch buffers ~1,500 postings, mostly of
        # few days, so a report tests the days of each group rather than of each posting.
        self._buffered_keys: dict[str, dict[tuple[date, date], list[tuple[int, int]]]] = {}
        # Stored postings (story id, event id) read in this transaction, by (key, first day, last day).
        self._postings: dict[tuple[str, date, date], list[tuple[int, int]]] = {}
        # The stored members best sharing a report's keys, by (limit, *keys read): see `_stored_ranked`.
        self._ranking: dict[tuple[object, ...], list[tuple[int, int, int]]] = {}
        self._new_shown: dict[int, dict[str, Any]] = {}
        # Stories that members left since the last flush: their outlets are counted again there from
        # the members left (members joining only add to the count: `story_outlets.count_joined`).
        self._recount: set[int] = set()

    def lock_for_merging(self) -> None:
        """Hold the store's story-merging lock until this transaction ends.

        Two processes ingesting reports of one happening at once would each miss the other's
        uncommitted story and start their own. On PostgreSQL a transaction-scoped advisory lock
        makes their merges take turns (extraction, before the transaction, still runs in
        parallel). SQLite already lets one writer at a time: the worker's transactions take its
        write lock up front (BEGIN IMMEDIATE).
        """
        if self._session.get_bind().dialect.name == "postgresql":
            self._session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MERGE_LOCK_KEY})

    def flush(self) -> None:
        """Send the buffered writes to the database (the unit of work calls this before committing)."""
        flush_events(self._session)  # the members the links and keys refer to
        conn = self._session.connection()
        if self._new_stories:
            insert_rows(conn, StoryRow, self._new_stories)
            self._new_stories = []
        joined = [link["event_id"] for link in self._new_links]
        if self._new_links:
            insert_rows(conn, StoryEventRow, self._new_links)
            self._new_links = []
        if self._new_keys:
            insert_rows(conn, StoryKeyRow, self._new_keys)
            self._new_keys = []
            self._buffered_keys = {}
            self._forget_postings()  # what was read no longer holds the postings just written
        if self._new_shown:
            conn.execute(update_story_statement(), list(self._new_shown.values()))
            self._new_shown = {}
        count_joined(conn, joined)
        if self._recount:  # after members left: these stories' outlets are counted from the rest
            recount(conn, sorted(self._recount))
            self._recount = set()

    def matching_members(
        self, reports: Sequence[StoryKeys], *, limit: int = 50
    ) -> list[list[tuple[int, StoryMember]]]:
        """For each report, the stored members (story id, member) dated within its days that share
        any of its keys; those sharing most first, at most `limit` a report.

        Members carry what matching needs: their article is its id only, and they have no merge
        score or reasons.
        """
        wanted = [_wanted(r) for r in reports]
        self._read_postings([one for keys in wanted for one in keys])
        hits = [self._ranked(report, keys, limit) for report, keys in zip(reports, wanted, strict=True)]
        members = self._read_members([event_id for found in hits for _, event_id in found])  # one query
        return [[(story_id, members[event_id]) for story_id, event_id in found] for found in hits]

    def read_ahead(self, reports: Sequence[StoryKeys], *, limit: int = 50) -> None:
        """Read now, together, what `matching_members` will need for these reports in this transaction.

        A batch's articles are matched one after the other, and each one's look-up was two
        statements (on PostgreSQL, two round trips and the server's parsing of them): read ahead,
        a batch's look-ups are one statement of postings and one of members. What is read stays
        right for the whole transaction: stored postings cannot change under the merge lock, and
        the members this reads are every stored one that can rank among a report's first `limit`
        once the transaction's own new members are counted too (those only push stored ones down).
        """
        wanted = [_wanted(r) for r in reports]
        # Ids for the stories the reports will start, taken in one go: about one report in two
        # starts one (0.46 in the generated corpus); more are taken in growing blocks as needed.
        self._story_ids().reserve(len(reports) // 2)
        self._read_postings([one for keys in wanted for one in keys])
        self._read_members(
            [event_id for keys in wanted for _, event_id, _ in self._stored_ranked(keys, limit)]
        )

    def _ranked(
        self, report: StoryKeys, keys: list[tuple[str, date, date]], limit: int
    ) -> list[tuple[int, int]]:
        """The report's first `limit` members (story id, event id), stored or this transaction's own:
        most keys shared first, then the newest. Its postings are read."""
        new: Counter[tuple[int, int]] = Counter()
        for key, _, _ in keys:
            for (start, end), postings in self._buffered_keys.get(key, {}).items():
                if end >= report.start and start <= report.end:
                    new.update(postings)
        # The new members are no stored member (their events are new): their counts add to none.
        ranked = [
            *self._stored_ranked(keys, limit),
            *((count, event_id, story_id) for (story_id, event_id), count in new.items()),
        ]
        if new:
            ranked = sorted(ranked, reverse=True)[:limit]
        return [(story_id, event_id) for _, event_id, story_id in ranked]

    def _stored_ranked(self, keys: list[tuple[str, date, date]], limit: int) -> list[tuple[int, int, int]]:
        """(keys shared, event id, story id) of the first `limit` stored members sharing these keys,
        best first; kept for the transaction (`read_ahead` ranks what `matching_members` ranks again)."""
        token = (limit, *keys)
        found = self._ranking.get(token)
        if found is None:
            shared: Counter[tuple[int, int]] = Counter()
            for one in keys:
                shared.update(self._postings[one])  # counted in C: ~1,000 postings a report
            found = self._ranking[token] = sorted(
                [(count, event_id, story_id) for (story_id, event_id), count in shared.items()], reverse=True
            )[:limit]
        return found

    def _read_postings(self, wanted: list[tuple[str, date, date]]) -> None:
        """Read the stored postings (story id, event id) of each (key, first day, last day) not read yet.

        A batch of articles asks for the same keys over the same days again and again (half of its
        look-ups, on the generated news): each is read once a transaction, all of a batch's in one
        statement when read ahead. The stored postings cannot change meanwhile: this transaction
        holds the merge lock (SQLite's write lock), and its own new postings are kept apart, in
        `_buffered_keys`.
        """
        missing = [one for one in dict.fromkeys(wanted) if one not in self._postings]
        if not missing:
            return
        for one in missing:
            self._postings[one] = []
        conn = self._session.connection()
        if conn.dialect.name == "postgresql":
            as_json = json_rows(_postgres_arms(missing))
            self._file(missing, postgres_rows(conn, KEY_POSTINGS_POSTGRESQL, (as_json,)))
            return
        for first in range(0, len(missing), MAX_ARMS_SQLITE):
            part = missing[first : first + MAX_ARMS_SQLITE]
            arms = -(-len(part) // ARMS_STEP) * ARMS_STEP
            self._file(part, sqlite_rows(conn, key_postings_sqlite(arms), _sqlite_arms(part, arms)))

    def _file(self, wanted: list[tuple[str, date, date]], rows: Iterable[Sequence[Any]]) -> None:
        """Postings read as (arm, story id, event id) rows, under what the arm asked for."""
        for arm, story_id, event_id in rows:
            self._postings[wanted[arm]].append((story_id, event_id))

    def members(self, story_id: int, *, newest: int | None = None) -> list[StoryMember]:
        """A story's members as matching needs them (article id only, no merge reasons), in join order.

        With `newest`, only that many of the latest.
        """
        if newest is not None:
            return self.latest_members([story_id], newest=newest)[story_id]
        stored = (
            self._session.connection().execute(story_members_query(), {"story_id": story_id}).scalars().all()
        )
        ids = [*reversed(stored), *self._buffered_members(story_id)]
        found = self._read_members(ids)
        return [found[i] for i in ids]

    def latest_members(self, story_ids: Sequence[int], *, newest: int) -> dict[int, list[StoryMember]]:
        """Each story's latest `newest` members, in join order (as `members` gives them), read together."""
        stored: dict[int, list[int]] = {i: [] for i in story_ids}  # newest first
        conn = self._session.connection()
        if conn.dialect.name == "postgresql":  # one round trip for the lot
            for story_id, event_id in conn.execute(
                LATEST_MEMBERS_POSTGRESQL, {"ids": list(stored), "newest": newest}
            ):
                stored[story_id].append(event_id)
        else:  # a statement a story, run by the driver: ~50 stories a batch, each read by its index
            for story_id in stored:
                stored[story_id] = [
                    i for (i,) in sqlite_rows(conn, LATEST_MEMBERS_SQLITE, (story_id, newest))
                ]
        ids = {
            i: [*reversed(events), *self._buffered_members(i)][-newest:] if newest else []
            for i, events in stored.items()
        }
        found = self._read_members([e for events in ids.values() for e in events])
        return {i: [found[e] for e in events] for i, events in ids.items()}

    def _buffered_members(self, story_id: int) -> list[int]:
        # Links still buffered are the newest: they come after the stored ones, as their ids will.
        return [link["event_id"] for link in self._new_links if link["story_id"] == story_id]

    def _read_members(self, event_ids: list[int]) -> dict[int, StoryMember]:
        missing = list(dict.fromkeys(i for i in event_ids if i not in self._members))
        if missing and not pending_event_ids(self._session).isdisjoint(missing):
            flush_events(self._session)
        if missing:
            conn = self._session.connection()
            rows = (
                member_rows_sqlite(conn, missing)
                if conn.dialect.name == "sqlite"
                else postgres_rows(conn, MEMBER_ROWS_POSTGRESQL, (integer_array(missing),))
            )
            for row in rows:
                self._members[row[0]] = light_member(*row)
        return self._members

    def _story_ids(self) -> RowIds:
        if self._ids is None:
            self._ids = RowIds(self._session.connection(), "stories", max_block=32)
        return self._ids

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
        """A new story holding one event, which is in no story (`detach` it first); its id."""
        span = date_range(date)
        story_id = self._story_ids().new()
        self._new_stories.append(
            {
                "id": story_id,
                "date": date,
                "date_start": span[0],
                "date_end": span[1],
                "summary": summary,
                "actors": list(actors),
                "places": list(places),
                "words": stored_words(summary, actors, places),
                "created_at": utcnow(),
                "outlets": 0,
            }
        )
        self._link(story_id, event_id, score=None, reason=None, keys=keys, member=member)
        return story_id

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
        self._link(story_id, event_id, score=score, reason=dict(reason), keys=keys, member=member)

    def detach(self, event_id: int) -> None:
        """Take an event out of its story (before `start` puts it in a new one)."""
        self.flush()
        left = self._session.execute(
            delete(StoryEventRow).where(StoryEventRow.event_id == event_id).returning(StoryEventRow.story_id)
        )
        self._recount.update(left.scalars())  # its keys went with the membership (cascade, migration 0011)
        self._forget_postings()

    def _forget_postings(self) -> None:
        """Drop the postings read, and the rankings made of them: the stored keys changed."""
        self._postings = {}
        self._ranking = {}

    def _link(
        self,
        story_id: int,
        event_id: int,
        *,
        score: float | None,
        reason: dict[str, object] | None,
        keys: StoryKeys | None,
        member: StoryMember | None,
    ) -> None:
        # Core statements, not ORM objects: ingest links several events an article.
        self._new_links.append(
            {
                "story_id": story_id,
                "event_id": event_id,
                "score": score,
                "reason": reason,
                "added_at": utcnow(),
            }
        )
        if member is not None and member.event_id == event_id:
            self._members[event_id] = member  # the caller's copy: no need to read it back
        if keys is not None and keys.keys:
            rows = key_rows(story_id, event_id, (keys.start, keys.end), keys.keys)
            self._new_keys += rows
            days, posting = (keys.start, keys.end), (story_id, event_id)
            for row in rows:
                self._buffered_keys.setdefault(row["key"], {}).setdefault(days, []).append(posting)

    def update(
        self, story_id: int, *, date: str, summary: str, actors: Sequence[str], places: Sequence[str]
    ) -> None:
        """Replace what the story shows (date, best summary, actors, places)."""
        start, end = date_range(date)
        self._new_shown[story_id] = {
            "story_id": story_id,
            "date": date,
            "date_start": start,
            "date_end": end,
            "summary": summary,
            "actors": list(actors),
            "places": list(places),
            "words": stored_words(summary, actors, places),
        }

    def _visible(self, article_id: Any) -> list[ColumnElement[bool]]:
        return visible_articles(article_id, session_workspace(self._session, "reading stories"))

    def get(self, story_id: int) -> Story | None:
        """A story with all its members, or None."""
        self.flush()
        found = self._load([story_id])
        return found[0] if found else None

    def story_of_event(self, event_id: int) -> int | None:
        """The story an event is in."""
        self.flush()
        return self._session.scalar(select(StoryEventRow.story_id).where(StoryEventRow.event_id == event_id))

    def search(self, search: FactSearch, *, cap: int = 500) -> list[StoryHeadline]:
        """Stories with a member event matching the terms, in the window; at most `cap`, newest first.

        Headlines only: loading 500 candidates with every report and its article cost a timeline
        90-150 ms at a million facts, when the page shows ten of them (`load` those).
        """
        self.flush()
        # Our own columns: no validation needed (for 500 rows it costs more than the query).
        return [
            StoryHeadline.model_construct(
                id=i, date=when, corroboration=outlets, words=frozenset(words.split())
            )
            for i, when, outlets, words in newest_matching(self._session, search, cap=cap)
        ]

    def load(self, ids: Sequence[int]) -> list[Story]:
        """The stories with these ids, with all their members, in the order of `ids`."""
        self.flush()
        return self._load(list(ids))

    def stories_at(self, spans: Sequence[tuple[int, int]]) -> dict[tuple[int, int], int]:
        """For (article id, offset) pairs, the story of the event whose sentence holds the offset."""
        self.flush()
        articles = {a for a, _ in spans}
        if not articles:
            return {}
        rows = self._session.execute(
            select(EventRow.article_id, EventRow.start, EventRow.end, StoryEventRow.story_id)
            .join(StoryEventRow, StoryEventRow.event_id == EventRow.id)
            .where(EventRow.article_id.in_(articles), *self._visible(EventRow.article_id))
        ).all()
        found: dict[tuple[int, int], int] = {}
        for article_id, offset in spans:
            for a, start, end, story_id in rows:
                if a == article_id and start <= offset < end:
                    found[(article_id, offset)] = story_id
                    break
        return found

    def event_dates_at(self, spans: Sequence[tuple[int, int]]) -> dict[tuple[int, int], str]:
        """For (article id, offset) pairs, the date of the stored event whose sentence holds the offset."""
        self.flush()
        articles = {a for a, _ in spans}
        if not articles:
            return {}
        rows = self._session.execute(
            select(EventRow.article_id, EventRow.start, EventRow.end, EventRow.date).where(
                EventRow.article_id.in_(articles), *self._visible(EventRow.article_id)
            )
        ).all()
        found: dict[tuple[int, int], str] = {}
        for article_id, offset in spans:
            for a, start, end, day in rows:
                if a == article_id and start <= offset < end:
                    found[(article_id, offset)] = day
                    break
        return found

    def _load(self, ids: list[int]) -> list[Story]:
        if not ids:
            return []
        workspace = session_workspace(self._session, "reading stories")
        stories = {
            r.id: r
            for r in self._session.execute(
                select(StoryRow.id, StoryRow.date, StoryRow.summary, StoryRow.actors, StoryRow.places).where(
                    StoryRow.id.in_(ids)
                )
            )
        }
        members: dict[int, list[StoryMember]] = {i: [] for i in ids}
        # Plain columns, not ORM objects: ingest reads up to 200 stories' members for every article
        # and a timeline up to 500, and building entities for them cost more than the query.
        rows = self._session.execute(
            select(
                StoryEventRow.story_id,
                StoryEventRow.score,
                StoryEventRow.reason,
                EventRow.id,
                EventRow.date,
                EventRow.summary,
                EventRow.actors,
                EventRow.places,
                EventRow.start,
                ArticleRow.id,
                ArticleRow.url,
                ArticleRow.title,
                ArticleRow.outlet,
                ArticleRow.published,
            )
            .join(EventRow, EventRow.id == StoryEventRow.event_id)
            .join(ArticleRow, ArticleRow.id == EventRow.article_id)
            .where(StoryEventRow.story_id.in_(ids), *visible_articles(EventRow.article_id, workspace))
            .order_by(StoryEventRow.id)
        ).all()
        for (
            story_id,
            score,
            reason,
            event_id,
            when,
            summary,
            actors,
            places,
            start,
            article_id,
            url,
            title,
            outlet,
            published,
        ) in rows:
            members[story_id].append(
                StoryMember(
                    event_id=event_id,
                    date=when,
                    summary=summary,
                    actors=list(actors),
                    places=list(places),
                    start=start,
                    article=ArticleRef(
                        id=article_id, url=url, title=title, outlet=outlet, published=published
                    ),
                    score=score,
                    reason=reason,
                )
            )
        loaded = [
            Story(
                id=i,
                date=stories[i].date,
                summary=stories[i].summary,
                actors=list(stories[i].actors),
                places=list(stories[i].places),
                members=members[i],
            )
            for i in ids
            if i in stories
        ]
        if workspace == ALL_WORKSPACES:
            return loaded
        return self._as_seen(loaded)

    def _as_seen(self, loaded: list[Story]) -> list[Story]:
        """The stories as a workspace sees them: only its members, and what it shows made of them.

        A story none of whose reports the workspace may read is left out; one some of whose are
        hidden shows the date, summary, actors and places of its visible ones only, as a story of
        just those would (never a sentence from an article the workspace cannot see).
        """
        ids = [story.id for story in loaded]
        totals = dict(
            self._session.execute(
                select(StoryEventRow.story_id, func.count())
                .where(StoryEventRow.story_id.in_(ids))
                .group_by(StoryEventRow.story_id)
            ).all()
        )
        seen: list[Story] = []
        for story in loaded:
            if not story.members:
                continue
            if len(story.members) < totals.get(story.id, 0):
                when, summary, actors, places = shown(story.members[-SHOWN_FROM_NEWEST:])
                story = story.model_copy(
                    update={"date": when, "summary": summary, "actors": actors, "places": places}
                )
            seen.append(story)
        return seen


def _last_days(day: date) -> tuple[date | None, date | None]:
    """The last day of the month and of the year holding `day`; None where that is `day` itself.

    A month or a year overlapping `day` that does not end by it ends on one of these: the look-up
    reads them as equalities (`day` itself is in the range it reads).
    """
    month_end = date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
    year_end = date(day.year, 12, 31)
    return (month_end if month_end > day else None), (year_end if year_end > day else None)


def _sqlite_arms(wanted: list[tuple[str, date, date]], arms: int) -> tuple[object, ...]:
    """The parameters of `key_postings_sqlite(arms)` reading `wanted`, padded with arms matching nothing."""
    values: list[object] = []
    for arm, (key, since, until) in enumerate(wanted):
        month_end, year_end = _last_days(until)
        first, last = since.isoformat(), until.isoformat()
        values += [arm, key, first, last, arm, key, _iso(month_end), last, arm, key, _iso(year_end), last]
    filler = [-1, "", "", "", -1, "", None, "", -1, "", None, ""]  # no key is empty: matches nothing
    return (*values, *filler * (arms - len(wanted)))


def _postgres_arms(wanted: list[tuple[str, date, date]]) -> list[tuple[str | None, ...]]:
    """The rows of `KEY_POSTINGS_POSTGRESQL`'s JSON parameter reading `wanted`, in order."""
    arms: list[tuple[str | None, ...]] = []
    for key, since, until in wanted:
        month_end, year_end = _last_days(until)
        arms.append((key, since.isoformat(), until.isoformat(), _iso(month_end), _iso(year_end)))
    return arms


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _wanted(report: StoryKeys) -> list[tuple[str, date, date]]:
    """What a report's postings are read by: (key, first day, last day), a key at a time."""
    return [(key, report.start, report.end) for key in _lookup_keys(report)]


def _lookup_keys(report: StoryKeys) -> list[str]:
    """The keys a report is looked up by: names first, as they say most about a happening."""
    names_first = sorted(report.keys, key=lambda k: not k.startswith("n:"))
    return list(dict.fromkeys(stored_key(k) for k in names_first))[:_MAX_KEYS]
