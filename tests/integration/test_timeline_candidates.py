"""A timeline's candidates are the newest stories with a matching report, however the store finds
them: on SQLite a common word is looked for in bands of the newest stories first."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine

import store.repositories.story_search as story_search
from handlers.domain import FactSearch, NewArticle
from handlers.tenancy import ALL_WORKSPACES
from store.uow import SqlUnitOfWork
from tests.integration.builders import event

FIRST_DAY = date(2031, 1, 1)


@pytest.fixture
def uow(uow: SqlUnitOfWork) -> SqlUnitOfWork:
    """The store's own bookkeeping, not what a workspace sees: read for all of them."""
    return uow.of(ALL_WORKSPACES)


def _day(n: int) -> str:
    return (FIRST_DAY + timedelta(days=n)).isoformat()


def _fill(uow: SqlUnitOfWork) -> dict[int, tuple[str, bool]]:
    """Stories (id -> their date, whether a report says "harbour"), with reports stored in an order
    unlike their stories' dates: the newest story's only harbour report is the first event stored."""
    stories: dict[int, tuple[str, bool]] = {}
    with uow:
        text = "ledger archive"  # no "harbour": the lead is searched with every report (issue 19)
        digest = hashlib.sha256(text.encode()).hexdigest()
        article = uow.articles.add(
            NewArticle(
                url=None, outlet="Ledger", title=None, published=FIRST_DAY, text=text, content_hash=digest
            )
        )
        [oldest] = uow.events.add_many(article.id, [event("Harbour gala planned", _day(90))])
        assert oldest is not None
        newest = uow.stories.start(
            oldest, date=_day(90), summary="Harbour gala planned", actors=[], places=[]
        )
        stories[newest] = (_day(90), True)
        for n in range(80):
            # Every third story has no harbour report; some have two reports, one of them quiet.
            said = ["Quiet day in town"] if n % 3 == 0 else ["Harbour crews walked out"]
            if n % 4 == 1:
                said.append("Quiet day at the market")
            day = _day(n // 2)  # two stories a day: the id decides between them
            ids = uow.events.add_many(article.id, [event(s, day) for s in said])
            first, *rest = [i for i in ids if i is not None]
            story = uow.stories.start(first, date=day, summary=said[0], actors=[], places=[])
            for other in rest:
                uow.stories.attach(story, other, score=0.9, reason={})
            stories[story] = (day, n % 3 != 0)
        uow.commit()
    return stories


def _newest_with_harbour(
    stories: dict[int, tuple[str, bool]], cap: int, since: str | None = None, until: str | None = None
) -> list[int]:
    found = [
        (day, i)
        for i, (day, harbour) in stories.items()
        if harbour and (since is None or day >= since) and (until is None or day <= until)
    ]
    return [i for _, i in sorted(found, reverse=True)][:cap]


@pytest.mark.parametrize("band", [1, 4])
@pytest.mark.parametrize("cap", [1, 2, 3, 5, 8, 60])
def test_candidates_are_the_newest_stories_with_a_matching_report(
    engine: Engine, uow: SqlUnitOfWork, monkeypatch: pytest.MonkeyPatch, cap: int, band: int
) -> None:
    stories = _fill(uow)
    # A small store, so: "common" from 10 matches (the timeline's threshold is 1,000), and always
    # banded; bands of `band` times the stories wanted (with 1, most need a second band).
    monkeypatch.setattr("store.fact_search.DENSE_MATCHES", 10)
    monkeypatch.setattr(story_search, "_BANDED_MATCHES", 0)
    monkeypatch.setattr(story_search, "_BAND", band)
    banded: list[Any] = []
    real = story_search._sqlite_banded

    def spy(*args: Any, **kwargs: Any) -> Any:
        found = real(*args, **kwargs)
        banded.append(found is not None)
        return found

    monkeypatch.setattr(story_search, "_sqlite_banded", spy)
    with uow:
        for since, until in ((None, None), (_day(10), None), (None, _day(30)), (_day(5), _day(12))):
            found = uow.stories.search(FactSearch(terms=["harbours"], since=since, until=until), cap=cap)
            assert [h.id for h in found] == _newest_with_harbour(stories, cap, since, until), (since, until)
    if engine.dialect.name == "sqlite":
        assert any(banded)
