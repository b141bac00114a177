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
from extract.figures.about_rules import RULES
from extract.figures.context import CHANGE_DOWN as _DOWN
from extract.figures.context import CHANGE_UP as _UP
from extract.figures.context import may_end_with
from extract.figures.nouns import STOP_WORDS
from extract.figures.owners import (
    MONTHS,
    about_the_company,
    clause_subject,
    company_before,
    is_money,
    listing_title,
    of_a_company,
    with_owner,
)
from extract.figures.phrases import counted_phrase
from extract.figures.subjects import subject_before
from extract.lexicons import word_set
from extract.models import Figure

_S = r"[^\S\r\n]"
_COPULA_BEFORE = re.compile(
    rf"(?i)(?<![\w-])(?:is|are|was|were|been|be|remains?|remained|totall?(?:ed|s)|stood{_S}+at"
    rf"|stands?{_S}+at|came{_S}+to|comes{_S}+to|amount(?:ed|s)?{_S}+to|last(?:s|ed)?|took|takes)"
    rf"(?:{_S}+(?:only|just|roughly|about|around|nearly|almost))?{_S}+$"
)
_LEVEL_BEFORE = re.compile(rf"(?i)(?<![\w-])(?:{_UP}|{_DOWN}|slid(?:ing)?|sliding|fallen|risen){_S}+to{_S}+$")
# What the last word of a match of the two patterns above ends with (checked by a test): without one
# of these right before a figure, the 40-character search is skipped (a page of "12% 12% ..." ran it
# 25,000 times).
_COPULA_ENDINGS = (
    *("is", "are", "was", "were", "been", "be", "remain", "remains", "remained", "totaled", "totalled"),
    *("totals", "totalls", "at", "to", "last", "lasts", "lasted", "took", "takes"),
    *("only", "just", "roughly", "about", "around", "nearly", "almost"),
)
_LEVEL_ENDINGS = ("to",)
# "cruising at 21,000 feet", "cleared to climb to 23,000 feet", "asked to fly at"
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
    if about and fig.rule != "counted_noun" and about.split()[0] in word_set("about_not_a_thing"):
        about, rule = None, None
    countable = fig.unit is not None and (fig.rule == "counted_noun")
    if countable and about:
        about = counted_phrase(text, fig.end, about)
    dist = _DIRECTION.match(text, fig.end)
    if dist and fig.unit is not None and fig.unit.endswith(_LENGTHS):
        about, rule = f"distance from {dist.group('place')}", "distance_from"
    if about is None and not countable:
        about, rule = _context_about(text, fig, s_start)
    if about is None and fig.unit is not None and (fig.unit.isupper() or fig.unit == "page"):
        found = listing_title(doc, fig, p_start, p_end)
        if found:
            about, rule = found, "listing_title"
    owned = of_a_company(fig) and about_the_company(about)
    owner = company_before(text, p_start, fig.start, p_end) if owned else None
    if owner:
        about, rule = with_owner(owner, about), "company_of_report"
    if about is None and (fig.unit == "percent" or (fig.unit or "x").isupper()):
        found = clause_subject(text, s_start, fig.start)
        if found:
            about, rule = found, "clause_subject"
    if about == fig.about and rule == fig.rule:
        return fig
    return fig.model_copy(update={"about": about, "rule": rule})


def _context_about(text: str, fig: Figure, s_start: int) -> tuple[str | None, str | None]:
    start, end = fig.start, fig.end
    lo = max(s_start, start - 40)
    level = _LEVEL_BEFORE.search(text, lo, start) if may_end_with(text, start, _LEVEL_ENDINGS) else None
    if level:
        subject = subject_before(text, level.start(), s_start)
        if subject and subject.lower() not in STOP_WORDS:
            return subject, "subject_of_level"
    cop = _COPULA_BEFORE.search(text, lo, start) if may_end_with(text, start, _COPULA_ENDINGS) else None
    if cop:
        subject = subject_before(text, cop.start(), s_start)
        if subject and not subject.replace(",", "").replace(".", "").isdigit():
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
    if verb and fig.unit is not None and not is_money(fig.unit) and fig.unit != "percent":
        return verb.group("verb"), "verb_before"
    rec = _RECIPIENT.match(text, end)
    if rec and (fig.unit or "x").isupper() and rec.group("name").lower() not in MONTHS:
        return rec.group("name").rstrip(".,"), "recipient"
    return None, None


__all__ = ["RULES", "refine"]
