"""Where an indirect report starts and ends and who stands behind it: adverbials and audiences after
the verb, boundaries (a concession, a dash aside, the next reporting verb), the speaker's position,
passive reports without a source, and evidence that "shows"."""

from __future__ import annotations

import re

from extract.lexicons import word_set
from extract.models import Quote, QuoteKind
from extract.quotes.speakers import Speaker
from extract.quotes.speech_words import AUDIENCE_WORDS

_CONCESSION = re.compile(r",[ \u00a0]+(?:although|though|even though|even as|whereas)\b")
_BE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|get|gets|got)"
    r"(?:[ \u00a0]+(?:[a-z]+ly|not|also|once|never|often|later|then|again|widely|first))*[ \u00a0]+$"
)
_CLOSED_SENTENCE = re.compile(r"[.!?][\"”’](?=[ \u00a0]+[A-Z“\"])")
_DASH = re.compile(r"[ \u00a0](?:—|–|--)[ \u00a0]|—")
_TRAILING_CONJUNCTION = re.compile(r"[ \u00a0,]+(?:and|but|or)$")
_THEN_ACTION = re.compile(
    r",?[ \u00a0]+and[ \u00a0]+then[ \u00a0]+"
    r"(?:[a-z]+ed|left|went|took|made|gave|held|met|told|said|sat|stood)\b"
)
# "…, but offered no proof", "…, but declined to give details": the speaker acts again, the report ended
_SPEAKER_ACTS_AGAIN = re.compile(
    r",?[ \u00a0]+but[ \u00a0]+(?:(?:then|later|also)[ \u00a0]+)?"
    r"(?:offered|gave|provided|produced|presented|cited|declined|refused|stopped|did[ \u00a0]+not|didn['’]t"
    r"|would[ \u00a0]+not|wouldn['’]t|acknowledged|conceded|admitted|added|noted|said)\b"
)
# Polls, studies and records "show" or "find" things: their content needs no "that".
_EVIDENCE_VERBS = frozenset("show shows showed shown find finds found suggest suggests suggested".split())
MIN_WORDS = 4
# Words after a speech verb that are no part of the report ("said on Tuesday", "told the BBC in a statement").
ADVERBIALS = re.compile(
    r"(?:[ \u00a0]*,)?(?:[ \u00a0]+(?:on|in|at|during|late|early|last|this|earlier|later|after|before)"
    r"(?:[ \u00a0]+(?:a|an|the|his|her|their|its|[A-Z][\w’'.-]*|\d[\w:.]*|[a-z]+day|morning|afternoon"
    r"|evening|night|week|month|year|statement|interview|briefing|conference|news|press|post|video|tweet|letter|call|"
    r"speech|message|remarks|report|email|televised|address)(?![\w’'])){1,4}"
    r"|[ \u00a0]+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight|recently"
    r"|again)(?:[ \u00a0]+(?:morning|afternoon|evening|night))?(?![\w’'])"
    # "has said repeatedly that …": an adverb only where a that-clause follows it
    r"|[ \u00a0]+[a-z]{3,}ly(?=[ \u00a0]*,?[ \u00a0]+that\b))*(?:[ \u00a0]*,)?"
)


def is_passive(text: str, sp: Speaker, c: re.Match[str]) -> bool:
    """ "Mr. Reed was accused of …": a passive reporting verb, whose subject is not the source."""
    verb = c.group().lower()
    participle = verb.endswith("ed") or verb in ("told", "shown", "found", "known", "thought")
    return (
        participle
        and verb != "quoted"
        and _BE.search(text, max(sp.end, c.start() - 40), c.start()) is not None
    )


def close_before(out: list[Quote], taken: list[tuple[int, int]], text: str, cue: int) -> None:
    """ "The minister defended the cuts, arguing that …": a report in the same sentence ends where
    the next reporting verb begins (its comma too)."""
    if not taken or not taken[-1][0] < cue < taken[-1][1]:
        return
    end = cue
    while end > taken[-1][0] and text[end - 1] in " \u00a0,;—":
        end -= 1
        tail = _TRAILING_CONJUNCTION.search(text, taken[-1][0], end)
        if tail is not None:
            end = tail.start()
    if not is_clause(text[taken[-1][0] : end]) and len(text[taken[-1][0] : end].split()) < 2:
        return
    q = out[-1]
    out[-1] = make_quote(
        text,
        q.start,
        end,
        Speaker(q.speaker_start or 0, q.speaker_end or 0, q.speaker, q.speaker_kind, q.speaker_role),
        q.cue or "",
        quote_kind(text, q.start, end),
        q.rule,
    )
    taken[-1] = (q.start, end)


_LETTERS = re.compile(r"[a-z]+")


def is_evidence(verb: str, text: str, sp: Speaker) -> bool:
    """ "A poll shows X leading", "the study found 40 cases": evidence needs no "that"."""
    if verb not in _EVIDENCE_VERBS:
        return False
    words = _LETTERS.findall(text[sp.start : sp.end].lower())[:5]
    return any(w in word_set("evidence_nouns") for w in words)


_WORD = re.compile(r"[A-Za-z]+")
_RELATIVE_BEFORE = re.compile(r"\b(?:which|that|who)$")
_BOUNDARY = re.compile(r"[,;:—–(]|--")


def evidence_subject(text: str, s: int, cue_start: int, verb: str) -> Speaker | None:
    """ "A 2014 study by a law professor found …", "…, a new analysis of the filings shows.": the
    evidence is the source, found as the phrase before the verb (from the last comma or the sentence
    start) whose first words name a poll, study, analysis or the like."""
    if verb.lower() not in _EVIDENCE_VERBS:
        return None
    end = cue_start
    while end > s and text[end - 1] in " \u00a0,":
        end -= 1
    if _RELATIVE_BEFORE.search(text, max(s, end - 8), end):
        return None  # "the report, which shows traffic …": a relative clause describes, it reports nothing
    starts = [*[m.end() for m in _BOUNDARY.finditer(text, s, end)][-1:], s]
    for lo in starts:
        while lo < end and text[lo] in ' \u00a0"“':
            lo += 1
        words = _LETTERS.findall(text[lo:end].lower())
        if not words:
            continue
        head = next((i for i, w in enumerate(words[:7]) if w in word_set("evidence_nouns")), None)
        opens = text[lo : lo + 1].isupper() or words[0] in ("a", "an", "the", "this", "that")
        if head is None or not opens:
            continue
        name_end = lo
        for _ in range(head + 1):
            m = _WORD.search(text, name_end, end)
            if m is None:
                break
            name_end = m.end()
        return Speaker(lo, end, text[lo:name_end], None)
    return None


def is_clause(content: str) -> bool:
    """Long enough to be reported content rather than a stray phrase."""
    return len(content.split()) >= MIN_WORDS


def quote_kind(text: str, start: int, end: int) -> QuoteKind:
    """Partial when quoted words sit inside the paraphrase, indirect otherwise."""
    return "partial" if any(ch in text[start:end] for ch in '"“”‘') else "indirect"


def make_quote(
    text: str, start: int, end: int, sp: Speaker, cue: str, kind: QuoteKind, rule: str | None = None
) -> Quote:
    """The Quote for `text[start:end]` attributed to `sp` by `cue`."""
    return Quote(
        text=text[start:end],
        start=start,
        end=end,
        speaker=sp.name,
        speaker_start=sp.start,
        speaker_end=sp.end,
        cue=cue,
        kind=kind,
        speaker_kind=sp.kind,
        speaker_role=sp.role,
        rule=rule,
    )


# "HARTFORD ― …", "KYIV, Ukraine — …": a wire dateline opens the paragraph, it is nobody's words
_DATELINE = re.compile(
    r"[A-Z][A-Z .'-]{2,40}(?:,[ \u00a0][A-Z][\w .'-]{1,30})?[ \u00a0]*(?:―|—|–|--)[ \u00a0]*"
)


def report_start(text: str, start: int, end: int) -> int:
    """The start of a report, a wire dateline skipped."""
    m = _DATELINE.match(text, start, end)
    return m.end() if m is not None and m.end() < end else start


def report_end(text: str, start: int, end: int) -> int:
    """The end of a report that runs to its sentence end, narrator's additions cut off."""
    closed = _CLOSED_SENTENCE.search(text, start, end)
    if closed is not None:
        end = closed.end()  # 'was "reckless." He added: …': the quoted words closed the sentence
    concession = _CONCESSION.search(text, start, end)
    if concession is not None and is_clause(text[start : concession.start()]):
        end = concession.start()  # "…, although he again refused to say": the narrator speaks again
    then = _THEN_ACTION.search(text, start, end) or _SPEAKER_ACTS_AGAIN.search(text, start, end)
    if then is not None and is_clause(text[start : then.start()]):
        # "said the depot would close, and then left the hall", "claimed …, but offered no proof":
        # the speaker acts again
        end = then.start()
    dashes = list(_DASH.finditer(text, start, end))
    if len(dashes) == 1 and is_clause(text[start : dashes[0].start()]):
        end = dashes[0].start()  # "… a relic of the past — a jibe at …": one dash, the narrator's aside
    tail = _TRAILING_CONJUNCTION.search(text, start, end)
    if tail is not None and is_clause(text[start : tail.start()]):
        end = tail.start()  # a sentence cut after "and": no dangling conjunction in the report
    return end


_SPACED_WORD = re.compile(r"[ \u00a0]+([\w’'.-]+)")

_AUDIENCE_THEN_CLAUSE = re.compile(r"(?:[ \u00a0]+[\w’'.-]+){1,5}?(?=[ \u00a0,]+(?:that|how|why|whether)\b)")


def skip_audience(text: str, pos: int, e: int) -> int:
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


def subject_position(text: str, s: int, start: int) -> bool:
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


# "which Mr. Clarke says …", "what the mayor says …": the speaker inside a relative clause
_OBJECT_RELATIVE = re.compile(
    r"(?<![\w’'-])(?:which|what|whom)[ \u00a0]+(?:(?:the|a|an|[A-Z][\w.’'-]*)[ \u00a0]+){0,3}$", re.IGNORECASE
)
_RELATIVE_END = re.compile(r"[,;:()]|[ \u00a0](?:—|–|--)[ \u00a0]|—")


def relative_report_end(text: str, s: int, speaker_start: int, start: int, end: int) -> int:
    """ "The plant, which Mr. Clarke says he keeps open at a loss, employs 300": a report inside a
    relative clause ends with the clause, at its closing comma; the rest is the narrator's."""
    if _OBJECT_RELATIVE.search(text, max(s, speaker_start - 40), speaker_start) is None:
        return end
    m = _RELATIVE_END.search(text, start, end)
    return m.start() if m is not None else end


# a report opens with its own subject: "Everything the mayor says is a lie" reports nothing
_FINITE_OPENING = re.compile(
    r"(?:is|are|was|were|has|have|had|will|would|can|could|should|must|does|do|did)(?![\w’'-])"
)
# "donations, which he said were gifts", "what the senators said was a tax": the relative is the subject
_SUBJECT_RELATIVE = re.compile(
    r"(?<![\w’'-])(?:which|who|that|what)[ \u00a0]+(?:(?:the|a|an|[A-Z][\w.’'-]*)[ \u00a0]+){0,3}$",
    re.IGNORECASE,
)


def subjectless(text: str, s: int, speaker_start: int, cue_end: int, start: int, end: int) -> bool:
    """True when the words right after a cue open with a finite verb and nothing else can be their
    subject: "Everything the mayor says is a lie" reports nothing. A relative before the speaker
    ("which he said were gifts") or an attribution set off by commas ("The difference, he said, is
    …") leaves the verb its subject."""
    return (
        _FINITE_OPENING.match(text, start, end) is not None
        and "," not in text[cue_end:start]
        and _SUBJECT_RELATIVE.search(text, max(s, speaker_start - 40), speaker_start) is None
    )
