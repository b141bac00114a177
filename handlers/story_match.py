"""Whether two reported events are the same happening: features, a score, and the reasons for it.

Pure functions, no storage. A happening is roughly *what* (the kind of event and its key words),
*when* (a compatible date) and *who/where* (actors and places). Two reports of one happening
rarely share their wording ("Russia launched its largest assault" vs "the Sept. 7 strikes"), so
the words are reduced first: plural and verb endings stripped, demonyms folded to their country,
and the verbs and nouns news uses for the same kind of happening (attack/assault/strike/
bombardment) folded to one class word.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from extract.names.roles import role_nouns, role_qualifiers, titles
from extract.timex.dates import date_range
from handlers.story_lexicon import (
    CLASS_OF,
    COUNTRY_KEYS,
    DEMONYMS,
    GENERIC_ACTORS,
    SEATS,
    STOPWORDS,
    WEAK_KIND_WORDS,
)

_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)

# Weights of the evidence, and the score from which two reports are one happening.
W_KIND = 0.35
W_NAMES = 0.40
W_TERMS = 0.25
SAME_ARTICLE_NEARBY = 0.2
MERGE_THRESHOLD = 0.5
NEARBY_CHARS = 400


@dataclass(frozen=True)
class EventFeatures:
    """What a report says about its happening, reduced for comparison."""

    start: date
    end: date
    kinds: frozenset[str]
    names: frozenset[str]
    terms: frozenset[str]
    article_id: int | None = None
    offset: int | None = None
    vague_kinds: bool = False  # the kinds come only from words that can mean several things
    # Derived from `names`, once a report: ingest compares each report with ~25 others.
    proper_names: frozenset[str] = field(init=False, repr=False, compare=False)  # more than a country
    names_weight: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "proper_names", self.names - COUNTRY_KEYS)
        object.__setattr__(self, "names_weight", _names_weight(self.names))


@dataclass(frozen=True)
class MatchScore:
    """How alike two reports are, and why: stored with the merge so an admin can judge it."""

    score: float
    same_date: bool
    kinds: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    nearby: bool = False

    @property
    def merges(self) -> bool:
        return self.score >= MERGE_THRESHOLD

    def explain(self) -> dict[str, object]:
        """The reasons as plain data (stored as JSON)."""
        return {
            "score": round(self.score, 3),
            "same_date": self.same_date,
            "kinds": list(self.kinds),
            "names": list(self.names),
            "terms": list(self.terms),
            "same_article_nearby": self.nearby,
        }


def fold(text: str) -> str:
    """Lower case without accents."""
    if text.isascii():
        return text.lower()  # the same for ASCII, ~200 times faster: a timeline folds 500 summaries
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=1 << 16)  # news repeats its words: a timeline stems 500 summaries
def stem(word: str) -> str:
    """A crude English stem: enough to make 'strikes'/'strike', 'targeted'/'target', 'killed'/'kill' meet."""
    w = word.strip("'’.-").replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            base = w[: len(w) - len(suffix)] + repl
            if suffix in ("ing", "ed") and len(base) > 3 and base[-1] == base[-2] and base[-1] in "bdgmnprt":
                base = base[:-1]  # "targetted" -> "target", "bombed" stays "bomb"
            if suffix == "es" and not base.endswith(("sh", "ch", "x", "ss", "z")):
                base = w[:-1]  # "strikes" -> "strike", "taxes" -> "tax"
            return base
    return w


def name_key(name: str) -> str:
    """A name as compared: folded, "the" dropped, demonyms as their country."""
    words = [w for w in re.findall(r"[\w.]+", fold(name)) if w not in ("the", "of")]
    key = " ".join(words).replace(".", "")
    return DEMONYMS.get(key, DEMONYMS.get(key + ".", key))


def _kind_of(word: str) -> frozenset[str]:
    if word in CLASS_OF:
        return CLASS_OF[word]
    if "-" in word:  # "hurricane-force", "air-raid": the parts name the kind
        return frozenset().union(*(_kind_of(part) for part in word.split("-") if part))
    kinds = CLASS_OF.get(stem(word)) or CLASS_OF.get(stem(word) + "e") or frozenset()
    if word.endswith(("ed", "ing")):
        # Troops "fired" rockets and "firing" is shooting: only the noun "fire" is a blaze.
        kinds -= {"fire"}
    return kinds


def _role_word(word: str) -> bool:
    return word in titles() or word in role_qualifiers() or word in role_nouns()


# Ingest computes the features of ~70 stored reports an article, naming the same people and
# places again and again: a name's keys, and what a word is, are looked up once each.
@functools.lru_cache(maxsize=1 << 14)
def _name_keys(name: str) -> frozenset[str]:
    """A name's keys: the whole name, a person's surname, and the country a seat of power stands for."""
    words = [w for w in name_key(name).split() if not _role_word(w)]
    if " ".join(words) in GENERIC_ACTORS:
        return frozenset()  # "Police" or "the army" take part in many happenings: they identify none
    keys = {DEMONYMS.get(" ".join(words), " ".join(words))} if words else set()
    if len(words) > 1:
        keys.add(words[-1])  # "Volodymyr Zelensky" and "Zelensky" meet on the surname
    keys |= {SEATS[k] for k in list(keys) if k in SEATS}
    keys.discard("")
    return frozenset(keys)


@dataclass(frozen=True)
class _Word:
    """What a folded word is to matching."""

    demonym: str | None  # the country it is the adjective of
    role: bool  # a title or role ("minister"): never a name or a key word
    stop: bool
    kind: frozenset[str]  # the kinds of happening it names
    stem: str


@functools.lru_cache(maxsize=1 << 16)
def _word(word: str) -> _Word:
    return _Word(
        demonym=_demonym(word),
        role=_role_word(word),
        stop=word in STOPWORDS,
        kind=_kind_of(word),
        stem=stem(word),
    )


@functools.lru_cache(maxsize=1 << 16)
def _read_word(raw: str) -> tuple[str, bool, _Word]:
    """A word as written -> (folded, without any possessive "'s"; whether it had one; what it is)."""
    word = fold(raw).strip("'’.-").replace("’", "'")
    possessive = word.endswith("'s")
    word = word[:-2] if possessive else word
    return word, possessive, _word(word)


def _demonym(word: str) -> str | None:
    """The country a nationality adjective names: "russian" -> "russia", "merovian" -> "merovia"."""
    if word in DEMONYMS:
        return DEMONYMS[word]
    # An unknown "-ian" adjective most often names its "-ia" country.
    return word[:-1] if word.endswith("ian") and len(word) > 6 else None


def _sentence_initial(text: str, at: int) -> bool:
    i = at - 1  # back over spaces, quotes and brackets (not a copy of the text before each capital)
    while i >= 0 and text[i] in " \"'“‘(":
        i -= 1
    return i < 0 or text[i] in ".!?:—–-"


def features(
    value: str,
    summary: str,
    actors: Iterable[str] = (),
    places: Iterable[str] = (),
    *,
    article_id: int | None = None,
    offset: int | None = None,
) -> EventFeatures:
    """The comparable features of one report: its date span, kinds of happening, names and key words."""
    span = date_range(value)
    if span is None:
        raise ValueError(f"not an event date: {value!r}")
    names: set[str] = set()
    for n in (*actors, *places):
        names |= _name_keys(n)
    name_words = {w for n in names for w in n.split()}
    kinds: set[str] = set()
    weak: set[str] = set()  # kinds named only by words that can mean several
    terms: set[str] = set()
    run: list[str] = []  # capitalised words mid-sentence: most likely one name
    for match in _WORD.finditer(summary):
        raw = match.group()
        word, possessive, what = _read_word(raw)
        # Mid-sentence capitals are names; so is a sentence-initial one that owns something ("Merovia's").
        capital = raw[:1].isupper() and (possessive or not _sentence_initial(summary, match.start()))
        if capital and not what.demonym and not what.role and not what.stop:
            run.append(word)
            continue
        if run:
            names |= _name_keys(" ".join(run))
            run = []
        if len(word) < 3 or what.stop or what.role:
            continue
        country = what.demonym if raw[:1].isupper() or word in DEMONYMS else None
        if country:
            names.add(country)
            continue
        if what.kind:
            (weak if len(what.kind) > 1 or word in WEAK_KIND_WORDS else kinds).update(what.kind)
            continue
        if what.stem not in name_words and word not in name_words:
            terms.add(what.stem)
    if run:
        names |= _name_keys(" ".join(run))
    return EventFeatures(
        start=span[0],
        end=span[1],
        kinds=frozenset(kinds or weak),
        vague_kinds=not kinds,
        names=frozenset(names),
        terms=frozenset(terms),
        article_id=article_id,
        offset=offset,
    )


def _overlap(a: frozenset[str], b: frozenset[str], floor: int) -> tuple[float, frozenset[str]]:
    shared = a & b
    if not shared:
        return 0.0, shared
    return min(1.0, len(shared) / max(floor, min(len(a), len(b)))), shared


def _names_weight(names: frozenset[str]) -> float:
    # A country is named in most of its news: sharing one is weaker evidence (0.5) than sharing a
    # person or a town (1). Counted by set operations: this runs for most pairs ingest compares.
    return len(names) - 0.5 * len(names & COUNTRY_KEYS)


def dates_compatible(a: EventFeatures, b: EventFeatures) -> bool:
    """The spans overlap: the same day, or a month/year that contains the other's day."""
    return a.start <= b.end and b.start <= a.end


class _Assessment(NamedTuple):
    """A score and what it rests on, before the reasons are written out (only the best one's are).

    A tuple, not a frozen dataclass: ingest assesses ~100 pairs an article, and only keeps one.
    """

    score: float
    same_date: bool
    nearby: bool
    kinds: frozenset[str]
    names: frozenset[str]
    terms: frozenset[str]

    def reasons(self) -> MatchScore:
        return MatchScore(
            score=self.score,
            same_date=self.same_date,
            kinds=tuple(sorted(self.kinds)),
            names=tuple(sorted(self.names)),
            terms=tuple(sorted(self.terms)),
            nearby=self.nearby,
        )


def score(a: EventFeatures, b: EventFeatures) -> MatchScore:
    """How likely `a` and `b` report one happening (0..1, merge from MERGE_THRESHOLD), with the reasons.

    Both naming someone or somewhere with nobody in common, or both naming a kind of happening with
    none in common, halves the score: two happenings side by side, whatever their words share.
    """
    if not dates_compatible(a, b):
        return MatchScore(score=0.0, same_date=False)
    return _assess(a, b).reasons()


def _assess(a: EventFeatures, b: EventFeatures) -> _Assessment:
    # The two spans are compatible (the caller checked). Ingest assesses ~120 pairs an article: the
    # overlaps are written out here, not called as helpers, which took a third of the time.
    same_date = a.start == b.start and a.end == b.end
    kinds = a.kinds & b.kinds
    kind = min(1.0, len(kinds) / max(1, min(len(a.kinds), len(b.kinds)))) if kinds else 0.0
    names = a.names & b.names
    name = min(1.0, _names_weight(names) / max(2.0, min(a.names_weight, b.names_weight))) if names else 0.0
    terms = a.terms & b.terms
    term = min(1.0, len(terms) / max(4, min(len(a.terms), len(b.terms)))) if terms else 0.0
    nearby = (
        a.article_id is not None
        and a.article_id == b.article_id
        and a.offset is not None
        and b.offset is not None
        and abs(a.offset - b.offset) <= NEARBY_CHARS
    )
    if not a.kinds and not b.kinds:
        kind = term  # no kind of happening named on either side: the key words have to say what
    elif not kinds and (not a.kinds or not b.kinds or a.vague_kinds or b.vague_kinds):
        # One side names no kind we know ("walked off the job"): neither for nor against, so the key
        # words count for half of it.
        kind = 0.5 * term
    if not a.names and not b.names:
        # Nobody named on either side: the key words are all there is (a short sentence has few).
        term, terms = _overlap(a.terms, b.terms, min(4, max(len(a.terms), len(b.terms), 1)))
        name = term
    total = W_KIND * kind + W_NAMES * name + W_TERMS * term
    if not a.names and not b.names and not nearby:
        # Barely over the line at most: a report's own lead sentence nearby must win over a look-alike.
        total = min(total, MERGE_THRESHOLD)
    if nearby and same_date:
        total += SAME_ARTICLE_NEARBY
    kinds_clash = bool(a.kinds and b.kinds and not kinds and not (a.vague_kinds or b.vague_kinds))
    # Both name someone or somewhere (more than a country) and none in common: two happenings side by side.
    names_clash = bool(a.proper_names and b.proper_names and a.proper_names.isdisjoint(b.proper_names))
    if names_clash or kinds_clash:
        total *= 0.5
    elif not nearby and bool(a.names) != bool(b.names):
        # Nobody and nowhere named on one side: the words alone could fit any happening of that kind.
        total *= 0.8
    if not same_date:
        # A month-wide date may hold many happenings: ask for more before joining a precise day.
        total *= 0.8
    # Built as a plain tuple: the named constructor is a Python call of its own.
    return tuple.__new__(_Assessment, (round(min(total, 1.0), 4), same_date, nearby, kinds, names, terms))


def best_match(
    event: EventFeatures, candidates: Sequence[tuple[int, Sequence[EventFeatures]]]
) -> tuple[int, MatchScore] | None:
    """The candidate story (id, member features) the event belongs to, best score first; None if none."""
    best: tuple[int, _Assessment] | None = None
    for story_id, members in candidates:
        for member in members:
            if not _may_merge(event, member):
                continue
            s = _assess(event, member)
            if s.score >= MERGE_THRESHOLD and (
                best is None or (s.score, s.nearby) > (best[1].score, best[1].nearby)
            ):
                best = (story_id, s)
    return None if best is None else (best[0], best[1].reasons())


def match_keys(f: EventFeatures) -> list[str]:
    """What a report can be found by when a later report looks for its story: its names and key words.

    Two reports that share none of these score 0 unless they sit side by side in one article
    (`_may_merge`), so a store can index members by these keys and hand back only the ones worth
    scoring. Names and words are kept apart ("n:", "t:"): a name in one report and the same word
    used as a plain word in another is not shared evidence.
    """
    return sorted({f"n:{n}" for n in f.names} | {f"t:{t}" for t in f.terms})


def _may_merge(a: EventFeatures, b: EventFeatures) -> bool:
    # Ingest scores every new report against ~400 stored ones: most share no date, or no kind, name
    # or word, and then `score` is 0 unless they are side by side in one article. Same answer, sooner.
    if not (a.start <= b.end and b.start <= a.end):  # dates_compatible, written out: a call a pair
        return False
    if a.article_id is not None and a.article_id == b.article_id:
        return True
    return not (a.kinds.isdisjoint(b.kinds) and a.names.isdisjoint(b.names) and a.terms.isdisjoint(b.terms))
