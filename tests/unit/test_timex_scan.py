"""The fast scanner finds exactly what the full grammar finds; its triggers come from the rules."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.timex.date_rules import RULES, DateRule
from extract.timex.grammar import TIMEX
from extract.timex.scan import timex_matches
from extract.timex.triggers import DIGIT, GrammarError, Trigger, lead_words, triggers


def _full(text: str) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in TIMEX.finditer(text) if m.end() > m.start()]


def _fast(text: str) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in timex_matches(text)]


# every rule's own examples, cut into words, mixed with words of my own, quotes and punctuation
_RULE_WORDS = sorted({w for rule in RULES for text, _ in rule.examples for w in text.split()})
_OTHER = [
    "the",
    "a",
    "an",
    "more",
    "than",
    "over",
    "last",
    "next",
    "this",
    "past",
    "early",
    "mid-",
    "in",
    "for",
    "two",
    "twenty-five",
    "12",
    "1,200",
    "$40-a-year",
    "an-hour",
    "’90s",
    "'",
    "’",
    "‘",
    '"',
    "“",
    ",",
    ".",
    "\n",
    "  ",
    "-",
    "(",
    ")",
    "Q2",
    "noon",
    "Sept",
    "Mar",
    "weeks",
    "ago",
    "later",
    "prior",
    "days",
    "Sunday's",
    "Christmas",
    "New Year’s Day",
    "each",
    "every",
    "half",
    "of",
    "Kowalczyk",
    "Brindle Ltd",
    "said",
    "will",
    "İstanbul",
    "2031",
    "1899",
    "5:30",
    "p.m.",
    "tonight",
    "currently",
    "now",
    "Now",
]
_TOKEN = st.sampled_from(_RULE_WORDS + _OTHER)
_GLUE = st.sampled_from([" ", " ", " ", "", "\n", "  "])
_SENTENCE = st.lists(st.tuples(_TOKEN, _GLUE), max_size=14).map(lambda ps: "".join(a + b for a, b in ps))


@settings(max_examples=3000, deadline=None)
@given(text=_SENTENCE)
def test_the_scanner_finds_what_the_grammar_finds(text: str) -> None:
    assert _fast(text) == _full(text)


_SENTENCES = [
    "Workers at the Harwick mill said it shut 'three weeks ago' after the floods.",
    "'Next Tuesday' was the answer Ms. Okafor gave.",
    "The Lindqvist trial lasted more than a decade; it opened in the ’90s.",
    "Fares rose $12-an-hour for drivers of the Tarrow line in mid-2024.",
    "“Last Friday,” said Pell, “the vote was lost.”",
    "Shares of Corvane rose 4% in Q3 2024 and again on Sept. 7 at 9 a.m. Tuesday.",
    "The plant will close in two years, the council of Brenmoor said on 7 September.",
    "Drivers were paid 'an-hour' bonus rates, the Tarrow depot said.",  # a part after a glued quote
    "The strike ran a non-five day week, the Brenmoor union said.",  # a part after a hyphen leads
    "It stopped in mid-'three day talks, said Pell.",  # after a hyphen and a quote, both glued
    "Rusk began a 10-day-long walk after a decades-long feud and a week-long row.",  # a count in a compound
    "The pier stays shut for two more weeks, then the following January for three straight days.",
]


@pytest.mark.parametrize("text", _SENTENCES)
def test_the_scanner_agrees_on_my_sentences(text: str) -> None:
    assert _fast(text) == _full(text)
    assert _full(text)


def test_triggers_are_read_from_the_anchors() -> None:
    found = triggers(RULES)
    assert Trigger("Jan", False) in found  # month names capitalised, as the pattern asks
    assert Trigger("week", True) in found  # "week" in any case
    assert Trigger(DIGIT, False) in found
    assert Trigger("the", True) not in found
    assert {"the", "more", "than", "three", "an"} <= lead_words(RULES)


def test_an_anchor_a_match_can_skip_is_refused() -> None:
    rule = DateRule("bad", "", r"(?:(?P<bad_word>week)\s+)?now", ("bad_word",))
    with pytest.raises(GrammarError):
        triggers([rule])


def test_an_anchor_that_opens_with_punctuation_is_refused() -> None:
    rule = DateRule("bad", "", r"(?P<bad_mark>[.,]\s*now)", ("bad_mark",))
    with pytest.raises(GrammarError):
        triggers([rule])
