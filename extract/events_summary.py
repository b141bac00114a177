"""A readable one-line summary of an event sentence: the main clause without openers and attributions."""

from __future__ import annotations

import re

MAX_SUMMARY = 160

_SPACE = re.compile(r"\s+")
# Discourse openers that add nothing to a timeline line.
_DISCOURSE = re.compile(
    r"^(?:(?:meanwhile|however|still|yet|but|and|also|moreover|furthermore|in addition|separately|elsewhere|"
    r"indeed|instead|nevertheless|nonetheless|overall|crucially|either way|in turn|as a result|"
    r"at the same time|on the other hand|for (?:its|his|her|their) part|further afield|in the meantime|"
    r"in a statement|in a post on [\w ]+|on social media|importantly|notably|then|now|so)\b,?\s+)+",
    re.IGNORECASE,
)
# A leading participial or circumstantial clause: "Speaking hours after the strike, Kellogg said ..."
_LEADING_CLAUSE = re.compile(
    r"^(?:speaking|writing|responding|addressing|asked|citing|noting|following|after|despite|amid|"
    r"according to|in response to|hours after|days after|shortly after|just|as|while|when)\b"
    r"[^,;:]{0,140}?,\s+",
    re.IGNORECASE,
)
# A leading date phrase: "On August 28, ...", "Early Sunday, ..."
_LEADING_DATE = re.compile(
    r"^(?:on|in|by|early|late|earlier|later|last|this)\b[^,;:]{0,40},\s+", re.IGNORECASE
)
# A trailing attribution: "..., local officials said." / "..., according to the ministry."
_TRAILING_ATTRIBUTION = re.compile(
    r"(?:,|\s[—–-])\s+(?:[^,;:]{0,80}?\s)?"
    r"(?:said|says|told [\w ]{1,40}|reported|added|according to [^,;:]{1,80})"
    r"(?: on \w+(?: \d{1,2})?| \w+day)?[.!]?[\"”’']?$",
    re.IGNORECASE,
)
_URL = re.compile(r"\s*(?:https?://|pic\.twitter\.com/|www\.)\S+")
# "— which included over 800 drones —", "(formerly Twitter)": asides a one-line summary can lose
_ASIDE = re.compile(r"\s[—–]\s[^—–]{1,140}?\s[—–](?=\s)|\s\([^()]{1,80}\)")
_CLAUSE_BREAK = re.compile(r"(?:,|;|:|\s[—–]|\s-)\s")
_TRAILING_JUNK = re.compile(r"[\s,;:—–\-(\[“‘]+$")


def summarize(sentence: str, date_phrases: tuple[str, ...] = ()) -> str:
    """The sentence condensed for a timeline: openers and trailing attribution dropped, <= 160 chars."""
    text = _SPACE.sub(" ", _URL.sub("", sentence)).strip()
    text = _strip_lead(text, date_phrases)
    stripped = _TRAILING_ATTRIBUTION.sub("", text)
    if len(stripped) >= 30:
        text = stripped
    text = text.rstrip()
    if len(text) > MAX_SUMMARY:
        text = _ASIDE.sub("", text)
    if len(text) > MAX_SUMMARY:
        text = _shorten(text, date_phrases)
    text = _TRAILING_JUNK.sub("", text)
    return _balance_quotes(text[:1].upper() + text[1:])


def _strip_lead(text: str, date_phrases: tuple[str, ...]) -> str:
    for _ in range(3):
        before = text
        m = _DISCOURSE.match(text)
        if m and len(text) - m.end() >= 30:
            text = text[m.end() :]
        m = _LEADING_CLAUSE.match(text)
        if m and len(text) - m.end() >= 40:
            text = text[m.end() :]
        m = _LEADING_DATE.match(text)
        if m and len(text) - m.end() >= 30 and any(p in m.group() for p in date_phrases):
            text = text[m.end() :]
        if text == before:
            break
    return text


def _shorten(text: str, date_phrases: tuple[str, ...]) -> str:
    cut = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, MAX_SUMMARY):
        if m.start() >= 60 and not _inside_quote(text, m.start()):
            cut = m.start()
    dated_at = min((i for i in (text.find(p) for p in date_phrases) if i >= 0), default=-1)
    if dated_at >= (cut or MAX_SUMMARY - 20):
        # the date sits in a later clause: summarise from the clause that holds it
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, dated_at)]
        if breaks and len(text) - breaks[-1] >= 40:
            tail = _strip_lead(text[breaks[-1] :], date_phrases)
            return tail if len(tail) <= MAX_SUMMARY else _shorten(tail, ())
    if cut:
        return text[:cut]
    space = text.rfind(" ", 0, MAX_SUMMARY - 1)
    return text[: space if space > 40 else MAX_SUMMARY - 1].rstrip(" ,;:") + "…"


def _inside_quote(text: str, at: int) -> bool:
    head = text[:at]
    return head.count("“") > head.count("”") or head.count('"') % 2 == 1


def _balance_quotes(text: str) -> str:
    if text.count("“") > text.count("”") or text.count('"') % 2 == 1:
        closing = "”" if "“" in text else '"'
        return text.rstrip(" .,") + ("…" if not text.endswith("…") else "") + closing
    return text
