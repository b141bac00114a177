"""Ingest one article: extract its facts and store article, events, quotes, speakers and figures at once."""

from __future__ import annotations

import hashlib
import logging
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from extract import Entity, Extraction, Quote, extract
from extract.document import Document
from extract.names.canonical import split_title
from handlers.article_dates import stated_date
from handlers.article_size import MAX_ARTICLE_CHARS, CappedExtractor, Cut, cap_article
from handlers.domain import (
    Article,
    ArticleRef,
    ArticleStoredMeanwhile,
    NewArticle,
    NewEvent,
    NewFigure,
    NewQuote,
    SpeakerKind,
    SpeakerSighting,
)
from handlers.ports import Clock, UnitOfWork, WaitWork
from handlers.results import IngestArticle, IngestResult
from handlers.stories import Merging, merge_into_stories, read_ahead, refresh_shown
from handlers.tenancy import all_workspaces
from handlers.wording import counted

log = logging.getLogger(__name__)

T = TypeVar("T")

Extractor = Callable[[str, date | None], Extraction]


def content_hash(text: str) -> str:
    """SHA-256 of the text, Unicode and whitespace normalised: a re-wrapped copy is the same article."""
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def ingest_article(
    cmd: IngestArticle, *, uow: UnitOfWork, extractor: Extractor = extract, clock: Clock
) -> IngestResult:
    """Store the article and everything extracted from it in one transaction, unless already stored.

    Empty text is rejected with nothing written; an article already stored (same normalised text,
    or the same URL) is reported as a duplicate and nothing changes, unless the command asks to
    re-date it (`redate`) and gives the same text another publication date: then it is re-dated
    (its facts extracted again and replaced, its stories kept consistent). An article given no
    date takes the one it states (dateline, a date line at its top); the message says which date
    was used.
    """
    return ingest_batch([cmd], uow=uow, extractor=extractor, clock=clock)[0]


@dataclass
class _Pending:
    """An article extracted and waiting to be stored, at its place in the batch."""

    index: int
    cmd: IngestArticle  # `published`: the date used (given, or the one the article states)
    digest: str
    extraction: Extraction
    dated: str  # which date was used, and whence, for the message
    redate: ArticleRef | None = None  # the stored article this same text re-dates
    cut: Cut | None = None  # the text was too long and is stored cut (article_size)


def ingest_batch(
    cmds: Sequence[IngestArticle], *, uow: UnitOfWork, extractor: Extractor = extract, clock: Clock
) -> list[IngestResult]:
    """Ingest several articles, each as `ingest_article` would; their results in the same order.

    All are stored in one transaction (a commit per article cost more than storing it). If that
    transaction fails, each article is stored again in its own, so one article the database
    refuses costs only itself: it is rejected with the reason, and logged.
    """
    with all_workspaces(uow):
        return _store_extracted(_Extraction(cmds, uow=uow, extractor=extractor, clock=clock).finish(), uow)


def ingest_batches(
    batches: Iterable[Sequence[IngestArticle]],
    *,
    uow: UnitOfWork,
    extractor: Extractor = extract,
    clock: Clock,
) -> Iterator[list[IngestResult]]:
    """Each batch's results, exactly as `ingest_batch` on each in turn gives them, sooner.

    A batch is extracted while the one before it is written: the unit of work calls back into
    its extraction, an article at a time, whenever it waits for the database (PostgreSQL takes
    about a third of a batch's time to write it). A batch is read from `batches` before the one
    before it is stored.
    """
    extracted: _Extracted | None = None
    with all_workspaces(uow):
        for cmds in batches:
            ahead = _Extraction(cmds, uow=uow, extractor=extractor, clock=clock)
            if extracted is not None:
                yield _store_extracted(extracted, uow, work=ahead.step)
            extracted = ahead.finish()
        if extracted is not None:
            yield _store_extracted(extracted, uow)


@dataclass
class _Extracted:
    """A batch checked against the store and extracted: what is left is to store `pending`."""

    results: list[IngestResult | None]  # known already (duplicate, rejected), by position; None: pending
    pending: list[_Pending]


class _Extraction:
    """A batch's articles extracted one at a time (`step`), so that waits for the database can do it.

    Articles already stored (one query, made at once), empty, or twice in the batch are not
    extracted: their results are known.
    """

    def __init__(
        self, cmds: Sequence[IngestArticle], *, uow: UnitOfWork, extractor: Extractor, clock: Clock
    ) -> None:
        self._cmds = cmds
        self._digests = [content_hash(c.text) if c.text.strip() else "" for c in cmds]
        with uow:
            self._known = _stored_among(uow, self._digests, cmds)
            # A duplicate is not stored again, but the workspace ingesting it may read it from now on.
            if _grant(
                uow,
                [
                    (known.article.id, cmd)
                    for cmd, digest in zip(cmds, self._digests, strict=True)
                    if digest
                    and (known := _lookup(self._known, digest, cmd.url)) is not None
                    and known.article is not None
                ],
            ):
                uow.commit()
        self._extractor = extractor
        self._max_chars = extractor.max_chars if isinstance(extractor, CappedExtractor) else MAX_ARTICLE_CHARS
        self._clock = clock
        self._done = _Extracted(results=[None] * len(cmds), pending=[])
        self._first_of: dict[str, int] = {}  # the same text (or URL) twice in one batch: the first wins
        self._next = 0

    def step(self) -> bool:
        """Extract the next article; whether any are left."""
        if self._next < len(self._cmds):
            self._extract(self._next)
            self._next += 1  # only once done: an article whose step failed is taken again by `finish`
        return self._next < len(self._cmds)

    def finish(self) -> _Extracted:
        """The batch, its articles left extracted now."""
        while self.step():
            pass
        return self._done

    def _extract(self, i: int) -> None:
        cmd, digest, results = self._cmds[i], self._digests[i], self._done.results
        if not digest:
            results[i] = IngestResult(status="rejected", message="the text is empty: nothing to store")
            return
        twin = _lookup(self._first_of, digest, cmd.url)
        if twin is not None and twin != i:  # i itself: this article's step failed once and is taken again
            results[i] = IngestResult(
                status="duplicate", message=f"the same article as item {twin + 1} of this batch: stored once"
            )
            return
        self._first_of[digest] = i
        if cmd.url:
            self._first_of[f"url:{cmd.url}"] = i
        known = _lookup(self._known, digest, cmd.url)
        redate = known.article if known is not None and cmd.redate and digest in self._known else None
        if known is not None and (redate is None or cmd.published in (None, redate.published)):
            results[i] = known
            return
        today = self._clock.today()
        # The digest above is the whole text's: the same long article polled again is a duplicate.
        text, cut = cap_article(cmd.text, self._max_chars)
        if cut is not None:
            log.warning("%s: %s", cmd.url or cmd.title or digest[:12], cut.describe())
            cmd = cmd.model_copy(update={"text": text})
        cmd, dated = _dated(cmd, today)
        # An undated article is being read now, so "on Monday" most likely means the Monday just past.
        try:
            extraction = self._extractor(cmd.text, cmd.published or today)
        except Exception:
            log.exception("extraction failed for %s", cmd.url or cmd.title or digest[:12])
            results[i] = IngestResult(
                status="rejected", message="extraction failed on this text (logged): nothing stored"
            )
            return
        self._done.pending.append(_Pending(i, cmd, digest, extraction, dated, redate, cut))


def _dated(cmd: IngestArticle, today: date) -> tuple[IngestArticle, str]:
    """The command with the date its article is stored under, and which date that is and whence."""
    if cmd.published is not None:
        whence = f", {cmd.published_from}" if cmd.published_from else ""
        return cmd, f"dated {cmd.published.isoformat()}{whence}"
    stated = stated_date(cmd.text, today)
    if stated is None:
        return cmd, f"no date found in it: read as of today, {today.isoformat()}"
    day, where = stated
    return cmd.model_copy(update={"published": day}), f"dated {day.isoformat()}, from its {where}"


def _store_extracted(batch: _Extracted, uow: UnitOfWork, work: WaitWork | None = None) -> list[IngestResult]:
    results = list(batch.results)
    if batch.pending:
        for p, result in zip(batch.pending, _store_all(batch.pending, uow, work), strict=True):
            results[p.index] = result
    return [r for r in results if r is not None]


def _store_all(pending: Sequence[_Pending], uow: UnitOfWork, work: WaitWork | None) -> list[IngestResult]:
    if len(pending) == 1:
        return [_store_in_one_transaction(pending, uow, work)[0]]
    try:
        return _store_in_one_transaction(pending, uow, work)
    except Exception:
        log.warning(
            "storing a batch of %d articles failed; storing them one by one", len(pending), exc_info=True
        )
    out: list[IngestResult] = []
    for p in pending:
        try:
            out += _store_in_one_transaction([p], uow, work)
        except Exception as exc:  # this article (its text, its facts) is what the database refuses
            log.exception("storing %s failed", p.cmd.url or p.cmd.title or p.digest[:12])
            out.append(
                IngestResult(
                    status="rejected",
                    message=f"could not be stored (logged): {type(exc).__name__}: {exc}"[:300],
                )
            )
    return out


def _store_in_one_transaction(
    pending: Sequence[_Pending], uow: UnitOfWork, work: WaitWork | None
) -> list[IngestResult]:
    with uow:
        # Another process merging stories at the same time would not see ours, nor we theirs.
        uow.stories.lock_for_merging()
        # Checked again inside the writing transaction: another worker may have stored some meanwhile.
        known = _stored_among(uow, [p.digest for p in pending], [p.cmd for p in pending])
        new = [p for p in pending if p.redate is None and _lookup(known, p.digest, p.cmd.url) is None]
        # Re-dated articles lose their facts first; the stories those leave are refreshed below.
        articles: dict[int, Article | ArticleStoredMeanwhile | None] = {}
        left: set[int] = set()
        for p in pending:
            if p.redate is not None:
                cleared = uow.articles.clear_facts(p.redate.id, published=p.cmd.published)
                articles[p.index] = cleared[0] if cleared else None
                left.update(cleared[1] if cleared else ())
        writing = new + [p for p in pending if articles.get(p.index) is not None]
        speakers = dict(zip((p.index for p in writing), _resolve_speakers(writing, uow), strict=True))
        # The batch's articles in one statement; their facts are buffered and written at commit.
        stored = uow.articles.insert_new_many([_new_article(p) for p in new])
        articles.update(zip((p.index for p in new), stored, strict=True))
        events = {p.index: _new_events(p.cmd, p.extraction) for p in writing}
        written = [(i, a) for i, a in articles.items() if isinstance(a, Article)]
        # Every article's story look-ups read together, before the first merge: the statement
        # that keeps the server busiest before the commit.
        merging = Merging()  # what the batch's merges share; grown stories are refreshed once, at the end
        with uow.while_waiting(work):
            read_ahead([(a.id, events[i]) for i, a in written], uow=uow, merging=merging)
        event_ids = dict(
            zip(
                (i for i, _ in written),
                uow.events.add_batch([(a.id, events[i]) for i, a in written]),
                strict=True,
            )
        )
        results = []
        for p in pending:
            if p.index not in articles:
                results.append(_lookup(known, p.digest, p.cmd.url) or _gone(p))
                continue
            article = articles[p.index]
            results.append(
                _gone(p)
                if article is None
                else _store(
                    p,
                    article,
                    events[p.index],
                    event_ids.get(p.index, []),
                    speakers[p.index],
                    uow,
                    merging,
                )
            )
        refresh_shown(set(merging.grown) | left, uow=uow)
        _grant(
            uow,
            [(i, p.cmd) for p in pending if (i := _article_id(articles.get(p.index), known, p)) is not None],
        )
        with uow.while_waiting(work):  # the server writes the batch: a third of its time on PostgreSQL
            uow.commit()
    return results


def _article_id(
    article: Article | ArticleStoredMeanwhile | None, known: dict[str, IngestResult], p: _Pending
) -> int | None:
    """The stored article a pending one turned out to be (written, stored meanwhile, or known)."""
    if isinstance(article, Article):
        return article.id
    if isinstance(article, ArticleStoredMeanwhile):
        return article.article_id
    found = _lookup(known, p.digest, p.cmd.url)
    return found.article.id if found is not None and found.article is not None else None


def _grant(uow: UnitOfWork, stored: Sequence[tuple[int, IngestArticle]]) -> bool:
    """Open each stored article to those who may read it: the workspaces following the source it was
    polled from (at this moment), or else the workspace ingesting it; whether any were."""
    followers: dict[int, list[str]] = {}
    by_readers: dict[tuple[str, ...], list[int]] = {}
    for article_id, cmd in stored:
        if cmd.source_id is not None:
            if cmd.source_id not in followers:
                followers[cmd.source_id] = uow.sources.followers(cmd.source_id)
            readers: list[str] = followers[cmd.source_id]
        else:
            readers = [cmd.workspace]
        by_readers.setdefault(tuple(readers), []).append(article_id)
    return sum(uow.articles.grant(ids, readers_of) for readers_of, ids in by_readers.items()) > 0


def _new_article(p: _Pending) -> NewArticle:
    cmd = p.cmd
    return NewArticle(
        url=cmd.url,
        title=cmd.title,
        outlet=cmd.outlet,
        published=cmd.published,
        text=cmd.text,
        content_hash=p.digest,
        source_id=cmd.source_id,
        guid=cmd.guid,
    )


def _new_events(cmd: IngestArticle, ex: Extraction) -> list[NewEvent]:
    return [
        NewEvent(
            date=e.date,
            summary=e.summary,
            sentence=cmd.text[e.start : e.end],
            start=e.start,
            end=e.end,
            actors=list(e.actors),
            places=list(e.places),
            scheduled=e.scheduled,
        )
        for e in ex.events
    ]


def _gone(p: _Pending) -> IngestResult:
    """A re-dated article removed by someone else meanwhile."""
    gone = p.redate.id if p.redate else "?"
    return IngestResult(status="rejected", message=f"article {gone} was removed meanwhile: nothing stored")


def _store(
    p: _Pending,
    article: Article | ArticleStoredMeanwhile,
    events: list[NewEvent],
    event_ids: list[int | None],
    people: dict[str, int],
    uow: UnitOfWork,
    merging: Merging,
) -> IngestResult:
    if isinstance(article, ArticleStoredMeanwhile):
        # Another worker won the race for this article: store nothing of ours (its row was not written).
        return IngestResult(
            status="duplicate", message=f"already stored as article {article.article_id}: nothing changed"
        )
    cmd, ex = p.cmd, p.extraction
    doc = Document.parse(cmd.text, cmd.published)
    figures = [
        NewFigure(
            text=f.text,
            value=f.value,
            value_max=f.value_max,
            unit=f.unit,
            bound=f.bound,
            change=f.change,
            about=f.about,
            sentence=doc.sentence_text(doc.sentence_at(f.start)),
            start=f.start,
            end=f.end,
        )
        for f in ex.figures
    ]
    entities = {e.name: e for e in ex.entities}
    quotes: list[tuple[NewQuote, int | None]] = []
    for q in ex.quotes:
        entity = entities.get(q.speaker or "")
        quotes.append(
            (
                NewQuote(
                    text=q.text,
                    kind=q.kind,
                    speaker=q.speaker,
                    speaker_kind=_kind_of(q, entity),
                    speaker_role=q.speaker_role or _first_role(entity),
                    cue=q.cue,
                    start=q.start,
                    end=q.end,
                ),
                people.get(q.speaker) if q.speaker else None,
            )
        )
    uow.quotes.add_many(article.id, quotes)
    uow.figures.add_many(article.id, figures)
    ref = ArticleRef(
        id=article.id,
        url=article.url,
        title=article.title,
        outlet=article.outlet,
        published=article.published,
    )
    merge_into_stories(ref, events, event_ids, uow=uow, merging=merging)
    return IngestResult(
        status="stored",
        article=ref,
        events=len(events),
        quotes=len(quotes),
        figures=len(figures),
        people=len(people),
        cut_from=p.cut.original if p.cut else None,
        message=f"{_what_was_done(p, article.id)}: {counted(len(events), 'event')}, "
        f"{counted(len(quotes), 'quote')}, {counted(len(figures), 'figure')}, "
        f"{counted(len(people), 'speaker')}" + (f"; {p.cut.describe()}" if p.cut else ""),
    )


def _what_was_done(p: _Pending, article_id: int) -> str:
    if p.redate is not None:
        was = p.redate.published.isoformat() if p.redate.published else "undated"
        return f"re-dated article {article_id} (was {was}; {p.dated}), its facts extracted again"
    return f"stored article {article_id} ({p.dated})"


def _lookup(table: dict[str, T], digest: str, url: str | None) -> T | None:
    """What the table holds for the article's text or, failing that, its URL."""
    found = table.get(digest)
    return found if found is not None or not url else table.get(f"url:{url}")


def _stored_among(
    uow: UnitOfWork, digests: Sequence[str], cmds: Sequence[IngestArticle]
) -> dict[str, IngestResult]:
    """Results for the articles already stored, by "digest" and by "url:URL" (one query for all)."""
    urls = [c.url for c in cmds if c.url]
    found: dict[str, IngestResult] = {}
    for known in uow.articles.stored_among([d for d in digests if d], urls):
        ref = ArticleRef(
            id=known.id, url=known.url, title=known.title, outlet=known.outlet, published=known.published
        )
        result = IngestResult(
            status="duplicate", article=ref, message=f"already stored as article {known.id}: nothing changed"
        )
        found[known.content_hash] = result
        if known.url:
            found[f"url:{known.url}"] = result
    return found


def _resolve_speakers(pending: Sequence[_Pending], uow: UnitOfWork) -> list[dict[str, int]]:
    """Each article's speakers (name as quoted -> person id), all of the batch resolved at once.

    In article order and, within one, in order of first appearance: as if one by one.
    """
    sightings: list[SpeakerSighting] = []
    named: list[list[str]] = []
    for p in pending:
        entities = {e.name: e for e in p.extraction.entities}
        names: list[str] = []
        for q in p.extraction.quotes:
            if q.speaker and q.speaker not in names:
                entity = entities.get(q.speaker)
                names.append(q.speaker)
                sightings.append(
                    _sighting(q.speaker, _kind_of(q, entity), entity, q.speaker_role, p.cmd.published)
                )
        named.append(names)
    ids = iter(uow.people.upsert_many(sightings)) if sightings else iter(())
    return [{name: next(ids) for name in names} for names in named]


def _kind_of(quote: Quote, entity: Entity | None) -> SpeakerKind:
    return _speaker_kind(quote.speaker_kind or (entity.kind if entity else None))


def _sighting(
    name: str,
    kind: SpeakerKind,
    entity: Entity | None,
    role: str | None,
    seen_on: date | None,
) -> SpeakerSighting:
    roles = list(entity.roles) if entity else []
    if role and role not in roles:
        roles.append(role)
    aliases = list(entity.aliases) if entity else []
    if kind == "person":
        name, title = split_title(name)
        if title and title.casefold() not in {r.casefold() for r in roles}:
            roles.append(title)
    return SpeakerSighting(name=name, kind=kind, aliases=aliases, roles=roles, seen_on=seen_on)


def _speaker_kind(kind: str | None) -> SpeakerKind:
    # A place cannot speak; the extractor calling one a speaker means it is not sure what it is.
    if kind == "person":
        return "person"
    if kind == "organization":
        return "organization"
    return "unknown"


def _first_role(entity: Entity | None) -> str | None:
    return entity.roles[0] if entity and entity.roles else None
