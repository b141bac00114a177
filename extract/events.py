"""Dated events: one per sentence that reports a dated happening (placeholder)."""

from __future__ import annotations

from extract.document import Document
from extract.mentions import Mention
from extract.models import Event, TimeExpression


def find_events(doc: Document, dates: list[TimeExpression], mentions: list[Mention]) -> list[Event]:
    return []
