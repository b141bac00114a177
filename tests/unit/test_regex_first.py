"""The first characters a regex can start with, and the TIMEX variants built on them."""

from __future__ import annotations

import re

from extract.regex_first import ASCII, Alternation, first_characters, opening_guard
from extract.timex.grammar import TIMEX
from extract.timex.scan import _TIMEX


def test_first_characters_of_literals_sets_and_optional_prefixes() -> None:
    assert first_characters(r"\bcat") == frozenset("c")
    assert first_characters(r"(?:big\s+)?cat|[0-3]") == frozenset("bc0123")
    assert first_characters(r"(?<![\w])(?P<n>\d+)") == frozenset("0123456789")


def test_first_characters_ignoring_case_take_every_case_form() -> None:
    assert first_characters(r"(?i:the)\s") == frozenset("tT")
    assert first_characters(r"the", re.IGNORECASE) == frozenset("tT")
    # the Kelvin sign folds onto "k": an ASCII "k" or "K" can open a match
    assert first_characters("(?i:\u212a)") == frozenset("kK")


def test_first_characters_give_up_on_what_they_do_not_model() -> None:
    assert first_characters(r"[^a]b") is None  # a negated set
    assert first_characters(r".x") is None
    assert first_characters(r"(?:a)?") is None  # can match the empty string


def test_opening_guard_skips_places_no_alternative_can_open() -> None:
    words = r"(?:cat|dog)s?"
    guarded = re.compile(r"\b" + opening_guard(words) + words)
    assert guarded.match("bat") is None
    assert guarded.match("7 dogs") is None
    text = "Dogs, a dog, two cats and a catalogue."
    assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in re.finditer(r"\b" + words, text)]


def test_opening_guard_lets_non_ascii_through_and_gives_up_where_the_analysis_does() -> None:
    assert re.match(opening_guard("é|x"), "élan") is not None
    assert re.match(opening_guard("(?:Ü|x)ber"), "Über") is not None
    assert opening_guard(r"[^a]b") == ""


def test_timex_variants_match_as_timex_does_at_every_position() -> None:
    text = (
        "On Monday, Oct. 26, 2025, at 4 p.m. EDT, officials said that over the next two years, "
        "about 1,200 people left; the 1990s, mid-2024, Q3 2025, the first half of 2024, "
        "three weeks ago, every other Friday, the week of March 6, tonight, currently, ſummer."
    )
    for i in range(len(text) + 1):
        expected = TIMEX.match(text, i)
        found = _TIMEX.variant(text[i : i + 1]).match(text, i)
        assert (found and (found.span(), found.lastgroup, found.groupdict())) == (
            expected and (expected.span(), expected.lastgroup, expected.groupdict())
        ), text[i : i + 20]


def test_ascii_is_the_first_128_code_points() -> None:
    assert len(ASCII) == 128


def test_alternation_tries_only_alternatives_that_can_open_there() -> None:
    words = Alternation(["(?i:dollars?)", "(?i:euros?)", r"\$"], r"(?!\w)")
    words.uses_before_variant = 1  # variants from the first use
    assert words.match("5 Euros.", 2) is not None
    assert words.match("5 Euros.", 2).group() == "Euros"  # type: ignore[union-attr]
    assert words.match(" said", 0) is None  # no alternative opens with a space
    assert words.match("dollarsign", 0) is None
    assert words.match("", 0) is None


def test_alternation_matches_with_the_whole_pattern_until_a_character_is_used_enough() -> None:
    words = Alternation(["(?i:dollars?)", "(?i:euros?)"])
    words.uses_before_variant = 3
    assert [words.match("euro", 0) is not None for _ in range(4)] == [True] * 4
    assert words.variant("e") is not words.pattern
    assert words.variant("é") is words.pattern  # outside ASCII: no analysis, the whole pattern
