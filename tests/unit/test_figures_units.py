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


@pytest.mark.parametrize(
    ("sentence", "value", "value_max", "unit"),
    [
        ("Harbor Books, 312 pp., $18.50", 312, None, "page"),
        ("A 6-to-8 foot alligator crossed the road.", 6, 8, "foot"),
        ("Crews combed a 40-square-kilometre zone.", 40, None, "square kilometre"),
        ("The bank is 51-per-cent owned by the state.", 51, None, "percent"),
        ("The ferry sank, killing all 112 on board.", 112, None, "person"),
    ],
)
def test_units_written_with_hyphens_abbreviations_or_implied(
    sentence: str, value: float, value_max: float | None, unit: str
) -> None:
    f = figures(sentence)[0]
    assert (f.value, f.value_max, f.unit) == (value, value_max, unit)


def test_a_bare_number_before_to_and_a_measure_takes_its_unit() -> None:
    found = figures("Two pilots asked to climb from 31,000 to 37,000 feet.")
    assert [(f.value, f.unit) for f in found] == [(2, "pilot"), (31_000, "foot"), (37_000, "foot")]


def test_of_which_takes_the_unit_of_the_figure_before() -> None:
    found = figures("She logged 9,400 flying hours, of which 2,100 were at night.")
    assert [(f.value, f.unit) for f in found] == [(9_400, "hour"), (2_100, "hour")]
