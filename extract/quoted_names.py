"""Names written inside quotation marks: a pseudonym or a first name only, used as a name.

News writes a person who gave only a first name or an alias with the name in quotation marks
(who gave his name only as “Sami”; “Sami” countered: “…”). Read as a quotation, such a name
becomes a quote of one word and its speaker is lost. `unquote_names` blanks the marks around a
quoted name (spaces of the same length, so offsets keep) where it is used as a name:

- `QUOTED_SPEAKER`: the quoted name is the subject of a speech verb that has no other subject
  (“Sami” said. / “Sami” countered: “…” / “Sami” told me as …);
- `INTRODUCED_NAME`: a phrase introduces the name (name only as, known as, nicknamed; the phrases
  are data in lexicons/name_introducers.txt).

Every other quotation is left as it is. Run once per document, before segmentation.
"""

from __future__ import annotations

import re
from functools import cache

from extract.lexicons import words
from extract.quotes.speech_words import finite_speech_alternation
from extract.rules import Rule

_OPEN = "\"“‘'"
_CLOSE = "\"”’'"
# One to three capitalised words (a first name, a nickname, "Big Tony"), an optional stop inside.
_NAME = r"[A-Z][\w'’-]*(?:[ \u00a0][A-Z][\w'’-]*){0,2}[.,]?"
# After the verb: punctuation, a quotation, the end, or an object pronoun and a clause word.
_NO_SUBJECT_AFTER = r"(?=\s*(?:[:.,;—–]|[\"“]|$|(?:me|us|him|her|them|reporters)\b))"


@cache
def _quoted_speaker() -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w{_OPEN}])[{_OPEN}](?P<name>{_NAME})[{_CLOSE}](?=[ \u00a0]+"
        rf"(?:{finite_speech_alternation()})\b(?:[ \u00a0]+in\b)?{_NO_SUBJECT_AFTER})"
    )


@cache
def _introduced_name() -> re.Pattern[str]:
    phrases = sorted(words("name_introducers"), key=len, reverse=True)
    alternation = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
    return re.compile(
        rf"\b(?:{alternation})[ \u00a0]+[{_OPEN}](?P<name>{_NAME})[{_CLOSE}]",
        re.IGNORECASE,
    )


QUOTED_SPEAKER = Rule(
    name="quoted-name-speaker",
    doc="a quoted name that is the subject of a speech verb with no other subject: the name, unquoted",
    examples=(
        ("“Nobody listens,” “Sami” said.", "Sami"),
        ("“That is false,” “Big Tony” countered: “We were there.”", "Big Tony"),
    ),
)
INTRODUCED_NAME = Rule(
    name="quoted-name-introduced",
    doc="a quoted name after a phrase that introduces a name (name only as, known as): the name, unquoted",
    examples=(
        ("a driver who gave his name only as “Sami.”", "Sami"),
        ("the organiser, known as “Red” to the crew, spoke first.", "Red"),
    ),
)


def quoted_name_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quoted name used as a name, marks included, in text order."""
    if not any(c in text for c in _OPEN):
        return []
    found: set[tuple[int, int]] = set()
    for pattern in (_quoted_speaker(), _introduced_name()):
        for m in pattern.finditer(text):
            open_at = m.start("name") - 1
            found.add((open_at, m.end("name") + 1))
    return sorted(found)


def unquote_names(text: str) -> str:
    """`text` with the quotation marks around names used as names replaced by spaces."""
    spans = quoted_name_spans(text)
    if not spans:
        return text
    out = list(text)
    for start, end in spans:
        out[start] = " "
        out[end - 1] = " "
    return "".join(out)


__all__ = ["INTRODUCED_NAME", "QUOTED_SPEAKER", "quoted_name_spans", "unquote_names"]
