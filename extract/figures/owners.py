"""Who or what owns a figure beyond its clause: the company a market report is about, the title
of a listing entry, the named subject opening the sentence."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from extract.document import Document
from extract.figures.nouns import STOP_WORDS
from extract.lexicons import word_set, words_cased
from extract.models import Figure

MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
# "Name (NYSE: TICK)" or "Name Inc." / "Name Corp." ...: a company named in a report
_COMPANY = re.compile(
    r"(?P<name>(?:[A-Z][\w'’&.-]*[^\S\r\n]+){0,5}?[A-Z][\w'’&-]*"
    r"(?:[^\S\r\n]+(?:Inc|Corp|Co|Ltd|LLC|plc|PLC|Group|Holdings|AG|SA|NV|LP|L\.P)\b\.?)?)"
    r"[^\S\r\n]*\((?:NYSE|NASDAQ|Nasdaq|AMEX|NYSEArca|NYSE[^\S\r\n]?MKT|OTC|TSX|LSE|ASX|HKEX|"
    r"Euronext|XETRA|BATS)[^\S\r\n]*:[^\S\r\n]*[A-Z][A-Z0-9.-]*\)"
    r"|(?P<corp>(?:[A-Z][\w'’&-]*[^\S\r\n]+){1,5}(?:Inc|Corp|Ltd|LLC|plc|PLC|Holdings)\b\.?)"
)
_SUFFIXES = (" Inc", " Corp", " Ltd", " LLC", " plc", " PLC", " Holdings")
_DATELINE = re.compile(r"[A-Z][A-Z .,'-]{2,40}(?:--|—|–|-)[^\S\r\n]*")
_NAME_RUN = re.compile(
    r"(?:The[^\S\r\n]+)?(?P<name>[A-Z][\w'’&.-]*(?:[^\S\r\n]+(?:(?:of|for|and|&)[^\S\r\n]+)?"
    r"[A-Z][\w'’&.-]*)*)(?:[^\S\r\n]*\([^)\n]{1,30}\))?[^\S\r\n]+(?P<next>[a-z][\w'’-]*)"
)
_LISTING_LINE_MAX = 70


def company_before(text: str, p_start: int, pos: int, p_end: int | None = None) -> str | None:
    """The last company named in the paragraph before `pos` (with a ticker or a corporate suffix).

    With `p_end`, the paragraph's companies are found once for all of its figures: a long paragraph
    of figures was otherwise read again from its start for each one (quadratic).
    """
    if p_end is None:
        found = [(m.end(), _company_name(m)) for m in _COMPANY.finditer(text, p_start, pos)]
    else:
        found = list(_companies(text, p_start, p_end))
    before = bisect_right(found, pos, key=lambda c: c[0])
    return found[before - 1][1] if before else None


@lru_cache(maxsize=4)
def _companies(text: str, p_start: int, p_end: int) -> tuple[tuple[int, str | None], ...]:
    seg = text[p_start:p_end]
    if ":" not in seg and not any(suffix in seg for suffix in _SUFFIXES):
        return ()  # neither a ticker nor a corporate suffix: no company named
    return tuple((m.end(), _company_name(m)) for m in _COMPANY.finditer(text, p_start, p_end))


def _company_name(m: re.Match[str]) -> str | None:
    name = (m.group("name") or m.group("corp") or "").strip()
    words = name.split()
    while words and words[0].lower() in STOP_WORDS | {"the"}:
        words = words[1:]
    return " ".join(words) or None


def is_money(unit: str) -> bool:
    return unit.isupper() or unit.startswith(("penny", "cent", "dollar", "euro", "pound sterling"))


def of_a_company(fig: Figure) -> bool:
    """Money, a share, points or shares: what a market report measures of a company."""
    unit = fig.unit or ""
    return unit.isupper() or unit in ("percent", "point", "share") or unit.startswith(("dollar", "penny"))


def about_the_company(about: str | None) -> bool:
    """Whether `about` names nothing but a thing a market report measures of its company."""
    if about is None:
        return True
    words = about.split()
    if any(w[:1].isupper() and w.lower().strip("'’s") not in MONTHS for w in words):
        return False
    return words[-1].lower() in word_set("market_terms") or words[0].lower() in word_set("company_anaphors")


def with_owner(owner: str, about: str | None) -> str:
    if about is None:
        return owner
    words = about.split()
    if words[0].lower() in word_set("company_anaphors"):
        words = words[1:]
    return " ".join([owner, *words])


def listing_title(doc: Document, fig: Figure, p_start: int, p_end: int) -> str | None:
    """The title of a listing entry: the price sits in a short line ("Publisher, 220 pp., $17.99"),
    after other short lines (author, title) that follow a long paragraph or a heading."""
    text = doc.text
    if p_end - p_start > _LISTING_LINE_MAX:
        return None
    pi = doc.sentence_paragraph[doc.sentence_at(fig.start)] if doc.sentence_paragraph else None
    if pi is None or pi < 2:
        return None
    run: list[tuple[int, int]] = []
    i = pi - 1
    while i >= 0 and len(run) < 4:
        s, e = doc.paragraphs[i]
        line = text[s:e]
        if e - s > _LISTING_LINE_MAX or line.rstrip().endswith((".", ":", ";")) or line.isupper():
            break
        run.append((s, e))
        i -= 1
    if len(run) < 2:
        return None
    s, e = run[-1]
    return text[s:e].strip()


def clause_subject(text: str, s_start: int, pos: int) -> str | None:
    """A named subject opening the sentence ("Ardent Health Partners paid ..."), past a dateline."""
    p = s_start
    dl = _DATELINE.match(text, p, pos)
    if dl:
        p = dl.end()
    m = _NAME_RUN.match(text, p, pos)
    if not m or not _looks_like_a_verb(m.group("next")):
        return None
    if m.group("next").lower() in _SAID and not _SPEAKER_AGAIN.match(text, m.end(), pos):
        return None  # "The chamber said the cost of the strike had passed €200 million": its speaker
    words = m.group("name").split()
    while words and words[0] in words_cased("sentence_openers") | _NOT_NAMES:
        words = words[1:]  # "A Bloomberg ...", "Nearly $500 million"
    name = " ".join(words)
    if len(name) < 3 or name.endswith(("'s", "’s")) or not name[:1].isupper():
        return None  # "Mrs. Clinton's lead": the subject is what the name owns
    return name


# A named subject that only says the clause holding the figure is not what the figure is of, unless
# the clause is about the speaker again ("Brandt Shipping said it lost $4 million").
_SAID = frozenset({"said", "says"})
_SPEAKER_AGAIN = re.compile(r"[^\S\r\n]+(?:that[^\S\r\n]+)?(?:it|its|we|our)(?![\w'’])")

# Capitalised words opening a sentence that name nothing ("Nearly $500 million", "Top earners").
_NOT_NAMES = frozenset("Nearly Almost About Around Some Top Federal State Local New Only Just Over".split())
_VERBS = frozenset(
    "is was are were has had have will would could paid pays spent spends raised raises gave gives "
    "won lost got gets received receives earned earns owes owed made makes took takes sold sells "
    "bought buys agreed agrees plans planned leads led reported reports said says".split()
)


def _looks_like_a_verb(word: str) -> bool:
    """The word after a subject: a verb in the past or the third person, or a common one."""
    low = word.lower()
    return low in _VERBS or (low.endswith("ed") and len(low) > 4)


__all__ = [
    "MONTHS",
    "about_the_company",
    "clause_subject",
    "company_before",
    "is_money",
    "listing_title",
    "of_a_company",
    "with_owner",
]
