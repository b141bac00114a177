"""One article's events are compared with a bounded number of candidates each (issue 22)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest

from extract import Event, Extraction
from handlers import stories
from handlers.ingest import ingest_article
from handlers.results import IngestArticle
from handlers.story_match import EventFeatures, MatchScore
from tests.fakes import FakeUnitOfWork, FixedClock

STORE_LIMIT = 50  # matching_members' limit: stored candidates a report


def _long_article(events: int) -> tuple[str, Extraction]:
    sentences = [f"Workers at depot {i} in Velmora walked out on Monday over pay." for i in range(events)]
    text = " ".join(sentences)
    found, at = [], 0
    for s in sentences:
        start = text.index(s, at)
        found.append(Event(date="2031-03-03", start=start, end=start + len(s), summary=s, places=["Velmora"]))
        at = start + len(s)
    return text, Extraction(events=found)


def test_each_event_of_a_long_article_meets_a_bounded_number_of_candidates(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text, extraction = _long_article(200)
    sizes: list[int] = []
    real = stories.best_match

    def counting(
        event: EventFeatures, candidates: Sequence[tuple[int, Sequence[EventFeatures]]]
    ) -> tuple[int, MatchScore] | None:
        sizes.append(sum(len(members) for _, members in candidates))
        return real(event, candidates)

    monkeypatch.setattr(stories, "best_match", counting)
    uow = FakeUnitOfWork()
    result = ingest_article(
        IngestArticle(text=text, published=date(2031, 3, 4)),
        uow=uow,
        extractor=lambda t, p: extraction,
        clock=FixedClock(date(2031, 3, 10)),
    )
    assert result.status == "stored" and result.events == 200
    assert len(sizes) == 200
    # every event was compared with the ones before it, up to the bound (not with all 199)
    assert max(sizes) <= stories.SAME_ARTICLE_CANDIDATES + STORE_LIMIT
    assert sizes[10] >= 10
    # and the reports of the one happening still became one story
    assert len({link[0] for link in uow.stories.links}) == 1
