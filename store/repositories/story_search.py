"""A timeline's candidates: the newest stories (by date_end, id) whose reports match the topic.

A story matches when every word of the topic is in one of its reports (their sentences, names,
and their articles' titles and leads: see store.repositories.events.event_search_text), not
necessarily all in the same one. Each candidate is read as a headline row (id, date, outlets,
words): what ranking needs, kept on the story's row.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    CompoundSelect,
    Integer,
    Row,
    Select,
    any_,
    bindparam,
    column,
    exists,
    func,
    intersect,
    literal_column,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session, aliased

from handlers.domain import FactSearch
from handlers.tenancy import ALL_WORKSPACES
from store.fact_search import fts_ids, is_common, matches_all
from store.orm import EventRow, StoryEventRow, StoryRow
from store.repositories.story_search_cost import by_rarity, member_holds
from store.search_text import query_tokens
from store.tenancy import search_workspace, visible_articles

Headline = Row[int, str, int, str]

# SQLite reads a common word's matches in bands of the newest stories (see _sqlite_banded) when
# it has at least _BANDED_MATCHES times `cap` matches: a band of _BAND times `cap` stories costs
# about what building the temporary index of that many matches does. Whether it has is estimated
# from the newest _SAMPLE times `cap` reports (counting every match of "officials" cost 6 ms).
_BANDED_MATCHES = 100
_BAND = 4
_LAST_BAND = 16
_SAMPLE = 20


def newest_matching(session: Session, search: FactSearch, *, cap: int) -> Sequence[Headline]:
    """Headline rows of the newest `cap` stories in the window with a member event matching the terms."""
    window: list[ColumnElement[bool]] = []
    if search.since:
        window.append(StoryRow.date_end >= search.since)
    if search.until:
        window.append(StoryRow.date_start <= search.until)
    tokens = query_tokens(search.terms)
    workspace = search_workspace(session, search, "a story search")
    if workspace != ALL_WORKSPACES:
        return session.execute(_seen_by(session, workspace, window, tokens, cap, since=search.since)).all()
    members = select(StoryEventRow.id).where(StoryEventRow.story_id == StoryRow.id)
    if not tokens:
        return session.execute(_headlines(window, members.exists(), cap=cap)).all()
    if len(tokens) > 1:
        return _across_reports(session, window, tokens, cap, since=search.since)
    # With a million events, "stories that have a matching member" must not build the set of
    # every matching story first: stories are walked newest first (date_end, id index) and each
    # is probed through its members; only a rare word is better looked up from its matches.
    if not is_common(session, "events", tokens):
        matching = (
            select(StoryEventRow.story_id)
            .join(EventRow, EventRow.id == StoryEventRow.event_id)
            .where(matches_all(session, "events", EventRow.id, tokens))
        )
        rare = _headlines([*window, StoryRow.id.in_(matching)], members.exists(), cap=cap)
        return session.execute(rare).all()
    if session.get_bind().dialect.name == "sqlite":
        found = _sqlite_banded(session, window, tokens, cap)
        if found is not None:
            return found
    probed = members.join(EventRow, EventRow.id == StoryEventRow.event_id).where(
        matches_all(session, "events", EventRow.id, tokens, walk_order=True)
    )
    return session.execute(_headlines(window, probed.exists(), cap=cap)).all()


def _sqlite_banded(
    session: Session, window: list[ColumnElement[bool]], tokens: list[str], cap: int
) -> Sequence[Headline] | None:
    """A common word's newest matching stories on SQLite, or None when the whole walk is cheaper.

    SQLite probes `IN (full-text matches)` against a temporary index of every match, which it
    builds first: for "officials" (166k of 267k events at a million facts) that took 20 of the
    timeline's 30 ms, when the newest few hundred stories' reports are a narrow band of event ids.
    So the newest stories are looked at first, with only the matches from their lowest report id
    up; should fewer than `cap` of them match, a band as large as their share of matches says is
    needed is tried once, then the whole walk.
    """
    if not _worth_banding(session, tokens, cap):
        return None
    band = _BAND * cap
    for _ in range(2):
        newest = select(StoryRow.id).where(*window).order_by(*_NEWEST_FIRST).limit(band)
        stories, lowest = session.execute(
            select(
                select(func.count()).select_from(newest.subquery()).scalar_subquery(),
                select(func.min(StoryEventRow.event_id))
                .where(StoryEventRow.story_id.in_(newest))
                .scalar_subquery(),
            )
        ).one()
        if lowest is None:
            return [] if stories < band else None
        # Every report of these stories has an id of at least `lowest`: no match of theirs is left out.
        # The unary + as in store.fact_search: walk the stories, probe the matches.
        member = literal_column("+story_events.event_id", Integer)
        probed = select(StoryEventRow.id).where(
            StoryEventRow.story_id == StoryRow.id, member.in_(fts_ids("events", tokens, from_id=lowest))
        )
        banded = _headlines([*window, StoryRow.id.in_(newest)], probed.exists(), cap=cap)
        found = session.execute(banded).all()
        # Matching stories past these come after them: `cap` of them are the newest `cap` of all.
        if len(found) >= cap or stories < band:
            return found
        band = max(band * cap * 5 // (4 * max(len(found), 1)), band + 1)
        if band > _LAST_BAND * cap:
            break
    return None


def _worth_banding(session: Session, tokens: list[str], cap: int) -> bool:
    newest = session.scalar(select(func.max(EventRow.id))) or 0
    sample = _SAMPLE * cap
    recent = fts_ids("events", tokens, from_id=newest - sample + 1).subquery()
    hits = session.scalar(select(func.count()).select_from(recent)) or 0
    return hits * newest >= _BANDED_MATCHES * cap * min(sample, newest)


_NEWEST_FIRST = (StoryRow.date_end.desc(), StoryRow.id.desc())


def _across_reports(
    session: Session, window: list[ColumnElement[bool]], tokens: list[str], cap: int, *, since: date | None
) -> Sequence[Headline]:
    """The newest `cap` stories each of whose words some report has (one report need not have all).

    The rarest word finds the candidates when it is rare (its few stories, looked up from its
    matches); otherwise the stories are walked newest first. Either way each candidate is probed,
    word by word, through its own reports.
    """
    rarity = by_rarity(session, tokens, cap, since=since)
    if rarity.few:
        # The candidates have every word in `gathered` already; the rest are probed.
        gathered = rarity.gathered()
        probes = [_some_report_has(session, t, n) for n, t in enumerate(rarity.words) if t not in gathered]
        candidates = _candidates(session, gathered)
        return session.execute(_headlines([*window, StoryRow.id.in_(candidates)], *probes, cap=cap)).all()
    probes = [_some_report_has(session, t, n) for n, t in enumerate(rarity.words)]
    return session.execute(_headlines(window, *probes, cap=cap)).all()


def _candidates(
    session: Session, words: list[str], *, workspace: str | None = None
) -> Select[int] | CompoundSelect[int]:
    """The ids of the stories that have, for each of `words`, a report holding it: anyone's, but
    for the first (rarest) word one that `workspace` sees, when given.

    SQLite reads each word's stories from its matches by the report id alone (story_events'
    event_id index, no report read) and intersects them: "Saltreach derailed" at a million facts,
    549 stories from 9k and 19k matches, in 39 ms where the 9k stories of the rarer word, each
    probed, took 100. The rarest word's reports are read and probed for the workspace's access
    as one set: a workspace reading a tenth of the store then has a tenth of the candidates
    ("derailed" alone: 35 ms, where probing each of its 8k stories took 99).
    """
    if workspace is not None and session.get_bind().dialect.name == "postgresql":
        # The membership's own copy of its report's words and article (migration 0021), probed
        # for the workspace's access: no report read, no row-level policy on the way.
        opened = visible_articles(literal_column("story_events.article_id", Integer), workspace)
        rarest: Select[int] = select(StoryEventRow.story_id).where(member_holds(words[0]), *opened)
    elif workspace is not None:
        rarest = (
            select(StoryEventRow.story_id)
            .join(EventRow, EventRow.id == StoryEventRow.event_id)
            .where(
                matches_all(session, "events", EventRow.id, words[:1]),
                *visible_articles(EventRow.article_id, workspace),
            )
        )
    else:
        rarest = _stories_with(session, words[0], 0)
    others = [_stories_with(session, t, n) for n, t in enumerate(words[1:], start=1)]
    return intersect(rarest, *others) if others else rarest


def _stories_with(session: Session, token: str, n: int) -> Select[int]:
    """The ids of the stories with a report holding `token` (any workspace's), from the word's
    index by report id alone: SQLite's FTS5 ids, PostgreSQL's words on story_events (migration
    0021), never the reports' own rows."""
    if session.get_bind().dialect.name == "sqlite":
        matches = fts_ids("events", [token], param=f"gathered_{n}")
        return select(StoryEventRow.story_id).where(StoryEventRow.event_id.in_(matches))
    return select(StoryEventRow.story_id).where(member_holds(token))


def _some_report_has(session: Session, token: str, n: int) -> ColumnElement[bool]:
    """Whether one of the story's reports holds `token`, probed through the story's own reports
    (SQLite: in the word's matches, read once; PostgreSQL: the report's vector)."""
    if session.get_bind().dialect.name == "sqlite":
        # Not FTS5 "MATCH ... AND rowid = ?" a report: each such probe costs milliseconds. The
        # unary + keeps SQLite reading the story's reports by story, as in store.fact_search.
        matches = text(f"SELECT rowid FROM events_fts WHERE events_fts MATCH :across_{n}").bindparams(
            **{f"across_{n}": f'"{token}"'}
        )
        member = literal_column("+story_events.event_id", Integer)
        return exists(
            select(StoryEventRow.id).where(
                StoryEventRow.story_id == StoryRow.id, member.in_(matches.columns(column("rowid", Integer)))
            )
        )
    vector: ColumnElement[Any] = literal_column("events.search_vector")
    return exists(
        select(StoryEventRow.id)
        .join(EventRow, EventRow.id == StoryEventRow.event_id)
        .where(
            StoryEventRow.story_id == StoryRow.id,
            vector.op("@@", return_type=Boolean)(func.to_tsquery("simple", token)),
        )
    )


def _seen_by(
    session: Session,
    workspace: str,
    window: list[ColumnElement[bool]],
    tokens: list[str],
    cap: int,
    *,
    since: date | None,
) -> Select[int, str, int, str]:
    """The newest `cap` stories a workspace sees with each word in one of the reports it sees.

    Every probe goes through the story's reports in the workspace's articles, so a story is never
    found by the words of a report only another workspace may read.
    """
    sqlite = session.get_bind().dialect.name == "sqlite"

    def seen_member(
        *more: ColumnElement[bool], story: ColumnElement[int] | None = None, probe: bool = False
    ) -> ColumnElement[bool]:
        of_story = StoryEventRow.story_id == (StoryRow.id if story is None else story)
        if sqlite and more:
            # The word first (a look-up in its matches, read once), the workspace's access only for
            # a report that holds it: most stories probed hold none (62 ms against 80 for a narrow
            # two-word timeline at a million facts).
            seen = aliased(EventRow)
            opened = exists(
                select(seen.id).where(
                    seen.id == StoryEventRow.event_id, *visible_articles(seen.article_id, workspace)
                )
            )
            return exists(select(StoryEventRow.id).where(of_story, *more, opened))
        member = (
            select(StoryEventRow.id)
            .join(EventRow, EventRow.id == StoryEventRow.event_id)
            .where(of_story, *visible_articles(EventRow.article_id, workspace), *more)
        )
        # PostgreSQL: OFFSET 0 keeps a probe a probe of each candidate, not rewritten into a join
        # that finds every story of the word first (150 of a narrow timeline's 194 ms).
        return exists(member.offset(literal_column("0", Integer)) if probe else member)

    if not tokens:
        return _headlines(window, seen_member(), cap=cap)
    rarity = by_rarity(session, tokens, cap, workspace, since=since)
    if not rarity.few:
        return _headlines(
            window, *[seen_member(_holds(session, t, n)) for n, t in enumerate(rarity.words)], cap=cap
        )
    # As _across_reports: the rare words' stories are the candidates, gathered as sets; each is
    # then probed for the words in the reports the workspace sees. For a workspace reading a small
    # part of the store the rarest word's set is gathered from the reports it sees, so that word
    # needs no probe; reading those reports for one reading most of it would cost more than probing.
    mostly = rarity.mostly
    candidates = _candidates(session, rarity.gathered(), workspace=None if mostly else workspace)
    probed = list(enumerate(rarity.words))[0 if mostly else 1 :]
    if sqlite:
        probes = [seen_member(_holds(session, t, n)) for n, t in probed]
        return _headlines([*window, StoryRow.id.in_(candidates)], *probes, cap=cap)
    # PostgreSQL: the candidates sorted newest first, then probed in that order until `cap` pass
    # (each probe reads reports under row-level security: probing every candidate before sorting
    # them made a word of 9k reports take 200 ms).
    # The candidates' ids are read first: PostgreSQL then knows how few they are (it guessed 8.9k for
    # 549, and read all 215k stories into a hash to find them: 58 ms).
    ids = list(session.scalars(candidates))
    ordered = (
        select(StoryRow.id, StoryRow.date, StoryRow.outlets, StoryRow.words, StoryRow.date_end)
        .where(*window, StoryRow.id == any_(bindparam("candidates", ids, type_=ARRAY(Integer))))
        .order_by(*_NEWEST_FIRST)
        .offset(literal_column("0", Integer))
        .subquery("candidate")
    )
    probes = [seen_member(_holds(session, t, n), story=ordered.c.id, probe=True) for n, t in probed]
    return (
        select(ordered.c.id, ordered.c.date, ordered.c.outlets, ordered.c.words)
        .where(*probes)
        .order_by(ordered.c.date_end.desc(), ordered.c.id.desc())
        .limit(cap)
    )


def _holds(session: Session, token: str, n: int) -> ColumnElement[bool]:
    """The report (events row) holds `token`; each probe its own parameter, as in `_some_report_has`."""
    if session.get_bind().dialect.name == "sqlite":
        matches = text(f"SELECT rowid FROM events_fts WHERE events_fts MATCH :seen_{n}").bindparams(
            **{f"seen_{n}": f'"{token}"'}
        )
        # As in _some_report_has: the unary + keeps SQLite reading the story's own reports and
        # probing the word's matches (read once), not walking every match for each story (a
        # narrow two-word timeline took 315 ms at a million facts that way, 18 ms before workspaces).
        member = literal_column("+story_events.event_id", Integer)
        return member.in_(matches.columns(column("rowid", Integer)))
    vector: ColumnElement[Any] = literal_column("events.search_vector")
    return vector.op("@@", return_type=Boolean)(func.to_tsquery("simple", token))


def _headlines(
    conditions: list[ColumnElement[bool]], *more: ColumnElement[bool], cap: int
) -> Select[int, str, int, str]:
    return (
        select(StoryRow.id, StoryRow.date, StoryRow.outlets, StoryRow.words)
        .where(*conditions, *more)
        .order_by(*_NEWEST_FIRST)
        .limit(cap)
    )
