"""A readable one-line summary of an event sentence: the main clause without openers and attributions."""

from __future__ import annotations

import re

MAX_SUMMARY = 160

# `\s+` written `\s\s*`: a pattern that opens with a character set lets `re` skip ahead fast
_SPACE = re.compile(r"\s\s*")
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
# A wire dateline: "KYIV, Sept. 7 (Reuters) - ", "HEMPSTEAD, N.Y., Sept. 26 — "
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]{1,40}(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}"
    r"(?:,\s+\d{4})?)?\s*(?:\([^)]{1,40}\)\s*)?(?:--|[-—–_])\s+"
)
# Words a cut summary must not end on: "... sending in peacekeepers, and"
_DANGLING_LIST = (
    "and or but nor the a an of to in on at by with for from that which who as than its their his her"
)
_DANGLING_WORDS = frozenset(_DANGLING_LIST.split())
_DANGLING = re.compile(rf"(?:\s+(?:{_DANGLING_LIST.replace(' ', '|')}))+$", re.IGNORECASE)
# The signature of an embedded post: "— Maria Doe (@mdoe) September 7, 2025"
_EMBED_SIGNATURE = re.compile(r"\s*[—–-]+\s*[^—–()]{1,60}\(@\w+\)\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}\.?$")
_URL = re.compile(r"\s*(?:https?://|pic\.twitter\.com/|www\.)\S+")
# "— which included over 800 drones —", "(formerly Twitter)": asides a one-line summary can lose
_ASIDE = re.compile(r"\s[—–]\s[^—–]{1,140}?\s[—–](?=\s)|\s\([^()]{1,80}\)")
# A coordinated main clause with its own subject: "but Sunday's attack ...", "and the army ..."
_COORDINATED = re.compile(
    r"(?:[Bb]ut|[Aa]nd|[Yy]et|[Ss]o|[Ww]hile|[Ww]hereas)\s+"
    r"(?:the|a|an|his|her|its|their|this|that|these|those|he|she|it|they|we|[A-Z0-9“\"])"
)
_CLAUSE_BREAK = re.compile(r"(?:,|;|:|\s[—–]|\s-)\s")
_TRAILING_JUNK = " \t\n,;:—–-([“‘"


def summarize(sentence: str, date_phrases: tuple[str, ...] = ()) -> str:
    """The sentence condensed for a timeline: openers and trailing attribution dropped, <= 160 chars."""
    if "http" in sentence or "pic.twitter.com/" in sentence or "www." in sentence:  # _URL's literals
        sentence = _URL.sub("", sentence)
    text = _SPACE.sub(" ", sentence).strip()
    signature = _EMBED_SIGNATURE.search(text) if "(@" in text else None  # the handle's literal
    if signature and signature.start() >= 15:
        text = text[: signature.start()]
    dateline = _DATELINE.match(text)
    if dateline and len(text) - dateline.end() >= 30:
        text = text[dateline.end() :]
    text = _strip_lead(text, date_phrases)
    m = _trailing_attribution(text)
    if m and m.start() >= 30:
        text = text[: m.start()]
    text = text.rstrip()
    if len(text) > MAX_SUMMARY:
        text = _ASIDE.sub("", text)
    if len(text) > MAX_SUMMARY:
        text = _shorten(text, date_phrases)
    text = _drop_dangling(text.rstrip(_TRAILING_JUNK)).rstrip(_TRAILING_JUNK)
    return _balance_quotes(text[:1].upper() + text[1:])


def _drop_dangling(text: str) -> str:
    # _DANGLING is tried at every space of the summary; it can only match where the last word is one of
    # its words, and a plain ASCII word can be compared lower-cased (others go to the regex as before)
    words = text.rsplit(None, 1)
    last = words[-1] if words else ""
    if last.isascii() and last.lower() not in _DANGLING_WORDS:
        return text
    return _DANGLING.sub("", text)


def is_dateline(sentence: str) -> bool:
    """True for a sentence that is only a wire dateline ("WARSAW, February 26 (Xinhua) --")."""
    text = sentence.strip() + " "
    m = _DATELINE.match(text)
    return m is not None and m.end() >= len(text)


def dateline_end(sentence: str) -> int:
    """Where the body starts after a wire dateline opening `sentence` ("OSLO, May 4 (Wire) - "), else 0."""
    m = _DATELINE.match(sentence)
    return m.end() if m else 0


def attribution_start(sentence: str) -> int | None:
    """Where a trailing attribution (", officials said on Tuesday.") begins in `sentence`, if it has one."""
    m = _trailing_attribution(sentence)
    return m.start() if m and m.start() >= 30 else None


# The verbs _TRAILING_ATTRIBUTION needs, one of which an ASCII tail must hold (lower-cased) for it to match.
_ATTRIBUTION_VERBS = ("said", "says", "told ", "reported", "added", "according to ")


def _trailing_attribution(text: str) -> re.Match[str] | None:
    """_TRAILING_ATTRIBUTION's match in the tail of `text`; most tails lack its verbs and skip the search.

    The attribution sits in the last words: searching only the tail keeps long sentences cheap. A tail
    with other than ASCII goes to the regex as it is, since ignoring case there folds "ſ" onto "s"."""
    lo = max(0, len(text) - 200)
    tail = text[lo:]
    if tail.isascii():
        low = tail.lower()
        if not any(verb in low for verb in _ATTRIBUTION_VERBS):
            return None
    return _TRAILING_ATTRIBUTION.search(text, lo)


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
    spans = [(i, i + len(p)) for p in date_phrases if (i := text.find(p)) >= 0]
    cut = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, MAX_SUMMARY):
        inside_date = any(a <= m.start() <= b for a, b in spans)  # "Dec. 21, 1988, bombing"
        if m.start() >= 60 and not inside_date and not _inside_quote(text, m.start()):
            cut = m.start()
    dated_at = min((i for i in (text.find(p) for p in date_phrases) if i >= 0), default=-1)
    if dated_at >= (cut or MAX_SUMMARY - 20):
        # the date sits in a later main clause ("... - but Sunday's attack suggests ..."): summarise that
        # clause; a dependent one ("..., where the Aug. 7 blasts killed ...") cannot stand alone
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, dated_at)]
        if breaks and len(text) - breaks[-1] >= 40 and _COORDINATED.match(text, breaks[-1]):
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
