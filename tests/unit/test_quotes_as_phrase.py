"""“As X said, …” and “…, as X said”: an "as" phrase of saying attributes its clause (indirect_as.py)."""

from __future__ import annotations

import pytest

from extract.pipeline import extract


def _as_quotes(text: str) -> list[tuple[str | None, str]]:
    return [
        (q.speaker, q.text) for q in extract(text).quotes if (q.rule or "").startswith("indirect.as_phrase")
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "As Ada Brun said on Monday, the depot will close by March.",
            "Ada Brun",
            "the depot will close by March",
        ),
        (
            "As Ada Brun told reporters, the depot will close by March.",
            "Ada Brun",
            "the depot will close by March",
        ),
        (
            "But as Tom Reller has noted, the bridge is older than the town.",
            "Tom Reller",
            "the bridge is older than the town",
        ),
        (
            "The depot will close by March, as Ada Brun said last week.",
            "Ada Brun",
            "The depot will close by March",
        ),
        (
            "The depot will close by March, as Ada Brun has warned.",
            "Ada Brun",
            "The depot will close by March",
        ),
    ],
)
def test_as_phrase_attributes_its_clause(text: str, speaker: str, content: str) -> None:
    assert _as_quotes(text) == [(speaker, content)]


@pytest.mark.parametrize(
    "text",
    [
        "The depot closed in March, as Ada Brun said it would.",  # a comparison: the narrator's clause
        "As Ada Brun did not say, the depot will close.",  # negated
        "As Tom Reller might put it, the ferry is older than the town.",  # hypothetical
        "As Ada Brun spoke, the crowd cheered.",  # a time, not a report
        "As expected, the depot will close by March.",
        "As Ada Brun hoped, the depot will stay open until June.",  # a wish, no words said
    ],
)
def test_as_phrase_that_reports_nothing_gives_no_quote(text: str) -> None:
    assert _as_quotes(text) == []


def test_as_said_he_would_is_no_report_of_the_main_clause() -> None:
    assert extract("As Ada Brun said he would, Tom Reller resigned from the board.").quotes == []


def test_as_phrase_before_quoted_words_leaves_them_to_the_direct_rule() -> None:
    quotes = extract('As Ada Brun said, "The depot will close before the winter."').quotes
    assert [(q.kind, q.speaker) for q in quotes] == [("direct", "Ada Brun")]
