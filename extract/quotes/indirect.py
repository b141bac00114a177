"""Reported speech without quotation marks, one sentence at a time.

Three shapes: `X said (that) CONTENT` (here), `CONTENT, X said.` / `CONTENT, said X.`, and
`according to X` before or after the content (indirect_closing.py). The speaker must be a name, a pronoun or a
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
from extract.quotes.indirect_as import as_attribution, as_clause_end
from extract.quotes.indirect_closing import TRAILING_VERBS, according_to, closes_sentence, trailing
from extract.quotes.indirect_nouns import possessed_noun, reporting_noun_quotes
from extract.quotes.indirect_participle import end_before_quoted_participle
from extract.quotes.indirect_spans import (
    ADVERBIALS,
    close_before,
    evidence_subject,
    is_clause,
    is_evidence,
    is_passive,
    make_quote,
    quote_kind,
    relative_report_end,
    report_end,
    skip_audience,
    subject_position,
    subjectless,
)
from extract.quotes.indirect_subjects import (
    ADJECTIVE,
    CLAUSE_OPENING,
    CLOSE_TO,
    CONJUNCTION,
    behind_aside,
    closing_cue,
    conjoined_cue,
    coordinated,
    group_of,
    plain_subject,
)
from extract.quotes.marks import Segment
from extract.quotes.speakers import Speaker, SpeakerFinder
from extract.quotes.speech_cues import carries_words, negated, object_end
from extract.quotes.speech_words import (
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
    "affirm affirms affirmed complain complains complained contend contends contended "
    "emphasize emphasizes emphasized emphasizing concede concedes conceded".split()
)
_PARTICIPLE_AFTER_COMMA = re.compile(r"(?:,[\"”’]?|[\"”’],)[ \u00a0]+$")
_REPORTING_VERB = re.compile(r"\b(?:said|says|told|tells|wrote|writes|added|adds)\b")
_CONJOINED = re.compile(r"(?:,|\band|\bbut)(?:[ \u00a0]+(?:also|later|then))?[ \u00a0]+$")
_FRAMING_CLAUSE = re.compile(
    r"[\"“]?(?:While|Whilst|Although|Though|Whereas|Even[ \u00a0]+(?:as|though|if)|If|Because|Since|As|When"
    r"|After)\b"
)
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
_PREP_BEFORE_THAT = re.compile(
    r"[ \u00a0,]+(?:in|on|at|during|to|with|through|via|after|before|from|over|under)"
    r"(?:[ \u00a0]+[\w’'.-]+){1,7}?"
    r"(?=[ \u00a0]*,?[ \u00a0]+that\b)"
)
_NOUN_USE = re.compile(r"\b(?:the|a|an|its|his|her|their|this|that)[ \u00a0]+$", re.IGNORECASE)
# "… who asked not to be named": the source's condition, not something reported
_ANONYMITY = re.compile(r"(?:not[ \u00a0]+)?to[ \u00a0]+be[ \u00a0]+(?:named|identified|quoted)\b")
_THAT = re.compile(r"[ \u00a0]*(?:,[ \u00a0]*)?that\b")
_CALL_PARTICLE = re.compile(r"[ \u00a0]+(?:in|into|off|back|up|out|around|over)\b")
_OPINION_VERBS = frozenset("think thinks thought believe believes believed guess suppose feel know".split())
_NARRATOR = frozenset(("i", "you", "we", "one"))
_TOPIC_AFTER = re.compile(
    r"[ \u00a0]+[a-z]{3,}ly[ \u00a0]+(?:about|on|of|for|with)(?=[ \u00a0])"
    r"|[ \u00a0]+about(?=[ \u00a0]+[A-Za-z])"
)
_QUOTED_OBJECT = re.compile(
    r"[\"“][^\"“”\n]{1,200}[\"”](?=[ \u00a0]+(?:when|because|while|after|before|as|if|until|since|once)\b)"
)
_FOR = re.compile(r"[ \u00a0]+for(?=[ \u00a0])")
# "said he would,", "said it did,": a clause of a pronoun and an auxiliary only, its verb left out
_ELLIPTICAL = re.compile(
    r"[ \u00a0]+(?:that[ \u00a0]+)?(?:he|she|it|they|we|I|you)[ \u00a0]+"
    r"(?:would|will|did|does|do|had|has|have|could|might|should|was|were)(?:[ \u00a0]+not)?[ \u00a0]*,"
)
_WH_CLAUSE = re.compile(r"[ \u00a0]*(?:how|why|whether|what)\b")


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
            and not possessed_noun(text, s, c)  # "the mayor's claim that …": a noun (indirect_nouns.py)
        ]
        as_quote = as_attribution(doc, finder, s, body_end)
        if as_quote is not None and not _inside(segments, seg_starts, as_quote.start):
            out.append(as_quote)  # "As X noted, …", "…, as X put it."
            continue
        if (as_end := as_clause_end(text, s, body_end)) is not None:
            # "As X said he would, Y resigned": the cue compares, its clause is elliptical
            cues = [c for c in cues if c.start() >= as_end or not _ELLIPTICAL.match(text, c.end(), as_end)]
        # the attribution closing a sentence governs everything before it, nested reports included
        closing = closing_cue(text, cues, body_end)
        q = trailing(doc, finder, closing, s, body_end) if closing is not None else None
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
                according_to(doc, finder, c, s, body_end)
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
        out.extend(
            q
            for q in reporting_noun_quotes(doc, finder, s, body_end, taken)
            if not _inside(segments, seg_starts, q.start)
        )
    # ", saying, “…”": the report ends where the participle hands over to quoted words
    return end_before_quoted_participle(text, out, used)


def _trailing_then_participle(
    doc: Document, finder: SpeakerFinder, cues: list[re.Match[str]], s: int, e: int
) -> list[Quote]:
    """ "CONTENT, X told reporters, adding that MORE": a closing attribution, then its participle."""
    text = doc.text
    if len(cues) < 2 or not cues[-1].group().endswith("ing") or not closes_sentence(cues[-2].group()):
        return []
    if _PARTICIPLE_AFTER_COMMA.search(text, s, cues[-1].start()) is None:
        return []
    comma = text.rfind(",", cues[-2].end(), cues[-1].start())
    first = trailing(doc, finder, cues[-2], s, comma) if comma > 0 else None
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
        sp = behind_aside(text, finder, s, c)  # "Kall, co-editor of a book, said …"
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
    elif sp is None or CLOSE_TO.search(text, max(s, sp.start - 20), sp.start):
        # "Those close to the mayor say …": the people close to the name say it, not the name
        sp = plain_subject(text, s, c)  # "Experts say …", "Those close to him say that …"
        if sp is None or not CLAUSE_OPENING.match(text, c.end(), e):
            return None  # "Rising costs say little about …": no reported clause follows
    elif not subject_position(text, s, sp.start):
        return None
    if c.group().endswith("s") and ADJECTIVE.fullmatch(text, sp.start, sp.end) and sp.start == s:
        return None  # "Historical notes at the end …", "Legal claims pile up": an adjective and a plural noun
    sp = coordinated(text, s, sp)  # "Pilots and aviation experts said …": both sources say it
    sp = group_of(text, sp)  # "Trump officials maintain …": the officials, not Trump
    if negated(text, sp.end if sp.end <= c.start() else s, c.start()):
        return None  # "He did not elaborate on …", "declined to say whether …": nothing was said
    pos = c.end()
    verb = c.group().lower()
    if verb in ("told", "tells", "tell"):
        pos = skip_audience(text, pos, e)
    elif verb.startswith("call") and (after_for := _FOR.match(text, pos, e)) is not None:
        pos = after_for.end()  # "called for an inquiry": the inquiry is what was called for
    elif verb.startswith("call") and _CALL_PARTICLE.match(text, pos, e):
        return None  # "called in to a radio show", "called off the strike": a telephone or a decision
    before_adverbials = pos
    adv = ADVERBIALS.match(text, pos, e)
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
    if subjectless(text, s, sp.start, c.end(), start, e):
        return None  # "Everything the mayor says is a lie": no report
    e = relative_report_end(text, s, sp.start, start, e)
    if text[start:e].split(None, 1)[0] in TRAILING_VERBS or CONJUNCTION.match(text, start, e):
        # "the coastal project said …": the cue word was a noun, the real verb follows;
        # "…, the agency said in a report, and the top fifth paid more": the report went before
        return None
    e = report_end(text, start, e)
    quoted_object = _QUOTED_OBJECT.match(text, start, e)
    if quoted_object is not None:
        e = quoted_object.end()  # 'saying "thank you" when they obliged': the quoted words were said
    if _FRAMING_CLAUSE.match(text, s) and "," not in text[s : c.start()]:
        # "While officials maintain that talks go on, critics …": the report ends with its clause
        comma = text.find(",", start, e)
        if comma > 0 and is_clause(text[start:comma]):
            e = comma
    if stance and not carries_words(verb, text, start, e, that is not None):
        return None
    if (cut := object_end(verb, text, start, e, that is not None)) < e:
        if not is_clause(text[start:cut]):
            return None  # "citing witnesses, …": too short an object to report
        e = cut  # "condemned the attack", "urged Kyiv to respond": a stance, not words said
    if (
        that is None
        and (then := conjoined_cue().search(text, start, e))
        and is_clause(text[start : then.start()])
    ):
        e = then.start()  # "called the raid an escalation and urged …": the second verb opens its own act
    if is_passive(text, sp, c):
        if text.startswith(("by ", "to ", "to\u00a0"), start):
            # "was endorsed by dozens of papers": the agent follows, the content went before;
            # "was asked to distinguish …": a request made of the subject, no words reported
            return None
        # "Mr. Reed was accused of …", "She was asked whether …": the subject is not the source,
        # and the text does not name one
        sp = Speaker(c.start(), c.start(), None, None)
        q = make_quote(text, start, e, sp, c.group(), quote_kind(text, start, e), rules.INDIRECT_LEADING.name)
        return q.model_copy(update={"speaker_start": None, "speaker_end": None})
    return make_quote(text, start, e, sp, c.group(), quote_kind(text, start, e), rules.INDIRECT_LEADING.name)


def _inside(segments: list[Segment], starts: list[int], pos: int) -> bool:
    i = bisect_left(starts, pos + 1) - 1
    return i >= 0 and segments[i].start <= pos < segments[i].end
