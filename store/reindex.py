"""Rebuild every fact's search text after store.search_text changed its rules.

The full-text indexes follow `search_text` on their own (SQLite triggers, PostgreSQL generated
column), so recomputing that column is all a reindex takes.
"""

from __future__ import annotations

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from handlers.tenancy import ALL_WORKSPACES
from store.orm import EventRow, FigureRow, QuoteRow
from store.repositories.events import article_context, event_search_text
from store.repositories.figures import figure_search_text
from store.repositories.quotes import quote_search_text, speaker_names
from store.tenancy import open_for

_BATCH = 500


def reindex_search(engine: Engine) -> dict[str, int]:
    """Recompute the search text of all events, quotes and figures; how many changed, per table."""
    changed = {"events": 0, "quotes": 0, "figures": 0}
    with Session(engine) as session, session.begin():
        open_for(session, ALL_WORKSPACES)  # an internal job: every workspace's facts
        context: dict[int, tuple[str | None, str]] = {}
        for event in session.scalars(
            select(EventRow).order_by(EventRow.article_id).execution_options(yield_per=_BATCH)
        ):
            if event.article_id not in context:
                context = article_context(session, [event.article_id])  # one article's at a time
            title, lead = context.get(event.article_id, (None, ""))
            new = event_search_text(
                event.summary, event.sentence, event.actors, event.places, title=title, lead=lead
            )
            changed["events"] += _set(event, new)
        person_ids = session.scalars(
            select(QuoteRow.person_id).where(QuoteRow.person_id.is_not(None)).distinct()
        )
        names = speaker_names(session, [pid for pid in person_ids if pid is not None])
        for quote in session.scalars(select(QuoteRow).execution_options(yield_per=_BATCH)):
            new = quote_search_text(
                quote.text, quote.speaker, quote.speaker_role, names.get(quote.person_id or 0, [])
            )
            changed["quotes"] += _set(quote, new)
        for figure in session.scalars(select(FigureRow).execution_options(yield_per=_BATCH)):
            new = figure_search_text(figure.text, figure.unit, figure.about, figure.sentence)
            changed["figures"] += _set(figure, new)
    return changed


def _set(row: EventRow | QuoteRow | FigureRow, search_text: str) -> int:
    if row.search_text == search_text:
        return 0
    row.search_text = search_text
    return 1
