"""Roll mentions up into the article's entities (people, organisations, places)."""

from __future__ import annotations

from extract.mentions import Mention
from extract.models import Entity


def collect_entities(mentions: list[Mention]) -> list[Entity]:
    by_name: dict[str, tuple[str, set[str]]] = {}
    for m in mentions:
        if m.kind == "unknown":
            continue
        _, aliases = by_name.setdefault(m.canonical, (m.kind, set()))
        if m.text != m.canonical:
            aliases.add(m.text)
    return [
        Entity(name=name, kind=kind, aliases=sorted(aliases)) for name, (kind, aliases) in by_name.items()
    ]
