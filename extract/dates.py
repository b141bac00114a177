"""Temporal expressions normalised TIMEX3-style (placeholder until the dates work lands)."""

from __future__ import annotations

from datetime import date

from extract.document import Document
from extract.models import TimeExpression


def find_dates(doc: Document) -> list[TimeExpression]:
    """Every temporal expression in the document, resolved against `doc.published`."""
    return []


def resolve_date(text: str, reference: date) -> TimeExpression | None:
    """Read one standalone expression ("Aug 1", "last week", "2025-09-01") against `reference`.

    Returns None when `text` is not a temporal expression as a whole.
    """
    try:
        d = date.fromisoformat(text.strip())
    except ValueError:
        return None
    return TimeExpression(text=text, start=0, end=len(text), value=d.isoformat(), kind="date")


def date_range(value: str) -> tuple[date, date] | None:
    """First and last day a TIMEX3 value covers (placeholder: ISO days only, until the dates work lands)."""
    try:
        d = date.fromisoformat(value)
    except ValueError:
        return None
    return d, d
