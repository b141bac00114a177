"""text (+ publication date) -> Extraction. Pure and deterministic."""

from __future__ import annotations

from datetime import date

from extract.dates import find_dates
from extract.document import Document
from extract.entities import collect_entities
from extract.events import find_events
from extract.figures import find_figures
from extract.mentions import find_mentions
from extract.models import Extraction
from extract.quotes import find_quotes


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
