"""Mentions read from capitalised runs, which are cached by their text: offsets follow each occurrence."""

from __future__ import annotations

from extract.document import Document
from extract.names.mentions import find_mentions


def test_repeated_run_gives_mentions_at_each_occurrence() -> None:
    text = (
        "Foreign Minister Andrii Sybiha spoke in Kyiv. Later, Foreign Minister Andrii Sybiha flew to Warsaw. "
        "Despite this, Foreign Minister Andrii Sybiha stayed calm."
    )
    found = [m for m in find_mentions(Document.parse(text)) if m.text == "Andrii Sybiha"]
    assert [text[m.start : m.end] for m in found] == ["Andrii Sybiha"] * 3
    assert len({m.start for m in found}) == 3
    assert all(m.kind == "person" and m.role == "Foreign Minister" for m in found)


def test_sentence_initial_common_word_is_dropped_only_where_it_opens_a_sentence() -> None:
    text = (
        "Secret talks went on. The secret was kept. Secret Service agents left. "
        "Agents of Secret Service waited."
    )
    spans = {(m.start, m.text) for m in find_mentions(Document.parse(text))}
    assert all(t != "Secret" for _, t in spans)
    assert any(t == "Secret Service" and s > text.index("of") for s, t in spans)
