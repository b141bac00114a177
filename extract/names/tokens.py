"""Capitalised token runs: the raw material of name recognition."""

from __future__ import annotations

import re
from typing import NamedTuple

from extract.lexicons import table

# Upper-case letters of Latin, Greek and Cyrillic scripts (re has no \p{Lu}).
_UPPER = "".join(
    chr(c)
    for r in ((0x41, 0x5B), (0xC0, 0x250), (0x370, 0x400), (0x400, 0x530))
    for c in range(*r)
    if chr(c).isupper()
)
_U = re.escape(_UPPER)
_ABBREV = (
    r"(?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Prof|St|Jr|Sr|Rev|Hon|Maj|Cmdr|Pres|Gens"
    r"|Supt|Det)\."
)
# A web name is one word: "GreatFire.org", "Amazon.com".
_WEB = r"(?:\.(?:com|org|net|gov|edu|io)\b)?"
_TOKEN = rf"(?:{_ABBREV}|(?:[{_U}]\.){{2,}}|[{_U}]\.(?=[ \u00a0][{_U}])|[{_U}][\w’'\-]*{_WEB})"
_PARTICLE = r"(?:of|de|da|di|del|della|der|den|van|von|du|la|le|bin|ibn|al|el|dos|das|y|the)"
# Every token starts with a capital: the lookahead fails fast on the other characters, which halves the
# cost of the scan (the lookbehind and the token alternation were tried at every position).
CAPITALISED_RUN = re.compile(
    rf"(?=[{_U}])(?<![\w’'\-]){_TOKEN}(?:[ \u00a0](?:{_PARTICLE}[ \u00a0])*{_TOKEN})*"
)

# Capitalised words that open sentences or headlines but are not names.
STOP_CAPITALISED = frozenset(
    """the a an but and or nor in on at for from by with as if when while this that these those his her
    their its our my your there here it he she they we i you me him them us after before since during
    then now later earlier meanwhile however also so yet not no some many most other others still both
    all every each what who whom whose why how where which will would could should can may might must do
    does did is are was were be been has have had said says according despite although though because
    even just only more less to of into over under about against between among through without within
    upon once again already perhaps maybe today yesterday tomorrow tonight last next old first second
    third one two three four five six seven eight nine ten several few monday tuesday wednesday thursday
    friday saturday sunday january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec read watch click see follow share like
    subscribe photo video image update updated breaking exclusive opinion analysis editor's note yes
    well oh please thank thanks sorry let's don't i'm it's that's there's here's what's we're they're
    you're i've we've democratic republican conservative liberal libertarian progressive instead having
    following given asked speaking details whether unless until former""".split()
)
STOP_CAPITALISED = STOP_CAPITALISED | frozenset(w.replace("'", "’") for w in STOP_CAPITALISED)

# Honorifics and the gender they give ("mrs." -> "f", "dr." -> ""): `lexicons/honorifics.tsv`.
HONORIFIC_GENDER: dict[str, str] = {row[0].lower(): row[1].replace("?", "") for row in table("honorifics")}


class Token(NamedTuple):
    """A word of a capitalised run, with its offsets."""

    text: str
    start: int
    end: int
    lower: str
    bare: str  # lower case, without a possessive "’s"


def tokens_of(run: str, offset: int) -> list[Token]:
    """The words of a capitalised run that starts at `offset` in the text."""
    # str.split is several times faster than a regex per run, and runs are found for every capitalised
    # word of every article; words are separated by spaces and no-break spaces only
    out = []
    pos = offset
    for t in (run.replace("\u00a0", " ") if "\u00a0" in run else run).split(" "):
        if t:
            low = t.lower()
            bare = low[:-2] if low.endswith(("’s", "'s")) else low.rstrip("’'")
            out.append(Token(t, pos, pos + len(t), low, bare))
        pos += len(t) + 1
    return out


def split_possessives(tokens: list[Token]) -> list[list[Token]]:
    """Cut a run after each possessive ("Ukraine’s Foreign Minister X" -> "Ukraine", "Foreign Minister X");
    the possessive itself loses its "’s"."""
    groups: list[list[Token]] = []
    cur: list[Token] = []
    for t in tokens:
        if t.lower.endswith(("’s", "'s")) or (t.lower.endswith(("s’", "s'")) and len(t.text) > 3):
            cut = 2 if t.lower.endswith(("’s", "'s")) else 1
            cur.append(Token(t.text[:-cut], t.start, t.end - cut, t.lower[:-cut], t.bare))
            groups.append(cur)
            cur = []
        else:
            cur.append(t)
    if cur:
        groups.append(cur)
    return groups
