"""Ids handed out ahead of the rows: never twice, and on PostgreSQL in few round trips."""

from __future__ import annotations

import pytest
from sqlalchemy import Connection, Engine, event

from store.row_ids import RowIds


def _statements(conn: Connection) -> list[int]:
    """A list that grows by one for each statement run on `conn` from now on."""
    run: list[int] = []

    @event.listens_for(conn, "before_cursor_execute")
    def count(*args: object) -> None:
        run.append(1)

    return run


def test_ids_are_new_ascending_and_never_given_twice(engine: Engine) -> None:
    with engine.begin() as conn:
        ids = RowIds(conn, "events", max_block=8, first_block=4)
        taken = [ids.new(), *ids.take(3), *ids.take(10), *ids.take(0), ids.new()]
    assert len(set(taken)) == len(taken) == 15
    assert taken == sorted(taken)


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_postgresql_reserves_growing_blocks_from_the_first(engine: Engine) -> None:
    with engine.begin() as conn:
        reserved = _statements(conn)
        ids = RowIds(conn, "events", max_block=64, first_block=16)
        ids.new()
        assert len(reserved) == 1
        ids.take(15)  # the rest of the first block of 16
        assert len(reserved) == 1
        ids.take(40)  # a block of 32 would not do: at least what is asked
        ids.take(50)  # then 64 at most
        assert len(reserved) == 3


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_ids_reserved_ahead_are_taken_without_a_round_trip(engine: Engine) -> None:
    with engine.begin() as conn:
        statements = _statements(conn)
        ids = RowIds(conn, "stories", max_block=32)
        ids.reserve(100)
        ids.reserve(60)  # already there
        assert len(statements) == 1
        taken = [*ids.take(30), *(ids.new() for _ in range(70))]
        assert len(statements) == 1
        ids.new()  # then blocks again, from the first
        assert len(statements) == 2
    assert taken == sorted(taken) and len(set(taken)) == 100


def test_reserving_ahead_changes_nothing_taken_on_either_database(engine: Engine) -> None:
    with engine.begin() as conn:
        ids = RowIds(conn, "events", max_block=8)
        ids.reserve(5)
        taken = [*ids.take(3), *ids.take(4), ids.new()]
    assert len(set(taken)) == len(taken) == 8 and taken == sorted(taken)
