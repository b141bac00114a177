"""Names in the text: people, organisations and places, found without a statistical model.

Capitalised token runs are cut into names, titles are split off ("Foreign Minister Andrii Sybiha" ->
name "Andrii Sybiha", role "Foreign Minister"), and each name is classed by lexicons: organisation
words and known organisations, the gazetteer, titles and first names. A second pass gives every
short form the fullest name the article uses ("Sybiha" -> "Andrii Sybiha").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from extract.document import Document
from extract.names.canonical import (
    FullNames,
    organisation_names,
    role_after,
    role_apposed_before,
    role_before,
    surname_key,
)
from extract.names.name_words import gender_of_first_name, is_first_name
from extract.names.places import is_place, is_region
from extract.names.promote import also_known_as, promoted
from extract.names.roles import demonyms, known_orgs, org_words, role_nouns, role_qualifiers, titles
from extract.names.tokens import (
    CAPITALISED_RUN,
    HONORIFIC_GENDER,
    STOP_CAPITALISED,
    Token,
    split_possessives,
    tokens_of,
)

MentionKind = Literal["person", "organization", "place", "unknown"]


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in the text: its span, kind, fullest name in the article, and role and gender if known."""

    start: int
    end: int
    text: str
    kind: MentionKind
    canonical: str
    role: str | None = None
    gender: str = ""  # "m", "f" or "" for people


_PARTICLES = frozenset("of de da di del della der den van von du la le bin ibn al el dos das y the".split())


_PARTY_STATE = re.compile(r"[RDI]-[A-Z][A-Za-z.]*")
_FEMALE_ROLES = frozenset(
    "spokeswoman congresswoman chairwoman councilwoman queen princess lady dame".split()
)
_MALE_ROLES = frozenset("spokesman congressman chairman councilman king prince lord sir father".split())


_LOWER_CASE_WORD = re.compile(r"\b[a-z][a-z’'-]+\b")


def find_mentions(doc: Document) -> list[Mention]:
    """People, organisations and places named in the article, sorted by start."""
    text = doc.text
    sentence_starts = frozenset(doc._starts)
    lower_words: set[str] | None = None
    raw: list[Mention] = []
    for m in CAPITALISED_RUN.finditer(text):
        run, offset = m.group(), m.start()
        for index, group in enumerate(_run_groups(run)):
            dropped = 0
            start = group[0].start + offset
            if (
                start in sentence_starts
                or text[start - 1 : start] in "\"“‘'("
                or text[start - 2 : start] == ": "
            ):
                # a sentence-initial common word ("Despite", "Secret") is no name
                if lower_words is None:
                    lower_words = set(_LOWER_CASE_WORD.findall(text))
                while dropped < len(group) and _common_word_opens(group[dropped:], lower_words):
                    dropped += 1
                if dropped == len(group):
                    continue
            found = _run_mention(run, index, dropped)
            if found is not None:
                raw.append(_shifted(found, offset))
    return _resolve(text, raw)


# Capitalised runs recur within an article ("Sybiha" five times) and across articles (places, bodies,
# officials): what a run's words are, and what a name in it is, depends on the run alone.
@lru_cache(maxsize=16384)
def _run_groups(run: str) -> tuple[tuple[Token, ...], ...]:
    """The name candidates of a capitalised run, trimmed, with offsets within the run."""
    trimmed = (_trim(group) for group in _split_of(split_possessives(tokens_of(run, 0))))
    return tuple(tuple(group) for group in trimmed if group)


def _common_word_opens(group: tuple[Token, ...], lower_words: set[str]) -> bool:
    """Whether the group's first word is a common word (seen in lower case) rather than part of a name."""
    return (
        (group[0].lower in lower_words or group[0].bare.endswith(("ing", "ly", "ed")))
        and not _is_name_word(group[0])
        and not (len(group) > 1 and group[1].bare in titles())  # "Health Secretary X"
    )


def _shifted(m: Mention, offset: int) -> Mention:
    return Mention(m.start + offset, m.end + offset, m.text, m.kind, m.canonical, m.role, m.gender)


@lru_cache(maxsize=16384)
def _run_mention(run: str, index: int, dropped: int) -> Mention | None:
    """The mention group `index` of the run makes, less its first `dropped` words; offsets within the run."""
    group = list(_run_groups(run)[index][dropped:])
    if len(group) >= 3 and all(t.text.isupper() for t in group):
        return None  # an all-capitals headline, not a name
    if len(group) == 1 and _PARTY_STATE.fullmatch(group[0].text.rstrip(".,")):
        return None  # "R-Texas", "D-Calif.": a party and state, not a name
    return _classify(run, group)


def _is_name_word(tok: Token) -> bool:
    return tok.bare in titles() or is_first_name(tok.bare) or is_place(tok.bare) or tok.bare in known_orgs()


def _split_of(groups: list[list[Token]]) -> list[list[Token]]:
    """Cut "Hillary Clinton of New York" at "of"; keep "Bank of America", "Secretary of State"."""
    out = []
    for g in groups:
        cur: list[Token] = []
        for t in g:
            if t.lower == "of" and cur and cur[-1].bare not in titles() and cur[-1].bare not in org_words():
                out.append(cur)
                cur = []
            else:
                cur.append(t)
        if cur:
            out.append(cur)
    return out


def _trim(group: list[Token]) -> list[Token]:
    i, j = 0, len(group)
    while i < j and (group[i].lower in STOP_CAPITALISED or group[i].lower in _PARTICLES):
        i += 1
    while j > i and group[j - 1].lower in _PARTICLES:
        j -= 1
    return group[i:j]


def _split_title(group: list[Token]) -> tuple[list[Token], list[Token]]:
    """(role tokens, name tokens): the name follows the last title word that has a name after it."""
    tset, owords = titles(), org_words()
    cut = -1
    for i in range(len(group) - 1):
        if group[i].bare in tset and group[i + 1].bare not in owords:
            cut = i
    if cut < 0:
        return _split_before_first_name(group)
    j = cut + 1
    if group[j].lower == "of":  # "Secretary of State John Kerry"
        j += 2
        while j < len(group) and group[j - 1].lower == "the":
            j += 1
    # "Chief Executive Lloyd Blankfein": role words after the title belong to the role
    while j < len(group) - 2 and group[j].bare in role_qualifiers() and not is_first_name(group[j].bare):
        j += 1
    if j >= len(group):
        return group, []
    return group[:j], group[j:]


def _split_before_first_name(group: list[Token]) -> tuple[list[Token], list[Token]]:
    """ "Park Ranger Supervisor Robert Colligan", "Commission Investor Advocate Rick Fleming": a role
    we do not list as a title, ended by a person's name (a known first name and a surname or two).

    Only when the words before hold a role or organisation word, so "St. Louis Cardinals" stays whole."""
    if len(group) < 3:
        return [], group
    for i in range(len(group) - 2, 0, -1):
        if not is_first_name(group[i].bare):
            continue
        while i > 1 and is_first_name(group[i - 1].bare):
            i -= 1  # "Mary Jo Ortega": both first names are the name's
        name, before = group[i:], group[:i]
        if (
            len(name) <= 4
            and not any(t.bare in org_words() or t.bare in titles() for t in name)
            and any(_role_or_body(t.bare) for t in before)
        ):
            return before, name
        return [], group
    return [], group


def _role_or_body(word: str) -> bool:
    return word in titles() or word in org_words() or word in role_nouns()


def _classify(text: str, group: list[Token]) -> Mention | None:
    role_toks, name = _split_title(group)
    if not name:
        return None
    start, end = name[0].start, name[-1].end
    surface = text[start:end]
    low = surface.lower()
    bare = [t.bare for t in name]
    role = " ".join(t.text for t in role_toks if t.bare not in HONORIFIC_GENDER) or None
    gender = ""
    for t in role_toks:
        gender = HONORIFIC_GENDER.get(t.bare, gender)
        if t.bare in _FEMALE_ROLES:
            gender = "f"
        elif t.bare in _MALE_ROLES:
            gender = "m"
    kind: MentionKind
    owords = org_words()
    if (
        low in known_orgs()
        or any(b in owords or b.endswith(_WEB_ENDINGS) for b in bare)
        or _has_acronym(name)
    ):
        kind = "organization"
    elif role_toks:
        kind = "person"
    elif is_place(low) or is_place(low.replace("\u00a0", " ")):
        kind = "place"
    elif len(name) == 1 and bare[0] in demonyms():
        return None
    elif is_first_name(bare[0]) and (len(name) > 1 or bare[0] not in demonyms()):
        kind = "person"
    elif len(name) == 1 and 2 <= len(surface) <= 6 and surface.isupper():
        kind = "organization"
    elif len(name) >= 2 and any(len(t.text) == 2 and t.text.endswith(".") for t in name[1:-1]):
        kind = "person"  # "Ronald R. Fieldstone"
    else:
        kind = "unknown"
    if kind == "person" and not gender and (len(name) > 1 or not role_toks):
        gender = gender_of_first_name(bare[0]) if len(name) > 1 or is_first_name(bare[0]) else ""
    return Mention(start, end, surface, kind, surface, role, gender)


_WEB_ENDINGS = (".com", ".org", ".net", ".gov", ".edu", ".io")


def _has_acronym(name: list[Token]) -> bool:
    """ "NHS Lothian", "BBC News": a run with an all-capitals word names an organisation."""
    return len(name) > 1 and any(
        2 <= len(t.text) <= 5 and t.text.isupper() and t.text.isalpha() and not is_place(t.bare) for t in name
    )


_HONORIFIC_BEFORE = re.compile(r"\b([A-Za-z]+)\.?[ \u00a0]+$")


def _gender_guessed_from_word(text: str, m: Mention) -> bool:
    """`surname-gender`: a lone word read as a first name ("Cyril", "Morgan") got its gender from that
    reading alone; when the article names someone in full with it as the surname, it is that
    person's surname and says nothing of gender. A title before it ("Mr. Cyril") does."""
    if " " in m.text or not m.gender or m.gender != gender_of_first_name(m.text):
        return False
    title = _HONORIFIC_BEFORE.search(text, max(0, m.start - 12), m.start)
    return title is None or title.group(1).lower() not in HONORIFIC_GENDER


def _resolve(text: str, raw: list[Mention]) -> list[Mention]:
    """Second pass: promote short forms of known people, give each mention its fullest name."""
    raw = promoted(text, raw)
    full_by_surname = FullNames(raw, -1)
    by_first = FullNames(raw, 0)
    orgs = organisation_names(raw)
    also_known = also_known_as(text, raw)
    out: list[tuple[Mention, MentionKind, str, str | None, str]] = []
    genders: dict[str, str] = {}
    roles: dict[str, str] = {}
    for m in raw:
        kind, canonical, role, gender = m.kind, m.text, m.role, m.gender
        key = surname_key(m.text)
        if kind in ("person", "unknown") or (kind == "place" and " " not in m.text and not is_region(m.text)):
            # A first name given must fit: "Amara Morales" is not a shorter form of "Anders Morales".
            first = m.text.split()[0] if " " in m.text else ""
            guessed = _gender_guessed_from_word(text, m)
            full = full_by_surname.nearest(key, "" if guessed else m.gender, m.start, first)
            if guessed and full is not None and " " in full.text:
                gender = ""  # surname-gender: "Cyril" after "Malkia Cyril" is her surname, not a man's name
            if full is None and " " not in m.text and m.kind == "person" and is_first_name(m.text):
                full = by_first.nearest(key, m.gender, m.start)
            if full is not None and len(full.text) >= len(m.text):
                kind, canonical = "person", full_by_surname.fullest(full)
                canonical = also_known.get(canonical, canonical)
        if kind == "person":
            role = (
                role
                or role_before(text, m.start)
                or role_after(text, m.end)
                or (role_apposed_before(text, m.start) if " " in m.text else None)
            )
            gender = gender or genders.get(canonical, "") or gender_of_first_name(canonical.split()[0])
            if gender:
                genders[canonical] = gender
            if role:
                roles[canonical] = role
        elif kind == "organization":
            canonical = orgs.get(canonical.lower(), canonical)
        out.append((m, kind, canonical, role, gender))
    # roles and genders learnt anywhere in the article hold for every mention of the person
    return [
        Mention(
            m.start,
            m.end,
            m.text,
            kind,
            canonical,
            role or roles.get(canonical),
            gender or genders.get(canonical, ""),
        )
        if kind == "person"
        else (
            m
            if kind == m.kind and canonical == m.canonical
            else Mention(m.start, m.end, m.text, kind, canonical, role, gender)
        )
        for m, kind, canonical, role, gender in out
    ]


__all__ = ["Mention", "MentionKind", "find_mentions"]
