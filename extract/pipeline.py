"""text (+ publication date) -> Extraction. Pure and deterministic."""

from __future__ import annotations

from datetime import date

from extract.document import Document
from extract.events.find import find_events
from extract.figures.find import find_figures
from extract.models import Extraction
from extract.names.entities import collect_entities
from extract.names.mentions import find_mentions
from extract.quotes.find import find_quotes
from extract.timex.dates import find_dates


def extract(text: str, published: date | None = None) -> Extraction:
    """Extract quotes, figures, dates, events and entities from one article."""
    doc = Document.parse(text, published)
    dates = find_dates(doc)
    figures = find_figures(doc, dates)
    mentions = find_mentions(doc)
    quotes = find_quotes(doc, mentions)
    events = find_events(doc, dates, mentions)
    return Extraction(
        quotes=quotes,
        figures=figures,
        dates=dates,
        events=events,
        entities=collect_entities(mentions),
    )
