"""Rows of ingest's hottest PostgreSQL reads, fetched by psycopg itself.

Story matching reads ~1,000 postings and ~100 members an article, in two statements. Through
SQLAlchemy each went through an execution context and a result wrapper, and each list parameter
through psycopg's array dumper, which is written in Python and dumps value by value: together
more client time than the server took to find the rows. Here parameters are one text each (JSON,
or an array literal) that the server parses, and rows come from psycopg's C loaders.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection


def postgres_rows(conn: Connection, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    """The rows of one statement (`%s` parameters), on the connection's transaction, prepared once."""
    driver = conn.connection.driver_connection
    assert driver is not None
    with driver.cursor() as cursor:
        cursor.execute(sql, params, prepare=True)
        return cursor.fetchall()  # type: ignore[no-any-return]


def integer_array(values: Sequence[int]) -> str:
    """Integers as a PostgreSQL array literal, for a `%s::integer[]` parameter."""
    return "{" + ",".join(map(str, values)) + "}"


def json_rows(rows: Sequence[Sequence[Any]]) -> str:
    """Rows of plain values (dates as ISO text) as one JSON array of arrays, for `json_array_elements`."""
    return json.dumps(rows, separators=(",", ":"))
