"""Shared helpers for the CLI end-to-end tests: a temporary SQLite database and a tiny fake extractor."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from bot.bootstrap import Container, build
from bot.settings import Settings
from extract import Entity, Event, Extraction, Figure, Quote

# `"Quoted words," said First Last.` and `About 1,200 containers`: enough to give the CLI facts to show.
_QUOTE = re.compile(r"\"([^\"]+)\",? said ([A-Z]\w+ [A-Z]\w+)")
_NUMBER = re.compile(r"(\d[\d,]*) ([a-z]+)")
_DATED_SENTENCE = re.compile(r"[^.\n]*\bon (\d{4}-\d\d-\d\d)[^.\n]*\.")


def fake_extract(text: str, published: date | None) -> Extraction:
    quotes = [
        Quote(
            text=m.group(1),
            start=m.start(1),
            end=m.end(1),
            speaker=m.group(2),
            speaker_kind="person",
            cue="said",
        )
        for m in _QUOTE.finditer(text)
    ]
    figures = [
        Figure(
            text=m.group(0),
            start=m.start(),
            end=m.end(),
            value=float(m.group(1).replace(",", "")),
            unit=m.group(2).rstrip("s"),
            about=m.group(2),
        )
        for m in _NUMBER.finditer(text)
    ]
    people = sorted({q.speaker for q in quotes if q.speaker})
    entities = [Entity(name=p, kind="person", aliases=[p.split()[-1]]) for p in people]
    events = [
        Event(date=m.group(1), start=m.start(), end=m.end(), summary=m.group(0).strip().rstrip("."))
        for m in _DATED_SENTENCE.finditer(text)
    ]
    return Extraction(quotes=quotes, figures=figures, entities=entities, events=events)


def sqlite_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Point DATABASE_URL at a fresh SQLite file and run from `tmp_path` (so no .env is read)."""
    url = f"sqlite:///{tmp_path / 'test.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.chdir(tmp_path)
    return url


def container(extractor: object = fake_extract) -> Container:
    c = build(Settings())
    c.extractor = extractor  # type: ignore[assignment]
    return c
