"""Golden table of the date rules: every rule's declared examples, and the rule named on what it makes."""

from __future__ import annotations

import pytest

from extract.document import Document
from extract.rules import unique_names
from extract.timex.calendar_dates import holiday
from extract.timex.date_rules import EXAMPLES_PUBLISHED, RULES, DateRule
from extract.timex.dates import _NORMALISERS, find_dates

_EXAMPLES = [(rule.name, text, value) for rule in RULES for text, value in rule.examples]


def test_rule_names_are_unique_and_each_has_examples() -> None:
    unique_names(RULES)
    assert all(rule.examples for rule in RULES)


def test_every_rule_has_a_normaliser() -> None:
    # "day_rel" is read with the expression after it (timex_compound)
    assert {rule.name for rule in RULES} - set(_NORMALISERS) == {"day_rel"}


@pytest.mark.parametrize(("name", "text", "value"), _EXAMPLES)
def test_rule_example(name: str, text: str, value: str) -> None:
    found = find_dates(Document.parse(text, EXAMPLES_PUBLISHED))
    assert [(t.rule, t.value) for t in found if t.rule == name] == [(name, value)], [
        (t.text, t.rule, t.value) for t in found
    ]


def test_a_second_day_names_its_own_rule() -> None:
    found = find_dates(
        Document.parse("The fair runs on April 24 and 25, organisers said.", EXAMPLES_PUBLISHED)
    )
    assert [(t.text, t.rule) for t in found] == [("April 24", "month_day"), ("25", "day_pair")]


def test_a_declared_rule_is_a_plain_record() -> None:
    rule = DateRule("x", "doc", r"(?P<x_word>now)", ("x_word",), (("now", "PRESENT_REF"),))
    assert rule.anchors == ("x_word",)


@pytest.mark.parametrize(
    "text",
    [
        "She reread A Christmas Carol on the train.",
        "Shoppers bought Christmas trees in Dunmore.",
        "He wrote for the Sunday Times for years.",
        "More than 2000 troops crossed the border.",
    ],
)
def test_a_name_or_count_from_the_lexicons_is_no_date(text: str) -> None:
    found = find_dates(Document.parse(text, EXAMPLES_PUBLISHED))
    assert [t for t in found if t.kind == "date" and t.rule in ("holiday", "weekday", "year")] == []


@pytest.mark.parametrize(
    ("name", "year", "day"),
    [
        ("Christmas Day", 2024, "2024-12-25"),
        ("New Year’s Eve", 2024, "2024-12-31"),
        ("New Year's Day", 2025, "2025-01-01"),
        ("Thanksgiving", 2024, "2024-11-28"),  # the fourth Thursday of November
        ("Election Day", 2024, "2024-11-05"),  # the Tuesday after the first Monday
        ("Easter Sunday", 2025, "2025-04-20"),
        ("Valentine's Day", 2025, "2025-02-14"),
        ("Groundhog Day", 2025, None),
    ],
)
def test_holiday_days_from_the_lexicon(name: str, year: int, day: str | None) -> None:
    found = holiday(name, year)
    assert (found.isoformat() if found else None) == day


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Ilse Varga moved to Tallinn with her current partner.", ["PRESENT_REF"]),
        ("The current board met in Quillby on Tuesday.", ["PRESENT_REF", "2025-09-09"]),
        ("Under its current plan, Rovena Mills hires twelve staff.", ["PRESENT_REF"]),
        ("The current account deficit of Marlovia widened.", []),
        ("The current swept the kayak past the pier.", []),
        ("A strong current ran under the bridge at Peltham.", []),
        ("Current rules bar the merger, Dana Okoro said.", []),
    ],
)
def test_current_before_a_noun_is_the_present(text: str, values: list[str]) -> None:
    found = find_dates(Document.parse(text, EXAMPLES_PUBLISHED))
    assert [t.value for t in found] == values, [(t.text, t.rule, t.value) for t in found]
