"""Many rows into one table in one driver call, converted as SQLAlchemy would, compiled once.

Ingest writes ~40 rows an article (events, quotes, figures, story links and keys). Through
`Connection.execute(insert(table), rows)` SQLAlchemy builds an execution context and runs every
value of every row through its parameter machinery, which cost more than SQLite took to store
them. Here the statement is compiled once per (dialect, table, columns), each column's own bind
processor is looked up once (dates as SQLite stores them, JSON, aware UTC datetimes), and the
converted rows go to SQLite as multi-row `VALUES` statements, or to PostgreSQL through COPY.
"""

from __future__ import annotations

import functools
import json
import operator
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import JSON, Connection, Table, insert
from sqlalchemy.engine import Dialect

from store.orm import Base
from store.sqlite_rows import sqlite_rows


@dataclass(frozen=True)
class _Compiled:
    sql: str
    names: tuple[str, ...]  # the row keys, in parameter order
    convert: tuple[Callable[[Any], Any] | None, ...]
    columnar: bool  # one array a column (PostgreSQL) rather than one tuple a row
    copy_sql: str = ""  # PostgreSQL: the same rows through COPY

    @functools.cached_property
    def getter(self) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
        """A row's values in parameter order (for two names or more: itemgetter gives a tuple)."""
        return operator.itemgetter(*self.names)


def insert_rows(conn: Connection, row_type: type[Base], rows: Sequence[dict[str, Any]]) -> None:
    """Insert `rows` (dicts with the same keys, every column the insert sets) into the mapped table."""
    if not rows:
        return
    compiled = _compile(conn.dialect, row_type, tuple(rows[0]))
    if compiled.columnar:
        if row_security_active(conn, row_type.__tablename__):
            # PostgreSQL refuses COPY FROM into a table whose row-level policies apply to this role.
            conn.exec_driver_sql(compiled.sql, _columns(compiled, rows))
            return
        _copy(conn, compiled, rows)
        return
    _insert_multirow(conn, compiled, rows, tail="")


def row_security_active(conn: Connection, table: str) -> bool:
    """PostgreSQL: whether the table's row-level policies apply to this connection's role (migration
    0019: the owner is subject too, unless it is a superuser or BYPASSRLS). Asked once a connection."""
    known: dict[str, bool] = conn.info.setdefault("row_security_active", {})
    if table not in known:
        known[table] = bool(
            conn.exec_driver_sql("SELECT row_security_active(%(t)s::regclass)", {"t": table}).scalar()
        )
    return known[table]


def _copy(conn: Connection, compiled: _Compiled, rows: Sequence[dict[str, Any]]) -> None:
    """PostgreSQL: the rows through `COPY ... FROM STDIN`, in the connection's transaction.

    The rows of an `INSERT ... SELECT FROM unnest(arrays)` went through psycopg's array dumper,
    written in Python, value by value (a tenth of an ingest's time); COPY's rows are formatted in C.
    """
    driver = conn.connection.driver_connection
    assert driver is not None
    with driver.cursor() as cursor, cursor.copy(compiled.copy_sql) as copy:
        for row in _tuples(compiled, rows):
            copy.write_row(row)


# Rows a multi-row statement on SQLite takes: a batch's rows go in chunks of these sizes, largest
# first, so that each table has a handful of statements, compiled once and kept in the driver's
# statement cache (a statement for every count compiled one a batch, and the cache held dozens of
# large ones). And the parameters a statement may bind (999 before SQLite 3.32).
_CHUNK_SIZES = (256, 64, 16, 4, 1)
_SQLITE_PARAMETERS = 32_766 if sqlite3.sqlite_version_info >= (3, 32) else 999


def insert_new_rows(
    conn: Connection, row_type: type[Base], rows: Sequence[dict[str, Any]], *, returning: Sequence[str]
) -> list[tuple[Any, ...]]:
    """Insert the rows that clash with no stored row on a unique key (the others are skipped); the
    `returning` columns of the rows inserted, in no promised order.

    One statement for all (SQLite: a few, `_insert_multirow`): a multi-row `VALUES` that SQLAlchemy
    compiled cost more than storing the rows, for a batch of articles.
    """
    if not rows:
        return []
    compiled = _compile(conn.dialect, row_type, tuple(rows[0]))
    quote = conn.dialect.identifier_preparer.quote
    tail = f" ON CONFLICT DO NOTHING RETURNING {', '.join(quote(name) for name in returning)}"
    if compiled.columnar:
        return [tuple(row) for row in conn.exec_driver_sql(compiled.sql + tail, _columns(compiled, rows))]
    return _insert_multirow(conn, compiled, rows, tail=tail)


def _insert_multirow(
    conn: Connection, compiled: _Compiled, rows: Sequence[dict[str, Any]], *, tail: str
) -> list[tuple[Any, ...]]:
    """SQLite: the rows as multi-row `VALUES` statements (`_CHUNK_SIZES`), run by the driver.

    Not `executemany`: that runs the statement once a row, and SQLite opens a statement savepoint
    for each run, at which FTS5 writes out what it has indexed so far, so a fact table's full-text
    index grew by a segment a row, merged again and again (7.5 % of an ingest's instructions).
    """
    values = _tuples(compiled, rows)
    out: list[tuple[Any, ...]] = []
    first = 0
    for size in _CHUNK_SIZES:
        if size * len(compiled.names) > _SQLITE_PARAMETERS:
            continue
        sql = _multirow_sql(compiled, size, tail)
        while len(values) - first >= size:
            out += sqlite_rows(conn, sql, [value for row in values[first : first + size] for value in row])
            first += size
    return out


@functools.lru_cache(maxsize=128)
def _multirow_sql(compiled: _Compiled, rows: int, tail: str) -> str:
    head = compiled.sql[: compiled.sql.rindex(" VALUES ")]
    one_row = f"({', '.join('?' * len(compiled.names))})"
    return f"{head} VALUES {', '.join([one_row] * rows)}{tail}"


def _columns(compiled: _Compiled, rows: Sequence[dict[str, Any]]) -> dict[str, list[Any]]:
    """PostgreSQL: one converted array a column, as the `unnest` statement takes them."""
    return {
        f"p{n}": [row[name] for row in rows] if convert is None else [convert(row[name]) for row in rows]
        for n, (name, convert) in enumerate(zip(compiled.names, compiled.convert, strict=True))
    }


def _tuples(compiled: _Compiled, rows: Sequence[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """SQLite: one converted tuple a row, in parameter order.

    Column by column, so that the loops over rows run in C and only values needing conversion go
    through Python: ~30 story-key rows an article went through a generator a value.
    """
    names = compiled.names
    values = list(map(compiled.getter, rows)) if len(names) > 1 else [(row[names[0]],) for row in rows]
    if any(convert is not None for convert in compiled.convert):
        columns = [
            column if convert is None else tuple(map(convert, column))
            for convert, column in zip(compiled.convert, zip(*values, strict=True), strict=True)
        ]
        values = list(zip(*columns, strict=True))
    return values


@functools.lru_cache(maxsize=64)
def _compile(dialect: Dialect, row_type: type[Base], columns: tuple[str, ...]) -> _Compiled:
    table = row_type.__table__
    assert isinstance(table, Table)
    compiled = insert(table).compile(dialect=dialect, column_keys=list(columns))
    names = tuple(compiled.positiontup or ()) if compiled.positional else columns
    unset = set(compiled.binds) - set(columns)
    if unset:  # a Python-side column default SQLAlchemy would have filled in; this path does not
        raise ValueError(f"rows for {table.name} must set {sorted(unset)}")
    if dialect.name == "postgresql":
        return _columnar(dialect, table, columns)
    if not compiled.positional:
        raise NotImplementedError(f"bulk rows for the {dialect.name} driver's parameter style")
    convert = tuple(
        _iso_dates(table.c[name].type.dialect_impl(dialect).bind_processor(dialect)) for name in names
    )
    return _Compiled(sql=compiled.string, names=names, convert=convert, columnar=False)


def _iso_dates(process: Callable[[Any], Any] | None) -> Callable[[Any], Any] | None:
    """The processor, with dates it stores as ISO strings made by `date.isoformat` (~10x faster).

    SQLite's DATE processor fills a format from a dict of the parts, for the ~70 dates an article
    stores (story keys carry two each); where it gives exactly what `isoformat` gives, use that.
    """
    if process is None:
        return None
    try:
        if any(process(day) != day.isoformat() for day in _PROBE_DAYS):
            return process
    except Exception:  # the processor of another type (JSON, an aware datetime) refusing a date
        return process
    iso = date.isoformat

    def convert(value: Any) -> Any:
        return iso(value) if type(value) is date else process(value)  # a datetime is a date too

    return convert


_PROBE_DAYS = (date(1, 2, 3), date(2025, 12, 31))


def _columnar(dialect: Dialect, table: Table, names: tuple[str, ...]) -> _Compiled:
    # PostgreSQL runs an executemany as one INSERT a row (pipelined, still planned and executed
    # each): 145 story-key rows an article cost 1.4 ms. One INSERT ... SELECT FROM unnest(arrays)
    # takes the whole batch as one array a column.
    quote = dialect.identifier_preparer.quote
    arrays: list[str] = []
    selected: list[str] = []
    convert: list[Callable[[Any], Any] | None] = []
    for n, name in enumerate(names):
        column_type = table.c[name].type
        if isinstance(column_type, JSON):  # sent as text, read as JSON (None is JSON null, as in SQLAlchemy)
            arrays.append(f"%(p{n})s::text[]")
            selected.append(f"{quote(name)}::json")
            convert.append(json.dumps)
            continue
        arrays.append(f"%(p{n})s::{column_type.compile(dialect=dialect)}[]")
        selected.append(quote(name))
        convert.append(column_type.dialect_impl(dialect).bind_processor(dialect))
    listed = ", ".join(quote(name) for name in names)
    sql = (
        f"INSERT INTO {quote(table.name)} ({listed}) SELECT {', '.join(selected)} "
        f"FROM unnest({', '.join(arrays)}) AS t({listed})"
    )
    copy_sql = f"COPY {quote(table.name)} ({listed}) FROM STDIN"
    return _Compiled(sql=sql, names=names, convert=tuple(convert), columnar=True, copy_sql=copy_sql)
