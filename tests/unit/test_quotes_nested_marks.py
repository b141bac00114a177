"""A quote holding a quote written in the other style of marks ("… “…?” …" or “… "…?" …”) stays one
quote; a paragraph opened with a mark that never closes still gives way to the quotes inside it.
Every sentence here is made up."""

from __future__ import annotations

import pytest

from extract.document import Document
from extract.quotes.marks import quote_segments
from tests.unit.quote_helpers import quotes_of

_BLOCK = (
    "Mayor Ana Quill spoke to the council on Monday.\n\nQuill continued:\n\n{open}The numbers are clear, and"
    " I will read you the question: {inner_open}Do you back the bridge?{inner_close} Sixty percent said"
    " yes.{close}\n\nThe vote is next week."
)

NESTED = [
    _BLOCK.format(open='"', close='"', inner_open="“", inner_close="”"),
    _BLOCK.format(open="“", close="”", inner_open='"', inner_close='"'),
]


@pytest.mark.parametrize("text", NESTED)
def test_a_quote_inside_a_quote_in_other_marks(text: str) -> None:
    (q,) = quotes_of(text)
    assert (q.kind, q.speaker) == ("direct", "Ana Quill")
    assert q.text.startswith("The numbers are clear") and q.text.endswith("said yes.")


def test_an_unclosed_paragraph_mark_gives_way_to_the_quotes_inside() -> None:
    text = '"Nell thought the plan was a “stunt,” and said so.\n\nThe vote is next week.'
    doc = Document.parse(text)
    assert [text[s.start : s.end] for s in quote_segments(doc.text, doc.paragraphs)] == ["stunt,"]
