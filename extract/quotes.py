"""Quotes and their speakers: direct, partial (quoted words inside a paraphrase) and indirect speech.

Each quoted stretch is attributed by the cue next to it: after it (`“…,” X said`, `“…,” said X`),
before it (`X said: “…”`, `X told reporters “…”`), or earlier in the same sentence for quoted
words inside a paraphrase (`X described Y as “…”`). A quote with no cue that opens a sentence
continues the last speaker when that speaker spoke in the same or the previous paragraph.
Reported speech without quotation marks is found per sentence (extract/quotes_indirect.py).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from extract.document import Document
from extract.lexicon_speech import AUDIENCE_WORDS, INVERTING_VERBS, speech_alternation
from extract.mentions import Mention
from extract.models import Quote, QuoteKind
from extract.quote_marks import Segment, quote_segments
from extract.speakers import Speaker, SpeakerFinder

_ROLE_PREFIX = re.compile(r"(?:[\w’'.-]+[ \u00a0]+){0,5}")
_GAP = re.compile(r"[ \u00a0]*[,—–―-]*[ \u00a0]*")
_DASHES = frozenset("—–―-")
_CONJOINED = re.compile(r"(?:,|\band)(?:[ \u00a0]+[a-z]+ly)?[ \u00a0]+$")
_TAIL_LIMIT = 7  # words between a cue and the quote it introduces ("told reporters on Friday in Kyiv")
_SENTENCE_END_IN = re.compile(r"[.!?…][\"”’]?[ \u00a0]*$")


@cache
def cue_pattern() -> re.Pattern[str]:
    """A speech cue: a speech verb or phrase ("said", "pointed out", "according to")."""
    return re.compile(
        rf"\b(?:[Aa]ccording to|summed up|pointed out|points out|chimed in|put it|went on|"
        rf"{speech_alternation()})\b"
    )


@dataclass(slots=True)
class _Attribution:
    speaker: Speaker
    cue: str | None
    cue_start: int
    adjacent: bool  # the cue introduces or closes the quote itself
    content_start: int  # where the paraphrase holding the quote starts


def find_quotes(doc: Document, mentions: list[Mention]) -> list[Quote]:
    """Direct, partial and indirect quotes with resolved speakers, sorted by start."""
    from extract.quotes_indirect import find_indirect
    from extract.quotes_labelled import find_labelled

    segments = quote_segments(doc.text, doc.paragraphs)
    finder = SpeakerFinder(doc, mentions, [(s.start, s.end) for s in segments])
    labelled = find_labelled(doc, finder)
    quotes, used_cues = _quoted(doc, segments, finder)
    quotes.extend(find_indirect(doc, finder, segments, used_cues))
    if labelled:
        quotes = [q for q in quotes if not any(_mostly_inside(q, lab) for lab in labelled)] + labelled
    quotes.sort(key=lambda q: q.start)
    return quotes


def _mostly_inside(q: Quote, outer: Quote) -> bool:
    inter = min(q.end, outer.end) - max(q.start, outer.start)
    return inter > 0 and inter * 2 >= q.end - q.start


def _quoted(doc: Document, segments: list[Segment], finder: SpeakerFinder) -> tuple[list[Quote], set[int]]:
    text = doc.text
    para_starts = [p[0] for p in doc.paragraphs]
    out: list[Quote] = []
    used: set[int] = set()
    last: tuple[Speaker, int] | None = None  # last speaker and the paragraph they spoke in
    prev: Segment | None = None
    prev_attr: _Attribution | None = None
    for k, seg in enumerate(segments):
        para = max(0, bisect_right(para_starts, seg.open) - 1)
        pe = doc.paragraphs[max(0, bisect_right(para_starts, seg.close - 1) - 1)][1]  # a quote may span paragraphs
        nxt = segments[k + 1].open if k + 1 < len(segments) else len(text)
        hi = min(pe, nxt)
        sent_lo = doc.sentences[doc.sentence_at(seg.open)][0] if doc.sentences else 0
        lo = max(sent_lo, prev.close) if prev is not None and prev.close <= seg.open else sent_lo
        same_sentence = prev is not None and prev_attr is not None and _same_sentence(doc, prev.close, seg.open)
        before_empty = text[lo : seg.open].strip(" \u00a0,.;:—–-\"“”") == ""
        if _is_title(text[seg.start : seg.end], before_empty) or text[seg.open - 1 : seg.open] == "=":
            prev, prev_attr = seg, None
            continue  # "Face the Nation", ''Politicking'': a title or name, not words someone said
        attr = _after(doc, seg, hi, finder) or _before(doc, seg, lo, finder) or _closing(doc, seg, hi, finder)
        after_text = _rest_of_sentence(doc, seg, hi)
        kind: QuoteKind = "direct"
        start = seg.start
        if attr is not None and attr.cue is not None:
            used.add(attr.cue_start)
        if attr is None and same_sentence and prev_attr is not None:
            attr = _Attribution(prev_attr.speaker, prev_attr.cue, prev_attr.cue_start, False, prev.close if prev else lo)
            attr = _Attribution(attr.speaker, attr.cue, attr.cue_start, before_empty, attr.content_start)
        if attr is None and before_empty and seg.open == doc.paragraphs[para][0] and para > 0:
            attr = _introduced(doc, seg, doc.paragraphs[para - 1], finder)
        if attr is None:
            words = len(text[seg.start : seg.end].split())
            if before_empty and last is not None and para - last[1] <= 1 and words >= 3:
                attr = _Attribution(last[0], None, -1, True, seg.start)
            elif not before_empty and _may_be_words_of_subject(text[seg.start : seg.end], words):
                attr = _subject_attribution(finder, sent_lo, seg)
            if attr is None:
                prev, prev_attr = seg, None
                continue
        end = seg.end
        if not (before_empty or attr.adjacent) or (after_text and not attr.adjacent and not before_empty):
            kind = "partial"
            start = max(attr.content_start, _word_start(text, seg.open - 3 * (seg.end - seg.start)))
            start = min(start, seg.start)
            end = _clause_end(text, seg, hi)
        elif after_text and attr.cue_start < seg.open and not _attribution_only(after_text):
            kind = "partial"
        elif attr.cue_start < seg.open and not _looks_complete(text[seg.start : seg.end]):
            kind = "partial"  # "X condemned “reckless spending”": quoted words, not an utterance
        sp = attr.speaker
        out.append(
            Quote(
                text=text[start:end],
                start=start,
                end=end,
                speaker=sp.name,
                speaker_start=sp.start,
                speaker_end=sp.end,
                cue=attr.cue,
                kind=kind,
                speaker_kind=sp.kind,
                speaker_role=sp.role,
            )
        )
        last = (sp, para)
        prev, prev_attr = seg, attr
    return out, used


def _after(doc: Document, seg: Segment, hi: int, finder: SpeakerFinder) -> _Attribution | None:
    """`“…,” X said` or `“…,” said X`: a cue right after the closing mark."""
    text = doc.text
    if seg.close >= hi:
        return None
    p = _GAP.match(text, seg.close, hi)
    assert p is not None
    gap = text[seg.close : p.end()]
    last_char = text[seg.end - 1 : seg.end]
    if gap.strip() in _DASHES:
        byline = _byline(doc, p.end(), hi, finder)  # “…” ― Name: a quote signed like an epigraph
        if byline is not None:
            return _Attribution(byline, gap.strip(), seg.close, True, seg.start)
    if "," not in gap and (last_char == "." or gap.strip()):
        return None  # the quote ended its sentence, or a dash leads on to another clause
    c = cue_pattern().search(text, p.end(), min(hi, p.end() + 90))
    if c is None or _crosses_sentence(doc, p.end(), c.start()):
        return None
    if text[p.end() : c.start()].strip() == "":
        sp = finder.after(c.end(), hi)
    else:
        sp = finder.before(c.start(), p.end())
        if sp is not None and not _role_prefix(text[p.end() : sp.start]):
            sp = None
    if sp is None:
        return None
    return _Attribution(sp, c.group(), c.start(), True, seg.start)


_SETTING_WORDS = AUDIENCE_WORDS | frozenset("on in at to during after before with by of for".split())


def _only_setting(words: list[str]) -> bool:
    """"told reporters", "said on Friday in Kyiv": words that set the scene, not a clause of their own."""
    return len(words) <= _TAIL_LIMIT and all(w.lower() in _SETTING_WORDS or w[:1].isupper() for w in words)


def _closing(doc: Document, seg: Segment, hi: int, finder: SpeakerFinder) -> _Attribution | None:
    """`“…” to drive up the price, she said.`: an attribution closing the quote's sentence."""
    text = doc.text
    si = doc.sentence_at(max(seg.close - 1, 0))
    end = min(doc.sentences[si][1], hi) if doc.sentences else hi
    cues = list(cue_pattern().finditer(text, seg.close, end))
    if not cues:
        return None
    c = cues[-1]
    if len(text[c.end() : end].split()) > 8:
        return None
    sp = finder.before(c.start(), seg.close)
    comma = sp.start if sp is not None else c.start()
    if sp is None and c.group() in INVERTING_VERBS:
        sp = finder.after(c.end(), end)
    if sp is None or not text[seg.close : comma].rstrip().endswith((",", "—")):
        return None
    return _Attribution(sp, c.group(), c.start(), False, seg.start)


def _introduced(doc: Document, seg: Segment, prev_para: tuple[int, int], finder: SpeakerFinder) -> _Attribution | None:
    """A paragraph ending in a colon ("Caddell continued:") introduces the quote paragraph after it."""
    ps, pe = prev_para
    if doc.text[pe - 1 : pe] != ":" or pe - ps > 300:
        return None
    lo = doc.sentences[doc.sentence_at(pe - 1)][0]
    cues = list(cue_pattern().finditer(doc.text, lo, pe))
    sp = finder.before(cues[-1].start(), lo) if cues else None
    sp = sp or finder.subject(lo, pe)
    if sp is None:
        return None
    return _Attribution(sp, cues[-1].group() if cues else ":", cues[-1].start() if cues else pe - 1, True, seg.start)


def _byline(doc: Document, pos: int, hi: int, finder: SpeakerFinder) -> Speaker | None:
    """A name alone after a dash, ending its line or sentence."""
    m = finder.mention_at(pos)
    if m is None or m.kind not in ("person", "unknown", "organization"):
        return None
    rest = doc.text[m.end : min(hi, m.end + 3)]
    if rest.strip(" \u00a0.") == "" or rest[:1] in ",\n":
        return Speaker(m.start, m.end, m.canonical, "person" if m.kind == "unknown" else m.kind, m.role)
    return None


def _before(doc: Document, seg: Segment, lo: int, finder: SpeakerFinder) -> _Attribution | None:
    """`X said: “…”`, `X told reporters “…”`, or `X described Y as “…”` (a partial quote)."""
    text = doc.text
    end = seg.open
    while end > lo and text[end - 1] in " \u00a0":
        end -= 1
    colon = end > lo and text[end - 1] == ":"
    core = end - 1 if end > lo and text[end - 1] in ":,—" else end
    cues = list(cue_pattern().finditer(text, lo, core))
    participle: re.Match[str] | None = None  # "X said, arguing that …": the participle's subject is X
    for c in reversed(cues):
        sp = finder.before(c.start(), lo)
        if sp is None and (c.group() in INVERTING_VERBS or c.group().lower() == "according to") and _clause_start(
            text, lo, c.start()
        ):
            sp = finder.after(c.end(), core)  # 'said Ms. Ruiz: "…"', 'according to X, "…"'
            if sp is not None and len(text[sp.end : core].split()) > _TAIL_LIMIT:
                sp = None
        if sp is None:
            if participle is None and (c.group().endswith("ing") or _CONJOINED.search(text, max(lo, c.start() - 25), c.start())):
                participle = c  # "She tells him to stop and repeatedly says, “…”": the subject is the first cue's
            continue
        if participle is not None:
            c = participle
        if sp.start >= c.end():
            after_speaker = sp.end
        else:
            after_speaker = c.end()
        tail = text[after_speaker:core]
        tail_words = tail.split()
        adjacent = "that" not in tail_words and (
            not tail_words or (core != end and len(tail_words) <= _TAIL_LIMIT) or _only_setting(tail_words)
        )
        content = after_speaker
        m = re.match(r"[ \u00a0,]*(?:that[ \u00a0]+)?", text[content:core])
        if adjacent:
            content = seg.start
        elif m:
            content += m.end()
        return _Attribution(sp, c.group(), c.start(), adjacent, content)
    if colon:
        sp = finder.subject(lo, core)
        if sp is not None:
            return _Attribution(sp, ":", core, True, seg.start)
    return None


def _role_prefix(between: str) -> bool:
    """Only a short role or place may stand between a quote and its speaker ("Tulsa police Chief X said")."""
    if _ROLE_PREFIX.fullmatch(between) is None:
        return False
    return not any(w.lower() in _CLAUSE_WORDS for w in between.split())


# Words that open a new clause: a speaker after them does not attribute the quote before.
_CLAUSE_WORDS = frozenset("but and or so yet while as because although though when after before if".split())


def _clause_start(text: str, lo: int, pos: int) -> bool:
    """The cue opens its clause ("…, said X", "According to X"): only then can its speaker follow it."""
    before = text[lo:pos].rstrip()
    return before == "" or before.endswith((",", ":", "\"", "”", "''", "—"))


_SMALL_WORDS = frozenset("a an the of and or in on at to for with by from as is it vs".split())


def _is_title(quoted: str, opens_sentence: bool) -> bool:
    """Title-case words ("Make Your Kid a Millionaire"), or one capitalised word inside a sentence."""
    words = [w.strip(",.;:!?'’\"“”()") for w in quoted.split()]
    words = [w for w in words if w]
    if not words or len(words) > 9 or quoted.rstrip().endswith(("?", "!")):
        return False
    if len(words) == 1:
        return not opens_sentence and words[0][:1].isupper()
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(content) and all(w[:1].isupper() or w[:1].isdigit() for w in content) and words[0][:1].isupper()


def _looks_complete(quoted: str) -> bool:
    """An utterance rather than a phrase: it opens with a capital or runs to several words."""
    stripped = quoted.lstrip(" \u00a0….'‘")
    return stripped[:1].isupper() or len(quoted.split()) >= 6


def _may_be_words_of_subject(quoted: str, words: int) -> bool:
    """Quoted words that are no title or name ("The Apprentice", "Shark Tank")."""
    caps = sum(1 for w in quoted.split() if w[:1].isupper())
    return words >= 2 and caps < words


def _subject_attribution(finder: SpeakerFinder, sent_lo: int, seg: Segment) -> _Attribution | None:
    """Quoted words inside a sentence without a speech verb belong to its subject ("X dismissed Y as “…”")."""
    sp = finder.subject(sent_lo, seg.open)
    if sp is None or sp.start - sent_lo > 60 or sp.kind not in ("person",):
        return None
    return _Attribution(sp, None, -1, False, sp.end)


def _same_sentence(doc: Document, a: int, b: int) -> bool:
    starts = doc._starts
    i = bisect_right(starts, a)
    return i >= len(starts) or starts[i] > b


def _crosses_sentence(doc: Document, a: int, b: int) -> bool:
    return not _same_sentence(doc, a, b)


def _rest_of_sentence(doc: Document, seg: Segment, hi: int) -> str:
    """Words after the closing mark up to the end of its sentence (or the next quote)."""
    si = doc.sentence_at(max(seg.close - 1, 0))
    se = doc.sentences[si][1] if doc.sentences else len(doc.text)
    return doc.text[seg.close : min(se, hi)].strip(" \u00a0,.;:!?—–-\"“”’)")


def _attribution_only(rest: str) -> bool:
    """True when what follows a quote is only its attribution ("he said in a statement")."""
    words = rest.split()
    return len(words) <= 10 and cue_pattern().search(rest) is not None


_CLAUSE_END = re.compile(r"[,;:()\"“”]|[ \u00a0][—–-][ \u00a0]|—|[.!?](?=[ \u00a0\n]|$)")


def _clause_end(text: str, seg: Segment, hi: int) -> int:
    """A partial quote runs on to the end of its clause ("“a mistake” to use private email"), within reason."""
    limit = min(hi, seg.close + 120)
    m = _CLAUSE_END.search(text, seg.close, limit)
    if m is not None:
        end = m.start()
    else:
        end = limit
        while end > seg.close and not text[end - 1].isspace():
            end -= 1  # no clause end near: stop at a word boundary
    while end > seg.close and text[end - 1] in " \u00a0":
        end -= 1
    return end if end > seg.close else seg.end


def _word_start(text: str, pos: int) -> int:
    pos = max(0, pos)
    while 0 < pos < len(text) and not text[pos - 1].isspace():
        pos += 1
    return pos


__all__ = ["cue_pattern", "find_quotes"]
