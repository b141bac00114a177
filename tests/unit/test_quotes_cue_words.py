"""Cue words added for common news forms: a present-tense attribution set inside the sentence
("All of this, she concedes, could …"), "emphasizing"/"conceded" with a bare clause, "chanted"
before quoted words, "branded X a Y" as a verbal act. Sentences made up."""

from __future__ import annotations

from tests.unit.quote_helpers import quotes_of


def _by_cue(sentence: str) -> dict[str, str]:
    return {q.cue or "": q.text for q in quotes_of(sentence)}


def test_present_tense_attribution_inside_the_sentence() -> None:
    found = _by_cue("All of this, the mayor concedes, could be undone at the next election.")
    assert found == {"concedes": "All of this, the mayor concedes, could be undone at the next election"}


def test_participle_after_a_quote_with_bare_clause() -> None:
    found = _by_cue("“The levy is over,” Ms. Orr said, emphasizing the port tax had never paid for the pier.")
    assert found["emphasizing"] == "the port tax had never paid for the pier"


def test_conceded_with_bare_clause() -> None:
    found = _by_cue("Mr. Dahl conceded he had never read the contract before the vote.")
    assert found == {"conceded": "he had never read the contract before the vote"}


def test_chanted_before_quoted_words() -> None:
    (q,) = quotes_of("Outside the hall, protesters chanted “No more tolls!” as the mayor left.")
    assert (q.cue, q.text, q.speaker_start is not None) == ("chanted", "No more tolls!", True)


def test_branded_is_a_verbal_act() -> None:
    found = _by_cue("The minister branded the strike a betrayal of the city and its workers.")
    assert found == {"branded": "the strike a betrayal of the city and its workers"}


def test_maintains_with_an_object_is_no_report() -> None:
    assert quotes_of("The port board maintains tight control over the harbour and its docks.") == []


def test_branded_goods_are_no_cue() -> None:
    assert quotes_of("The shop on the quay sells branded goods from the port.") == []
