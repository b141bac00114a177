"""Run the quote finder on a made-up sentence: shared by the quote and speaker tests."""

from __future__ import annotations

from extract.document import Document
from extract.models import Quote
from extract.names.mentions import find_mentions
from extract.quotes.find import find_quotes


def quotes_of(text: str) -> list[Quote]:
    doc = Document.parse(text)
    return find_quotes(doc, find_mentions(doc))


def only(text: str) -> Quote:
    found = quotes_of(text)
    assert len(found) == 1, found
    return found[0]
