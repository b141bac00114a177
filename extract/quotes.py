"""Quotes and their speakers (placeholder until the quotes work lands)."""

from __future__ import annotations

from extract.document import Document
from extract.mentions import Mention
from extract.models import Quote


def find_quotes(doc: Document, mentions: list[Mention]) -> list[Quote]:
    return []
