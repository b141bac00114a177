"""Events added in a session and not yet written: one statement for a whole ingest batch.

Their ids are handed out ahead (store.row_ids), so stories can link them at once; the rows are
written before anything in the session reads events, and at commit.
"""

from __future__ import annotations

from collections.abc import Set
from typing import Any

from sqlalchemy.orm import Session

from store.bulk_insert import insert_rows
from store.orm import EventRow

# Keys in Session.info: the session is the transaction every repository shares.
_PENDING_EVENTS = "briefbot.pending_events"


def pending_events(session: Session) -> dict[int, dict[str, Any]]:
    """The rows waiting to be written, by event id (add to it)."""
    pending: dict[int, dict[str, Any]] = session.info.setdefault(_PENDING_EVENTS, {})
    return pending


def pending_event_ids(session: Session) -> Set[int]:
    """Ids of the events added in this session and not yet written."""
    return pending_events(session).keys()


def flush_events(session: Session) -> None:
    """Write the events added in this session and not yet written (one statement)."""
    pending = session.info.pop(_PENDING_EVENTS, None)
    if pending:
        insert_rows(session.connection(), EventRow, list(pending.values()))
