"""`briefbot db upgrade | downgrade [REV] | current | reindex`: the database schema (Alembic migrations)
and its search text."""

from __future__ import annotations

import argparse
from typing import Any

from bot.cli.context import error, open_container


def register(sub: Any) -> None:
    p = sub.add_parser(
        "db",
        help="create or migrate the database (DATABASE_URL)",
        description="Manage the database schema at DATABASE_URL.",
    )
    db = p.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = db.add_parser("upgrade", help="bring the schema to the latest revision (creates the database)")
    up.set_defaults(func=_upgrade)
    down = db.add_parser("downgrade", help="step the schema back (one revision, or to REV; 'base' = empty)")
    down.add_argument("revision", nargs="?", default="-1", help="target revision (default: one step back)")
    down.set_defaults(func=_downgrade)
    cur = db.add_parser("current", help="show the schema revision the database is at")
    cur.set_defaults(func=_current)
    idx = db.add_parser(
        "reindex",
        help="refresh the search text of stored events, quotes and figures (after an upgrade changed it)",
        description="Recompute what each stored fact is found by (an event also by its article's title and "
        "lead): rows stored by an older version otherwise keep their old search text.",
    )
    idx.set_defaults(func=_reindex)


def _upgrade(args: argparse.Namespace) -> int:
    from store.migrate import current

    with open_container(args) as c:
        c.upgrade_database()
        print(f"database at {c.settings.database_url} is at revision {current(c.engine) or 'base'} (latest)")
    return 0


def _downgrade(args: argparse.Namespace) -> int:
    from store.migrate import current, downgrade

    with open_container(args) as c:
        try:
            downgrade(c.engine, args.revision)
        except Exception as exc:  # Alembic reports unknown revisions with its own exception types
            error("db downgrade", f"cannot downgrade to {args.revision}: {exc}")
            return 1
        print(f"database at {c.settings.database_url} is now at revision {current(c.engine) or 'base'}")
    return 0


def _current(args: argparse.Namespace) -> int:
    from alembic.script import ScriptDirectory

    from store.migrate import alembic_config, current

    with open_container(args) as c:
        rev = current(c.engine)
        latest = ScriptDirectory.from_config(alembic_config()).get_current_head()
        state = "up to date" if rev == latest else f"behind (latest is {latest}; run: briefbot db upgrade)"
        print(f"{rev or 'base (empty)'}: {state}")
    return 0


def _reindex(args: argparse.Namespace) -> int:
    from store.reindex import reindex_search

    with open_container(args) as c:
        c.upgrade_database()
        changed = reindex_search(c.engine)
        where = c.settings.database_url
    total = sum(changed.values())
    counts = ", ".join(f"{n} {table if n != 1 else table[:-1]}" for table, n in changed.items())
    if total:
        print(f"refreshed the search text of {total} row{'s' if total != 1 else ''} ({counts}) in {where}")
    else:
        print(f"search text already up to date in {where}: nothing refreshed")
    return 0
