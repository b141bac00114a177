"""Reports whose attribution closes or frames them: `CONTENT, X said.` / `CONTENT, said X.` (an
attribution closing the sentence governs everything before it) and `according to X`, before or after
the content (X any short noun phrase)."""

from __future__ import annotations

import re

from extract.document import Document
from extract.models import Quote
from extract.quotes import rules
from extract.quotes.indirect_spans import (
    ADVERBIALS,
    MIN_WORDS,
    evidence_subject,
    is_clause,
    make_quote,
    quote_kind,
    report_start,
)
from extract.quotes.speakers import Speaker, SpeakerFinder
from extract.quotes.speech_words import INVERTING_VERBS

# What may stand between the comma and a closing attribution's speaker: a determiner or a title.
_LEAD_IN = re.compile(
    r"(?:[ \u00a0]+(?:the|The|a|an|one|another|two|three|several|some|many|most|other|senior|top"
    r"|[A-Z][\w’'.-]*))?"
    r"[ \u00a0]*$"
)

_SCENE_SETTER = re.compile(
    r"[\"“]?(?:In|At|On|During|After|Before|Since|From|With|Without|Under|Despite|Speaking|Asked|Writing)\b"
)

_RELATIVES = frozenset(("who", "which", "whom"))

_THAT_WORD = re.compile(r"\bthat\b")

# a lowercase word right after an inverted speaker: a verb, so the "speaker" was the reported subject
_VERB_FOLLOWS = re.compile(
    r"[ \u00a0]+(?!(?:on|in|at|of|from|for|to|with|after|before|during|about|last|this)\b)[a-z]"
)

_WHOLE_CLAUSE = 6

# "The park is near the stadium, which, Ms. Orr said, is full": words ending in a function word go on
_OPEN_ENDED = re.compile(
    r"(?<![\w’'-])(?:which|that|who|whom|where|and|but|or|because|while|although|though|if|when|is|are|was"
    r"|were|will|would|could|should|can|may|might|must|to|the|a|an)$",
    re.IGNORECASE,
)

# "Before the ferry docked, Ms. Orr said, the engine failed": the words before are no clause of their own
_SUBORDINATE_OPENING = re.compile(
    r"[\"“]?(?:Before|After|When|While|Because|As|Since|Although|Though|If|Unless|Until|Once|Despite|With|Even"
    r"|Without|In|On|At|During|For|Given|Like)\b"
)  # words before a mid-sentence attribution that make a report of their own

# Verbs that can close a sentence as its attribution ("…, officials said.").
TRAILING_VERBS = frozenset(
    """said says say added adds wrote writes told tells noted notes argued argues warned warns insisted
    insists explained explains stated states declared claimed claims reported reports acknowledged
    conceded confirmed predicted estimated believes believe thinks think suggested suggests cautioned
    recalled announced tweeted posted asserted maintained contended alleged complained observed remarked
    according shows showed acknowledges concedes confirms predicts recalls cautions maintains contends
    asserts observes""".split()
)


def trailing(doc: Document, finder: SpeakerFinder, c: re.Match[str], s: int, e: int) -> Quote | None:
    """`CONTENT, X said.` and `CONTENT, said X.`: the attribution closes the sentence."""
    text = doc.text
    sp = finder.before(c.start(), s)
    evidence = evidence_subject(text, s, c.start(), c.group())
    if evidence is not None and (sp is None or evidence.start < sp.start):
        sp = evidence  # "…, a new analysis of the filings by the Post shows.": the analysis, not the Post
    comma = -1
    rest_from = c.end()
    if sp is not None:
        comma = sp.start
    elif c.group() in INVERTING_VERBS:
        sp = finder.after(c.end(), e)
        comma = c.start()
        if sp is not None:
            rest_from = sp.end
    if sp is None or text[sp.start : sp.end].lower() in _RELATIVES:
        return None  # "…, who said she was thrilled": a relative clause opens a report, it does not close one
    if rest_from == sp.end and _VERB_FOLLOWS.match(text, rest_from, e):
        # "Kall, co-editor of a book, said the candidate liked …": the phrase after the verb is the
        # subject of the reported clause, not an inverted speaker
        return None
    adverbials = ADVERBIALS.match(text, rest_from, e)  # "…, the ministry said on Tuesday, after …"
    if adverbials is not None and text[rest_from : adverbials.end()].strip(" \u00a0,"):
        rest_from = adverbials.end() - (1 if text[adverbials.end() - 1 : adverbials.end()] == "," else 0)
    rest = text[rest_from:e]
    # "…, Mr. Clarke said, until …": an attribution inside the sentence reports all of it
    parenthetical = rest.lstrip().startswith(",") and len(rest.split()) >= MIN_WORDS
    if not parenthetical and (len(rest.split()) > 8 or _THAT_WORD.search(rest)):
        return None  # "…, but she denied that …" opens a report, it does not close one
    if not parenthetical and is_clause(rest) and len(text[s:comma].split()) <= 5:
        return None  # "The chief executive, Ana Ruiz, said the talks had failed": a role, not a report
    if not parenthetical and len(rest.split()) >= 2 and _SCENE_SETTER.match(text, s):
        return None  # "In her memoir, Ms. Cole noted the lean years": a scene-setter, then the report
    lead_in = _LEAD_IN.search(text, s, comma)
    j = lead_in.start() if lead_in else comma
    if j <= s or text[j - 1] not in ",—":
        return None
    end = j - 1
    if not is_clause(text[s:e] if parenthetical else text[s:end]):
        return None
    if (
        parenthetical
        and not sp.start > c.end()
        and (
            len(text[s:end].split()) < _WHOLE_CLAUSE
            or _SUBORDINATE_OPENING.match(text, s)
            or _OPEN_ENDED.search(text, s, end)
        )
    ):
        # "Too often, Mr. Clarke said, the debate …": the words before are not a clause of their own
        s = report_start(text, s, e)
        return make_quote(text, s, e, sp, c.group(), quote_kind(text, s, e), rules.INDIRECT_TRAILING.name)
    s = report_start(text, s, end)
    return make_quote(text, s, end, sp, c.group(), quote_kind(text, s, end), rules.INDIRECT_TRAILING.name)


def according_to(doc: Document, finder: SpeakerFinder, c: re.Match[str], s: int, e: int) -> Quote | None:
    text = doc.text
    sp = finder.after(c.end(), e) or _source_phrase(text, c.end(), e)
    if sp is None or text[sp.start : sp.start + 4].lower() in ("our ", "my "):
        return None  # "according to our totals": the writer's own count, not a source's words
    if c.start() == s:  # "According to X, CONTENT"
        comma = text.find(",", sp.end, e)
        if comma < 0 or comma - c.end() > 160:  # "According to a civil complaint filed by …, X"
            return None
        start, end = comma + 1, e
        while start < end and text[start] in " \u00a0":
            start += 1
    else:  # "CONTENT, according to X"
        start, end = report_start(text, s, c.start()), c.start()
        while end > start and text[end - 1] in " \u00a0,—":
            end -= 1
    if not is_clause(text[start:end]):
        return None
    return make_quote(text, start, end, sp, c.group(), quote_kind(text, start, end), rules.ACCORDING_TO.name)


_SOURCE_PHRASE = re.compile(
    r"[ \u00a0]+((?:the[ \u00a0]+|a[ \u00a0]+|an[ \u00a0]+)?([\w’'.&-]+(?:[ \u00a0]+[\w’'.&-]+){0,5}?))"
    r"(?=[ \u00a0]*(?:[,;—–]|$))"
)


def _source_phrase(text: str, pos: int, e: int) -> Speaker | None:
    """ "according to federal statistics", "according to exit polls": any short noun phrase is the
    source of an according-to report, person or not."""
    m = _SOURCE_PHRASE.match(text, pos, e)
    if m is None or not m.group(2)[:1].isalpha():
        return None
    # "a summary released by the mediator" keeps its article (one of many, named by no one); "the"
    # goes, so that "the Harbour Post" and "Harbour Post" are one source.
    indefinite = m.group(1).split(None, 1)[0].lower() in ("a", "an")
    return Speaker(m.start(1), m.end(1), m.group(1) if indefinite else m.group(2), None)


def closes_sentence(cue: str) -> bool:
    """ "…, officials said." and the headline form "…, Union Leader Says." """
    return cue in TRAILING_VERBS or (cue[:1].isupper() and cue.lower() in TRAILING_VERBS and " " not in cue)
