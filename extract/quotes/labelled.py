"""Lines labelled with their speaker: transcripts ("WALLACE: Let's start…") and headlines ("Pence: …").

The label must be a name: an all-capitals word that is no place, or a name the mention finder
saw at the start of the paragraph, or a source noun ("Poll: …").
"""

from __future__ import annotations

import re

from extract.document import Document
from extract.models import Quote, QuoteKind
from extract.names.places import is_place
from extract.names.roles import known_orgs, source_nouns
from extract.names.tokens import STOP_CAPITALISED
from extract.quotes.rules import LABEL
from extract.quotes.speakers import Speaker, SpeakerFinder

_LABEL = re.compile(r"[\"“]?([A-Z][\w.’'-]*(?:[ \u00a0][A-Z][\w.’'-]*){0,3}):[ \u00a0]+(?=\S)")
_NOT_LABELS = frozenset(
    """note update correction photo video watch read listen source sources editor's
    title headline subtitle outlet publication published updated date dateline url link byline author
    authors section category tags keywords location caption credit summary topic filed""".split()
)  # article furniture and metadata headers ("Title: …", "Outlet: …"), never a speaker


_FUNCTION_WORDS = frozenset(
    "over of the in on for to and a an at with from by as is are was after before".split()
)


def find_labelled(doc: Document, finder: SpeakerFinder) -> list[Quote]:
    """One quote per paragraph that opens with a speaker label."""
    text = doc.text
    out: list[Quote] = []
    for ps, pe in doc.paragraphs:
        m = _LABEL.match(text, ps, pe)
        if m is None:
            continue
        sp = _label_speaker(m, finder)
        if sp is None:
            continue
        start, end = m.end(), pe
        while end > start and text[end - 1] in '"”’ \u00a0':
            end -= 1
        if len(text[start:end].split()) < 3:
            continue
        quoted = text[ps] in '"“' or any(ch in text[start:end] for ch in '"“”‘’')
        kind: QuoteKind = "direct" if quoted else "indirect"
        out.append(
            Quote(
                text=text[start:end],
                start=start,
                end=end,
                speaker=sp.name,
                speaker_start=sp.start,
                speaker_end=sp.end,
                cue=":",
                kind=kind,
                speaker_kind=sp.kind,
                speaker_role=sp.role,
                rule=LABEL.name,
            )
        )
    return out


def _label_speaker(m: re.Match[str], finder: SpeakerFinder) -> Speaker | None:
    label = m.group(1)
    start, end = m.start(1), m.end(1)
    low = label.lower()
    if low in _NOT_LABELS or low in STOP_CAPITALISED or is_place(low):
        return None
    if not label.isupper() and any(w in _FUNCTION_WORDS for w in low.split()[1:]):
        return None  # "Stealth Over Health: …", "Fears of a Slowdown: …": a headline's kicker, not a name
    mention = finder.mention_at(start)
    if label.isupper() and len(label) >= 2 and low not in known_orgs():
        return Speaker(start, end, label.title(), "person")  # transcripts write speakers in capitals
    if mention is not None and mention.end == end and mention.kind in ("person", "organization", "unknown"):
        return Speaker(
            start,
            end,
            mention.canonical,
            "person" if mention.kind == "unknown" else mention.kind,
            mention.role,
        )
    if (label.isupper() and len(label) >= 2) or low in source_nouns():
        return Speaker(
            start, end, label.title() if label.isupper() else label, "person" if label.isupper() else None
        )
    return None
