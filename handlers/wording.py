"""Counts written as a reader writes them: "1 event", "2 events", "40 kilometres per hour"."""

from __future__ import annotations

from extract.figures.nouns import plural_unit


def counted(n: int, noun: str) -> str:
    """`n` and the noun, plural unless `n` is one (nouns here take a plain "s")."""
    return f"{n} {noun}" + ("" if n == 1 else "s")


def unit_after(value: float, value_max: float | None, unit: str) -> str:
    """A figure's unit as written after its value: extraction names units in the singular ("ship",
    "kilometre per hour"), which reads wrong after any number but one ("52 ship")."""
    return unit if value == 1 and value_max is None else plural_unit(unit)
