"""A topic's words may be spread over a story's reports, but each must be in a report the asking
workspace reads; the story search finds the same stories whichever way it reads them (issue 21):
walking the stories newest first, or gathering candidates from the rarest words' matches, for a
workspace reading most of the store or a small part of it."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

import pytest

import store.repositories.story_search_cost as story_search
from handlers.domain import FactSearch, NewArticle
from handlers.tenancy import ALL_WORKSPACES
from store.uow import SqlUnitOfWork
from tests.integration.builders import event

DAY = date(2032, 5, 1)


def _article(uow: SqlUnitOfWork, text: str) -> int:
    digest = hashlib.sha256(text.encode()).hexdigest()
    added = uow.articles.add(
        NewArticle(url=None, outlet="Gazette", title=None, published=DAY, text=text, content_hash=digest)
    )
    return added.id


def _story(uow: SqlUnitOfWork, n: int, reports: list[tuple[int, str]]) -> int:
    day = (DAY + timedelta(days=n)).isoformat()
    ids = [i for article, said in reports for i in uow.events.add_many(article, [event(said, day)])]
    first, *rest = [i for i in ids if i is not None]
    story = uow.stories.start(first, date=day, summary=reports[0][1], actors=[], places=[])
    for other in rest:
        uow.stories.attach(story, other, score=0.9, reason={})
    return story


def _fill(uow: SqlUnitOfWork) -> dict[str, int]:
    """Stories by name: "both" and "spread" match for everyone, "hidden" only where the report
    saying "derailed" is read (workspace TB and all), "ferry" and "derailed" never (one word)."""
    with uow.of("TA"):
        shared = _article(uow, "ledger one")
        uow.commit()
    with uow.of("TB"):
        own = _article(uow, "ledger two")
        uow.commit()
    with uow.of(ALL_WORKSPACES):
        uow.articles.grant([shared], ["TB"])
        stories = {
            "spread": _story(
                uow, 1, [(shared, "Ferry crews walked out"), (shared, "Freight train derailed")]
            ),
            "both": _story(uow, 2, [(shared, "Ferry and train derailed in one storm")]),
            "hidden": _story(uow, 3, [(shared, "Ferry timetable cut"), (own, "Coal wagons derailed")]),
            "ferry": _story(uow, 4, [(shared, "Ferry fares rise")]),
            "derailed": _story(uow, 5, [(own, "Tram derailed at depot")]),
        }
        uow.commit()
    return stories


@pytest.mark.parametrize("path", ["walk", "candidates, mostly read", "candidates, a small part read"])
@pytest.mark.parametrize("gather_within", [0, 4])
def test_words_spread_over_reports_the_workspace_reads(
    uow: SqlUnitOfWork, monkeypatch: pytest.MonkeyPatch, path: str, gather_within: int
) -> None:
    stories = _fill(uow)
    for unit in ("CANDIDATE_COST", "NARROW_CANDIDATE_COST", "PG_CANDIDATE_COST"):
        monkeypatch.setattr(story_search, unit, 1e9 if path == "walk" else 0.0)
    if path != "walk":
        monkeypatch.setattr(story_search, "MOSTLY", -1.0 if "mostly" in path else 2.0)
    monkeypatch.setattr(story_search, "GATHER_WITHIN", gather_within)
    expected = {
        "TA": ["both", "spread"],
        "TB": ["hidden", "both", "spread"],
        ALL_WORKSPACES: ["hidden", "both", "spread"],
    }
    for workspace, names in expected.items():
        with uow.of(workspace):
            found = uow.stories.search(FactSearch(terms=["derailed", "ferry"]), cap=10)
        assert [h.id for h in found] == [stories[n] for n in names], workspace
