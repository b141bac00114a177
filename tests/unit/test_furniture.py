"""Page furniture: each rule's examples, golden lines, and blanking that keeps every offset."""

from __future__ import annotations

import pytest

from extract.document import Document
from extract.furniture import RULES, blank_furniture, drop_furniture, furniture_spans
from extract.pipeline import extract


@pytest.mark.parametrize(("rule", "line", "expected"), [(r.name, s, x) for r in RULES for s, x in r.examples])
def test_every_rule_example(rule: str, line: str, expected: object) -> None:
    found = next((r.name for r in RULES if r.applies(line)), None)
    assert (found == rule) is expected or (not expected and found is None), (rule, found)


FURNITURE = [
    "2 of 9.",
    "READ MORE: Why Lorvan's ferries keep breaking down",
    "Topics: Valdor, elections, harbours",
    "Share Pin It",
    "Trending On Valdor Times",
    "Related: The mayor who banned scooters",
    "Sign up for the Morning Brief newsletter",
    "Photo: Jane Roe",
    "Credit: Orel Studios View full size image",
    "Crowds gather at the pier on Sunday. (AP Photo/Ivo Kranj)",
    "Fans queue for tickets. Ana Brito/for The Valdor Times",
    "Facebook Twitter Email",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_lines_are_found(line: str) -> None:
    text = f"The council met on Monday.\n{line}\nThe vote was close."
    assert [text[s:e] for s, e in furniture_spans(text)] == [line]


ARTICLE_LINES = [
    "The ferry sank on Sunday, killing 4 of 19 passengers.",
    "Topics at the summit included fishing quotas and ferry fares.",
    "“Share the load,” the union leader told members on Friday.",
    "Read the full ruling, the judge said, before you criticise it.",
    "Jan. 5-7: Valdor Boat Show, Civic Hall, 500",
    "The ratio of nurses to patients rose to 1/4 last year.",
]


@pytest.mark.parametrize("line", ARTICLE_LINES)
def test_article_lines_are_kept(line: str) -> None:
    text = f"The council met on Monday.\n{line}\nThe vote was close."
    assert furniture_spans(text) == []


def test_a_list_of_related_stories_after_its_label_is_blanked() -> None:
    text = (
        "The bridge reopened on Friday.\n"
        "Trending on Valdor Times\n"
        "Mayor bans scooters from the old town\n"
        "Ten beaches to visit this summer\n"
        "The tram line was finished in 1998."
    )
    blanked = [text[s:e] for s, e in furniture_spans(text)]
    assert blanked == [
        "Trending on Valdor Times",
        "Mayor bans scooters from the old town",
        "Ten beaches to visit this summer",
    ]


def test_a_run_of_headlines_is_blanked_but_not_a_single_one() -> None:
    headlines = "Valdor Ferry Fares Rise Again\nLorvan Mayor Faces Recall Vote\nOrel Bank Cuts Its Rates"
    assert len(furniture_spans(f"The bridge reopened on Friday.\n{headlines}\nIt cost $4 million.")) == 3
    assert furniture_spans("Ferry Fares Rise Again\nThe bridge reopened on Friday.") == []


def test_blanking_keeps_length_offsets_and_newlines() -> None:
    text = (
        "A ferry sank on Sunday.\n1 of 4.\nRescuers said 12 people were saved.\nALSO READ: Ten Safe Ferries"
    )
    blanked = blank_furniture(text)
    assert len(blanked) == len(text)
    assert blanked.count("\n") == text.count("\n")
    assert "1 of 4" not in blanked and "ALSO READ" not in blanked
    at = text.index("Rescuers")
    assert blanked[at:].startswith("Rescuers said 12 people were saved.")


def test_document_parse_skips_furniture_and_extractors_see_nothing_of_it() -> None:
    text = (
        "Divers search the bay on Monday. (AP Photo/Ivo Kranj)\n"
        "Divers recovered 3 bodies from the bay on Monday, police said.\n"
        "1 of 4."
    )
    doc = Document.parse(text)
    assert [doc.sentence_text(i) for i in range(len(doc.sentences))] == [
        "Divers recovered 3 bodies from the bay on Monday, police said."
    ]
    found = extract(text)
    assert all(f.start >= text.index("Divers recovered") for f in found.figures)
    assert [text[e.start : e.end] for e in found.events] == [] or all(
        e.start >= text.index("Divers recovered") for e in found.events
    )


def test_drop_furniture_removes_the_lines() -> None:
    text = "A ferry sank on Sunday.\n\nShare Pin It\n\nRescuers saved 12 people.\n\nTopics: ferries"
    assert drop_furniture(text) == "A ferry sank on Sunday.\n\nRescuers saved 12 people."
