"""Quoted phrases listed together are one quote by one speaker, and a partial quote never ends on
the "and" that leads to the next one."""

from __future__ import annotations

from extract import extract


def _quotes(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text) for q in extract(text).quotes]


def test_phrases_joined_by_and_are_one_quote_of_one_speaker() -> None:
    text = "Councillor Mira Dahl called the plan “reckless” and “a betrayal of the harbour” on Tuesday."
    [(speaker, quoted)] = _quotes(text)
    assert speaker == "Mira Dahl"
    assert "“reckless” and “a betrayal of the harbour”" in quoted


def test_a_list_with_commas_and_or_is_one_quote() -> None:
    text = "The minister described the strike as “illegal,” “reckless” or “a stunt” in a radio interview."
    [(speaker, quoted)] = _quotes(text)
    assert speaker is not None and quoted.count("“") == 3


def test_sentences_in_quotation_marks_stay_apart() -> None:
    text = "“We will not move.” and “We will not be bought.” the chants went on, Jon Berg said."
    found = [q for _, q in _quotes(text)]
    assert not any("move.” and “We" in q for q in found)


def test_a_partial_quote_does_not_end_on_a_conjunction() -> None:
    text = "Ana Lind said the vote was “a farce” and then left the hall before the count."
    for _, quoted in _quotes(text):
        assert not quoted.rstrip().endswith((" and", " or", ","))


def test_two_quotes_of_one_speaker_across_a_relative_clause_read_as_said() -> None:
    text = (
        "The criticism kept coming, with the mayor Lena Holt slamming “reckless cuts” which further show "
        "that the board “has no plan for the harbour.”"
    )
    found = extract(text).quotes
    assert [q.speaker for q in found] == ["Lena Holt", "Lena Holt"]
    first, second = (q.text for q in found)
    assert first.endswith("“reckless cuts”")  # its own words, the marks closed, no narrator's clause
    assert second.startswith("the board") and "which further" not in second
