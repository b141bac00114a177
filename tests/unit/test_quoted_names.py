"""Names written in quotation marks (a pseudonym, a first name only) are names, not quotes."""

from __future__ import annotations

import pytest

from extract import extract
from extract.quoted_names import INTRODUCED_NAME, QUOTED_SPEAKER, quoted_name_spans, unquote_names


@pytest.mark.parametrize("rule", [QUOTED_SPEAKER, INTRODUCED_NAME], ids=lambda r: r.name)
def test_each_rule_unquotes_the_name_of_its_examples(rule: object) -> None:
    for text, name in rule.examples:  # type: ignore[attr-defined]
        spans = quoted_name_spans(text)
        assert [text[s + 1 : e - 1].rstrip(".,") for s, e in spans] == [name], text


def test_blanking_keeps_every_offset() -> None:
    text = "“Not again,” “Mo” said. Mo had waited since dawn."
    out = unquote_names(text)
    assert len(out) == len(text)
    assert out[13:17] == " Mo "
    assert out.count("“") == text.count("“") - 1


@pytest.mark.parametrize(
    "text",
    [
        "“Never,” said Holt.",  # the verb has its own subject: a one-word quote
        "The word “Enough” said it all.",  # an object that is no listener: not a speaker
        "Critics called the plan “Reckless” on Monday.",  # a quoted word, no speech verb after it
        "The film “Heat” opened in 1995.",  # a title before a verb that is not speech
        "She said “Thank you” and left.",  # the quote follows the verb
    ],
)
def test_other_quotations_are_left_alone(text: str) -> None:
    assert quoted_name_spans(text) == []
    assert unquote_names(text) == text


def test_a_pseudonymous_speaker_gets_their_quotes() -> None:
    text = (
        "Marchers crossed the bridge on Friday night. “We will not stop,” said Dana Holt, a nurse.\n\n"
        "Beside her stood a welder who would give his name only as “Sami.” “They promised us nothing,” "
        "“Sami” said.\n\n"
        "“Nobody listens to us,” Holt said. “That is not true,” “Sami” countered: “The council listened "
        "once, in March.”"
    )
    quotes = extract(text).quotes
    by_speaker = {(q.speaker, q.text.strip("“”.,")) for q in quotes}
    assert ("Sami", "They promised us nothing") in by_speaker
    assert ("Sami", "That is not true") in by_speaker
    assert ("Sami", "The council listened once, in March") in by_speaker
    assert ("Dana Holt", "Nobody listens to us") in by_speaker
    assert not any(q.text.strip('“”.,"') == "Sami" for q in quotes)
