"""Names in the text: people, organisations and places (placeholder: capitalised runs).

The quotes/speakers work replaces this with real recognition; the interface stays:
`find_mentions(doc) -> list[Mention]`, sorted by start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from extract.document import Document

MentionKind = Literal["person", "organization", "place", "unknown"]

_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w’'-]+(?:\s+(?:of\s+|de\s+|von\s+der\s+)?[A-Z][\w’'-]+)*")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    kind: MentionKind
    canonical: str


def find_mentions(doc: Document) -> list[Mention]:
    out = []
    for m in _CAPITALISED_RUN.finditer(doc.text):
        out.append(Mention(m.start(), m.end(), m.group(), "unknown", m.group()))
    return out
