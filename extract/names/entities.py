"""Roll mentions up into the article's entities (people, organisations, places).

One entity per canonical name, with every other form the article used (aliases) and every role
it gave the person; the store uses these to file speakers under one name across articles.
"""

from __future__ import annotations

from extract.models import Entity, EntityKind
from extract.names.mentions import Mention


def collect_entities(mentions: list[Mention]) -> list[Entity]:
    """People, organisations and places named in the article, in order of first mention."""
    found: dict[str, tuple[EntityKind, list[str], list[str]]] = {}
    for m in mentions:
        if m.kind == "unknown":
            continue
        _, aliases, roles = found.setdefault(m.canonical, (m.kind, [], []))
        if m.text != m.canonical and m.text not in aliases:
            aliases.append(m.text)
        if m.role and m.role not in roles:
            roles.append(m.role)
    return [
        Entity(name=name, kind=kind, aliases=aliases, roles=roles)
        for name, (kind, aliases, roles) in found.items()
    ]
