"""Reporting nouns: "the mayor's claim that the bridge was safe", "Ms. Orr's warning that …".

A noun of saying (lexicons/reporting_nouns.txt) owned by a named speaker and followed by a
that-clause reports that clause for its owner, as the verb would ("the mayor claimed that …").
"""

from __future__ import annotations

import re
from functools import cache

from extract.document import Document
from extract.lexicons import word_set, words
from extract.models import Quote
from extract.quotes import rules
from extract.quotes.indirect_spans import is_clause, make_quote, quote_kind, report_end
from extract.quotes.speakers import SpeakerFinder
from extract.quotes.speech_words import trie_alternation


@cache
def _possessed_noun() -> re.Pattern[str]:
    nouns = trie_alternation(sorted(words("reporting_nouns")))
    # "Trump’s claim that", "the senator's repeated warning that"; the possessive mark is the cue's start
    return re.compile(rf"['’]s[ \u00a0]+(?:[a-z]+[ \u00a0]+)?({nouns})[ \u00a0]+that\b")


def reporting_noun_quotes(
    doc: Document, finder: SpeakerFinder, s: int, e: int, taken: list[tuple[int, int]]
) -> list[Quote]:
    """The reports made by reporting nouns in the sentence `s`..`e`, outside the spans `taken`."""
    text = doc.text
    if "s " not in text[s:e]:
        return []
    out: list[Quote] = []
    for m in _possessed_noun().finditer(text, s, e):
        if any(a <= m.start() < b for a, b in taken):
            continue
        sp = finder.before(m.start(), s)
        if sp is None or sp.name is None or sp.end != m.start():
            continue  # the owner must be a name the article gives, right before the possessive
        start = m.end() - len("that")
        end = report_end(text, start, e)
        if not is_clause(text[start:end]):
            continue
        kind = quote_kind(text, start, end)
        out.append(make_quote(text, start, end, sp, m.group(1), kind, rules.REPORTING_NOUN.name))
    return out


_POSSESSIVE_BEFORE = re.compile(r"['’]s(?:[ \u00a0]+[a-z]+)?[ \u00a0]+$")


def possessed_noun(text: str, s: int, cue: re.Match[str]) -> bool:
    """A cue word that is a reporting noun after a possessive ("Ms. Orr's claims") is no verb."""
    return cue.group().lower() in word_set("reporting_nouns") and (
        _POSSESSIVE_BEFORE.search(text, max(s, cue.start() - 24), cue.start()) is not None
    )
