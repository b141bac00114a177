"""Hard-wrapped text files: a line break inside a sentence does not end the paragraph."""

from datetime import date

import pytest

from extract import extract
from extract.document import Document


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        # a wrapped sentence: the next line starts lower-case after an open line
        ("Dock workers walked out on Monday\nover a dispute about night shifts.", 1),
        ("The council approved a budget of\n12 million euros on Tuesday.", 1),
        # a heading above a paragraph, list items, a blank line between paragraphs
        ("Harbour strike\nDock workers walked out on Monday.", 2),
        ("Dock workers walked out.\nthe union then met again.", 2),
        ("Dock workers walked out on Monday\n\nover a dispute.", 2),
    ],
)
def test_wrapped_lines_join_their_paragraph(text: str, paragraphs: int) -> None:
    assert len(Document.parse(text).paragraphs) == paragraphs


def test_a_wrapped_wire_story_dates_its_happening_not_its_dateline() -> None:
    text = (
        "PORTVIK, March 12, 2032 (Coast Wire) - Tug crews at the northern quay stopped work on Tuesday\n"
        "over unpaid overtime, leaving four freighters waiting offshore, their union said.\n"
    )
    [event] = extract(text, date(2032, 3, 12)).events
    assert event.date == "2032-03-09"  # the Tuesday before, not the dateline's 12 March
    assert event.summary.startswith("Tug crews") and "overtime" in event.summary
