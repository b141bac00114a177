"""Counts written as a reader writes them: "1 event", "2 events"."""

from __future__ import annotations


def counted(n: int, noun: str) -> str:
    """`n` and the noun, plural unless `n` is one (nouns here take a plain "s")."""
    return f"{n} {noun}" + ("" if n == 1 else "s")
