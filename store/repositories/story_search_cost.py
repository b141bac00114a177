"""How the story search reads a topic: the stories walked newest first, or candidates gathered
from the rarest words' matches, whichever costs less (store.repositories.story_search reads them).

Walking finds `cap` matching stories after about cap / share stories, the share being what the
words' matches make likely (each word's share of reports, multiplied, times the share of articles
the workspace reads); a candidate costs about CANDIDATE_COST walked stories. At a million facts:
"Saltreach derailed" (19k and 9k matching reports, 549 stories having both) walked 215k stories in
270 ms on SQLite, where its candidates take 40-60 ms; "derailed" alone walks 15k stories in 20 ms.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from math import isqrt, prod
from typing import Any

from sqlalchemy import Boolean, ColumnElement, Select, func, literal_column, select
from sqlalchemy.orm import Session

from handlers.tenancy import ALL_WORKSPACES
from store.fact_search import fts_count
from store.orm import StoryEventRow, StoryRow
from store.orm_tenancy import ArticleAccessRow


@dataclass(frozen=True)
class Rarity:
    """A topic's words rarest first, their matches, and whether candidates beat a walk."""

    words: list[str]
    matches: dict[str, int]
    few: bool
    share: float = 1.0  # about what share of the articles the workspace reads

    @property
    def mostly(self) -> bool:
        """Whether the workspace reads most of the store (see MOSTLY)."""
        return self.share > MOSTLY

    def gathered(self) -> list[str]:
        """The words whose stories are gathered as sets and intersected for the candidates: the
        rarest, and any other within GATHER_WITHIN times its matches (a common word's stories
        cost more to gather than to probe for, candidate by candidate)."""
        rarest = self.matches.get(self.words[0], 0)
        return [t for t in self.words if self.matches.get(t, 0) <= GATHER_WITHIN * rarest] or self.words[:1]


GATHER_WITHIN = 4
# A workspace reading more than this share of the articles has its candidates gathered from
# anyone's reports and each probed for access, rather than the rarest word's reports read for it
# first ("Saltreach derailed" for a workspace reading everything: 52 ms against 108).
MOSTLY = 0.5


def by_rarity(
    session: Session,
    tokens: list[str],
    cap: int,
    workspace: str = ALL_WORKSPACES,
    *,
    since: date | None = None,
) -> Rarity:
    """The words, rarest first (by their matches: counted on SQLite, estimated on PostgreSQL), and
    whether the stories of the rarest word's reports, each probed for the other words, are cheaper
    candidates than every story the workspace sees walked newest first.

    Walking finds `cap` matching stories after about cap / share stories, the share being what the
    words' matches make likely (each word's share of reports, multiplied, times the share of
    reports the workspace reads); the candidates cost about CANDIDATE_COST walked stories each.
    At a million facts: "Saltreach derailed" (19k and 9k matches, 549 stories having both) walked
    215k stories in 270 ms, its 9k candidates take 40-100 ms; "derailed" alone walks 15k (20 ms).
    A walk stops at the stories ending before `since`, however few match: a week of "river" is at
    most the 1.6k stories ending in or after it, where its candidates are all its 17k reports'.
    """
    reports = session.scalar(select(func.max(StoryEventRow.event_id))) or 0
    if not reports:
        return Rarity(tokens, {}, few=True)
    reading = reading_share(session, workspace)
    limit = _count_limit(session, reports, cap, reading)
    counts = {t: _matches(session, t, limit) for t in tokens}
    by_rarity = sorted(tokens, key=counts.__getitem__)
    share = prod(min(1.0, counts[t] / reports) for t in tokens) * reading
    walked = cap / share if share else float("inf")
    if since is not None and walked > 0:
        # Read on the (date_end, id) index the walk itself reads.
        later = select(StoryRow.id).where(StoryRow.date_end >= since).limit(int(min(walked, reports)) + 1)
        walked = min(walked, session.scalar(select(func.count()).select_from(later.subquery())) or 0)
    if session.get_bind().dialect.name != "sqlite":
        unit = PG_CANDIDATE_COST
    else:
        unit = CANDIDATE_COST if reading > MOSTLY else NARROW_CANDIDATE_COST
    rarest = counts[by_rarity[0]]
    # Past the count's limit candidates are too many, whatever the walk would cost.
    few = rarest * unit < walked and rarest < limit
    return Rarity(by_rarity, counts, few=few, share=reading)


def _matches(session: Session, token: str, limit: int) -> int:
    """How many reports hold `token`: SQLite counts inside FTS5 (no further than `limit`; 2 ms for
    166k); PostgreSQL's planner estimates it from story_events' word statistics (counting 166k
    took 24 ms; the estimate, within 1 % for the words it keeps statistics of, 0.5 ms)."""
    if session.get_bind().dialect.name == "sqlite":
        return fts_count(session, "events", [token], limit)
    counted: Select[Any] = select(literal_column("1")).select_from(StoryEventRow).where(member_holds(token))
    sql = counted.compile(dialect=session.get_bind().dialect)
    plan = session.connection().exec_driver_sql(f"EXPLAIN (FORMAT JSON) {sql}", sql.params).scalar_one()
    rows = (json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]["Plan Rows"]
    return int(rows)


def _count_limit(session: Session, reports: int, cap: int, share: float) -> int:
    """How far _matches counts: every report on SQLite; on PostgreSQL only as far as the rarest
    word's candidates could still beat a walk (m * m < cap * reports / share, for one word)."""
    if session.get_bind().dialect.name == "sqlite":
        return reports + 1
    return min(reports, isqrt(int(cap * reports / max(share, 1e-3) / max(PG_CANDIDATE_COST, 1e-3))) + 1)


# A candidate story (its report read, the workspace's access probed, its story looked up and
# sorted) costs about this many stories walked (each probed through its reports): 9k candidates
# took 85 ms where a walk of 15k stories took 20 (SQLite, a million facts).
CANDIDATE_COST = 6.0
# For a workspace reading a small part of the store the rarest word's reports are narrowed to
# those it reads as one set first ("Saltreach" as w0: 19k matches, 39 ms; walked, 96 ms).
NARROW_CANDIDATE_COST = 2.0
# PostgreSQL: a candidate (gathered from story_events' words, read out, sorted, probed newest first
# until the page is full) costs about what a story walked does (each walked story is probed under
# the row-level policies): 9k candidates 79 ms against 15k stories walked in 172; 17k candidates
# 108 ms against 8k walked in 51.
PG_CANDIDATE_COST = 1.0
SHARE_SAMPLE = 500


def reading_share(session: Session, workspace: str) -> float:
    """About what share of the articles `workspace` reads, among the newest SHARE_SAMPLE ids.

    Read from article_access alone: on PostgreSQL the articles a workspace may not read are not
    even there to be counted (row-level security), so a sample of articles would say "all".
    """
    if workspace == ALL_WORKSPACES:
        return 1.0
    newest = session.scalar(select(func.max(ArticleAccessRow.article_id))) or 0
    recent = ArticleAccessRow.article_id > newest - SHARE_SAMPLE
    sampled, opened = session.execute(
        select(
            func.count(ArticleAccessRow.article_id.distinct()),
            func.count().filter(ArticleAccessRow.workspace == workspace),
        ).where(recent)
    ).one()
    return max(opened, 1) / sampled if sampled else 1.0


def member_holds(token: str) -> ColumnElement[bool]:
    """PostgreSQL: the membership's report holds `token` (story_events' copy of its words)."""
    vector: ColumnElement[Any] = literal_column("story_events.search_vector")
    return vector.op("@@", return_type=Boolean)(func.to_tsquery("simple", token))
