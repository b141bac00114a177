"""Who opens a reported clause when no known name does, and which cue closes a sentence.

"Experts say …", "Those close to the mayor say that …" (a plain noun phrase as the subject of "say"),
"Kall, co-editor of a book, said …" (one capitalised word before a role appositive) and
"…, the bureau said in an April note, and …" (the closing cue before a noun in its adverbial).
"""

from __future__ import annotations

import re
from functools import cache

from extract.quotes.indirect_closing import closes_sentence
from extract.quotes.indirect_spans import ADVERBIALS
from extract.quotes.speakers import Speaker, SpeakerFinder
from extract.quotes.speech_words import indirect_alternation, stance_alternation, stance_verbs

CLOSE_TO = re.compile(r"\b(?:close|loyal|near)[ \u00a0]+to[ \u00a0]+$|\bfamiliar[ \u00a0]+with[ \u00a0]+$")
# what opens the clause a plain subject says: "that", a determiner, a pronoun or a name
CLAUSE_OPENING = re.compile(
    r"[ \u00a0]+(?:(?:that|the|a|an|this|these|those|his|her|their|its|he|she|they|it|we|there)\b|[A-Z\d])"
)
# between a subject and its verb: an appositive's closing comma, a time phrase, "all"/"both"
_INSERTED = re.compile(
    r"(?:,|[ \u00a0]+(?:(?:just[ \u00a0]+)?(?:earlier[ \u00a0]+)?(?:this|last)[ \u00a0]+(?:week|month|year)"
    r"|all|both))[ \u00a0]+$"
)
CONJUNCTION = re.compile(r"(?:and|but|or)\b")
# "Experts say", "Those close to him say that": a plain noun phrase opening the sentence, no verb in it
_PLAIN_SUBJECT_VERBS = frozenset("say says said argue argues argued contend contends insist insists".split())
_PLAIN_SUBJECT = re.compile(
    r"[\"“]?((?:Many|Some|Most|Other|Those|People|The|These|Several|Two|Three|Both|[A-Z][\w.’'-]*)(?![\w’'-])"
    r"(?:[ \u00a0]+(?!(?:is|are|was|were|has|have|had|will|would|can|could|do|does|did|be|been|that|which|who"
    r"|when|if|as|not|also)\b)[\w’'.-]+){0,6})[ \u00a0]+$"
)
ADJECTIVE = re.compile(r"[A-Z][a-z]{3,}(?:ical|ional|ous|ive|ary|ial)")
_LONE_NAME = re.compile(r"[A-Z][a-z’'-]+[a-z]")


def lone_name(text: str, s: int, end: int) -> Speaker | None:
    """ "Kall, co-editor of a book, said …": one capitalised word opening the sentence before a role
    appositive is a person's name even when the article has not named them before."""
    m = _LONE_NAME.fullmatch(text, s, end)
    if m is None or m.group().endswith("ly"):
        return None
    return Speaker(s, end, m.group(), "person")


def plain_subject(text: str, s: int, c: re.Match[str]) -> Speaker | None:
    """A plural noun phrase opening the sentence as the subject of "say" ("Experts say the cuts …")."""
    if c.group() not in _PLAIN_SUBJECT_VERBS:
        return None
    m = _PLAIN_SUBJECT.fullmatch(text, s, c.start())
    if m is None:
        return None
    phrase = m.group(1)
    if not (
        phrase.split()[-1].lower().endswith(("s", "him", "her", "them"))
        or CLOSE_TO.search(phrase.rsplit(" ", 2)[0] + " ")
    ):
        return None
    return Speaker(m.start(1), m.end(1), m.group(1), None)


def closing_cue(text: str, cues: list[re.Match[str]], e: int) -> re.Match[str] | None:
    """The attribution closing the sentence: the last cue, or the one before it when the last is a
    noun in its adverbial ("…, the bureau said in an April note, and …")."""
    if not cues:
        return None
    if closes_sentence(cues[-1].group()):
        return cues[-1]
    if len(cues) >= 2 and closes_sentence(cues[-2].group()):
        adv = ADVERBIALS.match(text, cues[-2].end(), e)
        if adv is not None and adv.end() >= cues[-1].end():
            return cues[-2]
    return None


# "Pilots and", "U.S. law enforcement and": a plain conjunct opening the sentence before the source
_CONJUNCT = re.compile(
    r"[\"“]?((?!(?:But|And|Or|So|Yet|Then|Now|Also|He|She|They|It|We|I|You|There|This|That)\b)"
    r"[\w.’'-]+(?:[ \u00a0]+(?!(?:is|are|was|were|has|have|had|will|would|said|says|who|which|that)\b)"
    r"[\w.’'-]+){0,3})[ \u00a0]+and[ \u00a0]+"
)


def coordinated(text: str, s: int, sp: Speaker) -> Speaker:
    """A common-noun source joined to the conjunct that opens the sentence ("Pilots and aviation
    experts said", "harbour police and customs officials said"): the speaker is both."""
    if sp.kind is not None or sp.start <= s:
        return sp
    m = _CONJUNCT.fullmatch(text, s, sp.start)
    if m is None:
        return sp
    return Speaker(m.start(1), sp.end, text[m.start(1) : sp.end], None, sp.role, sp.via)


# People around a named person who speak for themselves: "Trump officials", "Varga aides"
_GROUP = re.compile(
    r"(?<![\w’'-])(?:officials|aides|advisers|advisors|allies|supporters|critics|lawyers|staffers|sources"
    r"|spokesmen|loyalists|backers|opponents)$"
)


def group_of(text: str, sp: Speaker) -> Speaker:
    """A person's name used as a modifier of a group ("Trump officials said"): the group speaks."""
    phrase = text[sp.start : sp.end]
    if sp.kind != "person" or _GROUP.search(phrase) is None or " " not in phrase:
        return sp
    return Speaker(sp.start, sp.end, phrase, None)


_DASH_ASIDE = re.compile(r"[ \u00a0](?:--|—|–)[ \u00a0][^—–]{3,140}?[ \u00a0](?:--|—|–)[ \u00a0]*$")
# "Kall, co-editor of a book on the debates, said …": a lowercase appositive between commas
_COMMA_ASIDE = re.compile(r",[ \u00a0]+(?:a|an|the|[a-z][\w’'-]*)[ \u00a0][^,;]{3,120}?,[ \u00a0]*$")
_BY_TO = re.compile(r"[ \u00a0]+(?:by|to)\b")


def behind_aside(text: str, finder: SpeakerFinder, s: int, c: re.Match[str]) -> Speaker | None:
    """The speaker before what stands between it and the verb: a dash or comma appositive ("Kall --
    co-editor of a book -- said"), a name's closing comma ("The minister, Ms. Vorn, argues"), a time
    phrase ("the bank just this month announced") or "all"/"both"."""
    lo = max(s, c.start() - 160)
    aside = _DASH_ASIDE.search(text, lo, c.start()) or _COMMA_ASIDE.search(text, lo, c.start())
    if aside is not None:
        return finder.before(aside.start(), s) or lone_name(text, s, aside.start())
    inserted = _INSERTED.search(text, max(s, c.start() - 40), c.start())
    if inserted is None:
        return None
    if inserted.group().startswith(",") and (c.group() in stance_verbs() or _BY_TO.match(text, c.end())):
        return None  # "His group, called the Legacy Fund, will …": a participle after a comma modifies a noun
    return finder.before(inserted.start(), s)


@cache
def conjoined_cue() -> re.Pattern[str]:
    """ "… and urged", ", and also said": a second act conjoined to the first."""
    words = f"{indirect_alternation()}|{stance_alternation()}"
    return re.compile(rf",?[ \u00a0]+and[ \u00a0]+(?:also[ \u00a0]+|then[ \u00a0]+)?(?:{words})\b")
