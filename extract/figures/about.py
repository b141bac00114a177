"""What a figure is of, read from the words around it: ordered, named rules.

The local rules run while the figure is read (find.py): the counted noun ("35 missiles"), the
phrase after a money or measure figure ("$825 million arms package", "58 percent of women"), the
subject before a verb of change ("the S&P 500 traded up 0.09%") or before "worth"/"of". The rules
here run after them, on the sentence and the paragraph, where the local rules found nothing or
found only a word of a market report ("high", "volume"): the subject of a copula ("the Java Sea
is 100 metres deep"), a recipient ("$7,500 to Stand For Children"), the place a distance is from,
the company a market report is about, the title of a listing, the subject of the clause.
"""

from __future__ import annotations

import re

from extract.document import Document
from extract.figures.context import CHANGE_DOWN as _DOWN
from extract.figures.context import CHANGE_UP as _UP
from extract.figures.nouns import STOP_WORDS, is_plural_noun, subject_before
from extract.lexicons import word_set
from extract.models import Figure
from extract.rules import Rule, unique_names

RULES = (
    Rule(
        "counted_noun",
        "A count is of the noun it counts, with what completes it after: of-phrase, a second noun, "
        "'on board', a passive verb.",
        (
            ("Rebels fired 35 missiles.", "missiles"),
            ("The archive holds 9,000 reels of old film.", "reels of old film"),
            ("The ferry carried 80 passengers and crew.", "passengers and crew"),
            ("All 120 people on board survived.", "people on board"),
            ("Rescuers said 12 bodies had been recovered.", "bodies recovered"),
            ("She has 30 people in her lab.", "people in her lab"),
            ("Police thanked the 9,000 people who marched on Sunday.", "people who marched on Sunday"),
            ("These are the seven “pillars” of Kadoria.", "pillars of Kadoria"),
            ("The same four goals of the Velmar Reform League remain.", "goals of the Velmar Reform League"),
        ),
    ),
    Rule(
        "phrase_after",
        "Money or a measure is of the noun phrase after it, or after in/of/for/on.",
        (
            ("Lawmakers approved $1.7 billion for the Artemis programme.", "Artemis programme"),
            ("Some 58 percent of women disagreed.", "women"),
        ),
    ),
    Rule(
        "subject_of_change",
        "A change is of the subject of its verb, past a ticker and an auxiliary.",
        (
            ("The S&P 500 traded up 0.09% on Friday.", "S&P 500"),
            ("Fenwick Tools Inc. (NYSE: FWT) dropped about 6% on Monday.", "Fenwick Tools Inc."),
            ("Copper prices are down about 2%.", "Copper prices"),
        ),
    ),
    Rule(
        "subject_of_link",
        "A figure after worth/of/valued at is of the phrase before that word.",
        (("Lawmakers backed an aid bill worth $61 billion.", "aid bill"),),
    ),
    Rule(
        "subject_of_level",
        "A level reached after a verb of change and 'to' is of the subject of that verb.",
        (("Zinc futures slid to $2,400 a tonne.", "Zinc futures"),),
    ),
    Rule(
        "measured_noun",
        "A length before high/long/deep is of the noun right before it.",
        (("Crews faced waves up to four metres high.", "waves"),),
    ),
    Rule(
        "subject_of_copula",
        "A figure after is/was/totalled/lasted is of the subject of that verb.",
        (
            ("The Tarn Sea is less than 100 metres deep.", "Tarn Sea"),
            ("Turnout was 61 percent.", "Turnout"),
        ),
    ),
    Rule(
        "share_in_brackets",
        "A share in brackets is of the words just before the brackets.",
        (("Support is highest among the retired (71 percent).", "retired"),),
    ),
    Rule(
        "verb_before",
        "A measure after a verb and at/to is of that verb ('flying at 30,000 feet').",
        (("The jet was cruising at 35,000 feet.", "cruising"),),
    ),
    Rule(
        "recipient",
        "Money given to or for a named body is of that body.",
        (("The fund gave $7,500 to Riverside Food Bank.", "Riverside Food Bank"),),
    ),
    Rule(
        "distance_from",
        "A distance north/south/... of a place is the distance from that place.",
        (("The boat sank 40 miles east of Port Elden.", "distance from Port Elden"),),
    ),
    Rule(
        "restated",
        "The same quantity restated in another unit is of what the first one is of.",
        (("The jet cruised at 30,000 feet (9,144 metres).", "cruised"),),
    ),
    Rule(
        "company_of_report",
        "In a market report a price, volume or move without a company is of the company the "
        "paragraph reports on; 'the stock', 'its' stand for it.",
        (
            (
                "Gorvik Mining Corp. (NYSE: GVK) fell 4%. The stock's 52-week high is $12.10.",
                "Gorvik Mining Corp. 52-week high",
            ),
        ),
    ),
    Rule(
        "listing_title",
        "A price in a listing (title, author, publisher lines) is of the title on the first line.",
        (("The Salt Road\n\nAmy Tull\n\nHarbor Books, $17.99\n\nA review.", "The Salt Road"),),
    ),
    Rule(
        "clause_subject",
        "Money or a share with nothing else to say what it is of is of the named subject of the clause.",
        (("Ardent Health Partners paid $35 million on Monday.", "Ardent Health Partners"),),
    ),
)
unique_names(RULES)

_S = r"[^\S\r\n]"
_COPULA_BEFORE = re.compile(
    rf"(?i)(?<![\w-])(?:is|are|was|were|been|be|remains?|remained|totall?(?:ed|s)|stood{_S}+at"
    rf"|stands?{_S}+at|came{_S}+to|comes{_S}+to|amount(?:ed|s)?{_S}+to|last(?:s|ed)?|took|takes)"
    rf"(?:{_S}+(?:only|just|roughly|about|around|nearly|almost))?{_S}+$"
)
_LEVEL_BEFORE = re.compile(rf"(?i)(?<![\w-])(?:{_UP}|{_DOWN}|slid(?:ing)?|sliding|fallen|risen){_S}+to{_S}+$")
# "travelling at 32,000 feet", "permission to climb to 34,000 feet", "asked to fly at"
_VERB_AT = re.compile(
    rf"(?<![\w-])(?P<verb>(?:[a-z]+{_S}+to{_S}+)?[a-z]{{3,}}(?:ing|ed)?){_S}+(?:at|to){_S}+"
    rf"(?:(?:an?|the){_S}+(?:altitude|height|depth|speed){_S}+of{_S}+)?$"
)
_DIMENSION_AFTER = re.compile(rf"{_S}+(?:high|tall|long|wide|deep|thick)(?!\w)")
_BRACKET_SHARE = re.compile(rf"\((?:{_S}*(?:also|about|or|some|nearly|almost|just){_S}+)?$")
_RECIPIENT = re.compile(
    rf"(?:{_S}+each)?{_S}+(?:to|for){_S}+(?:the{_S}+)?"
    r"(?P<name>[A-Z][\w'’&.-]*(?:[^\S\r\n]+(?:(?:of|for|and|the|a|an|in|on|&|de|du)[^\S\r\n]+)*"
    r"[A-Z][\w'’&.-]*)*)"
)
_DIRECTION = re.compile(
    rf"{_S}+(?:(?:north|south)(?:-?(?:east|west))?|east|west|(?:north|south)?(?:east|west)ern)"
    rf"{_S}+of{_S}+(?P<place>(?:the{_S}+)?[A-Za-z][\w'’-]*(?:{_S}+[A-Z][\w'’-]*)*"
    rf"(?:{_S}+(?:most{_S}+)?recent{_S}+[a-z]+)?)"
)
_MONTHS = frozenset(
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
_LENGTHS = ("mile", "metre", "kilometre", "yard", "foot")


def refine(doc: Document, fig: Figure) -> Figure:
    """The figure with `about` (and `rule`) from the sentence and paragraph where needed."""
    if fig.unit is None and fig.about is None:
        return fig
    text = doc.text
    si = doc.sentence_at(fig.start)
    s_start, _ = doc.sentences[si] if doc.sentences else (0, len(text))
    p_start, p_end = doc.paragraphs[doc.sentence_paragraph[si]] if doc.paragraphs else (0, len(text))
    about, rule = fig.about, fig.rule
    if about and about.split()[0] in word_set("about_not_a_thing"):
        about, rule = None, None
    countable = fig.unit is not None and (fig.rule == "counted_noun")
    if countable and about:
        about = _counted_phrase(text, fig.end, about)
    dist = _DIRECTION.match(text, fig.end)
    if dist and fig.unit is not None and fig.unit.endswith(_LENGTHS):
        about, rule = f"distance from {dist.group('place')}", "distance_from"
    if about is None and not countable:
        about, rule = _context_about(text, fig, s_start)
    if about is None and fig.unit is not None and (fig.unit.isupper() or fig.unit == "page"):
        found = _listing_title(doc, fig, p_start, p_end)
        if found:
            about, rule = found, "listing_title"
    owner = _company(text, p_start, fig.start) if _of_a_company(fig) and _about_the_company(about) else None
    if owner:
        about, rule = _with_owner(owner, about), "company_of_report"
    if about is None and (fig.unit == "percent" or (fig.unit or "x").isupper()):
        found = _clause_subject(text, s_start, fig.start)
        if found:
            about, rule = found, "clause_subject"
    if about == fig.about and rule == fig.rule:
        return fig
    return fig.model_copy(update={"about": about, "rule": rule})


def _context_about(text: str, fig: Figure, s_start: int) -> tuple[str | None, str | None]:
    start, end = fig.start, fig.end
    level = _LEVEL_BEFORE.search(text, max(s_start, start - 40), start)
    if level:
        subject = subject_before(text, level.start(), s_start)
        if subject and subject.lower() not in STOP_WORDS:
            return subject, "subject_of_level"
    cop = _COPULA_BEFORE.search(text, max(s_start, start - 40), start)
    if cop:
        subject = subject_before(text, cop.start(), s_start)
        if subject:
            return subject, "subject_of_copula"
    if fig.unit and fig.unit.endswith(_LENGTHS) and _DIMENSION_AFTER.match(text, end):
        subject = subject_before(text, start, s_start)
        if subject:
            return subject, "measured_noun"
    if _BRACKET_SHARE.search(text, max(s_start, start - 12), start) and text[end : end + 1] == ")":
        opening = text.rfind("(", max(s_start, start - 12), start)
        subject = subject_before(text, opening, s_start)
        if subject:
            return subject, "share_in_brackets"
    verb = _VERB_AT.search(text, max(s_start, start - 40), start)
    if verb and fig.unit is not None and not _is_money(fig.unit) and fig.unit != "percent":
        return verb.group("verb"), "verb_before"
    rec = _RECIPIENT.match(text, end)
    if rec and (fig.unit or "x").isupper() and rec.group("name").lower() not in _MONTHS:
        return rec.group("name").rstrip(".,"), "recipient"
    return None, None


_OF_PHRASE = re.compile(
    rf"[”\"’]?{_S}+of{_S}+(?:(?P<name>(?:the{_S}+)?[A-Z][\w'’&-]*(?:{_S}+[A-Z][\w'’&-]*)*)"
    rf"|(?!(?:the|a|an|them|us|these|those|this|that|it|which|whom)\b)"
    rf"(?P<np>[\w“\"'’-]+(?:{_S}+[a-z][\w'’-]*)?))"
)
# "30 people in his lab", "12 staff at the clinic": where the counted are
_IN_PLACE = re.compile(
    rf"{_S}+(?:in|at){_S}+(?:the|his|her|its|their|our|a){_S}+(?P<w>[a-z][\w'’-]*)(?=[\s,.;:)])"
)
# "25,000 people who marched last week": the relative clause that says which
_WHO = re.compile(
    rf"{_S}+(?:who|that){_S}+(?P<w>[a-z]+ed(?:{_S}+(?:last|this|on|in){_S}+[A-Za-z]+)?)(?=[\s,.;:!?\"”])"
)
_COORDINATED = re.compile(rf"{_S}+(?:and|or){_S}+(?P<w>[a-z][\w'’-]*)(?=[\s,.;:)])")
_ON_BOARD = re.compile(rf"{_S}+(?P<w>on{_S}+board|aboard)(?!\w)")
_PASSIVE = re.compile(
    rf"{_S}+(?:who{_S}+|that{_S}+)?(?:had|have|has|were|was|are|is)(?:{_S}+been)?{_S}+"
    rf"(?P<w>[a-z]{{3,}}ed)(?!\w)"
)


def _counted_phrase(text: str, end: int, about: str) -> str:
    """The counted phrase with what completes it after the figure: "principles of Kwanzaa",
    "passengers and crew", "people on board", "bodies recovered"."""
    of = _OF_PHRASE.match(text, end)
    if of and of.group("name"):
        return f"{about} of {of.group('name')}"
    if of:
        np = of.group("np").strip("“\"'’")
        words = np.split()
        if len(words) == 2 and (words[1] in STOP_WORDS or words[1].endswith(("ed", "ing"))):
            words = words[:1]
        if words and words[0].lower() not in STOP_WORDS:
            return f"{about} of {' '.join(words)}"
    co = _COORDINATED.match(text, end)
    if co and co.group("w") not in STOP_WORDS and not co.group("w").endswith(("ed", "ing")):
        word = co.group("w")
        if is_plural_noun(word) or word in _COLLECTIVES:
            return f"{about} {co.group().split()[0]} {word}"
    board = _ON_BOARD.match(text, end)
    if board:
        return f"{about} {board.group('w')}"
    passive = _PASSIVE.match(text, end)
    if passive:
        return f"{about} {passive.group('w')}"
    place = _IN_PLACE.match(text, end)
    if place and place.group("w") not in STOP_WORDS and not place.group("w").endswith(("ing", "ed")):
        return f"{about} {' '.join(place.group().split())}"
    who = _WHO.match(text, end)
    if who:
        return f"{about} who {who.group('w')}"
    return about


_COLLECTIVES = frozenset("crew staff cargo equipment personnel".split())


def _company(text: str, p_start: int, pos: int) -> str | None:
    """The last company named in the paragraph before `pos` (with a ticker or a corporate suffix)."""
    seg = text[p_start:pos]
    if ":" not in seg and not any(suffix in seg for suffix in _SUFFIXES):
        return None  # neither a ticker nor a corporate suffix: no company named
    last = None
    for m in _COMPANY.finditer(text, p_start, pos):
        last = m
    if last is None:
        return None
    name = (last.group("name") or last.group("corp") or "").strip()
    words = name.split()
    while words and words[0].lower() in STOP_WORDS | {"the"}:
        words = words[1:]
    return " ".join(words) or None


def _is_money(unit: str) -> bool:
    return unit.isupper() or unit.startswith(("penny", "cent", "dollar", "euro", "pound sterling"))


def _of_a_company(fig: Figure) -> bool:
    """Money, a share, points or shares: what a market report measures of a company."""
    unit = fig.unit or ""
    return unit.isupper() or unit in ("percent", "point", "share") or unit.startswith(("dollar", "penny"))


def _about_the_company(about: str | None) -> bool:
    """Whether `about` names nothing but a thing a market report measures of its company."""
    if about is None:
        return True
    words = about.split()
    if any(w[:1].isupper() and w.lower().strip("'’s") not in _MONTHS for w in words):
        return False
    return words[-1].lower() in word_set("market_terms") or words[0].lower() in word_set("company_anaphors")


def _with_owner(owner: str, about: str | None) -> str:
    if about is None:
        return owner
    words = about.split()
    if words[0].lower() in word_set("company_anaphors"):
        words = words[1:]
    return " ".join([owner, *words])


def _listing_title(doc: Document, fig: Figure, p_start: int, p_end: int) -> str | None:
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


def _clause_subject(text: str, s_start: int, pos: int) -> str | None:
    """A named subject opening the sentence ("Ardent Health Partners paid ..."), past a dateline."""
    p = s_start
    dl = _DATELINE.match(text, p, pos)
    if dl:
        p = dl.end()
    m = _NAME_RUN.match(text, p, pos)
    if not m or m.group("next").lower() in STOP_WORDS - {"is", "was", "has", "had", "are", "were"}:
        return None
    name = m.group("name")
    if name.lower() in STOP_WORDS or len(name) < 3:
        return None
    return name


__all__ = ["RULES", "refine"]
