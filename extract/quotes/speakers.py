"""Who a speech cue attaches to, and whom that phrase refers to.

`SpeakerFinder.before(cue_start)` reads the phrase that ends just before a speech verb
("Kaja Kallas, the EU's foreign policy chief, | said"), `after(cue_end)` the phrase after an
inverted one ("said | the minister"). A phrase is a name the mention finder saw, a pronoun, or a
noun phrase headed by a source or role noun ("a senior official", "police"). Pronouns resolve to
the most salient earlier person of the right gender: sentence by sentence backwards, the subject
(first person named in the sentence) first, then the others from the nearest.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cache

from extract.document import Document
from extract.models import EntityKind
from extract.names.mentions import Mention
from extract.names.roles import role_nouns, source_nouns
from extract.names.speaker_words import (
    _APPOSITION_OPENERS,
    _DETERMINERS,
    _NOT_AFTER_SUBJECT,
    _NP_BREAK,
    _NP_OPENERS,
    _PARTY_STATE,
    _PLACE_OBJECT_OF,
    _POST_BREAK,
    _POST_PREPOSITIONS,
    _POST_STOPS,
    _QUOTE_CHARS,
    _TOKEN,
    _capitalised,
    _is_auxiliary,
    _is_head_noun,
    _is_participle,
    _kind,
    _opens_with_pronoun,
    _previous_comma,
    _role_prefix,
    _skip_parenthesis,
    _skip_spaces,
)
from extract.names.tokens import STOP_CAPITALISED
from extract.quotes.speech_words import AUXILIARIES, PRONOUNS, finite_speech_alternation

_FAMILIAR_TAIL = re.compile(
    r"[ \u00a0]+(?:with|to)(?:[ \u00a0]+(?:the|a|an|his|her|their|its|[\w’'-]+)){1,3}(?=[ \u00a0]*[,.;:]|$)"
)


_QUOTED_AS = re.compile(
    r"\b(?P<quoted>quot(?:ed|es|ing))[ \u00a0]+[^.;:!?“”\"]{2,120}?[ \u00a0](?P<as>as)[ \u00a0]*$"
)

_ROLE_GENDER = {"spokeswoman": "f", "spokesman": "m", "chairwoman": "f", "chairman": "m"}


@cache
def _finite_cue() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{finite_speech_alternation()})\b")


_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker phrase (the span the cue attaches to) and the entity it names."""

    start: int
    end: int
    name: str | None
    kind: EntityKind | None = None
    role: str | None = None
    via: str | None = None  # how the name was reached when not read off the phrase: "pronoun", "quoted-as"


class SpeakerFinder:
    """Reads speaker phrases around cues and resolves them to names, for one document."""

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

    # ------------------------------------------------------------------ reading phrases

    def before(self, cue_start: int, lo: int) -> Speaker | None:
        """The speaker phrase ending right before a cue (auxiliaries and an apposition skipped)."""
        base = max(lo, cue_start - 200)
        quoted_as = _QUOTED_AS.search(self.text, base, cue_start)
        if quoted_as is not None:
            # "The Ledger quoted Jane Roe as saying": the one quoted speaks, not the outlet
            obj = self.text[quoted_as.end("quoted") : quoted_as.start("as")].strip().lower()
            if obj in _OBJECT_PRONOUNS:  # "quoted him as saying"
                at = _skip_spaces(self.text, quoted_as.end("quoted"))
                return self._from_pronoun(at, at + len(obj), _OBJECT_PRONOUNS[obj])
            quoted = self.before(quoted_as.start("as"), quoted_as.end("quoted"))
            return replace(quoted, via="quoted-as") if quoted is not None and quoted.via is None else quoted
        toks = list(_TOKEN.finditer(self.text, base, cue_start))
        i = len(toks) - 1
        skipped = 0
        while i >= 0 and skipped < 3 and _is_auxiliary(toks[i].group()):
            i -= 1
            skipped += 1
        appositions = 0
        for _ in range(5):  # "X (R-Utah), the panel's chairman, said": parentheses and appositions
            if i < 0:
                return None
            if toks[i].group() == ")":
                i = _skip_parenthesis(toks, i)
            elif toks[i].group() == ",":
                i = self._skip_apposition(toks, i)
                appositions += 1
            elif appositions and not self._ends_speaker(toks[i]) and not self._country_subject(toks, i):
                # "X, the attorney general of Oklahoma, one of the states suing, said": a second apposition
                i = _previous_comma(toks, i)
                if i > 0 and self._ends_speaker(toks[i - 1]):
                    i -= 1  # the name right before that comma is the speaker
            else:
                break
        if i < 0:
            return None
        tok = toks[i]
        word = tok.group()
        low = word.lower()
        if i == len(toks) - 1 and low.endswith(("’s", "'s")) and len(low) > 3:
            return None  # "Ms. Ward's remark": a possessive makes the cue a noun, the owner no speaker
        mention = self._by_end.get(tok.end())
        single = mention is not None and " " not in mention.text
        modified = None
        if mention is None or mention.kind != "person" or single:
            modified = self._post_modified(toks, i)
        if modified is not None and (
            mention is None
            or mention.kind != "person"
            or (modified.kind == "organization" and single)  # "Chamber of Commerce"
        ):
            return modified
        if mention is not None:
            return None if self._lone_opener(mention) else self._from_mention(mention)
        if low == "who" and i > 0:
            # "a consultant who said …", "Anna Park, who said …": the relative names its antecedent
            k = i - 1 if toks[i - 1].group() != "," or i < 2 else i - 2
            named = self._by_end.get(toks[k].end())
            if named is not None and named.kind in ("person", "organization"):
                ante = self._from_mention(named)
                return Speaker(tok.start(), tok.end(), ante.name, ante.kind, ante.role)
            if _is_head_noun(toks[k].group().lower()):
                ante = self._noun_phrase(toks, k)
                return Speaker(tok.start(), tok.end(), ante.name, ante.kind, ante.role)
        if low in PRONOUNS:
            return self._from_pronoun(tok.start(), tok.end(), low)
        if _is_head_noun(low):
            return self._noun_phrase(toks, i)
        if (
            word[:1].isupper()
            and low.replace("’", "'") not in STOP_CAPITALISED
            and "’" not in word
            and not low.endswith(("ing", "ly", "ed"))
            and tok.start() not in self._sentence_starts
        ):
            j = i
            while (
                j > 0
                and toks[j - 1].group()[:1].isupper()
                and toks[j - 1].group().lower() not in STOP_CAPITALISED
            ):
                j -= 1
            if i - j > 2:
                return None
            return Speaker(toks[j].start(), tok.end(), self.text[toks[j].start() : tok.end()], "person")
        return None

    def after(self, cue_end: int, hi: int) -> Speaker | None:
        """The speaker phrase right after an inverted cue ("said the minister")."""
        toks = list(_TOKEN.finditer(self.text, cue_end, min(hi, cue_end + 120)))
        if not toks:
            return None
        tok = toks[0]
        mention = self._by_start.get(tok.start())
        if mention is None:  # a title first: "said Rep. G.K. Butterfield", "said the Rev. Peter X"
            i = bisect_left(self._starts, tok.start())
            if i < len(self.mentions) and _role_prefix(self.text[tok.start() : self.mentions[i].start]):
                mention = self.mentions[i]
        if mention is not None:
            head = _TOKEN.match(self.text, _skip_spaces(self.text, mention.end))
            if mention.kind == "person" or head is None or not _is_head_noun(head.group().lower()):
                return self._from_mention(mention)
            # "said a U.S. Embassy official": the official speaks, not the embassy
            return self._role_phrase(tok.start(), head.end())
        low = tok.group().lower()
        if low in ("he", "she", "they"):
            return self._from_pronoun(tok.start(), tok.end(), low)
        if low in _NP_OPENERS or _is_head_noun(low):
            for k in range(min(len(toks), 7)):
                w = toks[k].group()
                if not (w[:1].isalnum()):
                    break
                if _is_head_noun(w.lower()) and (
                    k + 1 == len(toks) or not _is_head_noun(toks[k + 1].group().lower())
                ):
                    end = toks[k].end()
                    mention = self._mention_inside(tok.start(), end)
                    if mention is not None and mention.kind == "person":
                        return Speaker(tok.start(), end, mention.canonical, "person", mention.role)
                    # "two people familiar with the talks", "sources close to the owner": keep it whole
                    nxt = toks[k + 1] if k + 1 < len(toks) else None
                    if nxt is not None and nxt.group().lower() in ("familiar", "close"):
                        end = nxt.end()
                    if self.text[end - 8 : end].lower().endswith(("familiar", "close")):
                        tail = _FAMILIAR_TAIL.match(self.text, end, hi)
                        end = tail.end() if tail else toks[k].end()
                    elif nxt is not None and nxt.group().lower() in ("of", "for", "at"):
                        end = self._body_after(nxt.end(), end)  # "a member of GreatFire.org"
                    return self._role_phrase(tok.start(), end)
        return None

    def subject(self, lo: int, hi: int, *, verb_follows: bool = False) -> Speaker | None:
        """The first person or organisation (or pronoun) in a clause: who introduces a quote with a colon.

        With `verb_follows`, a name followed by a preposition ("passion for X among voters") is passed
        over for a later one followed by its verb, when there is one."""
        first: Speaker | None = None
        for tok in _TOKEN.finditer(self.text, lo, hi):
            low = tok.group().lower()
            if low in ("he", "she", "they"):
                return first or self._from_pronoun(tok.start(), tok.end(), low)
            mention = self._by_start.get(tok.start())
            if mention is not None and self._lone_opener(mention):
                continue
            if mention is not None and (
                mention.kind in ("person", "organization")
                or (mention.kind == "unknown" and mention.text.count(" ") < 3)
            ):
                found = self._from_mention(mention)
                after = _TOKEN.match(self.text, _skip_spaces(self.text, mention.end))
                if not verb_follows or after is None or after.group().lower() not in _NOT_AFTER_SUBJECT:
                    return found
                first = first or found
        return first

    def mention_at(self, pos: int) -> Mention | None:
        """The mention starting at `pos` (after spaces), if any."""
        while pos < len(self.text) and self.text[pos] in " \u00a0":
            pos += 1
        return self._by_start.get(pos)

    # ------------------------------------------------------------------ helpers

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

    def _country_subject(self, toks: list[re.Match[str]], i: int) -> bool:
        """ "China, the country's largest lender, said": a place in subject position speaks as its
        government; "the attorney general of Maine, …" keeps Maine an object."""
        m = self._by_end.get(toks[i].end())
        if m is None or m.kind != "place" or i + 1 >= len(toks) or toks[i + 1].group() != ",":
            return False
        k = i
        while k > 0 and toks[k - 1].start() >= m.start:
            k -= 1
        return k == 0 or toks[k - 1].group().lower() not in _PLACE_OBJECT_OF

    def _ends_speaker(self, tok: re.Match[str]) -> bool:
        m = self._by_end.get(tok.end())
        low = tok.group().lower()
        return (m is not None and m.kind != "place") or low in PRONOUNS or _is_head_noun(low)

    def _skip_apposition(self, toks: list[re.Match[str]], i: int) -> int:
        """From the comma closing "X, the EU's foreign policy chief," return the index of X's last token."""
        for j in range(i - 1, max(-1, i - 30), -1):
            w = toks[j].group()
            abbreviation = w == "." and j > 0 and toks[j - 1].end() == toks[j].start()  # "D-Calif."
            if w in _QUOTE_CHARS or (w in ".;:!?" and not abbreviation):
                return -1
            if w == ",":
                if j + 1 >= i or j == 0:
                    return -1
                nxt = toks[j + 1].group()
                before = toks[j - 1].group()
                named = self._by_end.get(toks[i - 1].end())
                if named is not None and named.start == toks[j + 1].start() and named.kind != "place":
                    return i - 1  # "The state's campaign chairman, Phil Lovas, said": the name is the speaker
                person = self._by_end.get(toks[j - 1].end())
                if person is not None and person.kind == "person":
                    return j - 1  # "Senator X, Democrat of California, said"
                opens = (
                    nxt[:1].islower()
                    or nxt.lower() in _APPOSITION_OPENERS
                    or nxt.isdigit()
                    or _PARTY_STATE.match(nxt) is not None  # "Sen. X, R-Texas, said"
                )
                ends_speaker = before[:1].isupper() or before == ")" or before.lower() in PRONOUNS
                if opens and (ends_speaker or _is_head_noun(before.lower())):
                    return j - 1
                return -1
        return -1

    def _post_modified(self, toks: list[re.Match[str]], i: int) -> Speaker | None:
        """The head of "experts on the region", "Mr. Hale of the weather service", "a poll released
        Friday", "sources close to the club": the cue attaches to the head, not to the last noun."""
        last = toks[i].group().lower()
        if last in _DETERMINERS or last in _NP_BREAK or not toks[i].group()[:1].isalnum():
            return None  # "analysts on a | call": the cue word is a noun here, not a verb after a phrase
        for j in range(i, max(0, i - 9), -1):
            w = toks[j].group()
            low = w.lower()
            if w in _POST_STOPS or low in _POST_BREAK:
                return None
            if w == "." and not (j > 0 and toks[j - 1].end() == toks[j].start()):
                return None
            if not ((low in _POST_PREPOSITIONS and j < i) or _is_participle(toks, j)):
                continue
            h = j - 1
            if low in ("to", "with") and h > 0 and toks[h].group().lower() in ("close", "familiar", "near"):
                h -= 1
            elif low == "to":
                continue  # "urged member states to increase defence support": an infinitive, not a phrase
            mention = self._by_end.get(toks[h].end())
            if mention is not None and mention.kind in ("person", "organization"):
                return self._from_mention(mention) if low != "for" or mention.kind != "person" else None
            head = toks[h].group().lower()
            named = self._by_end.get(toks[i].end())
            if (
                low == "of"
                and _capitalised(toks[h])
                and j + 1 <= i
                and _capitalised(toks[j + 1])
                and (named is None or named.kind != "person" or named.start == toks[j + 1].start())
            ):
                # "the Velmora Chamber of Commerce said", "the Bank of England said": one name
                k = h
                while k > 0 and _capitalised(toks[k - 1]):
                    k -= 1
                person = self._person_of(toks, k)
                if person is not None:
                    return person  # "Jane Roe of the University of Leeds said": she speaks, not it
                return Speaker(
                    toks[k].start(), toks[i].end(), self.text[toks[k].start() : toks[i].end()], "organization"
                )
            if not _is_head_noun(head) or (_is_participle(toks, j) and head not in source_nouns()):
                continue
            sp = self._noun_phrase(toks, h)
            if sp.kind == "person":
                return sp
            return Speaker(sp.start, toks[i].end(), self.text[sp.start : toks[i].end()], None)
        return None

    def _body_after(self, pos: int, end: int) -> int:
        """The end of an organisation named at `pos` ("the ministry" skipped to its name), else `end`."""
        at = _skip_spaces(self.text, pos)
        if self.text.startswith("the ", at):
            at += 4
        named = self._by_start.get(at)
        return named.end if named is not None and named.kind == "organization" else end

    def _person_of(self, toks: list[re.Match[str]], k: int) -> Speaker | None:
        """The person named right before "of/at/from (the) <name starting at k>", if any."""
        j = k - 1
        if j >= 0 and toks[j].group().lower() == "the":
            j -= 1
        if j < 1 or toks[j].group().lower() not in ("of", "at", "from"):
            return None
        named = self._by_end.get(toks[j - 1].end())
        if named is None or named.kind != "person":
            return None
        return self._from_mention(named)

    def _noun_phrase(self, toks: list[re.Match[str]], i: int) -> Speaker:
        k = i
        while k > 0 and i - k < 6:
            prev = toks[k - 1].group()
            pl = prev.lower()
            if pl in _DETERMINERS:
                k -= 1
                break
            if not prev[:1].isalnum() or pl in _NP_BREAK or pl in AUXILIARIES:
                break
            k -= 1
        start, end = toks[k].start(), toks[i].end()
        mention = self._mention_inside(start, end)
        if mention is not None and mention.kind == "person":
            return Speaker(start, end, mention.canonical, "person", mention.role)
        return self._role_phrase(start, end)

    def _role_phrase(self, start: int, end: int) -> Speaker:
        """ "the president" -> the last person with that role; other phrases stand for themselves."""
        phrase = self.text[start:end]
        words = phrase.lower().split()
        if words and words[0] == "the" and len(words) <= 3 and words[-1] in role_nouns():
            head = words[-1]
            for m in reversed(self._mentions_before(start)):
                if m.kind == "person" and m.role and head in m.role.lower():
                    return Speaker(start, end, m.canonical, "person", m.role)
        return Speaker(start, end, phrase, None)

    def _mention_inside(self, start: int, end: int) -> Mention | None:
        i = bisect_left(self._starts, start)
        if i < len(self.mentions) and self.mentions[i].end <= end:
            return self.mentions[i]
        return None

    def _from_mention(self, m: Mention) -> Speaker:
        return Speaker(m.start, m.end, m.canonical, _kind(m), m.role)

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
                if not g and fallback is None:
                    fallback = m
            if people and fallback is people[0] and si - s <= 1:
                # "…, Ana Quill told us. “…,” she said": the subject of the sentence before, of no
                # known gender, beats a person of the right gender further back
                break
            if fallback is not None and si - s >= 2:
                break
        if fallback is not None:
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

    def _in_quote(self, pos: int) -> bool:
        i = bisect_right(self._quoted_starts, pos) - 1
        return i >= 0 and self._quoted[i][0] <= pos < self._quoted[i][1]
