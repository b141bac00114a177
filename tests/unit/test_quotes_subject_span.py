"""`quote.subject_words`: the subject's reported words start after the narrator's verb, after a
reporting participle (", saying, “…”") or a speech verb, or at the "that" of the reported clause.
Sentences are made up."""

from __future__ import annotations

import pytest

from extract.quotes.subject_span import reported_start
from tests.unit.quote_helpers import quotes_of

SPANS = [
    # the narrator's verb is left out, its object and the quoted words stay
    (
        'Tomas Ferreira dismissed the plan as "a bridge to nowhere" on Monday.',
        'the plan as "a bridge to nowhere"',
    ),
    # after a participle the quoted words are what was said, and a whole sentence is a direct quote
    (
        'Tomas Ferreira attacked the mayor over the toll road, saying, "He is reckless and very careless."',
        "He is reckless and very careless.",
    ),
    ('Tomas Ferreira sang a ballad before asking them, "Who will dance with me tonight?"', "Who will dance"),
    # a "that" opens the reported clause
    (
        'Tomas Ferreira was mocked at the fair for his boast that the dam would be "the finest in Europe."',
        'that the dam would be "the finest in Europe."',
    ),
]


@pytest.mark.parametrize(("text", "begins"), SPANS)
def test_reported_words_start_after_the_narrators_verb(text: str, begins: str) -> None:
    said = [q for q in quotes_of(text) if q.kind != "indirect" and q.speaker == "Tomas Ferreira"]
    assert said, quotes_of(text)
    assert said[0].text.startswith(begins), said[0].text


def test_a_whole_sentence_after_saying_is_direct() -> None:
    text = 'Tomas Ferreira attacked the mayor over the toll road, saying, "He is reckless and very careless."'
    kinds = {q.kind for q in quotes_of(text) if "reckless" in q.text}
    assert kinds == {"direct"}


NOT_MOVED = [
    # an aside after the subject: nothing to step over
    (', the ferry captain, likened the crew to "true islanders."', 0),
    # a noun, not a speech verb: "address" after "his winter" is no cue
    (' likened the crew in his winter address to "old lighthouse keepers."', len(" likened ")),
]


@pytest.mark.parametrize(("rest", "offset"), NOT_MOVED)
def test_asides_and_nouns_do_not_move_the_start(rest: str, offset: int) -> None:
    text = "Tomas Ferreira" + rest
    lo = len("Tomas Ferreira")
    assert reported_start(text, lo, text.index('"')) == lo + offset


def test_a_phrase_after_saying_stays_partial() -> None:
    text = 'Tomas Ferreira waved at the crowd, saying "see you soon" to the children.'
    said = [q for q in quotes_of(text) if "see you soon" in q.text]
    assert said and all(q.kind != "direct" for q in said), said


@pytest.mark.parametrize(
    ("opening", "kind"), [("Every rider should", "direct"), ("every rider should", "partial")]
)
def test_only_words_opening_a_sentence_become_a_direct_quote(opening: str, kind: str) -> None:
    text = f'Tomas Ferreira waved at the dock before telling them, "{opening} check the price twice."'
    said = [q for q in quotes_of(text) if "check the price" in q.text]
    assert [q.kind for q in said] == [kind]
