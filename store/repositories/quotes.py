"""Quotes: who said what, searchable by their words and by the speaker's names."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.orm import Session

from handlers.domain import FactSearch, NewQuote, QuoteRecord
from store.bulk_insert import insert_rows
from store.fact_search import NEWEST_ARTICLE_FIRST, find_facts, published_window
from store.orm import ArticleRow, PersonAliasRow, PersonRow, QuoteRow
from store.repositories.articles import row_values, to_ref
from store.search_text import index_text


class SqlQuoteRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add_many(self, article_id: int, quotes: Sequence[tuple[NewQuote, int | None]]) -> None:
        """Store quotes, each with the id of its speaker in the people table (or None).

        Written with the rest of the transaction's quotes, before anything reads quotes or at commit.
        """
        _pending(self._session).extend(
            {"article_id": article_id, "person_id": person_id, **quote.model_dump()}
            for quote, person_id in quotes
        )

    def flush(self) -> None:
        """Send the quotes added since the last read to the database."""
        flush_quotes(self._session)

    def search(self, search: FactSearch) -> tuple[list[QuoteRecord], int]:
        """Quotes matching the terms (in their words or their speaker's names), newest article first.

        `person_ids` narrows to quotes by those people; with terms as well, both must hold.
        """
        flush_quotes(self._session)
        filters: list[ColumnElement[bool]] = published_window(search)
        if search.person_ids:
            filters.append(QuoteRow.person_id.in_(search.person_ids))
        rows, total = find_facts(
            self._session,
            QuoteRow,
            search,
            filters=filters,
            order_by=(*NEWEST_ARTICLE_FIRST, QuoteRow.start, QuoteRow.id),
        )
        return [_record(quote, article) for quote, article in rows], total


# Key of the per-transaction cache of speakers' names in Session.info.
SPEAKER_NAMES_CACHE = "briefbot.speaker_names"
# Quotes added and not yet written, in Session.info: one statement for a whole ingest batch (one
# an article cost more than the rows), and anything that reads quotes writes them first.
_PENDING_QUOTES = "briefbot.pending_quotes"


def _pending(session: Session) -> list[dict[str, Any]]:
    pending: list[dict[str, Any]] = session.info.setdefault(_PENDING_QUOTES, [])
    return pending


def flush_quotes(session: Session) -> None:
    """Write the quotes added in this session and not yet written, indexed with their speakers' names."""
    pending = session.info.pop(_PENDING_QUOTES, None)
    if not pending:
        return
    names = _names(session, {row["person_id"] for row in pending if row["person_id"] is not None})
    for row in pending:
        row["search_text"] = quote_search_text(
            row["text"], row["speaker"], row["speaker_role"], names.get(row["person_id"] or 0, [])
        )
    insert_rows(session.connection(), QuoteRow, pending)  # one executemany, past the ORM


def _names(session: Session, person_ids: set[int]) -> dict[int, list[str]]:
    # A transaction reads each speaker's names once (the cache lives in the session); the people
    # repository drops the cache when it changes anyone.
    known: dict[int, list[str]] = session.info.setdefault(SPEAKER_NAMES_CACHE, {})
    missing = person_ids - known.keys()
    if missing:
        found = speaker_names(session, missing)
        known.update({pid: found.get(pid, []) for pid in missing})
    return known


def reindex_people_quotes(session: Session, names: dict[int, list[str]]) -> None:
    """Refresh the search text of people's quotes after their names or aliases changed.

    `names` holds each person's name and aliases (as `speaker_names` gives them).
    """
    if not names:
        return
    flush_quotes(session)  # their quotes added in this transaction too
    person_ids = list(names)
    changed = [
        {"id": quote_id, "search_text": new}
        for quote_id, person_id, text, speaker, role, old in session.execute(
            select(
                QuoteRow.id,
                QuoteRow.person_id,
                QuoteRow.text,
                QuoteRow.speaker,
                QuoteRow.speaker_role,
                QuoteRow.search_text,
            ).where(QuoteRow.person_id.in_(person_ids))
        )
        if (new := quote_search_text(text, speaker, role, names.get(person_id or 0, []))) != old
    ]
    if changed:
        session.execute(update(QuoteRow), changed)


def speaker_names(session: Session, person_ids: Iterable[int]) -> dict[int, list[str]]:
    """Each person's name and aliases, for indexing their quotes."""
    ids = list(person_ids)
    if not ids:
        return {}
    names: dict[int, list[str]] = {}
    for pid, name in session.execute(select(PersonRow.id, PersonRow.name).where(PersonRow.id.in_(ids))):
        names.setdefault(pid, []).append(name)
    aliases = (
        select(PersonAliasRow.person_id, PersonAliasRow.alias)
        .where(PersonAliasRow.person_id.in_(ids))
        .order_by(PersonAliasRow.id)
    )
    for pid, alias in session.execute(aliases):
        names.setdefault(pid, []).append(alias)
    return names


def quote_search_text(text: str, speaker: str | None, role: str | None, names: list[str]) -> str:
    """What a quote is found by: its words, the speaker as named and their role, the person's names."""
    return index_text([text, speaker, role, *names])


def _record(row: QuoteRow, article: ArticleRow) -> QuoteRecord:
    return QuoteRecord.model_validate({**row_values(row), "article": to_ref(article)})
