"""Where a quoted stretch gets its speaker: the cue before it, after it, or around it.

`after` reads `“…,” X said` and `“…,” said X`; `before` reads `X said: “…”`, `X told reporters “…”`
and `X described Y as “…”` (quoted words inside a paraphrase); `closing` reads a cue that ends the
quote's sentence; `introduced` reads a paragraph ending in a colon; `subject` gives quoted words
with no cue to the person the sentence is about.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from extract.document import Document
from extract.lexicons import words
from extract.names.roles import role_nouns, role_qualifiers, source_nouns
from extract.quotes.marks import Segment
from extract.quotes.speakers import Speaker, SpeakerFinder
from extract.quotes.speech_words import AUDIENCE_WORDS, INVERTING_VERBS, TELLING_VERBS, speech_alternation

_ROLE_PREFIX = re.compile(r"(?:[\w’'.-]+[ \u00a0]+){0,5}")
_GAP = re.compile(r"[ \u00a0]*[,—–―-]*[ \u00a0]*")
_DASHES = frozenset("—–―-")
_THAT_WITHIN = re.compile(r"(?:[ \u00a0,]+[\w’'.-]+){0,6}?[ \u00a0,]+that[ \u00a0]+")
_NOUN_USE = re.compile(r"\b(?:the|a|an|its|his|her|their|this|that)[ \u00a0]+$", re.IGNORECASE)
_CONJOINED = re.compile(r"(?:,|\band)(?:[ \u00a0]+[a-z]+ly)?[ \u00a0]+$")
_TAIL_LIMIT = 7  # words between a cue and the quote it introduces ("told reporters on Friday in Kyiv")
_SENTENCE_END_IN = re.compile(r"[.!?…][\"”’]?[ \u00a0]*$")


@cache
def cue_pattern() -> re.Pattern[str]:
    """A speech cue: a speech verb or phrase ("said", "pointed out", "according to")."""
    manner = "|".join(sorted(words("quote_manner_verbs"), key=len, reverse=True))
    return re.compile(
        rf"\b(?:[Aa]ccording to|summed up|pointed out|points out|chimed in|put it|went on|"
        # "he emails", "she texts": nouns too ("the emails show"), so a verb only after a pronoun
        rf"(?:(?<=\bhe )|(?<=\bshe )|(?<=\bthey )|(?<=\bwe )|(?<=\bI ))(?:e-?mails|texts)|{manner}|"
        rf"{speech_alternation()})\b"
    )


@dataclass(slots=True)
class Attribution:
    """Who a quoted stretch is attributed to, by which cue, and where the paraphrase around it starts."""

    speaker: Speaker
    cue: str | None
    cue_start: int
    adjacent: bool  # the cue introduces or closes the quote itself
    content_start: int  # where the paraphrase holding the quote starts
    rule: str | None = None  # the attribution rule that chose the speaker (see ATTRIBUTION_RULES)


def attribution_after(doc: Document, seg: Segment, hi: int, finder: SpeakerFinder) -> Attribution | None:
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
            return Attribution(byline, gap.strip(), seg.close, True, seg.start, "byline")
    if "," not in gap and (last_char == "." or gap.strip()):
        return None  # the quote ended its sentence, or a dash leads on to another clause
    # long appositions ("X, the attorney general of Y, one of the states suing, said") need room
    for c in cue_pattern().finditer(text, p.end(), min(hi, p.end() + 160)):
        if _crosses_sentence(doc, p.end(), c.start()):
            return None
        rule = "said-after-name"
        if text[p.end() : c.start()].strip() == "":
            sp = finder.after(c.end(), hi)
            rule = "said-before-name"
        else:
            sp = finder.before(c.start(), p.end())
            # "“…,” the company's chief executive, Maria Lopez, said": a role in front of the named speaker
            role = text[p.end() : sp.start].rstrip(", \u00a0") if sp is not None else ""
            if sp is not None and not _role_prefix(role + " " if role else ""):
                sp = None
        if sp is not None:
            return Attribution(sp, c.group(), c.start(), True, seg.start, rule)
        # "one of the states suing …, said": a noun that looks like a cue; the real cue comes later
    return None


_SETTING_WORDS = AUDIENCE_WORDS | frozenset("on in at to during after before with by of for".split())


def _only_setting(words: list[str]) -> bool:
    """ "told reporters", "said on Friday in Kyiv": words that set the scene, not a clause of their own."""
    return len(words) <= _TAIL_LIMIT and all(w.lower() in _SETTING_WORDS or w[:1].isupper() for w in words)


def attribution_closing(doc: Document, seg: Segment, hi: int, finder: SpeakerFinder) -> Attribution | None:
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
    return Attribution(sp, c.group(), c.start(), False, seg.start, "closing-cue")


def attribution_by_colon(
    doc: Document, seg: Segment, prev_para: tuple[int, int], finder: SpeakerFinder
) -> Attribution | None:
    """A paragraph ending in a colon ("Caddell continued:") introduces the quote paragraph after it."""
    ps, pe = prev_para
    if doc.text[pe - 1 : pe] != ":" or pe - ps > 300:
        return None
    lo = doc.sentences[doc.sentence_at(pe - 1)][0]
    cues = list(cue_pattern().finditer(doc.text, lo, pe))
    sp = finder.before(cues[-1].start(), lo) if cues else None
    sp = sp or finder.subject(lo, pe, verb_follows=True)
    if sp is None:
        return None
    return Attribution(
        sp,
        cues[-1].group() if cues else ":",
        cues[-1].start() if cues else pe - 1,
        True,
        seg.start,
        "paragraph-colon",
    )


def _byline(doc: Document, pos: int, hi: int, finder: SpeakerFinder) -> Speaker | None:
    """A name alone after a dash, ending its line or sentence."""
    m = finder.mention_at(pos)
    if m is None or m.kind not in ("person", "unknown", "organization"):
        return None
    rest = doc.text[m.end : min(hi, m.end + 3)]
    if rest.strip(" \u00a0.") == "" or rest[:1] in ",\n":
        return Speaker(m.start, m.end, m.canonical, "person" if m.kind == "unknown" else m.kind, m.role)
    return None


def attribution_before(doc: Document, seg: Segment, lo: int, finder: SpeakerFinder) -> Attribution | None:
    """`X said: “…”`, `X told reporters “…”`, or `X described Y as “…”` (a partial quote)."""
    text = doc.text
    end = seg.open
    while end > lo and text[end - 1] in " \u00a0":
        end -= 1
    colon = end > lo and text[end - 1] == ":"
    core = end - 1 if end > lo and text[end - 1] in ":,—" else end
    cues = list(cue_pattern().finditer(text, lo, core))
    participle: re.Match[str] | None = None  # "X said, arguing that …": the participle's subject is X
    for k, c in reversed(list(enumerate(cues))):
        sp = None if _participle_after_comma(text, lo, c) else finder.before(c.start(), lo)
        if sp is not None and (
            _cue_in_report(text, cues[:k], sp.start, c.end(), core)
            or _listener_relative(text, cues[:k], sp, c.end(), core)
        ):
            continue  # "X posted, saying that Y had shown bad judgment in “…”": Y is reported, X speaks
        if (
            sp is None
            and (c.group() in INVERTING_VERBS or c.group().lower() == "according to")
            and _clause_start(text, lo, c.start())
        ):
            sp = finder.after(c.end(), core)  # 'said Ms. Ruiz: "…"', 'according to X, "…"'
            if sp is not None and len(text[sp.end : core].split()) > _TAIL_LIMIT:
                sp = None
        if sp is None:
            noun = _NOUN_USE.search(text, max(lo, c.start() - 8), c.start())  # "the warning"
            if (
                participle is None
                and not noun
                and (c.group().endswith("ing") or _CONJOINED.search(text, max(lo, c.start() - 25), c.start()))
            ):
                participle = (
                    c  # "She tells him to stop and repeatedly says, “…”": the subject is the first cue's
                )
            continue
        if participle is not None:
            c = participle
        after_speaker = sp.end if sp.start >= c.end() else c.end()
        tail = text[after_speaker:core]
        tail_words = tail.split()
        adjacent = "that" not in tail_words and (
            not tail_words or (core != end and len(tail_words) <= _TAIL_LIMIT) or _only_setting(tail_words)
        )
        content = after_speaker
        # "told analysts on a call that …": the report starts at "that"
        m = _THAT_WITHIN.match(text, content, core) or re.compile(r"[ \u00a0,]*").match(text, content, core)
        if adjacent:
            content = seg.start
        elif m:
            content = m.end()
        return Attribution(sp, c.group(), c.start(), adjacent, content, "cue-before-quote")
    if colon:
        sp = finder.subject(lo, core, verb_follows=True)
        if sp is not None:
            return Attribution(sp, ":", core, True, seg.start, "subject-colon")
    return None


_THAT_AFTER_CUE = re.compile(r"(?:[ \u00a0]+[\w’'.-]+){0,3}?[ \u00a0,]+that[ \u00a0]+")


def _participle_after_comma(text: str, lo: int, cue: re.Match[str]) -> bool:
    """`participle-after-comma`: in "X called for the release, saying that …" the words before the
    comma end the main clause (an object, an adverb), so they cannot be the participle's subject;
    the subject is the main clause's, read from an earlier cue or left unknown."""
    return cue.group().endswith("ing") and text[lo : cue.start()].rstrip(" \u00a0").endswith(",")


def _cue_in_report(
    text: str, earlier: list[re.Match[str]], speaker_start: int, cue_end: int, core: int
) -> bool:
    """`cue-in-report`: a cue whose subject stands inside an earlier cue's that-clause ("X said that
    Y had shown bad judgment in hiring him “…”") is part of what was reported, unless it introduces
    the quote itself ("… that Y told her, “…”")."""
    if _introduces(text, cue_end, core):
        return False
    for e in earlier:
        m = _THAT_AFTER_CUE.match(text, e.end(), speaker_start)
        if m is not None and m.end() <= speaker_start and ";" not in text[m.end() : speaker_start]:
            return True  # a semicolon ends the report: "X reported that …; the study says Y “…”"
    return False


_LISTENER = re.compile(r"(?:[ \u00a0]+[\w’'.-]+){1,6}?[ \u00a0,]+")


def _listener_relative(text: str, earlier: list[re.Match[str]], sp: Speaker, cue_end: int, core: int) -> bool:
    """`listener-relative`: in "X told a young woman who suggested … that “…”" the relative clause
    describes the one spoken to; the quote is the teller's, unless the relative's cue introduces it
    ("… a nurse who said: “…”")."""
    if text[sp.start : sp.end].lower() != "who" or _introduces(text, cue_end, core):
        return False
    return any(
        e.group().lower() in TELLING_VERBS and _LISTENER.fullmatch(text, e.end(), sp.start) is not None
        for e in earlier
    )


def _introduces(text: str, cue_end: int, core: int) -> bool:
    """The cue leads straight into the quote: nothing, or a few words and a colon or comma, between."""
    tail = text[cue_end:core].split()
    return not tail or (len(tail) <= _TAIL_LIMIT and text[core : core + 1] in ":,—")


def _role_prefix(between: str) -> bool:
    """Only a short role or place may stand between a quote and its speaker ("Tulsa police Chief X said")."""
    if _ROLE_PREFIX.fullmatch(between) is None:
        return False
    words = between.split()
    # "Midvale County Sheriff Office spokesman X said": a longer prefix only when a role noun ends it
    limit = 6 if words and words[-1].lower() in role_nouns() else 4
    return len(words) <= limit and all(_role_word(w) for w in words)


def _role_word(word: str) -> bool:
    low = word.lower()
    if low in _CLAUSE_WORDS:
        return False
    return (
        word[:1].isupper()
        or low in ("the", "a", "an")
        or low.endswith(("’s", "'s"))
        or low in role_nouns()
        or low in role_qualifiers()
        or low in source_nouns()
        # lower-case role words we do not list: "coach X", "union organiser X"
        or (word.isalpha() and word.islower() and low not in _FUNCTION_WORDS)
        # "search-and-rescue director X", "air-traffic controller X": a hyphenated lower-case compound
        or ("-" in word and all(p.isalpha() and p.islower() for p in word.split("-")))
    )


_FUNCTION_WORDS = frozenset(
    """to for of in on with at by from into over about than as is are was were be been has have had do
    does did not no it its this these those there here then also just only very more most""".split()
)


# Words that open a new clause: a speaker after them does not attribute the quote before.
_CLAUSE_WORDS = frozenset(
    """but and or so yet while as because although though when after before if
    which who whom that where""".split()
)


def _clause_start(text: str, lo: int, pos: int) -> bool:
    """The cue opens its clause ("…, said X", "According to X"): only then can its speaker follow it."""
    before = text[lo:pos].rstrip()
    return before == "" or before.endswith((",", ":", '"', "”", "''", "—"))


def subject_attribution(finder: SpeakerFinder, sent_lo: int, seg: Segment) -> Attribution | None:
    """Quoted words inside a sentence without a speech verb belong to its subject ("X dismissed Y as “…”")."""
    sp = finder.subject(sent_lo, seg.open)
    if sp is None or sp.start - sent_lo > 60 or sp.kind not in ("person",):
        return None
    if _reported_name(finder.text, sent_lo, sp.start):
        return None  # "The clip says Reed “…”": a name after a speech verb is what was said, not who said it
    return Attribution(sp, None, -1, False, sp.end, "sentence-subject")


def _reported_name(text: str, lo: int, name_start: int) -> bool:
    """A speech verb stands before the name with its own subject before it ("The clip says Reed …");
    an inverted attribution (", writes Beyer") or "according to" introduces the name instead."""
    last = None
    for m in cue_pattern().finditer(text, lo, name_start):
        last = m
    if last is None or last.group().lower() == "according to":
        return False
    return (
        not text[lo : last.start()].rstrip(" \u00a0").endswith(",") and text[lo : last.start()].strip() != ""
    )


def attribution_rule(attr: Attribution) -> str | None:
    """The name of the rule that chose the speaker: how the name was reached ("pronoun",
    "quoted-as"), else the cue ("according-to"), else where the cue stands."""
    if attr.speaker.via is not None:
        return attr.speaker.via
    if attr.cue is not None and attr.cue.lower() == "according to":
        return "according-to"
    return attr.rule


def same_sentence(doc: Document, a: int, b: int) -> bool:
    """No sentence starts between offsets `a` and `b`."""
    starts = doc._starts
    i = bisect_right(starts, a)
    return i >= len(starts) or starts[i] > b


def _crosses_sentence(doc: Document, a: int, b: int) -> bool:
    return not same_sentence(doc, a, b)
