"""What the words around a number say about it: bounds, changes, and signs that it is no figure
(a date, a time, an ordinal, an identifier such as "Boeing 737" or "Article 5", part of a URL)."""

from __future__ import annotations

import re

from extract.models import Bound, Change

_BOUNDS: dict[str, Bound] = {
    "more than": ">",
    "over": ">",
    "above": ">",
    "greater than": ">",
    "in excess of": ">",
    "exceeding": ">",
    "upwards of": ">",
    "north of": ">",
    "at least": ">=",
    "no fewer than": ">=",
    "no less than": ">=",
    "a minimum of": ">=",
    "up to": "<=",
    "as many as": "<=",
    "as much as": "<=",
    "no more than": "<=",
    "a maximum of": "<=",
    "at most": "<=",
    "nearly": "<",
    "almost": "<",
    "under": "<",
    "less than": "<",
    "fewer than": "<",
    "below": "<",
    "just under": "<",
    "just shy of": "<",
    "around": "~",
    "about": "~",
    "some": "~",
    "approximately": "~",
    "roughly": "~",
    "an estimated": "~",
    "estimated": "~",
    "close to": "~",
    "approx.": "~",
    "circa": "~",
    "~": "~",
    "an average of": "~",
    "on the order of": "~",
}
_BOUND_WORDS = "|".join(re.escape(b).replace(r"\ ", r"\s+") for b in sorted(_BOUNDS, key=len, reverse=True))
_BOUND_BEFORE = re.compile(
    rf"(?i)(?:(?<![\w-])(?:just|well|slightly|a\s+little|only)\s+)?(?<![\w-])(?P<b>{_BOUND_WORDS})\s*$"
)
_BOUND_AFTER = re.compile(
    r"(?i)[^\S\r\n]?(?:-[^\S\r\n]?)?(?:(?P<ge>or\s+more|or\s+above|and\s+up)|(?P<approx>or\s+so)"
    r"|(?P<gt>plus|\+))(?![\w+])"
)

_UP = (
    r"rose|rise|rises|rising|risen|increased|increases|increasing|climbed|climbs|climbing|jumped|jumps"
    r"|gained|gains|grew|grows|growing|surged|surges|soared|soars|advanced|advances|up|higher|boosted"
    r"|rebounded|spiked|added"
)
_DOWN = (
    r"fell|falls|falling|fallen|dropped|drops|dropping|declined|declines|declining|decreased|decreases"
    r"|slid|slides|sank|sinks|sunk|tumbled|tumbles|plunged|plunges|slumped|slumps|down|lower|shed|sheds"
    r"|dipped|dips|eased|eases|slipped|slips|contracted|shrank|shrunk|plummeted|retreated|lost|off|cut"
)
CHANGE_UP, CHANGE_DOWN = _UP, _DOWN
_CHANGE_BEFORE = re.compile(
    rf"(?i)(?<![\w-])(?:(?P<up>{_UP})|(?P<down>{_DOWN}))(?:\s+by)?(?:\s+an?\s+(?:further|additional|extra))?\s+$"
)
# The last word of each phrase the two patterns above end with.
_BOUND_ENDINGS = tuple(sorted({b.split()[-1] for b in _BOUNDS}))
_CHANGE_ENDINGS = tuple(sorted(set(f"{_UP}|{_DOWN}".split("|")) | {"by", "further", "additional", "extra"}))
_CHANGE_AFTER = re.compile(
    r"(?i)[^\S\r\n]+(?:(?P<up>increase|rise|gain|jump|hike|surge|climb|growth)"
    r"|(?P<down>drop|decline|fall|decrease|cut|reduction|slide|plunge|loss|slump))(?!\w)"
)

_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_MONTH_BEFORE = re.compile(rf"(?i)(?<![\w])(?:{_MONTH})\.?,?\s*$")
# the spaces before and after an ordinal suffix are one run when there is none: written as two
# optional runs, a long run of spaces after a number was split every way before failing (quadratic)
_MONTH_AFTER = re.compile(
    rf"[^\S\r\n]*(?:(?:st|nd|rd|th)[^\S\r\n]*)?(?:of[^\S\r\n]+)?(?:(?i:{_MONTH})(?![\w])\.?)"
)
_DAY_WORDS = re.compile(r"(?i)(?:on|since|until|till|from|by|of|before|after)\s+$")
_NOT_A_NUMBER_AFTER = re.compile(
    r"(?:st|nd|rd|th|s|'s|’s)(?!\w)|\s?(?:[aApP]\.?[mM]\.?(?!\w)|o['’]clock)|[:.,/]\d"
)
_PREVIOUS_WORD = re.compile(r"([A-Za-z][\w.&'’-]*)[^\S\r\n]*(?:[-#][^\S\r\n]*)?$")
_ID_NOUNS = frozenset(
    """article articles section sections resolution no no. nos. number num. page pages p. pp. chapter room
    flight route highway interstate exit level phase category class type model version item rule
    paragraph clause amendment gate platform row channel lot grade stage season episode round district
    precinct ward apartment apt. suite volume vol. fig. division squadron brigade battalion regiment
    pier berth lane block sector zone tier protocol prop. game""".split()
)
# Capitalised words that often stand before a count without naming a thing ("All 70 of us").
_CAPITALISED_OK = frozenset(
    """all only just some the these those another with and but of nearly almost over about around roughly
    about another its their his her our my your his by in on at for from to after before since during
    killing killed including included and or plus than another every least most""".split()
)
_TOKEN_AROUND = re.compile(r"\S*$")
_TOKEN_AHEAD = re.compile(r"\S*")
_WEB = re.compile(r"://|www\.|@|#|=|\.(?:com|org|net|gov|edu|html?|php|io)\b|pic\.twitter", re.IGNORECASE)


def may_end_with(text: str, start: int, endings: tuple[str, ...]) -> bool:
    """False only where the last word before `start` cannot end with one of `endings` (lower case).

    The searches for words anchored at `start` try the regex at every one of 40 characters before it,
    for every number in the text; most numbers have no bound or change word before them at all. A plain
    ASCII word compares lower-cased exactly as the case-insensitive regex would; any other goes to it.
    """
    words = text[max(0, start - 40) : start].rsplit(None, 1)
    if not words:
        return False
    last = words[-1]
    return not last.isascii() or last.lower().endswith(endings)


_SPACES = re.compile(r"\s+")


def bound_before(text: str, start: int) -> tuple[Bound, int] | None:
    """The bound words right before `start` ("more than", "at least") and where they begin."""
    if not may_end_with(text, start, _BOUND_ENDINGS):
        return None
    m = _BOUND_BEFORE.search(text, max(0, start - 40), start)
    if not m:
        return None
    key = _SPACES.sub(" ", m.group("b").lower())
    return _BOUNDS[key], m.start()


def bound_after(text: str, end: int) -> tuple[Bound, int] | None:
    """ "or more", "or so", "-plus" right after a figure."""
    m = _BOUND_AFTER.match(text, end)
    if not m:
        return None
    bound: Bound = ">=" if m.group("ge") else "~" if m.group("approx") else ">"
    return bound, m.end()


def change_before(text: str, start: int) -> tuple[Change, int] | None:
    """A verb of change right before the figure ("rose 5%", "down 2%") and where it begins."""
    if not may_end_with(text, start, _CHANGE_ENDINGS):
        return None
    m = _CHANGE_BEFORE.search(text, max(0, start - 40), start)
    if not m:
        return None
    return ("up" if m.group("up") else "down"), m.start()


def change_after(text: str, end: int) -> Change | None:
    """A noun of change right after the figure ("a 5% increase")."""
    m = _CHANGE_AFTER.match(text, end)
    if not m:
        return None
    return "up" if m.group("up") else "down"


def is_date_part(text: str, start: int, end: int, value: float) -> bool:
    """Day numbers next to a month name: "Sept. 7", "August 28,", "7 September", "on 1 may"."""
    if not (1 <= value <= 31 and value == int(value)):
        return False
    if _MONTH_BEFORE.search(text, max(0, start - 12), start):
        return True
    m = _MONTH_AFTER.match(text, end)
    if not m:
        return False
    month = m.group().strip().lower()
    if month.startswith(("may", "mar")) and not text[end : m.end()].strip()[:1].isupper():
        return bool(_DAY_WORDS.search(text, max(0, start - 8), start))
    return True


def is_not_a_number(text: str, end: int) -> bool:
    """Ordinals, decades, times of day, versions and ids: "2nd", "1990s", "3 p.m.", "2.0.1", "555-1234"."""
    return bool(_NOT_A_NUMBER_AFTER.match(text, end))


def is_identifier(text: str, start: int) -> bool:
    """Numbers that name rather than count: "Boeing 737", "Article 5", "No. 10", "iPhone 15"."""
    if start and text[start - 1] in "#":
        return True
    m = _PREVIOUS_WORD.search(text, max(0, start - 30), start)
    if not m:
        return False
    word = m.group(1)
    low = word.lower()
    if low in _ID_NOUNS or low.rstrip(".") in _ID_NOUNS:
        return True
    if low in _CAPITALISED_OK or low.endswith(("'s", "’s")):
        return False
    if word[0].isupper() or any(c.isupper() for c in word[1:]):
        return not _sentence_initial(text, m.start(1))
    return False


def _sentence_initial(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\"'“‘«([":
        i -= 1
    return i < 0 or text[i] in ".!?:;\n—–"


def in_web_token(text: str, start: int, end: int) -> bool:
    """Numbers inside URLs, handles, hashtags and e-mail addresses."""
    alone_left = start == 0 or text[start - 1] in ' \n\t("“$€£'
    if alone_left and (end == len(text) or text[end] in ' \n\t,;)"”%'):
        return False  # a number standing alone between spaces is no part of a web token
    left = _TOKEN_AROUND.search(text, max(0, start - 80), start)
    right = _TOKEN_AHEAD.match(text, end, min(len(text), end + 80))
    token = (left.group() if left else "") + text[start:end] + (right.group() if right else "")
    return bool(_WEB.search(token))


__all__ = [
    "bound_after",
    "bound_before",
    "change_after",
    "change_before",
    "in_web_token",
    "is_date_part",
    "is_identifier",
    "is_not_a_number",
    "may_end_with",
]
