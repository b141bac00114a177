"""Which stored members a new report is compared with: every day, month and year that overlaps it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from handlers.domain import ArticleRef, StoryKeys, StoryMember
from store.database import make_engine
from store.migrate import upgrade
from store.repositories import stories as stories_repository
from store.repositories.events import date_range
from store.repositories.story_statements import key_postings_sqlite
from store.uow import SqlUnitOfWork
from tests.integration.builders import event, new_article


def _store_members(uow: SqlUnitOfWork, dates: list[str]) -> dict[str, int]:
    """One story a date, its one member indexed under the key "n:brenn"; event id by date."""
    with uow:
        article = uow.articles.add(new_article("Brenn over the years"))
        ids = uow.events.add_many(article.id, [event(f"Brenn {d}", d, places=["Brenn"]) for d in dates])
        for when, event_id in zip(dates, ids, strict=True):
            assert event_id is not None
            start, end = date_range(when)
            uow.stories.start(
                event_id,
                date=when,
                summary=f"Brenn {when}",
                actors=[],
                places=["Brenn"],
                keys=StoryKeys(start=start, end=end, keys=["n:brenn"]),
            )
        uow.commit()
    return dict(zip(dates, [i for i in ids if i is not None], strict=True))


def _found(uow: SqlUnitOfWork, since: date, until: date) -> set[int]:
    with uow:
        [found] = uow.stories.matching_members([StoryKeys(start=since, end=until, keys=["n:brenn"])])
    return {m.event_id for _, m in found}


def test_a_report_meets_every_day_month_and_year_that_overlaps_it(uow: SqlUnitOfWork) -> None:
    ids = _store_members(
        uow,
        [
            "2031-05-14",
            "2031-05-15",
            "2031-05-31",
            "2031-05",
            "2031-06",
            "2031",
            "2030",
            "2031-12-31",
            "2031-12",
        ],
    )
    by = {i: d for d, i in ids.items()}

    def dates(since: date, until: date) -> set[str]:
        return {by[i] for i in _found(uow, since, until)}

    # A day meets itself and the month and the year holding it, nothing later or earlier.
    assert dates(date(2031, 5, 14), date(2031, 5, 14)) == {"2031-05-14", "2031-05", "2031"}
    # The last day of a month (and of a year): the month and year end on it.
    assert dates(date(2031, 5, 31), date(2031, 5, 31)) == {"2031-05-31", "2031-05", "2031"}
    assert dates(date(2031, 12, 31), date(2031, 12, 31)) == {"2031-12-31", "2031-12", "2031"}
    # A month meets its days, itself and its year; a year meets all of it.
    assert dates(date(2031, 5, 1), date(2031, 5, 31)) == {
        "2031-05-14",
        "2031-05-15",
        "2031-05-31",
        "2031-05",
        "2031",
    }
    assert dates(date(2031, 1, 1), date(2031, 12, 31)) == set(ids) - {"2030"}


def test_the_sqlite_look_up_reads_bounded_index_ranges_without_statistics(tmp_path: Path) -> None:
    # In a new store SQLite has no statistics: written as "ends after the day", the month-and-year
    # part read every later posting of a key (42 ms an article at 32k articles, against 1.8).
    url = f"sqlite:///{tmp_path / 'new.db'}"
    engine = make_engine(url)
    upgrade(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM sqlite_stat1")
    engine.dispose()
    engine = make_engine(url)  # connections that never saw any statistics
    try:
        sql = key_postings_sqlite(8)
        with engine.connect() as conn:
            params = tuple(["2031-05-14"] * sql.count("?"))
            plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params).all()
    finally:
        engine.dispose()
    searches = [row[-1] for row in plan if "story_keys" in row[-1]]
    assert len(searches) == 24
    for search in searches:
        assert "key=?" in search
        assert "date_end=?" in search or ("date_end>?" in search and "date_end<?" in search), search


def test_members_written_during_a_transaction_are_found_after_earlier_look_ups(uow: SqlUnitOfWork) -> None:
    # Postings read once a transaction must not hide members linked (or written) after the read.
    first = _store_members(uow, ["2031-05-14"])
    day = date(2031, 5, 14)
    keys = StoryKeys(start=day, end=day, keys=["n:brenn"])
    with uow:
        [before] = uow.stories.matching_members([keys])
        article = uow.articles.add(new_article("Brenn again"))
        [new_id] = uow.events.add_many(article.id, [event("Brenn again", "2031-05-14", places=["Brenn"])])
        assert new_id is not None
        uow.stories.start(
            new_id, date="2031-05-14", summary="Brenn again", actors=[], places=["Brenn"], keys=keys
        )
        [buffered] = uow.stories.matching_members([keys])
        uow.stories.get(1)  # a read: the buffered links and keys are written
        [written] = uow.stories.matching_members([keys])
    assert {m.event_id for _, m in before} == {first["2031-05-14"]}
    assert {m.event_id for _, m in buffered} == {first["2031-05-14"], new_id}
    assert {m.event_id for _, m in written} == {first["2031-05-14"], new_id}


def test_reading_ahead_finds_the_same_members_and_leaves_no_look_up_to_do(
    uow: SqlUnitOfWork, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 70 reports, each its own key word and one shared name: more arms than one SQLite statement
    # takes. Each key word is posted by 3 stored members, the name by all 210, so a report's 50
    # first are its own 3 and the 47 newest others; a member linked during the transaction shares
    # both of report 0's keys and pushes one stored member out of its 50.
    day = date(2031, 5, 14)
    with uow:
        article = uow.articles.add(new_article("Brenn all week"))
        ids = uow.events.add_many(
            article.id, [event(f"Brenn {i}", "2031-05-14", places=["Brenn"]) for i in range(210)]
        )
        for i, event_id in enumerate(ids):
            assert event_id is not None
            uow.stories.start(
                event_id,
                date="2031-05-14",
                summary=f"Brenn {i}",
                actors=[],
                places=["Brenn"],
                keys=StoryKeys(start=day, end=day, keys=["n:brenn", f"w:word{i % 70}"]),
            )
        uow.commit()
    reports = [StoryKeys(start=day, end=day, keys=["n:brenn", f"w:word{i}"]) for i in range(70)]

    def look_ups(read_ahead: bool) -> list[list[int]]:
        with uow:
            if read_ahead:
                uow.stories.read_ahead(reports)
                _forbid_statements(monkeypatch)
            found = [[m.event_id for _, m in hits] for hits in uow.stories.matching_members(reports[:1])]
            article = uow.articles.add(new_article("Brenn again"))
            [new_id] = uow.events.add_many(article.id, [event("Brenn again", "2031-05-14", places=["Brenn"])])
            assert new_id is not None
            # As ingest starts it: with the member, which the store then has no need to read back.
            member = StoryMember(
                event_id=new_id,
                date="2031-05-14",
                summary="Brenn again",
                actors=[],
                places=["Brenn"],
                start=0,
                article=ArticleRef(id=article.id),
            )
            uow.stories.start(
                new_id,
                date="2031-05-14",
                summary="Brenn again",
                actors=[],
                places=["Brenn"],
                keys=reports[0],
                member=member,
            )
            found += [
                [-1 if m.event_id == new_id else m.event_id for _, m in hits]  # ids differ a run
                for hits in uow.stories.matching_members(reports)
            ]
            monkeypatch.undo()
        return found

    ahead, plain = look_ups(read_ahead=True), look_ups(read_ahead=False)
    assert ahead == plain
    assert len(ahead[0]) == 50 and ahead[1][0] == -1 and ahead[1][1:] == ahead[0][:49]  # one pushed out


def _forbid_statements(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a look-up ran a statement after reading ahead")

    for name in ("postgres_rows", "sqlite_rows", "member_rows_sqlite"):
        monkeypatch.setattr(stories_repository, name, refuse)


def test_a_member_taken_out_of_its_story_is_no_longer_found_by_its_keys(uow: SqlUnitOfWork) -> None:
    # What a transaction ranked before the split must not outlive it (the member's keys are gone).
    ids = _store_members(uow, ["2031-05-14"])
    day = date(2031, 5, 14)
    keys = StoryKeys(start=day, end=day, keys=["n:brenn"])
    with uow:
        uow.stories.read_ahead([keys])
        [before] = uow.stories.matching_members([keys])
        uow.stories.detach(ids["2031-05-14"])
        [after] = uow.stories.matching_members([keys])
    assert [m.event_id for _, m in before] == [ids["2031-05-14"]]
    assert after == []
