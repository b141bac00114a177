"""A dateless sentence that carries on a dated narrative takes the narrative's date.

"Rebels seized the airport on Sunday. They looted the terminal." The second sentence reports a past
happening of the same day: it is an event dated Sunday, rule `narrative_continuation`. Only the
sentence right after a past event dated to the day (in the same paragraph or the next) continues it
(a month or a year dates background; "weeks later" may carry it on at a coarser precision), and only
when it reports a positive past action without a date of its own (a clock time or "minutes later"
is no date of its own), nothing in the present tense, no forecast, no question, no quotation.
The chain goes on sentence by sentence.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from extract.document import Document
from extract.events.rules import sentence_verbs
from extract.rules import Rule

CONTINUATION = Rule(
    "narrative_continuation",
    "A dateless past action right after a dated past event continues it and takes its date.",
    (
        ("Rebels seized the airport on Sunday. They looted the terminal.", 2),
        ("Rebels seized the airport on Sunday. They will loot the terminal.", 1),
        ("Rebels seized the airport on Sunday. “We won,” a commander said.", 1),
        ("Rebels seized the airport on Sunday. A witness says they looted it.", 1),
    ),
)
_LATER = re.compile(r"\b(?P<unit>minute|hour|day|week|month|year)s?\s+later\b", re.I)
_QUOTE_OPEN = ("“", '"', "‘", "'")


def continuations(
    doc: Document,
    admitted: dict[int, tuple[str, bool, str]],
    dated: Collection[int],
) -> dict[int, tuple[str, bool, str]]:
    """(date, scheduled, rule) for each dateless sentence that continues the event just before it."""
    out: dict[int, tuple[str, bool, str]] = {}
    for index in range(1, len(doc.sentences)):
        if index in admitted or index in dated:
            continue
        before = out.get(index - 1) or admitted.get(index - 1)
        if before is None or before[1]:
            continue  # only a past event carries a narrative on
        if doc.sentence_paragraph[index] - doc.sentence_paragraph[index - 1] > 1:
            continue
        s, e = doc.sentences[index]
        sentence = doc.text[s:e].strip()
        if not sentence.endswith(".") or sentence.startswith(_QUOTE_OPEN) or "?" in sentence:
            continue
        verbs = sentence_verbs(sentence)
        if not verbs.action or verbs.modal or verbs.present:
            continue
        value = before[0]
        later = _LATER.search(sentence) if "later" in sentence else None
        if later:
            value = _later(value, later.group("unit").lower())
        elif len(value) < 10:
            continue  # a month or a year dates background, not a narrative the next sentence carries on
        out[index] = (value, False, CONTINUATION.name)
    return out


def _later(value: str, unit: str) -> str:
    """ "Weeks later" leaves the month of the narrative, "days later" its day: keep what is still sure."""
    if unit in ("minute", "hour"):
        return value
    if unit == "day":
        return value[:7]
    return value[:4]


__all__ = ["CONTINUATION", "continuations"]
