from hypothesis import given, settings
from hypothesis import strategies as st

from extract.document import Document
from extract.figures.find import find_figures

# Pieces that exercise the figure rules, mixed with arbitrary text.
_PIECES = st.sampled_from(
    [
        "$",
        "US$",
        "c $ ",
        "€",
        "£",
        "¥",
        " ",
        "  ",
        "-",
        "–",
        ",",
        ".",
        "/",
        "%",
        "½",
        ":",
        "\n",
        "(",
        ")",
        "1",
        "12",
        "1,000",
        "80, 000",
        "3.5",
        "1/4",
        "2024",
        "nine",
        "forty-five",
        "a dozen",
        "one",
        "million",
        "bn",
        "m",
        "km",
        "feet",
        "per cent",
        "dollars",
        "euros",
        "pounds",
        "USD",
        "yen",
        "more than",
        "at least",
        "up to",
        "around",
        "rose",
        "fell",
        "to",
        "and",
        "between",
        "people",
        "drones",
        "Ukrainians",
        "years",
        "ago",
        "Sept.",
        "May",
        "p.m.",
        "F-",
        "COVID-",
        "https://x.com/",
        "@",
        "#",
        "No.",
        "the",
        "these",
        "tens of thousands of",
        "a share",
        "a day",
    ]
)
_TEXT = st.one_of(
    st.text(max_size=120),
    st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=30).map("".join),
)


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_figures_never_raise_and_spans_always_match_the_text(text: str) -> None:
    for f in find_figures(Document.parse(text), []):
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
        assert f.value_max is None or f.value_max >= f.value


def test_offsets_hold_when_lowercasing_changes_the_text_length() -> None:
    text = "İİİ The city bought Nine ferries."
    (f,) = find_figures(Document.parse(text), [])
    assert (f.text, f.value, f.unit) == ("Nine ferries", 9, "ferry")


def test_an_unclosed_bracket_before_a_unit_at_the_end_of_the_text_is_not_a_bracketed_unit() -> None:
    for text in ("The wall is 5 [m", "0[m"):
        for f in find_figures(Document.parse(text), []):
            assert f.end <= len(text) and text[f.start : f.end] == f.text
    (f,) = find_figures(Document.parse("The wall is 5 [m] high."), [])
    assert (f.text, f.unit) == ("5 [m]", "metre")
