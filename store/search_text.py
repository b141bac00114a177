"""One normalisation for search, applied both when indexing and when querying.

SQLite FTS5 and PostgreSQL full-text search tokenise and stem differently; if either did the
linguistic work the two databases would answer the same question differently. So every fact's
searchable text is reduced here to plain lowercase ASCII tokens (accents folded, spelling variants
of names merged, plural endings stripped) and the databases only ever match whole tokens.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from itertools import chain

# Transliterations and spellings of the same name that a reader treats as one word. Keys and values
# are folded tokens; values are the spelling we index under. General folding (below) covers the
# regular patterns; this table only holds what no rule can guess.
SPELLING_VARIANTS: dict[str, str] = {
    "kiev": "kyiv",
    "kharkov": "kharkiv",
    "odessa": "odesa",
    "lvov": "lviv",
    "lugansk": "luhansk",
    "nikolaev": "mykolaiv",
    "nikolayev": "mykolaiv",
    "zaporozhye": "zaporizhzhia",
    "zaporizhia": "zaporizhzhia",
    "dnepr": "dnipro",
    "chernigov": "chernihiv",
    "rovno": "rivne",
    "qaida": "qaeda",
    "gadhafi": "gaddafi",
    "qaddafi": "gaddafi",
    "kadhafi": "gaddafi",
    "ghaddafi": "gaddafi",
    "mohammed": "muhammad",
    "mohammad": "muhammad",
    "muhammed": "muhammad",
    "mohamed": "muhammad",
    "serhiy": "sergey",
    "sergei": "sergey",
    "serhii": "sergey",
    "oleksiy": "alexey",
    "oleksii": "alexey",
    "alexei": "alexey",
    "aleksei": "alexey",
    "aleksey": "alexey",
    "volodimir": "volodymyr",
    "yevgeny": "evgeny",
    "yevgeniy": "evgeny",
    "yevgeni": "evgeny",
    "zelenski": "zelensky",
    "zelenskij": "zelensky",
    "aleksandr": "alexander",
    "oleksandr": "alexander",
    "alexandr": "alexander",
    "dmitri": "dmitry",
    "dmytro": "dmitry",
    "yuri": "yury",
    "mykhailo": "mikhail",
    "ihor": "igor",
    "oleh": "oleg",
    "teheran": "tehran",
    "hizbollah": "hezbollah",
    "hizballah": "hezbollah",
    "huthi": "houthi",
    "shabab": "shabaab",
    "peking": "beijing",
    "bombay": "mumbai",
    "burma": "myanmar",
}

# Plurals no suffix rule gets right; singular forms map to themselves implicitly.
IRREGULAR_PLURALS: dict[str, str] = {
    "men": "man",
    "women": "woman",
    "children": "child",
    "people": "person",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "crises": "crisis",
    "analyses": "analysis",
    "theses": "thesis",
    "bases": "base",
    "data": "datum",
    "media": "medium",
}

# Dropped from queries only: "the war" should find what "war" finds.
QUERY_STOPWORDS = frozenset(
    "a an and the of in on at to for from by with about is are was were be been what who when how "
    "did does do said says".split()
)

_APOSTROPHES = "'\u2019\u2018\u02bc`"
_POSSESSIVE = re.compile(rf"([a-z0-9])[{_APOSTROPHES}]s\b")
_APOSTROPHE = re.compile(rf"[{_APOSTROPHES}]")
_DIGIT_GROUP = re.compile(r"(?<=\d)[,.](?=\d{3}\b)")
_GROUPED_DIGITS = re.compile(r"\d[,.]\d")
_TOKEN = re.compile(r"[a-z0-9]+")
# Endings whose "s" is not a plural marker and whose plurals would otherwise stem differently:
# "press"/"presses", "virus"/"viruses", "crisis". Other "-is" words lose the "s" on both sides,
# so "Israelis" finds "Israeli" (and "Paris" is indexed as "pari", harmlessly).
_NOT_PLURAL_ENDINGS = ("ss", "us", "sis")


def fold(text: str) -> str:
    """Lowercase ASCII: accents stripped ("Kyïv" -> "kyiv"), ligatures and wide forms decomposed."""
    if text.isascii():
        return text.lower()  # most news text: nothing to decompose (and 10x faster)
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    return ascii_only.replace("ß", "ss").replace("ø", "o").replace("ł", "l").replace("đ", "d").lower()


def fold_name_spelling(token: str) -> str:
    """Regular transliteration variants of names.

    Zelenskyy/Zelenskiy/Zelensky, Andrii/Andriy, Andrei/Andrey, plus the SPELLING_VARIANTS table.
    """
    token = SPELLING_VARIANTS.get(token, token)
    token = token.replace("yy", "y")
    for ending in ("iy", "ii", "yi", "ij", "ei"):
        if len(token) > 4 and token.endswith(ending):
            token = token[: -len(ending)] + ("ey" if ending == "ei" else "y")
            break
    return SPELLING_VARIANTS.get(token, token)


def singular(token: str) -> str:
    """A stem shared by a word's singular and plural: "drones" and "drone" both give "dron".

    Not a dictionary stemmer: it only has to give the same stem to both forms, because the same
    function runs on the indexed text and on the query.
    """
    if token in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[token]
    if len(token) <= 3 or token.isdigit():
        return token
    if token.endswith("ies") and len(token) > 4:
        return token[:-3] + "y"
    if token.endswith("s") and not token.endswith(_NOT_PLURAL_ENDINGS):
        token = token[:-1]
    # "strikes" -> "strike" -> "strik" and "strike" -> "strik"; "taxes" -> "taxe" -> "tax".
    if token.endswith("e") and len(token) > 3:
        token = token[:-1]
    return token


def _raw_tokens(text: str) -> list[str]:
    folded = fold(text)
    # Each rewrite only where its characters occur: every fact's text and context pass through here.
    if _APOSTROPHE.search(folded):
        folded = _POSSESSIVE.sub(r"\1", folded)
        folded = _APOSTROPHE.sub("", folded)
    if _GROUPED_DIGITS.search(folded):
        folded = _DIGIT_GROUP.sub("", folded)  # "1,000" and "1000" are one number
    return _TOKEN.findall(folded)


@functools.lru_cache(maxsize=1 << 16)  # a pure function, and news repeats its words
def normalize_token(token: str) -> str:
    """One folded token as it is indexed: spelling variants merged, plural stripped."""
    return singular(fold_name_spelling(token))


def tokens(text: str) -> list[str]:
    """The index tokens of a text, in order."""
    return [normalize_token(t) for t in _raw_tokens(text)]


def index_text(parts: Iterable[str | None]) -> str:
    """The searchable text of a fact: its own text and its context, as space-separated tokens.

    Each token once, in order of first appearance: a search asks for rows holding every token of
    the query, never for a phrase or a count, and the parts repeat each other (an event's summary
    and actors are words of its sentence), so the full-text index stores and updates less.
    """
    return " ".join(dict.fromkeys(chain.from_iterable(_part_tokens(part) for part in parts if part)))


# The parts repeat: an article's figures and events share sentences, its quotes share speakers.
@functools.lru_cache(maxsize=1 << 10)
def _part_tokens(part: str) -> tuple[str, ...]:
    return tuple(tokens(part))


def query_tokens(terms: Iterable[str]) -> list[str]:
    """The tokens a search must all find (AND); stopwords dropped unless nothing else is left."""
    raw = [t for term in terms for t in _raw_tokens(term)]
    meaningful = [t for t in raw if t not in QUERY_STOPWORDS]
    return list(dict.fromkeys(normalize_token(t) for t in meaningful or raw))  # unique, order kept


def name_key(name: str) -> str:
    """How a person's name or alias is looked up: folded, name spellings merged, no stemming.

    "Volodymyr Zelenskyy" and "volodymyr zelensky" share a key; so do "Andrii" and "Andriy".
    """
    return " ".join(fold_name_spelling(t) for t in _raw_tokens(name))


def surname_key(key: str) -> str:
    """The last word of a `name_key`: what a lone surname ("Lagarde") is looked up by."""
    return key.rsplit(" ", 1)[-1]
