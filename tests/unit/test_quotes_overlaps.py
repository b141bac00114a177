"""The same quoted words of one speaker, found by two rules, reach the reader once (overlaps.py)."""

from __future__ import annotations

from extract.models import Quote
from extract.pipeline import extract
from extract.quotes.overlaps import merge_overlapping


def _quote(start: int, end: int, speaker: str, rule: str, kind: str = "partial") -> Quote:
    return Quote(text="x" * (end - start), start=start, end=end, speaker=speaker, rule=rule, kind=kind)  # type: ignore[arg-type]


def test_dismissed_as_quoted_words_give_one_quote() -> None:
    text = (
        'Mayor Ilse Varga dismissed the ferry plan as "a bridge to nowhere and a waste of money" on Monday.'
    )
    quotes = extract(text).quotes
    assert len(quotes) == 1
    assert quotes[0].speaker == "Ilse Varga"
    assert "a bridge to nowhere" in quotes[0].text
    assert not quotes[0].text.startswith("dismissed")  # the report, not the narrator's verb


def test_quotes_sharing_only_a_seam_stay_two() -> None:
    text = 'Councillor Bram Oduya called the budget "reckless" and referred to the depot "a ruin".'
    texts = [q.text for q in extract(text).quotes]
    assert any("reckless" in t for t in texts)
    assert any("a ruin" in t for t in texts)


def test_report_around_a_quoted_sentence_keeps_both() -> None:
    text = (
        "Ilse Varga said she was never paid after she built the harbour wall, saying, "
        '"Maybe they did not like the stones."'
    )
    quotes = extract(text).quotes
    assert any(q.kind == "direct" and q.text == "Maybe they did not like the stones." for q in quotes)
    assert any("never paid" in q.text for q in quotes)


def test_longer_find_of_the_same_words_stays() -> None:
    inner = _quote(10, 40, "Ada Brun", "quote.cue_before")
    outer = _quote(5, 42, "Ada Brun", "indirect.cue_leading")
    assert merge_overlapping([outer, inner]) == [outer]


def test_subject_words_find_gives_way_to_the_verbs_report() -> None:
    subject = _quote(5, 50, "Ada Brun", "quote.subject_words; speaker: sentence-subject")
    report = _quote(18, 50, "Ada Brun", "indirect.cue_leading")
    assert merge_overlapping([subject, report]) == [report]


def test_different_speakers_or_indirect_finds_are_not_merged() -> None:
    a = _quote(10, 40, "Ada Brun", "quote.cue_before")
    b = _quote(8, 42, "Tom Reller", "indirect.cue_leading")
    c = _quote(8, 42, "Ada Brun", "indirect.cue_leading", kind="indirect")
    assert merge_overlapping([a, b]) == [a, b]
    assert merge_overlapping([a, c]) == [a, c]
