"""Stories: merging each newly stored event into the happening it reports, and undoing a merge.

Merging runs inside the ingest transaction: the candidate stories of the new events' dates are
fetched once through the repository, scored in Python (handlers.story_match), and every event
joins the best-scoring story or starts its own. Events of the same article are candidates for each
other too, so one article's several sentences about one happening collapse into one story.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

from pydantic import BaseModel, ConfigDict

from handlers.domain import ArticleRef, NewEvent, Story, StoryMember
from handlers.ports import Clock, UnitOfWork
from handlers.story_match import EventFeatures, best_match, features

# Longer summaries say more, up to a point: past this a summary is a paragraph, not a headline.
_SUMMARY_SWEET_SPOT = 180


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class StoryError(ValueError):
    """A split that cannot be done; the message says why, for the admin."""


class SplitStory(_Model):
    story_id: int
    event_id: int
    actor: str


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
@functools.lru_cache(maxsize=1 << 15)
def _cached_features(date: str, summary: str, actors: tuple[str, ...], places: tuple[str, ...],
                     article_id: int, start: int) -> EventFeatures:
    return features(date, summary, actors, places, article_id=article_id, offset=start)


def merge_into_stories(
    article: ArticleRef, events: Sequence[NewEvent], ids: Sequence[int | None], *, uow: UnitOfWork
) -> dict[int, int]:
    """Put each stored event of `article` into a story (existing or new); event id -> story id.

    Call inside the ingest transaction, after the events are stored.
    """
    stored = [(e, i) for e, i in zip(events, ids, strict=True) if i is not None]
    spans = [features(e.date, e.summary, e.actors, e.places, article_id=article.id, offset=e.start)
             for e, _ in stored]
    if not stored:
        return {}
    since, until = min(f.start for f in spans), max(f.end for f in spans)
    stories = {s.id: s for s in uow.stories.candidates(since, until, terms=_search_words(stored, spans))}
    pool: dict[int, list[EventFeatures]] = {sid: [member_features(m) for m in s.members]
                                            for sid, s in stories.items()}
    placed: dict[int, int] = {}
    for (event, event_id), feats in zip(stored, spans, strict=True):
        match = best_match(feats, list(pool.items()))
        member = StoryMember(event_id=event_id, date=event.date, summary=event.summary,
                             actors=list(event.actors), places=list(event.places), start=event.start,
                             article=article)
        if match is None:
            story_id = uow.stories.start(event_id, date=event.date, summary=event.summary,
                                         actors=event.actors, places=event.places)
            stories[story_id] = Story(id=story_id, date=event.date, summary=event.summary,
                                      actors=list(event.actors), places=list(event.places), members=[member])
            pool[story_id] = [feats]
        else:
            story_id, why = match
            uow.stories.attach(story_id, event_id, score=why.score, reason=why.explain())
            story = stories[story_id]
            joined = member.model_copy(update={"score": why.score, "reason": why.explain()})
            stories[story_id] = refresh(story.model_copy(update={"members": [*story.members, joined]}))
            shown = stories[story_id]
            uow.stories.update(story_id, date=shown.date, summary=shown.summary, actors=shown.actors,
                               places=shown.places)
            pool[story_id].append(feats)
        placed[event_id] = story_id
    return placed


def _search_words(stored: Sequence[tuple[NewEvent, int]], spans: Sequence[EventFeatures]) -> list[str]:
    """Words a story must share with one of these events to be worth scoring; [] when any will do.

    Every merge rests on a shared name or key word (the kind of happening alone merges only reports
    side by side in one article, which are scored here in memory). A report naming nothing and
    with no key words could join any story of its day, so then the whole day is fetched.
    """
    words: list[str] = []
    for (event, _), feats in zip(stored, spans, strict=True):
        if not feats.names and not feats.terms:
            return []
        words += [event.summary, *event.actors, *event.places, *feats.names]
    return words


def refresh(story: Story) -> Story:
    """The story's shown date, summary, actors and places, recomputed from its members."""
    if not story.members:
        return story
    return story.model_copy(update={
        "date": story_date([m.date for m in story.members]),
        "summary": best_summary(story.members),
        "actors": _union(m.actors for m in story.members),
        "places": _union(m.places for m in story.members),
    })


def story_date(dates: Sequence[str]) -> str:
    """The most precise date reported (a day over its month); the most reported among equals."""
    return max(dates, key=lambda d: (len(d), dates.count(d), d))


def best_summary(members: Sequence[StoryMember]) -> str:
    """The member summary that shares most with the others, preferring headline-length ones."""
    feats = [member_features(m) for m in members]

    def shared(i: int) -> int:
        me = feats[i]
        return sum(len((me.kinds | me.names | me.terms) & (o.kinds | o.names | o.terms))
                   for j, o in enumerate(feats) if j != i)

    def rank(i: int) -> tuple[int, int, int]:
        length = len(members[i].summary)
        return shared(i), -abs(length - _SUMMARY_SWEET_SPOT) // 40, -i

    return members[max(range(len(members)), key=rank)].summary


def split_story(cmd: SplitStory, *, uow: UnitOfWork, clock: Clock) -> StorySplit:
    """Take one event out of a story into a story of its own; audited. Raises StoryError when it cannot."""
    with uow:
        story = uow.stories.get(cmd.story_id)
        if story is None:
            raise StoryError(f"There is no story {cmd.story_id}.")
        if all(m.event_id != cmd.event_id for m in story.members):
            ids = ", ".join(str(m.event_id) for m in story.members)
            raise StoryError(f"Event {cmd.event_id} is not in story {cmd.story_id} (its events: {ids}).")
        if len(story.members) == 1:
            raise StoryError(f"Story {cmd.story_id} has only event {cmd.event_id}: nothing to split.")
        member = next(m for m in story.members if m.event_id == cmd.event_id)
        new_id = uow.stories.start(cmd.event_id, date=member.date, summary=member.summary,
                                   actors=member.actors, places=member.places)
        rest = refresh(story.model_copy(update={"members": [m for m in story.members
                                                            if m.event_id != cmd.event_id]}))
        uow.stories.update(story.id, date=rest.date, summary=rest.summary, actors=rest.actors,
                           places=rest.places)
        uow.audit.record(cmd.actor, "stories.split",
                         f"event {cmd.event_id} out of story {story.id} into story {new_id}", clock.now())
        old, new = uow.stories.get(story.id), uow.stories.get(new_id)
        uow.commit()
    assert old is not None and new is not None
    return StorySplit(old_story=old, new_story=new)


def show_story(story_id: int, *, uow: UnitOfWork) -> Story:
    """One story with its members and the reasons they were merged. Raises StoryError if unknown."""
    with uow:
        story = uow.stories.get(story_id)
    if story is None:
        raise StoryError(f"There is no story {story_id}.")
    return story


def _union(lists: Iterable[Sequence[str]]) -> list[str]:
    out: list[str] = []
    for names in lists:
        out += [n for n in names if n not in out]
    return out
