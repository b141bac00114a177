"""Units of counts, measures and money the figures reader names."""

import pytest

from extract.document import Document
from extract.figures.find import find_figures
from extract.models import Figure


def figures(text: str) -> list[Figure]:
    return find_figures(Document.parse(text), [])


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("Police arrested two Red Brigades members and three Young Turks.", "Young Turk"),
        ("On board were three South Africans.", "South African"),
        ("The airline hired 40 flight attendants.", "flight attendant"),
        ("The charity funds 12 nonprofit organizations.", "nonprofit organization"),
        ("Investigators questioned 3 NYPD officers.", "officer"),
        ("The army fired 12 Iranian-made Shahed drones.", "drone"),
    ],
)
def test_a_counted_unit_keeps_a_name_or_a_two_word_noun(sentence: str, unit: str) -> None:
    assert figures(sentence)[-1].unit == unit
