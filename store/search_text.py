"""One normalisation for search, applied both when indexing and when querying.

SQLite FTS5 and PostgreSQL full-text search tokenise and stem differently; if either did the
linguistic work the two databases would answer the same question differently. So every fact's
searchable text is reduced here to plain lowercase tokens (accents folded in every script, spelling
variants of names merged, plural and verb endings stripped, currency symbols and codes as their
word) and the databases only ever match whole tokens. A compound is also indexed under its last
part ("wildfire" under "fire"): see `word_parts`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from itertools import chain

from extract.lexicons import table, word_set

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
QUERY_STOPWORDS = word_set("search_stopwords")

_APOSTROPHES = "'\u2019\u2018\u02bc`"
_POSSESSIVE = re.compile(rf"([a-z0-9])[{_APOSTROPHES}]s\b")
_APOSTROPHE = re.compile(rf"[{_APOSTROPHES}]")
_DIGIT_GROUP = re.compile(r"(?<=\d)[,.](?=\d{3}\b)")
_GROUPED_DIGITS = re.compile(r"\d[,.]\d")
# Letters and digits of any script: "Київ", "Αθήνα" and "Zürich" are words like "Kyiv".
_TOKEN = re.compile(r"[^\W_]+")
# Currency symbols, each written out as its word before tokenising ("€92m" -> "euro 92m").
_SYMBOLS = re.compile(r"[$\u00a2-\u00a5\u20a0-\u20cf]")
# Endings whose "s" is not a plural marker and whose plurals would otherwise stem differently:
# "press"/"presses", "virus"/"viruses", "crisis". Other "-is" words lose the "s" on both sides,
# so "Israelis" finds "Israeli" (and "Paris" is indexed as "pari", harmlessly).
_NOT_PLURAL_ENDINGS = ("ss", "us", "sis")


def fold(text: str) -> str:
    """Lower case without accents ("Kyïv" -> "kyiv", "Αθήνα" -> "αθηνα"), ligatures and wide forms
    decomposed; letters of other scripts stay themselves."""
    if text.isascii():
        return text.lower()  # most news text: nothing to decompose (and 10x faster)
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return (
        bare.replace("ø", "o")
        .replace("Ø", "o")
        .replace("ł", "l")
        .replace("Ł", "l")
        .replace("đ", "d")
        .replace("Đ", "d")
        .casefold()
    )


@functools.cache
def _currencies() -> dict[str, str]:
    """Currency symbol or code (folded) -> the word it is indexed and searched as."""
    return {row[0].casefold(): row[1] for row in table("search_currencies")}


def _spell_currency(match: re.Match[str]) -> str:
    word = _currencies().get(match.group())
    return f" {word} " if word else " "


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
    token = _verb_stem(token)
    # "strikes" -> "strike" -> "strik" and "strike" -> "strik"; "taxes" -> "taxe" -> "tax".
    if token.endswith("e") and len(token) > 3:
        token = token[:-1]
    return token


def _verb_stem(token: str) -> str:
    """ "burning"/"burned" -> "burn", "stopped" -> "stop", "carried" -> "carry", "fired" -> "fir"
    (as "fire" gives, once its "e" goes). Stems shorter than four letters are left alone:
    "spring", "being", "red" keep their endings."""
    if token.endswith("ied") and len(token) > 5:
        return token[:-3] + "y"
    if token.endswith("ing") and len(token) > 6:
        token = token[:-3]
    elif token.endswith("ed") and len(token) > 5 and not token.endswith("eed"):
        token = token[:-2]
    else:
        return token
    if token[-1] == token[-2] and token[-1] in "bdgmnprt":
        token = token[:-1]  # "stopped" -> "stop", "planning" -> "plan" ("killed" keeps its "ll")
    return token


def _raw_tokens(text: str) -> list[str]:
    folded = fold(text)
    if _SYMBOLS.search(folded):
        folded = _SYMBOLS.sub(_spell_currency, folded)
    # Each rewrite only where its characters occur: every fact's text and context pass through here.
    if _APOSTROPHE.search(folded):
        folded = _POSSESSIVE.sub(r"\1", folded)
        folded = _APOSTROPHE.sub("", folded)
    if _GROUPED_DIGITS.search(folded):
        folded = _DIGIT_GROUP.sub("", folded)  # "1,000" and "1000" are one number
    return _TOKEN.findall(folded)


@functools.lru_cache(maxsize=1 << 16)  # a pure function, and news repeats its words
def normalize_token(token: str) -> str:
    """One folded token as it is indexed: spelling variants merged, endings stripped, a currency
    code as its word ("eur" -> "euro")."""
    return singular(_currencies().get(token) or fold_name_spelling(token))


@functools.cache
def _part_forms() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(part, the endings a compound with it has, singular and plural) of each word part."""
    return tuple((part, (part, part + "s", part + "es")) for part in sorted(word_set("search_word_parts")))


@functools.lru_cache(maxsize=1 << 16)
def word_parts(token: str) -> tuple[str, ...]:
    """The index tokens of the parts a folded word ends in: "wildfires" -> the token of "fire".

    A part needs three letters before it ("wildfire", not "afire"); a hyphenated compound is two
    words already. The exceptions list holds compounds whose last part means something else.
    """
    found: list[str] = []
    for part, endings in _part_forms():
        if not token.endswith(endings):
            continue
        whole = token if token.endswith(part) else token[: token.rfind(part) + len(part)]
        if len(whole) >= len(part) + 3 and whole not in word_set("search_part_exceptions"):
            found.append(normalize_token(part))
    return tuple(found)


@functools.lru_cache(maxsize=1 << 16)
def _index_forms(raw: str) -> tuple[str, ...]:
    parts = word_parts(raw)
    whole = normalize_token(raw)
    return (whole, *(p for p in parts if p != whole))


def tokens(text: str) -> list[str]:
    """The index tokens of a text, in order: each word's, and its parts' right after it."""
    return [t for raw in _raw_tokens(text) for t in _index_forms(raw)]


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
    """The tokens a search must all find (AND); stopwords dropped unless nothing else is left
    ("WHO"), fillers ("and", "the") always. None: nothing to search for (handlers.query refuses
    such a query before it gets here)."""
    raw = [t for term in terms for t in _raw_tokens(term)]
    meaningful = [t for t in raw if t not in QUERY_STOPWORDS]
    if not meaningful:
        fillers = word_set("search_fillers")
        meaningful = [t for t in raw if t not in fillers]
    return list(dict.fromkeys(normalize_token(t) for t in meaningful))  # unique, order kept


def name_key(name: str) -> str:
    """How a person's name or alias is looked up: folded, name spellings merged, no stemming.

    "Volodymyr Zelenskyy" and "volodymyr zelensky" share a key; so do "Andrii" and "Andriy".
    """
    return " ".join(fold_name_spelling(t) for t in _raw_tokens(name))


def surname_key(key: str) -> str:
    """The last word of a `name_key`: what a lone surname ("Lagarde") is looked up by."""
    return key.rsplit(" ", 1)[-1]
