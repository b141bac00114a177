"""Pure text -> facts. Imports nothing else of briefbot's."""

from extract.models import Entity, Event, Extraction, Figure, Quote, TimeExpression
from extract.pipeline import extract

__all__ = ["Entity", "Event", "Extraction", "Figure", "Quote", "TimeExpression", "extract"]
