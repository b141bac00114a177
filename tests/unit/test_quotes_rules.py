"""Golden table of the declared quote rules: every example of extract/quotes/rules.py, run through
the whole pipeline, gives the quote it declares (or, where it declares None, no quote at all)."""

from __future__ import annotations

import pytest

from extract.pipeline import extract
from extract.quotes.rules import QUOTE_RULES

_CASES = [(rule.name, sentence, expected) for rule in QUOTE_RULES for sentence, expected in rule.examples]


@pytest.mark.parametrize(("rule", "sentence", "expected"), _CASES)
def test_rule_example(rule: str, sentence: str, expected: object) -> None:
    quotes = extract(sentence).quotes
    if expected is None:
        assert quotes == []
        return
    got = [(q.kind, q.speaker, q.text) for q in quotes if (q.rule or "").split(";")[0] == rule]
    assert expected in got, [(q.rule, q.kind, q.speaker, q.text) for q in quotes]


def test_every_quote_names_its_rule() -> None:
    text = (
        '"The bridge will reopen in May," said Lena Ostrova. Tom Reller said the ferry would stop.'
        "\n\nHARLOW: We have waited three years for this road."
    )
    quotes = extract(text).quotes
    assert len(quotes) == 3
    assert all(q.rule for q in quotes)
