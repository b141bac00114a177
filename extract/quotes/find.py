"""Quotes and their speakers: direct, partial (quoted words inside a paraphrase) and indirect speech.

Each quoted stretch is attributed by the cue next to it: after it (`“…,” X said`, `“…,” said X`),
before it (`X said: “…”`, `X told reporters “…”`), or earlier in the same sentence for quoted
words inside a paraphrase (`X described Y as “…”`). A quote with no cue that opens a sentence
continues the last speaker when that speaker spoke in the same or the previous paragraph.
Reported speech without quotation marks is found per sentence (extract/quotes/indirect.py).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from extract.document import Document
from extract.lexicons import words as lexicon_words
from extract.models import Quote, QuoteKind
from extract.names.mentions import Mention
from extract.quotes import rules
from extract.quotes.attribution import (
    Attribution,
    attribution_after,
    attribution_before,
    attribution_by_colon,
    attribution_closing,
    attribution_rule,
    cue_pattern,
    same_sentence,
    subject_attribution,
)
from extract.quotes.marks import Segment, quote_segments
from extract.quotes.overlaps import merge_overlapping
from extract.quotes.speakers import Speaker, SpeakerFinder
from extract.quotes.subject_span import reported_start


def find_quotes(doc: Document, mentions: list[Mention]) -> list[Quote]:
    """Direct, partial and indirect quotes with resolved speakers, sorted by start."""
    from extract.quotes.indirect import find_indirect
    from extract.quotes.labelled import find_labelled

    segments = listed_together(doc.text, quote_segments(doc.text, doc.paragraphs))
    finder = SpeakerFinder(doc, mentions, [(s.start, s.end) for s in segments])
    labelled = find_labelled(doc, finder)
    quotes, used_cues = _quoted(doc, segments, finder)
    quotes.extend(find_indirect(doc, finder, segments, used_cues))
    if labelled:
        quotes = [q for q in quotes if not any(_mostly_inside(q, lab) for lab in labelled)] + labelled
    quotes.sort(key=lambda q: q.start)
    return [_as_written(doc, q) for q in merge_overlapping(quotes)]


def _as_written(doc: Document, q: Quote) -> Quote:
    """The quote with its words as the article wrote them: the marks around a quoted name
    ("“Sami” told reporters"), blanked for reading, are there again."""
    written = doc.written(q.start, q.end)
    return q if written == q.text else q.model_copy(update={"text": written})


# Between quoted words listed together: "“reckless” and “a betrayal”", "“A,” “B” or “C”".
_LIST_GAP = re.compile(r"[ \u00a0]*,?[ \u00a0]*(?:(?:and|or)[ \u00a0]+)?", re.IGNORECASE)
_LISTED_WORDS = 8  # quoted words of a list are phrases, not sentences


def listed_together(text: str, segments: list[Segment]) -> list[Segment]:
    """Quoted phrases listed with "and", "or" or commas, as one quote: one speaker called the plan
    “reckless” and “a betrayal”. Sentences (ending in . ! ?) and longer stretches stay apart."""
    out: list[Segment] = []
    for seg in segments:
        prev = out[-1] if out else None
        if (
            prev is not None
            and _LIST_GAP.fullmatch(text, prev.close, seg.open) is not None
            # "“A” “B”" with nothing between is two quotes; "“A,” “B”" (the comma inside) is a list
            and (text[prev.close : seg.open].strip() or text[prev.end - 1 : prev.end] == ",")
            and _phrase(text[prev.start : prev.end])
            and _phrase(text[seg.start : seg.end])
        ):
            out[-1] = Segment(prev.open, prev.start, seg.end, seg.close)
        else:
            out.append(seg)
    return out


def _phrase(quoted: str) -> bool:
    words = quoted.split()
    return 0 < len(words) <= _LISTED_WORDS and not quoted.rstrip(" ,").endswith((".", "!", "?"))


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
    prev_attr: Attribution | None = None
    for k, seg in enumerate(segments):
        para = max(0, bisect_right(para_starts, seg.open) - 1)
        pe = doc.paragraphs[max(0, bisect_right(para_starts, seg.close - 1) - 1)][
            1
        ]  # a quote may span paragraphs
        nxt = segments[k + 1].open if k + 1 < len(segments) else len(text)
        hi = min(pe, nxt)
        sent_lo = doc.sentences[doc.sentence_at(seg.open)][0] if doc.sentences else 0
        lo = max(sent_lo, prev.close) if prev is not None and prev.close <= seg.open else sent_lo
        in_prev_sentence = (
            prev is not None and prev_attr is not None and same_sentence(doc, prev.close, seg.open)
        )
        before_empty = text[lo : seg.open].strip(' \u00a0,.;:—–-"“”') == ""
        introduced = text[lo : seg.open].rstrip().endswith(":")
        if (_is_title(text[seg.start : seg.end], before_empty) and not introduced) or text[
            seg.open - 1 : seg.open
        ] == "=":
            prev, prev_attr = seg, None
            continue  # "Face the Nation", ''Politicking'': a title or name, not words someone said
        attr, rule = _cued(doc, seg, lo, hi, finder)
        after_text = _rest_of_sentence(doc, seg, hi)
        kind: QuoteKind = "direct"
        start = seg.start
        if attr is not None and attr.cue is not None:
            used.add(attr.cue_start)
        if attr is None and in_prev_sentence and prev_attr is not None:
            attr = Attribution(
                prev_attr.speaker,
                prev_attr.cue,
                prev_attr.cue_start,
                False,
                _reported_from(text, prev, seg, lo),
            )
            attr = Attribution(attr.speaker, attr.cue, attr.cue_start, before_empty, attr.content_start)
            rule = rules.SAME_SPEAKER.name
        if attr is None and before_empty and seg.open == doc.paragraphs[para][0] and para > 0:
            attr = attribution_by_colon(doc, seg, doc.paragraphs[para - 1], finder)
            rule = rules.COLON_BLOCK.name
        if attr is None:
            words = len(text[seg.start : seg.end].split())
            if before_empty and last is not None and para - last[1] <= 1 and words >= 3:
                newer = _paragraph_subject(doc, seg, prev if prev_attr else None, para, last[0], finder)
                attr = Attribution(newer or last[0], None, -1, True, seg.start)
                rule = (rules.PARAGRAPH_SUBJECT if newer is not None else rules.LAST_SPEAKER).name
            elif not before_empty and _may_be_words_of_subject(text, seg, words):
                attr = subject_attribution(finder, sent_lo, seg)
                rule = rules.SUBJECT_WORDS.name
            if attr is None:
                prev, prev_attr = seg, None
                continue
        end = seg.end
        if not (before_empty or attr.adjacent) or (after_text and not attr.adjacent and not before_empty):
            kind = "partial"
            content_start = attr.content_start
            if rule == rules.SUBJECT_WORDS.name:
                # the narrator's verb is not part of what the subject said
                content_start = reported_start(text, content_start, seg.open)
            start = max(content_start, _word_start(text, seg.open - 3 * (seg.end - seg.start)))
            start = min(start, seg.start)
            end = _clause_end(text, seg, hi)
            if start >= seg.open and end <= seg.end and _opens_utterance(text[seg.start : seg.end]):
                kind, start = "direct", seg.start  # ", saying, “We will win.”": the words alone, said
        elif after_text and attr.cue_start < seg.open and not _attribution_only(after_text):
            kind = "partial"
        elif attr.cue_start < seg.open and not _looks_complete(text[seg.start : seg.end]):
            kind = "partial"  # "X condemned “reckless spending”": quoted words, not an utterance
        elif not attr.adjacent and attr.cue_start > seg.close:
            kind = "partial"  # "“…” to lift the price, she said": the quote is part of a longer report
        elif not before_empty and attr.cue_start > seg.close:
            # 'The firm "will hire 200 workers," Lopez said': the report starts before the quote
            kind = "partial"
            start = _word_start(text, max(lo, seg.open - 3 * (seg.end - seg.start)))
        start = min(start, seg.start)  # a paraphrase never starts inside the quoted words
        if kind == "partial" and start == seg.start and attr.cue is not None and attr.cue_start < seg.open:
            start, end = _report_around(text, seg, attr.cue_start + len(attr.cue), hi)
        if start <= seg.open and end == seg.end and seg.close > seg.end:
            end = seg.close  # paraphrase and quoted words together: keep the marks balanced
        sp = attr.speaker
        if sp.name is None and last is not None and para - last[1] <= 1 and last[0].name is not None:
            # "“…,” said a U.S. Embassy official. “…,” he said.": the pronoun is the last speaker
            sp = Speaker(sp.start, sp.end, last[0].name, last[0].kind, last[0].role)
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
                rule=_with_speaker_rule(rule, attr),
            )
        )
        last = (sp, para)
        prev, prev_attr = seg, attr
    return out, used


_SUBJECT_REACH = 60  # how far into its sentence a subject may start ("On Sunday's talk show, Sen. X")


def _paragraph_subject(
    doc: Document, seg: Segment, prev: Segment | None, para: int, last: Speaker, finder: SpeakerFinder
) -> Speaker | None:
    """`quote.paragraph_subject`: "On Sunday, Senator X named the fares first. “…”": a quote with no
    cue right after a sentence of its own paragraph whose subject is a person named by name, other
    than the last speaker, is that person's; the last speaker spoke before the new one came in."""
    si = doc.sentence_at(seg.open)
    if si == 0:
        return None
    ps, pe = doc.sentences[si - 1]
    if ps < doc.paragraphs[para][0] or (prev is not None and prev.close > ps) or last.end > ps:
        return None
    lo, hi = ps, min(pe, ps + _SUBJECT_REACH + 40)
    sp = finder.subject(lo, hi, verb_follows=True)
    while sp is not None and finder.in_quote(sp.start):  # 'On "Meet the Press," Sen. X': a title
        lo = sp.end
        sp = finder.subject(lo, hi, verb_follows=True)
    if sp is None or sp.kind != "person" or sp.via is not None or sp.name is None:
        return None
    if sp.start - ps > _SUBJECT_REACH or sp.name == last.name:
        return None
    return sp


_THAT = re.compile(r"[ \u00a0]that[ \u00a0]+", re.IGNORECASE)


def _reported_from(text: str, prev: Segment | None, seg: Segment, lo: int) -> int:
    """Where the words the previous quote's speaker goes on to say start: after the last "that" between
    the two quotes ("… which show that the board “has no plan”"), else right after the previous one."""
    start = prev.close if prev is not None else lo
    last = None
    for m in _THAT.finditer(text, start, seg.open):
        last = m
    return last.end() if last is not None else start


def _cued(
    doc: Document, seg: Segment, lo: int, hi: int, finder: SpeakerFinder
) -> tuple[Attribution | None, str | None]:
    """The attribution next to a quote, after it, before it or closing its sentence, and its rule."""
    attr = attribution_after(doc, seg, hi, finder)
    if attr is not None:
        return attr, rules.CUE_AFTER.name
    attr = attribution_before(doc, seg, lo, finder)
    if attr is not None:
        return attr, rules.CUE_BEFORE.name
    attr = attribution_closing(doc, seg, hi, finder)
    return attr, (rules.CUE_CLOSING.name if attr is not None else None)


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
    return (
        bool(content) and all(w[:1].isupper() or w[:1].isdigit() for w in content) and words[0][:1].isupper()
    )


def _looks_complete(quoted: str) -> bool:
    """An utterance rather than a phrase: it opens with a capital or runs to several words."""
    stripped = quoted.lstrip(" \u00a0….'‘")
    return stripped[:1].isupper() or len(quoted.split()) >= 6


def _opens_utterance(quoted: str) -> bool:
    """Quoted words that open with a capital: a sentence of their own ("“We will win.”"), not a
    fragment the narrator's sentence runs on into ("to tell “one buyer that …”")."""
    return quoted.lstrip(" \u00a0….'‘")[:1].isupper()


def _may_be_words_of_subject(text: str, seg: Segment, words: int) -> bool:
    """Quoted words that are no title or name ("The Apprentice", "the Night Owls"), not named by a
    noun before them ("the slogan “…”") and not the subject of a verb after them ("“…” is a fine line")."""
    quoted = text[seg.start : seg.end]
    caps = sum(1 for w in quoted.split() if w[:1].isupper())
    if words < 2 or caps >= words:
        return False
    named = quoted.split()[0].lower() in ("the", "a", "an") and caps == words - 1
    return not (
        named
        or _NAMED_BEFORE.search(text, max(0, seg.open - 40), seg.open)
        or _VERB_AFTER.match(text, seg.close)
    )


_NAMED_BEFORE = re.compile(
    rf"\b(?:{'|'.join(lexicon_words('quote_naming_nouns'))})[ \u00a0]*[,:]?[ \u00a0]*$", re.IGNORECASE
)
_VERB_AFTER = re.compile(r"[ \u00a0]*(?:is|was|are|were|has|had)\b")


def _rest_of_sentence(doc: Document, seg: Segment, hi: int) -> str:
    """Words after the closing mark up to the end of its sentence (or the next quote)."""
    si = doc.sentence_at(max(seg.close - 1, 0))
    se = doc.sentences[si][1] if doc.sentences else len(doc.text)
    return doc.text[seg.close : min(se, hi)].strip(' \u00a0,.;:!?—–-"“”’)')


def _attribution_only(rest: str) -> bool:
    """True when what follows a quote is only its attribution ("he said in a statement")."""
    words = rest.split()
    return len(words) <= 10 and cue_pattern().search(rest) is not None


_CLAUSE_END = re.compile(
    r"[,;:()\"“”]|[ \u00a0][—–-][ \u00a0]|—|[.!?](?=[ \u00a0\n]|$)"
    # 'called her a "disgrace" after she spoke': a subordinate clause is the narrator's again
    r"|[ \u00a0](?=(?:when|because|while|although|though|whereas)[ \u00a0])"
    # '"reckless cuts" which further show that …': a relative clause is the narrator's
    r"|[ \u00a0](?=(?:which|who)[ \u00a0])"
    r"|[ \u00a0](?=(?:after|before|since|until)[ \u00a0]+(?:he|she|they|it|we|I|you)[ \u00a0])"
)


def _clause_end(text: str, seg: Segment, hi: int) -> int:
    """A partial quote runs on to its clause end ("“a blunder” to close the ferry office"), within reason."""
    if text[seg.end - 1 : seg.end] in (".", "!", "?"):
        return seg.end  # 'the walkout was "reckless." He added': the quoted words ended the sentence
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
    if end > seg.close:
        # "“unstable” and “sick”": the conjunction leads on to the next quote; the marks close this one
        return max(_without_dangling(text, seg.close, end), seg.close)
    return seg.end


# Words that join the clause to what follows it: "“reckless” and" must not end on them.
_DANGLING = re.compile(r"(?:[ \u00a0,]+(?:and|or|but|nor|as\s+well\s+as|plus))+[ \u00a0,]*$", re.IGNORECASE)


def _without_dangling(text: str, lo: int, end: int) -> int:
    """`end` moved back over a conjunction or comma that only leads on to the next quote."""
    m = _DANGLING.search(text, lo, end)
    end = m.start() if m else end
    while end > lo and text[end - 1] in " \u00a0,;":
        end -= 1
    return end


_ABBREVIATION = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Prof|[A-Z])\.")
_GAP_BREAK = re.compile(r"[.!?;:\"“”‘’]|[ \u00a0]-[ \u00a0]|—")


def _report_around(text: str, seg: Segment, cue_end: int, hi: int) -> tuple[int, int]:
    """'The council called Mr. Reed a "disgrace" after the vote': quoted words inside a report
    carry the report with them, from the word after the cue to the end of the clause."""
    start, end = seg.start, seg.end
    gap = _ABBREVIATION.sub("", text[cue_end : seg.open])
    if len(gap) <= 80 and gap.strip(" \u00a0,") and not _GAP_BREAK.search(gap):
        start = cue_end
        while start < seg.open and text[start] in " \u00a0,":
            start += 1
    after = text[seg.close : seg.close + 2].lstrip(" \u00a0")
    if after[:1].isalnum() and text[seg.end - 1 : seg.end] not in ",.;:!?":  # '“rant,” a series': ended
        end = _clause_end(text, seg, hi)
        start = min(start, seg.open)  # the marks stay balanced
    return start, end


def _word_start(text: str, pos: int) -> int:
    pos = max(0, pos)
    while 0 < pos < len(text) and not text[pos - 1].isspace():
        pos += 1
    return pos


__all__ = ["cue_pattern", "find_quotes"]


def _with_speaker_rule(rule: str | None, attr: Attribution) -> str | None:
    """The quote's rule, and the rule that chose its speaker where one did: "cue-after; speaker: pronoun"."""
    who = attribution_rule(attr)
    return f"{rule}; speaker: {who}" if rule and who and who != rule else rule or who
