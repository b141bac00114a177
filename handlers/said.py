"""Quotes shown as they were said, and speakers with their roles as an article writes them.

A direct quote is the speaker's own words: verbatim, inside quotation marks. Reported (indirect)
speech is the article's words for what was said: never inside quotation marks, it reads as reported
("Martin Holm said the shipyard had lost three orders"). A partial quote is reported speech with a
few of the speaker's words in the article's own marks, shown as the article wrote it. Plain text:
the renderers escape it for Slack.
"""

from __future__ import annotations

from datetime import date

from extract.lexicons import table, words_cased
from extract.names.roles import titles
from handlers.domain import Person

OPEN, CLOSE = "“", "”"
_DOUBLE_MARKS = '"“”„«»'
_ALL_MARKS = _DOUBLE_MARKS + "‘’'‹›"
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def _trim(text: str) -> str:
    """Whitespace, and the comma or colon that belongs to the attribution ("We will stay," said X)."""
    return " ".join(text.split()).strip().rstrip(",:;").strip()


def has_marks(text: str) -> bool:
    return any(c in text for c in _DOUBLE_MARKS)


def quoted(text: str) -> str:
    """A direct quote in one pair of marks: marks the text itself opens and closes with are not
    doubled, and quotation marks inside it become single ones (a quote within the quote)."""
    words = _trim(text)
    if len(words) > 1 and words[0] in _DOUBLE_MARKS and words[-1] in _DOUBLE_MARKS:
        words = words[1:-1].strip()
    elif words[:1] in _DOUBLE_MARKS and not any(c in words[1:] for c in _DOUBLE_MARKS):
        words = words[1:].strip()  # an opening mark whose closing one the span left out
    elif words[-1:] in _DOUBLE_MARKS and not any(c in words[:-1] for c in _DOUBLE_MARKS):
        words = words[:-1].strip()
    inner = "".join(_single(words, i) for i in range(len(words)))
    return f"{OPEN}{_trim(inner)}{CLOSE}"


def _single(text: str, i: int) -> str:
    c = text[i]
    if c == "“" or c == "„" or c == "«":
        return "‘"
    if c == "”" or c == "»":
        return "’"
    if c == '"':
        # A straight mark opens at the start or after a space or bracket, else it closes.
        return "‘" if i == 0 or text[i - 1] in " ([—–-" else "’"
    return c


def reported(text: str, kind: str) -> str:
    """Reported speech as the article wrote it: an indirect quote loses any marks wrapped around the
    whole of it; a partial quote keeps the marks inside it (or, when its span is only the quoted
    words, gets one pair)."""
    words = _trim(text)
    if kind == "partial":
        if has_marks(words):
            return words
        return quoted(words)
    while len(words) > 1 and words[0] in _ALL_MARKS and words[-1] in _ALL_MARKS:
        words = words[1:-1].strip()
    if words[:1] in _DOUBLE_MARKS and not has_marks(words[1:]):
        words = words[1:].strip()
    if words[-1:] in _DOUBLE_MARKS and not has_marks(words[:-1]):
        words = words[:-1].strip()
    return _lower_opener(_without_full_stop(words))


def _without_full_stop(words: str) -> str:
    """The words without the sentence's full stop, unless it is also an abbreviation's last dot:
    "at 6 a.m." keeps it ("at 6 a.m" misreads), as do "the U.S." and "Acme Inc."."""
    last = words.rsplit(" ", 1)[-1]
    if last.endswith(".") and ("." in last[:-1] or last[:-1].lower() in words_cased("abbreviations")):
        return words.strip()
    return words.rstrip(".").strip()


def _lower_opener(words: str) -> str:
    """ "At least nine missiles hit" after "said": a sentence's opening word ("At", "The", but not
    "I" or a name) reads in lower case inside the reported line."""
    first = words.split(" ", 1)[0]
    if first != "I" and first in words_cased("sentence_openers"):
        return first.lower() + words[len(first) :]
    return words


def said_body(text: str, kind: str, cue: str | None = None, sep: str = ": ") -> str:
    """What follows the speaker: ": “words”" for a direct quote, " said words" (or the article's
    own verb, in the past: " warned words", " urged words") for reported speech."""
    if kind == "direct":
        return f"{sep}{quoted(text)}"
    return f" {past_tense(cue)} {reported(text, kind)}"


def said(
    speaker: str | None, role: str | None, text: str, kind: str, cue: str | None = None, *, sep: str = ": "
) -> str:
    """ "Martin Holm, chief executive, said the shipyard had lost three orders",
    "Gov. Ana Ruiz: “We will rebuild”", "According to Lena Varga, the ferry sails on Monday"."""
    if not speaker:
        if kind == "direct":
            return f"Unattributed{sep}{quoted(text)}"
        return f"Reported, no speaker named: {reported(text, kind)}"
    before, after = role_parts(speaker, role)
    if kind != "direct" and is_according(cue):
        return f"According to {before}{speaker}{after}, {reported(text, kind)}"
    if after and kind != "direct":
        after += ","  # "Martin Holm, chief executive, said ..."
    line = f"{before}{speaker}{after}{said_body(text, kind, cue, sep)}"
    return line[:1].upper() + line[1:]  # "the authority said ..." opens the line: "The authority"


def is_according(cue: str | None) -> bool:
    return bool(cue) and " ".join((cue or "").lower().split()) in ("according to", "per")


def past_tense(cue: str | None) -> str:
    """The verb a reported line uses: the article's cue in the past tense ("warns" -> "warned",
    "slamming" -> "slammed", "told reporters" as it is), "said" without a verb cue."""
    words = (cue or "").split()
    if not words or not words[0].isalpha() or is_according(cue):
        return "said"
    first, rest = words[0].lower(), words[1:]
    if first == "put":
        return "said"  # "as she put it"
    irregular = dict((row[0], row[1]) for row in table("speech_verbs_past") if len(row) == 2)
    if first in irregular:
        verb = irregular[first]
    elif first.endswith("ed") or first in irregular.values():
        verb = first
    else:
        base = first[:-3] if first.endswith("ing") and len(first) > 5 else first
        if base == first and first.endswith("s") and not first.endswith("ss"):
            base = first[:-1]
        if base.endswith("e"):
            verb = base + "d"
        elif base.endswith("y") and base[-2:-1] not in "aeiou":
            verb = base[:-1] + "ied"
        else:
            verb = base + "ed"
    return " ".join([verb, *rest])


def is_title(role: str) -> bool:
    """A title written before a name ("Gov.", "President", "Foreign Minister"): the last word is one."""
    last = role.split()[-1].lower() if role.split() else ""
    return len(role.split()) <= 3 and last in titles() and role[:1].isupper()


def role_parts(speaker: str, role: str | None) -> tuple[str, str]:
    """What goes before and after a speaker's name: a title before it, as articles write it
    ("Gov. " + "Ana Ruiz"), any other role after it (", union's general secretary"); nothing when
    the name already holds the role."""
    if not role or not role.strip():
        return "", ""
    role = " ".join(role.split())
    if role.casefold() in speaker.casefold():
        return "", ""
    if is_title(role):
        return f"{role} ", ""
    return "", f", {role}"


def roles_seen(person: Person) -> str:
    """ "President (in reports from 8 Sep 2025), Commander-in-chief": each role with the first day
    an article stored here gave it, said as such (not as the day the role began)."""
    return ", ".join(
        f"{r.role} (in reports from {short_date(r.first_seen)})" if r.first_seen else r.role
        for r in person.role_history
    )


def short_date(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
