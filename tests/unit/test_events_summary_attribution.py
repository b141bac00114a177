"""The trailing-attribution search: its verb prefilter never changes what the pattern finds."""

from __future__ import annotations

from extract.events.summary import _TRAILING_ATTRIBUTION, _trailing_attribution, attribution_start


def _regex_only(text: str) -> tuple[int, int] | None:
    m = _TRAILING_ATTRIBUTION.search(text, max(0, len(text) - 200))
    return m.span() if m else None


def _found(text: str) -> tuple[int, int] | None:
    m = _trailing_attribution(text)
    return m.span() if m else None


def test_trailing_attribution_found_at_the_end_of_a_sentence() -> None:
    text = "The ferry service across the bay will resume next week, harbour officials SAID on Monday."
    assert _found(text) is not None
    assert _found(text) == _regex_only(text)
    assert attribution_start(text) == text.index(", harbour")


def test_a_sentence_without_reporting_verbs_has_no_trailing_attribution() -> None:
    text = "The ferry service across the bay will resume next week after a long winter of repairs."
    assert _found(text) is None
    assert attribution_start(text) is None


def test_a_reporting_verb_before_the_last_200_characters_does_not_count() -> None:
    text = "Officials said the ferry will resume, " + "and the crossing will take an hour " * 6 + "at most."
    assert _found(text) is None
    assert _regex_only(text) is None


def test_non_ascii_tails_are_left_to_the_pattern_which_folds_case_beyond_ascii() -> None:
    # "ſ" (long s) matches "s" when case is ignored: the prefilter's lower-casing would miss it
    text = "The ferry service across the bay will resume next week, harbour officials ſaid."
    assert _found(text) is not None
    assert _found(text) == _regex_only(text)
