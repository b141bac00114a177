"""Reported speech without quotation marks, one sentence at a time.

Three shapes: `X said (that) CONTENT`, `CONTENT, X said.` / `CONTENT, said X.`, and
`according to X` before or after the content. The speaker must be a name, a pronoun or a
source noun phrase (speakers.py), which keeps "the data said" style noise and most
non-speech uses of the verbs out.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from extract.document import Document
from extract.models import Quote
from extract.quotes import rules
from extract.quotes.indirect_spans import (
    MIN_WORDS,
    close_before,
    evidence_subject,
    is_clause,
    is_evidence,
    is_passive,
    make_quote,
    quote_kind,
    report_end,
    report_start,
)
from extract.quotes.marks import Segment
from extract.quotes.speakers import Speaker, SpeakerFinder
from extract.quotes.speech_cues import carries_words, negated
from extract.quotes.speech_words import (
    AUDIENCE_WORDS,
    INVERTING_VERBS,
    indirect_alternation,
    prepositional_phrases,
    speech_verb_set,
    stance_alternation,
    stance_verbs,
)
from extract.regex_first import opening_guard

# Verbs that introduce a clause without "that" ("he said the talks failed").
_BARE_CLAUSE_VERBS = frozenset(
    "say says said tell tells told add adds added warn warns warned claim claims claimed argue argues argued "
    "insist insists insisted write writes wrote believe believes believed think "
    "thinks thought predict predicts predicted acknowledge acknowledged admit admitted suggest suggested "
    "suggests announce announced announces note noted notes stress stressed stresses "
    # "…, saying the courts had no role": a participle reporting clause after the main one
    "saying adding warning arguing insisting noting claiming predicting suggesting stressing "
    "affirm affirms affirmed".split()
)
_PARTICIPLE_AFTER_COMMA = re.compile(r"(?:,[\"”’]?|[\"”’],)[ \u00a0]+$")
_REPORTING_VERB = re.compile(r"\b(?:said|says|told|tells|wrote|writes|added|adds)\b")
_ADVERBIALS = re.compile(
    r"(?:[ \u00a0]*,)?(?:[ \u00a0]+(?:on|in|at|during|late|early|last|this|earlier|later|after|before)"
    r"(?:[ \u00a0]+(?:a|an|the|his|her|their|its|[A-Z][\w’'.-]*|\d[\w:.]*|[a-z]+day|morning|afternoon"
    r"|evening|night|week|month|year|statement|interview|briefing|conference|news|press|post|video|tweet|letter|call|"
    r"speech|message|remarks|report|email|televised|address)(?![\w’'])){1,4}"
    r"|[ \u00a0]+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight|recently"
    r"|again)(?:[ \u00a0]+(?:morning|afternoon|evening|night))?(?![\w’'])"
    # "has said repeatedly that …": an adverb only where a that-clause follows it
    r"|[ \u00a0]+[a-z]{3,}ly(?=[ \u00a0]*,?[ \u00a0]+that\b))*(?:[ \u00a0]*,)?"
)
# What may stand between the comma and a closing attribution's speaker: a determiner or a title.
_LEAD_IN = re.compile(
    r"(?:[ \u00a0]+(?:the|The|a|an|one|another|two|three|several|some|many|most|other|senior|top"
    r"|[A-Z][\w’'.-]*))?"
    r"[ \u00a0]*$"
)
_CONJOINED = re.compile(r"(?:,|\band|\bbut)(?:[ \u00a0]+(?:also|later|then))?[ \u00a0]+$")
_FRAMING_CLAUSE = re.compile(
    r"[\"“]?(?:While|Whilst|Although|Though|Whereas|Even[ \u00a0]+(?:as|though|if)|If|Because|Since|As|When"
    r"|After)\b"
)
_DASH_ASIDE = re.compile(r"[ \u00a0](?:--|—|–)[ \u00a0][^—–]{3,140}?[ \u00a0](?:--|—|–)[ \u00a0]*$")
_QUOTED_AS = re.compile(
    r"\b(?:was[ \u00a0]+|were[ \u00a0]+|is[ \u00a0]+|been[ \u00a0]+)?quoted[ \u00a0]+as[ \u00a0]+$"
)
_AND_BEFORE = re.compile(r"\b(?:and|but)(?:[ \u00a0]+(?:also|later|then))?[ \u00a0]+$")
# "X said A — and he added that B": a second report by a conjoined clause inside the first one
_CONJOINED_SPEAKER = re.compile(r"(?:\band|\bbut|—|;)[ \u00a0]*$")
# "The mayor promised to cut fares", "the landlord agreed to repair the roof": a stated commitment
_COMMITMENT_VERBS = frozenset(
    "promise promises promised pledge pledges pledged vow vows vowed agree agrees agreed".split()
)
_TO = re.compile(r"[ \u00a0]+to[ \u00a0]+[a-z]")
_SCENE_SETTER = re.compile(
    r"[\"“]?(?:In|At|On|During|After|Before|Since|From|With|Without|Under|Despite|Speaking|Asked|Writing)\b"
)
_PREP_BEFORE_THAT = re.compile(
    r"[ \u00a0,]+(?:in|on|at|during|to|with|through|via|after|before|from|over|under)"
    r"(?:[ \u00a0]+[\w’'.-]+){1,7}?"
    r"(?=[ \u00a0]*,?[ \u00a0]+that\b)"
)
_RELATIVES = frozenset(("who", "which", "whom"))
_NOUN_USE = re.compile(r"\b(?:the|a|an|its|his|her|their|this|that)[ \u00a0]+$", re.IGNORECASE)
# "… who asked not to be named": the source's condition, not something reported
_ANONYMITY = re.compile(r"(?:not[ \u00a0]+)?to[ \u00a0]+be[ \u00a0]+(?:named|identified|quoted)\b")
_THAT_WORD = re.compile(r"\bthat\b")
_THAT = re.compile(r"[ \u00a0]*(?:,[ \u00a0]*)?that\b")
_CALL_PARTICLE = re.compile(r"[ \u00a0]+(?:in|into|off|back|up|out|around|over)\b")
_OPINION_VERBS = frozenset("think thinks thought believe believes believed guess suppose feel know".split())
_NARRATOR = frozenset(("i", "you", "we", "one"))
_TOPIC_AFTER = re.compile(
    r"[ \u00a0]+[a-z]{3,}ly[ \u00a0]+(?:about|on|of|for|with)(?=[ \u00a0])"
    r"|[ \u00a0]+about(?=[ \u00a0]+[A-Za-z])"
)
_FOR = re.compile(r"[ \u00a0]+for(?=[ \u00a0])")
_WH_CLAUSE = re.compile(r"[ \u00a0]*(?:how|why|whether|what)\b")
_WHOLE_CLAUSE = 6
# "The park is near the stadium, which, Ms. Orr said, is full": words ending in a function word go on
_OPEN_ENDED = re.compile(
    r"(?<![\w’'-])(?:which|that|who|whom|where|and|but|or|because|while|although|though|if|when|is|are|was"
    r"|were|will|would|could|should|can|may|might|must|to|the|a|an)$",
    re.IGNORECASE,
)
# "Before the ferry docked, Ms. Orr said, the engine failed": the words before are no clause of their own
_SUBORDINATE_OPENING = re.compile(
    r"[\"“]?(?:Before|After|When|While|Because|As|Since|Although|Though|If|Unless|Until|Once|Despite|With"
    r"|Without|In|On|At|During|For|Given|Like)\b"
)  # words before a mid-sentence attribution that make a report of their own
# Verbs that can close a sentence as its attribution ("…, officials said.").
_TRAILING_VERBS = frozenset(
    """said says say added adds wrote writes told tells noted notes argued argues warned warns insisted
    insists explained explains stated states declared claimed claims reported reports acknowledged
    conceded confirmed predicted estimated believes believe thinks think suggested suggests cautioned
    recalled announced tweeted posted asserted maintained contended alleged complained observed remarked
    according shows showed""".split()
)


@cache
def _indirect_cue() -> re.Pattern[str]:
    words = rf"[Aa]ccording to|{indirect_alternation()}|{stance_alternation()}"
    # the guard skips the word boundaries no cue can start at (before digits and most capitals, word ends)
    return re.compile(rf"\b{opening_guard(words)}(?:{words})\b")


def find_indirect(
    doc: Document, finder: SpeakerFinder, segments: list[Segment], used: set[int]
) -> list[Quote]:
    """Indirect quotes: content span, speaker and cue for each sentence that reports speech."""
    text = doc.text
    seg_starts = [s.open for s in segments]
    out: list[Quote] = []
    for s, e in doc.sentences:
        body_end = e
        while body_end > s and text[body_end - 1] in '.!?…"”’ \u00a0':
            body_end -= 1
        cues = [
            c
            for c in _indirect_cue().finditer(text, s, body_end)
            if c.start() not in used
            and not _inside(segments, seg_starts, c.start())
            # "in a note to clients", "the claims": a noun, not a cue, cannot close the sentence
            and not _NOUN_USE.search(text, max(s, c.start() - 8), c.start())
        ]
        # the attribution closing a sentence governs everything before it, nested reports included
        q = (
            _trailing(doc, finder, cues[-1], s, body_end)
            if cues and _closes_sentence(cues[-1].group())
            else None
        )
        if q is not None:
            out.append(q)
            continue
        tail = _trailing_then_participle(doc, finder, cues, s, body_end)
        if tail:
            out.extend(tail)
            continue
        taken: list[tuple[int, int]] = []
        subject: Speaker | None = None
        for c in cues:
            q = (
                _according_to(doc, finder, c, s, body_end)
                if c.group().lower() == "according to"
                else (_leading(doc, finder, c, s, body_end, subject))
            )
            if q is not None and not any(
                a <= q.speaker_start < b
                for a, b in taken
                if q.speaker_start is not None
                and not _CONJOINED_SPEAKER.search(text, max(a, q.speaker_start - 8), q.speaker_start)
            ):
                cut = c.start()
                if q.speaker_start is not None and taken and taken[-1][0] < q.speaker_start < cut:
                    cut = q.speaker_start  # "A — and he added that B": A ends before "and he"
                close_before(out, taken, text, cut)
                out.append(q)
                taken.append((q.start, q.end))
                if subject is None and q.speaker_start is not None and q.speaker_end is not None:
                    subject = Speaker(
                        q.speaker_start, q.speaker_end, q.speaker, q.speaker_kind, q.speaker_role
                    )
    return out


def _trailing_then_participle(
    doc: Document, finder: SpeakerFinder, cues: list[re.Match[str]], s: int, e: int
) -> list[Quote]:
    """ "CONTENT, X told reporters, adding that MORE": a closing attribution, then its participle."""
    text = doc.text
    if len(cues) < 2 or not cues[-1].group().endswith("ing") or not _closes_sentence(cues[-2].group()):
        return []
    if _PARTICIPLE_AFTER_COMMA.search(text, s, cues[-1].start()) is None:
        return []
    comma = text.rfind(",", cues[-2].end(), cues[-1].start())
    first = _trailing(doc, finder, cues[-2], s, comma) if comma > 0 else None
    if first is None or first.speaker_start is None or first.speaker_end is None:
        return []
    sp = Speaker(
        first.speaker_start, first.speaker_end, first.speaker, first.speaker_kind, first.speaker_role
    )
    second = _leading(doc, finder, cues[-1], s, e, sp)
    return [first] if second is None else [first, second]


def _leading(
    doc: Document, finder: SpeakerFinder, c: re.Match[str], s: int, e: int, subject: Speaker | None = None
) -> Quote | None:
    """`X said (that) CONTENT`; `… and said CONTENT` takes the sentence's earlier speaker.

    `c` is a cue find_indirect kept, so not a noun ("the warning", "a claim")."""
    text = doc.text
    participle = c.group().endswith("ing") and _PARTICIPLE_AFTER_COMMA.search(text, s, c.start()) is not None
    # "… for releasing the police videos, saying …": the noun before the comma is an object, not the sayer
    sp = None if participle else finder.before(c.start(), s)
    evidence = None if participle else evidence_subject(text, s, c.start(), c.group())
    if evidence is not None and sp is not None and sp.start <= evidence.start:
        evidence = None  # the finder's speaker comes first: "Ms. Orr's survey found" stays Ms. Orr's
    if sp is None and not participle:
        # "Kall -- co-editor of a book on the debates -- said …": the speaker stands before the aside
        aside = _DASH_ASIDE.search(text, max(s, c.start() - 160), c.start())
        if aside is not None:
            sp = finder.before(aside.start(), s)
    quoted_as = _QUOTED_AS.search(text, max(s, c.start() - 30), c.start())
    if quoted_as is not None:
        # "Ms. Orr was quoted as saying …", "the paper quoted her as saying …"
        sp = finder.before(quoted_as.start(), s)
        if sp is not None and text[sp.start : sp.end].lower() in ("her", "him", "them"):
            sp = None
        if sp is None:
            return None
        participle = False
    conjoined = _CONJOINED.search(text, max(s, c.start() - 12), c.start()) is not None
    if evidence is not None:
        sp = evidence
    elif sp is None and subject is not None and conjoined:
        sp = subject
    elif sp is None and not participle and _AND_BEFORE.search(text, max(s, c.start() - 12), c.start()):
        # "Ms. Orr left the hall and said …": the sentence's subject says it
        sp = finder.subject(s, c.start(), verb_follows=True)
        if sp is None or sp.start > s + 40:
            return None
    elif sp is None and participle:
        # "Ms. Reyes resigned on Monday, citing …": the participle's subject is the sentence's subject;
        # '"…," the coach said, adding that …': the subject of the reporting verb before the comma
        # the verb may be a stance verb whose object was no report ("rejected the appeal, saying …")
        verbs = list(_REPORTING_VERB.finditer(text, s, c.start())) or list(
            _indirect_cue().finditer(text, s, c.start())
        )
        said = verbs[-1] if verbs else None  # the last reporting verb before the participle
        sp = None
        if said is not None:
            sp = finder.before(said.start(), s) or finder.after(said.end(), c.start())
        sp = sp or finder.subject(s, c.start(), verb_follows=True)
        if sp is None or sp.start > s + 40:
            return None
    elif sp is None or not _subject_position(text, s, sp.start):
        return None
    if negated(text, sp.end if sp.end <= c.start() else s, c.start()):
        return None  # "He did not elaborate on …", "declined to say whether …": nothing was said
    pos = c.end()
    verb = c.group().lower()
    if verb in ("told", "tells", "tell"):
        pos = _skip_audience(text, pos, e)
    elif verb.startswith("call") and (after_for := _FOR.match(text, pos, e)) is not None:
        pos = after_for.end()  # "called for an inquiry": the inquiry is what was called for
    elif verb.startswith("call") and _CALL_PARTICLE.match(text, pos, e):
        return None  # "called in to a radio show", "called off the strike": a telephone or a decision
    before_adverbials = pos
    adv = _ADVERBIALS.match(text, pos, e)
    if adv:
        pos = adv.end()
    that = _THAT.match(text, pos, e)
    if that is None and (verb not in stance_verbs() or verb in speech_verb_set()):
        # "explained how …", "asked whether …", "told the panel why …": an indirect question
        that = _WH_CLAUSE.match(text, pos, e)
    if that is None:
        # "said in a filing with regulators that …": a longer prepositional phrase before "that"
        prep = _PREP_BEFORE_THAT.match(text, before_adverbials, e)
        if prep is not None:
            pos = prep.end()
            that = _THAT.match(text, pos, e)
    stance = verb in stance_verbs() or verb in prepositional_phrases()
    bare = verb in _BARE_CLAUSE_VERBS or stance or is_evidence(verb, text, sp)
    if that is None and not bare and not (verb in _COMMITMENT_VERBS and _TO.match(text, pos, e)):
        return None
    if stance and sp.kind is None and text[sp.start : sp.end].lower() in ("it", "that", "which"):
        return None
    if verb in _OPINION_VERBS and text[sp.start : sp.end].lower() in _NARRATOR:
        return None  # "I think the plan will fail", "you might think …": the writer's own view, no quote
    if that is None and _TOPIC_AFTER.match(text, pos, e):
        return None  # "writes frequently about small business": a topic, not a reported clause
    start = pos
    while start < e and text[start] in " \u00a0,:":
        start += 1
    if start >= e or not is_clause(text[start:e]) or _ANONYMITY.match(text, start, e):
        return None
    if text[start:e].split(None, 1)[0] in _TRAILING_VERBS:
        return None  # "the coastal project said …": the cue word was a noun, the real verb follows
    e = report_end(text, start, e)
    if _FRAMING_CLAUSE.match(text, s) and "," not in text[s : c.start()]:
        # "While officials maintain that talks go on, critics …": the report ends with its clause
        comma = text.find(",", start, e)
        if comma > 0 and is_clause(text[start:comma]):
            e = comma
    if stance and not carries_words(verb, text, start, e, that is not None):
        return None  # "condemned the attack", "urged Kyiv to respond": a stance, not words said
    if is_passive(text, sp, c):
        if text.startswith("by ", start):
            return None  # "was endorsed by dozens of papers": the agent follows, the content went before
        # "Mr. Reed was accused of …", "She was asked whether …": the subject is not the source,
        # and the text does not name one
        sp = Speaker(c.start(), c.start(), None, None)
        q = make_quote(text, start, e, sp, c.group(), quote_kind(text, start, e), rules.INDIRECT_LEADING.name)
        return q.model_copy(update={"speaker_start": None, "speaker_end": None})
    return make_quote(text, start, e, sp, c.group(), quote_kind(text, start, e), rules.INDIRECT_LEADING.name)


def _trailing(doc: Document, finder: SpeakerFinder, c: re.Match[str], s: int, e: int) -> Quote | None:
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
    adverbials = _ADVERBIALS.match(text, rest_from, e)  # "…, the ministry said on Tuesday, after …"
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


def _according_to(doc: Document, finder: SpeakerFinder, c: re.Match[str], s: int, e: int) -> Quote | None:
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
    return Speaker(m.start(1), m.end(1), m.group(2), None)


def _closes_sentence(cue: str) -> bool:
    """ "…, officials said." and the headline form "…, Union Leader Says." """
    return cue in _TRAILING_VERBS or (cue[:1].isupper() and cue.lower() in _TRAILING_VERBS and " " not in cue)


_SPACED_WORD = re.compile(r"[ \u00a0]+([\w’'.-]+)")


_AUDIENCE_THEN_CLAUSE = re.compile(r"(?:[ \u00a0]+[\w’'.-]+){1,5}?(?=[ \u00a0,]+(?:that|how|why|whether)\b)")


def _skip_audience(text: str, pos: int, e: int) -> int:
    """Skip the object of "told" ("told reporters", "told the BBC", "told his European counterparts")."""
    m = _AUDIENCE_THEN_CLAUSE.match(text, pos, e)
    if m:
        return m.end()
    words = list(_SPACED_WORD.finditer(text[pos:e]))[:4]
    end = pos
    for w in words:
        word = w.group(1)
        if word.lower() in AUDIENCE_WORDS or word[:1].isupper():
            end = pos + w.end()
        else:
            break
    return end


def _subject_position(text: str, s: int, start: int) -> bool:
    """The speaker opens the sentence or a clause ("But X said", "On Friday, X said", "…, and X said")."""
    if text[start : start + 4] == "who ":
        return True  # a relative pronoun is the subject of its own clause
    lead = text[max(s, start - 240) : start]  # a subject is never further in than this
    words = lead.split()
    if len(words) <= 4 and not any(ch in lead for ch in ",;:"):
        return True  # a role before the name: "Stein spokeswoman X", "A spokeswoman for X"
    stripped = _TITLE_TAIL.sub("", lead).rstrip()
    if not stripped.strip():
        return True  # only titles and names before it: "Republican National Committee Research Director X"
    if len(stripped.split()) <= 4 and not any(ch in stripped for ch in ",;:"):
        return True  # "A spokesperson for Senate Majority Leader X"
    last = stripped.split()[-1].lower() if stripped.split() else ""
    return (stripped.endswith((",", "—", ";", ":")) or last in _CLAUSE_OPENERS) and len(words) <= 25


_CLAUSE_OPENERS = frozenset(
    """and but or so after before when while because as since although though if until once whereas
    where which whom""".split()
)
_TITLE_TAIL = re.compile(r"(?:(?<![\w’'.-])(?:the|[A-Z][\w’'.-]*)[ \u00a0]*)+$")


def _inside(segments: list[Segment], starts: list[int], pos: int) -> bool:
    i = bisect_left(starts, pos + 1) - 1
    return i >= 0 and segments[i].start <= pos < segments[i].end
