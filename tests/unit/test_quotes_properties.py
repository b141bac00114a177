"""Property: quote and mention finding never fail and always return offsets into the text."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from extract.document import Document
from extract.names.mentions import find_mentions
from extract.quotes.find import find_quotes

_PIECES = st.sampled_from(
    [
        '"',
        "“",
        "”",
        "‘",
        "’",
        "'",
        "``",
        "''",
        "«",
        "»",
        " ",
        "\n",
        "\n\n",
        ",",
        ".",
        ":",
        "—",
        " said ",
        " he said",
        " she ",
        "Mr. ",
        "Anna Kowalski",
        " according to ",
        " told reporters that ",
        "the ministry",
        "We will win",
        "Kremlin",
        "(",
        ")",
        "Sen.",
        " officials said",
        "x",
    ]
)
_TEXT = st.one_of(st.text(max_size=200), st.lists(_PIECES, max_size=60).map("".join))


@settings(max_examples=200, deadline=None)
@given(_TEXT)
# A quoted name's marks are blanked for reading; the quote's words must still be the text's.
@example('``"A" told reporters" he said')
def test_find_quotes_and_mentions_never_raise_and_keep_offsets_in_the_text(text: str) -> None:
    doc = Document.parse(text)
    mentions = find_mentions(doc)
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
    for q in find_quotes(doc, mentions):
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start : q.end] == q.text
        if q.speaker_start is not None:
            assert q.speaker_end is not None
            assert 0 <= q.speaker_start <= q.speaker_end <= len(text)
