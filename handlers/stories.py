"""Stories: merging each newly stored event into the happening it reports, and undoing a merge.

Merging runs inside the ingest transaction: the candidate stories of the new events' dates are
fetched once through the repository, scored in Python (handlers.story_match), and every event
joins the best-scoring story or starts its own. Events of the same article are candidates for each
other too, so one article's several sentences about one happening collapse into one story.
"""

from __future__ import annotations

import functools
from collections import Counter, deque
from collections.abc import Iterable, Sequence

from pydantic import BaseModel, ConfigDict

from handlers.domain import ArticleRef, NewEvent, Story, StoryKeys, StoryMember
from handlers.errors import UserError
from handlers.ports import Clock, UnitOfWork
from handlers.story_match import EventFeatures, best_match, features, match_keys
from handlers.tenancy import ALL_WORKSPACES, DEFAULT_WORKSPACE

# A story shows what its latest reports say: a happening reported every day for months (a price
# index, a siege) would otherwise reread all its reports at every new one, ever slower.
SHOWN_FROM_NEWEST = 100
# An event is compared with at most this many of its own article's events placed before it, the
# nearest: a news article has a few dozen, and comparing each of a 1 MB article's 3,000 events
# with all the others was quadratic (issue 22). Stored candidates are bounded by the store's limit.
SAME_ARTICLE_CANDIDATES = 64

# Longer summaries say more, up to a point: past this a summary is a paragraph, not a headline.
_SUMMARY_SWEET_SPOT = 180


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class StoryError(UserError):
    """A split that cannot be done; the message says why, for the admin."""


class SplitStory(_Model):
    story_id: int
    event_id: int
    actor: str
    workspace: str = DEFAULT_WORKSPACE  # only a story it sees, by an event it sees


class StorySplit(_Model):
    """The event now stands alone in `new_story`; `old_story` keeps the rest."""

    old_story: Story
    new_story: Story


def member_features(m: StoryMember) -> EventFeatures:
    """The features of a stored story member."""
    return _cached_features(m.date, m.summary, tuple(m.actors), tuple(m.places), m.article.id, m.start)


# Every ingest compares its events with the members of up to 200 candidate stories, mostly the
# same ones as the article before: computing their features once made ingest five times faster.
# Features are a pure function of these values (and frozen), so a bounded cache is safe.
@functools.lru_cache(maxsize=1 << 13)
def _cached_features(
    date: str, summary: str, actors: tuple[str, ...], places: tuple[str, ...], article_id: int, start: int
) -> EventFeatures:
    return features(date, summary, actors, places, article_id=article_id, offset=start)


class Merging:
    """What the merges of one transaction's articles share.

    - `grown`: the stories that gained members. What a story shows is refreshed once, by the
      caller's `refresh_shown(grown)` before it commits: a batch of articles joins the day's
      stories again and again, and each refresh reads up to 100 members.
    - the features of the stored members compared so far, by event id: a batch compares each new
      report with ~25 members, mostly the ones the reports before it were compared with. A stored
      event does not change, so within one transaction its id is as good as its values.
    - each new report's look-up keys, by (article id, offset): `read_ahead` needs them before the
      merges, which need them again.
    """

    def __init__(self) -> None:
        self.grown: set[int] = set()
        self._features: dict[int, EventFeatures] = {}
        self._keys: dict[tuple[int, int], StoryKeys] = {}

    def features_of(self, m: StoryMember) -> EventFeatures:
        found = self._features.get(m.event_id)
        if found is None:
            found = self._features[m.event_id] = member_features(m)
        return found

    def keys_of(self, article_id: int, e: NewEvent) -> StoryKeys:
        found = self._keys.get((article_id, e.start))
        if found is None:
            found = self._keys[(article_id, e.start)] = _keys(_new_features(article_id, e))
        return found


def merge_into_stories(
    article: ArticleRef,
    events: Sequence[NewEvent],
    ids: Sequence[int | None],
    *,
    uow: UnitOfWork,
    merging: Merging | None = None,
) -> dict[int, int]:
    """Put each stored event of `article` into a story (existing or new); event id -> story id.

    Call inside the ingest transaction, after the events are stored. What a story shows is
    refreshed from its latest members once it has them all: at the end of this call or, given the
    transaction's `merging`, by the caller's `refresh_shown(merging.grown)` before it commits.
    """
    stored = [(e, i) for e, i in zip(events, ids, strict=True) if i is not None]
    if not stored:
        return {}
    shared = merging or Merging()
    attached = shared.grown
    spans = [_new_features(article.id, e) for e, _ in stored]
    keys = [shared.keys_of(article.id, e) for e, _ in stored]
    # Only members sharing a name or key word with an event can merge with it, so each event is
    # scored against its own candidates (one vague event, "prices have risen since last year",
    # cannot crowd out the others'), and against this article's events placed before it, which may
    # merge with it on being side by side.
    found = uow.stories.matching_members(keys)
    recent: deque[tuple[int, EventFeatures]] = deque(maxlen=SAME_ARTICLE_CANDIDATES)  # placed here
    placed: dict[int, int] = {}
    for (event, event_id), feats, found_by, candidates in zip(stored, spans, keys, found, strict=True):
        pool: dict[int, list[EventFeatures]] = {}
        for story_id, m in candidates:
            pool.setdefault(story_id, []).append(shared.features_of(m))
        here: dict[int, list[EventFeatures]] = {}
        for story_id, placed_feats in recent:
            here.setdefault(story_id, []).append(placed_feats)
        for story_id, placed_here in here.items():
            pool.setdefault(story_id, []).extend(placed_here)
        match = best_match(feats, list(pool.items()))
        member = StoryMember(
            event_id=event_id,
            date=event.date,
            summary=event.summary,
            actors=event.actors,
            places=event.places,
            start=event.start,
            article=ArticleRef(id=article.id),
        )
        if match is None:
            story_id = uow.stories.start(
                event_id,
                date=event.date,
                summary=event.summary,
                actors=event.actors,
                places=event.places,
                keys=found_by,
                member=member,
            )
        else:
            story_id, why = match
            uow.stories.attach(
                story_id, event_id, score=why.score, reason=why.explain(), keys=found_by, member=member
            )
            attached.add(story_id)
        recent.append((story_id, feats))
        placed[event_id] = story_id
    if merging is None:
        refresh_shown(attached, uow=uow)
    return placed


def read_ahead(
    articles: Iterable[tuple[int, Sequence[NewEvent]]], *, uow: UnitOfWork, merging: Merging | None = None
) -> None:
    """Before merging these articles' events one article after the other (article id, its events),
    have the store read what all their look-ups need at once: one statement for a batch, not two
    an article. Given the merges' `merging`, their keys are worked out once for both."""
    shared = merging or Merging()
    uow.stories.read_ahead([shared.keys_of(article_id, e) for article_id, events in articles for e in events])


def _new_features(article_id: int, e: NewEvent) -> EventFeatures:
    # Through the cache: each event is compared again as a stored member by the articles after it.
    return _cached_features(e.date, e.summary, tuple(e.actors), tuple(e.places), article_id, e.start)


def refresh_shown(story_ids: Iterable[int], *, uow: UnitOfWork) -> None:
    """Recompute what these stories show from their latest members (after members joined them)."""
    latest = uow.stories.latest_members(sorted(story_ids), newest=SHOWN_FROM_NEWEST)
    for story_id, members in latest.items():
        when, summary, actors, places = shown(members)
        uow.stories.update(story_id, date=when, summary=summary, actors=actors, places=places)


def _keys(f: EventFeatures) -> StoryKeys:
    return StoryKeys(start=f.start, end=f.end, keys=match_keys(f))


def refresh(story: Story) -> Story:
    """The story's shown date, summary, actors and places, recomputed from its members."""
    if not story.members:
        return story
    when, summary, actors, places = shown(story.members)
    return story.model_copy(update={"date": when, "summary": summary, "actors": actors, "places": places})


def shown(members: Sequence[StoryMember]) -> tuple[str, str, list[str], list[str]]:
    """What a story of these members shows: its date, best summary, actors and places."""
    return (
        story_date([m.date for m in members]),
        best_summary(members),
        _union(m.actors for m in members),
        _union(m.places for m in members),
    )


def story_date(dates: Sequence[str]) -> str:
    """The most precise date reported (a day over its month); the most reported among equals."""
    counts = Counter(dates)
    return max(dates, key=lambda d: (len(d), counts[d], d))


def best_summary(members: Sequence[StoryMember]) -> str:
    """The member summary that shares most with the others, preferring headline-length ones."""
    feats = [member_features(m) for m in members]
    said = [f.kinds | f.names | f.terms for f in feats]
    # What member i shares with all others is the sum, over its words, of how many others say them:
    # linear in the story's size (pairwise, a story of 80 reports cost 6,400 comparisons a merge).
    counts = Counter(w for words in said for w in words)

    def rank(i: int) -> tuple[int, int, int]:
        shared = sum(counts[w] - 1 for w in said[i])
        return shared, -abs(len(members[i].summary) - _SUMMARY_SWEET_SPOT) // 40, -i

    return members[max(range(len(members)), key=rank)].summary


def split_story(cmd: SplitStory, *, uow: UnitOfWork, clock: Clock) -> StorySplit:
    """Take one event out of a story into a story of its own; audited. Raises StoryError when it cannot.

    The workspace may split only a story it sees, by an event it sees. Stories are shared clusters:
    the split itself is made with every member in view (an internal step), so what the story shows
    other workspaces is recomputed from all of its reports, not from this workspace's alone.
    """
    with uow.of(cmd.workspace):
        _splittable(uow.stories.get(cmd.story_id), cmd)
    with uow.of(ALL_WORKSPACES):
        story = _splittable(uow.stories.get(cmd.story_id), cmd)
        member = next(m for m in story.members if m.event_id == cmd.event_id)
        uow.stories.detach(cmd.event_id)
        new_id = uow.stories.start(
            cmd.event_id,
            date=member.date,
            summary=member.summary,
            actors=member.actors,
            places=member.places,
            keys=_keys(member_features(member)),
        )
        rest = refresh(
            story.model_copy(update={"members": [m for m in story.members if m.event_id != cmd.event_id]})
        )
        uow.stories.update(
            story.id, date=rest.date, summary=rest.summary, actors=rest.actors, places=rest.places
        )
        uow.commit()
    with uow.of(cmd.workspace):
        uow.audit.record(
            cmd.actor,
            "stories.split",
            f"event {cmd.event_id} out of story {story.id} into story {new_id}",
            clock.now(),
        )
        old, new = uow.stories.get(story.id), uow.stories.get(new_id)
        uow.commit()
    assert old is not None and new is not None
    return StorySplit(old_story=old, new_story=new)


def _splittable(story: Story | None, cmd: SplitStory) -> Story:
    if story is None:
        raise StoryError(f"There is no story {cmd.story_id}.")
    if all(m.event_id != cmd.event_id for m in story.members):
        ids = ", ".join(str(m.event_id) for m in story.members)
        raise StoryError(f"Event {cmd.event_id} is not in story {cmd.story_id} (its events: {ids}).")
    if len(story.members) == 1:
        raise StoryError(f"Story {cmd.story_id} has only event {cmd.event_id}: nothing to split.")
    return story


def show_story(story_id: int, *, uow: UnitOfWork, workspace: str = DEFAULT_WORKSPACE) -> Story:
    """One story as the workspace sees it, with the reasons its reports were merged. Raises
    StoryError if it has no such story."""
    with uow.of(workspace):
        story = uow.stories.get(story_id)
    if story is None:
        raise StoryError(f"There is no story {story_id}.")
    return story


def _union(lists: Iterable[Sequence[str]]) -> list[str]:
    return list(dict.fromkeys(n for names in lists for n in names))
