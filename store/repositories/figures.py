"""Figures: numbers with what they count, searchable by their words and their sentence."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from handlers.domain import FactSearch, FigureRecord, NewFigure
from store.bulk_insert import insert_rows
from store.fact_search import NEWEST_ARTICLE_FIRST, find_facts, published_window
from store.orm import ArticleRow, FigureRow
from store.repositories.articles import row_values, to_ref
from store.search_text import index_text


def figure_search_text(text: str, unit: str | None, about: str | None, sentence: str) -> str:
    """What a figure is found by: the number as written, its unit, what it counts, its sentence."""
    return index_text([text, unit, about, sentence])


class SqlFigureRepository:
    def __init__(self, session: Session) -> None:
        self._session = session
        # Written with the rest of the transaction's figures, before a read or at commit: one
        # statement for a whole ingest batch (one an article cost more than the rows).
        self._pending: list[dict[str, object]] = []

    def add_many(self, article_id: int, figures: Sequence[NewFigure]) -> None:
        """Store an article's figures, indexed by text, unit, subject and sentence."""
        if not figures:
            return
        self._pending.extend(
            {
                "article_id": article_id,
                "search_text": figure_search_text(figure.text, figure.unit, figure.about, figure.sentence),
                **figure.model_dump(),
            }
            for figure in figures
        )

    def flush(self) -> None:
        """Send the figures added since the last read to the database."""
        if self._pending:
            insert_rows(self._session.connection(), FigureRow, self._pending)  # one executemany
            self._pending = []

    def search(self, search: FactSearch) -> tuple[list[FigureRecord], int]:
        """Figures whose text, unit, subject or sentence match; newest article first."""
        self.flush()
        rows, total = find_facts(
            self._session,
            FigureRow,
            search,
            filters=published_window(search),
            order_by=(*NEWEST_ARTICLE_FIRST, FigureRow.start, FigureRow.id),
        )
        return [_record(figure, article) for figure, article in rows], total


def _record(row: FigureRow, article: ArticleRow) -> FigureRecord:
    return FigureRecord.model_validate({**row_values(row), "article": to_ref(article)})
