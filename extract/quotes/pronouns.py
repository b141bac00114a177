"""Whom a pronoun or a bare role refers to: the referent side of speaker finding.

`PronounResolver` holds one document's mentions and answers "who is he here": the most salient
earlier person of the right gender (sentence by sentence backwards, the subject first), the
subject of the sentence before when its gender is unknown, or the one unnamed speaker of the
sentence before ("said a source close to the probe. He added …"). `SpeakerFinder`
(speakers.py) reads the phrases and builds on it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache

from extract.document import Document
from extract.models import EntityKind
from extract.names.mentions import Mention
from extract.names.roles import role_nouns
from extract.names.speaker_words import (
    _DETERMINERS,
    _QUOTE_CHARS,
    _TOKEN,
    _is_head_noun,
    _kind,
    _opens_with_pronoun,
)
from extract.quotes.speech_words import finite_speech_alternation


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker phrase (the span the cue attaches to) and the entity it names."""

    start: int
    end: int
    name: str | None
    kind: EntityKind | None = None
    role: str | None = None
    via: str | None = None  # how the name was reached when not read off the phrase: "pronoun", "quoted-as"


_ROLE_GENDER = {"spokeswoman": "f", "spokesman": "m", "chairwoman": "f", "chairman": "m"}


@cache
def _finite_cue() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{finite_speech_alternation()})\b")


class PronounResolver:
    """One document's mentions, and the referents of its pronouns."""

    def __init__(self, doc: Document, mentions: list[Mention], quoted: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.text = doc.text
        self.mentions = mentions
        self._starts = [m.start for m in mentions]
        self._by_end = {m.end: m for m in mentions}
        self._by_start = {m.start: m for m in mentions}
        self._quoted = quoted
        self._quoted_starts = [s for s, _ in quoted]
        self._gender: dict[str, str] = {}
        self._counts: dict[str, int] = {}
        self._sentence_starts = frozenset(doc._starts)

    # phrase readers, given by SpeakerFinder
    def after(self, cue_end: int, hi: int) -> Speaker | None:
        raise NotImplementedError

    def before(self, cue_start: int, lo: int) -> Speaker | None:
        raise NotImplementedError

    def _noun_phrase(self, toks: list[re.Match[str]], i: int) -> Speaker:
        raise NotImplementedError

    def _lone_opener(self, m: Mention) -> bool:
        """ "Contrary to his claim …", "Keeps saying …": one unclassed capitalised word opening a
        sentence, never seen again in the article, is a common word rather than a speaker's name."""
        if m.kind != "unknown" or " " in m.text:
            return False
        opens = (
            m.start in self._sentence_starts
            or self.text[max(0, m.start - 2) : m.start].strip() == ":"
            or (m.start - 1 in self._sentence_starts and self.text[m.start - 1] in _QUOTE_CHARS)
        )
        return opens and self._occurrences(m.text) == 1

    def _occurrences(self, word: str) -> int:
        found = self._counts.get(word)
        if found is None:
            found = len(re.findall(rf"\b{re.escape(word)}\b", self.text))
            self._counts[word] = found
        return found

    def _from_pronoun(self, start: int, end: int, low: str) -> Speaker:
        if low in ("he", "she"):
            ante = self.antecedent(start, "m" if low == "he" else "f")
        elif low == "who":
            ante = self._last_person_before(start)
        elif low in ("they", "it"):
            ante = self._last_org_before(start)
        else:
            ante = None
        if ante is None and low in ("they", "it"):
            phrase = self._previous_subject_phrase(start, plural=low == "they")
            if phrase is not None:
                return Speaker(start, end, phrase, None)
        if ante is None and low in ("he", "she"):
            unnamed = self._previous_unnamed_speaker(start, "m" if low == "he" else "f")
            if unnamed is not None:
                return Speaker(start, end, unnamed.name, None, None, "pronoun")
        if ante is None:
            return Speaker(start, end, None, None)  # an unresolved pronoun names nobody
        return Speaker(start, end, ante.canonical, _kind(ante), ante.role, "pronoun")

    def _previous_unnamed_speaker(self, pos: int, gender: str) -> Speaker | None:
        """ "…, said a source close to the probe. He cautioned that …": with no person named near, a
        he/she opening its sentence is the one unnamed speaker of the sentence before."""
        si = self.doc.sentence_at(pos)
        if si == 0 or self.doc.sentences[si][0] < pos - 3:
            return None
        ps, pe = self.doc.sentences[si - 1]
        found: Speaker | None = None
        for c in _finite_cue().finditer(self.text, ps, pe):
            sp = self.after(c.end(), pe) or self.before(c.start(), ps)
            if sp is None or sp.kind is not None or not sp.name or sp.via is not None:
                continue
            head = next((w for w in sp.name.lower().split() if _is_head_noun(w)), "")
            if not head or head.endswith("s") or _ROLE_GENDER.get(head, gender) != gender:
                continue  # "officials", "the company": no he or she
            if found is not None and found.name != sp.name:
                return None  # two unnamed speakers: which one is meant is a guess
            found = sp
        return found

    def _previous_subject_phrase(self, pos: int, *, plural: bool) -> str | None:
        """ "Residents of the valley met on Monday. They said …": a pronoun with no named antecedent
        stands for the noun phrase opening the sentence before (plural for "they", singular for "it")."""
        si = self.doc.sentence_at(pos)
        if si == 0 or self.doc.sentences[si][0] < pos - 3:
            return None  # only a pronoun opening its sentence looks back
        ps, pe = self.doc.sentences[si - 1]
        toks = list(_TOKEN.finditer(self.text, ps, min(pe, ps + 60)))[:5]
        for k, tok in enumerate(toks):
            low = tok.group().lower()
            if low in _DETERMINERS or (tok.group()[:1].isalpha() and not _is_head_noun(low) and k < 3):
                continue
            if _is_head_noun(low) and low.endswith("s") == plural and low not in role_nouns():
                sp = self._noun_phrase(toks, k)
                return self.text[sp.start : sp.end]
            return None
        return None

    def antecedent(self, pos: int, gender: str, depth: int = 0) -> Mention | None:
        """The most salient earlier person compatible with the pronoun's gender."""
        si = self.doc.sentence_at(pos)
        fallback: Mention | None = None
        unknown: set[str] = set()  # people of unknown gender seen on the way back
        for s in range(si, max(-1, si - 6), -1):
            ss, se = self.doc.sentences[s]
            if s < si and depth < 4 and _opens_with_pronoun(self.doc.text, ss, gender):
                # "He also reiterated Zelensky's position. '...,' he said": a sentence whose subject
                # is the same pronoun continues the chain, so its other names are not the referent.
                return self.antecedent(ss, gender, depth + 1)
            people = [m for m in self._mentions_between(ss, min(se, pos)) if m.kind == "person"]
            for m in [people[0], *reversed(people[1:])] if people else []:
                g = m.gender or self._gender.get(m.canonical, "")
                if g == gender:
                    self._gender[m.canonical] = gender
                    return m
                if not g:
                    unknown.add(m.canonical)
                    fallback = fallback or m
            if people and fallback is people[0] and si - s <= 1:
                # "…, Ana Quill told us. “…,” she said": the subject of the sentence before, of no
                # known gender, beats a person of the right gender further back
                break
            if fallback is not None and si - s >= 2:
                break
        if fallback is None or len(unknown) > 1:
            return None  # no gender to tell two people apart: naming either would be a guess
        self._gender[fallback.canonical] = gender
        return fallback

    def _mentions_between(self, lo: int, hi: int) -> list[Mention]:
        i, j = bisect_left(self._starts, lo), bisect_left(self._starts, hi)
        return [m for m in self.mentions[i:j] if not self._in_quote(m.start)]

    def _mentions_before(self, pos: int) -> list[Mention]:
        return self._mentions_between(max(0, pos - 3000), pos)

    def _last_person_before(self, pos: int) -> Mention | None:
        ss = self.doc.sentences[self.doc.sentence_at(pos)][0]
        people = [m for m in self._mentions_between(ss, pos) if m.kind in ("person", "organization")]
        return people[-1] if people else None

    def _last_org_before(self, pos: int) -> Mention | None:
        si = self.doc.sentence_at(pos)
        lo = self.doc.sentences[max(0, si - 2)][0]
        orgs = [m for m in self._mentions_between(lo, pos) if m.kind == "organization"]
        return orgs[-1] if orgs else None

    def in_quote(self, pos: int) -> bool:
        """`pos` lies inside quoted words (a title, a quote)."""
        return self._in_quote(pos)

    def _in_quote(self, pos: int) -> bool:
        i = bisect_right(self._quoted_starts, pos) - 1
        return i >= 0 and self._quoted[i][0] <= pos < self._quoted[i][1]
