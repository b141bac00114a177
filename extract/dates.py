"""Temporal expressions normalised TIMEX3-style (placeholder until the dates work lands)."""

from __future__ import annotations

from extract.document import Document
from extract.models import TimeExpression


def find_dates(doc: Document) -> list[TimeExpression]:
    return []
