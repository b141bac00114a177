"""Which dated sentences report a happening: an ordered list of small named rules.

A candidate is a sentence and one of its dates. The rules are tried in order and the first that
applies decides: it rejects the candidate (a forecast, a state, a question, a headline...) or admits
it as a past happening or as a firmly scheduled one. The admitting rule's name goes into `Event.rule`.
Each rule's examples are (sentence, is it an event?) with the article published on PUBLISHED; the
golden tests run them all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Literal

from extract.events.clause import Verbs, clause_at, date_clause_verbs, read_verbs
from extract.lexicons import word_set, words
from extract.rules import unique_names

PUBLISHED = date(2025, 9, 8)  # the publication date the examples are read against (a Monday)
Verdict = Literal["reject", "past", "scheduled"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """One date of one sentence, with what the rules look at."""

    sentence: str
    at: int  # the date's offset in the sentence
    value: str  # the event date it supports: YYYY-MM-DD, YYYY-MM or YYYY
    published: date | None
    verbs: Verbs  # the verbs of the date's clause (the sentence's where the clause has none)

    @classmethod
    def of(cls, sentence: str, at: int, value: str, published: date | None) -> Candidate:
        return cls(sentence, at, value, published, date_clause_verbs(sentence, at))


@dataclass(frozen=True, slots=True)
class EventRule:
    name: str
    doc: str
    verdict: Verdict
    applies: Callable[[Candidate], bool]
    examples: tuple[tuple[str, object], ...] = ()


_CLOSERS = "\"'”’»)] \t\n"


def _inside_quotes(c: Candidate) -> bool:
    head = c.sentence[: c.at]
    return head.count("“") > head.count("”") or head.count('"') % 2 == 1


def _ends_with(c: Candidate, marks: str) -> bool:
    return c.sentence.rstrip(_CLOSERS)[-1:] in tuple(marks)


def _headline(c: Candidate) -> bool:
    return not _ends_with(c, ".!?…")


def _condition(c: Candidate) -> bool:
    s, _ = clause_at(c.sentence, c.at)
    conditions = word_set("event_conditions")
    first = c.sentence.split(None, 1)[:1]
    clause_first = c.sentence[s:].split(None, 1)[:1]
    return any(w[0].lower().strip(",") in conditions for w in (first, clause_first) if w)


def _not_past(c: Candidate) -> bool:
    return c.published is None or c.value >= c.published.isoformat()[: len(c.value)]


def _scheduled(c: Candidate) -> bool:
    if len(c.value) < 10 or not _not_past(c) or c.published is None:
        return False  # only a day is a firm schedule: "will hold elections next year" is a plan
    return _schedule_cues().search(c.sentence) is not None


@cache
def _schedule_cues() -> re.Pattern[str]:
    cues = sorted(words("event_schedule_cues"), key=len, reverse=True)
    alternatives = "|".join(re.escape(c).replace(r"\ ", r"\s+").replace("'", "['’]") for c in cues)
    return re.compile(rf"\b(?:{alternatives})\b", re.I)


def _modal(c: Candidate) -> bool:
    return c.verbs.modal


def _dated_saying(c: Candidate) -> bool:
    if not c.verbs.saying:
        return False
    return bool(_SAYING_THEN_DATE.search(c.sentence[max(0, c.at - 60) : c.at]))


_SAYING_THEN_DATE = re.compile(
    r"\b(?:said|told|added|wrote|announced|stated|declared|tweeted|posted)\b(?:\s+[\w’']+){0,2}?"
    r"\s+(?:on\s+|late\s+|early\s+|last\s+|this\s+)?$",
    re.I,
)


def _only(flag: str) -> Callable[[Candidate], bool]:
    return lambda c: getattr(c.verbs, flag) and not c.verbs.action


RULES: tuple[EventRule, ...] = (
    EventRule(
        "quoted_speech",
        "A date inside quotation marks is the speaker's, told in the speaker's time: not dated here.",
        "reject",
        _inside_quotes,
        (("“We lost the bridge on Sunday,” the mayor said.", False),),
    ),
    EventRule(
        "question",
        "A question reports nothing: 'Will there be snow in 2040?'",
        "reject",
        lambda c: _ends_with(c, "?"),
        (("Did the council really approve the plan on Tuesday?", False),),
    ),
    EventRule(
        "exclamation",
        "An exclamation is a wish or a cheer, not a report: 'A merry Christmas to all!'",
        "reject",
        lambda c: _ends_with(c, "!"),
        (("And what a Christmas it was in 1999!", False),),
    ),
    EventRule(
        "headline",
        "A line without final punctuation is a headline, a caption label or a chart title.",
        "reject",
        _headline,
        (("Harbour Fees Rise Again In 2025", False), ("Ferry crossings and fares: 1990 - 2024", False)),
    ),
    EventRule(
        "condition",
        "A clause opened by if/unless/whether states a condition, not a happening.",
        "reject",
        _condition,
        (("If the dam had failed on Sunday, the valley would have flooded.", False),),
    ),
    EventRule(
        "scheduled",
        "A future day with a firm scheduling cue ('will meet on', 'is scheduled for'): kept as upcoming.",
        "scheduled",
        _scheduled,
        (
            ("The leaders will meet in Brussels on Thursday to sign the accord.", True),
            ("The final vote is scheduled for Sept. 30.", True),
            ("Valdor will hold elections next year.", False),
        ),
    ),
    EventRule(
        "forecast",
        "A modal or forecast cue in the date's clause: an expectation, a plan or a possibility.",
        "reject",
        _modal,
        (
            ("Prices should ease in 2026, the analysts said.", False),
            ("The port is expected to reopen next month.", False),
        ),
    ),
    EventRule(
        "negated",
        "The clause's only past verbs are negated: 'the firm had no news today', 'did not meet on Friday'.",
        "reject",
        _only("negated"),
        (("The committee did not meet on Friday.", False),),
    ),
    EventRule(
        "dated_saying",
        "A saying dated where it is reported ('told reporters on Sept. 7', 'said on Tuesday'): it happened.",
        "past",
        _dated_saying,
        (
            ("“We will rebuild,” the mayor told reporters on Sunday.", True),
            ("Residents said the water was still brown on Monday.", False),
        ),
    ),
    EventRule(
        "saying_only",
        "The clause's only happening is a saying: the quote families report it, the timeline does not.",
        "reject",
        _only("saying"),
        (("Residents said the tap water was brown last week.", False),),
    ),
    EventRule(
        "state",
        "The clause's past verbs report a state: 'had a taste for', 'was the capital', 'seemed'.",
        "reject",
        _only("state"),
        (("The town was a quiet place in 1990.", False), ("The 1980 film had a modest budget.", False)),
    ),
    EventRule(
        "perfect",
        "A present perfect dates a period up to now, not a happening: 'has had 12 floods since 2007'.",
        "reject",
        _only("perfect"),
        (("The county has had 12 floods since 2007.", False),),
    ),
    EventRule(
        "past_action",
        "A positive past verb in the date's clause: 'the council approved the budget on Friday'.",
        "past",
        lambda c: c.verbs.action,
        (
            ("On August 28, the council approved a $40 million aid package.", True),
            ("The bridge was closed on Tuesday after a crack was found.", True),
            ("In 2013 she joined the board of the Lisbon Rowing Club.", True),
        ),
    ),
    EventRule(
        "no_happening",
        "Anything else (present tense, a phrase without a verb, a generic statement) is not an event.",
        "reject",
        lambda c: True,
        (("The shop opens from 9 a.m. Monday through Friday.", False), ("Lisbon, 1998.", False)),
    ),
)
unique_names(RULES)


def judge(c: Candidate) -> EventRule:
    """The first rule that applies to `c` (the last one always does)."""
    return next(r for r in RULES if r.applies(c))


def sentence_verbs(sentence: str) -> Verbs:
    """The verbs of a whole sentence (for a dateless sentence that may continue a dated narrative)."""
    return read_verbs(sentence)
