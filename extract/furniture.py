"""Page furniture: lines of a news page that are not the article (captions, credits, photo counters,
"ALSO READ:" and share labels, lists of related stories).

`blank_furniture` replaces each such line by spaces of the same length, so every offset into the
text stays valid and every extractor skips the line. `drop_furniture` removes the lines outright
(for text that has no offsets yet, such as a page just turned into text). Each rule is declared
with a name and examples (line, is it furniture?); labels are data in lexicons/furniture_*.txt.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from extract.lexicons import word_set, words

_LINE = re.compile(r"[^\n]+")
_COUNTER = re.compile(r"(?:(?:photo|image|picture|slide|video)\s+)?\d{1,3}\s+of\s+\d{1,3}\.?", re.I)
# "(AP Photo/Jane Roe)", "(File 2013/The Associated Press)", "(Photo: Jane Roe)", "REUTERS/Jane Roe"
_AGENCY = r"(?:AP|AFP|Reuters|REUTERS|Getty|Images|Associated Press|Photo|File|Courtesy|Handout|Staff|Pool)"
_CREDIT = re.compile(
    rf"\((?=[^()]*{_AGENCY})[^()]*(?:/|:)[^()]*\)|\b(?:REUTERS|AFP|EPA|AP)\s*/\s*[A-Z]"
    r"|\bPhoto(?:graph)?(?: by|:)\s+[A-Z]|\bPhoto illustration\b"
    r"|\bin this (?:file )?(?:picture|photo) illustration\b"
)
# the literals one of which a line must hold for _CREDIT to match: most lines skip the search
_CREDIT_HINT = re.compile(r"[(/]|[Pp]hoto|picture")
# a short line ending in a credit: "Firefighters at the scene. Jane Roe/for The Daily Planet"
_TRAILING_CREDIT = re.compile(
    r"(?:^|[.!?”\"]\s+)[A-Z][a-z][\w.'’-]*(?:\s+[A-Z][\w.'’-]+){1,3}\s*/\s*(?:for\s+)?(?:the\s+)?"
    r"[A-Z][\w&.'’ -]{1,40}$"
)
_CAPTION_OPENER = re.compile(
    r"(?:In this|This)\s+(?:\w+\s+){0,2}(?:photo|image|picture|handout|file)\b", re.I
)
_POSITION = re.compile(r"\((?:far |second from |from )?(?:left|right|center|centre|top|bottom|L-R)\)")
_FINAL_STOP = '.!?"”’»)…'
_WORDS = re.compile(r"[\w'’&+-]+")
_MAX_SHORT = 80
_MAX_LIST_ITEM = 120
_MAX_CAPTION = 450


@dataclass(frozen=True, slots=True)
class FurnitureRule:
    name: str
    doc: str
    applies: Callable[[str], bool]  # on a stripped line
    examples: tuple[tuple[str, object], ...] = ()


@cache
def _labels() -> tuple[str, ...]:
    return tuple(w.lower() for w in words("furniture_labels"))


@cache
def _list_openers() -> tuple[str, ...]:
    return tuple(w.lower() for w in words("furniture_list_openers"))


def _label(line: str) -> bool:
    low = line[:40].lower()
    if not low.startswith(_labels()):
        return False
    for label in _labels():
        if low.startswith(label) and (label.endswith(":") or len(line) <= _MAX_SHORT):
            rest = low[len(label) : len(label) + 1]
            if not rest or not rest.isalnum() or label.endswith(":"):
                return True
    return False


def _share_row(line: str) -> bool:
    if len(line) > _MAX_SHORT:
        return False
    found = _WORDS.findall(line.lower())
    return (
        bool(found) and len(line) <= _MAX_SHORT and all(w in word_set("furniture_share_words") for w in found)
    )


def _caption(line: str) -> bool:
    if len(line) > _MAX_CAPTION:
        return False
    if _CAPTION_OPENER.match(line):
        return True
    if _CREDIT_HINT.search(line) and _CREDIT.search(line):
        return True
    return "(" in line and _POSITION.search(line) is not None


def _trailing_credit(line: str) -> bool:
    return len(line) <= 200 and "/" in line[-60:] and _TRAILING_CREDIT.search(line) is not None


RULES: tuple[FurnitureRule, ...] = (
    FurnitureRule(
        "photo_counter",
        "A gallery counter: '1 of 4.', 'Photo 3 of 12'.",
        lambda line: bool(_COUNTER.fullmatch(line)),
        (("1 of 4.", True), ("Photo 3 of 12", True), ("3 of the 12 crew survived.", False)),
    ),
    FurnitureRule(
        "label",
        "A line opened by a furniture label: 'ALSO READ:', 'Topics:', 'Share this', 'Sign up for'.",
        _label,
        (
            ("ALSO READ: Ten Towns Where Rents Fell", True),
            ("Topics: Harbours, Ferries, Lorvan", True),
            ("Sign up for our morning briefing", True),
            ("Related: Valdor council sacks its auditor", True),
            ("Sharesies, a broker, cut its fees on Monday.", False),
        ),
    ),
    FurnitureRule(
        "share_row",
        "A row of share buttons: 'Share Pin It', 'Facebook Twitter Email'.",
        _share_row,
        (("Share Pin It", True), ("Facebook", True), ("Twitter said it would appeal.", False)),
    ),
    FurnitureRule(
        "caption",
        "A photo caption: a credit in brackets, an 'In this photo' opener, a '(left)' position marker.",
        _caption,
        (
            ("Divers search the bay on Monday. (AP Photo/Jane Roe)", True),
            ("(File 2019/The Daily Planet) Ana Brito crosses the line in Lisbon.", True),
            ("In this photo released by Orel Films, Ivo Kranj appears in a scene.", True),
            ("Mayor Ivo Kranj (left) and Ana Brito open the bridge last week.", True),
            ("The mayor opened the bridge (which cost $4 million) last week.", False),
        ),
    ),
    FurnitureRule(
        "trailing_credit",
        "A short line ending in a photographer's credit: '... Jane Roe/for The Daily Planet'.",
        _trailing_credit,
        (
            ("Fans wait outside the stadium. Jane Roe/Valdor Times", True),
            ("Firefighters at the scene Sunday. Ivo Kranj/for The Daily Planet", True),
            ("The ratio rose to 3/4 last year.", False),
        ),
    ),
)


def _title_like(line: str) -> bool:
    """A headline-like line: short, no final stop, most long words capitalised."""
    if len(line) > _MAX_LIST_ITEM or line[-1] in _FINAL_STOP + ",;:" or line[-1].isdigit():
        return False
    if line.count(",") > 1 or ";" in line:
        return False  # a row of a listing ("Jan. 5-7: Boat Show, Civic Hall, 500"), not a headline
    every: list[str] = _WORDS.findall(line)
    found = [w for w in every if len(w) >= 4]
    if len(every) < 3 or not found:
        return False
    capitalised = sum(1 for w in found if w[0].isupper() or w[0].isdigit())
    return capitalised >= 0.7 * len(found)


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every furniture line of `text`, each line stripped of its outer spaces."""
    lines = []
    for m in _LINE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            lines.append((s, e))
    blank = [False] * len(lines)
    for k, (s, e) in enumerate(lines):
        line = text[s:e]
        if e - s > _MAX_CAPTION and not _label(line):
            continue  # a paragraph of the article: only a label can make it furniture
        if any(rule.applies(line) for rule in RULES):
            blank[k] = True
            if line.lower().startswith(_list_openers()):
                _blank_list(text, lines, blank, k + 1)
    _blank_headline_runs(text, lines, blank)
    return [span for span, b in zip(lines, blank, strict=True) if b]


def _blank_list(text: str, lines: list[tuple[int, int]], blank: list[bool], k: int) -> None:
    """After 'Related:' or 'Trending on...', the short lines without a final stop are the list."""
    while k < len(lines) and k < len(blank):
        s, e = lines[k]
        line = text[s:e]
        if len(line) > _MAX_LIST_ITEM or line[-1] in ".!?…":
            return
        blank[k] = True
        k += 1


def _blank_headline_runs(text: str, lines: list[tuple[int, int]], blank: list[bool]) -> None:
    """Three or more headline-like lines in a row are a list of other stories."""
    k = 0
    while k < len(lines):
        j = k
        while j < len(lines) and _title_like(text[lines[j][0] : lines[j][1]]):
            j += 1
        if j - k >= 3:
            for i in range(k, j):
                blank[i] = True
        k = max(j, k + 1)


def blank_furniture(text: str) -> str:
    """`text` with every furniture line replaced by spaces of the same length (offsets unchanged)."""
    if not text:
        return text
    spans = furniture_spans(text)
    if not spans:
        return text
    parts = []
    last = 0
    for s, e in spans:
        parts.append(text[last:s])
        parts.append(" " * (e - s))
        last = e
    parts.append(text[last:])
    return "".join(parts)


def drop_furniture(text: str) -> str:
    """`text` without its furniture lines (for text that has no offsets to keep yet)."""
    blanked = blank_furniture(text)
    if blanked is text:
        return text
    kept = [
        line
        for line, after in zip(text.split("\n"), blanked.split("\n"), strict=True)
        if after.strip() or not line.strip()
    ]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")


__all__ = ["RULES", "FurnitureRule", "blank_furniture", "drop_furniture", "furniture_spans"]
