"""Extraction grows linearly with hostile input (issue 22), and the faster paths answer as before.

No wall-clock assertions: growth is measured by operation counts (Python calls made, characters a
regex is handed), and each shortcut is checked against the plain computation it replaced.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from itertools import accumulate, product
from types import FrameType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.hostile_texts import UNITS, hostile, long_article
from extract.document import MAX_SENTENCE, Document
from extract.figures import about, context, neighbours
from extract.figures.context import may_end_with
from extract.figures.find import _Spans
from extract.figures.owners import company_before
from extract.pipeline import extract
from extract.timex import tense
from extract.timex.tense import SentenceTense

PUBLISHED = date(2026, 3, 2)


def _calls(text: str) -> int:
    """Python and C function calls made by one extraction: a count, not a time."""
    count = 0

    def hook(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    # patterns are compiled on first use, some after 1,000 uses (regex_first): not counted
    extract(text, PUBLISHED)
    sys.setprofile(hook)
    try:
        extract(text, PUBLISHED)
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize("name", sorted(UNITS))
def test_the_work_on_hostile_input_grows_linearly(name: str) -> None:
    # twice the text, about twice the calls (quadratic code made 4x: the cue and date scans did)
    small, large = _calls(hostile(name, 6_000)), _calls(hostile(name, 12_000))
    assert large <= 2.4 * small + 2_000, (name, small, large)


def test_the_work_on_a_long_article_grows_linearly() -> None:
    small, large = _calls(long_article(15_000)), _calls(long_article(30_000))
    assert large <= 2.4 * small, (small, large)


class _CountingPattern:
    """A compiled pattern that counts the characters its searches are given."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.chars = 0

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        self.chars += min(endpos, len(text)) - pos
        return self.pattern.finditer(text, pos, endpos)


@contextmanager
def _counting_cues(monkeypatch: pytest.MonkeyPatch) -> Iterator[_CountingPattern]:
    counting = _CountingPattern(tense._CUE)
    with monkeypatch.context() as m:
        m.setattr(tense, "_CUE", counting)
        yield counting


@pytest.mark.parametrize("unit", ["Monday ", "on Monday, the ", "Monday need "])
def test_tense_cues_are_read_once_per_sentence(monkeypatch: pytest.MonkeyPatch, unit: str) -> None:
    # One long "sentence" of weekdays and no tense cue: each weekday read the whole sentence again.
    def scanned(n: int) -> int:
        with _counting_cues(monkeypatch) as counting:
            from extract.timex.dates import find_dates

            find_dates(Document.parse(unit * n, PUBLISHED))
            return counting.chars

    assert scanned(400) <= 2.2 * scanned(200)


# Words that make and break tense cues, and weekdays to be read, for sentences of any length.
_TENSE_WORDS = st.sampled_from(
    "Monday Friday will would said told that who was need disputed the be is could vote won't "
    "we'll planned agreed to scheduled met ago , . 's x yy zzzz".split()
)


def _nearest_whole_sentence(sentence: str, start: int, end: int) -> int:
    """The tense as it was read before: every cue of the sentence considered for each expression."""
    best = tense._nearest_cue(sentence, start, end, max(0, start - 100), end + 100)
    if best is None and (start > 100 or end + 100 < len(sentence)):
        best = tense._nearest_cue(sentence, start, end, 0, len(sentence))
    return best[1] if best else tense.UNKNOWN


@settings(max_examples=300, deadline=None)
@given(st.lists(_TENSE_WORDS, min_size=1, max_size=160), st.data())
def test_tense_read_once_agrees_with_the_whole_sentence_read(words: list[str], data: st.DataObject) -> None:
    sentence = " ".join(words)
    days = [m.span() for m in re.finditer(r"Monday|Friday", sentence)]
    if not days:
        return
    reader = SentenceTense(sentence)
    for start, end in data.draw(st.lists(st.sampled_from(days), min_size=1, max_size=6)):
        assert reader.direction(start, end) == _nearest_whole_sentence(sentence, start, end)


def test_a_sentence_without_an_end_is_cut_at_a_space_under_the_cap() -> None:
    text = "the minister told reporters that the council would meet again " * 200
    doc = Document.parse(text)
    assert len(doc.sentences) > 1
    for s, e in doc.sentences:
        assert e - s <= MAX_SENTENCE
        assert not text[s].isspace() and not text[e - 1].isspace()
    # nothing lost: the pieces and the spaces between them make the paragraph
    assert doc.sentences[0][0] == 0 and doc.sentences[-1][1] == len(text.rstrip())


def test_a_cut_without_any_space_is_made_at_the_cap() -> None:
    doc = Document.parse("x" * (2 * MAX_SENTENCE + 5))
    assert doc.sentences == [
        (0, MAX_SENTENCE),
        (MAX_SENTENCE, 2 * MAX_SENTENCE),
        (2 * MAX_SENTENCE, 2 * MAX_SENTENCE + 5),
    ]


# The sentence end as a lookahead pattern: it re-read a run of dots from each dot (quadratic).
_OLD_END = re.compile(r"""[.!?…][.!?…]*["'”’»)\]]*(?=\s)""")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(".!?…\"'”’»)] \nabAB")), max_size=80))
def test_sentence_ends_are_the_ones_the_lookahead_pattern_found(text: str) -> None:
    doc = Document.parse(text)
    for s, e in doc.paragraphs:
        ends = {m.end() for m in _OLD_END.finditer(text, s, e)}
        for _, sentence_end in doc.sentences:
            if s <= sentence_end < e:
                assert sentence_end in ends


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8)), max_size=12),
    st.integers(0, 70),
    st.integers(1, 8),
)
def test_spans_overlap_as_a_scan_of_every_span_says(
    spans: list[tuple[int, int]], start: int, width: int
) -> None:
    pairs = [(s, s + w) for s, w in spans]
    end = start + width
    assert _Spans(pairs).overlaps(start, end) == any(s < end and start < e for s, e in pairs)


_COMPANY_TEXT = (
    "Shares of Velmora Holdings rose 3% to $12.10, while Kestrel Corp (NYSE: KST) fell 2% and "
    "the Harbour Group Ltd. gained 1% after it said profit rose to $40 million."
)


def test_companies_found_once_per_paragraph_are_the_ones_found_before_each_figure() -> None:
    for m in re.finditer(r"\$?\d", _COMPANY_TEXT):
        once = company_before(_COMPANY_TEXT, 0, m.start(), len(_COMPANY_TEXT))
        assert once == company_before(_COMPANY_TEXT, 0, m.start())
    assert (
        company_before(_COMPANY_TEXT, 0, _COMPANY_TEXT.index("$40"), len(_COMPANY_TEXT))
        == "Harbour Group Ltd."
    )


_BEFORE_WORDS = st.sampled_from(
    "rose fell climbed slid to at is was stood total came amount about nearly just only x Yes TO Was "
    "remained lasted took 12 , - \n".split(" ")
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_BEFORE_WORDS, max_size=10), st.sampled_from([" ", "  ", "\n", ""]))
def test_a_figure_skips_the_searches_only_where_they_cannot_match(words: list[str], gap: str) -> None:
    text = " ".join(words) + gap + "12"
    start = len(text) - 2
    lo = max(0, start - 40)
    if about._LEVEL_BEFORE.search(text, lo, start):
        assert may_end_with(text, start, about._LEVEL_ENDINGS)
    if about._COPULA_BEFORE.search(text, lo, start):
        assert may_end_with(text, start, about._COPULA_ENDINGS)


def test_prefix_reach_is_a_running_maximum() -> None:
    # the property `_Spans` rests on, spelled out once
    assert list(accumulate([3, 1, 5, 2], max)) == [3, 3, 5, 5]


_S = r"[^\S\r\n]"
# The patterns as they were, with two optional runs of spaces side by side (quadratic to fail on).
_OLD_PATTERNS = {
    "restated": (
        neighbours._RESTATED,
        re.compile(rf"{_S}*(?:(?:long|high|wide|deep|tall)?,?{_S}*or|\(|/){_S}*"),
        ["", " ", "  ", "long", "high", ",", "or", "(", "/", "x", "\t", "\n", "12"],
    ),
    "month after": (
        context._MONTH_AFTER,
        re.compile(rf"{_S}*(?:st|nd|rd|th)?{_S}*(?:of{_S}+)?(?:(?i:{context._MONTH})(?![\w])\.?)"),
        ["", " ", "  ", "th", "st", "of", "May", "may.", "Sept", "x", "\t", "\n", "12", "."],
    ),
}


@pytest.mark.parametrize("name", sorted(_OLD_PATTERNS))
def test_rewritten_patterns_match_exactly_what_they_matched(name: str) -> None:
    new, old, parts = _OLD_PATTERNS[name]
    for k in range(1, 4):
        for combo in product(parts, repeat=k):
            text = "".join(combo)
            for pos in range(len(text) + 1):
                a, b = old.match(text, pos), new.match(text, pos)
                assert (a and a.span()) == (b and b.span()), (text, pos)
