"""Ingest one article: extract its facts and store article, events, quotes, speakers and figures at once."""

from __future__ import annotations

import hashlib
import logging
import unicodedata
from collections.abc import Callable
from datetime import date

from extract import Entity, Extraction, extract
from extract.document import Document
from extract.lexicon_roles import role_qualifiers, titles
from handlers.domain import (
    ArticleRef,
    ArticleStoredMeanwhile,
    NewArticle,
    NewEvent,
    NewFigure,
    NewQuote,
    SpeakerKind,
    SpeakerSighting,
)
from handlers.ports import Clock, UnitOfWork
from handlers.results import IngestArticle, IngestResult
from handlers.stories import merge_into_stories

log = logging.getLogger(__name__)

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
    or the same URL) is reported as a duplicate and nothing changes.
    """
    if not cmd.text.strip():
        return IngestResult(status="rejected", message="the text is empty: nothing to store")
    digest = content_hash(cmd.text)
    with uow:
        known = _already_stored(uow, digest, cmd.url)
    if known is not None:
        return known
    # An undated article is being read now, so "on Monday" most likely means the Monday just past.
    reference = cmd.published or clock.today()
    try:
        extraction = extractor(cmd.text, reference)
    except Exception:
        log.exception("extraction failed for %s", cmd.url or cmd.title or digest[:12])
        return IngestResult(status="rejected",
                            message="extraction failed on this text (logged): nothing stored")
    return _store(cmd, digest, extraction, uow)


def _store(cmd: IngestArticle, digest: str, ex: Extraction, uow: UnitOfWork) -> IngestResult:
    doc = Document.parse(cmd.text, cmd.published)
    events = [
        NewEvent(date=e.date, summary=e.summary, sentence=cmd.text[e.start:e.end], start=e.start, end=e.end,
                 actors=list(e.actors), places=list(e.places))
        for e in ex.events
    ]
    figures = [
        NewFigure(text=f.text, value=f.value, value_max=f.value_max, unit=f.unit, bound=f.bound,
                  change=f.change, about=f.about, sentence=doc.sentence_text(doc.sentence_at(f.start)),
                  start=f.start, end=f.end)
        for f in ex.figures
    ]
    entities = {e.name: e for e in ex.entities}
    with uow:
        # Checked again inside the writing transaction: another worker may have stored it meanwhile.
        known = _already_stored(uow, digest, cmd.url)
        if known is not None:
            return known
        try:
            article = uow.articles.add(NewArticle(
                url=cmd.url, title=cmd.title, outlet=cmd.outlet, published=cmd.published, text=cmd.text,
                content_hash=digest, source_id=cmd.source_id, guid=cmd.guid,
            ))
        except ArticleStoredMeanwhile as lost:
            # Another worker won the race for this article; leaving rolls back our transaction.
            return IngestResult(status="duplicate", message=f"already stored as article {lost.article_id}: "
                                                            "nothing changed")
        sightings: dict[str, SpeakerSighting] = {}
        kinds: list[SpeakerKind] = []
        for q in ex.quotes:
            entity = entities.get(q.speaker or "")
            kinds.append(_speaker_kind(q.speaker_kind or (entity.kind if entity else None)))
            if q.speaker and q.speaker not in sightings:
                sightings[q.speaker] = _sighting(q.speaker, kinds[-1], entity, q.speaker_role, cmd.published)
        # Every speaker of the article resolved at once, in order of first appearance.
        people = dict(zip(sightings, uow.people.upsert_many(list(sightings.values())), strict=True))
        quotes: list[tuple[NewQuote, int | None]] = [
            (
                NewQuote(text=q.text, kind=q.kind, speaker=q.speaker, speaker_kind=kind,
                         speaker_role=q.speaker_role or _first_role(entities.get(q.speaker or "")),
                         cue=q.cue, start=q.start, end=q.end),
                people.get(q.speaker) if q.speaker else None,
            )
            for q, kind in zip(ex.quotes, kinds, strict=True)
        ]
        event_ids = uow.events.add_many(article.id, events)
        uow.quotes.add_many(article.id, quotes)
        uow.figures.add_many(article.id, figures)
        ref = ArticleRef(id=article.id, url=article.url, title=article.title, outlet=article.outlet,
                         published=article.published)
        merge_into_stories(ref, events, event_ids, uow=uow)
        uow.commit()
    return IngestResult(
        status="stored", article=ref, events=len(events), quotes=len(quotes), figures=len(figures),
        people=len(people),
        message=f"stored article {article.id}: {len(events)} events, {len(quotes)} quotes, "
                f"{len(figures)} figures, {len(people)} speakers",
    )


def _already_stored(uow: UnitOfWork, digest: str, url: str | None) -> IngestResult | None:
    known = uow.articles.get_by_hash(digest) or (uow.articles.get_by_url(url) if url else None)
    if known is None:
        return None
    ref = ArticleRef(id=known.id, url=known.url, title=known.title, outlet=known.outlet,
                     published=known.published)
    return IngestResult(status="duplicate", article=ref,
                        message=f"already stored as article {known.id}: nothing changed")


def _sighting(
    name: str, kind: SpeakerKind, entity: Entity | None, role: str | None, seen_on: date | None,
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


def split_title(name: str) -> tuple[str, str | None]:
    """"Prime Minister Keir Starmer" -> ("Keir Starmer", "Prime Minister"): one person, whatever the title."""
    words = name.split()
    n = 0
    while n < len(words) - 1 and words[n][:1].isupper() and (
        words[n].casefold() in titles() or words[n].casefold() in role_qualifiers()
    ):
        n += 1
    if n == 0 or words[n - 1].casefold() not in titles():
        return name, None  # "Foreign Keir Starmer" is no title: only strip what ends in a title word
    return " ".join(words[n:]), " ".join(words[:n])


def _speaker_kind(kind: str | None) -> SpeakerKind:
    # A place cannot speak; the extractor calling one a speaker means it is not sure what it is.
    if kind == "person":
        return "person"
    if kind == "organization":
        return "organization"
    return "unknown"


def _first_role(entity: Entity | None) -> str | None:
    return entity.roles[0] if entity and entity.roles else None
