"""Who a speech cue attaches to, and whom that phrase refers to.

`SpeakerFinder.before(cue_start)` reads the phrase that ends just before a speech verb
("Ilse Moreau, the bloc's trade commissioner, | said"), `after(cue_end)` the phrase after an
inverted one ("said | the minister"). A phrase is a name the mention finder saw, a pronoun, or a
noun phrase headed by a source or role noun ("a senior official", "police"). Whom a pronoun
refers to is decided by the `PronounResolver` it builds on (pronouns.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from functools import cache

from extract.lexicons import table, word_set
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
    _previous_comma,
    _role_prefix,
    _skip_parenthesis,
    _skip_spaces,
)
from extract.names.tokens import STOP_CAPITALISED
from extract.quotes.pronouns import PronounResolver, Speaker
from extract.quotes.speech_words import AUXILIARIES, PRONOUNS

_FAMILIAR_TAIL = re.compile(
    r"[ \u00a0]+(?:with|to)(?:[ \u00a0]+(?:the|a|an|his|her|their|its|[\w’'-]+)){1,3}(?=[ \u00a0]*[,.;:]|$)"
)


_QUOTED_AS = re.compile(
    r"\b(?P<quoted>quot(?:ed|es|ing))[ \u00a0]+[^;:!?“”\"\n]{2,120}?[ \u00a0](?P<as>as)[ \u00a0]*$"
)

# The rest of a role phrase up to the comma before a name: "said the author | of several books, |X".
_ROLE_THEN_NAME = re.compile(r"[^,.;:!?“”\"()\n]{0,80}?(?P<comma>,)[ \u00a0]+(?=[A-Z])")

# "the senator", "the city council": whom a group speaks for, when not a name
_THE_ROLE = re.compile(r"(?:the|its|his|her|their)(?:[ \u00a0]+[\w’'.-]+){0,2}?[ \u00a0]+(?P<head>[a-z]+)\b")


def _group_noun(word: str) -> bool:
    return word.lower() in word_set("speaker_group_nouns")


_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}


class SpeakerFinder(PronounResolver):
    """Reads speaker phrases around cues and resolves them to names, for one document."""

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
        i = _skip_time_after_who(toks, i)
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
                # "X, the treasurer of Vermont, one of the states objecting, said": a second apposition
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
        group = self._group_for(toks, i)
        if group is not None:
            return group  # "advisers to Governor X say", "a spokeswoman for X said": the group speaks
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
            if named is None and toks[i - 1].group() == ",":
                # "McKay, now the party leader, who said …": the name the apposition describes
                j = self._skip_apposition(toks, i - 1)
                person = self._by_end.get(toks[j].end()) if j >= 0 else None
                named = person if person is not None and person.kind == "person" else None
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
            if mention.kind == "person":
                after = self._head_after_name(mention.end)  # "said Whitfield aides": whose aides
                if after is None:
                    return self._from_mention(mention)
                named = self._by_start.get(_skip_spaces(self.text, after))  # "Whitfield aide Li Park"
                if named is not None and named.kind == "person":
                    return self._from_mention(named)
                return self._role_phrase(tok.start(), after)
            head = _TOKEN.match(self.text, _skip_spaces(self.text, mention.end))
            if head is None or not _is_head_noun(head.group().lower()):
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
                    if (
                        mention is not None
                        and mention.kind == "person"
                        and not _modifier(mention, toks[k].start())
                    ):
                        return Speaker(tok.start(), end, mention.canonical, "person", mention.role)
                    # "two people familiar with the talks", "sources close to the owner": keep it whole
                    nxt = toks[k + 1] if k + 1 < len(toks) else None
                    if nxt is not None and nxt.group().lower() in ("familiar", "close"):
                        end = nxt.end()
                    if self.text[end - 8 : end].lower().endswith(("familiar", "close")):
                        tail = _FAMILIAR_TAIL.match(self.text, end, hi)
                        end = tail.end() if tail else toks[k].end()
                    elif nxt is not None and _group_noun(w) and nxt.group().lower() in ("to", "for"):
                        end = self._group_end(nxt.end(), hi) or end  # "said aides to the mayor"
                    elif nxt is not None and nxt.group().lower() in ("of", "for", "at"):
                        end = self._body_after(nxt.end(), end)  # "a member of GreatFire.org"
                    return self._named_after_role(tok.start(), end, hi) or self._role_phrase(tok.start(), end)
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
        """From the comma closing "X, the bloc's trade commissioner," return the index of X's last token."""
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
                    return i - 1  # "The party's county treasurer, Dag Olsson, said": the name is the speaker
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

    def _group_for(self, toks: list[re.Match[str]], i: int) -> Speaker | None:
        """ "Advisers to Governor X | say", "aides to the senator | said": a group noun, "to" or "for",
        and the one they speak for ending at the cue: the whole phrase speaks (`group-for` rule)."""
        for j in range(i - 1, max(0, i - 6), -1):
            w = toks[j].group()
            if not w[:1].isalnum() and w not in (".", "’", "'"):
                return None
            if w.lower() not in ("to", "for") or not _group_noun(toks[j - 1].group()):
                continue
            if self._group_end(toks[j].end(), toks[i].end() + 1) != toks[i].end():
                return None
            head = self._noun_phrase(toks, j - 1)
            if head.kind == "person":
                return None
            return Speaker(head.start, toks[i].end(), self.text[head.start : toks[i].end()], None)
        return None

    def _group_end(self, pos: int, hi: int) -> int | None:
        """The end of whom a group speaks for, from `pos`: a name ("Ada Brun") or "the senator"."""
        at = _skip_spaces(self.text, pos)
        named = self._by_start.get(at)
        if named is None:
            i = bisect_left(self._starts, at)
            if i < len(self.mentions) and _role_prefix(self.text[at : self.mentions[i].start]):
                named = self.mentions[i]  # "to Governor Ada Brun"
        if named is not None and named.kind in ("person", "organization") and named.end <= hi:
            return named.end
        m = _THE_ROLE.match(self.text, at, hi)
        return m.end() if m is not None and _is_head_noun(m.group("head").lower()) else None

    def _named_after_role(self, start: int, end: int, hi: int) -> Speaker | None:
        """ "said the author of several books, Ozzy Quinlan": the name in apposition after the role
        phrase is the speaker, the phrase its role."""
        m = _ROLE_THEN_NAME.match(self.text, end, min(hi, end + 100))
        if m is None:
            return None
        named = self._by_start.get(m.end())
        if named is None or named.kind not in ("person", "unknown") or " " not in named.text:
            return None
        if self.text[named.end : named.end + 1] not in ("", ",", ".", ";", "\n"):
            return None
        role = self.text[start : m.start("comma")].strip()
        return Speaker(named.start, named.end, named.canonical, "person", named.role or role)

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
        if mention is not None and mention.kind == "person" and not _modifier(mention, toks[i].start()):
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

    def _head_after_name(self, pos: int) -> int | None:
        """The end of the role or source nouns right after a name ("Whitfield administration spokesman")."""
        end = None
        while (tok := _TOKEN.match(self.text, _skip_spaces(self.text, pos))) is not None:
            if not (tok.group().isalpha() and tok.group().islower() and _is_head_noun(tok.group())):
                break
            end = pos = tok.end()
        return end

    def _mention_inside(self, start: int, end: int) -> Mention | None:
        i = bisect_left(self._starts, start)
        if i < len(self.mentions) and self.mentions[i].end <= end:
            return self.mentions[i]
        return None

    def _from_mention(self, m: Mention) -> Speaker:
        return Speaker(m.start, m.end, m.canonical, _kind(m), m.role)


_TIME_PREPOSITIONS = frozenset("in on last this earlier".split())
_TIME_WORDS = frozenset("week month year weekend morning night".split())


def _skip_time_after_who(toks: list[re.Match[str]], i: int) -> int:
    """`who-time`: "McKay, who in 2019 said …", "a nurse who last week told …": a time phrase between
    the relative and its cue is skipped, so the relative (and its antecedent) is the speaker."""
    if i < 2 or toks[i - 2].group().lower() != "who" or toks[i - 1].group().lower() not in _TIME_PREPOSITIONS:
        return i
    word = toks[i].group()
    if word.isdigit() or word.lower() in _TIME_WORDS or word in _calendar_names():
        return i - 2
    return i


@cache
def _calendar_names() -> frozenset[str]:
    """Weekday and month names, as the date lexicons list them ("Monday", "March")."""
    return frozenset(row[0] for name in ("timex_weekdays", "timex_months") for row in table(name))


def _modifier(mention: Mention, head_start: int) -> bool:
    """ "Whitfield officials", "a Whitfield administration spokesman": a name in front of the noun
    that heads the phrase only says whose officials they are; the person is not the speaker."""
    return mention.end <= head_start


__all__ = ["Speaker", "SpeakerFinder"]
