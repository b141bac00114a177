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


@pytest.mark.parametrize(
    ("sentence", "value", "value_max", "unit"),
    [
        ("The maker shipped 35m phones.", 35e6, None, "phone"),
        ("Some 8 B people live on Earth.", 8e9, None, "person"),
        ("The port cost 4 hundred million dollars.", 4e8, None, "USD"),
        ("The scheme cost half a billion dollars.", 5e8, None, "USD"),
        ("Four to five thousand fans waited.", 4000, 5000, "fan"),
        ("The engine makes 410 hp.", 410, None, "horsepower"),
        ("The coupe has 380 bhp.", 380, None, "brake horsepower"),
        ("It redlines at 7,200 rpm.", 7200, None, "revolution per minute"),
        ("Torque is 520 Nm.", 520, None, "newton metre"),
        ("Torque is 390 lb-ft.", 390, None, "pound-foot"),
        ("The van was doing 70 m.p.h. on the ring road.", 70, None, "mile per hour"),
        ("Shares in Halden closed at 164p.", 164, None, "penny"),
        ("The index shed 42 index points.", 42, None, "point"),
        ("Rent on the flat is $3,500 a month.", 3500, None, "dollar per month"),
        ("The agency's budget is $2 billion a year.", 2e9, None, "USD"),
        ("The goalkeeper is 6 feet 4 inches tall.", 6 + 4 / 12, None, "foot"),
    ],
)
def test_scale_words_ranges_and_units(
    sentence: str, value: float, value_max: float | None, unit: str
) -> None:
    f = figures(sentence)[0]
    assert f.value == pytest.approx(value)
    assert (f.value_max, f.unit) == (value_max, unit)


def test_a_screen_resolution_is_no_price_in_pence() -> None:
    assert figures("The camera records 1080p video.") == []


def test_real_after_a_word_number_is_no_currency() -> None:
    f = figures("Doctors studied three real-life cases.")[0]
    assert (f.value, f.unit) == (3, "case")
    assert figures("The deal is worth 2 trillion won.")[0].unit == "KRW"


def test_passengers_and_crew_are_people() -> None:
    f = figures("The ferry had 187 passengers and crew on board.")[0]
    assert (f.value, f.unit, f.text) == (187, "person", "187 passengers and crew")


def test_not_one_bit_is_no_figure() -> None:
    assert figures("She does not mind one bit.") == []


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("I tried to call Maro 3 times already.", 3, None),
        ("All 40 of us stayed.", 40, None),
        ("The notes were priced at 99 1/2 to yield 6%.", 99.5, None),
        ("Crews built five of the three-ton satellites.", 5, "satellite"),
        ("She lost two of her children in the flood.", 2, "child"),
        ("Lend me 100,000 ரூ today.", 100_000, "sri lankan rupee"),
    ],
)
def test_counts_and_prices_without_a_following_noun(sentence: str, value: float, unit: str | None) -> None:
    f = figures(sentence)[0]
    assert (f.value, f.unit) == (value, unit)


def test_the_before_a_count_is_no_anaphora() -> None:
    f = figures("Police questioned the two producers.")[0]
    assert (f.value, f.unit) == (2, "producer")


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ('The phone has a 6" screen.', 6, "inch"),
        ("The board is 9 ft 4 in long.", 9, "foot"),
        ("The villa is listed at dollar 31.5 million.", 31.5e6, "USD"),
        ("The ticket is $ 40 and fifty.", 40.5, "USD"),
        ("Rents rose in the six largest cities.", 6, "large city"),
        ("We ranked the 20 most expensive hotels.", 20, "expensive hotel"),
    ],
)
def test_inch_marks_currency_words_and_superlatives(sentence: str, value: float, unit: str) -> None:
    f = figures(sentence)[0]
    assert (f.value, f.unit) == (value, unit)


def test_inches_after_feet_are_their_own_figure() -> None:
    found = figures("The board is 9 ft 4 in long.")
    assert [(f.value, f.unit) for f in found] == [(9, "foot"), (4, "inch")]


def test_a_model_name_in_the_plural_is_counted() -> None:
    f = figures("The carrier has another 17 Airbus A320s, each seating 180.")[0]
    assert (f.value, f.unit, f.about) == (17, "Airbus A320", "Airbus A320s")


def test_a_vague_measure_is_not_extended_twice() -> None:
    f = figures("He controls millions of tons of coal reserves.")[0]
    assert (f.value, f.unit, f.about) == (1e6, "ton", "coal reserves")


def test_a_headline_count_stays_a_figure() -> None:
    assert figures("31 Voters Share Their Views On The Race.")[0].value == 31


def test_a_count_opening_a_direct_quote_is_a_figure() -> None:
    f = figures("“Three Koreans died,” the minister said.")[0]
    assert (f.value, f.unit) == (3, "Korean")
