from datetime import UTC, datetime

import pytest

from handlers.wording import clip_words, counted, figure_phrase, moment, unit_after


def test_one_is_singular_and_every_other_count_plural() -> None:
    assert [counted(n, "event") for n in (0, 1, 2)] == ["0 events", "1 event", "2 events"]
    assert counted(1, "new event") == "1 new event"


def test_a_unit_after_a_value_reads_as_written() -> None:
    assert unit_after(1, None, "ship") == "ship"
    assert unit_after(52, None, "ship") == "ships"
    assert unit_after(1, 2, "ship") == "ships"  # a range
    assert unit_after(0.5, None, "kilometre") == "kilometres"
    assert unit_after(40, None, "kilometre per hour") == "kilometres per hour"
    assert unit_after(3, None, "square mile") == "square miles"
    assert unit_after(3, None, "person") == "people"
    assert unit_after(6, None, "foot") == "feet"
    assert unit_after(2, None, "inch") == "inches"
    assert unit_after(2, None, "bus") == "buses"
    assert unit_after(9, None, "casualty") == "casualties"
    assert unit_after(9, None, "day") == "days"
    assert unit_after(2000, None, "Ukrainian") == "Ukrainians"


def test_units_that_take_no_plural_stay_as_they_are() -> None:
    for unit in ("USD", "%", "percent", "celsius", "gigahertz", "container ships", "police"):
        assert unit_after(12, None, unit) == unit


@pytest.mark.parametrize(
    ("figure", "expected"),
    [
        ((825e6, None, "USD"), "$825 million"),
        ((2e11, None, "EUR"), "€200 billion"),
        ((1.5e6, None, "person", "~"), "about 1.5 million people"),
        ((3.25e12, None, "GBP", ">"), "over £3.25 trillion"),
        ((1e9, 2e9, "USD"), "$1–2 billion"),
        ((1_234_567, None, "tonne"), "1,234,567 tonnes"),
        ((3e6, None, "CHF"), "CHF 3 million"),
        ((24, None, "year of age"), "aged 24"),
        ((3.5, None, "percent", "~"), "about 3.5%"),
        ((400, None, "job", "=", "down"), "400 fewer jobs"),
        ((12, None, "ship", "=", "up"), "12 more ships"),
        ((5, None, "percent", "=", "down"), "down 5%"),
        ((2e6, None, "USD", "=", "up"), "up $2 million"),
        ((1200, None, None), "1,200"),
        ((2.5, None, "USD per share"), "$2.5 per share"),
    ],
)
def test_figures_read_as_a_reader_writes_them(figure: tuple[object, ...], expected: str) -> None:
    said = figure_phrase(*figure)  # type: ignore[arg-type]
    assert said == expected
    assert "e+" not in said and "(down)" not in said and "year of age" not in said


def test_text_is_cut_at_a_word_boundary() -> None:
    text = "Firefighters from three valleys held the line overnight near Brennholt village"
    cut = clip_words(text, 40)
    assert len(cut) <= 40 and cut.endswith("…")
    assert text.startswith(cut[:-1]) and text[len(cut) - 1] == " "  # whole words only
    assert clip_words("short", 40) == "short"


def test_moments_read_as_times_in_the_readers_zone() -> None:
    at = datetime(2031, 11, 30, 9, 0, tzinfo=UTC)
    assert moment(at) == "Sun 30 Nov 09:00 UTC"
    assert moment(at, "Europe/Berlin") == "Sun 30 Nov 10:00 CET"
    assert moment(at, year=True) == "Sun 30 Nov 2031 09:00 UTC"


@pytest.mark.parametrize(
    ("value", "value_max", "unit", "said"),
    [
        (1000, 10000, "dockworker", "thousands of dockworkers"),
        (100, 1000, "protester", "hundreds of protesters"),
        (10000, 100000, "person", "tens of thousands of people"),
        (1000, 2000, "dockworker", "1,000–2,000 dockworkers"),  # a reported range stays numbers
        (1000, 10000, "EUR", "€1,000–10,000"),
    ],
)
def test_a_vague_order_reads_as_the_article_said_it(
    value: float, value_max: float, unit: str, said: str
) -> None:
    assert figure_phrase(value, value_max, unit) == said
