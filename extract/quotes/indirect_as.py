"""“As X said, CONTENT” and “CONTENT, as X said”: an "as" phrase of saying attributes its clause.

The "as" phrase is an attribution only when it is whole: the verb (said, noted, put it, told an
audience) ends it, with at most a time or place after ("as she said on Monday"). "As X said he
would, …" and "…, as X said it would" report nothing: the clause is the narrator's, the "as" phrase
compares. A negated ("as X did not say") or hypothetical ("as X might put it") phrase gives nothing.
"""

from __future__ import annotations

import re
from functools import cache

from extract.document import Document
from extract.lexicons import words as lexicon_words
from extract.models import Quote
from extract.quotes import rules
from extract.quotes.indirect_spans import is_clause, make_quote, quote_kind
from extract.quotes.speakers import SpeakerFinder

_S = r"[ \u00a0]+"
# What may stand between the speaker and the verb: "has", "once", "herself".
_BETWEEN = r"(?:(?:has|have|had|once|often|himself|herself|itself|themselves|also|repeatedly){s})*"
# What may follow the verb inside the phrase: a time or place, never a clause ("said he would").
_ADVERBIAL = (
    r"(?:{s}(?:on|in|at|during|last|this|earlier|recently|yesterday|today|before|after|to|from|over)"
    r"(?:{s}[\w’'.-]+){{0,5}}?)?"
)
# An audience after "told": "told reporters", "told the council", "told Radio Borl".
_AUDIENCE = r"(?:{s}(?!(?:he|she|they|it|we|I|you|that)\b)[\w’'.-]+(?:{s}[\w’'.-]+){{0,3}}?)"
# Words that make the phrase a denial or a guess, not a report: "as X did not say", "as X might put it"
_NOT_A_REPORT = re.compile(
    r"\b(?:not|never|n[o']t|would|might|could|may|will|should|must|can|cannot|wants?|wanted|likes?|liked)\b"
    r"|n[’']t\b",
    re.IGNORECASE,
)


@cache
def _verbs() -> str:
    alts = sorted(lexicon_words("quote_as_verbs"), key=len, reverse=True)
    out = []
    for v in alts:
        pattern = _S.join(re.escape(w) for w in v.split())
        if v in ("told", "tells"):
            pattern += _AUDIENCE.format(s=_S)
        out.append(pattern)
    return "|".join(out)


def _phrase() -> str:
    return (
        rf"(?P<who>[^,;:\"“”()]{{2,80}}?){_S}{_BETWEEN.format(s=_S)}"
        rf"(?P<verb>{_verbs()}){_ADVERBIAL.format(s=_S)}"
    )


@cache
def _leading() -> re.Pattern[str]:
    # "As the mayor noted, …" (after an opening mark, "But" or "And")
    return re.compile(
        rf"[\"“]?(?:(?:But|And|Yet|So){_S})?(?:[Jj]ust{_S})?(?P<as>[Aa]s){_S}{_phrase()}[ \u00a0]*,[ \u00a0]*"
    )


@cache
def _trailing() -> re.Pattern[str]:
    # "…, as the mayor noted." closing the sentence
    return re.compile(rf",{_S}(?:just{_S})?(?P<as>as){_S}{_phrase()}[ \u00a0]*$")


def as_attribution(doc: Document, finder: SpeakerFinder, s: int, e: int) -> Quote | None:
    """The sentence `text[s:e]` (closing punctuation left out) reported by an "as" phrase, if any."""
    text = doc.text
    lead = _leading().match(text, s, e)
    if lead is not None:
        return _quote(doc, finder, lead, lead.end(), e)
    tail = _trailing().search(text, s, e)
    if tail is not None:
        return _quote(doc, finder, tail, s, tail.start())
    return None


def as_clause_end(text: str, s: int, e: int) -> int | None:
    """Where a sentence-opening "As X said …," phrase ends, when it opens the sentence: cues inside it
    ("As X said he would, Y resigned") report nothing the sentence goes on to say."""
    m = _AS_CLAUSE.match(text, s, e)
    return m.end() if m is not None else None


_AS_CLAUSE = re.compile(r"[\"“]?(?:Just[ \u00a0]+)?As[ \u00a0][^,;:\"“”]{3,120}?,")


def _quote(doc: Document, finder: SpeakerFinder, m: re.Match[str], start: int, end: int) -> Quote | None:
    text = doc.text
    if _NOT_A_REPORT.search(m.group("who")):
        return None
    while start < end and text[start] in ' \u00a0"“':
        start += 1
    while end > start and text[end - 1] in " \u00a0,;:—–-":
        end -= 1
    if not is_clause(text[start:end]):
        return None
    sp = finder.before(m.start("verb"), m.end("as"))
    if sp is None or sp.start < m.start("who") or sp.end > m.end("who"):
        return None
    words = m.group("verb").split()
    cue = " ".join(
        words[:2] if words[1:2] in (["it"], ["out"]) else words[:1]
    )  # "put it", not "told reporters"
    return make_quote(text, start, end, sp, cue, quote_kind(text, start, end), rules.AS_PHRASE.name)
