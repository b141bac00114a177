"""Many rows into one table in one driver call, converted as SQLAlchemy would, compiled once.

Ingest writes ~40 rows an article (events, quotes, figures, story links and keys). Through
`Connection.execute(insert(table), rows)` SQLAlchemy builds an execution context and runs every
value of every row through its parameter machinery, which cost more than SQLite took to store
them. Here the statement is compiled once per (dialect, table, columns), each column's own bind
processor is looked up once (dates as SQLite stores them, JSON, aware UTC datetimes), and the
converted rows go to the driver's executemany.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, insert
from sqlalchemy.engine import Dialect

from store.orm import Base


@dataclass(frozen=True)
class _Compiled:
    sql: str
    positional: bool
    names: tuple[str, ...]  # bind names in parameter order (positional) or the row's keys
    convert: tuple[Callable[[Any], Any] | None, ...]


def insert_rows(conn: Connection, row_type: type[Base], rows: Sequence[dict[str, Any]]) -> None:
    """Insert `rows` (dicts with the same keys, every column the insert sets) into the mapped table."""
    if not rows:
        return
    compiled = _compile(conn.dialect, row_type, tuple(rows[0]))
    pairs = tuple(zip(compiled.names, compiled.convert, strict=True))
    if compiled.positional:
        params: list[Any] = [
            tuple(row[name] if convert is None else convert(row[name]) for name, convert in pairs)
            for row in rows
        ]
    else:
        params = [{name: row[name] if convert is None else convert(row[name]) for name, convert in pairs}
                  for row in rows]
    conn.exec_driver_sql(compiled.sql, params)


@functools.lru_cache(maxsize=64)
def _compile(dialect: Dialect, row_type: type[Base], columns: tuple[str, ...]) -> _Compiled:
    table = row_type.__table__
    assert isinstance(table, Table)
    compiled = insert(table).compile(dialect=dialect, column_keys=list(columns))
    names = tuple(compiled.positiontup or ()) if compiled.positional else columns
    unset = set(names) - set(columns)
    if unset:  # a Python-side column default SQLAlchemy would have filled in; this path does not
        raise ValueError(f"rows for {table.name} must set {sorted(unset)}")
    convert = tuple(
        table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names
    )
    return _Compiled(sql=compiled.string, positional=compiled.positional, names=names, convert=convert)
